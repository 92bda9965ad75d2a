"""How slide text is fitted: through the one engine (layout.textfit), with what a slide adds.

A slide adds its text boxes' inner margins, the text area a rounded rectangle leaves, a
width safety margin, its floors (20 pt for titles, 18 pt for body text and tables), bullets and numbers that hang, and continuation slides ("(2/2)") for a list
that does not fit one. Past the floor only text that cannot fit even alone raises
TextOverflowError naming the slide.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from facilitate.layout import compose, textfit
from facilitate.layout.slides.spec import INK, INSET_X, Box, Paragraph, TextBox

#: Measured lines must fit in this share of the box width, so a renderer whose line
#: breaking differs by a hair (kerning, rounding) still breaks where we did.
WIDTH_SAFETY = 0.95
LEADING = textfit.LEADING
STEP = textfit.STEP

#: No text on a slide is smaller than 18 pt: smaller than that cannot be read from the back
#: of a room. Past the floor, lists and tables go on to continuation slides.
TITLE_MAX, TITLE_MIN = 36.0, 20.0
BODY_MAX, BODY_MIN = 28.0, 18.0
TABLE_MAX, TABLE_MIN = 20.0, 18.0
#: Space before a paragraph, as a share of its size.
PARAGRAPH_GAP = 0.45
#: PowerPoint's default corner radius of a rounded rectangle, as a share of its shorter side.
ROUNDED_CORNER = 1 / 6
#: How far a bullet and a number hang, as a share of the text size.
HANG = {"bullet": 1.1, "number": 1.7}


def _hang(draft: Draft) -> float:
    return HANG.get(draft.bullet or "", 0.0)


@attrs.frozen
class Draft(textfit.Draft):
    """A slide paragraph before fitting: the engine's paragraph plus how it looks."""

    italic: bool = False
    colour: str = INK
    #: None, "bullet", or "number" (numbered from ``number``).
    bullet: str | None = None
    number: int = 1
    align: str = "left"
    gap: float = PARAGRAPH_GAP
    hang: float = attrs.field(default=attrs.Factory(_hang, takes_self=True))


def frame(box: Box) -> textfit.Frame:
    """The room for text inside ``box``'s margins, measured with the width safety margin."""
    return textfit.Frame(box.inner_width, box.inner_height, WIDTH_SAFETY)


def text_area(box: Box, shape: str) -> Box:
    """The part of ``box`` a shape's geometry leaves for text (rounded corners take a little)."""
    if shape == "rounded":
        inset = min(box.width, box.height) * ROUNDED_CORNER * 0.29289
        return Box(box.x + inset, box.y + inset, box.width - 2 * inset, box.height - 2 * inset)
    return box


def paragraphs(drafts: Sequence[Draft], size: float, floor: float = BODY_MIN) -> tuple[Paragraph, ...]:
    """``drafts`` as the slide's paragraphs at base size ``size``, none below ``floor``."""
    return tuple(
        Paragraph(
            placed.draft.text,
            placed.size,
            bold=placed.draft.bold,
            italic=placed.draft.italic,
            colour=placed.draft.colour,
            bullet=placed.draft.bullet,
            number=placed.draft.number,
            align=placed.draft.align,
            space_before=placed.space_before,
            indent=placed.indent,
        )
        for placed in textfit.place(drafts, size, floor=floor)
    )


def fits(drafts: Sequence[Draft], box: Box, size: float) -> bool:
    return textfit.fits_at(drafts, frame(box), size, floor=BODY_MIN)


def largest_size(drafts: Sequence[Draft], box: Box, max_size: float, min_size: float) -> float | None:
    """The largest base size in [min_size, max_size] at which ``drafts`` fit ``box``, or None.

    Every paragraph shrinks with the base, each stopping at ``min_size`` (a small note under
    a large line stays readable: nothing on a slide is below the floor).
    """
    return textfit.largest_size(drafts, frame(box), max_size, min_size, proportional=False)


def fit_box(
    drafts: Sequence[Draft],
    box: Box,
    max_size: float,
    min_size: float,
    what: str,
    *,
    anchor: str = "top",
    fill: str | None = None,
    line: str | None = None,
    shape: str = "rectangle",
    name: str = "",
) -> TextBox:
    """Fit ``drafts`` in ``box`` at the largest size that fits.

    Text the user wrote that does not fit even at the floor is a TextOverflowError naming
    its field; text facilitate composed is shortened instead (layout.compose), never an error.
    """
    size, fitted = largest_at(drafts, box, shape, max_size, min_size, what)
    return TextBox(box, paragraphs(fitted, size), anchor=anchor, fill=fill, line=line, shape=shape, name=name)


