"""The slide model: plain data saying what each slide shows, where, and at what size.

Like pandoc's ``Text.Pandoc.Writers.Powerpoint.Presentation``, a deck is a value built
before any XML: boxes of fitted paragraphs, charts, tables and pictures on slides of a
named layout. Nothing here measures or draws; lengths are in points from the top-left
corner of the slide.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from facilitate.errors import ExportError
from facilitate.layout.units import Size

if TYPE_CHECKING:
    from facilitate.layout.slides.template import LayoutChoice

SLIDE_SIZES = {"16:9": Size(960.0, 540.0), "4:3": Size(720.0, 540.0)}

#: The kinds of layout a slide is built on (the template's own layout for each is chosen
#: by layout.slides.template, from what the layouts hold).
TITLE_LAYOUT = "title"
CONTENT_LAYOUT = "content"
SECTION_LAYOUT = "section"
TITLE_ONLY_LAYOUT = "title_only"
BLANK_LAYOUT = "blank"
LAYOUTS = (TITLE_LAYOUT, CONTENT_LAYOUT, SECTION_LAYOUT, TITLE_ONLY_LAYOUT, BLANK_LAYOUT)
#: Their names in PowerPoint's (and python-pptx's) default template.
LAYOUT_NAMES = {
    TITLE_LAYOUT: "Title Slide",
    CONTENT_LAYOUT: "Title and Content",
    SECTION_LAYOUT: "Section Header",
    TITLE_ONLY_LAYOUT: "Title Only",
    BLANK_LAYOUT: "Blank",
}

#: Inner margins of every text box (the exporter sets exactly these).
INSET_X = 7.2
INSET_Y = 3.6
#: A right arrow's shaft height as a share of its height (the exporter sets this adjustment).
ARROW_SHAFT = 0.7

# The slide grid: margins, the title's band, where the body starts, the timing band.
MARGIN = 40.0
TITLE_TOP, TITLE_HEIGHT = 22.0, 86.0
BODY_TOP = 124.0
BOTTOM = 36.0
BAND_HEIGHT = 44.0

INK = "#1a1a1a"


def slide_size(aspect: str) -> Size:
    try:
        return SLIDE_SIZES[aspect]
    except KeyError:
        raise ExportError(f"unknown aspect {aspect!r} (use: {', '.join(SLIDE_SIZES)})") from None


@attrs.frozen
class Box:
    """A rectangle on the slide, in points from the top-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def inner_width(self) -> float:
        return self.width - 2 * INSET_X

    @property
    def inner_height(self) -> float:
        return self.height - 2 * INSET_Y


@attrs.frozen
class Paragraph:
    """One paragraph of a text box, at its fitted size."""

    text: str
    size: float
    bold: bool = False
    italic: bool = False
    colour: str = INK
    #: None, "bullet", or "number" (numbered from ``number``).
    bullet: str | None = None
    number: int = 1
    align: str = "left"
    space_before: float = 0.0
    #: Hanging indent for the bullet or number, in points.
    indent: float = 0.0


@attrs.frozen
class TextBox:
    """Text in a box: a placeholder's content, or a shape drawn on the slide."""

    box: Box
    paragraphs: tuple[Paragraph, ...]
    anchor: str = "top"  # top | middle | bottom
    fill: str | None = None
    #: How opaque the fill is, 0 to 1 (a scrim over a picture is partly see-through).
    fill_opacity: float = 1.0
    line: str | None = None
    #: rectangle | rounded | right-arrow
    shape: str = "rectangle"
    name: str = ""

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def decorative(self) -> bool:
        """A shape with no words (a rule, a bar, a frame, a scrim) is ornament: screen readers skip it."""
        return not self.paragraphs


@attrs.frozen
class Series:
    """One line or set of bars in a chart; ``None`` is no value (a gap, or spanned: see ``Chart.span_gaps``)."""

    name: str
    values: tuple[float | None, ...]
    colour: str
    dashed: bool = False
    line: bool = True
    marker: bool = True


