"""The open case's commands in the palette (``CaseScreen.COMMANDS``): the actions of its
tabs by name, e.g. "add person", "ingest evidence", "add a referral". Offered while the
case screen is the one the palette was opened on; each shows its tab and runs the
action there."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any, Protocol, cast

from cybercase.cases.cases import Case
from cybercase.core.i18n import t
from cybercase.tui.case.base import CasePane
from cybercase.tui.palette import Command, CommandList


class CaseScreen(Protocol):
    """What the commands ask of the case screen (it implements this; no import of it)."""

    case: Case

    @property
    def is_attached(self) -> bool: ...
    def query_one(self, selector: str) -> Any: ...
    def show_tab(self, pane_id: str) -> None: ...
    def pane_action(self, pane_id: str, action: str) -> None: ...

# Actions of the open case: (name message key, pane id, pane action); an empty pane id is
# an action of the case screen.
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
    ("cmd.reopen_case", "overview", "reopen"),
    ("cmd.void_case", "overview", "void"),
    ("cmd.protocol", "overview", "protocol"),
    ("cmd.school_note", "people", "note"),
    ("cmd.link_parent", "people", "link"),
    ("cmd.save_original", "evidence", "save"),
    ("cmd.minor_reports", "evidence", "minor_reports"),
    ("cmd.print_meeting", "evidence", "print_meeting"),
]

# The cyber work of the case: (pane id, pane action, command name key, command help key)
CYBER_ACTIONS = (
    ("accounts", "add", "cmd.add_account", "cmd.add_account.help"),
    ("referrals", "add", "cmd.add_referral", "cmd.add_referral.help"),
    ("police", "add", "cmd.add_police", "cmd.add_police.help"),
    ("agreements", "add", "cmd.add_agreement", "cmd.add_agreement.help"),
)


def run_pane_action(screen: CaseScreen, pane_id: str, action: str) -> None:
    """Show the pane's tab and run its action now (the dialog opens over the tab)."""
    if not screen.is_attached:
        return
    screen.show_tab(pane_id)
    found = screen.query_one(f"#pane-{pane_id}").query(CasePane)
    if found:
        getattr(found.first(), f"action_{action}")()


def case_commands(screen: CaseScreen) -> Iterator[Command]:
    for key, pane_id, action in CASE_ACTIONS:
        yield Command(t(key), t("cmd.case_action.help", ref=screen.case.ref),
                      partial(screen.pane_action, pane_id, action))
    for pane_id, action, name, help_key in CYBER_ACTIONS:
        yield Command(t(name, ref=screen.case.ref), t(help_key),
                      partial(run_pane_action, screen, pane_id, action))


class CaseCommands(CommandList):
    """The provider on the case screen (``self.screen``: the screen under the palette)."""

    def commands(self) -> Iterator[Command]:
        if getattr(self.app, "vault", None) is None:  # locked meanwhile
            return iter(())
        return case_commands(cast(CaseScreen, self.screen))
