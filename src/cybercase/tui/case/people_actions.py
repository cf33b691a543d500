"""People-pane actions: the school-system note of a pupil (to paste into the pupil
administration) and linking a parent to a pupil; the links shown under the table.

The note is made by the core (``cybercase notes``): it names no other child and carries no
support-group role. The core decides for whom a note exists and who may read it; its
one-line message shows in the dialog. Reading a note changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, Select, Static, TextArea

from cybercase.cases.cases import Case
from cybercase.cases.people import Person, link_parent, list_people
from cybercase.core.errors import CybercaseError, UsageError
from cybercase.core.i18n import LANGUAGES, get_language, t
from cybercase.privacy.notes import school_note
from cybercase.tui.bindings import tbinding
from cybercase.tui.widgets.base import VaultModal
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.forms import FormModal, label, options

NOTE_LANGUAGES = ("nl", "en")  # the core writes each note in both


def person_name(person: Person) -> str:
    return f"{person.name} (#{person.id})"


def links_text(people: Sequence[Person], links: Sequence[tuple[int, int]],
               person_id: object) -> Text:
    """Under the table: the highlighted pupil's parents, or the parent's children."""
    by_id = {p.id: p for p in people}
    person = by_id.get(person_id) if isinstance(person_id, int) else None
    text = Text()
    if person is None or person.kind == "staff":
        return text
    if person.kind == "pupil":
        linked = [by_id[parent] for parent, pupil in links if pupil == person.id
                  and parent in by_id]
        key = "people.links.parents"
    else:
        linked = [by_id[pupil] for parent, pupil in links if parent == person.id
                  and pupil in by_id]
        key = "people.links.children"
    text.append(t(key, name=person.name) + ": ", style="bold")
    if linked:
        text.append(", ".join(person_name(p) for p in linked))
    else:
        text.append(t("people.links.none"), style="dim")
    return text


# --- the school-system note -------------------------------------------------------------------


class SchoolNoteModal(VaultModal[None]):
    """The note for one pupil, in Dutch or English, to copy into the pupil administration."""

    BINDINGS: ClassVar[list[BindingType]] = [tbinding("escape", "close", "key.back")]
    DEFAULT_CSS = """
    SchoolNoteModal #note-head { height: auto; }
    SchoolNoteModal #note-head Vertical { width: 1fr; height: auto; }
    SchoolNoteModal #note-head #note-lang-box { width: 24; }
    SchoolNoteModal #note-category { padding: 1 0 0 1; }
    SchoolNoteModal #note-text { height: 8; margin: 1 0 0 0; }
    """

    def __init__(self, case: Case, person: Person) -> None:
        super().__init__()
        self.case = case
        self.person = person
        self.note: dict[str, object] | None = None

    def compose(self) -> ComposeResult:
        lang = get_language() if get_language() in NOTE_LANGUAGES else "nl"
        with VerticalScroll(classes="dialog", id="school-note", can_focus=False):
            yield Label(t("notes.title", name=self.person.name), classes="form-title",
                        markup=False)
            yield Static(Text(t("notes.hint")), classes="hint")
            with Horizontal(id="note-head"):
                with Vertical(id="note-lang-box"):
                    yield label("notes.lang")
                    yield Select(options([(LANGUAGES[c], c) for c in NOTE_LANGUAGES]),
                                 value=lang, allow_blank=False, id="note-lang")
                with Vertical():
                    yield label("notes.category")
                    yield Static("", id="note-category")
            yield ErrorLine(id="error")
            yield TextArea("", id="note-text", read_only=True, soft_wrap=True)
            with Horizontal(classes="buttons"):
                yield Button(t("notes.copy"), variant="primary", id="copy")
                yield Button(t("help.close"), id="close")

    def on_mount(self) -> None:
        self.query_one(".dialog").styles.width = 96  # (the app's .dialog rule wins)
        try:
            self.note = school_note(self.vault, self.case.ref, self.person.id)
        except CybercaseError as exc:
            self.query_one("#error", ErrorLine).show(exc.message)
            for selector in ("#note-text", "#note-head"):
                self.query_one(selector).display = False
            self.query_one("#copy", Button).disabled = True
            self.query_one("#close", Button).focus()
            return
        self.show_note()
        self.query_one("#copy", Button).focus()

    @on(Select.Changed, "#note-lang")
    def show_note(self) -> None:
        if self.note is None:
            return
        lang = str(self.query_one("#note-lang", Select).value)
        self.query_one("#note-category", Static).update(
            Text(str(self.note[f"category_{lang}"])))
        self.query_one("#note-text", TextArea).load_text(str(self.note[f"text_{lang}"]))

    @on(Button.Pressed, "#copy")
    def copy(self) -> None:
        if self.note is None:
            return
        self.app.copy_to_clipboard(self.query_one("#note-text", TextArea).text)
        self.notify(t("notes.copied"), markup=False)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)


# --- linking a parent to a pupil --------------------------------------------------------------


class LinkParentModal(FormModal[tuple[Person, Person]]):
    """Record that a parent/guardian in the case is a parent of a pupil in the case."""

    TITLE_KEY = "people.link.title"
    DIALOG_ID = "link-parent"

    def __init__(self, case: Case, person: Person | None) -> None:
        super().__init__()
        self.case = case
        self.person = person

    def fields(self) -> ComposeResult:
        people = list_people(self.vault, self.case)
        chosen = self.person.id if self.person is not None else None

        def select(kind: str, id: str) -> Select[object]:
            found = [p for p in people if p.kind == kind]
            value = chosen if any(p.id == chosen for p in found) else Select.NULL
            if value is Select.NULL and len(found) == 1:
                value = found[0].id
            return Select(options([(person_name(p), p.id) for p in found]), id=id,
                          prompt=t("form.choose"), value=value)

        yield Static(Text(t("people.link.hint")), classes="hint")
        yield label("people.link.parent")
        yield select("parent", "parent")
        yield label("people.link.pupil")
        yield select("pupil", "pupil")

    def submit(self) -> tuple[Person, Person]:
        parent, pupil = self.choice("#parent"), self.choice("#pupil")
        if not isinstance(parent, int) or not isinstance(pupil, int):
            raise UsageError(t("people.link.choose"))
        link_parent(self.vault, parent, pupil)
        by_id = {p.id: p for p in list_people(self.vault, self.case)}
        return by_id[parent], by_id[pupil]
