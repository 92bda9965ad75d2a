"""The slide deck as plain data: what each slide says, where its text sits and at what size.

Like pandoc's ``Presentation.hs``, the deck is built from the pack first as a tuple of
slide specs, tested without any XML; the PPTX exporter only draws them. Every text
fitting decision happens here, with the bundled font's real metrics: text shrinks to a
floor (14 pt for body text), past the floor a list is split across continuation slides
("(2/2)"), and only text that cannot fit even alone raises TextOverflowError naming the
slide. Lengths are in points.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence

import attrs

from facilitate.errors import ExportError, TextOverflowError
from facilitate.layout import fonts, textfit
from facilitate.layout.units import Size
from facilitate.model import (
    CardDeck,
    MaturityRubric,
    QuestionLadder,
    Reflection,
    ScheduledSegment,
    Segment,
    SessionPack,
    Theme,
    TurnTheCurve,
)
from facilitate.model.session import GROUPING_PHRASES
from facilitate.model.theme import contrast_ratio

SLIDE_SIZES = {"16:9": Size(960.0, 540.0), "4:3": Size(720.0, 540.0)}

#: Layout names, as in PowerPoint's (and python-pptx's) default template.
TITLE_LAYOUT = "Title Slide"
CONTENT_LAYOUT = "Title and Content"
SECTION_LAYOUT = "Section Header"
TITLE_ONLY_LAYOUT = "Title Only"
BLANK_LAYOUT = "Blank"
LAYOUTS = (TITLE_LAYOUT, CONTENT_LAYOUT, SECTION_LAYOUT, TITLE_ONLY_LAYOUT, BLANK_LAYOUT)

TRACKER_TITLE = "Our conversation today"

MARGIN = 40.0
#: Inner margins of every text box (the exporter sets exactly these).
INSET_X = 7.2
INSET_Y = 3.6
#: Measured lines must fit in this share of the box width, so a renderer whose line
#: breaking differs by a hair (kerning, rounding) still breaks where we did.
WIDTH_SAFETY = 0.95
LEADING = textfit.LEADING
STEP = 0.5

TITLE_MAX, TITLE_MIN = 36.0, 20.0
BODY_MAX, BODY_MIN = 28.0, 14.0
#: Space before a paragraph, as a share of its size.
PARAGRAPH_GAP = 0.45

TITLE_TOP, TITLE_HEIGHT = 22.0, 86.0
BODY_TOP = 124.0
BOTTOM = 36.0
BAND_HEIGHT = 44.0
#: PowerPoint's default corner radius of a rounded rectangle, as a share of its shorter side.
ROUNDED_CORNER = 1 / 6
#: A right arrow's shaft height as a share of its height (the exporter sets this adjustment).
ARROW_SHAFT = 0.7


# --- the spec classes --------------------------------------------------------------------


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
    colour: str = "#1a1a1a"
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
    line: str | None = None
    #: rectangle | rounded | right-arrow
    shape: str = "rectangle"
    name: str = ""

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@attrs.frozen
class Series:
    """One line or set of bars in a chart; ``None`` leaves a gap."""

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
    font_size: float = 14.0
    text_colour: str = "#1a1a1a"
    legend: bool = True
    name: str = ""


@attrs.frozen
class Cell:
    text: str
    bold: bool = False
    colour: str = "#1a1a1a"
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
    """An image fitted inside ``box`` (keeping its proportions), with alt text."""

    path: str
    box: Box
    alt_text: str
    name: str = ""


Element = TextBox | Chart | Table | Picture


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

    @property
    def title_text(self) -> str:
        return self.title.text if self.title else ""

    def texts(self) -> tuple[str, ...]:
        """Every paragraph of text on the slide, in drawing order."""
        out: list[str] = []
        boxes = [self.title, self.body] + [s for s in self.shapes if isinstance(s, TextBox)]
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

    def of_kind(self, kind: str) -> tuple[Slide, ...]:
        return tuple(slide for slide in self.slides if slide.kind == kind)


# --- measuring and fitting ---------------------------------------------------------------


@attrs.frozen
class Draft:
    """A paragraph before fitting: its size is ``scale`` times the box's base size."""

    text: str
    scale: float = 1.0
    bold: bool = False
    italic: bool = False
    colour: str = "#1a1a1a"
    bullet: str | None = None
    number: int = 1
    align: str = "left"
    #: Space before, as a share of the size (ignored on a box's first paragraph).
    gap: float = PARAGRAPH_GAP


def _indent(bullet: str | None, size: float) -> float:
    if bullet == "bullet":
        return round(size * 1.1, 1)
    if bullet == "number":
        return round(size * 1.7, 1)
    return 0.0


def _measure(bold: bool):
    return fonts.metrics("bold" if bold else "regular").width


def paragraph_lines(paragraph: Paragraph, width: float) -> tuple[str, ...]:
    """How ``paragraph`` wraps in a text box whose inner width is ``width``."""
    usable = (width - paragraph.indent) * WIDTH_SAFETY
    return _wrapped(paragraph.text, usable, paragraph.size, paragraph.bold)


@functools.lru_cache(maxsize=1 << 16)
def _wrapped(text: str, width: float, size: float, bold: bool) -> tuple[str, ...]:
    # Fitting tries one paragraph at many sizes and in many groupings: measure each once.
    return tuple(textfit.wrap(text, width, size, _measure(bold)))


def text_height(paragraphs: Sequence[Paragraph], width: float) -> float:
    """Height of ``paragraphs`` set in a box of inner width ``width``."""
    total = 0.0
    for index, paragraph in enumerate(paragraphs):
        if index:
            total += paragraph.space_before
        total += len(paragraph_lines(paragraph, width)) * paragraph.size * LEADING
    return total


