"""What every case pane shares: the case, loading with errors in place, change messages.

Attributes down, messages up: the case screen hands each pane the current Case
(:meth:`CasePane.set_case`); a pane that changed the case file posts :class:`CaseChanged`
and the screen re-reads the case and hands it to every pane again.

A pane loads in :meth:`load` (on mount, or on first showing for ``LAZY`` panes). A
``CybercaseError`` while loading (e.g. a role that may not read care data) is shown in the
pane, in place of its content, as one line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from rich.text import Text
from textual import on
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static

from cybercase.cases.cases import Case
from cybercase.core.errors import CybercaseError
from cybercase.evidence import get_item
from cybercase.tui.errors import describe, expected_error
from cybercase.tui.termsafe import safe_text
from cybercase.tui.widgets.base import AppAccess
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.virtual_table import ListSource, Row, VirtualTable

R = TypeVar("R")


class CaseChanged(Message):
    """A pane changed the case file: every pane should show the new state."""

    def __init__(self, notice: str | None = None) -> None:
        super().__init__()
        self.notice = notice


class CasePane(AppAccess, Vertical):
    DEFAULT_CSS = """
    CasePane { height: 1fr; padding: 0 1; }
    CasePane > .pane-hint { color: $text-muted; height: auto; }
    """
    LAZY = False  # True: load on first showing (heavy panes: timeline, audit log)

    def __init__(self, case: Case, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.case = case
        self.loaded = False
        self.stale = True

    def on_mount(self) -> None:
        if not self.LAZY:
            self.reload()

    def activate(self) -> None:
        """The pane's tab was chosen: load if it never did or the case changed since."""
        if self.stale:
            self.reload()
        self.focus_main()

    def focus_main(self) -> None:
        """Put the focus on the pane's main widget (its table) so its keys show."""

    def set_case(self, case: Case, visible: bool) -> None:
        self.case = case
        self.stale = True
        if self.loaded or visible or not self.LAZY:
            self.reload()

    def reload(self) -> None:
        self.stale = False
        problem = self.query("#pane-problem")
        try:
            self.load()
        except CybercaseError as exc:
            self.loaded = True
            if problem:
                problem.first(ErrorLine).show(exc.message)
            return
        self.loaded = True
        if problem:
            problem.first(ErrorLine).clear()

    def load(self) -> None:
        """Read from the vault and fill the widgets (raise CybercaseError to show a problem)."""

    def open_dialog(self, modal: ModalScreen[R | None],
                    done: Callable[[R], Any] | None = None) -> None:
        """Push a dialog; with a result, call ``done`` and tell the screen the case changed."""

        def closed(result: R | None) -> None:
            if result is None:
                return
            notice = done(result) if done is not None else None
            self.post_message(CaseChanged(notice if isinstance(notice, str) else None))

        self.app.push_screen(modal, closed)

    def problem_line(self) -> ErrorLine:
        return ErrorLine(id="pane-problem")

    def show_failure(self, error: BaseException) -> None:
        """A worker's failure: the core's one line in the pane (a bug goes to the app)."""
        if expected_error(error) is None:
            self.cyber.show_error(error)
            return
        line = self.query("#pane-problem")
        if line:
            line.first(ErrorLine).show(describe(error))
        else:
            self.cyber.show_error(error)


class StacksWhenNarrow:
    """A pane with a table and a details side: below ``NARROW`` terminal columns the
    details go under the table, so at 80x24 the table keeps its names whole."""

    NARROW = 110

    def on_resize(self) -> None:
        self.fit_width()

    def on_show(self) -> None:
        self.fit_width()

    def fit_width(self) -> None:
        node: Any = self
        # the terminal's width (the pane's own is 0 while its tab is hidden)
        node.set_class(node.app.size.width < self.NARROW, "-narrow")


class Record(Protocol):
    @property
    def id(self) -> int: ...


RecordT = TypeVar("RecordT", bound=Record)


class RecordsPane(CasePane, Generic[RecordT]):
    """A pane with a table of the case's records and the highlighted one's detail.

    The subclass composes one VirtualTable and a Static with id ``DETAIL_ID``, fills the
    table with :meth:`show_records` in ``load``, and says how a record is shown
    (:meth:`render_detail`) and what Enter on a row does (:meth:`choose`). A record just
    added can be set in ``select_after_load`` to get the cursor once the table has it.
    """

    DETAIL_ID = ""

    def __init__(self, case: Case, *, id: str | None = None) -> None:
        super().__init__(case, id=id)
        self.records: dict[object, RecordT] = {}
        self.select_after_load: int | None = None

    def show_records(self, found: Sequence[RecordT],
                     to_row: Callable[[RecordT], Row]) -> VirtualTable:
        self.records = {r.id: r for r in found}
        table = self.query_one(VirtualTable)
        table.set_source(ListSource(found, to_row), cursor=table.cursor_row)
        self.show_detail(table.cursor_key)
        return table

    def reload(self) -> None:
        super().reload()
        target = self.select_after_load
        if target is not None and self.loaded:
            self.select_after_load = None
            self.query_one(VirtualTable).move_to_key(target)

    def focus_main(self) -> None:
        self.query_one(VirtualTable).focus()

    def selected(self) -> RecordT | None:
        return self.records.get(self.query_one(VirtualTable).cursor_key)

    @on(VirtualTable.Highlighted)
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        self.show_detail(event.key)

    @on(VirtualTable.Selected)
    def _chosen(self) -> None:
        self.choose()

    def show_detail(self, key: object) -> None:
        record = self.records.get(key)
        self.query_one(f"#{self.DETAIL_ID}", Static).update(
            safe_text(self.render_detail(record), multiline=True) if record is not None
            else "")

    def render_detail(self, record: RecordT) -> Text:
        raise NotImplementedError

    def choose(self) -> None:
        """Enter on a row (default: nothing)."""

    def evidence_name(self, item_id: int) -> str:
        """An evidence item as '#id name' for a detail ('#id' when it cannot be read)."""
        try:
            return f"#{item_id} {get_item(self.vault, item_id).original_name}"
        except CybercaseError:
            return f"#{item_id}"
