"""The cyber panes under Pilot: accounts and attribution, takedown referrals with their
request text, police records, smartphone agreements with their PDF form. Real vaults and a
real image; every change goes through the core and errors show in the dialog, in place."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader
from textual.pilot import Pilot
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Select,
    SelectionList,
    TabbedContent,
    TextArea,
)

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.core.timeutil import local_today
from cybercase.cyber.accounts import add_account, list_accounts
from cybercase.cyber.agreements import list_agreements, load_template
from cybercase.cyber.police import list_reports
from cybercase.cyber.referrals import list_referrals
from cybercase.evidence.ingest import ingest
from cybercase.evidence.stated import Stated
from cybercase.tui.case import pickers
from cybercase.tui.case.accounts import AccountsPane
from cybercase.tui.case.accounts_dialogs import AddAccountModal, AttributeModal, LinkEvidenceModal
from cybercase.tui.case.agreements import AgreementsPane
from cybercase.tui.case.agreements_dialogs import (
    AddAgreementModal,
    AddPointModal,
    AgreementStatusModal,
    ReviewModal,
    SavePdfModal,
)
from cybercase.tui.case.police import PolicePane
from cybercase.tui.case.police_dialogs import AddPoliceModal, UpdatePoliceModal
from cybercase.tui.case.referrals import ReferralsPane
from cybercase.tui.case.referrals_dialogs import (
    AddReferralModal,
    RequestTextModal,
    UpdateReferralModal,
)
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.settings import AppSettings
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
    palette_search,
    settle,
    submit,
    vault_of,
    widget_text,
)

SIZE = (120, 40)
REF = "2026-001"  # the first case a new vault opens


def years_ago(years: int, days: int = 0) -> str:
    today = local_today()
    born = date(today.year - years, today.month, 28 if today.day > 28 else today.day)
    return date.fromordinal(born.toordinal() - days).isoformat()


@pytest.fixture
def cyber_vault(vault_dir: Path, tmp_path: Path) -> Path:
    """Case 2026-001 with three pupils (one of them 10), a parent and a screenshot; case
    2026-002 has the account @juf_ellen_fake already."""
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "Fake Instagram account of juf Ellen", "7b", 3)
        assert case.ref == REF
        add_person(vault, REF, "Sanne [bold]", "pupil", role="bullied", group="7b",
                   born=years_ago(12, 40))
        add_person(vault, REF, "Tim", "pupil", role="bully", group="7b", born=years_ago(10))
        add_person(vault, REF, "Daan", "pupil", role="follower", group="7b",
                   born=years_ago(13))
        add_person(vault, REF, "Mother of Sanne", "parent")
        shot = tmp_path / "story.png"
        Image.new("RGB", (64, 48), (200, 30, 30)).save(shot, "PNG")
        ingest(vault, REF, [str(shot)], Stated(description="story posted at night"),
               workers=0)
        other = create_case(vault, "Group 8a", "8a", 2)
        add_account(vault, other.ref, "Instagram", "@Juf_Ellen_Fake")
        vault.add_user("ict1", "ict", PASSPHRASE)
    finally:
        vault.close()
    return vault_dir


def plain(widget: Any) -> str:
    """A Static's whole text, unwrapped."""
    return str(widget.render())


def notices(pilot: Pilot[Any]) -> list[str]:
    return [n.message for n in pilot.app._notifications]


def person_id(vault: Vault, name: str) -> int:
    row = vault.conn.execute("SELECT id FROM people WHERE name = ?", (name,)).fetchone()
    return int(row[0])


# --- accounts -----------------------------------------------------------------------------


async def test_account_with_a_bad_url_is_refused_in_place(
    cyber_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(cyber_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "accounts", ref=REF)
        pane = screen.query_one(AccountsPane)
        assert pane.query_one(VirtualTable).has_focus
        await pilot.press("a")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, AddAccountModal)
        modal.query_one("#platform", Input).value = "Instagram"
        modal.query_one("#handle", Input).value = "@juf_ellen_fake"
        modal.query_one("#profile_url", Input).value = "instagram/juf_ellen_fake"
        await submit(pilot)
        assert app.screen is modal
        assert "is not a web address" in error_of(pilot)
        modal.query_one("#profile_url", Input).value = "https://instagram.com/juf_ellen_fake"
        modal.query_one("#phone", Input).value = "12345"
        await submit(pilot)
        assert app.screen is modal and "is not a phone number" in error_of(pilot)
        await discard(pilot)  # the filled form asks first
        await pilot.pause()
        assert app.screen is screen
        assert list_accounts(vault_of(pilot), REF) == []  # nothing stored


