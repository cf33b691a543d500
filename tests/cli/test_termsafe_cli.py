"""No untrusted text reaches the terminal raw through the CLI (issue 14, item 2).

A file name carrying ``ESC ] 52 ; c ; ... BEL`` (writes the clipboard of the terminal that
shows it), a C1 ``\\x9b`` (CSI in one byte), a bidi override and an undecodable byte goes
through ingest, then every surface that shows it: ingest's report, ``evidence list/show``
(plain and JSON), ``case timeline``, ``audit``; and error messages naming a path, click's
own usage errors, protocol texts, backup metadata (``restore``) and a police bundle's
bag-info and member names (``verify-bundle``). Each output must hold no control
character but newline and tab, and show the escape as ``\\x1b`` text instead.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from PIL import Image

from cybercase.cli import main
from tests.conftest import PASSPHRASE, USER, Cli
from tests.helpers import rewrite_zip

OSC52 = "\x1b]52;c;aGVsbG8=\x07"  # "hello" into the clipboard
CSI_C1 = "\x9b2J"  # clear the screen, in one C1 byte
BIDI = "\u202e"
NAME = f"shot{OSC52}{CSI_C1}{BIDI}gnp.png"
RAW_NAME = b"raw\x9b[31mred.png"  # not UTF-8: the byte itself, as a terminal would get it

# what a terminal would obey: every control character but newline and tab, DEL, C1, bidi
# overrides and isolates, line separators, and lone surrogates (they cannot even be encoded)
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                 "\ud800-\udfff]")


def assert_clean(*outputs: str) -> None:
    for text in outputs:
        found = RAW.findall(text)
        assert not found, (found, text)


def strings(value: Any) -> list[str]:
    """Every string inside a JSON document."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


class Run:
    """The CLI in-process (click's CliRunner) against one vault."""

    def __init__(self, vault_dir: Path) -> None:
        self.runner = CliRunner()
        self.env = {"CYBERCASE_VAULT": str(vault_dir), "CYBERCASE_USER": USER,
                    "CYBERCASE_PASSPHRASE": PASSPHRASE, "CYBERCASE_NEW_PASSPHRASE": PASSPHRASE}

    def __call__(self, *args: str, code: int | None = 0) -> tuple[str, str]:
        result = self.runner.invoke(main, list(args), env=self.env, catch_exceptions=False)
        if code is not None:
            assert result.exit_code == code, (args, result.exit_code, result.stderr)
        assert_clean(result.stdout, result.stderr)
        return result.stdout, result.stderr


def png(path: Path, colour: tuple[int, int, int] = (200, 30, 30)) -> Path:
    Image.new("RGB", (40, 30), colour).save(path, "PNG")
    return path


@pytest.fixture
def run(vault_dir: Path) -> Run:
    cli = Run(vault_dir)
    cli("init", "--user", USER, "--school", f"OBS {BIDI}De Pirouette")
    return cli


@pytest.fixture
def evil_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    png(folder / NAME)
    png(Path(os.fsdecode(os.fsencode(folder) + b"/" + RAW_NAME)), (30, 30, 200))
    return folder


def test_ingested_osc52_name_is_escaped_in_every_listing(
    run: Run, evil_dir: Path
) -> None:
    ref = json.loads(run("case", "new", "--title", "WhatsApp 7b", "--json")[0])["ref"]
    out, err = run("ingest", ref, str(evil_dir))
    assert "\\x1b]52;c;aGVsbG8=\\x07" in out and "\\x9b2J" in out and "\\u202e" in out
    assert "raw\\x9b[31mred.png" in out  # the undecodable byte, shown as such

    out, _ = run("evidence", "list", ref)
    assert "shot\\x1b]52;c;aGVsbG8=\\x07\\x9b2J\\u202egnp.png" in out
    # JSON: still the exact name for scripts, with nothing raw on the terminal
    doc, _ = run("evidence", "list", ref, "--json")
    names = {item["original_name"] for item in json.loads(doc)}
    assert NAME in names and "\\u009b" in doc and "\\u202e" in doc
    item = next(i for i in json.loads(doc) if i["original_name"] == NAME)
    out, _ = run("evidence", "show", str(item["id"]))
    assert "\\x1b]52" in out

    for args in (("case", "timeline", ref), ("audit", ref), ("audit",),
                 ("case", "show", ref), ("verify",)):
        out, err = run(*args)
        assert out or err
    out, _ = run("audit", ref, "--details")
    assert "\\u001b]52" in out and "\\x9b2J" in out  # the ingest entry names the file
    doc, _ = run("audit", ref, "--json")
    assert NAME in strings(json.loads(doc))  # scripts still get the exact name
    doc, _ = run("case", "timeline", ref, "--json")
    json.loads(doc)