@attrs.frozen
class Chart:
    """A native, editable chart."""

    kind: str  # line | bar
    box: Box
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    alt_text: str
    value_title: str = ""
    minimum: float | None = None
    maximum: float | None = None
    major_unit: float | None = None
    font_size: float = 18.0
    text_colour: str = INK
    legend: bool = True
    name: str = ""
    #: A line's missing values are bridged (the line runs on to the next value) rather than left as gaps.
    span_gaps: bool = False
    #: A date axis: each category's date, placing it in time (the categories then only name them).
    category_dates: tuple[dt.date, ...] = ()
    #: The date axis's labels: a spreadsheet number format, and a major tick every ``date_step`` ``date_unit``.
    date_format: str = "yyyy-mm-dd"
    date_unit: str = "days"  # days | months | years
    date_step: int = 1


@attrs.frozen
class Cell:
    text: str
    bold: bool = False
    colour: str = INK
    fill: str = "#ffffff"


@attrs.frozen
class Table:
    """A table whose row heights were measured to hold their text."""

    box: Box
    column_widths: tuple[float, ...]
    row_heights: tuple[float, ...]
    rows: tuple[tuple[Cell, ...], ...]
    size: float
    alt_text: str = ""
    name: str = ""


@attrs.frozen
class Picture:
    """An image in ``box``, with alt text; never stretched.

    ``fit`` "contain" shows the whole image as large as fits, aligned by ``align``
    (left, centre, right: logos); "cover" fills the box, cropping what overflows evenly
    from both sides (photos).
    """

    path: str
    box: Box
    alt_text: str
    name: str = ""
    fit: str = "contain"  # contain | cover
    align: str = "right"  # left | centre | right (contain only)


@attrs.frozen
class Vector:
    """Filled outlines drawn as one shape (an icon, a QR code): each contour a closed polygon
    of points on the slide (from its top-left corner), inside ``box``."""

    box: Box
    contours: tuple[tuple[tuple[float, float], ...], ...]
    fill: str
    alt_text: str
    name: str = ""
    #: Ornament only (an icon beside words that say the same): screen readers skip it.
    decorative: bool = False


Element = TextBox | Chart | Table | Picture | Vector


@attrs.frozen
class Slide:
    """One slide: its layout, title and body placeholders, other shapes, and speaker notes."""

    kind: str
    layout: str
    title: TextBox | None
    notes: str
    background: str
    body: TextBox | None = None
    shapes: tuple[Element, ...] = ()
    #: The segment this slide belongs to, if any.
    segment: str | None = None
    #: Tracker and section slides: the index of the current part (from 0).
    part_index: int | None = None
    #: (this, of) for continuation slides.
    continued: tuple[int, int] | None = None
    #: The words that identify the slide (its title, or a card's or quote's first words).
    heading: str = ""
    #: Drawn first, behind the placeholders: a picture filling the slide and its scrim.
    backdrop: tuple[Element, ...] = ()
    #: The title sits just above the slide, unseen: for screen readers and accessibility
    #: checkers (a quote's slide, whose quote speaks for itself).
    hidden_title: bool = False

    @property
    def title_text(self) -> str:
        return self.title.text if self.title else ""

    def texts(self) -> tuple[str, ...]:
        """Every paragraph of text on the slide, in drawing order."""
        out: list[str] = []
        boxes = [self.title, self.body] + [s for s in self.backdrop + self.shapes if isinstance(s, TextBox)]
        for box in boxes:
            if box is not None:
                out.extend(p.text for p in box.paragraphs if p.text)
        for shape in self.shapes:
            if isinstance(shape, Table):
                out.extend(cell.text for row in shape.rows for cell in row if cell.text)
        return tuple(out)


@attrs.frozen
class Deck:
    """The whole deck: size, slides and document properties."""

    width: float
    height: float
    slides: tuple[Slide, ...]
    title: str
    subject: str = ""
    author: str = ""
    #: The template layout each kind of slide uses (layout.slides.template.LayoutChoice);
    #: None: chosen from the template when the deck is drawn.
    layouts: LayoutChoice | None = None
    #: Lines to tell the user (a template lacking a layout, no room for a logo).
    warnings: tuple[str, ...] = ()
    #: The font every run names, and whose metrics (layout.fonts.measuring) the text was fitted with.
    font: str = "Arial"
    #: The language of the deck's text, as PowerPoint tags it ("cy-GB"), on every run and in its properties.
    language: str = "en-GB"

    def of_kind(self, kind: str) -> tuple[Slide, ...]:
        return tuple(slide for slide in self.slides if slide.kind == kind)
