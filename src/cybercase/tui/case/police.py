"""Police reports (aangifte) and notifications (melding): the table, and for the selected
record each suspect's age on the day of the offence with what the core says about it
(under 12: cannot be prosecuted), who can file a complaint offence, and the police route
for sexual images of a minor. Add a record; add the reference, appointment or export later.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from cybercase.core.i18n import localize, t
from cybercase.cyber import police as police_core
from cybercase.cyber.police import Report
from cybercase.tui.bindings import tbinding
from cybercase.tui.case.base import RecordsPane
from cybercase.tui.case.police_dialogs import AddPoliceModal, UpdatePoliceModal
from cybercase.tui.widgets.virtual_table import Column, Row, VirtualTable


def report_row(rep: Report) -> Row:
    suspects = ", ".join(s["name"] for s in rep.suspects)
    under_12 = any(s["under_12"] for s in rep.suspects)
    return Row(rep.id, (
        Text(str(rep.id)),
        Text(t(f"police.kind_short.{rep.kind}")),
        Text(t(f"police.offence.{rep.offence}"),
             style="bold red" if rep.offence == "sexual_images" else ""),
        Text(rep.reported_on),
        Text(rep.victim["name"] if rep.victim else ""),
        Text(suspects, style="yellow" if under_12 else ""),
        Text(rep.appointment_on or ""),
        Text(rep.police_reference or ""),
    ))


class PolicePane(RecordsPane[Report]):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("a", "add", "key.add_police"),
        tbinding("e", "update", "key.update_police"),
    ]
    DETAIL_ID = "police-detail"
    DEFAULT_CSS = """
    PolicePane #police-route { color: $error; text-style: bold; height: auto; display: none; }
    PolicePane #police-route.-shown { display: block; }
    PolicePane #police-table { height: 1fr; min-height: 5; }
    PolicePane #police-side { height: 1fr; }
    PolicePane #police-detail { height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield self.problem_line()
        yield Static("", id="police-route")
        yield VirtualTable([
            Column("id", "#", 3, "right"),
            Column("kind", t("police.col.kind"), 9),
            Column("offence", t("police.col.offence"), 24),
            Column("reported", t("police.col.reported"), 10),
            Column("victim", t("police.col.victim"), 14),
            Column("suspects", t("police.col.suspects")),
            Column("appointment", t("police.col.appointment"), 16),
            Column("reference", t("police.col.reference"), 12),
        ], id="police-table", empty_text=t("police.empty"))
        with VerticalScroll(id="police-side"):
            yield Static("", id="police-detail")

    def load(self) -> None:
        found = police_core.list_reports(self.vault, self.case.ref)
        route = police_core.police_route(self.vault, self.case.ref)
        banner = self.query_one("#police-route", Static)
        if route["police_route"]:
            text = Text(t("police.route") + " ")
            text.append("; ".join(localize(r) for r in route["reasons"]))
            text.append("\n" + localize(route["advice"]))
            banner.update(text)
        else:
            banner.update("")
        banner.set_class(bool(route["police_route"]), "-shown")
        self.show_records(found, report_row)

    def choose(self) -> None:
        self.action_update()

    def render_detail(self, rep: Report) -> Text:
        return detail_text(rep)

    # --- actions ------------------------------------------------------------------------

    def action_add(self) -> None:
        def done(rep: Report) -> str:
            self.select_after_load = rep.id
            return t("police.added", id=rep.id, kind=t(f"police.kind.{rep.kind}"))

        self.open_dialog(AddPoliceModal(self.case), done)

    def action_update(self) -> None:
        rep = self.selected()
        if rep is None:
            return
        self.open_dialog(UpdatePoliceModal(self.case, rep),
                         lambda r: t("police.updated", id=r.id))


def detail_text(rep: Report) -> Text:
    """The record, with the core's lines on age and who can file shown as it gives them."""
    text = Text()

    def line(name: str, value: object, style: str = "") -> None:
        if value in (None, ""):
            return
        text.append(f"{name}: ", style="bold")
        text.append(str(value), style=style)
        text.append("\n")

    text.append(t("police.detail.title", id=rep.id, kind=t(f"police.kind.{rep.kind}"),
                  offence=t(f"police.offence.{rep.offence}")), style="bold")
    if rep.offence_note:
        text.append(" · ")
        text.append(rep.offence_note)
    text.append("\n")
    line(t("police.detail.reported"), rep.reported_on)
    line(t("police.detail.offence_on"), rep.offence_on)
    if rep.offence_on is None:
        line(t("police.detail.ages_on"), rep.age_date)
    if rep.victim:
        victim = rep.victim["name"]
        if rep.victim["age"] is not None:
            victim += " · " + t("police.detail.age_on", age=rep.victim["age"],
                                day=rep.victim["age_on"])
        line(t("police.detail.victim"), victim)
    shown: set[str] = set()
    if rep.suspects:
        text.append(t("police.detail.suspects") + "\n", style="bold")
        for s in rep.suspects:
            style = "bold red" if s["under_12"] else ("yellow" if s["age"] is None else "")
            text.append("  ")
            text.append(s["name"], style="bold")
            text.append(": ")
            text.append(localize(s["note"]) + "\n", style=style)
            shown.add(s["note"])
    line(t("police.detail.who_can_file"), localize(rep.complaint["who_can_file"]),
         "yellow" if rep.complaint["complaint_offence"] else "")
    shown.add(rep.complaint["who_can_file"])
    for notice in rep.notices:
        if notice not in shown:
            shown.add(notice)
            text.append("⚠ " + localize(notice) + "\n", style="bold yellow")
    line(t("police.detail.appointment"), rep.appointment_on)
    line(t("police.detail.reference"), rep.police_reference)
    line(t("police.detail.export"), None if rep.export_id is None else f"#{rep.export_id}")
    line(t("police.detail.filed_by"), rep.filed_by)
    line(t("police.detail.notes"), rep.notes)
    if rep.accounts:
        line(t("police.detail.accounts"), ", ".join(f"#{a}" for a in rep.accounts))
    return text
