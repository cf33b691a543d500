"""Marking an agenda item done from the dashboard.

Only the follow-ups and evaluations the agenda stores itself (their source is ``due N``)
are marked done here (``agenda done``); the other items follow from the case (a referral
awaiting an answer, an agreement to review, a police appointment) and go when that is dealt
with in the case. The core decides what may be marked; the app only reads the source.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from cybercase.core.dutchdates import app_day
from cybercase.core.i18n import get_language, localize, t
from cybercase.tui.widgets.forms import FormModal
from cybercase.vault.versions import seen
from cybercase.views.agenda import AgendaItem, mark_done

STORED_PREFIX = "due "  # AgendaItem.source of the agenda's own items: "due 12"


def stored_id(item: AgendaItem) -> int | None:
    """The id ``agenda done`` takes, or None for an item computed from the case."""
    if not item.source.startswith(STORED_PREFIX):
        return None
    number = item.source[len(STORED_PREFIX):]
    return int(number) if number.isdigit() else None


class MarkDoneModal(FormModal[int]):
    TITLE_KEY = "agenda.done.title"
    SUBMIT_KEY = "agenda.done.submit"
    DIALOG_ID = "agenda-done"
    FIRST_FOCUS = "#submit"

    def __init__(self, item: AgendaItem, due_id: int) -> None:
        super().__init__()
        self.item = item
        self.due_id = due_id
        self.expect = seen("due", due_id)

    def fields(self) -> ComposeResult:
        text = Text()
        due = app_day(self.item.due, get_language())  # "30 nov 2026", as the agenda
        text.append(f"{due}  {self.item.case_ref}\n", style="bold")
        text.append(localize(self.item.what))
        yield Static(text, id="agenda-item")
        yield Static(Text(t("agenda.done.hint")), classes="hint")

    def submit(self) -> int:
        mark_done(self.vault, self.due_id)
        return self.due_id