def _at(drafts: Sequence[Draft], size: float) -> tuple[Paragraph, ...]:
    out = []
    # Bullets beside a numbered list hang as far as the numbers, so the text lines up.
    numbered = any(d.bullet == "number" for d in drafts)
    for index, draft in enumerate(drafts):
        own = round(draft.scale * size * 2) / 2
        out.append(
            Paragraph(
                draft.text,
                own,
                bold=draft.bold,
                italic=draft.italic,
                colour=draft.colour,
                bullet=draft.bullet,
                number=draft.number,
                align=draft.align,
                space_before=round(draft.gap * own, 1) if index else 0.0,
                indent=_indent("number" if numbered and draft.bullet else draft.bullet, own),
            )
        )
    return tuple(out)


def fits(drafts: Sequence[Draft], box: Box, size: float) -> bool:
    return text_height(_at(drafts, size), box.inner_width) <= box.inner_height + 1e-6


def largest_size(drafts: Sequence[Draft], box: Box, max_size: float, min_size: float) -> float | None:
    """The largest base size in [min_size, max_size] at which ``drafts`` fit ``box``, or None.

    ``min_size`` is the floor of the smallest paragraph (the one with the least scale).
    """
    smallest_scale = min((d.scale for d in drafts), default=1.0)
    floor = min_size / smallest_scale
    if floor > max_size:
        max_size = floor
    for size in textfit.sizes(max_size, floor, STEP):
        if fits(drafts, box, size):
            return size
    return None


def overflow_message(what: str, drafts: Sequence[Draft], box: Box, min_size: float) -> str:
    """Say how much text is too much for ``box`` at the floor size."""
    smallest_scale = min((d.scale for d in drafts), default=1.0)
    needed = text_height(_at(drafts, min_size / smallest_scale), box.inner_width)
    available = max(box.inner_height, 0.0)
    chars = sum(len(d.text) for d in drafts)
    keep = int(chars * available / needed) if needed else chars
    return (
        f"{what}: too much text to fit even at {min_size:g} pt: it needs {needed:.0f} pt of height"
        f" where the box has {available:.0f} pt ({chars} characters; cut it to about {keep})"
    )


def fit_box(
    drafts: Sequence[Draft],
    box: Box,
    max_size: float,
    min_size: float,
    what: str,
    **box_fields,
) -> TextBox:
    """Fit ``drafts`` in ``box`` at the largest size that fits, or raise TextOverflowError."""
    area = text_area(box, box_fields.get("shape", "rectangle"))
    size = largest_size(drafts, area, max_size, min_size)
    if size is None:
        raise TextOverflowError(overflow_message(what, drafts, area, min_size))
    return TextBox(box, _at(drafts, size), **box_fields)


def text_area(box: Box, shape: str) -> Box:
    """The part of ``box`` a shape's geometry leaves for text (rounded corners take a little)."""
    if shape == "rounded":
        inset = min(box.width, box.height) * ROUNDED_CORNER * 0.29289
        return Box(box.x + inset, box.y + inset, box.width - 2 * inset, box.height - 2 * inset)
    return box


def _chunks_greedy(items: Sequence[Draft], box: Box, size: float) -> list[list[Draft]] | None:
    """Pack items in order into as few boxes as possible at ``size``; None if one alone overflows."""
    chunks: list[list[Draft]] = []
    current: list[Draft] = []
    for item in items:
        trial = current + [_first(item)] if not current else current + [item]
        if fits(trial, box, size):
            current = trial
            continue
        if not current:
            return None
        chunks.append(current)
        current = [_first(item)]
        if not fits(current, box, size):
            return None
    if current:
        chunks.append(current)
    return chunks


def _first(item: Draft) -> Draft:
    return attrs.evolve(item, gap=0.0) if item.gap else item


def _even(items: Sequence, count: int) -> list[list]:
    base, extra = divmod(len(items), count)
    out, start = [], 0
    for index in range(count):
        end = start + base + (1 if index < extra else 0)
        out.append(list(items[start:end]))
        start = end
    return [chunk for chunk in out if chunk]


def split_to_fit(
    items: Sequence[Draft], box: Box, max_size: float, min_size: float, what: str
) -> tuple[float, list[list[Draft]]]:
    """One base size and the items split into as few boxes as fit at that size.

    Raises TextOverflowError when a single item does not fit even alone at the floor.
    """
    if not items:
        return max_size, [[]]
    if fits(items, box, max_size):
        return max_size, [list(items)]
    at_floor = _chunks_greedy(items, box, min_size)
    if at_floor is None:
        for item in items:
            if not fits([_first(item)], box, min_size):
                raise TextOverflowError(
                    overflow_message(f"{what}: the item starting {_opening(item.text)!r}", [item], box, min_size)
                )
        raise TextOverflowError(overflow_message(what, items, box, min_size))  # pragma: no cover
    count = len(at_floor)
    for size in textfit.sizes(max_size, min_size, STEP):
        even = _even(items, count)
        if len(even) == count and all(fits([_first(c[0])] + c[1:], box, size) for c in even):
            return size, [[_first(c[0])] + c[1:] for c in even]
        greedy = _chunks_greedy(items, box, size)
        if greedy is not None and len(greedy) <= count:
            return size, greedy
    return min_size, at_floor  # pragma: no cover - the floor always packs


def _opening(text: str, words: int = 6) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


# --- the builder -------------------------------------------------------------------------


def slide_size(aspect: str) -> Size:
    try:
        return SLIDE_SIZES[aspect]
    except KeyError:
        raise ExportError(f"unknown aspect {aspect!r} (use: {', '.join(SLIDE_SIZES)})") from None


def _clock(item: ScheduledSegment) -> str:
    return f"{item.starts_at:%H:%M}–{item.ends_at:%H:%M}"


def segment_notes(item: ScheduledSegment, *extra: str) -> str:
    """Speaker notes for a segment's slides: facilitator notes, timing, method, materials."""
    segment = item.segment
    lines = []
    if segment.notes.strip():
        lines.append(segment.notes.strip())
    lines.append(
        f"Time: starts {item.starts_at:%H:%M}, {segment.minutes} min (until {item.ends_at:%H:%M}),"
        f" {GROUPING_PHRASES[segment.grouping]}."
    )
    if segment.method:
        lines.append(f"Method: {segment.method}")
    lines.append("Materials: " + (", ".join(segment.materials) if segment.materials else "none"))
    if segment.outputs:
        lines.append("Outputs: " + "; ".join(segment.outputs))
    lines.extend(line for line in extra if line)
    return "\n".join(lines)


