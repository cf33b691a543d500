"""The privacy work of the core, in the app (Pilot, real vaults): corrections with their
history, role changes with a reason, restricting a case, parents' access requests and
their export, retention and the purge behind a typed confirmation. Role refusals show as
the core's one line and change nothing."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from textual.pilot import Pilot
from textual.widgets import Input, Select, SelectionList

from cybercase.cases import access
from cybercase.cases.cases import close_case, create_case, get_case
from cybercase.cases.people import add_person, get_person
from cybercase.core.dutchdates import typed_day
from cybercase.core.errors import NotFound
from cybercase.core.i18n import CATALOGUES
from cybercase.core.timeutil import local_today
from cybercase.evidence import get_item, ingest, list_items
from cybercase.privacy import corrections, retention
from cybercase.privacy.requests import requests_for
from cybercase.tui.case.people import RolesModal
from cybercase.tui.case.privacy_dialogs import CorrectModal, RestrictModal, UnrestrictModal
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.case.subject_dialogs import (
    SubjectExportModal,
    SubjectExportRunModal,
    SubjectRequestModal,
)
from cybercase.tui.dashboard.privacy import PrivacyScreen, PurgeModal, PurgeRunModal, RetentionModal
from cybercase.tui.dashboard.screen import DashboardScreen
from cybercase.tui.settings import AppSettings
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.virtual_table import VirtualTable
from cybercase.vault import Vault
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import (
    AppFactory,
    Unlock,
    discard,
    error_of,
    open_tab,
    palette_search,
    screen_text,
    settle,
    submit,
    vault_of,
    widget_text,
)

SIZE = (120, 40)


@pytest.fixture
def privacy_vault(vault_dir: Path, tmp_path: Path) -> Path:
    """One case: pupil Sanne (born, bullied) and Tim, Sanne's mother, one screenshot;
    users ict1 (ict) and dir1 (viewer) besides coordinator anna."""
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "WhatsApp group 7b", "7b", 2)
        add_person(vault, case.ref, "Sanne", "pupil", role="bullied", group="7b",
                   born="2014-05-01")
        add_person(vault, case.ref, "Tim", "pupil", role="bully", group="7b")
        add_person(vault, case.ref, "Mother of Sanne", "parent")
        shot = tmp_path / "chat.png"
        Image.new("RGB", (40, 30), (200, 0, 0)).save(shot)
        ingest(vault, case.ref, [str(shot)], workers=0)
        vault.add_user("ict1", "ict", PASSPHRASE)
        vault.add_user("dir1", "viewer", PASSPHRASE)
    finally:
        vault.close()
    return vault_dir


async def unlock_as(pilot: Pilot[Any], user: str, unlock: Unlock) -> None:
    pilot.app.screen.query_one("#user", Select).value = user
    await unlock(pilot)


def enabled_actions(app: object) -> set[str]:
    from textual.app import App

    assert isinstance(app, App)
    return {b.action for _, b, enabled, _ in app.screen.active_bindings.values() if enabled}


# --- rectification ---------------------------------------------------------------------------


async def test_correct_a_persons_name_with_a_reason_shows_the_history(
    privacy_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(privacy_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "people")
        detail = screen.query_one("#people-detail")
        assert "Sanne" in widget_text(detail) and "No corrections" in widget_text(detail)
        await pilot.press("c")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, CorrectModal)
        assert modal.query_one("#field", Select).value == "name"
        value = modal.query_one("#value", Input)
        assert value.value == "Sanne"  # the recorded value, to edit
        value.value = "Sanne de [b]Vries"
        await submit(pilot)  # no reason: the core's line, in place
        assert app.screen is modal and "needs a reason" in error_of(pilot)
        assert get_person(vault_of(pilot), 1).name == "Sanne"
        modal.query_one("#reason", Input).value = "misspelt at intake"
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        vault = vault_of(pilot)
        assert get_person(vault, 1).name == "Sanne de [b]Vries"
        [done] = corrections.history(vault, "person", 1)
        assert (done.field, done.old, done.new, done.reason, done.by) == (
            "name", "Sanne", "Sanne de [b]Vries", "misspelt at intake", USER)
        shown = widget_text(detail)
        assert "Corrections" in shown and "misspelt at intake" in shown
        assert "Sanne → Sanne de [b]Vries" in shown and USER in shown

        # a choice field: the pupil's role from the protocol's list
        await pilot.press("c")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, CorrectModal)
        modal.query_one("#field", Select).value = "role"
        await pilot.pause()
        assert not modal.query_one("#value", Input).display
        choice = modal.query_one("#choice", Select)
        assert choice.display and choice.value == "bullied"
        choice.value = "follower"
        modal.query_one("#reason", Input).value = "mixed up with Tim"
        await submit(pilot)
        await settle(pilot)
        assert get_person(vault, 1).role == "follower"
        assert [c.field for c in corrections.history(vault, "person", 1)] == ["name", "role"]


async def test_role_change_passes_its_reason_to_the_history(
    privacy_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(privacy_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "people")
        await pilot.press("down", "e")  # Tim
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, RolesModal)
        modal.query_one("#role", Select).value = "follower"
        modal.query_one("#reason", Input).value = "he only forwarded the messages"
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        [done] = corrections.history(vault_of(pilot), "person", 2)
        assert (done.old, done.new, done.reason) == (
            "bully", "follower", "he only forwarded the messages")
        assert "he only forwarded" in widget_text(screen.query_one("#people-detail"))


async def test_correct_case_and_evidence_fields(
    privacy_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(privacy_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "overview")
        await pilot.press("c")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, CorrectModal)
        assert modal.query_one("#value", Input).value == "WhatsApp group 7b"
        modal.query_one("#value", Input).value = "WhatsApp group 7b (class chat)"
        modal.query_one("#reason", Input).value = "the title was too vague"
        await submit(pilot)
        await settle(pilot)
        vault = vault_of(pilot)
        assert screen.case.title == "WhatsApp group 7b (class chat)"
        assert "the title was too vague" in widget_text(screen.query_one("#case-corrections"))

        screen.show_tab("evidence")
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, CorrectModal)
        modal.query_one("#field", Select).value = "platform"
        await pilot.pause()
        modal.query_one("#value", Input).value = "WhatsApp"
        modal.query_one("#reason", Input).value = "stated wrongly at ingest"
        await submit(pilot)
        await settle(pilot)
        item = list_items(vault, screen.case.ref)[0]
        assert get_item(vault, item.id).stated["platform"] == "WhatsApp"
        meta = widget_text(screen.query_one("#evidence-meta"))
        assert "stated wrongly at ingest" in meta


async def test_ict_user_gets_the_one_line_refusal_and_nothing_changes(
    privacy_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(privacy_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot, unlock, "people", user="ict1")
        await pilot.press("c")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, CorrectModal)
        modal.query_one("#value", Input).value = "Someone else"
        modal.query_one("#reason", Input).value = "testing"
        await submit(pilot)
        assert app.screen is modal
        message = error_of(pilot)
        assert "ict1 (ict) may not change case files" in message and "\n" not in message
        assert get_person(vault_of(pilot), 1).name == "Sanne"
        assert corrections.history(vault_of(pilot), "person", 1) == []

        await discard(pilot)  # the filled form asks first
        await pilot.press("o")  # the export for the parents: refused in the dialog
        await pilot.pause()
        assert isinstance(app.screen, SubjectExportModal)
        await submit(pilot)
        assert "ict1 (ict) may not answer access requests of parents" in error_of(pilot)
        assert requests_for(vault_of(pilot), [1]) == []


# --- who may see a case --------------------------------------------------------------------


async def test_restrict_and_lift_from_the_overview(
    privacy_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(privacy_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "overview")
        line = screen.query_one("#access-line")
        assert "Visible to every user" in widget_text(line)
        await pilot.press("b")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, RestrictModal)
        users = modal.query_one("#users", SelectionList)
        assert list(users.selected) == [USER]  # the current user, to start with
        users.deselect(USER)
        users.select("ict1")
        await pilot.pause()
        assert "you are not ticked" in widget_text(modal.query_one("#self-warning"))
        await submit(pilot)  # no coordinator named: the core refuses, in place
        assert app.screen is modal and "at least one coordinator" in error_of(pilot)
        users.select(USER)
        await pilot.pause()
        assert widget_text(modal.query_one("#self-warning")).strip() == ""
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        vault = vault_of(pilot)
        assert access.restricted_to(vault, screen.case.id) == [USER, "ict1"]
        assert "Restricted to: anna, ict1" in widget_text(line)

        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, UnrestrictModal)
        await submit(pilot)
        await settle(pilot)
        assert access.restricted_to(vault, screen.case.id) == []
        assert "Visible to every user" in widget_text(line)


async def test_restricting_oneself_out_leaves_the_case(
    privacy_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    with Vault.open(privacy_vault, USER, PASSPHRASE) as vault:
        vault.add_user("bert", "coordinator", PASSPHRASE)
    app = app_factory(privacy_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "overview")
        ref = screen.case.ref
        await pilot.press("b")
        await pilot.pause()
        users = app.screen.query_one("#users", SelectionList)
        users.deselect(USER)
        users.select("bert")
        await submit(pilot)
        await settle(pilot)
        # the core hides it from anna now: back on the dashboard, not in the list
        assert isinstance(app.screen, DashboardScreen)
        assert ref not in widget_text(app.screen.query_one("#cases"))
        vault = vault_of(pilot)
        assert access.restricted_to(vault, screen.case.id) == ["bert"]
        entry = vault.conn.execute(
            "SELECT action FROM audit WHERE action = 'case.restrict'").fetchall()
        assert entry == [("case.restrict",)]


async def test_viewer_may_not_restrict(
    privacy_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(privacy_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "overview", user="dir1")
        await pilot.press("b")
        await pilot.pause()
        await submit(pilot)
        assert "dir1 (viewer) may not restrict who may see a case" in error_of(pilot)
        assert access.restricted_to(vault_of(pilot), screen.case.id) == []


# --- access requests of parents ---------------------------------------------------------------


async def test_register_and_answer_an_access_request_with_an_export(
    privacy_vault: Path, app_factory: AppFactory, unlock: Unlock, tmp_path: Path
) -> None:
    taken = tmp_path / "taken.zip"
    taken.write_bytes(b"already here")
    out = tmp_path / "inzage sanne.zip"
    received = (local_today() - timedelta(days=3)).isoformat()
    app = app_factory(privacy_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "people")  # Sanne highlighted
        await pilot.press("s")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, SubjectRequestModal)
        field = modal.query_one("#received", Input)
        assert field.value == typed_day(local_today())  # "3-12-2026": how she types it
        field.value = (local_today() + timedelta(days=2)).isoformat()
        await submit(pilot)
        assert app.screen is modal and "lies in the future" in error_of(pilot)
        field.value = received
        await submit(pilot)
        await settle(pilot)
        vault = vault_of(pilot)
        [request] = requests_for(vault, [1])
        assert request["received_on"] == received and request["done_at"] is None
        detail = screen.query_one("#people-detail")
        assert "Access requests" in widget_text(detail) and "open" in widget_text(detail)

        await pilot.press("o")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, SubjectExportModal)
        path = modal.query_one("#out", Input)
        assert "Sanne" not in path.value and path.value.endswith(".zip")
        path.value = str(taken)
        await submit(pilot)
        assert app.screen is modal and "already exists" in error_of(pilot)
        path.value = str(tmp_path / "no such folder" / "x.zip")
        await submit(pilot)
        assert app.screen is modal and "does not exist" in error_of(pilot)
        path.value = str(out)
        # the screenshot has no OCR reading: it cannot be masked, so the coordinator
        # confirms it unmasked after checking it (the export then says so)
        modal.query_one("#unmasked .evidence-list", SelectionList).select(1)
        await submit(pilot)
        await settle(pilot)
        run = app.screen
        assert isinstance(run, SubjectExportRunModal)
        assert run.result is not None
        data = out.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        shown = widget_text(run.query_one("#subject-status"))
        assert sha in shown and str(out) in shown.replace("\n", "")
        with zipfile.ZipFile(out) as zf:
            names = zf.namelist()
            assert zf.read("inzage.pdf").startswith(b"%PDF")
        assert {"inzage.pdf", "inzage.json"} <= set(names)
        assert any(n.startswith("bewijs/1") for n in names)
        assert taken.read_bytes() == b"already here"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        [request] = requests_for(vault, [1])
        assert request["done_at"] is not None
        assert "answered" in widget_text(detail)


async def test_access_request_keys_are_for_pupils_only(
    privacy_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(privacy_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "people")
        # (the keys are in help and the palette; the footer keeps its room for others)
        assert "subject_request" in enabled_actions(app)
        await pilot.press("down", "down")  # the mother
        await pilot.pause()
        assert "subject_request" not in enabled_actions(app)
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is screen
        assert requests_for(vault_of(pilot), [1, 2, 3]) == []


# --- retention and the purge -------------------------------------------------------------------


@pytest.fixture
def retention_vault(privacy_vault: Path) -> Path:
    """Besides the open case: a closed case with pupil Lotte (to purge), one restricted to
    coordinator bert (hidden from anna)."""
    with Vault.open(privacy_vault, USER, PASSPHRASE) as vault:
        closed = create_case(vault, "Photos of Lotte shared", "8a", 3)
        add_person(vault, closed.ref, "Lotte Jansen", "pupil", role="bullied")
        close_case(vault, closed.ref, "solved with the parents")
        vault.add_user("bert", "coordinator", PASSPHRASE)
        hidden = create_case(vault, "Sensitive", None, 1)
        access.restrict(vault, hidden.ref, ["bert"])
    return privacy_vault


async def open_privacy(pilot: Pilot[Any], unlock: Unlock, user: str = USER) -> PrivacyScreen:
    await unlock_as(pilot, user, unlock)
    await pilot.press("p")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PrivacyScreen)
    return screen


async def test_retention_and_purge_behind_the_typed_word(
    retention_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(retention_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_privacy(pilot, unlock)
        assert "kept 730 days" in widget_text(screen.query_one("#retention-line"))
        due = screen.query_one("#due-table", VirtualTable)
        assert due.row_count == 0
        await pilot.press("d")  # nothing due: nothing to confirm
        await pilot.pause()
        assert app.screen is screen

        await pilot.press("t")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, RetentionModal)
        days = modal.query_one("#days", Input)
        assert days.value == "730"
        days.value = "two years"
        await submit(pilot)
        assert app.screen is modal and "whole number of days" in error_of(pilot)
        days.value = "0"
        await submit(pilot)
        await settle(pilot)
        vault = vault_of(pilot)
        assert retention.retention_days(vault) == 0
        assert "kept 0 days" in widget_text(screen.query_one("#retention-line"))
        assert due.row_count == 1 and str(due.cell(0, "ref")) == "2026-002"

        await pilot.press("d")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, PurgeModal)
        assert "case 2026-002" in widget_text(modal.query_one("#purge-list"))
        modal.query_one("#confirm", Input).value = "delete"
        await submit(pilot)
        assert app.screen is modal and "Type DELETE exactly" in error_of(pilot)
        assert get_case(vault, "2026-002").status == "closed"  # nothing deleted
        modal.query_one("#confirm", Input).value = "DELETE"
        await submit(pilot)
        await settle(pilot)
        run = app.screen
        assert isinstance(run, PurgeRunModal)
        assert run.result is not None and len(run.result.receipts) == 1
        assert "Case 2026-002:" in widget_text(run.query_one("#purge-status"))
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        with pytest.raises(NotFound):
            get_case(vault, "2026-002")
        assert vault.conn.execute(
            "SELECT count(*) FROM people WHERE name = 'Lotte Jansen'").fetchone()[0] == 0
        receipts = screen.query_one("#receipts-table", VirtualTable)
        assert receipts.row_count == 1 and str(receipts.cell(0, "ref")) == "2026-002"
        assert due.row_count == 0
        shown = screen_text(screen) + widget_text(receipts)
        assert "Lotte" not in shown and "Photos" not in shown
        assert get_case(vault, "2026-001").status == "open"  # the open case stays


async def test_a_coordinator_lifts_a_restriction_that_hides_a_case(
    retention_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(retention_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_privacy(pilot, unlock)
        hidden = screen.query_one("#hidden-table", VirtualTable)
        assert hidden.row_count == 1 and str(hidden.cell(0, "users")) == "bert"
        hidden.focus()
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, UnrestrictModal)
        await submit(pilot)
        await settle(pilot)
        vault = vault_of(pilot)
        assert access.restricted_to(vault, get_case(vault, "2026-003").id) == []
        assert not screen.query_one("#hidden-box").display
        detail = vault.conn.execute(
            "SELECT d.details FROM audit a JOIN audit_details d ON d.seq = a.seq"
            " WHERE a.action = 'case.unrestrict'").fetchone()[0]
        assert json.loads(detail) == {"before": ["bert"], "break_glass": True}


async def test_viewer_sees_the_refusal_on_the_privacy_screen_and_changes_nothing(
    retention_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(retention_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_privacy(pilot, unlock, user="dir1")
        message = screen.query_one("#privacy-error", ErrorLine).message
        assert "dir1 (viewer) may not set retention or purge cases" in message
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one("#days", Input).value = "0"
        await submit(pilot)
        assert "may not set retention" in error_of(pilot)
        assert retention.retention_days(vault_of(pilot)) == 730


# --- conventions ---------------------------------------------------------------------------------


def test_every_correctable_field_has_a_name_in_both_languages() -> None:
    for language in ("en", "nl"):
        for fields in corrections.FIELDS.values():
            for field in fields:
                assert f"correct.f.{field}" in CATALOGUES[language], (language, field)
        for table in ("people", "cases", "evidence_items"):
            assert f"correct.object.{table}" in CATALOGUES[language]


async def test_palette_offers_the_privacy_screen_and_the_case_actions(
    privacy_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(privacy_vault, settings=AppSettings(language="nl"))
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await palette_search(pilot, "bewaartermijn")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PrivacyScreen)
        assert "Gesloten zaken worden 730 dagen" in screen_text(app.screen)
        await pilot.press("escape")
        await pilot.press("enter")  # the case
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await palette_search(pilot, "afschermen wie")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, RestrictModal)
        assert "Wie mag zaak" in screen_text(app.screen)


async def test_several_fields_corrected_in_one_dialog(
    privacy_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    """Issue #20: one dialog for several fields (a parent's name and phone), all saved
    together with the one reason; a bad value saves none of them."""
    app = app_factory(privacy_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "people")
        await pilot.press("down", "down")  # the mother
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, CorrectModal)
        assert "phone" in [v for _l, v in modal.query_one("#field", Select)._options]
        modal.query_one("#value", Input).value = "Karin de Vries"
        modal.query_one("#field", Select).value = "phone"
        await pilot.pause()
        assert modal.query_one("#value", Input).value == ""  # the phone's own value
        assert "Name" in widget_text(modal.query_one("#pending"))
        modal.query_one("#value", Input).value = "+999 1234 5678"
        modal.query_one("#reason", Input).value = "given at the meeting"
        await submit(pilot)
        assert app.screen is modal and "not a phone number" in error_of(pilot)
        vault = vault_of(pilot)
        mother = get_person(vault, 3)
        assert (mother.name, mother.phone) == ("Mother of Sanne", None)  # nothing written
        modal.query_one("#value", Input).value = "06-12345678"
        modal.query_one("#field", Select).value = "name"
        await pilot.pause()
        assert modal.query_one("#value", Input).value == "Karin de Vries"  # kept
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        mother = get_person(vault, 3)
        assert (mother.name, mother.phone) == ("Karin de Vries", "06-12345678")
        history = corrections.history(vault, "person", 3)
        assert [(c.field, c.reason) for c in history] == [
            ("name", "given at the meeting"), ("phone", "given at the meeting")]
