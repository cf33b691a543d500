"""Printing for a meeting (issue 18), step 2: review every page with its masks, add or
lift a mask, then print.

Each page shows the masked image (the terminal's graphics protocol or half-blocks; the
decrypted image lives in memory only) or the masked chat text, the list of masks with why
each was made, and, for an image, its OCR words: ``enter`` on a word masks it; a rectangle
is typed as ``x,y,w,h`` (pixels). ``l`` lifts the mask under the cursor, ``n``/``b`` go
to the next/previous page. Printing (:func:`cybercase.export.confront.make_print`) writes
the PDF whole or not at all, stores it as a derived masked print and logs who printed
what, for which meeting.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from cybercase.core.errors import UsageError
from cybercase.core.i18n import t
from cybercase.core.timeutil import local_today
from cybercase.privacy.confront import ChatPage, ImagePage, PrintPlan, manual_mask, parse_rect
from cybercase.privacy.masking import BoxMask
from cybercase.tui.bindings import tbinding
from cybercase.tui.termsafe import safe_text
from cybercase.tui.widgets.evidence_image import EvidenceImage as PreviewImage
from cybercase.tui.widgets.forms import FormModal, label

if TYPE_CHECKING:  # the PDF library comes with it: loaded when printing
    from cybercase.export.confront import PrintResult

PREVIEW_PIXELS = 900




def default_path(plan: PrintPlan) -> Path:
    """No child's name in the file name: the reference and the date."""
    return Path.home() / (f"gesprek-{plan.case.ref}-{plan.person.id}-"
                          f"{local_today().isoformat()}.pdf")