async def test_impersonation_account_attributed_suspected_then_confirmed(
    cyber_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(cyber_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "accounts", ref=REF)
        pane = screen.query_one(AccountsPane)
        table = pane.query_one(VirtualTable)
        await pilot.press("a")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, AddAccountModal)
        modal.query_one("#platform", Input).value = "Instagram"
        modal.query_one("#handle", Input).value = "@juf_ellen_fake"
        modal.query_one("#display_name", Input).value = "Juf Ellen [b]"
        modal.query_one("#profile_url", Input).value = "https://instagram.com/juf_ellen_fake"
        modal.query_one("#impersonates", Input).value = "teacher of 7b"
        evidence = modal.query_one(SelectionList)
        evidence.select_all()
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        (acc,) = list_accounts(vault_of(pilot), REF)
        assert acc.fake and acc.impersonates == "teacher of 7b" and len(acc.evidence) == 1
        # the same handle in the other case: said after saving, and marked in the table
        assert any("also appears in case 2026-002" in m for m in notices(pilot))
        assert table.row_count == 1
        assert str(table.cell(0, "fake")) == "posing"
        assert str(table.cell(0, "also_in")) == "2026-002"
        detail = plain(pane.query_one("#account-detail"))
        assert "Juf Ellen [b]" in detail and "FAKE ACCOUNT" in detail
        assert "story.png" in detail and "Nobody attributed yet" in detail

        tim = person_id(vault_of(pilot), "Tim")
        for status, basis in (("suspected", "pupil_statement"), ("confirmed", "ict_trace")):
            await pilot.press("t")
            await pilot.pause()
            modal = app.screen
            assert isinstance(modal, AttributeModal)
            if status == "suspected":
                await submit(pilot)  # nobody chosen: said in place
                assert app.screen is modal and "Choose the person" in error_of(pilot)
                modal.query_one("#person", Select).value = tim
            else:
                assert modal.query_one("#person", Select).value == tim  # the current one
            modal.query_one("#status", Select).value = status
            modal.query_one("#basis", Select).value = basis
            await submit(pilot)
            await settle(pilot)
            assert app.screen is screen
        (acc,) = list_accounts(vault_of(pilot), REF)
        assert [(a.status, a.basis) for a in acc.attributions] == [
            ("suspected", "pupil_statement"), ("confirmed", "ict_trace")]
        assert str(table.cell(0, "attribution")) == "confirmed: Tim"
        detail = plain(pane.query_one("#account-detail"))
        assert "suspected: Tim · pupil's statement" in detail
        assert "confirmed: Tim · ICT trace" in detail


async def test_ict_links_evidence_and_viewer_is_refused_plainly(
    cyber_vault: Path, app_factory: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # as in a case with more items than the dialog lists: older ones are typed by number
    monkeypatch.setattr(pickers, "RECENT_EVIDENCE", 0)
    vault = Vault.open(cyber_vault, USER, PASSPHRASE)
    try:
        add_account(vault, REF, "TikTok", "@tim_7b")
        vault.add_user("viewer1", "viewer", PASSPHRASE)
    finally:
        vault.close()
    for user in ("ict1", "viewer1"):
        app = app_factory(cyber_vault)
        async with app.run_test(size=SIZE) as pilot:
            app.screen.query_one("#user", Select).value = user
            app.screen.query_one("#passphrase", Input).value = PASSPHRASE
            await pilot.press("enter")
            await settle(pilot)
            app.open_case(REF)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, CaseScreen)
            screen.show_tab("accounts")
            await settle(pilot)
            if user == "ict1":  # ict does the tracing: link the account to the screenshot
                await pilot.press("l")
                await pilot.pause()
                modal = app.screen
                assert isinstance(modal, LinkEvidenceModal)
                await submit(pilot)
                assert "Choose at least one evidence item" in error_of(pilot)
                assert not modal.query(SelectionList)
                numbers = modal.query_one(".evidence-ids", Input)
                numbers.value = "one"
                await submit(pilot)
                assert "'one' is not an evidence number" in error_of(pilot)
                numbers.value = "7"
                await submit(pilot)
                assert "evidence 7 is not in case 2026-001" in error_of(pilot)
                numbers.value = "#1"
                await submit(pilot)
                await settle(pilot)
                assert app.screen is screen
                (acc,) = list_accounts(vault_of(pilot), REF)
                assert len(acc.evidence) == 1
                assert any("linked to #1" in m for m in notices(pilot))
                assert "#1 story.png" in plain(screen.query_one("#account-detail"))
            else:  # a viewer reads along; adding is refused with the core's line
                await pilot.press("a")
                await pilot.pause()
                modal = app.screen
                assert isinstance(modal, AddAccountModal)
                modal.query_one("#platform", Input).value = "TikTok"
                modal.query_one("#handle", Input).value = "@other"
                await submit(pilot)
                assert app.screen is modal
                assert "may not add or trace accounts (accounts.write)" in error_of(pilot)

