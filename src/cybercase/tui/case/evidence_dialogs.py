"""Evidence dialogs: ingest (file picker, pasted paths, stated facts), per-file results,
the description-only report for sexual images of a minor, and withdrawal with a reason."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import (
    Button,
    DirectoryTree,
    Input,
    Label,
    OptionList,
    Select,
    SelectionList,
    Static,
)

from cybercase.cases.cases import Case
from cybercase.core.errors import UsageError
from cybercase.core.i18n import localize, t
from cybercase.core.termsafe import safe
from cybercase.evidence import (
    OFFENCE_TAGS,
    FileResult,
    Item,
    MinorReport,
    Stated,
    record_minor_report,
    withdraw,
)
from cybercase.evidence.files import check_paths_exist
from cybercase.evidence.stated import CAPTURED_BY, captured_by
from cybercase.tui.bindings import tbinding
from cybercase.tui.paste import pasted_paths, typed_path
from cybercase.tui.widgets.base import VaultModal
from cybercase.tui.widgets.forms import FormModal, label, options
from cybercase.tui.widgets.virtual_table import Column, ListSource, Row, VirtualTable
from cybercase.vault.versions import seen


@dataclass
class IngestRequest:
    paths: list[str]
    stated: Stated


class PathsPasted(Message):
    def __init__(self, paths: list[str]) -> None:
        super().__init__()
        self.paths = paths


class PathInput(Input):
    """A path field: pasting one or more dropped files adds them all to the list."""

    def _on_paste(self, event: object) -> None:
        from textual import events

        assert isinstance(event, events.Paste)
        paths = pasted_paths(event.text)
        if paths:
            event.stop()
            self.post_message(PathsPasted(paths))
            return
        super()._on_paste(event)


class QuietDirectoryTree(DirectoryTree):
    """The file picker without hidden files and folders."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [p for p in paths if not p.name.startswith(".")]


