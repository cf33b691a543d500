"""Reopening a closed case with a reason, and voiding a case made by mistake (issue #20,
item 5; the rules are in cybercase.cases.lifecycle)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Static, TextArea

from cybercase.cases.cases import Case
from cybercase.cases.lifecycle import reopen_case, void_case
from cybercase.core.errors import UsageError
from cybercase.core.i18n import t
from cybercase.tui.widgets.forms import FormModal, label
from cybercase.vault.versions import seen


class ReopenModal(FormModal[Case]):
    """Open a closed case again; the reason is kept on the case and in the audit log."""

    TITLE_KEY = "reopen.title"
    SUBMIT_KEY = "reopen.submit"
    DIALOG_ID = "reopen-case"
    FIRST_FOCUS = "#reason"
    DEFAULT_CSS = """
    ReopenModal #reason { height: 4; }
    """

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case
        self.expect = seen("case", case)

    def form_title(self) -> str:
        return t("reopen.title", ref=self.case.ref)

    def fields(self) -> ComposeResult:
        yield Static(Text(t("reopen.hint")), classes="hint")
        yield label("reopen.field.reason")
        yield TextArea("", id="reason", soft_wrap=True)

    def submit(self) -> Case:
        return reopen_case(self.vault, self.case.ref, self.text("#reason"))


class VoidModal(FormModal[Case]):
    """Void a case made by mistake: kept and audited, out of the lists and the figures.
    Typing the reference confirms."""

    TITLE_KEY = "void.title"
    SUBMIT_KEY = "void.submit"
    DIALOG_ID = "void-case"
    FIRST_FOCUS = "#reason"
    DEFAULT_CSS = """
    VoidModal #reason { height: 4; }
    """

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case
        self.expect = seen("case", case)

    def form_title(self) -> str:
        return t("void.title", ref=self.case.ref)

    def fields(self) -> ComposeResult:
        yield Static(Text(t("void.hint")), classes="hint")
        yield label("void.field.reason")
        yield TextArea("", id="reason", soft_wrap=True)
        yield label("close.field.confirm", ref=self.case.ref)
        yield Input(id="confirm", max_length=40, placeholder=self.case.ref)

    def submit(self) -> Case:
        if self.text("#confirm").strip() != self.case.ref:
            raise UsageError(t("close.confirm_mismatch", ref=self.case.ref))
        return void_case(self.vault, self.case.ref, self.text("#reason"))
