"""Help (F1 / ?): the keys of the screen underneath, the keys that work everywhere."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Button, Label, Static

from cybercase.core.i18n import t
from cybercase.tui.bindings import tbinding
from cybercase.tui.widgets.base import PlainModal


def _keys_table(bindings: list[tuple[str, str]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, description in bindings:
        table.add_row(Text(key), Text(description))
    return table


class HelpModal(PlainModal[None]):
    BINDINGS: ClassVar[list[BindingType]] = [tbinding("escape", "close", "key.back")]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self._under = under

    def _bindings_of(self, source: DOMNode) -> list[tuple[str, str]]:
        rows: list[tuple[str, str]] = []
        seen: set[str] = set()
        bindings: list[Binding] = [
            b for group in source._bindings.key_to_bindings.values() for b in group
        ]
        for binding in bindings:
            # only our own bindings (tbinding): they carry a message key and follow the
            # language; Textual's built-in ones (focus, copy) need no explaining here
            if not (binding.id or "").startswith("key.") or binding.action in seen:
                continue
            seen.add(binding.action)
            rows.append((self.app.get_key_display(binding), t(binding.id or "")))
        return rows

    def _bindings_here(self) -> list[tuple[str, str]]:
        """The screen's keys and those of the focused widget and its containers (a case
        pane's keys belong to the pane)."""
        rows: list[tuple[str, str]] = []
        node: DOMNode | None = self._under.focused
        chain: list[DOMNode] = []
        while node is not None and node is not self._under:
            chain.append(node)
            node = node.parent
        for source in [*chain, self._under]:
            rows.extend(r for r in self._bindings_of(source) if r not in rows)
        return rows

    def compose(self) -> ComposeResult:
        here = self._bindings_here()
        everywhere = self._bindings_of(self.app)
        everywhere.append((self.app.get_key_display(Binding("ctrl+p", "")), t("help.palette")))
        with VerticalScroll(classes="dialog", id="help"):
            yield Label(t("help.title"), classes="form-title")
            yield Static(Text(t("help.intro", minutes=self.cyber.settings.auto_lock_minutes)),
                         classes="hint")
            if here:
                yield Label(t("help.keys_here"), classes="section-title")
                yield Static(_keys_table(here))
            yield Label(t("help.keys_everywhere"), classes="section-title")
            yield Static(_keys_table(everywhere))
            with Horizontal(classes="buttons"):
                yield Button(t("help.close"), variant="primary", id="close")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