class IngestModal(FormModal[IngestRequest]):
    WRITES = False  # it asks what to do; the work runs after it
    TITLE_KEY = "ingest.title"
    SUBMIT_KEY = "ingest.submit"
    DIALOG_ID = "ingest"
    FIRST_FOCUS = "#path"
    DEFAULT_CSS = """
    IngestModal .dialog { width: 96%; max-width: 140; height: 92%; }
    IngestModal #ingest-columns { height: auto; }
    IngestModal #picker { width: 1fr; height: auto; margin-right: 2; }
    IngestModal #stated { width: 1fr; height: auto; }
    IngestModal #tree { height: 12; }
    IngestModal #chosen { height: 6; }
    IngestModal #tags { height: 6; }
    IngestModal #path-row { height: auto; }
    IngestModal #path-row Input { width: 1fr; }
    IngestModal #path-row Button { min-width: 8; margin: 0 0 0 1; }
    """

    def __init__(self, case: Case, paths: Iterable[str] = (),
                 start_dir: Path | None = None) -> None:
        super().__init__()
        self.case = case
        self.paths: list[str] = []
        self._initial = list(paths)
        self.start_dir = start_dir or Path.home()

    def form_title(self) -> str:
        return t("ingest.title", ref=self.case.ref)

    def fields(self) -> ComposeResult:
        with Horizontal(id="ingest-columns"):
            with Vertical(id="picker"):
                yield label("ingest.field.path")
                with Horizontal(id="path-row"):
                    yield PathInput(id="path", placeholder=t("ingest.path_placeholder"))
                    yield Button(t("ingest.add"), id="add-path")
                yield QuietDirectoryTree(str(self.start_dir), id="tree")
                with Horizontal(classes="buttons"):
                    yield Button(t("ingest.add_folder"), id="add-folder")
                    yield Button(t("ingest.remove"), id="remove-path")
                yield label("ingest.chosen")
                yield OptionList(id="chosen")
            with Vertical(id="stated"):
                yield Static(Text(t("ingest.stated_hint")), classes="hint")
                yield label("ingest.field.captured_by")
                yield Select(options([(t(f"ingest.captured.{c}"), c) for c in CAPTURED_BY]),
                             id="captured_by", prompt=t("form.none"))
                yield Input(id="captured_who", placeholder=t("ingest.captured_who"),
                            max_length=150)
                yield label("ingest.field.platform")
                yield Input(id="platform", max_length=100)
                yield label("ingest.field.url")
                yield Input(id="url", max_length=2048)
                yield label("ingest.field.accounts")
                yield Input(id="accounts", placeholder=t("ingest.accounts_placeholder"))
                yield label("ingest.field.shown_time")
                yield Input(id="shown_time", max_length=100)
                yield label("ingest.field.device")
                yield Input(id="device", max_length=200)
                yield label("ingest.field.description")
                yield Input(id="description", max_length=2000)
                yield label("ingest.field.tags")
                yield SelectionList[str](*((Text(tag), tag) for tag in OFFENCE_TAGS),
                                         id="tags")

    def on_mount(self) -> None:
        self.add_paths(self._initial)

    # --- the list of paths ---------------------------------------------------------------

    def add_paths(self, paths: Iterable[str]) -> None:
        """Add the paths that exist; the core's line for those that do not, in place."""
        chosen = self.query_one("#chosen", OptionList)
        problem = ""
        for path in paths:
            try:
                check_paths_exist([path])
            except UsageError as exc:
                problem = problem or exc.message
                continue
            if path and path not in self.paths:
                self.paths.append(path)
                chosen.add_option(Text(safe(path)))
        self.show_error(problem)

    def enter_submits(self, field: Input) -> bool:
        return field.id != "path"

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#add-path")
    def _add_typed(self) -> None:
        field = self.query_one("#path", PathInput)
        typed = field.value.strip()
        if typed:
            before = len(self.paths)
            self.add_paths(pasted_paths(typed) or [typed_path(typed)])
            if len(self.paths) > before:
                field.value = ""  # a path refused stays in the field, to be corrected

    @on(PathsPasted)
    def _pasted(self, message: PathsPasted) -> None:
        self.add_paths(message.paths)

    def on_paste(self, event: object) -> None:
        from textual import events

        assert isinstance(event, events.Paste)
        paths = pasted_paths(event.text)
        if paths:
            self.add_paths(paths)

    @on(DirectoryTree.FileSelected)
    def _file_chosen(self, event: DirectoryTree.FileSelected) -> None:
        self.add_paths([str(event.path)])

    @on(Button.Pressed, "#add-folder")
    def _add_folder(self) -> None:
        node = self.query_one("#tree", DirectoryTree).cursor_node
        if node is not None and node.data is not None:
            path = node.data.path
            self.add_paths([str(path if path.is_dir() else path.parent)])

    @on(Button.Pressed, "#remove-path")
    def _remove(self) -> None:
        chosen = self.query_one("#chosen", OptionList)
        index = chosen.highlighted
        if index is not None and 0 <= index < len(self.paths):
            del self.paths[index]
            chosen.remove_option_at_index(index)

    # --- submit ----------------------------------------------------------------------------

    def submit(self) -> IngestRequest:
        self._add_typed()  # a path typed but not yet added counts
        if not self.paths:
            raise UsageError(t("ingest.no_paths"))
        check_paths_exist(self.paths)  # one may have gone since it was chosen
        captured = self.choice("#captured_by")
        stored_by = captured_by(None if captured is None else str(captured),
                                self.optional("#captured_who"))
        accounts = [a.strip() for a in self.text("#accounts").split(",") if a.strip()]
        stated = Stated(
            captured_by=stored_by, device=self.optional("#device"),
            platform=self.optional("#platform"), url=self.optional("#url"),
            accounts=accounts, shown_time=self.optional("#shown_time"),
            description=self.optional("#description"),
            tags=list(self.query_one("#tags", SelectionList).selected),
        ).checked()  # the core's checks, shown in place before anything is read
        return IngestRequest(list(self.paths), stated)


STATUS_STYLE = {"stored": "green", "duplicate": "yellow", "flagged": "bold yellow",
                "error": "bold red"}


def result_row(result: FileResult) -> Row:
    notes = [*result.flags]
    if result.reason and result.reason not in notes:
        notes.insert(0, result.reason)
    if result.near_duplicates:
        near = ", ".join(f"{n['id']} ({n['case']})" for n in result.near_duplicates)
        notes.append(t("ingest.looks_like", items=near, n=len(result.near_duplicates)))
    return Row(result.path, (
        Text(t(f"ingest.status.{result.status}"), style=STATUS_STYLE.get(result.status, "")),
        Text("" if result.id is None else str(result.id)),
        Text(result.path),
        Text("; ".join(localize(note) for note in notes)),
    ))


