"""Every error the cyber, privacy and export packages raise is a catalogue message (msg):
no raise site (or error built to raise later) passes a bare string, an f-string or a
``.format()`` to a CybercaseError, so the app can show each one in Dutch. The few left
English on purpose are listed here."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import cybercase
from cybercase.core import errors

SRC = Path(cybercase.__file__).parent
PACKAGES = ("cyber", "privacy", "export", "documents")
ERRORS = {name for name, obj in vars(errors).items()
          if inspect.isclass(obj) and issubclass(obj, errors.CybercaseError)}
# (file, line text) of raise sites that stay English on purpose, with the reason
ENGLISH_ONLY: dict[tuple[str, str], str] = {}


def raise_sites() -> list[tuple[str, int, str, ast.expr]]:
    """Every call of a CybercaseError class in the packages, with its first argument."""
    found = []
    for package in PACKAGES:
        for path in sorted((SRC / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):  # raise X(...), and X(...) built to raise later
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.id if isinstance(func, ast.Name) else \
                    func.attr if isinstance(func, ast.Attribute) else ""
                if name in ERRORS and node.args:
                    rel = str(path.relative_to(SRC))
                    found.append((rel, node.lineno, name, node.args[0]))
    return found


def is_message(arg: ast.expr) -> bool:
    """A msg(...) call, or a name/attribute holding one (built earlier), or a choice of two."""
    if isinstance(arg, ast.IfExp):
        return is_message(arg.body) and is_message(arg.orelse)
    if isinstance(arg, ast.Call):
        func = arg.func
        return isinstance(func, ast.Name) and func.id in ("msg", "Msg")
    return isinstance(arg, (ast.Name, ast.Attribute, ast.Subscript))


def test_every_raise_site_builds_a_catalogue_message() -> None:
    sites = raise_sites()
    assert len(sites) > 40  # the scan finds them
    bad = []
    for rel, line, name, arg in sites:
        text = ast.unparse(arg)
        if not is_message(arg) and (rel, text) not in ENGLISH_ONLY:
            bad.append(f"{rel}:{line}: raise {name}({text})")
    assert not bad, "\n".join(bad)


def test_the_scan_catches_strings_and_f_strings() -> None:
    for source in ('raise UsageError("text")', 'raise UsageError(f"x {y}")',
                   'raise UsageError("a {b}".format(b=1))', 'raise NotFound("a" + b)'):
        node = ast.parse(source).body[0]
        assert isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
        assert not is_message(node.exc.args[0]), source
    node = ast.parse('raise UsageError(msg("cyber.x", a=1))').body[0]
    assert isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
    assert is_message(node.exc.args[0])
    node = ast.parse('raise UsageError(msg("a.b") if c else "text")').body[0]
    assert isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
    assert not is_message(node.exc.args[0])
