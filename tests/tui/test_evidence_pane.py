"""The evidence pane under Pilot: ingest (dialog, paste/drop, progress, per-file results),
the description-only report for sexual images of a minor, withdraw, the in-memory preview,
and paging through many items. Real vault, real images made with Pillow, real libmagic."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from textual import events
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Select

from cybercase.cases.cases import create_case
from cybercase.evidence import list_items, list_minor_reports
from cybercase.evidence.ingest import ingest
from cybercase.evidence.stated import Stated
from cybercase.tui.case.evidence import EvidencePane
from cybercase.tui.case.evidence_dialogs import (
    IngestModal,
    IngestResultsModal,
    MinorReportModal,
    WithdrawModal,
)
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.virtual_table import VirtualTable
from cybercase.vault.audit import entries
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import AppFactory, Unlock, settle, vault_of, widget_text

SIZE = (120, 40)


def png(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (64, 48)) -> Path:
    Image.new("RGB", size, colour).save(path, "PNG")
    return path


@pytest.fixture
def evidence_vault(vault_dir: Path, tmp_path: Path) -> Path:
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "Fake Instagram account", "8a", 2)
        first = png(tmp_path / "first [red].png", (200, 30, 30))
        ingest(vault, case.ref, [str(first)],
               Stated(description="story [bold]posted[/bold] at night"), workers=0)
    finally:
        vault.close()
    return vault_dir


async def evidence_tab(pilot: Pilot[Any], unlock: Unlock) -> tuple[CaseScreen, EvidencePane]:
    await unlock(pilot)
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CaseScreen)
    screen.show_tab("evidence")
    await settle(pilot)
    return screen, screen.query_one(EvidencePane)


async def test_table_and_metadata_show_user_text_as_data(
    evidence_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(evidence_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen, pane = await evidence_tab(pilot, unlock)
        table = pane.query_one(VirtualTable)
        assert table.has_focus and table.row_count == 1
        assert str(table.cell(0, "name")) == "first [red].png"
        meta = widget_text(pane.query_one("#evidence-meta"))
        (item,) = list_items(vault_of(pilot), screen.case.ref)
        assert item.sha256 in meta.replace("\n", "")
        assert "story [bold]posted[/bold] at night" in " ".join(meta.split())


@pytest.mark.posix_only  # a symlink (Windows needs a privilege to make one)
async def test_ingest_dialog_progress_and_per_file_results(
    evidence_vault: Path, app_factory: AppFactory, unlock: Unlock, tmp_path: Path
) -> None:
    folder = tmp_path / "from the parents"
    folder.mkdir()
    png(folder / "chat 1.png", (10, 10, 200))
    png(folder / "chat 2.png", (10, 200, 10))
    png(folder / "report.pdf", (90, 90, 90))  # an image named .pdf: stored, flagged
    png(folder / "copy.png", (200, 30, 30))  # the same bytes as the item already there
    (folder / "unreadable.png").symlink_to(folder / "chat 1.png")  # never followed: error
    missing = tmp_path / "gone.png"
    app = app_factory(evidence_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen, pane = await evidence_tab(pilot, unlock)
        await pilot.press("i")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, IngestModal)
        modal.query_one("#submit", Button).press()  # nothing chosen yet
        await pilot.pause()
        assert "at least one file" in modal.query_one("#error", ErrorLine).message
        path = modal.query_one("#path", Input)
        assert path.has_focus
        await pilot.press(*str(folder), "enter")  # enter in the path field adds it
        path.value = str(missing)
        await pilot.press("enter")  # a path that does not exist: the core's line, in place
        assert "no such file or folder" in modal.query_one("#error", ErrorLine).message
        assert modal.paths == [str(folder)] and path.value == str(missing)
        assert modal.query_one("#chosen", OptionList).option_count == 1
        path.value = ""
        modal.query_one("#description", Input).value = "sent by [i]mother[/i]"
        modal.query_one("#received_via", Input).value = "USB-stick"
        modal.query_one("#phone_available", Select).value = "no"
        modal.query_one("#submit", Button).press()
        await settle(pilot)
        results = app.screen
        assert isinstance(results, IngestResultsModal)
        statuses = {Path(r.path).name: r.status for r in results.results}
        assert statuses == {"chat 1.png": "stored", "chat 2.png": "stored",
                            "copy.png": "duplicate", "report.pdf": "flagged",
                            "unreadable.png": "error"}
        summary = widget_text(results.query_one("#results-summary"))
        assert "5 files" in summary and "1 not stored" in summary
        reasons = {Path(r.path).name: r.reason or "; ".join(r.flags) for r in results.results}
        assert "symlink" in reasons["unreadable.png"]
        assert "already in this case" in reasons["copy.png"]
        assert "pdf" in reasons["report.pdf"]
        # the highlighted file's whole path and reasons, shown plainly below the table
        table = results.query_one(VirtualTable)
        table.cursor_row = [r.status for r in results.results].index("error")
        await pilot.pause()
        detail = widget_text(results.query_one("#result-detail"))
        assert "unreadable.png" in detail and "symlink" in detail
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert not pane.query_one("#ingest-box").has_class("-busy")
        assert pane.query_one(VirtualTable).row_count == 4
        items = list_items(vault_of(pilot), screen.case.ref)
        assert items[-1].stated == {"description": "sent by [i]mother[/i]",
                                    "received_via": "USB-stick", "phone_available": "no"}


async def test_dropped_paths_open_the_ingest_dialog(
    evidence_vault: Path, app_factory: AppFactory, unlock: Unlock, tmp_path: Path
) -> None:
    a = png(tmp_path / "drop one.png", (1, 2, 3))
    b = png(tmp_path / "drop'two.png", (4, 5, 6))
    app = app_factory(evidence_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen, _pane = await evidence_tab(pilot, unlock)
        screen.show_tab("people")  # dropping works from any tab
        await settle(pilot)
        assert app.focused is not None
        quoted_b = "'" + str(b).replace("'", "'\\''") + "'"  # how shells quote a quote
        app.focused.post_message(events.Paste(f"'{a}' {quoted_b}"))
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, IngestModal)
        for _ in range(100):  # the dialog lists the paths once mounted (slow under load)
            if modal.paths:
                break
            await pilot.pause(0.05)
        assert modal.paths == [str(a), str(b)]
        # more files dropped while the dialog is open join the list
        c = png(tmp_path / "three.png", (7, 8, 9))
        modal.query_one("#path", Input).post_message(events.Paste(str(c).replace(" ", "\\ ")))
        await pilot.pause()
        assert modal.paths == [str(a), str(b), str(c)]
        modal.query_one("#submit", Button).press()
        await settle(pilot)
        assert isinstance(app.screen, IngestResultsModal)
        assert [r.status for r in app.screen.results] == ["stored"] * 3


async def test_ordinary_paste_does_nothing(
    evidence_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(evidence_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen, _pane = await evidence_tab(pilot, unlock)
        assert app.focused is not None
        app.focused.post_message(events.Paste("you [/] idiot"))
        await pilot.pause()
        assert app.screen is screen


async def test_sexual_image_of_a_minor_stores_only_a_description(
    evidence_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(evidence_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen, pane = await evidence_tab(pilot, unlock)
        await pilot.press("m")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, MinorReportModal)
        assert not modal.query(IngestModal) and not modal.query("PathInput, DirectoryTree")
        assert "NEVER stored" in widget_text(modal.query_one("#minor-guidance"))
        modal.query_one("#submit", Button).press()
        await pilot.pause()
        assert "needs a description" in modal.query_one("#error", ErrorLine).message
        modal.query_one("#platform", Input).value = "Snapchat"
        modal.query_one("#accounts", Input).value = "@someone, @other"
        modal.query_one("#submit", Button).press()
        await settle(pilot)
        assert app.screen is screen
        vault = vault_of(pilot)
        (report,) = list_minor_reports(vault, screen.case.ref)
        assert report["platform"] == "Snapchat" and report["accounts"] == ["@someone", "@other"]
        assert len(list_items(vault, screen.case.ref)) == 1  # nothing stored
        assert "no file stored" in widget_text(pane.query_one("#minor-reports"))


async def test_withdraw_needs_a_reason(
    evidence_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(evidence_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen, pane = await evidence_tab(pilot, unlock)
        await pilot.press("w")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, WithdrawModal)
        await pilot.press("enter")
        await pilot.pause()
        assert "the reason is empty" in modal.query_one("#error", ErrorLine).message
        await pilot.press(*"wrong pupil", "enter")
        await settle(pilot)
        (item,) = list_items(vault_of(pilot), screen.case.ref)
        assert item.withdrawn is not None and item.withdrawn["reason"] == "wrong pupil"
        assert str(pane.query_one(VirtualTable).cell(0, "state")) == "withdrawn"


async def test_preview_decrypts_in_memory_and_is_logged(
    evidence_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(evidence_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen, pane = await evidence_tab(pilot, unlock)
        preview = pane.query_one("#preview")
        assert preview.image is None  # type: ignore[attr-defined]
        await pilot.press("v")
        await settle(pilot)
        image = preview.image  # type: ignore[attr-defined]
        assert image is not None and image.size == (64, 48)
        assert image.getpixel((5, 5)) == (200, 30, 30)
        views = [e for e in entries(vault_of(pilot).conn, case_ref=screen.case.ref)
                 if e.action == "evidence.view"]
        assert len(views) == 1
        await pilot.press("ctrl+l")  # locking takes the preview off the screen
        await pilot.pause()
        assert not app.query("EvidencePane")
        assert preview.image is None  # type: ignore[attr-defined]  # and out of the terminal


async def test_stated_facts_per_file_kept_for_the_next_batch_results_by_name(
    evidence_vault: Path, app_factory: AppFactory, unlock: Unlock, tmp_path: Path
) -> None:
    from textual.widgets import Checkbox

    folder = tmp_path / "a folder named after Sanne de Vries"
    folder.mkdir()
    one = png(folder / "IMG_4821.png", (10, 10, 200))
    two = png(folder / "IMG_4822.png", (10, 200, 10))
    app = app_factory(evidence_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen, _pane = await evidence_tab(pilot, unlock)
        await pilot.press("i")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, IngestModal)
        modal.add_paths([str(one), str(two)])
        modal.query_one("#platform", Input).value = "WhatsApp"
        modal.query_one("#per-file", Checkbox).value = True  # from here on: per file
        await pilot.pause()
        chosen = modal.query_one("#chosen", OptionList)
        chosen.highlighted = 0
        await pilot.pause()
        assert "IMG_4821.png" in widget_text(modal.query_one("#facts-for"))
        modal.query_one("#description", Input).value = "the first threat"
        chosen.highlighted = 1
        await pilot.pause()
        assert modal.query_one("#description", Input).value == ""  # the second's own
        assert modal.query_one("#platform", Input).value == "WhatsApp"  # from the batch
        modal.query_one("#description", Input).value = "the answer"
        modal.query_one("#submit", Button).press()
        await settle(pilot)
        results = app.screen
        assert isinstance(results, IngestResultsModal)
        table = results.query_one(VirtualTable)
        names = [str(table.cell(i, "path")) for i in range(table.row_count)]
        assert names == ["IMG_4821.png", "IMG_4822.png"]  # by name, not "/tmp/.../I..."
        # the whole path below the table (wrapped anywhere: compare without white space)
        detail = "".join(widget_text(results.query_one("#result-detail")).split())
        assert "".join(f"{folder}/IMG_4821.png".split()) in detail
        await pilot.press("escape")
        await pilot.pause()
        items = {i.original_name: i.stated for i in list_items(vault_of(pilot),
                                                                 screen.case.ref)}
        assert items["IMG_4821.png"] == {"platform": "WhatsApp",
                                         "description": "the first threat"}
        assert items["IMG_4822.png"] == {"platform": "WhatsApp", "description": "the answer"}
        # the next batch starts with what was stated last, until cleared
        await pilot.press("i")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, IngestModal)
        assert again.query_one("#platform", Input).value == "WhatsApp"
        again.query_one("#clear-facts", Button).press()
        await pilot.pause()
        assert again.query_one("#platform", Input).value == ""
        assert again.query_one("#description", Input).value == ""