# --- referrals ----------------------------------------------------------------------------


async def test_meldknop_referral_warns_without_evidence_and_gives_its_request_text(
    cyber_vault: Path, app_factory: AppFactory, unlock: Unlock, tmp_path: Path
) -> None:
    app = app_factory(cyber_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "referrals", ref=REF)
        pane = screen.query_one(ReferralsPane)
        table = pane.query_one(VirtualTable)
        await pilot.press("a")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, AddReferralModal)
        modal.query_one("#channel", Select).value = "meldknop"
        modal.query_one("#platform", Input).value = "Instagram"
        modal.query_one("#what", TextArea).load_text("A fake profile of our teacher [b]")
        await submit(pilot)  # no URL: the core's line, in place
        assert app.screen is modal and "needs the exact address" in error_of(pilot)
        modal.query_one("#urls", TextArea).load_text(
            "https://instagram.com/juf_ellen_fake\n\n  https://instagram.com/p/Cx1  \n")
        modal.query_one("#why", TextArea).load_text("It mocks a teacher in front of pupils.")
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        (referral,) = list_referrals(vault_of(pilot), REF)
        assert referral.urls == ["https://instagram.com/juf_ellen_fake",
                                 "https://instagram.com/p/Cx1"]
        assert (referral.channel, referral.status, referral.evidence) == ("meldknop", "draft", [])
        # the core's warning: no captured evidence yet
        assert any("has no captured evidence" in m for m in notices(pilot))
        assert str(table.cell(0, "evidence")) == "⚠ none"
        assert "No captured evidence linked" in plain(pane.query_one("#referral-detail"))

        await pilot.press("t")
        await pilot.pause()
        text_modal = app.screen
        assert isinstance(text_modal, RequestTextModal)
        shown = text_modal.query_one("#request-text", TextArea).text
        assert "Article 16 Digital Services Act" in shown and "To: Meldknop.nl" in shown
        assert "- https://instagram.com/p/Cx1" in shown
        assert "A fake profile of our teacher [b]" in shown
        text_modal.query_one("#lang", Select).value = "nl"
        await pilot.pause()
        shown = text_modal.query_one("#request-text", TextArea).text
        assert "Exacte URL('s) van de inhoud:" in shown
        text_modal.query_one("#email", Input).value = "not-an-address"
        await pilot.pause()
        assert "is not an e-mail address" in error_of(pilot)
        assert text_modal.query_one("#copy", Button).disabled
        text_modal.query_one("#email", Input).value = "zorg@pirouette.nl"
        await pilot.pause()
        await pilot.click("#copy")
        await pilot.pause()
        assert app.clipboard == text_modal.query_one("#request-text", TextArea).text
        assert "E-mail: zorg@pirouette.nl" in app.clipboard
        # the same notice as a PDF letter, written by a worker; never over a file
        letter = tmp_path / "melding.pdf"
        text_modal.query_one("#pdf-path", Input).value = str(letter)
        text_modal.query_one("#save-pdf", Button).press()
        await settle(pilot)
        printed = "\n".join(p.extract_text() for p in PdfReader(letter).pages)
        assert "Meldknop.nl" in printed and "zorg@pirouette.nl" in printed
        assert "pagina 1 van 1" in printed
        text_modal.query_one("#save-pdf", Button).press()
        await settle(pilot)
        assert "already exists" in error_of(pilot)
        await pilot.press("escape")
        await pilot.pause()

        # sent today with their reference: the follow-up goes in the agenda a week later
        await pilot.press("u")
        await pilot.pause()
        update = app.screen
        assert isinstance(update, UpdateReferralModal)
        await submit(pilot)
        assert app.screen is update and "Nothing changed" in error_of(pilot)
        update.query_one("#status", Select).value = "sent"
        update.query_one("#reference", Input).value = "MK-2026-118"
        update.query_one(SelectionList).select_all()  # the screenshot, captured after all
        await submit(pilot)
        await settle(pilot)
        (referral,) = list_referrals(vault_of(pilot), REF)
        assert (referral.status, referral.their_reference) == ("sent", "MK-2026-118")
        assert referral.sent_on == local_today().isoformat()
        assert referral.follow_up_on == date.fromordinal(
            local_today().toordinal() + 7).isoformat()
        assert referral.evidence == [1]
        assert str(table.cell(0, "status")) == "sent"
        assert "(in the agenda)" in plain(pane.query_one("#referral-detail"))


