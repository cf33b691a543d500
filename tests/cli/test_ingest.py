"""`cybercase ingest` and `cybercase evidence ...` through the real CLI in a subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from cybercase.vault import Vault

PASS = "correct horse battery staple"
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


def png(path: Path, color: tuple[int, int, int] = (200, 30, 30)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    img = Image.new("RGB", (120, 200), color)
    img.paste((255, 255, 255), (10, 10, 60, 80))
    img.save(path, "PNG")
    return path


def sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as fh:
        fh.write(MP4)
        fh.truncate(size)
    return path


@pytest.fixture
def ref(cli_vault: Any) -> str:
    return str(cli_vault.json("case", "new", "--title", "WhatsApp 7b")["ref"])


@pytest.mark.posix_only  # a symlink (Windows needs a privilege to make one)
def test_ingest_json_statuses_progress_and_exit_code(
    cli_vault: Any, ref: str, tmp_path: Path
) -> None:
    src = tmp_path / "in"
    png(src / "chat.png")
    (src / "empty.txt").write_bytes(b"")
    (src / "note.txt").write_text("see you tomorrow, loser\n")
    raw = os.fsencode(src) + b"/bad\xffname\nline.txt"
    with open(raw, "wb") as fh:
        fh.write(b"non-utf8 name")
    (tmp_path / "link.png").symlink_to(src / "chat.png")
    # A path that does not exist is bad input: exit 2, nothing stored.
    typo = cli_vault("ingest", ref, str(src), str(tmp_path / "missing.png"))
    assert typo.code == 2, typo.err
    assert "no such file or folder" in typo.err and "missing.png" in typo.err
    assert "Traceback" not in typo.err and cli_vault.json("evidence", "list", ref) == []
    result = cli_vault(
        "ingest", ref, str(src), str(tmp_path / "link.png"), "--captured-by", "parent",
        "--platform", "WhatsApp", "--url", "https://chat.whatsapp.com/x", "--account", "@a",
        "--account", "@b", "--shown-time", "21:14", "--description", "insults",
        "--tag", "belediging", "--device", "phone of the mother", "--json",
    )
    assert result.code == 1, result.err
    docs = json.loads(result.out)  # stdout holds exactly one JSON document
    status = {Path(d["path"]).name: d["status"] for d in docs}
    assert status == {"chat.png": "stored", "empty.txt": "error", "note.txt": "stored",
                      "bad\\xffname\nline.txt": "stored", "link.png": "error"}
    assert "ingest: 5 files" in result.err
    assert "2 of 5 files could not be stored" in result.err
    listed = cli_vault.json("evidence", "list", ref)
    assert len(listed) == 3
    first = next(i for i in listed if i["original_name"] == "chat.png")
    assert {"id", "sha256", "size", "mime", "original_name"} <= set(first)
    assert first["mime"] == "image/png" and first["image"]["width"] == 120
    assert first["stated"]["accounts"] == ["@a", "@b"]
    assert first["stated"]["offence_tags"] == ["belediging"]
    # all good: exit 0
    ok = cli_vault("ingest", ref, str(png(tmp_path / "more.png", (0, 0, 255))))
    assert ok.code == 0 and ok.out.startswith("stored")
    again = cli_vault.json("ingest", ref, str(src / "chat.png"))
    assert again[0]["status"] == "duplicate" and again[0]["id"] == first["id"]


def test_bad_usage_exits_2_and_changes_nothing(cli_vault: Any, ref: str, tmp_path: Path) -> None:
    f = png(tmp_path / "a.png")
    unknown = cli_vault("ingest", "2026-999", str(f))
    assert unknown.code == 2 and "no case" in unknown.err
    tag = cli_vault("ingest", ref, str(f), "--tag", "rude")
    assert tag.code == 2 and "unknown offence tag" in tag.err
    none = cli_vault("ingest", ref)
    assert none.code == 2
    assert cli_vault.json("evidence", "list", ref) == []
    assert cli_vault("evidence", "extract", "abc", "--out", str(tmp_path / "x")).code == 2
    assert cli_vault("evidence", "extract", "42", "--out", str(tmp_path / "x")).code == 2


def test_sexual_minor_never_takes_a_file(cli_vault: Any, ref: str, tmp_path: Path) -> None:
    f = png(tmp_path / "image.png")
    refused = cli_vault("ingest", ref, str(f), "--sexual-minor", "--platform", "Snapchat")
    assert refused.code == 2
    assert "Meldpunt Kinderporno" in refused.err and "Do not copy" in refused.err
    assert "never takes a file" in refused.err
    assert cli_vault.json("evidence", "list", ref) == []
    assert cli_vault.json("evidence", "reports", ref) == []
    done = cli_vault("ingest", ref, "--sexual-minor", "--platform", "Snapchat",
                     "--where", "shown on a phone at school", "--when", "2026-11-20 around 15:00",
                     "--url", "https://snapchat.com/add/x", "--account", "@x", "--json")
    assert done.code == 0, done.err
    assert json.loads(done.out) == {"id": 1, "status": "described", "stored_bytes": 0}
    assert "politie" in done.err
    [report] = cli_vault.json("evidence", "reports", ref)
    assert report["platform"] == "Snapchat" and report["accounts"] == ["@x"]
    assert cli_vault.json("evidence", "list", ref) == []


def test_extract_withdraw_verify(cli_vault: Any, ref: str, tmp_path: Path, vault_dir: Path) -> None:
    f = png(tmp_path / "a.png")
    item = cli_vault.json("ingest", ref, str(f))[0]
    out = tmp_path / "back.png"
    cli_vault.ok("evidence", "extract", str(item["id"]), "--out", str(out))
    assert out.read_bytes() == f.read_bytes()
    exists = cli_vault("evidence", "extract", str(item["id"]), "--out", str(out))
    assert exists.code == 2 and "already exists" in exists.err
    audit = cli_vault.json("audit", ref)
    assert [(a["action"], a["actor"]) for a in audit if a["action"].startswith("evidence")] == [
        ("evidence.ingest", "anna"), ("evidence.extract", "anna")]
    cli_vault.ok("evidence", "withdraw", str(item["id"]), "--reason", "wrong pupil")
    again = cli_vault("evidence", "withdraw", str(item["id"]), "--reason", "x")
    assert again.code == 2 and "already withdrawn" in again.err
    [listed] = cli_vault.json("evidence", "list", ref)
    assert listed["withdrawn"]["reason"] == "wrong pupil"
    assert cli_vault.json("verify")["checked"]["evidence_items"] == 1
    # alter the stored bytes behind cybercase's back
    vault = Vault.open(vault_dir, "anna", PASS)
    try:
        vault.conn.execute("DROP TRIGGER blob_chunks_no_update")
        vault.conn.execute("UPDATE blob_chunks SET data = x'00'")
    finally:
        vault.close()
    bad = cli_vault("verify")
    assert bad.code == 1
    assert f"evidence {item['id']} (case {ref})" in bad.out


def test_roles(cli_vault: Any, ref: str, tmp_path: Path) -> None:
    cli_vault.ok("user", "add", "dirk", "--role", "viewer")
    f = png(tmp_path / "a.png")
    denied = cli_vault("ingest", ref, str(f), env={"CYBERCASE_USER": "dirk"})
    assert denied.code == 5
    assert cli_vault.json("evidence", "list", ref, env={"CYBERCASE_USER": "dirk"}) == []


@pytest.mark.posix_only  # SIGKILL
@pytest.mark.slow
def test_killed_ingest_leaves_item_absent(
    cli_vault: Any, ref: str, tmp_path: Path, vault_dir: Path
) -> None:
    big = sparse(tmp_path / "recording.mp4", 600 * 1024 * 1024)
    proc = subprocess.Popen(
        [sys.executable, "-m", "cybercase", "ingest", ref, str(big), "--json"],
        env=cli_vault.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    wal = vault_dir / "vault.db-wal"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 40 * 1024 * 1024:
            break
        assert proc.poll() is None, "ingest finished before it could be killed"
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert cli_vault.json("evidence", "list", ref) == []
    report = cli_vault.json("verify")
    assert report["ok"] and report["checked"]["evidence_items"] == 0
    # and the vault takes the next ingest
    small = png(tmp_path / "after.png")
    assert cli_vault.json("ingest", ref, str(small))[0]["status"] == "stored"


_MEASURE = (
    "import resource, runpy, sys\n"
    "sys.argv = ['cybercase'] + sys.argv[1:]\n"
    "try:\n"
    "    runpy.run_module('cybercase', run_name='__main__')\n"
    "except SystemExit as exc:\n"
    "    code = exc.code\n"
    "print('maxrss_kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


@pytest.mark.slow
@pytest.mark.posix_only  # peak memory read with the resource module (POSIX only)
def test_large_file_memory_bounded(cli_vault: Any, ref: str, tmp_path: Path) -> None:
    """300 MB in the suite (the benchmark does 2 GB): peak memory stays far below it."""
    size = 300 * 1024 * 1024
    big = sparse(tmp_path / "recording.mp4", size)
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, "ingest", ref, str(big), "--json"],
        env=cli_vault.env, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    [doc] = json.loads(proc.stdout)
    hasher = hashlib.sha256(MP4)
    zeros = bytes(1024 * 1024)
    remaining = size - len(MP4)
    while remaining:
        n = min(remaining, len(zeros))
        hasher.update(zeros[:n])
        remaining -= n
    # zeros behind an MP4 header: no readable video, so stored and flagged
    assert doc["status"] == "flagged" and doc["sha256"] == hasher.hexdigest()
    peak_mb = int(proc.stderr.rsplit("maxrss_kb", 1)[1].split()[0]) / 1024
    # ~65 MB alone, but 165-273 MB measured when other suite workers compete for the two
    # cores (cause not found yet: see the session 5 note). What the test proves: the file
    # is streamed, never held whole (holding it would be > 300 MB).
    assert peak_mb < 290, f"peak memory {peak_mb:.0f} MB for a 300 MB file"


def test_progress_bar_on_a_terminal_keeps_stdout_json(
    cli_vault: Any, ref: str, tmp_path: Path
) -> None:
    import pty

    for i in range(3):
        png(tmp_path / "in" / f"s{i}.png", (i * 80, 10, 10))
    master, slave = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "cybercase", "ingest", ref, str(tmp_path / "in"), "--json"],
            env=cli_vault.env, stdout=subprocess.PIPE, stderr=slave, timeout=60,
        )
        os.close(slave)
        slave = -1
        err = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            err += chunk
    finally:
        if slave >= 0:
            os.close(slave)
        os.close(master)
    assert proc.returncode == 0
    assert [d["status"] for d in json.loads(proc.stdout)] == ["stored"] * 3
    text = err.decode()
    assert "\r[" in text and "3/3 files" in text and "MB/s" in text
    assert "ingest: 3 files" in text
