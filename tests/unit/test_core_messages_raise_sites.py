"""Every error raised in the converted core packages carries a Msg (cybercase.core.i18n.msg), so
the app can show it in Dutch: no bare string literal, f-string or ``.format`` text.

The few raise sites that stay English-only are listed in ENGLISH_ONLY with the reason.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import cybercase
from cybercase.core import errors

SRC = Path(cybercase.__file__).parent
# the packages and modules converted by this task (cyber/, privacy/, export/: the other one)
CONVERTED = ("cases", "evidence", "protocol", "vault", "views", "core/timeutil.py",
             "core/safefile.py", "core/roles.py")
ERRORS = {name for name, obj in vars(errors).items()
          if inspect.isclass(obj) and issubclass(obj, errors.CybercaseError)}

# (file relative to the package root, a piece of the raise line): why it stays English
ENGLISH_ONLY: dict[tuple[str, str], str] = {}


def converted_files() -> list[Path]:
    out = []
    for name in CONVERTED:
        path = SRC / name
        out.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return out


# functions that return a Msg (roles.refusal builds the permission refusal)
MSG_MAKERS = {"msg", "refusal"}


def carries_msg(node: ast.expr) -> bool:
    """A msg(...) call, or a name/attribute holding one; never a literal or built text."""
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Name) and node.func.id in MSG_MAKERS
    return isinstance(node, ast.Name | ast.Attribute)


def bare_raises() -> list[str]:
    found = []
    for path in converted_files():
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        rel = path.relative_to(SRC).as_posix()
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
                continue
            func = node.exc.func
            name = func.id if isinstance(func, ast.Name) else \
                func.attr if isinstance(func, ast.Attribute) else ""
            if name not in ERRORS or not node.exc.args:
                continue
            if carries_msg(node.exc.args[0]):
                continue
            line = lines[node.lineno - 1].strip()
            if any(file == rel and piece in line for file, piece in ENGLISH_ONLY):
                continue
            found.append(f"{rel}:{node.lineno}: {line}")
    return found


def test_every_raise_site_in_the_converted_packages_carries_a_msg() -> None:
    assert bare_raises() == []


def test_the_scan_sees_a_bare_string() -> None:
    tree = ast.parse("raise UsageError(f'no {x}')")
    raise_node = tree.body[0]
    assert isinstance(raise_node, ast.Raise) and isinstance(raise_node.exc, ast.Call)
    assert not carries_msg(raise_node.exc.args[0])
    assert "UsageError" in ERRORS


def test_english_only_sites_still_exist() -> None:
    for file, piece in ENGLISH_ONLY:
        assert piece in (SRC / file).read_text(encoding="utf-8"), (file, piece)
