"""Printing for a meeting in the app (issue 18, Pilot, real vault, real OCR): choose the
items, review the masked pages, add a mask (an OCR word, a rectangle), lift one, print;
the PDF is written, stored as a masked print and the audit log shows the print."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Select, SelectionList

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.evidence import ingest, ocr
from cybercase.evidence.ocr import engine
from cybercase.privacy.auditview import audit_log
from cybercase.tui.case.confront import ConfrontSetupModal
from cybercase.tui.case.confront_review import ConfrontReviewModal
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.keyguard import GRACE
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import (
    AppFactory,
    Unlock,
    open_tab,
    palette_search,
    settle,
    submit,
    vault_of,
    widget_text,
)

pytestmark = pytest.mark.skipif(not engine.find_engine().available,
                                reason="tesseract is not installed")
SIZE = (120, 40)


@pytest.fixture
def print_vault(vault_dir: Path, tmp_path: Path) -> Path:
    """A case about Daan with three classmates, a chat screenshot read by OCR and a chat."""
    from cybercase.demo.chatshots import chat_png

    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "Groep 7b")
        add_person(vault, case.ref, "Daan de Boer", "pupil", role="bully")
        add_person(vault, case.ref, "Sanne Visser", "pupil", role="bullied")
        add_person(vault, case.ref, "Lotte Mulder", "pupil")
        add_person(vault, case.ref, "Milan Bos", "pupil")
        shot = tmp_path / "screenshot.png"
        shot.write_bytes(chat_png())
        chat = tmp_path / "WhatsApp-chat met Lotte.txt"
        chat.write_text("20-11-2026 14:32 - Daan de Boer: Lotte doet mee\n"
                        "20-11-2026 14:33 - Lotte Mulder: ja en Milan ook\n", encoding="utf-8")
        ingest(vault, case.ref, [str(shot), str(chat)], workers=0)
        assert ocr.run_pending(vault).done == 1
    finally:
        vault.close()
    return vault_dir


async def test_choose_review_add_a_mask_and_print(
    print_vault: Path, app_factory: AppFactory, unlock: Unlock, tmp_path: Path,
) -> None:
    app = app_factory(print_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "evidence")
        await pilot.press("P")
        await settle(pilot)
        setup = app.screen
        assert isinstance(setup, ConfrontSetupModal)
        assert setup.query_one("#for", Select).value == 1  # the bully, to start with
        for found in setup.query(".evidence-list"):
            assert isinstance(found, SelectionList)
            found.select(1)
            found.select(2)
        await submit(pilot)
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ConfrontReviewModal), app.screen
        masks = review.query_one("#masks", OptionList)
        lines = [str(masks.get_option_at_index(n).prompt) for n in range(masks.option_count)]
        assert any("Lotte" in line for line in lines) and any("Milan" in line for line in lines)
        assert not any(line.split(":")[1].strip().startswith("Daan") for line in lines)
        # lift the mask over one "Milan", then cover the word again from the OCR words
        milan = next(n for n, line in enumerate(lines) if ": Milan" in line)
        masks.focus()
        masks.highlighted = milan
        await pilot.press("l")
        await pilot.pause()
        assert masks.option_count == len(lines) - 1
        words = review.query_one("#words", OptionList)
        choice = next(n for n in range(words.option_count)
                      if str(words.get_option_at_index(n).prompt) == "Milan")
        words.focus()
        words.highlighted = choice
        await pilot.press("enter")
        await pilot.pause()
        assert masks.option_count == len(lines)
        # a rectangle by keys
        rect = review.query_one("#rect", Input)
        rect.focus()
        rect.value = "0,0,1170,260"
        await pilot.press("enter")
        await pilot.pause()
        assert masks.option_count == len(lines) + 1
        # the chat page: labels instead of the names
        masks.focus()
        await pilot.pause(GRACE)  # a letter right after typing in a field is taken as stray
        await pilot.press("n")
        await pilot.pause()
        assert "Pagina 2 van 2" in widget_text(review.query_one("#page-title")) or \
            "Page 2 of 2" in widget_text(review.query_one("#page-title"))
        shown = widget_text(review.query_one("#page-text"))
        assert "Lotte" not in shown and "Milan" not in shown and "Daan de Boer" in shown
        out = tmp_path / "gesprek.pdf"
        review.query_one("#out", Input).value = str(out)
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen, app.screen
        assert out.read_bytes().startswith(b"%PDF-")
        vault = vault_of(pilot)
        trail = [(e["action"], e["object"]) for e in audit_log(vault, screen.case.ref)
                 if e["action"] in ("print.confrontation", "evidence.print")]
        assert trail == [("evidence.print", "evidence 1"), ("evidence.print", "evidence 2"),
                         ("print.confrontation", "print 1")]
        [made] = [e for e in audit_log(vault, screen.case.ref)
                  if e["action"] == "print.confrontation"]
        assert made["details"]["kept"] == [1] and made["details"]["meeting_with"] == \
            "Daan de Boer en ouders"
        masks_used = json.loads(vault.conn.execute(
            "SELECT masks FROM masked_prints WHERE id = 1").fetchone()[0])
        assert {"manual", "manual_word", "name_part"} <= {m["why"] for m in masks_used}

        # the palette offers it as well
        await pilot.press("ctrl+p")
        await pilot.pause()
        await palette_search(pilot, "for a meeting")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfrontSetupModal)
        assert isinstance(screen, CaseScreen)



async def test_key_messages_are_offered_and_a_dutch_date_is_taken(
    print_vault: Path, app_factory: AppFactory, unlock: Unlock,
) -> None:
    """The key messages marked in the conversation view can be ticked for the print, and
    the meeting's date is typed the Dutch way; a day that does not exist is one line."""
    from datetime import date

    from cybercase.evidence.chat.keymsg import mark_key
    from cybercase.vault import Vault

    with Vault.open(print_vault, USER, PASSPHRASE) as vault:
        mark_key(vault, 2, 2, "Lotte noemt Milan")  # item 2 is the chat export
    app = app_factory(print_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot, unlock, "evidence")
        await pilot.press("P")
        await settle(pilot)
        setup = app.screen
        assert isinstance(setup, ConfrontSetupModal)
        keys = setup.query_one("#key-messages", SelectionList)
        assert keys.option_count == 1 and "#2:2" in str(keys.get_option_at_index(0).prompt)
        keys.select((2, 2))
        setup.query_one("#date", Input).value = "30-2-2027"
        await submit(pilot)
        await settle(pilot)
        assert app.screen is setup  # refused, the form kept
        error = widget_text(setup.query_one("#error"))
        assert "30 februari 2027" in error or "30 February 2027" in error, error
        setup.query_one("#date", Input).value = "8-12-2026"
        await submit(pilot)
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ConfrontReviewModal), app.screen
        plan = review.plan
        assert plan.meeting_on == date(2026, 12, 8)
        assert [(item.id, numbers) for item, numbers in plan.sources()] == [(2, [2])]
