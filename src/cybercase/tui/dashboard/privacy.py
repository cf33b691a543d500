"""The Privacy screen: how long closed cases are kept, the cases due for deletion, the
purge behind a typed confirmation (in a worker), the deletion receipts, and the cases
restricted so that this user cannot see them (a coordinator may still lift that: logged).

Everything comes from the core (``cybercase.privacy.retention`` and ``access``). Only
references and dates are shown for cases due or purged: never a title or a name (a
receipt holds none).
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Header, Input, Label, Static

from cybercase.cases import access
from cybercase.core.errors import CybercaseError, UsageError
from cybercase.core.i18n import msg, t
from cybercase.privacy import retention as retention_core
from cybercase.privacy.retention import PurgeResult, Receipt
from cybercase.tui.bindings import tbinding
from cybercase.tui.case.privacy_dialogs import UnrestrictModal
from cybercase.tui.when import shown_day, shown_moment
from cybercase.tui.widgets.base import VaultScreen
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.forms import FormModal, label
from cybercase.tui.widgets.run_modal import RunModal
from cybercase.tui.widgets.virtual_table import Column, ListSource, Row, VirtualTable


def _day(iso: str | None) -> str:
    return shown_day(iso) if iso else "—"


def due_row(case: dict[str, Any]) -> Row:
    return Row(case["ref"], (Text(case["ref"]), Text(_day(case["opened_at"])),
                             Text(_day(case["closed_at"])), Text(case["delete_after"]),
                             Text(str(case["days_past"]))))


def receipt_row(r: Receipt) -> Row:
    return Row(r.id, (Text(str(r.id)), Text(r.reference), Text(shown_moment(r.purged_at)),
                      Text(r.purged_by), Text(str(sum(r.counts.values()))),
                      Text(str(len(r.evidence))), Text(str(r.audit_details_erased))))


def hidden_row(entry: tuple[str, list[str]]) -> Row:
    ref, users = entry
    return Row(ref, (Text(ref), Text(", ".join(users))))


class PrivacyScreen(VaultScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", show=False),
        tbinding("t", "retention", "key.retention"),
        tbinding("d", "purge", "key.purge"),
        tbinding("u", "unrestrict", "key.lift_hidden"),
        tbinding("r", "refresh", "key.refresh", show=False),
    ]
    DEFAULT_CSS = """
    PrivacyScreen #privacy-body { padding: 0 1; }
    PrivacyScreen #retention-line { height: auto; }
    PrivacyScreen .pane-hint { color: $text-muted; height: auto; }
    """

    def compose(self) -> ComposeResult:
        self.title = t("privacy.title")
        yield Header()
        with VerticalScroll(id="privacy-body"):
            yield ErrorLine(id="privacy-error")
            yield Label(t("privacy.retention"), classes="section-title")
            yield Static("", id="retention-line")
            yield Label(t("privacy.due"), classes="section-title")
            yield VirtualTable([
                Column("ref", t("privacy.col.case"), 10),
                Column("opened", t("privacy.col.opened"), 11),
                Column("closed", t("privacy.col.closed"), 11),
                Column("after", t("privacy.col.delete_after"), 14),
                Column("past", t("privacy.col.days_past"), 10, "right"),
            ], id="due-table", empty_text=t("privacy.none_due"))
            yield Label(t("privacy.receipts"), classes="section-title")
            yield Static(Text(t("privacy.receipts_hint")), classes="pane-hint")
            yield VirtualTable([
                Column("id", "#", 4, "right"),
                Column("ref", t("privacy.col.case"), 10),
                Column("purged", t("privacy.col.purged"), 32),
                Column("by", t("privacy.col.by"), 10),
                Column("rows", t("privacy.col.records"), 8, "right"),
                Column("evidence", t("privacy.col.evidence"), 8, "right"),
                Column("erased", t("privacy.col.erased"), 12, "right"),
            ], id="receipts-table", empty_text=t("privacy.no_receipts"))
            with Vertical(id="hidden-box"):
                yield Label(t("privacy.hidden"), classes="section-title")
                yield Static(Text(t("privacy.hidden_hint")), classes="pane-hint")
                yield VirtualTable([
                    Column("ref", t("privacy.col.case"), 10),
                    Column("users", t("privacy.col.restricted_to")),
                ], id="hidden-table")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.load()
        self.query_one("#due-table", VirtualTable).focus()

    def on_screen_resume(self) -> None:
        # back from a dialog or the settings (a language switch composes the screen anew)
        if self.is_mounted and self.cyber.vault is not None:
            self.load()

    def load(self) -> None:
        """Read everything again; a refusal of the core (not a coordinator) in place."""
        vault = self.vault
        error = self.query_one("#privacy-error", ErrorLine)
        days = retention_core.retention_days(vault)
        self.query_one("#retention-line", Static).update(
            Text(t("privacy.retention_line", days=days)))
        hidden = [(ref, access.restricted_to_ref(vault, ref))
                  for ref in sorted(access.hidden_refs(vault))]
        self.query_one("#hidden-box").display = bool(hidden)
        if bool(hidden) != self.any_hidden:
            self.any_hidden = bool(hidden)
            self.refresh_bindings()
        self._fill("#hidden-table", ListSource(hidden, hidden_row))
        try:
            self.due = retention_core.due_cases(vault)
            found = retention_core.receipts(vault)
        except CybercaseError as exc:
            self.due = []
            found = []
            error.show(exc.message)
        else:
            error.clear()
        self._fill("#due-table", ListSource(self.due, due_row))
        self._fill("#receipts-table", ListSource(list(reversed(found)), receipt_row))

    def _fill(self, selector: str, source: ListSource[Any]) -> None:
        """A table as high as its rows (up to ten), its empty text on an empty one."""
        table = self.query_one(selector, VirtualTable)
        table.set_source(source)
        table.styles.height = min(max(source.count(), 1), 10) + 1

    any_hidden = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The key to lift a restriction shows only while a case is hidden from this user."""
        return self.any_hidden if action == "unrestrict" else True

    def action_refresh(self) -> None:
        self.load()

    def action_retention(self) -> None:
        def done(days: int | None) -> None:
            if days is not None:
                self.notify(t("privacy.retention_set", days=days), markup=False)
                self.load()

        self.app.push_screen(RetentionModal(retention_core.retention_days(self.vault)), done)

    def action_purge(self) -> None:
        self.load()
        if not self.due:
            self.notify(t("privacy.nothing_to_purge"), markup=False)
            return
        refs = [c["ref"] for c in self.due]

        def confirmed(ok: bool | None) -> None:
            if ok:
                self.app.push_screen(PurgeRunModal(refs), purged)

        def purged(result: object) -> None:
            self.load()

        self.app.push_screen(PurgeModal(self.due), confirmed)

    def action_unrestrict(self) -> None:
        table = self.query_one("#hidden-table", VirtualTable)
        ref = table.cursor_key if self.query_one("#hidden-box").display else None
        if not isinstance(ref, str):
            return

        def done(ok: bool | None) -> None:
            if ok:
                self.notify(t("unrestrict.done", ref=ref), markup=False)
                self.load()

        self.app.push_screen(UnrestrictModal(ref), done)


