"""`cybercase ingest` -> `ocr status` -> `ocr run` -> `ocr text` -> `search`, with real
Tesseract and a real vault: JSON shapes, derived labelling, no temporary file, a killed
worker's job resumed, and what happens without Tesseract."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cybercase.demo.chatshots import DUTCH_CHAT, chat_png
from cybercase.evidence.ocr import engine
from tests.conftest import Cli
from tests.helpers import raw_connection

needs_tesseract = pytest.mark.skipif(not engine.find_engine().available,
                                     reason="tesseract is not installed")


def shots(folder: Path, count: int) -> list[str]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"shot{n}.png"
        chat = ((DUTCH_CHAT[n % len(DUTCH_CHAT)][0], f"bericht nummer {n}", "20:00"),
                *DUTCH_CHAT)
        path.write_bytes(chat_png(messages=chat, seed=n))
        paths.append(str(path))
    return paths


def new_case(cli: Cli, title: str = "Groep 7b") -> str:
    ref: str = cli.json("case", "new", "--title", title)["ref"]
    return ref


@needs_tesseract
def test_ocr_run_text_and_search_from_the_command_line(cli_vault: Cli, tmp_path: Path) -> None:
    ref = new_case(cli_vault)
    (item,) = cli_vault.json("ingest", ref, *shots(tmp_path / "in", 1))
    assert cli_vault.json("ocr", "status")["queued"] == 1
    tmp = Path(cli_vault.env["TMPDIR"])
    before = sorted(tmp.iterdir())
    run = cli_vault.ok("ocr", "run", ref)
    assert "OCR 1/1" in run.err and "1 read, 0 failed" in run.out
    assert sorted(tmp.iterdir()) == before  # nothing written to TMPDIR on the way
    status = cli_vault.json("ocr", "status", ref)
    assert (status["done"], status["queued"], status["engine_available"]) == (1, 0, True)
    text = cli_vault.ok("ocr", "text", str(item["id"]))
    assert "stinkt" in text.out and "derived" in text.err
    doc = cli_vault.json("ocr", "text", str(item["id"]))
    assert doc["derived"] is True and doc["engine"] == "tesseract"
    assert doc["settings"]["psm"] == 11
    assert any(w["text"] == "stinkt" and w["width"] > 0 for w in doc["words"])
    hits = cli_vault.json("search", "stinkt")
    assert {"case": ref, "kind": "ocr", "item": item["id"]}.items() <= hits[0].items()
    assert "«stinkt»" in hits[0]["snippet"]
    assert cli_vault.json("search", "stink", "--case", ref)[0]["item"] == item["id"]
    assert cli_vault.json("search", "stinkt", "--case", new_case(cli_vault, "Ander")) == []
    # the OCR run is in the audit log, as the user who ran it
    audit = cli_vault.json("audit", ref)
    assert any(e["action"] == "evidence.ocr" and e["user"] == "anna" for e in audit)


def test_without_tesseract_one_line_and_ingest_still_works(
    cli_vault: Cli, tmp_path: Path
) -> None:
    ref = new_case(cli_vault)
    env = {"PATH": str(Path(sys.executable).parent), "CYBERCASE_TESSERACT": ""}
    result = cli_vault("ingest", ref, *shots(tmp_path / "in", 1), env=env)
    assert result.code == 0
    assert result.err.count("tesseract is not installed") == 1
    assert "Traceback" not in result.err
    run = cli_vault("ocr", "run", env=env)
    assert run.code == 0 and run.err.count("tesseract is not installed") == 1
    status = cli_vault.json("ocr", "status", env=env)
    assert status["queued"] == 1 and status["engine_available"] is False
    assert cli_vault.json("search", "Groep", env=env)[0]["kind"] == "case"


def _job_states(cli_vault: Cli) -> dict[str, int]:
    conn = raw_connection(cli_vault.vault_dir, "anna", "correct horse battery staple")
    try:
        return dict(conn.execute("SELECT state, count(*) FROM ocr_jobs GROUP BY state"))
    finally:
        conn.close()


@needs_tesseract
@pytest.mark.posix_only
def test_a_killed_worker_s_jobs_are_taken_up_again(cli_vault: Cli, tmp_path: Path) -> None:
    ref = new_case(cli_vault)
    cli_vault.ok("ingest", ref, *shots(tmp_path / "in", 6))
    proc = subprocess.Popen(
        [sys.executable, "-m", "cybercase", "ocr", "run"], env=cli_vault.env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline().decode()
        assert first.startswith("OCR 1/6"), first
        # kill it while it holds a job (between two jobs it holds none: a loaded machine
        # can land the kill there)
        deadline = time.monotonic() + 60
        while True:
            states = _job_states(cli_vault)
            if states.get("running", 0) >= 1 or time.monotonic() > deadline:
                break
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the worker and its tesseract processes
        proc.wait(30)
    states = _job_states(cli_vault)
    assert states.get("running", 0) >= 1 and states.get("done", 0) >= 1, states
    time.sleep(0.2)
    cli_vault.ok("ocr", "run")
    status = cli_vault.json("ocr", "status")
    assert (status["done"], status["queued"], status["running"], status["failed"]) == (
        6, 0, 0, 0)


@needs_tesseract
def test_ocr_text_respects_need_to_know_and_roles(cli_vault: Cli, tmp_path: Path) -> None:
    ref = new_case(cli_vault, "Geheim")
    (item,) = cli_vault.json("ingest", ref, *shots(tmp_path / "in", 1))
    cli_vault.ok("ocr", "run")
    cli_vault.ok("user", "add", "bram", "--role", "coordinator")
    cli_vault.ok("user", "add", "kim", "--role", "viewer")
    cli_vault.ok("case", "restrict", ref, "--users", "anna")
    bram = {"CYBERCASE_USER": "bram"}
    assert cli_vault("ocr", "text", str(item["id"]), env=bram).code == 5
    assert cli_vault.json("search", "stinkt", env=bram) == []
    assert cli_vault.json("ocr", "status", env=bram)["done"] == 0
    kim = {"CYBERCASE_USER": "kim"}
    assert cli_vault("ocr", "run", env=kim).code == 5  # a viewer changes nothing
