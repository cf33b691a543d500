"""The evidence of a case: a paged table (50,000 items scroll like 50), the selected item's
metadata and hashes, an image preview on request, ingest with progress and per-file results,
the description-only path for sexual images of a minor, withdrawal.

The preview decrypts into memory only (``read_content``, audited as ``evidence.view``) and
hands a Pillow image to textual-image: the terminal's graphics protocol where it has one,
half-blocks otherwise. Nothing is written to disk; locking removes the screen with it.
"""

from __future__ import annotations

import time
from typing import Any, ClassVar

# textual_image.widget probes the terminal when imported (in imagekind): this module is
# imported (via the case screen) before the app starts, as it must be.
from PIL import Image as PILImage
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import ProgressBar, Static
from textual.worker import Worker, WorkerState

from cybercase.core.i18n import t
from cybercase.evidence import FileResult, Progress, get_item, imaging, ingest, video
from cybercase.evidence.items import read_content
from cybercase.evidence.minor import list_minor_reports
from cybercase.evidence.ocr import status as ocr_status
from cybercase.privacy import corrections
from cybercase.tui.bindings import tbinding
from cybercase.tui.case.base import CaseChanged, CasePane, StacksWhenNarrow
from cybercase.tui.case.evidence_actions import (
    MinorReportsModal,
    SaveOriginalModal,
    SaveRequest,
    save_original,
)
from cybercase.tui.case.evidence_chat import chat_text
from cybercase.tui.case.evidence_details import EvidenceSource, metadata_text
from cybercase.tui.case.evidence_dialogs import (
    IngestModal,
    IngestRequest,
    IngestResultsModal,
    MinorReportModal,
    WithdrawModal,
)
from cybercase.tui.case.privacy_dialogs import (
    CorrectModal,
    corrected_notice,
    corrections_text,
    evidence_values,
)
from cybercase.tui.termsafe import safe_text
from cybercase.tui.viewer.ocr_background import progress_line
from cybercase.tui.viewer.opening import open_item
from cybercase.tui.widgets.evidence_image import EvidenceImage as PreviewImage
from cybercase.tui.widgets.virtual_table import Column, VirtualTable
from cybercase.vault.versions import seen

PREVIEW_PIXELS = 1600  # the preview is scaled down to this (the terminal shows less)
PROGRESS_EVERY = 0.1  # seconds between progress updates from the ingest worker
OCR_EVERY = 2.0  # seconds between looks at the OCR job list







