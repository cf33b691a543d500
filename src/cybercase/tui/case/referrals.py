"""Takedown referrals (Meldknop, Helpwanted/Offlimits, the platform's form, the police):
the table with status and follow-up, the selected referral's URLs, evidence and history;
add, update the status, and the request text (EU DSA art. 16) to copy and paste.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from cybercase.core.errors import CybercaseError
from cybercase.core.i18n import get_language, localize, t
from cybercase.cyber import accounts as accounts_core
from cybercase.cyber import referrals as referrals_core
from cybercase.cyber.referrals import Referral
from cybercase.tui.bindings import tbinding
from cybercase.tui.case.base import RecordsPane
from cybercase.tui.case.pickers import account_label
from cybercase.tui.case.referrals_dialogs import (
    AddReferralModal,
    RequestTextModal,
    Saved,
    UpdateReferralModal,
)
from cybercase.tui.when import shown_moment
from cybercase.tui.widgets.virtual_table import Column, Row, VirtualTable

STATUS_STYLE = {"draft": "dim", "sent": "", "removed": "green", "refused": "bold red",
                "no_answer": "yellow"}


def evidence_cell(items: list[int]) -> Text:
    """The items the request sends, as the details name them ("#3, #4"); a warning
    when there are none (the column used to stay empty when there were some)."""
    if not items:
        return Text(t("referrals.mark.no_evidence"), style="bold yellow")
    return Text(", ".join(f"#{i}" for i in items), overflow="ellipsis", no_wrap=True)


def referral_row(r: Referral) -> Row:
    follow = r.follow_up_on if r.follow_up_open and r.follow_up_on else ""
    return Row(r.id, (
        Text(str(r.id)),
        Text(t(f"referrals.channel.{r.channel}")),
        Text(r.platform or ""),
        Text(t(f"referrals.status.{r.status}"), style=STATUS_STYLE.get(r.status, "")),
        Text(r.sent_on or ""),
        Text(follow),
        evidence_cell(r.evidence),
        Text(r.urls[0] + (" …" if len(r.urls) > 1 else "") if r.urls else ""),
    ))


class ReferralsPane(RecordsPane[Referral]):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("a", "add", "key.add_referral"),
        tbinding("u", "update", "key.update_referral"),
        tbinding("t", "request_text", "key.request_text"),
    ]
    DETAIL_ID = "referral-detail"
    DEFAULT_CSS = """
    ReferralsPane #referrals-table { height: 1fr; min-height: 5; }
    ReferralsPane #referral-side { height: 1fr; }
    ReferralsPane #referral-detail { height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield self.problem_line()
        yield VirtualTable([
            Column("id", "#", 3, "right"),
            Column("channel", t("referrals.col.channel"), 20),
            Column("platform", t("referrals.col.platform"), 10),
            Column("status", t("referrals.col.status"), 10),
            Column("sent", t("referrals.col.sent"), 10),
            Column("follow_up", t("referrals.col.follow_up"), 10),
            Column("evidence", t("referrals.col.evidence"), 8),
            Column("url", t("referrals.col.url")),
        ], id="referrals-table", empty_text=t("referrals.empty"))
        with VerticalScroll(id="referral-side"):
            yield Static("", id="referral-detail")

    def load(self) -> None:
        found = referrals_core.list_referrals(self.vault, self.case.ref)
        self.show_records(found, referral_row)

    def choose(self) -> None:
        self.action_update()

    def render_detail(self, r: Referral) -> Text:
        text = Text()

        def line(name: str, value: object, style: str = "") -> None:
            if value in (None, ""):
                return
            text.append(f"{name}: ", style="bold")
            text.append(str(value), style=style)
            text.append("\n")

        text.append(t("referrals.detail.title", id=r.id,
                      channel=t(f"referrals.channel.{r.channel}")) + " · ", style="bold")
        text.append(t(f"referrals.status.{r.status}") + "\n",
                    style="bold " + STATUS_STYLE.get(r.status, ""))
        line(t("referrals.col.platform"), r.platform)
        for url in r.urls:
            line(t("referrals.detail.url"), url)
        line(t("referrals.detail.what"), r.harm_what)
        line(t("referrals.detail.why"), r.harm_why)
        if r.accounts:
            labels = []
            for account_id in r.accounts:
                try:
                    labels.append(account_label(accounts_core.get_account(self.vault,
                                                                          account_id)))
                except CybercaseError:
                    labels.append(f"#{account_id}")
            line(t("referrals.detail.accounts"), ", ".join(labels))
        if r.evidence:
            line(t("referrals.detail.evidence"),
                 ", ".join(self.evidence_name(i) for i in r.evidence))
        else:
            text.append("⚠ " + t("referrals.detail.no_evidence") + "\n", style="bold yellow")
        line(t("referrals.detail.sent"), r.sent_on)
        line(t("referrals.detail.reference"), r.their_reference)
        if r.follow_up_open:
            line(t("referrals.detail.follow_up"), t("referrals.detail.in_agenda",
                                                      day=r.follow_up_on))
        text.append("\n" + t("referrals.detail.history") + "\n", style="bold underline")
        for event in r.events:
            text.append(shown_moment(event["at"]) + "  ", style="dim")
            text.append(t(f"referrals.event.{event['event']}"))
            if event["status"]:
                text.append(" → " + t(f"referrals.status.{event['status']}"), style="bold")
            if event["on"]:
                text.append(" " + t("referrals.detail.on", day=event["on"]))
            text.append(" (" + event["by"] + ")", style="dim")
            note = event["details"].get("note")
            if note:
                text.append(": ")
                text.append(str(note), style="italic")
            text.append("\n")
        return text

    # --- actions ------------------------------------------------------------------------

    def _show_warnings(self, saved: Saved[Referral]) -> None:
        for warning in saved.warnings:
            self.notify(localize(warning), severity="warning", timeout=15, markup=False)

    def action_add(self) -> None:
        def done(saved: Saved[Referral]) -> str:
            self._show_warnings(saved)
            self.select_after_load = saved.value.id
            return t("referrals.added", id=saved.value.id,
                     status=t(f"referrals.status.{saved.value.status}"))

        self.open_dialog(AddReferralModal(self.case), done)

    def action_update(self) -> None:
        r = self.selected()
        if r is None:
            return

        def done(saved: Saved[Referral]) -> str:
            self._show_warnings(saved)
            return t("referrals.updated", id=r.id,
                     status=t(f"referrals.status.{saved.value.status}"))

        self.open_dialog(UpdateReferralModal(self.case, r), done)

    def action_request_text(self) -> None:
        r = self.selected()
        if r is None:
            return
        self.app.push_screen(RequestTextModal(r, get_language()))
