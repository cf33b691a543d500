"""Lazy subcommands: ``--version`` and ``--help`` import no command module (nor Pillow,
libmagic, fpdf2, SQLCipher, cryptography or textual), and the explicit table in
``cybercase.cli.commands`` lists exactly the commands the modules define, with their help."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
import sys

import click
from click.testing import CliRunner

import cybercase.cli
from cybercase.cli import main
from cybercase.cli.commands import COMMANDS, EXTENDED_BY

HEAVY = ("PIL", "magic", "filetype", "fpdf", "sqlcipher3", "cryptography", "textual",
         "textual_image", "pyzipper", "platformdirs")

PROBE = """
import json, sys
sys.argv = ["cybercase", *json.loads(sys.argv[1])]
from cybercase.cli import run
try:
    run()
except SystemExit as exit:
    code = exit.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _probe(*args: str) -> tuple[str, int, list[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)],
                          capture_output=True, text=True, timeout=60)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return done.stdout, report["code"], report["modules"]


def _command_modules() -> list[str]:
    return [f"cybercase.cli.{m.name}" for m in pkgutil.iter_modules(cybercase.cli.__path__)]


def test_version_and_help_import_nothing_heavy() -> None:
    for args in (["--version"], ["--help"]):
        out, code, modules = _probe(*args)
        assert code == 0, (args, out)
        heavy = [m for m in modules if m.split(".")[0] in HEAVY]
        assert heavy == [], (args, heavy)
        ours = {m for m in modules if m.startswith("cybercase.")}
        assert ours <= {"cybercase.cli", "cybercase.cli.commands", "cybercase.cli.common",
                        "cybercase.core", "cybercase.core.oslayer",
                        "cybercase.core.termsafe", "cybercase.core.errors"}, (args, ours)
    out, _code, _modules = _probe("--version")
    assert out == "cybercase, version 0.1.0\n"


def test_a_command_imports_only_its_own_module() -> None:
    _out, code, modules = _probe("about", "--help")
    assert code == 0
    loaded = {m for m in modules if m in _command_modules()}
    assert loaded == {"cybercase.cli.about", "cybercase.cli.commands", "cybercase.cli.common"}


def test_the_table_lists_every_top_level_command_with_its_help() -> None:
    defined: dict[int, click.Command] = {}
    for name in _command_modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, click.Command) and value is not main:
                defined[id(value)] = value
    nested = {id(sub) for cmd in defined.values() if isinstance(cmd, click.Group)
              for sub in cmd.commands.values()}
    top = {cmd.name: cmd for key, cmd in defined.items() if key not in nested}
    assert sorted(top) == sorted(COMMANDS)
    for name, (path, text) in COMMANDS.items():
        module_name, attribute = path.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert command is top[name]
        assert " ".join((command.help or "").split("\n\n")[0].split()) == text, name
        assert command.short_help is None, name  # the table holds the help click would show
    for group, modules in EXTENDED_BY.items():
        assert all(m in _command_modules() for m in modules), group


EAGER = """
import click, sys
from cybercase.cli import main
ctx = click.Context(main)
assert all(main.get_command(ctx, name) is not None for name in main.list_commands(ctx))
main(["--help"], prog_name="cybercase")
"""


def test_help_reads_the_same_before_and_after_loading_every_command() -> None:
    for columns in ("80", "200"):
        env = {**os.environ, "COLUMNS": columns}
        lazy = subprocess.run([sys.executable, "-c", EAGER.replace("assert all", "# ")],
                              capture_output=True, text=True, timeout=60, env=env)
        eager = subprocess.run([sys.executable, "-c", EAGER], capture_output=True, text=True,
                               timeout=60, env=env)
        assert lazy.returncode == eager.returncode == 0, (lazy.stderr, eager.stderr)
        assert lazy.stdout == eager.stdout
        for name in COMMANDS:
            assert f"\n  {name} " in lazy.stdout


def test_subcommands_defined_elsewhere_come_with_their_group() -> None:
    _out, code, modules = _probe("case", "--help")
    assert code == 0 and "cybercase.cli.privacy" in modules
    result = CliRunner().invoke(main, ["case", "--help"])
    assert "restrict" in result.stdout and "unrestrict" in result.stdout
    result = CliRunner().invoke(main, ["person", "--help"])
    assert "  show " in result.stdout

