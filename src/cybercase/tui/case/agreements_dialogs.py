"""Dialogs of the agreements tab: draw one up, its points, a review, its status, and
the form to sign saved as a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import (
    Checkbox,
    Input,
    Select,
    Static,
    TextArea,
)

from cybercase.cases.cases import Case
from cybercase.cases.people import list_people
from cybercase.core.dutchdates import typed_day
from cybercase.core.errors import UsageError
from cybercase.core.i18n import t
from cybercase.core.timeutil import local_today
from cybercase.cyber import agreements as agreements_core
from cybercase.tui.case.pickers import (
    choose,
    people_options,
    size_dialog,
)
from cybercase.tui.paste import typed_path
from cybercase.tui.widgets.forms import FormModal, label, options
from cybercase.vault.versions import seen

# --- smartphone agreements ----------------------------------------------------------------


class AddAgreementModal(FormModal[agreements_core.Agreement]):
    TITLE_KEY = "agreements.add.title"
    DIALOG_ID = "add-agreement"

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case

    def on_mount(self) -> None:
        size_dialog(self, 84)

    def fields(self) -> ComposeResult:
        pupils = [p for p in list_people(self.vault, self.case) if p.kind == "pupil"]
        yield Static(Text(t("agreements.add.hint")), classes="hint")
        yield label("agreements.field.pupil")
        yield Select(people_options(pupils), id="pupil", prompt=t("form.choose"))
        yield label("agreements.field.parents")
        yield Input(id="parents", max_length=300, placeholder=t("agreements.parents_placeholder"))
        yield label("agreements.field.review")
        yield Input(id="review", max_length=30, placeholder=t("form.date_placeholder"))
        yield label("agreements.field.agreed")
        yield Input(id="agreed", max_length=30, placeholder=t("agreements.agreed_placeholder"))
        yield label("agreements.field.template")
        yield Input(id="template", max_length=4096,
                    placeholder=t("agreements.template_placeholder"))

    def submit(self) -> agreements_core.Agreement:
        pupil = self.choice("#pupil")
        if pupil is None:
            raise choose("agreements.choose_pupil")
        template = self.optional("#template")
        return agreements_core.add_agreement(
            self.vault, self.case.ref, int(str(pupil)), self.text("#parents"),
            self.text("#review"), agreed_on=self.optional("#agreed"),
            template_file=Path(typed_path(template)) if template else None,
        )


class AgreementModal(FormModal[agreements_core.Agreement]):
    """A dialog about one agreement (its number in the title)."""

    TITLE_KEY = ""

    def __init__(self, agreement: agreements_core.Agreement) -> None:
        super().__init__()
        self.agreement = agreement
        self.expect = seen("agreement", agreement)

    def form_title(self) -> str:
        return t(self.TITLE_KEY, id=self.agreement.id, pupil=self.agreement.pupil)


class AddPointModal(AgreementModal):
    TITLE_KEY = "agreements.point.add_title"
    DIALOG_ID = "add-point"

    def fields(self) -> ComposeResult:
        yield Static(Text(t("agreements.point.hint")), classes="hint")
        yield label("agreements.field.point_nl")
        yield Input(id="text_nl", max_length=agreements_core.MAX_POINT)
        yield label("agreements.field.point_en")
        yield Input(id="text_en", max_length=agreements_core.MAX_POINT)

    def submit(self) -> agreements_core.Agreement:
        return agreements_core.add_point(self.vault, self.agreement.id, self.text("#text_nl"),
                                         self.optional("#text_en"))


class RemovePointModal(AgreementModal):
    TITLE_KEY = "agreements.point.remove_title"
    DIALOG_ID = "remove-point"
    SUBMIT_KEY = "agreements.point.remove"

    def fields(self) -> ComposeResult:
        yield label("agreements.field.point")
        yield Select(options([(f"{p['n']}. {p['nl']}", p["n"]) for p in self.agreement.points]),
                     id="point", prompt=t("form.choose"))

    def submit(self) -> agreements_core.Agreement:
        point = self.choice("#point")
        if point is None:
            raise choose("agreements.choose_point")
        return agreements_core.remove_point(self.vault, self.agreement.id, int(str(point)))


class ReviewModal(AgreementModal):
    TITLE_KEY = "agreements.review.title"
    DIALOG_ID = "review-agreement"
    DEFAULT_CSS = """
    ReviewModal #outcome { height: 5; }
    ReviewModal Checkbox { margin: 1 0 0 0; }
    """

    def fields(self) -> ComposeResult:
        yield label("agreements.field.reviewed_on")
        yield Input(typed_day(local_today()), id="reviewed_on", max_length=30,
                    placeholder=t("form.date_placeholder"))
        yield label("agreements.field.outcome")
        yield TextArea(id="outcome")
        yield label("agreements.field.next_review")
        yield Input(id="next_review", max_length=30, placeholder=t("form.date_placeholder"))
        yield Checkbox(t("agreements.field.end"), id="end")

    def submit(self) -> agreements_core.Agreement:
        return agreements_core.review(
            self.vault, self.agreement.id, self.text("#reviewed_on"), self.text("#outcome"),
            next_review=self.optional("#next_review"),
            end=self.query_one("#end", Checkbox).value)


class AgreementStatusModal(AgreementModal):
    TITLE_KEY = "agreements.status.title"
    DIALOG_ID = "agreement-status"

    def fields(self) -> ComposeResult:
        yield Static(Text(t("agreements.status.now",
                            status=t(f"agreements.status.{self.agreement.status}"))),
                     classes="hint")
        yield label("agreements.field.status")
        yield Select(options([(t(f"agreements.status.{s}"), s) for s in ("agreed", "ended")]),
                     id="status", prompt=t("form.choose"))
        yield label("agreements.field.status_on")
        yield Input(typed_day(local_today()), id="on", max_length=30,
                    placeholder=t("form.date_placeholder"))

    def submit(self) -> agreements_core.Agreement:
        status = self.choice("#status")
        if status is None:
            raise choose("agreements.choose_status")
        return agreements_core.set_status(self.vault, self.agreement.id, str(status),
                                          self.optional("#on"))


@dataclass
class PdfRequest:
    agreement_id: int
    path: Path
    replace: bool


class SavePdfModal(FormModal[PdfRequest]):
    """Where to save the form: never over an existing file unless that is confirmed."""
    WRITES = False  # it asks what to do; the work runs after it

    DIALOG_ID = "save-pdf"
    SUBMIT_KEY = "agreements.pdf.save"
    FIRST_FOCUS = "#path"
    DEFAULT_CSS = """
    SavePdfModal #replace { display: none; margin: 1 0 0 0; }
    SavePdfModal #replace.-shown { display: block; }
    """

    def __init__(self, agreement: agreements_core.Agreement, folder: Path | None = None) -> None:
        super().__init__()
        self.agreement = agreement
        self.folder = folder or Path.home()

    def form_title(self) -> str:
        return t("agreements.pdf.title", id=self.agreement.id, pupil=self.agreement.pupil)

    def on_mount(self) -> None:
        size_dialog(self, 90)

    def fields(self) -> ComposeResult:
        name = t("agreements.pdf.file", ref=self.agreement.case, id=self.agreement.id)
        yield Static(Text(t("agreements.pdf.hint")), classes="hint")
        yield label("agreements.field.path")
        yield Input(str(self.folder / name), id="path", max_length=4096)
        yield Checkbox(t("agreements.pdf.replace"), id="replace")

    @on(Input.Changed, "#path")
    def _path_changed(self) -> None:
        # a confirmation is for one file: typing another path asks again
        replace = self.query_one("#replace", Checkbox)
        replace.value = False
        replace.remove_class("-shown")

    def submit(self) -> PdfRequest:
        typed = typed_path(self.text("#path"))
        if not typed:
            raise choose("agreements.pdf.no_path")
        path = Path(typed).expanduser()
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if not path.parent.is_dir():
            raise UsageError(t("agreements.pdf.no_dir", path=str(path.parent)))
        replace = self.query_one("#replace", Checkbox)
        if path.is_dir():
            raise UsageError(t("agreements.pdf.is_dir", path=str(path)))
        if (path.exists() or path.is_symlink()) and not replace.value:
            replace.add_class("-shown")
            raise UsageError(t("agreements.pdf.exists", path=str(path)))
        return PdfRequest(self.agreement.id, path, replace.value)