# --- police -------------------------------------------------------------------------------


async def test_police_record_says_an_under_12_suspect_cannot_be_prosecuted(
    cyber_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(cyber_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "police", ref=REF)
        pane = screen.query_one(PolicePane)
        vault = vault_of(pilot)
        sanne, tim, daan = (person_id(vault, n) for n in ("Sanne [bold]", "Tim", "Daan"))
        await pilot.press("a")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, AddPoliceModal)
        modal.query_one("#kind", Select).value = "aangifte"
        modal.query_one("#offence", Select).value = "belediging"
        modal.query_one("#victim", Select).value = sanne
        suspects = modal.query_one("#suspects", SelectionList)
        suspects.select(sanne)
        suspects.select(tim)
        suspects.select(daan)
        await submit(pilot)  # the victim cannot also be a suspect: in place
        assert app.screen is modal and "cannot also be a suspect" in error_of(pilot)
        suspects.deselect(sanne)
        modal.query_one("#offence_on", Input).value = "2099-01-01"
        await submit(pilot)
        assert app.screen is modal and "lies in the future" in error_of(pilot)
        modal.query_one("#offence_on", Input).value = local_today().isoformat()
        modal.query_one("#appointment", Input).value = "2026-12-01 9:30"
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        (rep,) = list_reports(vault, REF)
        assert rep.appointment_on == "2026-12-01 09:30"
        assert "Tim" in str(pane.query_one(VirtualTable).cell(0, "suspects"))
        detail = plain(pane.query_one("#police-detail"))
        today = local_today().isoformat()
        assert f"Tim: 10 on {today}: under 12, cannot be prosecuted" in detail
        assert f"Daan: 13 on {today}: can be prosecuted (juvenile criminal law" in detail
        assert "insult (belediging) is a complaint offence" in detail
        assert "the victim is 12 (under 16), so the parents file it" in detail
        assert "Sanne [bold] · 12 on" in detail


