"""Dialogs of the police tab: a police record added or updated (with the bundle given)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import (
    Input,
    Select,
    SelectionList,
    Static,
)

from cybercase.cases.cases import Case
from cybercase.cases.people import list_people
from cybercase.core.dutchdates import typed_day
from cybercase.core.i18n import t
from cybercase.core.timeutil import local_today
from cybercase.cyber import accounts as accounts_core
from cybercase.cyber import police as police_core
from cybercase.export.register import list_exports
from cybercase.tui.case.pickers import (
    account_selection,
    choose,
    people_options,
    person_label,
    size_dialog,
)
from cybercase.tui.when import shown_moment
from cybercase.tui.widgets.forms import FormModal, label, options
from cybercase.vault import Vault
from cybercase.vault.versions import seen

# --- police -------------------------------------------------------------------------------


def case_exports(vault: Vault, ref: str) -> list[tuple[str, int]]:
    """The bundles exported for case ``ref``: (label, export id), newest first."""
    return [(t("police.export_option", id=e.id, kind=e.kind, file=e.file,
               when=shown_moment(e.created_at)), e.id)
            for e in list_exports(vault, ref)]


class AddPoliceModal(FormModal[police_core.Report]):
    TITLE_KEY = "police.add.title"
    DIALOG_ID = "add-police"
    DEFAULT_CSS = """
    AddPoliceModal #suspects { height: auto; max-height: 7; }
    AddPoliceModal .account-list { height: auto; max-height: 5; }
    AddPoliceModal #sexual-hint { border: round $error; padding: 0 1; display: none; }
    AddPoliceModal #sexual-hint.-shown { display: block; }
    """

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def on_mount(self) -> None:
        size_dialog(self, 96)

    def fields(self) -> ComposeResult:
        pupils = [p for p in list_people(self.vault, self.case) if p.kind == "pupil"]
        yield label("police.field.kind")
        yield Select(options([(t(f"police.kind.{k}"), k) for k in police_core.KINDS]),
                     id="kind", prompt=t("form.choose"))
        yield label("police.field.offence")
        yield Select(options([(t(f"police.offence.{o}"), o) for o in police_core.OFFENCES]),
                     id="offence", prompt=t("form.choose"))
        yield Static(Text(t("minor.guidance")), id="sexual-hint")
        yield label("police.field.offence_note")
        yield Input(id="offence_note", max_length=300)
        yield label("police.field.victim")
        yield Select(people_options(pupils), id="victim", prompt=t("form.none"))
        yield label("police.field.suspects")
        if pupils:
            yield SelectionList[int](*((Text(person_label(p)), p.id) for p in pupils),
                                     id="suspects")
        else:
            yield Static(Text(t("sg.no_pupils")), classes="hint")
        if accounts_core.list_accounts(self.vault, self.case.ref):
            yield label("police.field.accounts")
            yield from account_selection(self.vault, self.case.ref)
        yield label("police.field.reported_on")
        yield Input(typed_day(local_today()), id="reported_on", max_length=30,
                    placeholder=t("form.date_placeholder"))
        yield label("police.field.offence_on")
        yield Input(id="offence_on", max_length=30, placeholder=t("form.date_placeholder"))
        yield label("police.field.appointment")
        yield Input(id="appointment", max_length=40,
                    placeholder=t("police.appointment_placeholder"))
        yield label("police.field.reference")
        yield Input(id="reference", max_length=100)
        yield label("police.field.export")
        yield Select(options(case_exports(self.vault, self.case.ref)), id="export",
                     prompt=t("form.none"))
        yield label("police.field.filed_by")
        yield Input(id="filed_by", max_length=200, placeholder=t("police.filed_by_placeholder"))
        yield label("police.field.notes")
        yield Input(id="notes", max_length=3000)

    @on(Select.Changed, "#offence")
    def _offence(self, event: Select.Changed) -> None:
        self.query_one("#sexual-hint").set_class(event.value == "sexual_images", "-shown")

    def submit(self) -> police_core.Report:
        kind = self.choice("#kind")
        if kind is None:
            raise choose("police.choose_kind")
        offence = self.choice("#offence")
        if offence is None:
            raise choose("police.choose_offence")
        victim = self.choice("#victim")
        export = self.choice("#export")
        suspects = [int(v) for v in self.query_one("#suspects", SelectionList).selected] \
            if self.query("#suspects") else []
        accounts = [int(v) for v in self.query_one("#accounts", SelectionList).selected] \
            if self.query("#accounts") else []
        return police_core.add_report(
            self.vault, self.case.ref, str(kind), str(offence),
            victim=None if victim is None else int(str(victim)), suspects=suspects,
            accounts=accounts, reported_on=self.optional("#reported_on"),
            offence_on=self.optional("#offence_on"),
            appointment=self.optional("#appointment"), reference=self.optional("#reference"),
            export_id=None if export is None else int(str(export)),
            filed_by=self.optional("#filed_by"), offence_note=self.optional("#offence_note"),
            notes=self.optional("#notes"),
        )


class UpdatePoliceModal(FormModal[police_core.Report]):
    DIALOG_ID = "update-police"

    def __init__(self, case: Case, report: police_core.Report) -> None:
        super().__init__()
        self.case = case
        self.report = report
        self.expect = seen("police", report)

    def form_title(self) -> str:
        return t("police.update.title", id=self.report.id)

    def fields(self) -> ComposeResult:
        r = self.report
        yield label("police.field.reference")
        yield Input(r.police_reference or "", id="reference", max_length=100)
        yield label("police.field.appointment")
        yield Input(r.appointment_on or "", id="appointment", max_length=40,
                    placeholder=t("police.appointment_placeholder"))
        yield label("police.field.export")
        exports = case_exports(self.vault, self.case.ref)
        known = {i for _, i in exports}
        yield Select(options(exports), id="export", prompt=t("form.unchanged"),
                     value=r.export_id if r.export_id in known else Select.NULL)
        yield label("police.field.notes")
        yield Input(r.notes or "", id="notes", max_length=3000)

    def submit(self) -> police_core.Report:
        r = self.report

        def changed(selector: str, before: str | None) -> str | None:
            value = self.text(selector).strip()
            return value if value and value != (before or "") else None

        export = self.choice("#export")
        export_id = None if export is None or export == r.export_id else int(str(export))
        kwargs: dict[str, Any] = {
            "reference": changed("#reference", r.police_reference),
            "appointment": changed("#appointment", r.appointment_on),
            "export_id": export_id, "notes": changed("#notes", r.notes),
        }
        if all(v is None for v in kwargs.values()):
            raise choose("police.nothing")
        return police_core.update_report(self.vault, r.id, **kwargs)
