"""The command palette: every app action by name, in the current language."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider

from cybercase.cases.cases import list_cases
from cybercase.i18n import LANGUAGES, t

if TYPE_CHECKING:
    from cybercase.tui.app import CybercaseApp


@dataclass(frozen=True)
class Command:
    name: str  # ours (may hold a case reference)
    help: str  # ours; the palette parses help as markup, so never user text here
    run: Callable[[], object]
    detail: str = ""  # user text (a case title): shown as plain text, never markup


# Actions of the open case: (name message key, pane id, pane action); an empty pane id is
# an action of the case screen. A later pane appends its own; the palette offers them
# while a case is open.
CASE_ACTIONS: list[tuple[str, str, str]] = [
    ("key.change_phase", "overview", "phase"),
    ("key.add_person", "people", "add"),
    ("key.change_role", "people", "roles"),
    ("key.set_status", "checklist", "set_status"),
    ("key.add_informed", "informed", "add"),
    ("key.add_meeting", "support", "add"),
    ("cmd.ingest", "evidence", "ingest"),
    ("key.preview", "evidence", "preview"),
    ("cmd.withdraw", "evidence", "withdraw"),
    ("cmd.minor_report", "evidence", "minor_report"),
    ("cmd.export", "", "export"),
    # privacy (issue 6): corrections, who may see the case, access requests
    ("cmd.correct_case", "overview", "correct"),
    ("cmd.correct_person", "people", "correct"),
    ("cmd.correct_evidence", "evidence", "correct"),
    ("cmd.restrict", "overview", "restrict"),
    ("cmd.unrestrict", "overview", "unrestrict"),
    ("cmd.subject_request", "people", "subject_request"),
    ("cmd.subject_export", "people", "subject_export"),
    # the case file's own actions (caseapp)
    ("cmd.triage", "overview", "triage"),
    ("cmd.edit_case", "overview", "edit"),
    ("cmd.add_follow_up", "overview", "follow_up"),
    ("cmd.close_case", "overview", "close_case"),
    ("cmd.protocol", "overview", "protocol"),
    ("cmd.school_note", "people", "note"),
    ("cmd.link_parent", "people", "link"),
    ("cmd.save_original", "evidence", "save"),
    ("cmd.minor_reports", "evidence", "minor_reports"),
]


# The administration screen's sections, each a palette entry of its own.
ADMIN_SECTIONS = ("users", "verify", "audit", "backup", "bundle", "keys", "protocol",
                  "exports")


def case_commands(app: CybercaseApp) -> Iterator[Command]:
    from cybercase.tui.case.screen import CaseScreen

    # the screen under the palette
    below = [s for s in app.screen_stack if not isinstance(s, CommandPalette)]
    screen = below[-1] if below else None
    if not isinstance(screen, CaseScreen):
        return
    for key, pane_id, action in CASE_ACTIONS:
        yield Command(t(key), t("cmd.case_action.help", ref=screen.case.ref),
                      partial(screen.pane_action, pane_id, action))


def app_commands(app: CybercaseApp) -> Iterator[Command]:
    """What the palette offers: the app's actions, then (when unlocked) each open case."""
    unlocked = app.vault is not None
    if unlocked:
        yield from case_commands(app)
        yield Command(t("cmd.dashboard"), t("cmd.dashboard.help"), app.action_dashboard)
        yield Command(t("cmd.search"), t("cmd.search.help"), app.action_search)
        yield Command(t("cmd.new_case"), t("cmd.new_case.help"), app.action_new_case)
        yield Command(t("cmd.stats"), t("cmd.stats.help"), app.action_stats)
        yield Command(t("cmd.privacy"), t("cmd.privacy.help"), app.action_privacy)
        from cybercase.tui.dashboard.account_find import find_account

        yield Command(t("cmd.find_account"), t("cmd.find_account.help"),
                      partial(find_account, app))
        yield Command(t("cmd.lock"), t("cmd.lock.help"), app.action_lock)
        yield Command(t("cmd.admin"), t("cmd.admin.help"), app.action_admin)
        for section in ADMIN_SECTIONS:
            yield Command(t(f"cmd.admin.{section}"), t("cmd.admin.help"),
                          partial(app.action_admin, section))
    yield Command(t("cmd.settings"), t("cmd.settings.help"), app.action_settings)
    yield Command(t("cmd.help"), t("cmd.help.help"), app.action_help)
    yield Command(t("cmd.theme_light"), t("cmd.theme.help"), partial(app.set_theme, "light"))
    yield Command(t("cmd.theme_dark"), t("cmd.theme.help"), partial(app.set_theme, "dark"))
    for code, name in LANGUAGES.items():
        yield Command(t("cmd.language", name=name), t("cmd.language.help"),
                      partial(app.set_language, code))
    yield Command(t("cmd.quit"), t("cmd.quit.help"), app.action_quit)
    if unlocked and app.vault is not None:
        for case in list_cases(app.vault, status="open"):
            yield Command(t("cmd.open_case", ref=case.ref), t("cmd.open_case.help"),
                          partial(app.open_case, case.ref), detail=case.title)
    # the cyber work of the open case (accounts, referrals, police, agreements)
    from cybercase.tui.case.commands import cyber_commands

    yield from cyber_commands(app)


def display(command: Command, offsets: Iterable[int] = ()) -> Text:
    """The palette line as rich Text (the palette does not parse Text as markup)."""
    text = Text(command.name)
    if command.detail:
        text.append("  ")
        text.append(command.detail, style="dim")
    for offset in offsets:
        if offset < len(text.plain) and not text.plain[offset].isspace():
            text.stylize("bold underline", offset, offset + 1)
    return text


class CybercaseCommands(Provider):
    def _app(self) -> CybercaseApp:
        from cybercase.tui.app import CybercaseApp

        assert isinstance(self.app, CybercaseApp)
        return self.app

    async def discover(self) -> Hits:
        for command in app_commands(self._app()):
            yield DiscoveryHit(display(command), command.run, text=command.name,
                               help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in app_commands(self._app()):
            plain = display(command).plain
            score, offsets = matcher.fuzzy_search.match(query, plain)
            if score > 0:
                yield Hit(score, display(command, offsets), command.run, text=plain,
                          help=command.help)
