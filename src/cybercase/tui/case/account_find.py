"""Which cases know this account? (``account find``): a handle, e-mail address or phone
number, matched by the core in its normalised form across the cases the user may see.
Enter on a result opens that case on its accounts tab."""

from __future__ import annotations

from typing import Any, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from cybercase.core.errors import CybercaseError
from cybercase.core.i18n import msg, t
from cybercase.cyber.accounts import Account, find
from cybercase.tui.bindings import tbinding
from cybercase.tui.widgets.base import CaseApp, VaultModal
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.forms import label
from cybercase.tui.widgets.virtual_table import Column, ListSource, Row, VirtualTable


def found_row(acc: Account) -> Row:
    return Row(acc.id, (Text(str(acc.id)), Text(acc.case), Text(acc.platform),
                        Text(acc.handle), Text(acc.email or ""), Text(acc.phone or "")))


class FindAccountModal(VaultModal[Account | None]):
    BINDINGS: ClassVar[list[BindingType]] = [tbinding("escape", "close", "key.back")]
    DEFAULT_CSS = """
    FindAccountModal #find-results { height: auto; max-height: 12; margin: 1 0 0 0; }
    """

    def __init__(self, value: str = "") -> None:
        super().__init__()
        self.value = value
        self.found: dict[object, Account] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="find-account"):
            yield Label(t("findacc.title"), classes="form-title")
            yield Static(Text(t("findacc.hint")), classes="hint")
            yield label("findacc.field.value")
            yield Input(self.value, id="query", max_length=254)
            yield ErrorLine(id="error")
            yield VirtualTable([
                Column("id", "#", 4, "right"),
                Column("case", t("findacc.col.case"), 9),
                Column("platform", t("accounts.col.platform"), 12),
                Column("handle", t("accounts.col.handle")),
                Column("email", t("accounts.detail.email"), 22),
                Column("phone", t("accounts.detail.phone"), 14),
            ], id="find-results", empty_text=t("findacc.none"), zebra=False)
            yield Static("", id="find-count", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(t("findacc.search"), variant="primary", id="find")
                yield Button(t("help.close"), id="close")

    def on_mount(self) -> None:
        self.query_one(".dialog").styles.width = 110  # (the app's .dialog rule wins)
        self.query_one("#find-results").display = False
        self.query_one("#query", Input).focus()
        if self.value.strip():
            self.run_search()

    @on(Input.Submitted, "#query")
    @on(Button.Pressed, "#find")
    def run_search(self) -> None:
        error = self.query_one("#error", ErrorLine)
        table = self.query_one("#find-results", VirtualTable)
        try:
            accounts = find(self.vault, self.query_one("#query", Input).value)
        except CybercaseError as exc:
            error.show(exc.message)
            table.display = False
            self.query_one("#find-count", Static).update("")
            return
        error.clear()
        self.found = {a.id: a for a in accounts}
        table.set_source(ListSource(accounts, found_row))
        table.styles.height = min(max(len(accounts), 1), 10) + 1
        table.display = True
        cases = {a.case for a in accounts}
        self.query_one("#find-count", Static).update(
            Text(t("findacc.count", n=len(accounts), cases=msg("count.cases", n=len(cases)))
                 if accounts else ""))
        if accounts:
            table.focus()

    @on(VirtualTable.Selected, "#find-results")
    def _chosen(self, event: VirtualTable.Selected) -> None:
        acc = self.found.get(event.key)
        if acc is not None:
            self.dismiss(acc)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)


def find_account(app: App[Any], value: str = "") -> None:
    """The dialog; a chosen account opens its case on the accounts tab with the cursor on
    it (the case on screen when it is that case)."""
    from cybercase.tui.case.accounts import AccountsPane
    from cybercase.tui.case.screen import CaseScreen

    def select(screen: CaseScreen, account_id: int) -> None:
        if not screen.is_attached:
            return
        screen.show_tab("accounts")
        pane = screen.query_one(AccountsPane)
        if pane.loaded:
            pane.query_one(VirtualTable).move_to_key(account_id)
        else:
            pane.select_after_load = account_id

    def chosen(acc: Account | None) -> None:
        if acc is None:
            return
        screen = app.screen
        if not (isinstance(screen, CaseScreen) and screen.case.ref == acc.case):
            cast(CaseApp, app).open_case(acc.case, tab="accounts")
            screen = app.screen
        if isinstance(screen, CaseScreen):
            app.call_after_refresh(select, screen, acc.id)

    app.push_screen(FindAccountModal(value), chosen)