class RetentionModal(FormModal[int]):
    TITLE_KEY = "retention.title"
    DIALOG_ID = "retention"

    def __init__(self, days: int) -> None:
        super().__init__()
        self.days = days

    def fields(self) -> ComposeResult:
        yield Static(Text(t("retention.hint", default=retention_core.DEFAULT_DAYS)),
                     classes="hint")
        yield label("retention.days")
        yield Input(str(self.days), id="days", max_length=5)

    def submit(self) -> int:
        return retention_core.set_retention(self.vault, self.text("#days"))


class PurgeModal(FormModal[bool]):
    """What will be deleted (references and dates only), and the word to type."""
    WRITES = False  # it asks what to do; the work runs after it

    TITLE_KEY = "purge.title"
    SUBMIT_KEY = "purge.submit"
    DIALOG_ID = "purge"
    FIRST_FOCUS = "#confirm"

    def __init__(self, due: list[dict[str, Any]]) -> None:
        super().__init__()
        self.due = due

    def fields(self) -> ComposeResult:
        text = Text(t("purge.intro") + "\n")
        for case in self.due:
            text.append("  " + t("purge.line", ref=case["ref"], closed=_day(case["closed_at"]),
                                 after=case["delete_after"]) + "\n", style="bold")
        text.append("\n" + t("purge.warning"))
        text.append("\n" + t("retention.outside"), style="dim")
        yield Static(text, id="purge-list")
        yield label("purge.type", word=t("purge.word"))
        yield Input(id="confirm", max_length=40)

    def submit(self) -> bool:
        if self.text("#confirm").strip() != t("purge.word"):
            raise UsageError(t("purge.wrong_word", word=t("purge.word")))
        return True


class PurgeRunModal(RunModal[PurgeResult]):
    """The purge in a worker, then what went."""

    PREFIX = "purge"
    DONE_TITLE = "purge.done_title"
    FAILED_TITLE = "purge.failed_title"

    def __init__(self, refs: list[str]) -> None:
        super().__init__()
        self.refs = refs

    def heading(self) -> str:
        return t("purge.running", n=len(self.refs))

    def work(self) -> PurgeResult:
        # what was confirmed is what goes: if the due list changed meanwhile, stop
        now = sorted(c["ref"] for c in retention_core.due_cases(self.vault))
        if now != sorted(self.refs):
            raise UsageError(t("purge.changed"))
        return retention_core.purge(self.vault, yes=True)

    def done(self, result: PurgeResult) -> Text:
        text = Text()
        for r in result.receipts:
            text.append(t("purge.done_line", ref=r.reference,
                          rows=msg("count.records", n=sum(r.counts.values())),
                          evidence=msg("count.evidence_items", n=len(r.evidence)),
                          receipt=r.id) + "\n")
        if not result.compacted:
            text.append(t("purge.not_compacted") + "\n", style="yellow")
        text.append(t("retention.outside"), style="dim")
        return text