def largest_at(
    drafts: Sequence[Draft], box: Box, shape: str, max_size: float, min_size: float, what: str
) -> tuple[float, Sequence[Draft]]:
    """The largest base size at which ``drafts`` fit the text area of a ``shape`` drawn as ``box``, and the drafts.

    Past the floor: a TextOverflowError for the user's text (naming its field and ``what``),
    or facilitate's own text shortened at the floor.
    """
    area = text_area(box, shape)
    size = largest_size(drafts, area, max_size, min_size)
    if size is not None:
        return size, drafts
    base, fitted = shortened(drafts, area, min_size)
    if textfit.fits_at(fitted, frame(area), base, floor=min_size):
        return base, fitted
    if any(draft.source is not None for draft in drafts):
        raise textfit.overflow(what, drafts, frame(area), min_size, proportional=False)
    # Only facilitate's own words, and the box is too small for them all even cut short:
    # leave out the last paragraphs (never the first) rather than fail.
    while len(fitted) > 1 and not textfit.fits_at(fitted, frame(area), base, floor=min_size):
        fitted = fitted[:-1]
    return base, fitted


def shortened(drafts: Sequence[Draft], area: Box, min_size: float) -> tuple[float, list[Draft]]:
    """The drafts at the floor, facilitate's own paragraphs (not the user's) cut at a word boundary, longest first."""
    base = min_size / max(draft.scale for draft in drafts)
    room = frame(area)
    out = list(drafts)
    own = [index for index in range(len(out)) if out[index].source is None]
    for index in sorted(own, key=lambda i: -len(out[i].text)):
        if textfit.fits_at(out, room, base, floor=min_size):
            break

        def fits(text: str, index: int = index) -> bool:
            trial = [*out[:index], attrs.evolve(out[index], text=text), *out[index + 1 :]]
            return textfit.fits_at(trial, room, base, floor=min_size)

        out[index] = attrs.evolve(out[index], text=compose.elide(out[index].text, fits))
    return base, out


def split_to_fit(items: Sequence[Draft], box: Box, max_size: float, min_size: float, what: str) -> tuple[float, list[list[Draft]]]:
    """One base size and the items split into as few boxes as fit at that size.

    Raises TextOverflowError when a single item does not fit even alone at the floor.
    """
    return textfit.split_to_fit(items, frame(box), max_size, min_size, what, proportional=False)


def continued(title: str, number: int, count: int) -> str:
    """A continuation slide's title: "Title (2/3)", or the title alone when there is one slide."""
    return f"{title} ({number}/{count})" if count > 1 else title


def lines(text: str, width: float, size: float, bold: bool = False) -> tuple[str, ...]:
    """How ``text`` wraps in a text box whose inner width is ``width``."""
    return textfit.wrapped(text, width * WIDTH_SAFETY, size, bold)


def paragraph_lines(paragraph: Paragraph, width: float) -> tuple[str, ...]:
    """How a fitted ``paragraph`` wraps in a text box whose inner width is ``width``."""
    return lines(paragraph.text, width - paragraph.indent, paragraph.size, paragraph.bold)


def shown_lines(paragraph: Paragraph, width: float) -> tuple[str, ...]:
    """How PowerPoint and LibreOffice break a fitted ``paragraph`` in a text box whose inner width is
    ``width``: at the whole width, where :func:`paragraph_lines` measured within ``WIDTH_SAFETY`` of it
    (so the lines shown are never more than the lines measured)."""
    return textfit.wrapped(paragraph.text, width - paragraph.indent, paragraph.size, paragraph.bold)


def shown_cell_lines(text: str, width: float, size: float, bold: bool = False) -> tuple[str, ...]:
    """How a table cell ``width`` wide (margins included) shows ``text``: broken at its whole inner width."""
    return textfit.wrapped(text, width - 2 * INSET_X, size, bold)


def text_height(paragraphs: Sequence[Paragraph], width: float) -> float:
    """Height of fitted ``paragraphs`` set in a box of inner width ``width``."""
    total = 0.0
    for index, paragraph in enumerate(paragraphs):
        if index:
            total += paragraph.space_before
        total += len(paragraph_lines(paragraph, width)) * paragraph.size * LEADING
    return total