def _tint(colour: str, share: float) -> str:
    """``colour`` mixed with white: ``share`` of the colour, the rest white."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * share) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def _readable(foreground: str, background: str, fallback: str) -> str:
    return foreground if contrast_ratio(foreground, background) >= 4.5 else fallback


class _DeckBuilder:
    """Walks the session in clock order and appends slides; knows the theme and geometry."""

    def __init__(self, pack: SessionPack, size: Size, cards_as_slides: bool) -> None:
        self.pack = pack
        self.session = pack.session
        self.theme: Theme = pack.theme
        self.width = size.width
        self.height = size.height
        self.cards_as_slides = cards_as_slides
        self.slides: list[Slide] = []

    # -- geometry --

    @property
    def content_width(self) -> float:
        return self.width - 2 * MARGIN

    def title_box(self) -> Box:
        return Box(MARGIN, TITLE_TOP, self.content_width, TITLE_HEIGHT)

    def body_box(self, band: bool = False, top: float = BODY_TOP) -> Box:
        bottom = self.height - BOTTOM - (BAND_HEIGHT + 12 if band else 0)
        return Box(MARGIN, top, self.content_width, bottom - top)

    def band_box(self) -> Box:
        return Box(MARGIN, self.height - BOTTOM - BAND_HEIGHT, self.content_width, BAND_HEIGHT)

    # -- naming --

    def what(self, title: str, part: str = "") -> str:
        where = f"slide {len(self.slides) + 1} {title!r}"
        return f"{where} {part}" if part else where

    # -- small builders --

    def title(self, text: str, colour: str | None = None, box: Box | None = None, align: str = "left",
              max_size: float = TITLE_MAX, anchor: str = "bottom") -> TextBox:
        colour = colour or self.theme.primary
        return fit_box(
            [Draft(text, bold=True, colour=colour, align=align)],
            box or self.title_box(),
            max_size,
            TITLE_MIN,
            self.what(text, "(title)"),
            anchor=anchor,
            name="title",
        )

    def rule(self) -> TextBox:
        """A short bar under the title in the theme colour."""
        return TextBox(Box(MARGIN + INSET_X, TITLE_TOP + TITLE_HEIGHT + 6, 72, 4), (), fill=self.theme.primary, name="rule")

    def band(self, text: str, what: str) -> TextBox:
        """The timing band at the foot of an activity slide: "20 min, at your tables"."""
        box = self.band_box()
        size = 20.0
        width = fonts.metrics("bold").width(text, size) / WIDTH_SAFETY + 2 * INSET_X + 24
        box = attrs.evolve(box, width=min(max(width, 200.0), box.width))
        return fit_box(
            [Draft(text, bold=True, colour=self.theme.on_primary)],
            box,
            size,
            BODY_MIN,
            f"{what} (timing)",
            anchor="middle",
            fill=self.theme.primary,
            shape="rounded",
            name="timing",
        )

    def add(self, slide: Slide) -> None:
        self.slides.append(slide)

    def content(
        self,
        kind: str,
        title: str,
        items: Sequence[Draft],
        notes: str,
        *,
        segment: str | None = None,
        band: str | None = None,
        part_index: int | None = None,
        max_size: float = BODY_MAX,
    ) -> None:
        """Title and Content slides for ``items``, split into continuation slides if needed."""
        box = self.body_box(band=band is not None)
        what = self.what(title)
        size, chunks = split_to_fit(items, box, max_size, BODY_MIN, what)
        count = len(chunks)
        for number, chunk in enumerate(chunks, start=1):
            shown = f"{title} ({number}/{count})" if count > 1 else title
            shapes: list[Element] = [self.rule()]
            if band:
                shapes.append(self.band(band, self.what(shown)))
            body = TextBox(box, _at(chunk, size), name="body") if chunk else None
            self.add(
                Slide(
                    kind,
                    CONTENT_LAYOUT,
                    self.title(shown),
                    notes,
                    self.theme.background,
                    body=body,
                    shapes=tuple(shapes),
                    segment=segment,
                    part_index=part_index,
                    continued=(number, count) if count > 1 else None,
                    heading=shown,
                )
            )

    def bullets(self, texts: Iterable[str], colour: str | None = None) -> list[Draft]:
        return [Draft(t, colour=colour or self.theme.text, bullet="bullet") for t in texts if t.strip()]

    def numbered(self, texts: Iterable[str]) -> list[Draft]:
        return [
            Draft(t, colour=self.theme.text, bullet="number", number=n)
            for n, t in enumerate((t for t in texts if t.strip()), start=1)
        ]

    def lead(self, text: str) -> list[Draft]:
        return [Draft(text.strip(), colour=self.theme.muted)] if text.strip() else []

    # -- the deck --

    def build(self) -> Deck:
        self.title_slide()
        last_part: str | None = None
        part_index = {part.id: index for index, part in enumerate(self.session.conversation)}
        schedule = self.session.schedule
        for position, item in enumerate(schedule):
            part = item.segment.part
            if part is not None and part != last_part:
                run = self._part_run(schedule, position)
                self.tracker(part_index[part], run)
                self.section(part_index[part], run)
                last_part = part
            self.segment(item)
        # The session's own quotes close the deck, unless a segment already showed them.
        shown = {(s.quote.text, s.quote.author) for s in self.session.segments if s.quote is not None}
        for quote in self.session.quotes:
            if (quote.text, quote.author) not in shown:
                shown.add((quote.text, quote.author))
                self.quote(quote.text, quote.author, quote.source, "A closing thought.")
        session = self.session
        people = session.facilitators or session.hosts
        return Deck(
            self.width,
            self.height,
            tuple(self.slides),
            title=session.title,
            subject=session.subtitle or session.purpose,
            author=", ".join(people) or self.theme.organisation,
        )

    def _part_run(self, schedule: tuple[ScheduledSegment, ...], start: int) -> tuple[ScheduledSegment, ...]:
        """The segments from ``start`` until another part begins (untagged ones included)."""
        part = schedule[start].segment.part
        run = []
        for item in schedule[start:]:
            if item.segment.part not in (None, part):
                break
            run.append(item)
        while run and run[-1].segment.part is None:
            run.pop()
        return tuple(run)

    def title_slide(self) -> None:
        session, theme = self.session, self.theme
        width = self.content_width
        logo_box = Box(self.width - MARGIN - 150, 24, 150, 80)
        shapes: list[Element] = []
        if theme.logo:
            owner = theme.organisation or (session.hosts[0] if session.hosts else session.title)
            shapes.append(Picture(theme.logo, logo_box, f"Logo of {owner}", name="logo"))
        title_box = Box(MARGIN, 120, width, 150)
        title = fit_box(
            [Draft(session.title, bold=True, colour=theme.primary, align="left")],
            title_box,
            44,
            TITLE_MIN,
            self.what(session.title, "(title)"),
            anchor="bottom",
            name="title",
        )
        lines = []
        if session.subtitle:
            lines.append(Draft(session.subtitle, colour=theme.text, gap=0))
        hosts = ", ".join(session.hosts) or theme.organisation
        if hosts:
            lines.append(Draft(f"Hosted by {hosts}", scale=0.8, colour=theme.muted))
        body = None
        sub_box = Box(MARGIN, 282, width, self.height - 282 - 100)
        if lines:
            body = fit_box(lines, sub_box, 26, BODY_MIN, self.what(session.title, "(subtitle)"), name="subtitle")
        when = []
        if session.date:
            when.append(f"{session.date:%A} {session.date.day} {session.date:%B %Y}")
        when.append(f"{session.starts_at:%H:%M}–{session.ends_at:%H:%M}")
        if session.venue:
            when.append(session.venue)
        bar = Box(0, self.height - 72, self.width, 72)
        shapes.append(
            fit_box(
                [Draft(" · ".join(when), colour=theme.on_primary)],
                attrs.evolve(bar, x=MARGIN, width=self.width - 2 * MARGIN),
                22,
                BODY_MIN,
                self.what(session.title, "(date and venue)"),
                anchor="middle",
                fill=theme.primary,
                name="when",
            )
        )
        shapes.insert(0, TextBox(bar, (), fill=theme.primary, name="bar"))
        notes = [f"{session.title}: {session.starts_at:%H:%M}–{session.ends_at:%H:%M} ({session.total_minutes} min)."]
        if session.purpose:
            notes.append(f"Purpose: {session.purpose}")
        if session.audience:
            notes.append(f"Audience: {session.audience}")
        if session.facilitators:
            notes.append("Facilitators: " + ", ".join(session.facilitators))
        if session.room_setup:
            notes.append("Room set-up: " + "; ".join(session.room_setup))
        checklist = session.materials_checklist()
        if checklist:
            notes.append("Materials for the day: " + ", ".join(name for name, _ in checklist))
        self.add(
            Slide("title", TITLE_LAYOUT, title, "\n".join(notes), theme.background, body=body,
                  shapes=tuple(shapes), heading=session.title)
        )

    def tracker(self, current: int, run: tuple[ScheduledSegment, ...]) -> None:
        """"Our conversation today", every part listed, the current one bold in the theme colour."""
        theme = self.theme
        items = [
            Draft(part.title, colour=theme.primary if index == current else theme.muted,
                  bold=index == current, bullet="bullet")
            for index, part in enumerate(self.session.conversation)
        ]
        box = self.body_box()
        what = self.what(TRACKER_TITLE)
        # Measure every item bold, so each tracker slide has the same size whichever is current.
        measured = [attrs.evolve(d, bold=True) for d in items]
        size, chunks = split_to_fit(measured, box, BODY_MAX, BODY_MIN, what)
        part = self.session.conversation[current]
        notes = [f"Part {current + 1} of {len(self.session.conversation)}: {part.title}."]
        if run:
            notes.append(f"Time: {run[0].starts_at:%H:%M}–{run[-1].ends_at:%H:%M}.")
            notes.extend(f"{_clock(i)} {i.segment.title} ({i.segment.minutes} min)" for i in run)
        count, start = len(chunks), 0
        for number, chunk in enumerate(chunks, start=1):
            own = items[start : start + len(chunk)]
            own = [_first(own[0])] + own[1:]
            start += len(chunk)
            title = f"{TRACKER_TITLE} ({number}/{count})" if count > 1 else TRACKER_TITLE
            self.add(
                Slide(
                    "tracker",
                    CONTENT_LAYOUT,
                    self.title(title),
                    "\n".join(notes),
                    theme.background,
                    body=TextBox(box, _at(own, size), name="body"),
                    shapes=(self.rule(),),
                    part_index=current,
                    continued=(number, count) if count > 1 else None,
                    heading=title,
                )
            )

    def section(self, index: int, run: tuple[ScheduledSegment, ...]) -> None:
        theme = self.theme
        part = self.session.conversation[index]
        box = Box(MARGIN, self.height * 0.30, self.content_width, self.height * 0.34)
        title = fit_box(
            [Draft(part.title, bold=True, colour=theme.on_primary)],
            box, 40, TITLE_MIN, self.what(part.title, "(title)"), anchor="bottom", name="title",
        )
        label = f"Part {index + 1} of {len(self.session.conversation)}"
        if run:
            label += f" · {run[0].starts_at:%H:%M}–{run[-1].ends_at:%H:%M}"
        body = fit_box(
            [Draft(label, colour=theme.on_primary)],
            Box(MARGIN, box.bottom + 12, self.content_width, 48), 24, BODY_MIN,
            self.what(part.title, "(subtitle)"), name="body",
        )
        notes = [f"Part {index + 1}: {part.title}."]
        notes.extend(f"{_clock(i)} {i.segment.title} ({i.segment.minutes} min)" for i in run)
        self.add(
            Slide("section", SECTION_LAYOUT, title, "\n".join(notes), theme.primary, body=body,
                  part_index=index, heading=part.title)
        )

    # -- segments --

    def segment(self, item: ScheduledSegment) -> None:
        segment = item.segment
        notes = segment_notes(item)
        band = segment.timing_phrase if segment.kind in ("activity", "discussion", "reflection") else None
        if segment.kind == "break":
            self.break_slide(item, notes)
        elif segment.deck is not None:
            self.cards(item, self.pack.deck(segment.deck), notes)
        elif segment.reflection is not None:
            self.reflection(item, self.pack.reflection(segment.reflection), notes, band)
        else:
            items = self.segment_items(segment)
            has_item = any(getattr(segment, f) is not None for f in ("ladder", "curve", "rubric"))
            if items or not has_item:
                self.content(segment.kind, segment.title, items, notes, segment=segment.id, band=band)
            if segment.ladder is not None:
                self.ladder(item, self.pack.ladder(segment.ladder), notes)
            if segment.curve is not None:
                self.curve(item, self.pack.curve(segment.curve), notes)
            if segment.rubric is not None:
                self.rubric(item, self.pack.rubric(segment.rubric), notes)
        if segment.quote is not None:
            quote = segment.quote
            self.quote(quote.text, quote.author, quote.source, notes, segment.id)

    def segment_items(self, segment: Segment) -> list[Draft]:
        return self.lead(segment.description) + self.bullets(segment.bullets) + self.bullets(segment.prompts)

    def break_slide(self, item: ScheduledSegment, notes: str) -> None:
        segment, theme = item.segment, self.theme
        box = Box(MARGIN, self.height * 0.36, self.content_width, self.height * 0.26)
        back = fit_box(
            [Draft(f"Back at {item.ends_at:%H:%M}", bold=True, colour=theme.primary, align="center"),
             Draft(f"{segment.minutes} min", scale=0.45, colour=theme.muted, align="center")],
            box, 60, BODY_MIN, self.what(segment.title, "(return time)"), anchor="middle", name="return",
        )
        shapes: list[Element] = [back]
        extra = self.lead(segment.description) + self.bullets(segment.bullets)
        if extra:
            below = Box(MARGIN, box.bottom + 8, self.content_width, self.height - BOTTOM - box.bottom - 8)
            shapes.append(fit_box([_first(extra[0])] + extra[1:], below, 20, BODY_MIN,
                                  self.what(segment.title, "(text)"), name="text"))
        self.add(
            Slide("break", TITLE_ONLY_LAYOUT, self.title(segment.title), notes, theme.background,
                  shapes=(self.rule(), *shapes), segment=segment.id, heading=segment.title)
        )

    def quote(self, text: str, author: str, source: str, notes: str, segment: str | None = None) -> None:
        theme = self.theme
        credit = f"— {author}" + (f", {source}" if source else "")
        box = Box(MARGIN + 24, 60, self.content_width - 24, self.height - 120)
        what = self.what(_opening(text, 5), "(quote)")
        body = fit_box(
            [Draft(f"“{text.strip()}”", italic=True, colour=theme.text),
             Draft(credit, scale=0.7, colour=theme.muted, align="right", gap=0.9)],
            box, 36, BODY_MIN, what, anchor="middle", name="quote",
        )
        bar = TextBox(Box(MARGIN, 60, 6, self.height - 120), (), fill=theme.primary, name="bar")
        self.add(
            Slide("quote", BLANK_LAYOUT, None, notes, theme.background, shapes=(bar, body),
                  segment=segment, heading=_opening(text.strip(), 4).rstrip(" …"))
        )

    def cards(self, item: ScheduledSegment, deck: CardDeck, notes: str) -> None:
        """The card activity's instructions and, when asked, one slide per card."""
        segment = item.segment
        items = (
            self.lead(segment.description or deck.description)
            + self.numbered(deck.instructions)
            + self.bullets(segment.bullets)
            + self.bullets(segment.prompts)
        )
        card_notes = notes + f"\nDeck: {deck.title} ({len(deck.cards)} cards)."
        self.content("cards", segment.title, items, card_notes, segment=segment.id, band=segment.timing_phrase)
        if self.cards_as_slides:
            for number, card in enumerate(deck.cards, start=1):
                self.card(deck, card, number, card_notes)

    def card(self, deck: CardDeck, card, number: int, notes: str) -> None:
        theme = self.theme
        colour = theme.category_colour(deck.category_index(card.category)) if card.category else theme.primary
        width = min(self.width * 0.62, 560.0)
        frame = Box((self.width - width) / 2, 24, width, self.height - 48)
        band = Box(frame.x, frame.y, frame.width, 48)
        what = self.what(card.title)
        shapes: list[Element] = [
            TextBox(frame, (), line=colour, name="card"),
            fit_box([Draft(card.category or deck.title, bold=True, colour="#ffffff")], band, 20, BODY_MIN,
                    f"{what} (category)", anchor="middle", fill=colour, name="category"),
        ]
        inner = Box(frame.x + 16, band.bottom + 8, frame.width - 32, 0)
        title = fit_box([Draft(card.title, bold=True, colour=colour)], attrs.evolve(inner, height=70),
                        30, TITLE_MIN, f"{what} (title)", anchor="middle", name="title")
        footer = Box(inner.x, frame.bottom - 36, inner.width, 30)
        prompt_box = Box(inner.x, inner.y + 78, inner.width, footer.y - inner.y - 86)
        drafts = [Draft(card.prompt, colour=theme.text)]
        if card.detail:
            drafts.append(Draft(card.detail, scale=0.6, colour=theme.muted, gap=0.8))
        shapes.append(fit_box(drafts, prompt_box, 32, BODY_MIN, f"{what} (prompt)", anchor="middle", name="prompt"))
        shapes.append(TextBox(footer, (Paragraph(f"{deck.title} · card {number} of {len(deck.cards)}", 14,
                                                 colour=theme.muted, align="right"),), name="footer"))
        self.add(Slide("card", TITLE_ONLY_LAYOUT, title, notes, theme.background, shapes=tuple(shapes),
                       heading=card.title))

    def reflection(self, item: ScheduledSegment, reflection: Reflection, notes: str, band: str | None) -> None:
        """The reflection prompts as boxes side by side, then the commitments as a list."""
        segment, theme = item.segment, self.theme
        title = segment.title
        prompts = reflection.prompts
        if len(prompts) > 4:
            items = self.lead(reflection.description) + self.bullets(
                f"{p.label}: {p.question}" if p.question else p.label for p in prompts
            )
            self.content("reflection", title, items, notes, segment=segment.id, band=band)
        else:
            what = self.what(title)
            top = BODY_TOP
            shapes: list[Element] = [self.rule()]
            intro = reflection.description or segment.description
            if intro.strip():
                lead = fit_box(self.lead(intro), Box(MARGIN, top, self.content_width, 60), 22, BODY_MIN,
                               f"{what} (introduction)", name="lead")
                shapes.append(lead)
                top += 68
            gap = 16.0
            count = len(prompts)
            width = (self.content_width - gap * (count - 1)) / count
            bottom = self.height - BOTTOM - (BAND_HEIGHT + 12 if band else 0)
            boxes = [Box(MARGIN + i * (width + gap), top, width, bottom - top) for i in range(count)]
            drafts = [
                [Draft(p.label, bold=True, colour=theme.on_primary, align="center")]
                + ([Draft(p.question, scale=0.7, colour=theme.on_primary, align="center", gap=0.8)] if p.question else [])
                for p in prompts
            ]
            sizes = []
            for prompt, box, draft in zip(prompts, boxes, drafts):
                size = largest_size(draft, text_area(box, "rounded"), 32, BODY_MIN)
                if size is None:
                    raise TextOverflowError(overflow_message(f"{what} (prompt {prompt.label!r})", draft, box, BODY_MIN))
                sizes.append(size)
            size = min(sizes)
            for prompt, box, draft in zip(prompts, boxes, drafts):
                shapes.append(TextBox(box, _at(draft, size), anchor="middle", fill=theme.primary,
                                      shape="rounded", name=f"prompt:{prompt.label}"))
            if band:
                shapes.append(self.band(band, what))
            self.add(Slide("reflection", TITLE_ONLY_LAYOUT, self.title(title), notes, theme.background,
                           shapes=tuple(shapes), segment=segment.id, heading=title))
        if reflection.commitments:
            items = self.bullets(f"{p.label}: {p.question}" if p.question else p.label for p in reflection.commitments)
            self.content("commitments", "Commitments", items, notes, segment=segment.id)

    # -- the question ladder --

    def ladder(self, item: ScheduledSegment, ladder: QuestionLadder, notes: str) -> None:
        theme = self.theme
        segment = item.segment
        ladder_notes = notes + "".join(f"\nCaution: {c}" for c in ladder.cautions)
        if ladder.qualities:
            self.content("ladder-qualities", ladder.title, self.lead(ladder.description) + self.bullets(ladder.qualities),
                         ladder_notes, segment=segment.id)
        title_text = ladder.title if not ladder.qualities else f"{ladder.title}: the ladder"
        what = self.what(title_text)
        arrow = Box(MARGIN, self.height - BOTTOM - 46, self.content_width, 46)
        top, bottom = BODY_TOP, arrow.y - 14
        count, gap = len(ladder.rungs), 8.0
        width = (self.content_width - gap * (count - 1)) / count
        lowest, highest = 0.42 * (bottom - top), bottom - top
        boxes = []
        for index in range(count):
            height = lowest + (highest - lowest) * index / max(count - 1, 1)
            boxes.append(Box(MARGIN + index * (width + gap), bottom - height, width, height))
        # Show up to 4 opening words per rung; fewer (then none) if a narrow slide needs it.
        for stems_shown in (4, 2, 0):
            drafts = [self._rung_text(rung, stems_shown) for rung in ladder.rungs]
            sizes = [largest_size(draft, box, 24, BODY_MIN) for box, draft in zip(boxes, drafts)]
            if None not in sizes:
                break
        else:
            rung, box, draft = next((r, b, d) for r, b, d, z in zip(ladder.rungs, boxes, drafts, sizes) if z is None)
            raise TextOverflowError(overflow_message(f"{what} (rung {rung.label!r})", draft, box, BODY_MIN))
        size = min(sizes)
        shapes: list[Element] = [self.rule()]
        for rung, box, draft in zip(ladder.rungs, boxes, drafts):
            shapes.append(TextBox(box, _at(draft, size), fill=theme.primary, line=theme.primary,
                                  name=f"rung:{rung.id}"))
        shapes.append(TextBox(arrow, (), fill=_tint(theme.primary, 0.18), shape="right-arrow", name="arrow"))
        head = min(arrow.width, arrow.height) * 0.5
        shaft = Box(arrow.x, arrow.y + arrow.height * (1 - ARROW_SHAFT) / 2, arrow.width - head, arrow.height * ARROW_SHAFT)
        shapes.append(
            fit_box([Draft("less powerful  →  more powerful", bold=True, colour=theme.text, align="center")],
                    shaft, 20, BODY_MIN, f"{what} (arrow)", anchor="middle", name="arrow-label")
        )
        rung_notes = ladder_notes + "".join(
            f"\n{r.label}: {r.description}" + (f" e.g. {self._example(ladder, r.id)}" if self._example(ladder, r.id) else "")
            for r in ladder.rungs
        )
        self.add(Slide("ladder", TITLE_ONLY_LAYOUT, self.title(title_text), rung_notes, theme.background,
                       shapes=tuple(shapes), segment=segment.id, heading=title_text))
        if ladder.examples:
            items = []
            for rung in ladder.rungs:
                for question in ladder.questions_for(rung.id):
                    items.append(Draft(f"{rung.label}: {question}", colour=theme.text, bullet="bullet"))
            title = f"Questions about {ladder.topic}" if ladder.topic else "Questions up the ladder"
            self.content("ladder-examples", title, items, ladder_notes, segment=segment.id)

    def _rung_text(self, rung, stems_shown: int) -> list[Draft]:
        on_primary = self.theme.on_primary
        draft = [Draft(rung.label, bold=True, colour=on_primary, align="center")]
        if stems_shown and rung.stems:
            stems = ", ".join(rung.stems[:stems_shown]) + (" …" if len(rung.stems) > stems_shown else "")
            draft.append(Draft(stems, scale=0.8, colour=on_primary, align="center", gap=0.5))
        return draft

    @staticmethod
    def _example(ladder: QuestionLadder, rung_id: str) -> str:
        return next(iter(ladder.questions_for(rung_id)), "")

    # -- turn the curve --

    def curve(self, item: ScheduledSegment, curve: TurnTheCurve, notes: str) -> None:
        theme, segment = self.theme, item.segment
        data = "; ".join(f"{p.period}: {p.value:g}" for p in curve.baseline)
        chart_notes = notes + f"\nIssue: {curve.issue}\nBaseline: {data}"
        # The issue takes the lines it needs (up to four), the chart the rest.
        what = self.what(curve.title, "(issue)")
        for lines in (1, 2, 3, 4):
            box = Box(MARGIN, BODY_TOP, self.content_width, lines * 20 * LEADING + 2 * INSET_Y + 1)
            if largest_size(self.lead(curve.issue), box, 20, BODY_MIN) is not None:
                break
        lead = fit_box(self.lead(curve.issue), box, 20, BODY_MIN, what, name="issue")
        chart = curve_chart(curve, theme, self.chart_box(lead.box.bottom + 8))
        self.add(Slide("curve-chart", TITLE_ONLY_LAYOUT, self.title(curve.title), chart_notes, theme.background,
                       shapes=(self.rule(), lead, chart), segment=segment.id, heading=curve.title))
        story = []
        for effect, heading in (("helping", "What is helping"), ("hurting", "What is hurting")):
            causes = [c.text for c in curve.story if c.effect == effect]
            if causes:
                story += [Draft(heading, bold=True, colour=theme.primary)] + self.bullets(causes)
        if not story:
            story = self.bullets(["What is helping the curve?", "What is hurting it?", "What is the story behind these numbers?"])
        self.content("curve-story", "The story behind the curve", story, notes, segment=segment.id)
        partners = self.bullets(f"{p.name}: {p.role}" if p.role else p.name for p in curve.partners) or self.bullets(
            ["Who are the partners with a role to play in turning the curve?"]
        )
        self.content("curve-partners", "Partners with a role to play", partners, notes, segment=segment.id)
        ideas = self.bullets(
            f"{i.text} ({i.cost.replace('-', ' ')})" + (f": {i.evidence}" if i.evidence else "") for i in curve.what_works
        ) or self.bullets(["What works to turn the curve? Include no-cost and low-cost ideas."])
        self.content("curve-what-works", "What works", ideas, notes, segment=segment.id)
        essentials = self.numbered(curve.essentials) or self.bullets(
            ["Agree up to 3 essentials: what will we do together that no one of us could do alone?"]
        )
        self.content("curve-essentials", "Our essentials (up to 3)", essentials, notes, segment=segment.id)
        if curve.actions:
            actions = self.bullets(
                a.what + "".join(f" · {x}" for x in (a.who, a.by_when) if x) for a in curve.actions
            )
            self.content("curve-actions", "Next steps", actions, notes, segment=segment.id)

    def chart_box(self, top: float) -> Box:
        return Box(MARGIN, top, self.content_width, self.height - BOTTOM - top)

    # -- maturity --

    def rubric(self, item: ScheduledSegment, rubric: MaturityRubric, notes: str) -> None:
        theme, segment = self.theme, item.segment
        for table, shown, continued in rubric_tables(rubric, theme, self.body_box(), self.what(rubric.title)):
            self.add(Slide("maturity-table", TITLE_ONLY_LAYOUT, self.title(shown), notes, theme.background,
                           shapes=(self.rule(), table), segment=segment.id, continued=continued, heading=shown))
        assessment = rubric.assess()
        if assessment.scores:
            chart = scores_chart(rubric, theme, self.body_box())
            weakest = assessment.weakest
            extra = f"\n{assessment.respondents} responses. Weakest: {weakest.dimension.title} (mean {weakest.mean:.1f})."
            extra += "".join(f"\n{s.dimension.title}: mean {s.mean:.2f}, spread {s.spread:.2f}" for s in assessment.scores)
            title = f"{rubric.title}: our scores"
            self.add(Slide("maturity-scores", TITLE_ONLY_LAYOUT, self.title(title), notes + extra, theme.background,
                           shapes=(self.rule(), chart), segment=segment.id, heading=title))


