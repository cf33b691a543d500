"""Vault administration (F3): users, verification, the audit log, backups, checking a
police bundle, the recovery key and rekeying. One tab per section.

Everything here calls the core (``Vault`` methods, ``verify_vault``, ``audit_log``,
``backup``, ``verify_bundle``); the core decides who may do what and says so in one line
(``PermissionDenied``), which shows in the section, in place. Work that can take long
(key derivation, re-hashing every evidence item, copying the vault) runs in a thread
worker with a spinner.
"""

from __future__ import annotations

from functools import partial
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import (
    Footer,
    Header,
    TabbedContent,
    TabPane,
)

from cybercase.core.i18n import t
from cybercase.tui.admin.audit import AuditSection
from cybercase.tui.admin.backup import BackupSection
from cybercase.tui.admin.bundle import BundleSection
from cybercase.tui.admin.exports import ExportsSection
from cybercase.tui.admin.keys import KeysSection
from cybercase.tui.admin.protocol import ProtocolSection
from cybercase.tui.admin.school import SchoolSection
from cybercase.tui.admin.section import AdminSection
from cybercase.tui.admin.users import UsersSection
from cybercase.tui.admin.verify import VerifySection
from cybercase.tui.bindings import tbinding
from cybercase.tui.widgets.base import VaultScreen
from cybercase.tui.widgets.tab_strip import TabStrip

# --- the screen -------------------------------------------------------------------------

# (section id, tab title key, section class): every section, in tab order
SECTIONS: list[tuple[str, str, type[AdminSection]]] = [
    ("users", "admin.tab.users", UsersSection),
    ("verify", "admin.tab.verify", VerifySection),
    ("audit", "admin.tab.audit", AuditSection),
    ("backup", "admin.tab.backup", BackupSection),
    ("bundle", "admin.tab.bundle", BundleSection),
    ("keys", "admin.tab.keys", KeysSection),
    ("protocol", "admin.tab.protocol", ProtocolSection),
    ("exports", "admin.tab.exports", ExportsSection),
    ("school", "admin.tab.school", SchoolSection),
]


class AdminScreen(VaultScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("escape", "back", "key.back"),
        tbinding("right_square_bracket", "next_section(1)", "key.next_tab", key_display="]",
                 show=False),
        tbinding("left_square_bracket", "next_section(-1)", "key.previous_tab",
                 key_display="[", show=False),
        *(tbinding(str(n), f"section_number({n})", "key.tab_number", show=False)
          for n in range(1, 10)),
    ]

    def __init__(self, section: str | None = None) -> None:
        super().__init__()
        self._first = section or SECTIONS[0][0]

    def compose(self) -> ComposeResult:
        self.title = t("admin.title")
        yield Header()
        # the wrapping strip: Textual's bar scrolled "Gemaakte bundels" and "School" out of
        # sight at 80 columns (issue 20)
        strip = TabStrip([(f"admin-{section_id}", partial(t, title_key))
                          for section_id, title_key, _factory in SECTIONS], id="admin-tab-strip")
        strip.active = f"admin-{self._first}"
        yield strip
        with TabbedContent(id="admin-tabs", initial=f"admin-{self._first}"):
            for section_id, title_key, factory in SECTIONS:
                with TabPane(t(title_key), id=f"admin-{section_id}"):
                    yield factory(id=f"section-{section_id}")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.call_after_refresh(self._activate_current)

    async def recompose(self) -> None:
        """After a language switch: the sections are new; load the one on show."""
        active = self.query_one(TabbedContent).active.removeprefix("admin-")
        self._first = active or self._first
        await super().recompose()
        self.call_after_refresh(self._activate_current)

    def section(self, section_id: str) -> AdminSection:
        return self.query_one(f"#section-{section_id}", AdminSection)

    def active_section(self) -> AdminSection | None:
        pane = self.query_one(TabbedContent).active_pane
        if pane is None:
            return None
        found = pane.query(AdminSection)
        return found.first() if found else None

    def _activate_current(self) -> None:
        section = self.active_section()
        if section is not None:
            section.activate()

    def show_section(self, section_id: str) -> None:
        tabs = self.query_one(TabbedContent)
        if tabs.active == f"admin-{section_id}":
            self._activate_current()
        else:
            tabs.active = f"admin-{section_id}"

    @on(TabStrip.Chosen)
    def _strip_chosen(self, event: TabStrip.Chosen) -> None:
        self.query_one(TabbedContent).active = event.tab_id

    @on(TabbedContent.TabActivated)
    def _tab_activated(self) -> None:
        self.query_one(TabStrip).active = self.query_one(TabbedContent).active
        self._activate_current()

    def action_next_section(self, step: int) -> None:
        ids = [section_id for section_id, _key, _factory in SECTIONS]
        active = self.query_one(TabbedContent).active.removeprefix("admin-")
        current = ids.index(active) if active in ids else 0
        self.show_section(ids[(current + step) % len(ids)])

    def action_section_number(self, number: int) -> None:
        if 1 <= number <= len(SECTIONS):
            self.show_section(SECTIONS[number - 1][0])

    def action_back(self) -> None:
        self.dismiss(None)


def open_admin(app: Any, section: str | None = None) -> None:
    """Show the administration screen (on ``section``), or switch to it if it is open."""
    if isinstance(app.screen, AdminScreen):
        if section:
            app.screen.show_section(section)
        return
    app.push_screen(AdminScreen(section))

