"""Parent smartphone agreements, per pupil: the points (from the school's template), the
dates, the review outcomes and the status; draw one up, edit a draft's points, record a
review, mark it agreed or ended, and save the form to sign as a PDF (rendered by the core
in a worker; the file is never written over unless that was confirmed).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from cybercase.core.i18n import get_language, t
from cybercase.cyber import agreements as agreements_core
from cybercase.cyber.agreements import Agreement
from cybercase.documents import agreement_form
from cybercase.tui.bindings import tbinding
from cybercase.tui.case.agreements_dialogs import (
    AddAgreementModal,
    AddPointModal,
    AgreementStatusModal,
    PdfRequest,
    RemovePointModal,
    ReviewModal,
    SavePdfModal,
)
from cybercase.tui.case.base import CaseChanged, RecordsPane
from cybercase.tui.when import shown_moment
from cybercase.tui.widgets.virtual_table import Column, Row, VirtualTable

STATUS_STYLE = {"draft": "yellow", "agreed": "green", "reviewed": "green", "ended": "dim"}


def review_due(agr: Agreement) -> str:
    return agr.review_on or "" if agr.status != "ended" else ""


def agreement_row(agr: Agreement) -> Row:
    return Row(agr.id, (
        Text(str(agr.id)),
        Text(agr.pupil),
        Text(t(f"agreements.status.{agr.status}"), style=STATUS_STYLE.get(agr.status, "")),
        Text(agr.agreed_on or ""),
        Text(review_due(agr)),
        Text(str(len(agr.points)), justify="right"),
        Text(agr.parents),
    ))


class AgreementsPane(RecordsPane[Agreement]):
    BINDINGS: ClassVar[list[BindingType]] = [
        tbinding("a", "add", "key.add_agreement"),
        tbinding("p", "add_point", "key.add_point"),
        tbinding("d", "remove_point", "key.remove_point", show=False),
        tbinding("v", "review", "key.review"),
        tbinding("s", "status", "key.agreement_status", show=False),
        tbinding("f", "save_pdf", "key.save_pdf"),
    ]
    DETAIL_ID = "agreement-detail"
    pdf_folder: Path | None = None  # where the save dialog starts (default: home)
    DEFAULT_CSS = """
    AgreementsPane #agreements-table { height: auto; max-height: 10; }
    AgreementsPane #pdf-status { height: auto; color: $text-muted; }
    AgreementsPane #agreement-side { height: 1fr; margin: 1 0 0 0; }
    AgreementsPane #agreement-detail { height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield self.problem_line()
        yield VirtualTable([
            Column("id", "#", 3, "right"),
            Column("pupil", t("agreements.col.pupil"), 18),
            Column("status", t("agreements.col.status"), 12),
            Column("agreed", t("agreements.col.agreed"), 10),
            Column("review", t("agreements.col.review"), 10),
            Column("points", t("agreements.col.points"), 6, "right"),
            Column("parents", t("agreements.col.parents")),
        ], id="agreements-table", empty_text=t("agreements.empty"))
        yield Static("", id="pdf-status")
        with VerticalScroll(id="agreement-side"):
            yield Static("", id="agreement-detail")

    def load(self) -> None:
        found = agreements_core.list_agreements(self.vault, self.case.ref)
        found.sort(key=lambda a: (a.pupil.casefold(), a.id))  # per pupil
        table = self.show_records(found, agreement_row)
        table.styles.height = max(2, min(len(found), 8) + 1)

    def render_detail(self, agr: Agreement) -> Text:
        return detail_text(agr)

    # --- actions ------------------------------------------------------------------------

    def action_add(self) -> None:
        def done(agr: Agreement) -> str:
            self.select_after_load = agr.id
            return t("agreements.added", id=agr.id, pupil=agr.pupil, n=len(agr.points),
                     status=t(f"agreements.status.{agr.status}"))

        self.open_dialog(AddAgreementModal(self.case), done)

    def action_add_point(self) -> None:
        agr = self.selected()
        if agr is not None:
            self.open_dialog(AddPointModal(agr), lambda a: t("agreements.points_now",
                                                             id=a.id, n=len(a.points)))

    def action_remove_point(self) -> None:
        agr = self.selected()
        if agr is not None:
            self.open_dialog(RemovePointModal(agr), lambda a: t("agreements.points_now",
                                                                id=a.id, n=len(a.points)))

    def action_review(self) -> None:
        agr = self.selected()
        if agr is not None:
            self.open_dialog(ReviewModal(agr), lambda a: t(
                "agreements.reviewed", id=a.id, status=t(f"agreements.status.{a.status}")))

    def action_status(self) -> None:
        agr = self.selected()
        if agr is not None:
            self.open_dialog(AgreementStatusModal(agr), lambda a: t(
                "agreements.status_set", id=a.id, status=t(f"agreements.status.{a.status}")))

    def action_save_pdf(self) -> None:
        agr = self.selected()
        if agr is None:
            return

        def chosen(request: PdfRequest | None) -> None:
            if request is not None:
                self.query_one("#pdf-status", Static).update(
                    Text(t("agreements.pdf.saving", path=str(request.path))))
                self._write_pdf(request)

        self.app.push_screen(SavePdfModal(agr, self.pdf_folder), chosen)

    @work(thread=True, exclusive=True, group="pdf", exit_on_error=False)
    def _write_pdf(self, request: PdfRequest) -> Path:
        with self.vault.sibling() as vault:  # not on the app's connection
            return agreement_form.write_pdf(vault, request.agreement_id, request.path,
                                            force=request.replace)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if not self.is_attached or event.worker.group != "pdf":
            return
        status = self.query_one("#pdf-status", Static)
        if event.state == WorkerState.SUCCESS:
            path = event.worker.result
            message = t("agreements.pdf.saved", path=str(path))
            status.update(Text(message))
            self.post_message(CaseChanged(message))  # the audit log has the new entry
        elif event.state == WorkerState.ERROR and event.worker.error is not None:
            status.update("")
            self.show_failure(event.worker.error)