# --- charts and tables (pure data) -------------------------------------------------------


def curve_chart(curve: TurnTheCurve, theme: Theme, box: Box) -> Chart:
    """A line chart: the baseline, the forecast dashed from its last point, and the target.

    Periods, the forecast line and the round-numbered value axis come from layout.chart,
    so the deck's chart and the PDF handout's agree.
    """
    from facilitate.layout.chart import plot_curve

    plot = plot_curve(curve.baseline, curve.projected, curve.target)
    periods = [period for period, _ in plot.periods]
    index = {period: i for i, period in enumerate(periods)}

    def values(points) -> tuple[float | None, ...]:
        out: list[float | None] = [None] * len(periods)
        for point in points:
            out[index[point.period]] = point.value
        return tuple(out)

    series = [Series("Baseline", values(plot.history), theme.primary)]
    if plot.forecast_line:
        series.append(Series("Forecast", values(plot.forecast_line), theme.muted, dashed=True))
    if plot.target is not None:
        # A marker is a graphic: WCAG asks 3:1 against the background.
        marker = theme.accent if contrast_ratio(theme.accent, theme.background) >= 3 else theme.text
        series.append(Series("Target", values((plot.target,)), marker, line=False))
    unit = f" ({curve.indicator.unit})" if curve.indicator.unit else ""
    described = "; ".join(
        f"{s.name.lower()} " + ", ".join(f"{periods[i]} {v:g}" for i, v in enumerate(s.values) if v is not None)
        for s in series
    )
    alt = f"Line chart of {curve.indicator.name}{unit} ({curve.indicator.direction.replace('-', ' ')} is better): {described}."
    return Chart("line", box, tuple(periods), tuple(series), alt, value_title=curve.indicator.name + unit,
                 minimum=plot.scale.low, maximum=plot.scale.high, major_unit=plot.scale.step,
                 text_colour=theme.text, name="curve")