async def test_sexual_images_record_puts_the_case_on_the_police_route_in_dutch(
    cyber_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(cyber_vault, settings=AppSettings(language="nl"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "police", ref=REF)
        pane = screen.query_one(PolicePane)
        assert "Nog geen aangiftes of meldingen" in widget_text(pane.query_one(VirtualTable))
        await pilot.press("a")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, AddPoliceModal)
        assert plain(modal.query_one(".form-title")) == "Een aangifte of melding vastleggen"
        modal.query_one("#kind", Select).value = "melding"
        modal.query_one("#offence", Select).value = "sexual_images"
        await pilot.pause()
        assert modal.query_one("#sexual-hint").has_class("-shown")  # never store them
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        banner = pane.query_one("#police-route")
        assert banner.has_class("-shown")
        # the label is the app's; the advice is the core's line, both in Dutch
        assert "POLITIEROUTE:" in plain(banner) and "nooit bewaren" in plain(banner)
        assert str(pane.query_one(VirtualTable).cell(0, "kind")) == "melding"
        # later: the police reference, through the update dialog (enter on the row)
        await pilot.press("enter")
        await pilot.pause()
        update = app.screen
        assert isinstance(update, UpdatePoliceModal)
        update.query_one("#reference", Input).value = "PL0900-2026-77"
        await submit(pilot)
        await settle(pilot)
        (rep,) = list_reports(vault_of(pilot), REF)
        assert rep.police_reference == "PL0900-2026-77"


# --- agreements ---------------------------------------------------------------------------


def in_days(days: int) -> str:
    return date.fromordinal(local_today().toordinal() + days).isoformat()


async def test_agreement_drawn_up_agreed_reviewed_and_saved_as_pdf(
    cyber_vault: Path, app_factory: AppFactory, unlock: Unlock, tmp_path: Path
) -> None:
    app = app_factory(cyber_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "overview", ref=REF)
        pane = screen.query_one(AgreementsPane)
        pane.pdf_folder = tmp_path
        table = pane.query_one(VirtualTable)
        vault = vault_of(pilot)
        # from the command palette: the agreements tab, and its dialog
        await pilot.press("ctrl+p")
        await pilot.pause()
        await palette_search(pilot, "smartphone agreement")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert screen.query_one(TabbedContent).active == "pane-agreements"
        modal = app.screen
        assert isinstance(modal, AddAgreementModal)
        modal.query_one("#pupil", Select).value = person_id(vault, "Tim")
        modal.query_one("#parents", Input).value = "mother and father"
        modal.query_one("#review", Input).value = local_today().isoformat()
        await submit(pilot)  # the review must come after today: in place
        assert app.screen is modal and "must come after" in error_of(pilot)
        modal.query_one("#review", Input).value = in_days(42)
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        (agr,) = list_agreements(vault, REF)
        template = len(load_template().points)
        assert (agr.status, len(agr.points)) == ("draft", template)
        assert str(table.cell(0, "status")) == "draft"

        await pilot.press("p")  # a point of the school's own, while a draft
        await pilot.pause()
        point = app.screen
        assert isinstance(point, AddPointModal)
        point.query_one("#text_nl", Input).value = "Geen telefoon mee naar school [x]."
        await submit(pilot)
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        status = app.screen
        assert isinstance(status, AgreementStatusModal)
        status.query_one("#status", Select).value = "agreed"
        await submit(pilot)
        await settle(pilot)
        await pilot.press("v")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewModal)
        review.query_one("#outcome", TextArea).load_text("Goes well; the phone stays downstairs.")
        review.query_one("#next_review", Input).value = in_days(90)
        await submit(pilot)
        await settle(pilot)
        (agr,) = list_agreements(vault, REF)
        assert (agr.status, agr.review_on) == ("reviewed", in_days(90))
        assert len(agr.points) == template + 1
        detail = plain(pane.query_one("#agreement-detail"))
        assert f"{template + 1:>2}. Geen telefoon mee naar school [x]." in detail
        assert "Goes well; the phone stays downstairs." in detail

        await pilot.press("f")
        await pilot.pause()
        save = app.screen
        assert isinstance(save, SavePdfModal)
        out = tmp_path / "smartphone-agreement-2026-001-A1.pdf"
        assert save.query_one("#path", Input).value == str(out)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert f"Form saved: {out}" in plain(pane.query_one("#pdf-status"))
        text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
        assert "Afspraken over het gebruik van de smartphone" in text
        assert "Tim (groep 7b)" in text and "mother and father" in text
        assert "Geen telefoon mee naar school [x]." in text

        # saving again: refused until replacing is confirmed, then replaced
        before = out.read_bytes()
        out.write_bytes(b"an older form")
        await pilot.press("f")
        await pilot.pause()
        save = app.screen
        assert isinstance(save, SavePdfModal)
        await submit(pilot)
        assert app.screen is save and "already exists" in error_of(pilot)
        assert out.read_bytes() == b"an older form"
        replace = save.query_one("#replace", Checkbox)
        assert replace.display
        replace.value = True
        await submit(pilot)
        await settle(pilot)
        assert app.screen is screen
        assert out.read_bytes()[:5] == b"%PDF-" and len(out.read_bytes()) > len(before) // 2
        audit = [e.action for e in entries(vault.conn, case_ref=REF)]
        assert audit.count("agreement.pdf") == 2
