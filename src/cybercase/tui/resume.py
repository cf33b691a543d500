"""After an unlock, back where she was: the case and the tab open when the vault locked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from textual.screen import Screen

from cybercase.cases.cases import get_case
from cybercase.tui.case.screen import CaseScreen
from cybercase.vault import Vault


class Resume(NamedTuple):
    user: str
    ref: str
    tab: str


def where(stack: Sequence[Screen[object]], vault: Vault | None) -> Resume | None:
    """The topmost case screen's case and tab (None: no case was open)."""
    if vault is None:
        return None
    for screen in reversed(stack):
        if isinstance(screen, CaseScreen):
            return Resume(vault.user, screen.case.ref, screen.current_tab())
    return None


def resumed_case(vault: Vault, resume: Resume | None) -> CaseScreen | None:
    """The case screen to show again: only for the same user, and only a case she may
    still see (purged or restricted meanwhile: the dashboard it is)."""
    if resume is None or resume.user != vault.user:
        return None
    try:
        case = get_case(vault, resume.ref)
    except Exception:
        return None
    return CaseScreen(case, tab=resume.tab)