def scores_chart(rubric: MaturityRubric, theme: Theme, box: Box) -> Chart:
    """A bar chart of each dimension's mean level."""
    scores = rubric.assess().scores
    levels = max(len(d.levels) for d in rubric.dimensions)
    series = Series("Mean level", tuple(s.mean for s in scores), theme.primary)
    described = ", ".join(f"{s.dimension.title} {s.mean:.1f}" for s in scores)
    alt = f"Bar chart of mean maturity level (1 to {levels}) by dimension, {rubric.assess().respondents} responses: {described}."
    return Chart("bar", box, tuple(s.dimension.title for s in scores), (series,), alt,
                 value_title=f"Mean level (1 to {levels})", minimum=0, maximum=levels, major_unit=1,
                 text_colour=theme.text, legend=False, name="scores")


TABLE_MAX, TABLE_MIN = 18.0, 14.0


def _row_height(cells: Sequence[Cell], widths: Sequence[float], size: float) -> float:
    tallest = 0.0
    for cell, width in zip(cells, widths):
        paragraph = Paragraph(cell.text, size, bold=cell.bold)
        tallest = max(tallest, len(paragraph_lines(paragraph, width - 2 * INSET_X)) * size * LEADING)
    return math.ceil(tallest + 2 * INSET_Y + 2)


