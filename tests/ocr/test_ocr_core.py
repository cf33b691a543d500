"""OCR on real drawn chat screenshots with real Tesseract and a real vault: ingest queues
the job in its own transaction, the queue is worked, the reading is stored (derived, with
word boxes and the engine's facts), audited, and the original is untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from cybercase.cases.cases import create_case
from cybercase.evidence import ingest, ocr
from cybercase.evidence.items import read_content
from cybercase.evidence.ocr import engine
from cybercase.vault import Vault

pytestmark = pytest.mark.skipif(not engine.find_engine().available,
                                reason="tesseract is not installed")


def screenshot(path: Path, **kwargs: object) -> Path:
    from cybercase.demo.chatshots import chat_png

    path.write_bytes(chat_png(**kwargs))  # type: ignore[arg-type]
    return path


def test_ingest_queues_and_run_reads_the_known_words(vault: Vault, tmp_path: Path) -> None:
    case = create_case(vault, "Groep 7b")
    shot = screenshot(tmp_path / "chat.png")
    (result,) = ingest(vault, case.ref, [str(shot)], workers=0)
    assert result.id is not None
    assert ocr.status(vault) == ocr.OcrStatus(1, 0, 0, 0, True)
    assert ocr.load_reading(vault, result.id) is None
    seen: list[ocr.RunProgress] = []
    summary = ocr.run_pending(vault, progress=seen.append)
    assert (summary.done, summary.failed) == (1, 0)
    assert seen[-1].done == 1 and seen[-1].current == result.id
    assert ocr.status(vault, case.ref).done == 1
    reading = ocr.load_reading(vault, result.id)
    assert reading is not None and reading.derived
    assert "stinkt" in reading.text.split()
    (word,) = [w for w in reading.words if w.text == "stinkt"]
    assert word.width > 50 and word.height > 20 and word.conf > 50
    assert 0 < word.left < 1170 and 0 < word.top < 2532
    assert reading.engine == "tesseract" and reading.version.startswith("5")
    assert reading.languages == "nld+eng" and reading.settings["psm"] == 11
    assert reading.made_by == vault.user
    names = {"Daan", "Lotte", "Milan"}
    assert names <= {w.text for w in reading.words}
    # the original is untouched, byte for byte
    _item, data = read_content(vault, result.id)
    assert hashlib.sha256(data).hexdigest() == hashlib.sha256(shot.read_bytes()).hexdigest()
    actions = [r[0] for r in vault.conn.execute(
        "SELECT action FROM audit WHERE object = ?", (f"evidence {result.id}",))]
    assert "evidence.ocr" in actions
    # a second run has nothing to do
    assert ocr.run_pending(vault).done == 0


def test_dark_mode_keeps_the_coloured_sender_names(vault: Vault, tmp_path: Path) -> None:
    case = create_case(vault, "Donker")
    (result,) = ingest(vault, case.ref, [str(screenshot(tmp_path / "d.png", dark=True))],
                       workers=0)
    ocr.run_pending(vault)
    reading = ocr.load_reading(vault, result.id)
    assert reading is not None
    assert {"Daan", "Lotte", "Milan", "stinkt"} <= {w.text for w in reading.words}


def test_non_images_are_not_queued_and_failures_have_a_reason(
    vault: Vault, tmp_path: Path
) -> None:
    case = create_case(vault, "Mixed")
    (tmp_path / "note.txt").write_text("gewoon tekst\n")
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 200)
    ingest(vault, case.ref, [str(tmp_path / "note.txt"), str(tmp_path / "broken.jpg")],
           workers=0)
    assert ocr.status(vault).queued == 1
    summary = ocr.run_pending(vault)
    assert (summary.done, summary.failed) == (0, 1)
    status = ocr.status(vault)
    assert status.failed == 1 and status.failures[0]["reason"]


def test_tsv_parsing_groups_lines() -> None:
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\t"
           "height\tconf\ttext\n"
           "5\t1\t1\t1\t1\t1\t10\t20\t30\t40\t91.5\tHoi\n"
           "5\t1\t1\t1\t1\t2\t50\t20\t30\t40\t90\tdaar\n"
           "4\t1\t2\t1\t1\t0\t10\t80\t30\t40\t-1\t\n"
           "5\t1\t2\t1\t1\t1\t10\t80\t30\t40\t88\tdoei\n")
    text, words = engine.parse_tsv(tsv)
    assert text == "Hoi daar\ndoei"
    assert words[1] == ocr.OcrWord("daar", 50, 20, 30, 40, 90.0, 1, 1, 1, 2)


def test_the_background_runner_works_the_queue_on_its_own_connection(
    vault: Vault, tmp_path: Path
) -> None:
    import threading

    case = create_case(vault, "Achtergrond")
    ingest(vault, case.ref, [str(screenshot(tmp_path / "a.png"))], workers=0)
    seen: list[ocr.RunProgress] = []
    runner = ocr.OcrRunner(vault, progress=seen.append, idle_wait=0.2)
    thread = threading.Thread(target=runner.run)
    thread.start()
    try:
        deadline = 120.0
        while ocr.status(vault).done < 1 and deadline > 0:
            threading.Event().wait(0.2)
            deadline -= 0.2
        assert ocr.status(vault).done == 1
        # a new image is taken up by the same runner after wake()
        ingest(vault, case.ref, [str(screenshot(tmp_path / "b.png", dark=True))], workers=0)
        runner.wake()
        while ocr.status(vault).done < 2 and deadline > 0:
            threading.Event().wait(0.2)
            deadline -= 0.2
        assert ocr.status(vault).done == 2
    finally:
        runner.stop()
        thread.join(60)
    assert not thread.is_alive()
    assert runner.done == 2 and len(seen) == 2