class EvidencePane(StacksWhenNarrow, CasePane):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("i", "ingest", "key.ingest"),
        tbinding("v", "preview", "key.preview", show=False),  # `o` opens the viewer
        tbinding("o", "open", "viewer.key.open"),
        tbinding("f", "search_case", "viewer.key.case_search", show=False),
        tbinding("w", "withdraw", "key.withdraw", show=False),
        tbinding("m", "minor_report", "key.minor_report"),
        tbinding("c", "correct", "key.correct", show=False),
        tbinding("s", "save", "key.save_original", show=False),
        tbinding("M", "minor_reports", "key.minor_reports", key_display="M", show=False),
        tbinding("P", "print_meeting", "key.print_meeting", key_display="P", show=False),
    ]
    DEFAULT_CSS = """
    EvidencePane #evidence-main { height: 1fr; }
    EvidencePane #evidence-table { width: 2fr; }
    EvidencePane #evidence-side { width: 1fr; min-width: 34; max-width: 60; padding: 0 0 0 1; }
    EvidencePane #evidence-meta { height: 1fr; overflow: hidden; }
    EvidencePane #preview { width: auto; height: 16; display: none; }
    EvidencePane #preview-note { color: $text-muted; height: auto; display: none; }
    EvidencePane #evidence-side.-preview #preview { display: block; }
    EvidencePane #evidence-side.-preview #preview-note { display: block; }
    EvidencePane #evidence-side.-preview #evidence-meta { height: auto; max-height: 50%; }
    EvidencePane #ingest-box { height: auto; display: none; }
    EvidencePane #ingest-box.-busy { display: block; }
    EvidencePane #ingest-box ProgressBar { width: 1fr; }
    EvidencePane #ingest-current { color: $text-muted; height: 1; }
    EvidencePane.-narrow #evidence-main { layout: vertical; }
    EvidencePane.-narrow #evidence-table { width: 1fr; height: 1fr; }
    EvidencePane.-narrow #evidence-side { width: 1fr; max-width: 100%; height: 45%;
                                          padding: 0; }
    """

    def compose(self) -> ComposeResult:
        yield self.problem_line()
        with Vertical(id="ingest-box"):
            yield ProgressBar(id="ingest-progress", show_eta=False)
            yield Static("", id="ingest-current")
        with Horizontal(id="evidence-main"):
            # the type, hashes and times are in the metadata beside the table
            yield VirtualTable([
                Column("id", "#", 6, "right"),
                Column("name", t("evidence.col.name"), grow=2),
                Column("size", t("evidence.col.size"), 8, "right"),
                Column("ingested", t("evidence.col.ingested"), 10),
                Column("state", t("evidence.col.state"), 9),
                Column("description", t("evidence.col.description")),
            ], id="evidence-table", empty_text=t("evidence.empty"))
            with Vertical(id="evidence-side"):
                # a fixed-size box: changing its text while scrolling needs no new layout
                yield Static("", id="evidence-meta")
                yield Static("", id="preview-note")
                yield PreviewImage(None, id="preview")
        yield Static("", id="minor-reports", classes="pane-hint")
        yield Static("", id="ocr-line", classes="pane-hint")

    # --- loading ------------------------------------------------------------------------

    def load(self) -> None:
        table = self.query_one(VirtualTable)
        if isinstance(table.source, EvidenceSource):
            table.reload()
        else:
            table.set_source(EvidenceSource(self.vault, self.case.ref))
        self._show_item(table.cursor_key)
        self.show_ocr()
        reports = list_minor_reports(self.vault, self.case.ref)
        self.query_one("#minor-reports", Static).update(
            Text(t("evidence.minor_reports", n=len(reports)) + " " + t("minor.list.key"))
            if reports else "")

    def focus_main(self) -> None:
        self.query_one(VirtualTable).focus()

    _ocr_line = ""

    def on_mount(self) -> None:
        super().on_mount()
        self.fit_width()
        self.set_interval(OCR_EVERY, self.show_ocr)

    def show_ocr(self) -> None:
        """How far reading text from this case's images is ("OCR: 3 of 12 done")."""
        if not self.is_attached or self.cyber.vault is None:
            return
        line = progress_line(ocr_status(self.vault, self.case.ref))
        if line != self._ocr_line:  # a new text only when it changed (no layout pass)
            self._ocr_line = line
            self.query_one("#ocr-line", Static).update(Text(line))

    @on(VirtualTable.Highlighted, "#evidence-table")
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        self._show_item(event.key)

    @on(VirtualTable.Selected, "#evidence-table")
    def _selected(self, event: VirtualTable.Selected) -> None:
        self.action_open()

    def action_open(self) -> None:
        """The item full screen: an image in the viewer, a chat export as a conversation."""
        key = self.query_one(VirtualTable).cursor_key
        if isinstance(key, int):
            open_item(self.app, self.vault, key)

    def action_search_case(self) -> None:
        """Search inside this case: image text and chat messages open in their viewer."""
        from cybercase.tui.viewer.case_search import CaseSearchModal

        self.app.push_screen(CaseSearchModal(self.case.ref))

    def _show_item(self, key: object) -> None:
        self._clear_preview()
        meta = self.query_one("#evidence-meta", Static)
        if not isinstance(key, int):
            meta.update("", layout=False)
            return
        text = metadata_text(get_item(self.vault, key))
        text.append_text(chat_text(self.vault, key))
        text.append_text(corrections_text(corrections.history(self.vault, "evidence", key)))
        meta.update(safe_text(text, multiline=True), layout=False)

    # --- preview ------------------------------------------------------------------------

    def _clear_preview(self) -> None:
        # only what is set: each change here costs a layout pass while scrolling
        if any(w.group == "preview" and not w.is_finished for w in self.workers):
            self.workers.cancel_group(self, "preview")
        side = self.query_one("#evidence-side")
        if side.has_class("-preview"):
            side.remove_class("-preview")
            self.query_one("#preview", PreviewImage).image = None
            self.query_one("#preview-note", Static).update("")

    def action_preview(self) -> None:
        key = self.query_one(VirtualTable).cursor_key
        if not isinstance(key, int):
            return
        item = get_item(self.vault, key)
        note = self.query_one("#preview-note", Static)
        self.query_one("#evidence-side").add_class("-preview")
        if not item.mime.startswith("image/") and not video.is_video(item.mime):
            note.update(Text(t("evidence.no_preview", mime=item.mime)))
            return
        note.update(Text(t("evidence.preview_loading")))
        self._still = video.is_video(item.mime)
        self._decode(item.id)

    @work(thread=True, exclusive=True, group="preview", exit_on_error=False)
    def _decode(self, item_id: int) -> tuple[int, PILImage.Image]:
        with self.vault.sibling() as vault:  # not on the app's connection
            item, data = read_content(vault, item_id, purpose="preview in the app")
        if video.is_video(item.mime):  # a still frame, derived in memory
            frame = video.still(data)
            if frame is None:
                raise ValueError("no still frame")
            shown = frame.convert("RGB")
        else:  # with the HEIC reader when it is an iPhone photo
            with imaging.open_image(data) as img:
                img.load()
                shown = img.convert("RGB")
        shown.thumbnail((PREVIEW_PIXELS, PREVIEW_PIXELS))
        return item_id, shown

    def _preview_done(self, event: Worker.StateChanged) -> None:
        note = self.query_one("#preview-note", Static)
        if event.state == WorkerState.SUCCESS:
            item_id, image = event.worker.result  # type: ignore[misc]
            if self.query_one(VirtualTable).cursor_key != item_id:
                return  # the cursor moved on meanwhile
            note.update(Text(t("media.still_note" if getattr(self, "_still", False)
                               else "evidence.preview_note")))
            self.query_one("#preview", PreviewImage).image = image
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, (OSError, ValueError, PILImage.DecompressionBombError)):
                note.update(Text(t("evidence.preview_failed")))
            elif error is not None:
                note.update("")
                self.show_failure(error)

    # --- printing for a meeting (issue 18) ----------------------------------------------

    def action_print_meeting(self) -> None:
        """Choose what to print and whose names stay, review the masked pages, print."""
        from cybercase.tui.case.confront import ConfrontSetupModal
        from cybercase.tui.case.confront_review import ConfrontReviewModal

        def planned(plan: Any) -> None:
            if plan is not None:
                self.open_dialog(ConfrontReviewModal(plan), lambda r: t(
                    "confront.done", path=str(r.path), n=r.pages, id=r.print_id))

        self.app.push_screen(ConfrontSetupModal(self.case), planned)

    # --- ingest -------------------------------------------------------------------------

    def action_ingest(self, paths: list[str] | None = None) -> None:
        if self.query_one("#ingest-box").has_class("-busy"):
            self.notify(t("ingest.busy"), severity="warning", markup=False)
            return

        def chosen(request: IngestRequest | None) -> None:
            if request is not None:
                self.last_facts = request.facts  # the next batch starts from them
                self.start_ingest(request)

        self.app.push_screen(IngestModal(self.case, paths or (),
                                         facts=getattr(self, "last_facts", None)), chosen)

    def start_ingest(self, request: IngestRequest) -> None:
        box = self.query_one("#ingest-box")
        box.add_class("-busy")
        bar = self.query_one("#ingest-progress", ProgressBar)
        bar.update(total=None, progress=0)
        self.query_one("#ingest-current", Static).update(Text(t("ingest.starting")))
        self._ingest(request)

    @work(thread=True, exclusive=True, group="ingest", exit_on_error=False)
    def _ingest(self, request: IngestRequest) -> list[FileResult]:
        last = [0.0]

        def progress(p: Progress) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_EVERY or p.files_done == p.files_total:
                last[0] = now
                self.app.call_from_thread(self._progress, p)

        # on a connection of its own: the app reads (and dialogs save) meanwhile
        with self.vault.sibling() as vault:
            results: list[FileResult] = []
            for paths, stated in request.groups():  # facts stated per file: a call each
                results += ingest(vault, self.case.ref, paths, stated, progress=progress)
            return results

    def _progress(self, p: Progress) -> None:
        bar = self.query_one("#ingest-progress", ProgressBar)
        bar.update(total=max(p.bytes_total, 1), progress=p.bytes_done)
        self.query_one("#ingest-current", Static).update(Text(t(
            "ingest.progress", done=p.files_done, total=p.files_total, current=p.current)))

    def _ingest_done(self, event: Worker.StateChanged) -> None:
        if event.state not in (WorkerState.SUCCESS, WorkerState.ERROR,
                               WorkerState.CANCELLED):
            return
        self.query_one("#ingest-box").remove_class("-busy")
        if event.state == WorkerState.SUCCESS:
            results = event.worker.result
            assert isinstance(results, list)
            self.app.push_screen(IngestResultsModal(results))
            self.cyber.ocr.wake()  # new images wait for their text
            self.post_message(CaseChanged())
        elif event.state == WorkerState.ERROR and event.worker.error is not None:
            self.show_failure(event.worker.error)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if not self.is_attached:
            return
        if event.worker.group == "ingest":
            self._ingest_done(event)
        elif event.worker.group == "preview":
            self._preview_done(event)

    # --- minor report, withdraw ---------------------------------------------------------

    def action_minor_report(self) -> None:
        self.open_dialog(MinorReportModal(self.case), lambda rid: t("minor.recorded", id=rid))

    def action_withdraw(self) -> None:
        key = self.query_one(VirtualTable).cursor_key
        if not isinstance(key, int):
            return
        self.open_dialog(WithdrawModal(get_item(self.vault, key)),
                         lambda item: t("withdraw.done", id=item.id))

    def action_correct(self) -> None:
        """Correct what was stated about the selected item (measured facts never change)."""
        key = self.query_one(VirtualTable).cursor_key
        if not isinstance(key, int):
            return
        item = get_item(self.vault, key)
        what = t("correct.what_evidence", id=item.id, name=item.original_name)
        modal = CorrectModal(self.case, "evidence", item.id, what,
                             evidence_values(item.stated))
        modal.expect = seen("evidence", item)
        self.open_dialog(modal, corrected_notice)

    # --- save an original, the minor reports (caseapp) ----------------------------------

    def action_save(self) -> None:
        key = self.query_one(VirtualTable).cursor_key
        if not isinstance(key, int):
            return

        def chosen(request: SaveRequest | None) -> None:
            if request is not None:
                self._save(request)

        self.app.push_screen(SaveOriginalModal(get_item(self.vault, key)), chosen)

    @work(exclusive=True, group="save", exit_on_error=False)
    async def _save(self, request: SaveRequest) -> None:
        self.notify(t("save.busy", path=str(request.path)), markup=False)
        try:
            item = await save_original(self.vault, request)
        except Exception as exc:
            self.show_failure(exc)
            return
        self.notify(t("save.done", id=item.id, path=str(request.path), sha=item.sha256),
                    markup=False, timeout=10)
        self.post_message(CaseChanged())  # the audit log has the read

    def action_minor_reports(self) -> None:
        reports = list_minor_reports(self.vault, self.case.ref)
        self.app.push_screen(MinorReportsModal(self.case.ref, reports))