def rubric_tables(
    rubric: MaturityRubric, theme: Theme, box: Box, what: str
) -> list[tuple[Table, str, tuple[int, int] | None]]:
    """The rubric as one or more tables (header repeated), rows split across slides if needed."""
    columns = max(len(d.levels) for d in rubric.dimensions)
    scale = list(rubric.scale) + [f"Level {n}" for n in range(len(rubric.scale) + 1, columns + 1)]
    first = round(box.width * (0.2 if columns >= 4 else 0.25), 1)
    rest = (box.width - first) / columns
    widths = (first,) + (rest,) * columns
    tint = _tint(theme.primary, 0.08)
    body_fill = tint if contrast_ratio(theme.text, tint) >= 4.5 else theme.background
    header = (Cell("Dimension", True, theme.on_primary, theme.primary),) + tuple(
        Cell(label, True, theme.on_primary, theme.primary) for label in scale
    )
    rows = []
    for number, dimension in enumerate(rubric.dimensions):
        fill = body_fill if number % 2 else theme.background
        cells = [Cell(dimension.title, True, _readable(theme.primary, fill, theme.text), fill)]
        for column in range(columns):
            if column < len(dimension.levels):
                level = dimension.levels[column]
                text = level.descriptor or level.label
                if level.descriptor and level.label != scale[column]:
                    text = f"{level.label}: {level.descriptor}"
            else:
                text = ""
            cells.append(Cell(text, False, theme.text, fill))
        rows.append(tuple(cells))
    for size in textfit.sizes(TABLE_MAX, TABLE_MIN, STEP):
        head = _row_height(header, widths, size)
        heights = [_row_height(r, widths, size) for r in rows]
        if head + sum(heights) <= box.height:
            return [(_table(box, widths, (head, *heights), (header, *rows), size, rubric), rubric.title, None)]
    size = TABLE_MIN
    head = _row_height(header, widths, size)
    heights = [_row_height(r, widths, size) for r in rows]
    chunks: list[list[int]] = [[]]
    used = head
    for index, height in enumerate(heights):
        if head + height > box.height:
            raise TextOverflowError(
                f"{what}: the row for {rubric.dimensions[index].title!r} is too tall for a slide even at"
                f" {TABLE_MIN:g} pt ({height + head:.0f} pt where {box.height:.0f} pt fit); shorten its descriptors"
            )
        if chunks[-1] and used + height > box.height:
            chunks.append([])
            used = head
        chunks[-1].append(index)
        used += height
    # As many slides as packing needs, but the rows shared out evenly when they fit that way.
    count = len(chunks)
    even = [list(c) for c in _even(list(range(len(rows))), count)]
    if len(even) == count and all(head + sum(heights[i] for i in c) <= box.height for c in even):
        chunks = even
    out = []
    for number, chunk in enumerate(chunks, start=1):
        table = _table(box, widths, (head, *(heights[i] for i in chunk)), (header, *(rows[i] for i in chunk)), size, rubric)
        out.append((table, f"{rubric.title} ({number}/{len(chunks)})", (number, len(chunks))))
    return out


def _table(box: Box, widths, heights, rows, size: float, rubric: MaturityRubric) -> Table:
    used = Box(box.x, box.y, box.width, float(sum(heights)))
    return Table(used, tuple(widths), tuple(float(h) for h in heights), tuple(rows), size,
                 alt_text=f"Table: the {rubric.title} rubric, one row per dimension, one column per level.",
                 name="rubric")


# --- entry point --------------------------------------------------------------------------


def build_deck(pack: SessionPack, *, aspect: str = "16:9", cards_as_slides: bool = False) -> Deck:
    """The slide deck for ``pack``: every slide's text fitted, or TextOverflowError naming the slide."""
    return _DeckBuilder(pack, slide_size(aspect), cards_as_slides).build()
