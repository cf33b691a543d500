"""Printing for a meeting (issue 18), step 1: what to print and whose names stay readable.

Reached from the evidence tab (``P``) and the command palette ("print for a meeting"). The
coordinator chooses the pupil the meeting is about, ticks the children whose names may
stay readable (the bullied child only when she ticks it), the images and chats, the key
messages marked in the conversation view and single messages (``ITEM:N``), the meeting's
date (typed the Dutch way) and with whom. The core plans the print
(:func:`cybercase.privacy.confront.plan_print`: the originals in memory only, masked) and
the review (:mod:`cybercase.tui.case.confront_review`) opens on the plan.
"""

from __future__ import annotations

from textwrap import shorten

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Select, SelectionList, Static

from cybercase.cases.cases import Case
from cybercase.cases.people import list_people
from cybercase.core.dutchdates import parse_dutch_date, typed_day
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg, t
from cybercase.core.timeutil import local_today
from cybercase.evidence.chat.keymsg import key_messages
from cybercase.privacy.confront import PrintPlan, parse_message_ref, plan_print
from cybercase.tui.case.pickers import EvidencePicker, people_options, person_label
from cybercase.tui.widgets.forms import FormModal, label


class ConfrontSetupModal(FormModal[PrintPlan]):
    """What to print for the meeting, and whose names stay readable."""

    TITLE_KEY = "confront.setup_title"
    SUBMIT_KEY = "confront.review"
    DIALOG_ID = "confront-setup"
    FIRST_FOCUS = "#for"

    def __init__(self, case: Case, person_id: int | None = None) -> None:
        super().__init__()
        self.case = case
        self.person_id = person_id

    def fields(self) -> ComposeResult:
        pupils = [p for p in list_people(self.vault, self.case) if p.kind == "pupil"]
        first = self.person_id if any(p.id == self.person_id for p in pupils) else next(
            (p.id for p in pupils if p.role == "bully"), pupils[0].id if pupils else None)
        yield Static(Text(t("confront.setup_hint")), classes="hint")
        yield label("confront.for")
        yield Select(people_options(pupils, pupils_only=True), id="for", allow_blank=False,
                     value=first) if pupils else Static(Text(t("confront.no_pupils")))
        yield label("confront.keep")
        yield Static(Text(t("confront.keep_hint")), classes="hint")
        yield SelectionList[int](*((Text(person_label(p)), p.id) for p in pupils), id="keep")
        yield label("confront.items")
        yield EvidencePicker(self.vault, self.case.ref, id="items")
        keys = key_messages(self.vault, self.case.ref)
        if keys:  # the key messages marked in the conversation view, to tick
            yield label("confront.key_messages")
            yield SelectionList[tuple[int, int]](
                *((Text(f"#{k.item_id}:{k.n}  {k.sender or ''} {k.shown_time}: "
                        f"{shorten(k.text, 50)}"), (k.item_id, k.n)) for k in keys),
                id="key-messages")
        yield label("confront.messages")
        yield Input(id="messages", placeholder="12:4, 12:7")
        yield label("confront.date")
        yield Input(typed_day(local_today()), id="date", max_length=30,
                    placeholder=t("form.date_placeholder"))
        yield label("confront.with")
        yield Input(id="with", max_length=200, placeholder=t("confront.with_hint"))

    def submit(self) -> PrintPlan:
        for_id = self.choice("#for") if self.query("Select#for") else None
        if not isinstance(for_id, int):
            raise UsageError(t("confront.no_pupils"))
        keep = [i for i in self.query_one("#keep", SelectionList).selected if i != for_id]
        items = self.query_one("#items", EvidencePicker).selected()
        messages = [parse_message_ref(part.strip())
                    for part in self.text("#messages").split(",") if part.strip()]
        if self.query("#key-messages"):
            messages += [ref for ref in self.query_one("#key-messages", SelectionList).selected
                         if ref not in messages]
        typed = self.text("#date").strip()  # Dutch or ISO; a day that does not exist: one line
        day = parse_dutch_date(typed, msg("confront.date")) if typed else None
        return plan_print(self.vault, self.case.ref, for_id, items, messages, keep, day,
                          self.text("#with"))
