"""The page template: the frame the blocks flow in, the running header, "page N of M"."""

from __future__ import annotations

import io
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from facilitate.exporters._reportlab import BOLD, PDF_VERSION, REGULAR, draw_lines, draw_picture, fill, fixed_timestamp, set_properties, stroke
from facilitate.layout.page import FOOTER, HEADER, PAGE_NUMBER_SIZE, page_number
from facilitate.layout.print_plan import PrintedDocument
from facilitate.layout.properties import DocumentProperties
from facilitate.model.theme import Theme


def _canvas_maker(printed: PrintedDocument, theme: Theme, properties: DocumentProperties) -> type:
    """A canvas that holds its pages back, to write the header and "page N of M" on each at the end."""

    class PagedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["pdfVersion"] = PDF_VERSION
            super().__init__(*args, **kwargs)
            self._doc._timeStamp = fixed_timestamp()
            set_properties(self, properties)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                if printed.heads is not None:
                    draw_heads(self, printed, theme, number, total)
                super().showPage()
            super().save()

    return PagedCanvas


def draw_heads(canvas: Any, printed: PrintedDocument, theme: Theme, number: int, total: int) -> None:
    """The running header (title left, subtitle right, a rule) and the page number."""
    heads = printed.heads
    assert heads is not None
    area = printed.frame
    margin = area.margin
    top = area.page_height - margin
    canvas.saveState()
    draw_lines(canvas, heads.left, "bold", theme.primary, margin, top - heads.left.size * (heads.left.leading - 1) + 2)
    draw_lines(canvas, heads.right, "regular", theme.muted, margin, top - heads.right.size * (heads.right.leading - 1) + 2,
               heads.right_edge or area.page_width - 2 * margin, "right")
    for logo in heads.logos:
        draw_picture(canvas, logo.picture.path, (margin + logo.x, top - logo.height, logo.width, logo.height), "page header (logo)", "e")
    stroke(canvas, theme.primary)
    canvas.setLineWidth(0.6)
    canvas.line(margin, top - HEADER + 4, area.page_width - margin, top - HEADER + 4)
    fill(canvas, theme.muted)
    canvas.setFont(REGULAR, PAGE_NUMBER_SIZE)
    canvas.drawRightString(area.page_width - margin, margin + FOOTER - 16, page_number(number, total, printed.document.labels))
    canvas.restoreState()


def build(printed: PrintedDocument, story: list[Any], theme: Theme, properties: DocumentProperties | None = None) -> bytes:
    """The story flowed onto pages of ``printed``'s paper, as PDF bytes, saying ``properties`` about itself."""
    area = printed.frame
    doc = printed.document
    properties = properties or DocumentProperties(doc.title, "", str(doc.subtitle), language=doc.language)
    frame = Frame(area.x, area.y, area.width, area.height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=(area.page_width, area.page_height),
        pageTemplates=[PageTemplate("page", [frame])],
        invariant=1,
        # The same properties set_properties gives the canvas (the template sets them again).
        title=properties.title,
        subject=properties.subject,
        author=properties.author,
        keywords=", ".join(properties.keywords),
        creator="facilitate",
        lang=properties.language,
        displayDocTitle=True,
        # Only the embedded font: otherwise every page names an unembedded Helvetica.
        initialFontName=REGULAR,
        leftMargin=area.margin,
        rightMargin=area.margin,
        topMargin=area.margin,
        bottomMargin=area.margin,
    )
    template.build(story, canvasmaker=_canvas_maker(printed, theme, properties))
    return buffer.getvalue()


__all__ = ["BOLD", "REGULAR", "build", "draw_heads"]