class ConfrontReviewModal(FormModal["PrintResult"]):
    """Every page of the print with its masks; add or lift a mask; then print."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *FormModal.BINDINGS,
        tbinding("n", "next_page", "key.next_page"),
        tbinding("b", "prev_page", "key.prev_page"),
        tbinding("l", "lift", "key.lift_mask"),
    ]
    DEFAULT_CSS = """
    ConfrontReviewModal #confront-review { width: 96%; max-width: 150; height: 96%; }
    ConfrontReviewModal #page-image { width: auto; height: 18; }
    ConfrontReviewModal #page-text { height: auto; max-height: 14; }
    ConfrontReviewModal OptionList { height: auto; max-height: 8; }
    """
    TITLE_KEY = "confront.review_title"
    SUBMIT_KEY = "confront.print"
    DIALOG_ID = "confront-review"
    FIRST_FOCUS = "#masks"

    def __init__(self, plan: PrintPlan) -> None:
        super().__init__()
        self.plan = plan
        self.at = 0

    def form_title(self) -> str:
        return t("confront.review_title", n=len(self.plan.pages))

    def fields(self) -> ComposeResult:
        yield Static("", id="page-title")
        yield Static("", id="page-warning", classes="hint")
        yield PreviewImage(None, id="page-image")
        yield Static("", id="page-text")
        yield label("confront.masks")
        yield OptionList(id="masks")
        yield label("confront.words")
        yield OptionList(id="words")
        yield label("confront.rect")
        yield Input(id="rect", placeholder="120,340,200,60")
        yield label("confront.out")
        yield Input(str(default_path(self.plan)), id="out")

    def on_mount(self) -> None:
        self.show_page()

    # --- the page -----------------------------------------------------------------------

    @property
    def page(self) -> ImagePage | ChatPage:
        return self.plan.pages[self.at]

    def show_page(self) -> None:
        page = self.page
        self.query_one("#page-title", Static).update(Text(t(
            "confront.page", n=self.at + 1, total=len(self.plan.pages), what=page.caption)))
        warning = self.query_one("#page-warning", Static)
        image: Any = self.query_one("#page-image", PreviewImage)
        text = self.query_one("#page-text", Static)
        if isinstance(page, ImagePage):
            shown = page.masked_image()
            shown.thumbnail((PREVIEW_PIXELS, PREVIEW_PIXELS))
            image.image = shown
            image.display = True
            text.update("")
            warning.update(Text(t("confront.no_reading")) if page.no_reading else "")
        else:
            image.image = None
            image.display = False
            lines = Text()
            for line in page.lines[:200]:
                who = f"{line.sender}: " if line.sender and not line.system else ""
                lines.append(f"{line.shown_time}  {who}{line.text}\n")
            text.update(safe_text(lines, multiline=True))
            warning.update("")
        self.fill_lists()

    def masks_of(self) -> list[tuple[str, BoxMask | int]]:
        """(line, what to lift) for every mask on the page: a box, or a text hit's index."""
        page = self.page
        if isinstance(page, ImagePage):
            return [(t("confront.mask_line", label=m.label or "-", found=m.found or "-",
                       why=t(f"confront.why.{m.why}")), m) for m in page.masks()]
        return [(t("confront.mask_line", label=h.label, found=h.found,
                   why=t(f"confront.why.{h.why}")), n) for n, h in enumerate(page.hits)]

    def fill_lists(self) -> None:
        masks = self.query_one("#masks", OptionList)
        masks.clear_options()
        masks.add_options([Option(Text(line)) for line, _m in self.masks_of()]
                          or [Option(Text(t("confront.no_masks")), disabled=True)])
        words = self.query_one("#words", OptionList)
        words.clear_options()
        page = self.page
        if isinstance(page, ImagePage) and page.words:
            covered = {n for m in page.masks() for n in m.words}
            words.add_options([Option(Text(w.text), id=str(n))
                               for n, w in enumerate(page.words)
                               if n not in covered and w.text.strip()])

    # --- keys ---------------------------------------------------------------------------

    def action_next_page(self) -> None:
        if self.at + 1 < len(self.plan.pages):
            self.at += 1
            self.show_page()

    def action_prev_page(self) -> None:
        if self.at > 0:
            self.at -= 1
            self.show_page()

    def action_lift(self) -> None:
        """Lift the mask under the cursor: a box over an image (a chat's labels stay)."""
        page = self.page
        index = self.query_one("#masks", OptionList).highlighted
        found = self.masks_of()
        if not isinstance(page, ImagePage) or index is None or index >= len(found):
            return
        mask = found[index][1]
        if mask in page.manual:
            page.manual.remove(mask)
        else:
            page.lifted.add(next(n for n, m in enumerate(page.auto) if m is mask))
        self.show_page()

    @on(OptionList.OptionSelected, "#words")
    def _mask_word(self, event: OptionList.OptionSelected) -> None:
        page = self.page
        if not isinstance(page, ImagePage) or page.words is None or event.option.id is None:
            return
        n = int(event.option.id)
        w = page.words[n]
        page.manual.append(BoxMask(max(0, w.left - 2), max(0, w.top - 2), w.width + 4,
                                   w.height + 4, "manual_word", found=w.text, words=(n,)))
        self.show_page()

    def enter_submits(self, field: Input) -> bool:
        if field.id == "rect":
            self.add_rect(field)
            return False
        return True

    def add_rect(self, field: Input) -> None:
        page = self.page
        if not isinstance(page, ImagePage):
            self.show_error(t("confront.rect_on_image"))
            return
        try:
            _item, rect = parse_rect(f"{page.item.id}:{field.value.strip()}")
        except UsageError as error:
            self.show_error(str(error))
            return
        page.manual.append(manual_mask(rect))
        field.value = ""
        self.show_page()

    # --- printing -----------------------------------------------------------------------

    def submit(self) -> PrintResult:
        from cybercase.export.confront import make_print

        typed = self.text("#out").strip()
        if not typed:
            raise UsageError(t("export.no_path"))
        out = Path(typed).expanduser()
        if not out.is_absolute():
            raise UsageError(t("export.absolute"))
        return make_print(self.vault, self.plan, out)
