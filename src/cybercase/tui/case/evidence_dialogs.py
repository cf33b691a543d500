"""Evidence dialogs: ingest (file picker, pasted paths, stated facts), per-file results,
the description-only report for sexual images of a minor, and withdrawal with a reason."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import (
    Button,
    Checkbox,
    DirectoryTree,
    Input,
    OptionList,
    Select,
    SelectionList,
    Static,
)

from cybercase.cases.cases import Case
from cybercase.core.errors import UsageError
from cybercase.core.i18n import t
from cybercase.core.termsafe import safe
from cybercase.evidence import (
    OFFENCE_TAGS,
    Item,
    MinorReport,
    Stated,
    record_minor_report,
    withdraw,
)
from cybercase.evidence.files import check_paths_exist
from cybercase.evidence.stated import CAPTURED_BY, PHONE_AVAILABLE
from cybercase.tui.case.ingest_facts import Facts, read_facts, stated_of, write_facts
from cybercase.tui.case.ingest_results import IngestResultsModal as IngestResultsModal
from cybercase.tui.case.ingest_results import file_name
from cybercase.tui.case.ingest_results import result_row as result_row
from cybercase.tui.paste import pasted_paths, typed_path
from cybercase.tui.widgets.forms import FormModal, label, options
from cybercase.vault.versions import seen


@dataclass
class IngestRequest:
    paths: list[str]
    stated: Stated
    # facts stated for one file ("Feiten per bestand"): they replace ``stated`` for it
    per_file: dict[str, Stated] = field(default_factory=dict)
    facts: Facts = field(default_factory=dict)  # the fields as left: the next batch's start

    def groups(self) -> list[tuple[list[str], Stated]]:
        """The paths by the facts stated for them, in the order chosen."""
        found: dict[str, tuple[list[str], Stated]] = {}
        for path in self.paths:
            stated = self.per_file.get(path, self.stated)
            key = json.dumps(stated.to_json(), sort_keys=True)
            found.setdefault(key, ([], stated))[0].append(path)
        return list(found.values())


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
    IngestModal #facts-row { height: auto; }
    """

    def __init__(self, case: Case, paths: Iterable[str] = (),
                 start_dir: Path | None = None, facts: Facts | None = None) -> None:
        super().__init__()
        self.case = case
        self.paths: list[str] = []
        self._initial = list(paths)
        self.start_dir = start_dir or Path.home()
        self._facts = facts  # what was stated for the last batch: kept until cleared
        self.per_file: dict[str, Facts] | None = None  # per path, in "per file" mode
        self.facts_for: str | None = None  # the path the fields show, in that mode

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
                with Vertical(id="facts-row"):  # a narrow column: one under the other
                    yield Checkbox(t("ingest.per_file"), id="per-file")
                    yield Button(t("ingest.clear_facts"), id="clear-facts")
                yield Static("", id="facts-for", classes="hint")
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
                yield label("ingest.field.received_via")
                yield Input(id="received_via", max_length=200,
                            placeholder=t("ingest.received_via_placeholder"))
                yield label("ingest.field.phone_available")
                yield Select(options([(t(f"ingest.phone.{p}"), p) for p in PHONE_AVAILABLE]),
                             id="phone_available", prompt=t("form.none"))
                yield label("ingest.field.tags")
                yield SelectionList[str](*((Text(tag), tag) for tag in OFFENCE_TAGS),
                                         id="tags")

    def on_mount(self) -> None:
        self.add_paths(self._initial)
        if self._facts:
            write_facts(self, self._facts)

    # --- stated facts: for the batch or per file ---------------------------------------

    @on(Checkbox.Changed, "#per-file")
    def _per_file(self, event: Checkbox.Changed) -> None:
        if event.value:
            common = read_facts(self)
            self.per_file = {path: dict(common) for path in self.paths}
            self._show_facts_of(self.query_one("#chosen", OptionList).highlighted or 0)
        else:
            self.per_file, self.facts_for = None, None
            self.query_one("#facts-for", Static).update("")

    @on(OptionList.OptionHighlighted, "#chosen")
    def _file_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.per_file is not None:
            self._show_facts_of(event.option_index)

    def _show_facts_of(self, index: int) -> None:
        """Keep what the fields say for the file shown so far; show file ``index``'s."""
        if self.per_file is None or not 0 <= index < len(self.paths):
            return
        if self.facts_for is not None:
            self.per_file[self.facts_for] = read_facts(self)
        self.facts_for = self.paths[index]
        write_facts(self, self.per_file.setdefault(self.facts_for, read_facts(self)))
        self.query_one("#facts-for", Static).update(
            Text(t("ingest.facts_for", name=file_name(self.facts_for))))

    @on(Button.Pressed, "#clear-facts")
    def _clear_facts(self) -> None:
        write_facts(self, None)

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
        facts = read_facts(self)
        per_file: dict[str, Stated] = {}
        if self.per_file is not None:
            if self.facts_for is not None:
                self.per_file[self.facts_for] = facts
            # the core's checks, shown in place before anything is read
            per_file = {path: stated_of(self.per_file.get(path, facts))
                        for path in self.paths}
        return IngestRequest(list(self.paths), stated_of(facts), per_file, facts)



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