class IngestResultsModal(VaultModal[None]):
    """One line per file: stored, duplicate, flagged or error, with the reason."""

    BINDINGS: ClassVar[list[BindingType]] = [tbinding("escape", "close", "key.back")]
    DEFAULT_CSS = """
    IngestResultsModal .dialog { width: 96%; max-width: 150; height: 80%; }
    IngestResultsModal #results { height: 1fr; }
    IngestResultsModal #result-detail { height: auto; max-height: 6; margin: 1 0 0 0; }
    """

    def __init__(self, results: list[FileResult]) -> None:
        super().__init__()
        self.results = results

    def summary(self) -> str:
        counts = Counter(r.status for r in self.results)
        parts = [t(f"ingest.count.{s}", n=counts[s])
                 for s in ("stored", "flagged", "duplicate", "error") if counts[s]]
        return t("ingest.summary", n=len(self.results), parts=", ".join(parts) or "—")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="ingest-results"):
            yield Label(t("ingest.results.title"), classes="form-title")
            yield Static(Text(self.summary()), id="results-summary")
            yield VirtualTable([
                Column("status", t("ingest.col.status"), 12),
                Column("id", "#", 6, "right"),
                Column("path", t("ingest.col.path")),
                Column("note", t("ingest.col.note")),
            ], ListSource(self.results, result_row), id="results")
            yield Static("", id="result-detail")
            with Horizontal(classes="buttons"):
                yield Button(t("help.close"), variant="primary", id="close")

    def on_mount(self) -> None:
        self.query_one("#results").focus()
        self._detail(0)

    @on(VirtualTable.Highlighted)
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        self._detail(event.index)

    def _detail(self, index: int) -> None:
        """The whole path and every reason of the highlighted file, wrapped."""
        if not 0 <= index < len(self.results):
            return
        row = result_row(self.results[index])
        text = Text.assemble(row.cells[0], " ", row.cells[2])
        if row.cells[3]:
            text.append("\n")
            text.append_text(row.cells[3])
        self.query_one("#result-detail", Static).update(text)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)


class MinorReportModal(FormModal[int]):
    """Sexual images of a minor: a description only. There is no file field on purpose."""

    TITLE_KEY = "minor.title"
    SUBMIT_KEY = "minor.submit"
    DIALOG_ID = "minor-report"
    DEFAULT_CSS = """
    MinorReportModal .dialog { width: 90; }
    MinorReportModal #minor-guidance { border: round $error; padding: 0 1; }
    """

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def fields(self) -> ComposeResult:
        yield Static(Text(t("minor.guidance")), id="minor-guidance")
        yield label("minor.field.where")
        yield Input(id="where", max_length=500)
        yield label("minor.field.when")
        yield Input(id="when", max_length=100)
        yield label("minor.field.platform")
        yield Input(id="platform", max_length=100)
        yield label("minor.field.url")
        yield Input(id="url", max_length=2048)
        yield label("minor.field.accounts")
        yield Input(id="accounts", placeholder=t("ingest.accounts_placeholder"))
        yield label("minor.field.description")
        yield Input(id="description", max_length=2000)

    def enter_submits(self, field: Input) -> bool:
        return False  # a deliberate click or key on the button

    def submit(self) -> int:
        accounts = [a.strip() for a in self.text("#accounts").split(",") if a.strip()]
        report = MinorReport(
            seen_where=self.optional("#where"), seen_when=self.optional("#when"),
            platform=self.optional("#platform"), url=self.optional("#url"),
            accounts=accounts, description=self.optional("#description"),
        )
        return record_minor_report(self.vault, self.case.ref, report)


class WithdrawModal(FormModal[Item]):
    DIALOG_ID = "withdraw"
    SUBMIT_KEY = "withdraw.submit"
    FIRST_FOCUS = "#reason"

    def __init__(self, item: Item) -> None:
        super().__init__()
        self.item = item
        self.expect = seen("evidence", item)

    def form_title(self) -> str:
        return t("withdraw.title", id=self.item.id)

    def fields(self) -> ComposeResult:
        yield Static(Text(t("withdraw.hint", name=self.item.original_name)), classes="hint")
        yield label("withdraw.field.reason")
        yield Input(id="reason", max_length=500)

    def submit(self) -> Item:
        return withdraw(self.vault, self.item.id, self.text("#reason"))