def test_paths_in_error_messages_are_escaped(run: Run, tmp_path: Path) -> None:
    ref = json.loads(run("case", "new", "--title", "x", "--json")[0])["ref"]
    missing = tmp_path / f"gone{OSC52}.png"
    _, err = run("ingest", ref, str(missing), code=2)
    assert "gone\\x1b]52;c;aGVsbG8=\\x07.png" in err and err.count("\n") == 1
    _, err = run("protocol", "check", str(missing), code=2)
    assert "\\x1b]52" in err
    _, err = run("--vault", str(tmp_path / "new"), "restore", str(missing), code=2)
    assert "\\x1b]52" in err
    _, err = run("verify-bundle", str(missing), code=2)
    assert "\\x1b]52" in err
    # click's own usage errors quote the value given: escaped too
    _, err = run("person", "add", ref, "Sam", "--kind", f"pupil{OSC52}", code=2)
    assert "pupil\\x1b]52" in err


def test_protocol_texts_are_escaped(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "ours.toml"
    run("protocol", "template", "--out", str(path))
    text = path.read_text(encoding="utf-8")
    text = text.replace('name_en = "Anti-bullying protocol',
                        'name_en = "\\u001b]52;c;aGVsbG8=\\u0007\\u009b2J Anti-bullying protocol')
    text = text.replace('id = "cybercase-default"', 'id = "ours"', 1)
    text = text.replace('name_en = "class teacher"', 'name_en = "class\\u001b[8m teacher"')
    path.write_text(text, encoding="utf-8")
    out, err = run("protocol", "check", str(path), code=None)
    run("protocol", "use", str(path), code=None)
    shown, _ = run("protocol", "show", code=None)
    assert "\\x1b]52" in out + err + shown
    # a protocol whose error message quotes the bad text
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('key = "teacher"', 'key = "te\\u001b]52;c;eA==\\u0007"', 1),
                   encoding="utf-8")
    out, err = run("protocol", "check", str(bad), code=None)
    assert out or err


def test_backup_metadata_is_escaped_on_restore(run: Run, tmp_path: Path) -> None:
    backup = tmp_path / "school.backup"
    run("backup", "--out", str(backup))
    with zipfile.ZipFile(backup) as zf:
        info = json.loads(zf.read("BACKUP.json"))
    info["created_at"] = f"2026-01-01T10:00:00{OSC52}{CSI_C1}"
    forged = tmp_path / "forged.backup"
    rewrite_zip(backup, forged, {"BACKUP.json": json.dumps(info).encode()})
    out, _ = run("--vault", str(tmp_path / "restored"), "restore", str(forged))
    assert "2026-01-01T10:00:00\\x1b]52;c;aGVsbG8=\\x07\\x9b2J" in out


def test_bundle_bag_info_and_member_names_are_escaped(
    run: Run, evil_dir: Path, tmp_path: Path
) -> None:
    ref = json.loads(run("case", "new", "--title", "x", "--json")[0])["ref"]
    run("ingest", ref, str(evil_dir / NAME))
    bundle = tmp_path / "bundle.zip"
    run("export", ref, "--out", str(bundle))
    with zipfile.ZipFile(bundle) as zf:
        names = zf.namelist()
        bag_info = next(n for n in names if n.endswith("/bag-info.txt"))
        root = bag_info.rsplit("/", 1)[0]
        lines = zf.read(bag_info).decode("utf-8").splitlines()
    forged_lines = [f"{line}{OSC52}{CSI_C1}" if line.startswith(("Source-Organization",
                    "External-Identifier")) else line for line in lines]
    forged = tmp_path / "forged.zip"
    rewrite_zip(bundle, forged, {
        bag_info: ("\n".join(forged_lines) + "\n").encode("utf-8"),
        f"{root}/data/evil{OSC52}.png": b"not in any manifest",
    })
    out, err = run("verify-bundle", str(forged), code=1)
    assert "\\x1b]52" in out + err
    doc, _ = run("verify-bundle", str(forged), "--json", code=1)
    json.loads(doc)


@pytest.mark.cli_subprocess  # the terminal-safe guard on a real stream
def test_real_process_writes_no_raw_escape(cli_vault: Cli, evil_dir: Path,
                                           tmp_path: Path) -> None:
    """The installed entry point, as a terminal would run it (bytes checked, not text)."""
    ref = cli_vault.json("case", "new", "--title", "x")["ref"]
    for args in (("ingest", ref, str(evil_dir)), ("evidence", "list", ref),
                 ("audit", ref, "--details"),
                 ("ingest", ref, str(tmp_path / f"gone{OSC52}"))):
        result = cli_vault(*args)
        assert result.code in (0, 2), result.err
        assert_clean(result.out, result.err)
        raw_bytes = (result.out + result.err).encode("utf-8", "surrogateescape")
        assert b"\x1b" not in raw_bytes and b"\xc2\x9b" not in raw_bytes
        assert b"]52;c;aGVsbG8=" in raw_bytes  # shown, as text
