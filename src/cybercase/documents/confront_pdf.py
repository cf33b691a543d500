"""The confrontation print (issue 18): an A4 PDF in Dutch for the meeting with a pupil and
the parents, every other child masked (:mod:`cybercase.privacy.confront`).

Every page carries the header "Vertrouwelijk: voor het gesprek op <datum> met <wie>", the
school and the case reference, and "pagina x van y" at the foot. Screenshots are printed
as large as the page allows (a tall scrolling screenshot at full width over as many pages
as it needs: the report's :func:`cybercase.documents.report_items.place_image`), with
their solid boxes drawn in; chats as readable text with the sender's label and the time.
No hashes, no file paths, no audit words: it is for parents at a kitchen table.
"""

from __future__ import annotations

from cybercase.core.dutchdates import dutch_date, dutch_datetime
from cybercase.core.i18n import texts
from cybercase.documents.pdf import (
    BOLD,
    LEFT,
    PLAIN,
    TOP,
    WIDTH,
    Pdf,
    Writer,
    line_height,
)
from cybercase.documents.previews import Preview, preview_image
from cybercase.documents.report_items import place_image
from cybercase.privacy.confront import ChatPage, ImagePage, PrintPlan

NL = texts("print.doc", "nl")


class _Out(Writer):
    """The report's writer with the print's header on every page."""

    def __init__(self, pdf: Pdf, header: str, sub: str) -> None:
        super().__init__(pdf)
        self.header, self.sub = header, sub

    def page(self) -> None:
        super().page()
        self.lines(LEFT, WIDTH, self.header, BOLD, 10.5, gap=0.5)
        self.lines(LEFT, WIDTH, self.sub, PLAIN, 8.5, gap=1.0)
        self.pdf.line(LEFT, self.y, LEFT + WIDTH, self.y)
        self.y += 3


def _when(line_when: str | None, shown: str) -> str:
    return dutch_datetime(line_when) if line_when else shown


def _chat(out: _Out, page: ChatPage) -> None:
    columns = ((LEFT, 44.0), (LEFT + 46, WIDTH - 46))
    for line in page.lines:
        who = "" if line.system or not line.sender else f"{line.sender}: "
        out.cells(columns, (_when(line.when, line.shown_time), f"{who}{line.text}"),
                  (PLAIN, PLAIN), 10, gap=1.2)


def previews(plan: PrintPlan) -> dict[int, Preview]:
    """Each image page's masked image, ready for the page (in memory)."""
    return {p.item.id: preview_image(p.masked_image()) for p in plan.pages
            if isinstance(p, ImagePage)}


def render(plan: PrintPlan, school: str, made_at: str,
           ready: dict[int, Preview] | None = None) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages (nothing is written to disk)."""
    ready = ready if ready is not None else previews(plan)
    pdf = Pdf(format="A4")
    pdf.set_auto_page_break(False)
    pdf.auto_footer = False
    pdf.set_creator("cybercase")
    pdf.set_title(NL["title"])
    pdf.footer_text = NL["footer"].format(ref=plan.case.ref)
    header = NL["header"].format(day=dutch_date(plan.meeting_on), who=plan.meeting_with)
    sub = NL["sub"].format(school=school, ref=plan.case.ref,
                           made=dutch_datetime(made_at)).lstrip(" -")
    out = _Out(pdf, header, sub)
    out.page()
    out.para(NL["intro"], 9.5)
    for n, page in enumerate(plan.pages, 1):
        if n > 1 or out.y > TOP + 40:
            out.page()
        if isinstance(page, ImagePage):
            out.heading(NL["image"].format(n=n, what=page.caption), 12)
            place_image(out, ready[page.item.id], 0, "", tallest=240.0)
        else:
            what = NL["messages"] if page.numbers else NL["chat"]
            out.heading(what.format(n=n, what=page.caption), 12)
            _chat(out, page)
    out.y += line_height(8)
    out.flush()
    pdf.footers()
    return bytes(pdf.output()), pdf.pages_count