def detail_text(agr: Agreement) -> Text:
    text = Text()

    def line(name: str, value: object) -> None:
        if value in (None, ""):
            return
        text.append(f"{name}: ", style="bold")
        text.append(str(value))
        text.append("\n")

    text.append(t("agreements.detail.title", id=agr.id) + " · ", style="bold")
    text.append(agr.pupil, style="bold")
    if agr.pupil_group:
        text.append(f" ({agr.pupil_group})")
    text.append(" · ")
    text.append(t(f"agreements.status.{agr.status}") + "\n",
                style="bold " + STATUS_STYLE.get(agr.status, ""))
    line(t("agreements.detail.parents"), agr.parents)
    line(t("agreements.detail.agreed"), agr.agreed_on or t("agreements.detail.not_yet"))
    line(t("agreements.detail.review"), review_due(agr))
    line(t("agreements.detail.ended"), agr.ended_on)
    text.append(t("agreements.detail.template", template=agr.template) + "\n", style="dim")
    text.append("\n" + t("agreements.detail.points") + "\n", style="bold underline")
    english = get_language() == "en"
    for point in agr.points:
        text.append(f"{point['n']:>2}. ", style="bold")
        text.append(point["nl"] + "\n")
        if english and point["en"]:
            text.append("    " + point["en"] + "\n", style="dim italic")
    if not agr.points:
        text.append(t("agreements.detail.no_points") + "\n", style="yellow")
    text.append("\n" + t("agreements.detail.reviews") + "\n", style="bold underline")
    if not agr.reviews:
        text.append(t("agreements.detail.no_reviews") + "\n", style="dim")
    for r in agr.reviews:
        text.append(r["reviewed_on"] + "  ", style="bold")
        text.append(r["outcome"])
        if r["next_review_on"]:
            text.append(" · " + t("agreements.detail.next", day=r["next_review_on"]))
        text.append(" (" + t("accounts.detail.by", when=shown_moment(r["at"]), who=r["by"])
                    + ")\n", style="dim")
    return text
