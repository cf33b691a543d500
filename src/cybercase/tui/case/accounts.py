"""Online accounts seen in the case (the ICT coordinator's tracing work): the table with
fake/impersonation marks, the current attribution and matches in other cases; beside it the
selected account's fields, linked evidence and full attribution history.

The ict role may use this pane (the core allows it ``accounts.write``); a role that may not
do something gets the core's one line.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from cybercase.cases.people import list_people
from cybercase.core.i18n import localize, t
from cybercase.cyber import accounts as accounts_core
from cybercase.cyber.accounts import Account
from cybercase.tui.bindings import tbinding
from cybercase.tui.case.accounts_dialogs import (
    AddAccountModal,
    Attributed,
    AttributeModal,
    LinkEvidenceModal,
)
from cybercase.tui.case.base import RecordsPane, StacksWhenNarrow
from cybercase.tui.case.pickers import account_label
from cybercase.tui.when import shown_moment
from cybercase.tui.widgets.virtual_table import Column, Row, VirtualTable

STATUS_STYLE = {"suspected": "yellow", "confirmed": "bold", "refuted": "dim strike"}


def fake_mark(acc: Account) -> Text:
    if acc.impersonates or acc.impersonates_person is not None:
        return Text(t("accounts.mark.impersonation"), style="bold red")
    if acc.fake:
        return Text(t("accounts.mark.fake"), style="red")
    return Text("")


def attribution_cell(acc: Account) -> Text:
    current = acc.current
    if current is None:
        return Text("")
    return Text(t("accounts.current", status=t(f"accounts.status.{current.status}"),
                  person=current.person), style=STATUS_STYLE.get(current.status, ""))


def also_in_cell(acc: Account) -> Text:
    refs: list[str] = []
    for match in acc.also_in:
        if match["case"] not in refs:
            refs.append(match["case"])
    return Text(", ".join(refs), style="bold yellow") if refs else Text("")


def also_in_lines(acc: Account) -> list[str]:
    """The core's matches in other cases, in the app's language."""
    values = {"handle": acc.handle, "email": acc.email, "phone": acc.phone}
    return [t("accounts.also_in", field=t(f"accounts.match.{m['field']}"),
              value=values[m["field"]] or "", ref=m["case"], id=m["account"],
              platform=m["platform"]) for m in acc.also_in]


def account_row(acc: Account) -> Row:
    return Row(acc.id, (
        Text(str(acc.id)),
        Text(acc.platform),
        Text(acc.handle),
        fake_mark(acc),
        attribution_cell(acc),
        also_in_cell(acc),
    ))


class AccountsPane(StacksWhenNarrow, RecordsPane[Account]):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("a", "add", "key.add_account"),
        tbinding("t", "attribute", "key.attribute"),
        tbinding("l", "link", "key.link_evidence", show=False),
        tbinding("f", "find", "key.find_account"),
        tbinding("c", "correct", "key.correct", show=False),
    ]
    DETAIL_ID = "account-detail"
    DEFAULT_CSS = """
    AccountsPane #accounts-main { height: 1fr; }
    AccountsPane #accounts-table { width: 3fr; }
    AccountsPane #account-side { width: 2fr; min-width: 38; max-width: 60; padding: 0 0 0 1; }
    AccountsPane #account-detail { height: auto; }
    AccountsPane.-narrow #accounts-main { layout: vertical; }
    AccountsPane.-narrow #accounts-table { width: 1fr; height: 1fr; }
    AccountsPane.-narrow #account-side { width: 1fr; max-width: 100%; height: 45%;
                                         padding: 0; }
    """

    def compose(self) -> ComposeResult:
        yield self.problem_line()
        with Horizontal(id="accounts-main"):
            yield VirtualTable([
                Column("id", "#", 3, "right"),
                Column("platform", t("accounts.col.platform"), 10),
                Column("handle", t("accounts.col.handle")),
                Column("fake", t("accounts.col.fake"), 8),
                Column("attribution", t("accounts.col.attribution"), 16),
                Column("also_in", t("accounts.col.also_in"), 9),
            ], id="accounts-table", empty_text=t("accounts.empty"))
            with VerticalScroll(id="account-side"):
                yield Static("", id="account-detail")

    def load(self) -> None:
        found = accounts_core.list_accounts(self.vault, self.case.ref)
        self.show_records(found, account_row)

    def choose(self) -> None:
        self.action_attribute()

    def render_detail(self, acc: Account) -> Text:
        text = Text()

        def line(name: str, value: object, style: str = "") -> None:
            if value in (None, ""):
                return
            text.append(f"{name}: ", style="bold")
            text.append(str(value), style=style)
            text.append("\n")

        text.append(f"#{acc.id} ", style="bold")
        text.append(account_label(acc) + "\n", style="bold")
        line(t("accounts.detail.display_name"), acc.display_name)
        line(t("accounts.detail.profile"), acc.profile_url)
        line(t("accounts.detail.email"), acc.email)
        line(t("accounts.detail.phone"), acc.phone)
        if acc.fake:
            pretends = acc.impersonates or ""
            if acc.impersonates_person is not None:
                people = {p.id: p.name for p in list_people(self.vault, self.case)}
                who = people.get(acc.impersonates_person, f"#{acc.impersonates_person}")
                pretends = f"{pretends} ({who})" if pretends else who
            text.append(t("accounts.detail.fake") + ("" if not pretends else ": "),
                        style="bold red")
            if pretends:
                text.append(t("accounts.detail.pretends", who=pretends), style="red")
            text.append("\n")
        line(t("accounts.detail.notes"), acc.notes)
        text.append(t("accounts.detail.evidence") + ": ", style="bold")
        if acc.evidence:
            text.append(", ".join(self.evidence_name(i) for i in acc.evidence))
        else:
            text.append(t("accounts.detail.no_evidence"), style="dim")
        text.append("\n")
        line(t("accounts.detail.added"), t("accounts.detail.by", when=shown_moment(
            acc.created_at), who=acc.created_by))
        text.append("\n" + t("accounts.detail.history") + "\n", style="bold underline")
        if not acc.attributions:
            text.append(t("accounts.detail.no_attribution") + "\n", style="dim")
        for n, a in enumerate(acc.attributions, 1):
            current = n == len(acc.attributions)
            text.append("→ " if current else "  ", style="bold")
            text.append(t(f"accounts.status.{a.status}"), style=STATUS_STYLE.get(a.status, ""))
            text.append(": ")
            text.append(a.person, style="bold" if current else "")
            text.append(" · " + t(f"accounts.basis.{a.basis}") + "\n")
            text.append("    " + t("accounts.detail.by", when=shown_moment(a.at),
                                   who=a.established_by) + "\n", style="dim")
            if a.note:
                text.append("    ")
                text.append(a.note + "\n", style="italic")
        if acc.also_in:
            text.append("\n" + t("accounts.detail.also_in") + "\n", style="bold underline")
            for message in also_in_lines(acc):
                text.append("⚠ " + message + "\n", style="yellow")
        return text

    # --- actions ------------------------------------------------------------------------

    def action_add(self) -> None:
        def done(acc: Account) -> str:
            for message in also_in_lines(acc):
                self.notify(message, severity="warning", timeout=12, markup=False)
            self.select_after_load = acc.id
            return t("accounts.added", id=acc.id, account=account_label(acc))

        self.open_dialog(AddAccountModal(self.case), done)

    def action_attribute(self) -> None:
        acc = self.selected()
        if acc is None:
            return

        def done(result: Attributed) -> str:
            for warning in result.warnings:
                self.notify(localize(warning), severity="warning", markup=False)
            a = result.attribution
            return t("accounts.attributed", id=acc.id, person=a.person,
                     status=t(f"accounts.status.{a.status}"))

        self.open_dialog(AttributeModal(self.case, acc), done)

    def action_link(self) -> None:
        acc = self.selected()
        if acc is None:
            return

        def done(new: list[int]) -> str:
            if not new:
                return t("accounts.linked_none", id=acc.id)
            return t("accounts.linked", id=acc.id, items=", ".join(f"#{i}" for i in new))

        self.open_dialog(LinkEvidenceModal(self.case, acc), done)

    def action_correct(self) -> None:
        """Correct what was recorded about the account: several fields in one dialog."""
        from cybercase.tui.case.privacy_dialogs import (
            CorrectModal,
            account_values,
            corrected_notice,
        )

        acc = self.selected()
        if acc is None:
            return
        what = t("correct.what_account", id=acc.id, handle=acc.handle)
        self.open_dialog(CorrectModal(self.case, "account", acc.id, what, account_values(acc)),
                         corrected_notice)

    def action_find(self) -> None:
        """Which cases know this account? (the highlighted handle to start with)."""
        acc = self.selected()
        self.cyber.action_find_account(acc.handle if acc is not None else "")
