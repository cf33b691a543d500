"""Parents' access requests from the people tab: register one, and export what the
school holds about a pupil for the parents (in a worker).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import (
    Input,
    Static,
)

from cybercase.cases.cases import Case
from cybercase.cases.people import Person
from cybercase.core.dutchdates import typed_day
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg, t
from cybercase.core.safefile import check_target
from cybercase.core.timeutil import local_today
from cybercase.privacy import requests
from cybercase.tui.paste import typed_path
from cybercase.tui.widgets.forms import FormModal, label
from cybercase.tui.widgets.run_modal import RunModal

if TYPE_CHECKING:  # the export's module brings the PDF library: loaded when used
    from cybercase.export.access_export import SubjectExport


# --- access requests of parents ------------------------------------------------------------------


class SubjectRequestModal(FormModal[dict[str, Any]]):
    """Register a parents' access request for a pupil: due four weeks after receipt."""

    TITLE_KEY = "subject.request_title"
    SUBMIT_KEY = "subject.register"
    DIALOG_ID = "subject-request"

    def __init__(self, person: Person) -> None:
        super().__init__()
        self.person = person

    def form_title(self) -> str:
        return t("subject.request_title", id=self.person.id, name=self.person.name)

    def fields(self) -> ComposeResult:
        yield Static(Text(t("subject.request_hint")), classes="hint")
        yield label("subject.received")
        yield Input(typed_day(local_today()), id="received", max_length=30,
                    placeholder=t("form.date_placeholder"))
        yield label("subject.note")
        yield Input(id="note", max_length=1000, placeholder=t("subject.note_hint"))

    def submit(self) -> dict[str, Any]:
        return requests.register(self.vault, self.person.id, self.text("#received").strip(),
                                 self.optional("#note"))


@dataclass
class SubjectExportRequest:
    out: Path
    include: list[int]
    unmasked: list[int] = field(default_factory=list)  # checked by hand, attached as is


def subject_default_path(case: Case, person: Person) -> Path:
    """No child's name in the file name: the reference and the person's number."""
    return Path.home() / (f"inzage-{case.ref}-{t('subject.file_person')}-{person.id}-"
                          f"{local_today().isoformat()}.zip")


class SubjectExportModal(FormModal[SubjectExportRequest]):
    """Where to save the export for the parents, and which evidence files to include."""
    WRITES = False  # it asks what to do; the work runs after it

    TITLE_KEY = "subject.export_title"
    SUBMIT_KEY = "subject.export_submit"
    DIALOG_ID = "subject-export"
    FIRST_FOCUS = "#out"

    def __init__(self, case: Case, person: Person) -> None:
        super().__init__()
        self.case = case
        self.person = person

    def form_title(self) -> str:
        return t("subject.export_title", id=self.person.id, name=self.person.name)

    def fields(self) -> ComposeResult:
        from cybercase.tui.case.pickers import EvidencePicker

        yield Static(Text(t("subject.export_hint")), classes="hint")
        yield label("subject.out")
        yield Input(str(subject_default_path(self.case, self.person)), id="out")
        yield label("subject.include")
        yield Static(Text(t("subject.include_hint")), classes="hint")
        yield EvidencePicker(self.vault, self.case.ref, id="include")
        yield label("subject.unmasked")
        yield Static(Text(t("subject.unmasked_hint")), classes="hint")
        yield EvidencePicker(self.vault, self.case.ref, id="unmasked")

    def submit(self) -> SubjectExportRequest:
        from cybercase.tui.case.pickers import EvidencePicker

        self.vault.require("subject.export")  # the core's refusal here, not after
        typed = typed_path(self.text("#out"))
        if not typed:
            raise UsageError(t("export.no_path"))
        out = Path(typed).expanduser()
        if not out.is_absolute():
            raise UsageError(t("export.absolute"))
        check_target(out, force=False)  # the core's checks, before anything is logged
        include = self.query_one("#include", EvidencePicker).selected()
        unmasked = self.query_one("#unmasked", EvidencePicker).selected()
        return SubjectExportRequest(out, sorted(set(include) | set(unmasked)), unmasked)


class SubjectExportRunModal(RunModal["SubjectExport"]):
    """Writes the export in a worker, then shows the file and its SHA-256, or the core's
    one line."""

    PREFIX = "subject"
    DONE_TITLE = "subject.done_title"
    FAILED_TITLE = "subject.failed_title"

    def __init__(self, person: Person, request: SubjectExportRequest) -> None:
        super().__init__()
        self.person = person
        self.request = request

    def heading(self) -> str:
        return t("subject.running", id=self.person.id)

    def work(self) -> SubjectExport:
        from cybercase.export.access_export import subject_export

        return subject_export(self.vault, self.person.id, self.request.out,
                              list(self.request.include), unmasked=list(self.request.unmasked))

    def done(self, result: SubjectExport) -> Text:
        text = Text(t("subject.done", path=str(result.path), sha=result.sha256,
                      cases=", ".join(result.cases),
                      files=msg("count.evidence_files", n=len(result.included))))
        text.append("\n" + t("subject.left_out") + "\n", style="bold")
        for entry in result.left_out:
            text.append(f"  - {entry['what']}\n")
        return text
