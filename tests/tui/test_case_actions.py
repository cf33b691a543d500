"""The case workflow's remaining actions in the app, under Pilot on real vaults: triage,
the intake fields, closing a case, follow-ups in the agenda (add, mark done), school-system
notes, linking a parent, saving an original, the minor reports, finding an account, the
protocol. Each test asserts what changed in the vault and what the screen shows; errors of
the core show in the dialog, in place, and change nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, Select, TabbedContent, TextArea

from cybercase.cases.cases import create_case, get_case, list_cases
from cybercase.cases.people import add_person
from cybercase.cyber.accounts import add_account
from cybercase.evidence import Stated, ingest
from cybercase.evidence.minor import MinorReport, record_minor_report
from cybercase.tui.case.account_find import FindAccountModal
from cybercase.tui.case.case_actions import (
    CloseCaseModal,
    EditCaseModal,
    TriageModal,
)
from cybercase.tui.case.evidence_actions import MinorReportsModal, SaveOriginalModal
from cybercase.tui.case.people_actions import LinkParentModal, SchoolNoteModal
from cybercase.tui.case.protocol_view import ProtocolModal
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.dashboard.agenda_done import MarkDoneModal
from cybercase.tui.dashboard.screen import DashboardScreen
from cybercase.tui.widgets.agenda_table import AgendaTable
from cybercase.tui.widgets.case_table import CaseTable
from cybercase.tui.widgets.virtual_table import VirtualTable
from cybercase.vault import Vault
from cybercase.vault.audit import entries
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import (
    AppFactory,
    Unlock,
    discard,
    error_of,
    open_tab,
    settle,
    submit,
    vault_of,
)

SIZE = (120, 40)


def widget_text(widget: Widget) -> str:
    """What the widget shows, padding included (its outer size, not its content size)."""
    width, height = widget.outer_size
    return "\n".join(s.text.rstrip() for s in widget.render_lines(Region(0, 0, width, height)))


@pytest.fixture
def case_vault(vault_dir: Path) -> Path:
    """Two open cases; the first with two pupils, a parent and a teacher."""
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "WhatsApp group 7b", "7b", 2)
        add_person(vault, case.ref, "Sanne", "pupil", role="bullied", group="7b")
        add_person(vault, case.ref, "Tim [bold]", "pupil", role="bully", group="7b")
        add_person(vault, case.ref, "Mother of Sanne", "parent")
        add_person(vault, case.ref, "Juf Ans", "staff", role="teacher")
        create_case(vault, "Instagram 8a", "8a", 1)
    finally:
        vault.close()
    return vault_dir


async def press_key(pilot: Pilot[Any], key: str) -> Any:
    await pilot.press(key)
    await pilot.pause()
    return pilot.app.screen


# --- 1. triage and the case's fields ---------------------------------------------------------


async def test_triage_asks_for_an_outcome_then_records_it_with_a_warning(
    case_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(case_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "overview")
        assert not screen.query_one("#overview-triage").display  # no triage yet
        modal = await press_key(pilot, "t")
        assert isinstance(modal, TriageModal)
        await submit(pilot)
        assert app.screen is modal and "Choose an outcome" in error_of(pilot)
        modal.query_one("#outcome", Select).value = "pesten"
        await pilot.pause()
        assert "Deliberate" in widget_text(modal.query_one("#outcome-hint"))
        modal.query_one("#crit-intent", Select).value = "yes"
        modal.query_one("#crit-repetition", Select).value = "yes"
        modal.query_one("#crit-power", Select).value = "no"
        modal.query_one("#note", TextArea).load_text("not [sure] about power")
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        case = get_case(vault_of(pilot), screen.case.ref)
        assert (case.triage, bool(case.triage_intent), bool(case.triage_repetition),
                bool(case.triage_power), case.triage_note) == (
            "pesten", True, True, False, "not [sure] about power")
        # the core's warning (called bullying with a criterion missing) is shown
        assert any("not all three criteria" in n.message for n in app._notifications)
        shown = widget_text(screen.query_one("#overview-triage"))
        assert "bullying" in shown and "not [sure] about power" in shown
        assert "no  power imbalance" in shown


async def test_edit_case_validates_in_place_and_asks_a_reason_for_a_correction(
    case_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(case_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "overview")
        modal = await press_key(pilot, "e")
        assert isinstance(modal, EditCaseModal)
        assert modal.query_one("#group", Input).value == "7b"  # the recorded values
        await submit(pilot)
        assert app.screen is modal and "Nothing was changed" in error_of(pilot)
        modal.query_one("#reported_on", Input).value = "2026-02-30"
        modal.query_one("#summary", TextArea).load_text("Messages in the [class] group")
        modal.query_one("#channel", Select).value = "parent"
        await submit(pilot)
        assert app.screen is modal and "30 February 2026 does not exist" in error_of(pilot)
        assert get_case(vault_of(pilot), screen.case.ref).summary is None  # nothing stored
        modal.query_one("#reported_on", Input).value = "2026-02-03"
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        case = get_case(vault_of(pilot), screen.case.ref)
        assert (case.summary, case.channel, case.reported_on) == (
            "Messages in the [class] group", "parent", "2026-02-03")
        assert "Messages in the [class] group" in widget_text(
            screen.query_one("#overview-body"))
        # the channel by its name in the protocol, not its key
        assert "parents tell the teacher" in widget_text(screen.query_one("#overview-body"))

        # the group was recorded: changing it is a correction and needs its reason
        modal = await press_key(pilot, "e")
        modal.query_one("#group", Input).value = "7c"
        await submit(pilot)
        assert app.screen is modal and "correction" in error_of(pilot)
        modal.query_one("#reason", Input).value = "moved to 7c after the holidays"
        await submit(pilot)
        await settle(pilot)
        assert get_case(vault_of(pilot), screen.case.ref).group == "7c"
        assert "7c" in widget_text(screen.query_one("#overview-body"))


def case_refs(table: CaseTable) -> list[str]:
    return [str(table.cell(i, "ref")) for i in range(table.row_count)]


# --- 2. closing a case -------------------------------------------------------------------------


async def test_close_case_needs_the_typed_reference_and_leaves_the_open_list(
    case_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(case_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "overview")
        ref = screen.case.ref
        modal = await press_key(pilot, "C")  # (c corrects a recorded fact)
        assert isinstance(modal, CloseCaseModal)
        modal.query_one("#outcome", TextArea).load_text("Stopped after [step 3]")
        modal.query_one("#confirm", Input).value = "2026"
        await submit(pilot)
        assert app.screen is modal and f"Type the case reference {ref}" in error_of(pilot)
        modal.query_one("#outcome", TextArea).load_text("   ")
        modal.query_one("#confirm", Input).value = ref
        await submit(pilot)  # the core: an outcome is required
        assert app.screen is modal and "the outcome is empty" in error_of(pilot)
        assert get_case(vault_of(pilot), ref).status == "open"
        modal.query_one("#outcome", TextArea).load_text("Stopped after [step 3]")
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        case = get_case(vault_of(pilot), ref)
        assert (case.status, case.outcome) == ("closed", "Stopped after [step 3]")
        shown = widget_text(screen.query_one("#overview-body"))
        assert "closed" in shown and "Stopped after [step 3]" in shown
        # a closed case cannot change: the core says so, in place
        modal = await press_key(pilot, "f")
        modal.query_one("#due", Input).value = "2030-01-01"
        modal.query_one("#what", Input).value = "check in"
        await submit(pilot)
        assert app.screen is modal and "is closed" in error_of(pilot)
        await discard(pilot)  # the filled form asks first
        await pilot.press("escape")  # back to the dashboard
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert ref not in case_refs(app.screen.query_one(CaseTable))
        assert [c.ref for c in list_cases(vault_of(pilot), status="open")] == ["2026-002"]


# --- 3. the agenda: a follow-up from the case, done from the dashboard ---------------------


async def test_follow_up_added_from_the_case_shows_in_case_and_agenda(
    case_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(case_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "overview")
        modal = await press_key(pilot, "f")
        modal.query_one("#kind", Select).value = "monitoring"
        modal.query_one("#due", Input).value = "next week"
        modal.query_one("#what", Input).value = "ask [Sanne] how it goes"
        await submit(pilot)
        assert app.screen is modal and "is not a date" in error_of(pilot)
        modal.query_one("#due", Input).value = "2020-01-06"
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        rows = vault_of(pilot).conn.execute(
            "SELECT kind, due_on, what, done_at FROM due_items").fetchall()
        assert rows == [("monitoring", "2020-01-06", "ask [Sanne] how it goes", None)]
        shown = widget_text(screen.query_one("#overview-due"))
        assert "6 Jan 2020" in shown and "overdue" in shown  # the agenda's day format
        assert "ask [Sanne] how it goes" in shown
        await pilot.press("escape")
        await settle(pilot)
        agenda = app.screen.query_one("#agenda")
        assert "ask [Sanne] how it goes" in widget_text(agenda)


async def test_protocol_view_from_the_palette_marks_the_case_phase(
    case_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(case_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "people")
        screen.pane_action("overview", "protocol")  # what the palette entry runs
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, ProtocolModal)
        body = widget_text(modal.query_one("#protocol-body"))
        assert "→ 2 · Bullying established  (this case)" in body
        assert "Support-group steps" in body and "Checklist" in body
        stored = widget_text(modal.query_one("#protocol-stored"))
        assert "→ 1. cybercase-default 2026.2 (default.toml)" in stored
        assert "(this case)" in stored
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_agenda_item_marked_done_from_the_dashboard(
    case_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    vault = Vault.open(case_vault, USER, PASSPHRASE)
    try:
        from cybercase.cyber.agreements import add_agreement
        from cybercase.views.agenda import add_follow_up

        add_follow_up(vault, "2026-002", "2020-01-01", "call the [parents]")
        add_follow_up(vault, "2026-001", "2020-01-02", "talk to Tim")
        sanne = 1
        add_agreement(vault, "2026-001", sanne, "mother", "2020-01-03",
                      agreed_on="2019-12-01")
    finally:
        vault.close()
    app = app_factory(case_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        dash = app.screen
        agenda = dash.query_one(AgendaTable)
        assert agenda.row_count == 3
        agenda.focus()
        await pilot.press("down", "down")  # the agreement review: computed, not stored
        await pilot.press("d")
        await pilot.pause()
        assert app.screen is dash
        assert any("Only follow-ups" in n.message for n in app._notifications)
        await pilot.press("up", "up")
        modal = await press_key(pilot, "d")
        assert isinstance(modal, MarkDoneModal)
        assert "call the [parents]" in widget_text(modal.query_one("#agenda-item"))
        await pilot.press("enter")  # the Mark-as-done button has the focus
        await settle(pilot)
        assert app.screen is dash
        done = vault_of(pilot).conn.execute(
            "SELECT what, done_by FROM due_items WHERE done_at IS NOT NULL").fetchall()
        assert done == [("call the [parents]", USER)]
        assert agenda.row_count == 2
        assert "call the [parents]" not in widget_text(agenda)
        assert "talk to Tim" in widget_text(agenda)


# --- 4. school-system notes, 5. linking a parent ------------------------------------------------


async def test_school_note_of_a_pupil_in_both_languages_and_refused_for_staff(
    case_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(case_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "people")
        modal = await press_key(pilot, "n")  # Sanne
        assert isinstance(modal, SchoolNoteModal)
        note = modal.query_one("#note-text", TextArea)
        assert "Sanne was bullied" in note.text and "Tim" not in note.text
        assert "Incidents -> bullying" in widget_text(modal.query_one("#note-category"))
        modal.query_one("#note-lang", Select).value = "nl"
        await pilot.pause()
        assert "Sanne werd gepest" in note.text
        await pilot.press("enter")  # Copy has the focus
        await pilot.pause()
        assert app.clipboard == note.text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("down", "down", "down")  # Juf Ans, staff
        modal = await press_key(pilot, "n")
        assert "school-system notes are for pupils" in error_of(pilot)
        assert not modal.query_one("#note-text").display
        assert modal.query_one("#copy", Button).disabled


async def test_link_parent_to_pupil_shows_in_the_detail(
    case_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(case_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "people")
        links = screen.query_one("#people-detail")
        assert "Parents of Sanne: none linked" in widget_text(links)
        await pilot.press("down", "down")  # the mother
        modal = await press_key(pilot, "l")
        assert isinstance(modal, LinkParentModal)
        assert modal.query_one("#parent", Select).value == 3
        await submit(pilot)
        assert app.screen is modal and "Choose a parent and a pupil" in error_of(pilot)
        modal.query_one("#pupil", Select).value = 2  # Tim
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        assert vault_of(pilot).conn.execute(
            "SELECT parent_id, pupil_id FROM person_links").fetchall() == [(3, 2)]
        assert "Mother of Sanne is a parent of: Tim [bold] (#2)" in widget_text(links)
        await pilot.press("up")  # Tim
        await pilot.pause()
        assert "Parents of Tim [bold]: Mother of Sanne (#3)" in widget_text(links)


# --- 6. saving an original, the minor reports ---------------------------------------------------


@pytest.fixture
def evidence_vault(vault_dir: Path, tmp_path: Path) -> Path:
    """A case with one image and one description of a sexual image of a minor."""
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "Fake Instagram account", "8a", 2)
        source = tmp_path / "source"
        source.mkdir()
        Image.new("RGB", (64, 48), (200, 30, 30)).save(source / "chat [red].png", "PNG")
        ingest(vault, case.ref, [str(source / "chat [red].png")], Stated(), workers=0)
        record_minor_report(vault, case.ref, MinorReport(
            platform="Snapchat", description="a [bold]photo[/bold] shared in the group",
            accounts=["@anon7b"]))
    finally:
        vault.close()
    return vault_dir


async def test_save_original_checks_the_path_in_place_and_writes_it_byte_for_byte(
    evidence_vault: Path, app_factory: AppFactory, unlock: Unlock, tmp_path: Path
) -> None:
    original = (tmp_path / "source" / "chat [red].png").read_bytes()
    taken = tmp_path / "taken.png"
    taken.write_bytes(b"not mine")
    app = app_factory(evidence_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "evidence")
        modal = await press_key(pilot, "s")
        assert isinstance(modal, SaveOriginalModal)
        path = modal.query_one("#path", Input)
        assert path.value == str(Path.home() / "chat [red].png")
        path.value = str(tmp_path / "missing" / "out.png")
        await submit(pilot)
        assert app.screen is modal and "does not exist" in error_of(pilot)
        path.value = str(taken)
        await submit(pilot)
        assert app.screen is modal and "already exists" in error_of(pilot)
        assert taken.read_bytes() == b"not mine"
        out = tmp_path / "saved [copy].png"
        path.value = f' "{out}" '  # "Copy as path" quotes it: the one rule strips them
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        assert out.read_bytes() == original
        (entry,) = [e for e in entries(vault_of(pilot).conn, "2026-001")
                    if e.action == "evidence.extract"]
        assert (entry.actor, entry.object, entry.details["out"]) == (
            USER, "evidence 1", out.name)  # the file name only: a folder can name a child
        assert any("Saved evidence 1" in n.message for n in app._notifications)
        assert [p.name for p in tmp_path.iterdir() if "cybercase" in p.name] == []


async def test_minor_reports_are_listed_without_any_file(
    evidence_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(evidence_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "evidence")
        assert "M shows them" in widget_text(screen.query_one("#minor-reports"))
        modal = await press_key(pilot, "M")
        assert isinstance(modal, MinorReportsModal)
        table = modal.query_one(VirtualTable)
        assert table.row_count == 1
        assert str(table.cell(0, "platform")) == "Snapchat"
        detail = widget_text(modal.query_one("#minor-report-detail"))
        assert "a [bold]photo[/bold] shared in the group" in detail
        assert "@anon7b" in detail and f"by {USER}" in detail


# --- 7. finding an account, accounts in the dashboard search ------------------------------------


@pytest.fixture
def accounts_vault(vault_dir: Path) -> Path:
    """Two cases that know the same phone number under different handles."""
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        first = create_case(vault, "WhatsApp group 7b", "7b", 2)
        second = create_case(vault, "Instagram 8a", "8a", 1)
        add_account(vault, first.ref, "whatsapp", "anon[7b]", phone="06-12345678")
        add_account(vault, second.ref, "instagram", "@other_one")
        add_account(vault, second.ref, "whatsapp", "again", phone="+31 6 1234 5678")
    finally:
        vault.close()
    return vault_dir


async def test_find_account_across_cases_opens_the_other_case_on_that_account(
    accounts_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(accounts_vault)
    async with app.run_test(size=SIZE) as pilot:
        first = await open_tab(pilot, unlock, "accounts")
        modal = await press_key(pilot, "f")
        assert isinstance(modal, FindAccountModal)
        query = modal.query_one("#query", Input)
        assert query.value == "anon[7b]"  # the highlighted account's handle
        results = modal.query_one("#find-results", VirtualTable)
        assert results.row_count == 1
        query.value = "someone@"
        query.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "e-mail" in error_of(pilot) and not results.display
        query.value = "+31612345678"
        await pilot.press("enter")
        await pilot.pause()
        assert results.display and results.row_count == 2
        assert [str(results.cell(i, "case")) for i in range(2)] == ["2026-001", "2026-002"]
        assert "2 accounts in 2 cases" in widget_text(modal.query_one("#find-count"))
        await pilot.press("down", "enter")  # the account in 2026-002
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaseScreen) and screen is not first
        assert screen.case.ref == "2026-002"
        table = screen.query_one("#accounts-table", VirtualTable)
        assert screen.query_one(TabbedContent).active == "pane-accounts"
        assert table.cursor_key == 3


async def test_dashboard_search_finds_accounts_and_opens_their_tab(
    accounts_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(accounts_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("slash", *"other_")
        await settle(pilot)
        results = app.screen.query_one("#search-results", VirtualTable)
        assert results.row_count == 1
        assert (str(results.cell(0, "kind")), str(results.cell(0, "case"))) == (
            "account", "2026-002")
        assert "@other_one · instagram" in str(results.cell(0, "label"))
        await pilot.press("enter", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaseScreen) and screen.case.ref == "2026-002"
        assert screen.query_one(TabbedContent).active == "pane-accounts"
