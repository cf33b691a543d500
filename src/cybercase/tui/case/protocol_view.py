"""The protocol the case follows, read-only (from the overview): its phases and
checklist, with the case's own phase marked.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Label, Static

from cybercase.cases.cases import (
    Case,
    case_protocol,
)
from cybercase.core.i18n import get_language, t
from cybercase.protocol import store
from cybercase.protocol.schema import Protocol
from cybercase.tui.bindings import tbinding
from cybercase.tui.when import shown_moment
from cybercase.tui.widgets.base import VaultModal
from cybercase.tui.widgets.forms import named
from cybercase.vault import Vault

# --- protocol (read-only) -------------------------------------------------------------------


def protocol_text(protocol: Protocol, current_phase: int | None) -> Text:
    """Phases (the case's current one marked), support-group steps and the checklist."""
    nl = get_language() == "nl"
    text = Text()

    def head(key: str) -> None:
        text.append("\n" + t(key) + "\n", style="bold underline")

    text.append(named(protocol) + "\n", style="bold")
    text.append(t("protocol.version", id=protocol.id, version=protocol.version) + "\n",
                style="dim")
    head("protocol.phases")
    for phase in protocol.phases:
        now = phase.number == current_phase
        text.append("→ " if now else "  ", style="bold")
        text.append(f"{phase.number} · {named(phase)}", style="bold reverse" if now else "bold")
        if now:
            text.append("  " + t("protocol.current"), style="bold")
        text.append("\n    " + (phase.meaning_nl if nl else phase.meaning_en) + "\n")
        for expected in phase.expects_nl if nl else phase.expects_en:
            text.append("    • " + expected + "\n")
        escalate = phase.escalate_nl if nl else phase.escalate_en
        if escalate:
            text.append("    " + t("protocol.escalate", when=escalate) + "\n", style="dim")
    head("protocol.steps")
    for step in protocol.steps:
        text.append(f"  {step.key} · {named(step)}\n", style="bold")
        for point in step.points_nl if nl else step.points_en:
            text.append("    • " + point + "\n")
    head("protocol.checklist")
    for item in protocol.checklist:
        who = ", ".join(item.responsible)
        text.append(f"  {item.id:>2}. ", style="bold")
        text.append(item.text_nl if nl else item.text_en)
        if who:
            text.append(f"  ({who})", style="dim")
        text.append("\n")
    return text


def stored_text(vault: Vault, case: Case) -> Text:
    """The protocols kept in the vault (``protocol list``): which one this case follows,
    which one new cases get."""
    text = Text()
    rows = store.list_stored(vault)
    if not rows:
        text.append(t("protocol.stored_none"), style="dim")
        return text
    for r in rows:
        mine = r["row"] == case.protocol_row
        text.append("→ " if mine else "  ", style="bold")
        text.append(t("protocol.stored_row", row=r["row"], id=r["id"], version=r["version"],
                      source=r["source"], when=shown_moment(r["added_at"]),
                      who=r["added_by"]))
        if mine:
            text.append("  " + t("protocol.current"), style="bold")
        if r["current"]:
            text.append("  " + t("protocol.for_new_cases"), style="bold")
        text.append("\n")
    return text


class ProtocolModal(VaultModal[None]):
    """The protocol this case follows, read-only. Installing another protocol file
    (``protocol use``) stays with the command line."""

    BINDINGS: ClassVar[list[BindingType]] = [tbinding("escape", "close", "key.back")]
    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="protocol-dialog"):
            yield Label(t("protocol.title", ref=self.case.ref), classes="form-title",
                        markup=False)
            yield Static(Text(t("protocol.hint")), classes="hint")
            yield Static(protocol_text(case_protocol(self.vault, self.case), self.case.phase),
                         id="protocol-body")
            yield Label(t("protocol.stored"), classes="section-title")
            yield Static(stored_text(self.vault, self.case), id="protocol-stored")
            with Horizontal(classes="buttons"):
                yield Button(t("help.close"), variant="primary", id="close")

    def on_mount(self) -> None:
        box = self.query_one("#protocol-dialog")
        box.styles.width = 100  # (the app's .dialog rule wins over DEFAULT_CSS)
        box.styles.height = "90%"
        self.query_one("#close", Button).focus(scroll_visible=False)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
