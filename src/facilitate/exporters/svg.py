"""Slides and card faces as SVG pictures, drawn from the same plans as the deck and the card sheets.

Nothing here decides where anything goes. A slide is the pure slide model (layout.slides:
boxes of fitted paragraphs, tables, charts, pictures and outlines) and a card face is
layout.card_face's placed blocks. The lines of a slide's text are broken by facilitate's own
wrapper in the deck's font, at the box's whole width as PowerPoint and LibreOffice break
them (``fitting.shown_lines``; the fitting measured them within 95% of it, so they are
never more than it measured), and set where those programs set them: inside the box's inner margins (and the text area a rounded
rectangle leaves), anchored at the top, middle or bottom, each line 1.2 of its size tall
with its baseline one size below the line's top, paragraphs apart by their space before,
bullets and numbers hanging at the margin. The SVG names the deck's font first and its
metric twin after it, as the deck is measured, so any program that has either draws the
same lines. ``tests/exporters/test_svg.py`` checks every word against LibreOffice's
rendering of the same deck, so the preview never promises what the deck does not deliver.

Two things are the presentation program's own and are drawn here only as faithfully as
plain shapes allow: a native chart (each program lays out its axis labels and legend its
own way: the SVG draws the same data, scale, gridlines, labels and legend) and a user's
template's own artwork (its master's pictures are in the template, not in the model).

Output is deterministic and safe to put inside a web page: every text and attribute is
escaped, pictures are embedded as ``data:`` URIs (facilitate.images.prepared, the same
pixels as the deck's), and there is no script, no link, no external reference and no id.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterable, Sequence

from facilitate.errors import ExportError
from facilitate.exporters._xml import attribute, text
from facilitate.layout import fonts, icons
from facilitate.layout import slides as spec
from facilitate.layout.card_face import Face
from facilitate.layout.card_face import Placed as CardPlaced
from facilitate.layout.chart import Scale, nice_scale, thin_labels
from facilitate.layout.picture import Placed, contain, cover
from facilitate.layout.slides.fitting import ROUNDED_CORNER, shown_cell_lines, shown_lines, text_area
from facilitate.layout.textfit import LEADING
from facilitate.layout.units import Size
from facilitate.model.picture import Picture

NAMESPACE = "http://www.w3.org/2000/svg"
#: A line's baseline sits this many times its size below the top of the line (its 1.2 line
#: height holds 1.0 above the baseline and 0.2 below), as PowerPoint and LibreOffice set text.
BASELINE = 1.0
#: The outline of a shape, in points (the deck's ``a:ln w``).
OUTLINE = 1.5
#: The lines between table cells (the default table style's white rules), in points.
TABLE_RULE = 1.0
_ANCHOR = {"left": "start", "center": "middle", "centre": "middle", "right": "end"}


def number(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros, never "-0"."""
    out = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if out in ("-0", "") else out


def font_family(font: str) -> str:
    """The font a deck names, then the open twin it is measured with (the same widths), as CSS names."""
    names = [font]
    twin = fonts.DECK_FONTS[font].twin if font in fonts.DECK_FONTS else font
    if twin not in names:
        names.append(twin)
    return ", ".join(f"'{name}'" if " " in name else name for name in names)


def _document(width: float, height: float, label: str, font: str, body: Iterable[str]) -> str:
    """An SVG document ``width`` x ``height`` points, named ``label`` (for screen readers too)."""
    return (
        f'<svg xmlns="{NAMESPACE}" viewBox="0 0 {number(width)} {number(height)}" width="{number(width)}pt"'
        f' height="{number(height)}pt" role="img" aria-label="{attribute(label)}" font-family="{attribute(font_family(font))}">'
        f"<title>{text(label)}</title>{''.join(body)}</svg>\n"
    )


def _rect(x: float, y: float, width: float, height: float, fill: str, extra: str = "") -> str:
    return (
        f'<rect x="{number(x)}" y="{number(y)}" width="{number(width)}" height="{number(height)}"'
        f' fill="{attribute(fill)}"{extra}/>'
    )


def _text(x: float, baseline: float, line: str, size: float, colour: str, align: str = "left", bold: bool = False,
          italic: bool = False) -> str:
    """One line of text, its start (or middle, or end) at ``x`` and its baseline at ``baseline``."""
    style = ""
    if bold:
        style += ' font-weight="bold"'
    if italic:
        style += ' font-style="italic"'
    if _ANCHOR[align] != "start":
        style += f' text-anchor="{_ANCHOR[align]}"'
    return (
        f'<text x="{number(x)}" y="{number(baseline)}" font-size="{number(size)}" fill="{attribute(colour)}"'
        f' xml:space="preserve"{style}>{text(line)}</text>'
    )


def _image(path: str, placed: Placed, dpi: float, what: str) -> str:
    """A picture's pixels (cut to ``placed``'s crop) filling ``placed``, embedded as a data: URI."""
    from facilitate.images import ImageProblem, prepared

    try:
        image = prepared(path, placed.width, placed.height, dpi, placed.crop.as_tuple())
    except ImageProblem as problem:
        raise ExportError(f"{what}: the image {path!r} {problem}") from None
    except OSError as error:
        raise ExportError(f"{what}: cannot read the image {path!r}: {error.strerror or error}") from None
    data = base64.b64encode(image.data).decode("ascii")
    return (
        f'<image x="{number(placed.x)}" y="{number(placed.y)}" width="{number(placed.width)}" height="{number(placed.height)}"'
        f' preserveAspectRatio="none" href="data:image/{image.format};base64,{data}"/>'
    )


def _pixels(path: str, what: str) -> tuple[int, int]:
    from facilitate.images import ImageProblem, pixel_size

    try:
        return pixel_size(path)
    except ImageProblem as problem:
        raise ExportError(f"{what}: the image {path!r} {problem}") from None
    except OSError as error:
        raise ExportError(f"{what}: cannot read the image {path!r}: {error.strerror or error}") from None


# --- slides -------------------------------------------------------------------------------------


def slide_label(slide: spec.Slide, number_: int) -> str:
    """How a slide is named to a screen reader: "Slide 3: Who are we"."""
    heading = slide.heading or slide.title_text
    return f"Slide {number_}: {heading}" if heading else f"Slide {number_}"


def slide_svg(deck: spec.Deck, slide: spec.Slide, number_: int) -> str:
    """Slide ``number_`` of ``deck`` as an SVG document, its text set in the deck's font."""
    body = [_rect(0, 0, deck.width, deck.height, slide.background)]
    try:
        with fonts.measuring(deck.font):
            body += [_element(element) for element in slide.backdrop]
            if slide.title is not None and not slide.hidden_title:
                body.append(_text_box(slide.title))
            if slide.body is not None:
                body.append(_text_box(slide.body))
            body += [_element(element) for element in slide.shapes]
    except ExportError as error:  # a picture that cannot be read: named with its slide, as the deck names it
        raise ExportError(f"slide {number_} {slide.heading!r}: {error}") from None
    return _document(deck.width, deck.height, slide_label(slide, number_), deck.font, body)


def deck_svgs(deck: spec.Deck) -> list[str]:
    """Every slide of ``deck`` as an SVG document."""
    return [slide_svg(deck, slide, index) for index, slide in enumerate(deck.slides, start=1)]


def _element(element: spec.Element) -> str:
    if isinstance(element, spec.TextBox):
        return _text_box(element)
    if isinstance(element, spec.Chart):
        return _chart(element)
    if isinstance(element, spec.Table):
        return _table(element)
    if isinstance(element, spec.Picture):
        return _picture(element)
    return _vector(element)


def _shape(box: spec.TextBox) -> str:
    """The shape's outline, filled and stroked as the deck draws it (nothing for a plain text box)."""
    if box.fill is None and box.line is None:
        return ""
    paint = f' fill="{attribute(box.fill)}"' if box.fill else ' fill="none"'
    if box.fill and box.fill_opacity < 1.0:
        paint += f' fill-opacity="{number(box.fill_opacity)}"'
    if box.line:
        paint += f' stroke="{attribute(box.line)}" stroke-width="{number(OUTLINE)}"'
    b = box.box
    frame = f'x="{number(b.x)}" y="{number(b.y)}" width="{number(b.width)}" height="{number(b.height)}"'
    if box.shape == "rounded":
        return f'<rect {frame} rx="{number(min(b.width, b.height) * ROUNDED_CORNER)}"{paint}/>'
    if box.shape == "right-arrow":
        # PowerPoint's rightArrow: a shaft ARROW_SHAFT of the height, a head as long as half the shorter side.
        neck = b.right - min(b.width, b.height) * 0.5
        shaft = b.height * spec.ARROW_SHAFT / 2
        middle = b.y + b.height / 2
        points = ((b.x, middle - shaft), (neck, middle - shaft), (neck, b.y), (b.right, middle), (neck, b.bottom),
                  (neck, middle + shaft), (b.x, middle + shaft))
        return f'<polygon points="{" ".join(f"{number(x)},{number(y)}" for x, y in points)}"{paint}/>'
    return f"<rect {frame}{paint}/>"


def _markers(paragraphs: Sequence[spec.Paragraph]) -> list[str]:
    """The bullet or number each paragraph hangs (a numbered run counts on from its first number)."""
    out = []
    count = 1
    for index, paragraph in enumerate(paragraphs):
        if paragraph.bullet == "number":
            if index == 0 or paragraphs[index - 1].bullet != "number":
                count = paragraph.number
            out.append(f"{count}.")
            count += 1
        else:
            out.append("•" if paragraph.bullet == "bullet" else "")
    return out


def as_written(text_: str, broken: Sequence[str]) -> tuple[str, ...]:
    """``broken`` (``text_`` wrapped: its words joined by one space) with the spaces between words
    as ``text_`` has them, as a presentation program shows them; as wrapped if a word was split."""
    tokens = list(re.finditer(r"\S+", text_))
    out = []
    at = 0
    for line in broken:
        words = line.split()
        taken = tokens[at : at + len(words)]
        if [token.group() for token in taken] != words:
            return tuple(broken)
        out.append(text_[taken[0].start() : taken[-1].end()] if taken else "")
        at += len(words)
    return tuple(out)


def text_lines(box: spec.TextBox) -> list[tuple[float, float, str, spec.Paragraph]]:
    """Where each line of ``box``'s text goes: (x, baseline, line, its paragraph), x at the line's
    start, middle or end as the paragraph is aligned; measured in the font measured with here."""
    area = text_area(box.box, box.shape)
    width = area.inner_width
    broken = [as_written(paragraph.text, shown_lines(paragraph, width)) for paragraph in box.paragraphs]
    height = 0.0
    for index, (paragraph, found) in enumerate(zip(box.paragraphs, broken)):
        height += (paragraph.space_before if index else 0.0) + len(found) * paragraph.size * LEADING
    top = area.y + spec.INSET_Y
    if box.anchor == "middle":
        top += (area.inner_height - height) / 2
    elif box.anchor == "bottom":
        top = area.bottom - spec.INSET_Y - height
    out = []
    left = area.x + spec.INSET_X
    for index, (paragraph, found) in enumerate(zip(box.paragraphs, broken)):
        if index:
            top += paragraph.space_before
        start = left + paragraph.indent
        if paragraph.align == "center":
            x = start + (width - paragraph.indent) / 2
        elif paragraph.align == "right":
            x = left + width
        else:
            x = start
        for line in found:
            out.append((x, top + paragraph.size * BASELINE, line, paragraph))
            top += paragraph.size * LEADING
    return out


def _text_box(box: spec.TextBox) -> str:
    parts = [_shape(box)]
    markers = _markers(box.paragraphs)
    marked: set[int] = set()
    left = text_area(box.box, box.shape).x + spec.INSET_X
    for x, baseline, line, paragraph in text_lines(box):
        index = box.paragraphs.index(paragraph)
        if markers[index] and index not in marked:
            marked.add(index)
            parts.append(_text(left, baseline, markers[index], paragraph.size, paragraph.colour, bold=paragraph.bold))
        if line:
            parts.append(_text(x, baseline, line, paragraph.size, paragraph.colour, paragraph.align, paragraph.bold, paragraph.italic))
    return "".join(parts)


def table_lines(table: spec.Table) -> list[tuple[float, float, str, spec.Cell]]:
    """Where each line of each cell's text goes: (x, baseline, line, cell), from the cell's top left inside its margins.

    A table cell's lines are the font's own line height apart (its ascent and descent: 1.12 of
    the size for Arial's twin, where a text box's are 1.2), its first baseline one ascent down,
    as LibreOffice sets them; the rows were measured at 1.2, so the text has room to spare.
    """
    out = []
    y = table.box.y
    for row, height in zip(table.rows, table.row_heights):
        x = table.box.x
        for cell, width in zip(row, table.column_widths):
            metrics = fonts.metrics("bold" if cell.bold else "regular")
            top = y + spec.INSET_Y
            for line in as_written(cell.text, shown_cell_lines(cell.text, width, table.size, cell.bold)):
                out.append((x + spec.INSET_X, top + table.size * metrics.ascent, line, cell))
                top += table.size * (metrics.ascent + metrics.descent)
            x += width
        y += height
    return out


def _table(table: spec.Table) -> str:
    parts = []
    y = table.box.y
    for row, height in zip(table.rows, table.row_heights):
        x = table.box.x
        for cell, width in zip(row, table.column_widths):
            parts.append(_rect(x, y, width, height, cell.fill, f' stroke="#ffffff" stroke-width="{number(TABLE_RULE)}"'))
            x += width
        y += height
    for x, baseline, line, cell in table_lines(table):
        if line:
            parts.append(_text(x, baseline, line, table.size, cell.colour, bold=cell.bold))
    return "".join(parts)


def _picture(picture: spec.Picture) -> str:
    from facilitate.images import SLIDE_DPI

    box = picture.box
    frame = (box.x, box.y, box.width, box.height)
    pixels = _pixels(picture.path, f"picture {picture.alt_text!r}")
    placed = cover(pixels, frame) if picture.fit == "cover" else contain(pixels, frame, picture.align)
    return _image(picture.path, placed, SLIDE_DPI, f"picture {picture.alt_text!r}")


def _vector(vector: spec.Vector) -> str:
    path = "".join(
        "M" + "L".join(f"{number(x)} {number(y)}" for x, y in contour) + "Z" for contour in vector.contours if contour
    )
    return f'<path d="{path}" fill="{attribute(vector.fill)}" fill-rule="evenodd"/>'


# --- charts ---------------------------------------------------------------------------------------

GRID_COLOUR = "#d9d9d9"
AXIS_COLOUR = "#868686"


def _scale(chart: spec.Chart) -> Scale:
    values = [value for series in chart.series for value in series.values if value is not None]
    if chart.minimum is not None and chart.maximum is not None and chart.major_unit:
        return Scale(chart.minimum, chart.maximum, chart.major_unit)
    found = nice_scale([*values, *(v for v in (chart.minimum, chart.maximum) if v is not None)] or [0.0, 1.0])
    low = chart.minimum if chart.minimum is not None else found.low
    high = chart.maximum if chart.maximum is not None else found.high
    return Scale(low, high, chart.major_unit or found.step)


def _chart(chart: spec.Chart) -> str:
    """A line or bar chart of the chart's data: its scale, gridlines, labels, series and legend."""
    measure = fonts.metrics("regular").width
    size = chart.font_size
    ink = chart.text_colour
    box = chart.box
    scale = _scale(chart)
    tick_labels = [scale.label(value) for value in scale.ticks]
    parts = []
    left = box.x + size * 0.5 + max(measure(label, size) for label in tick_labels) + size * 0.4
    if chart.value_title:
        left += size * LEADING
    bottom = box.bottom - size * 0.5
    if chart.legend:
        bottom -= size * LEADING + size * 0.5
    bottom -= size * LEADING + size * 0.3  # the category labels
    top = box.y + size * 0.6
    right = box.right - size * 0.6
    height = max(bottom - top, 1.0)
    width = max(right - left, 1.0)

    def y_of(value: float) -> float:
        return bottom - scale.position(value, height)

    for value, label in zip(scale.ticks, tick_labels):
        y = y_of(value)
        parts.append(f'<path d="M{number(left)} {number(y)}H{number(right)}" stroke="{GRID_COLOUR}" stroke-width="0.75"/>')
        parts.append(_text(left - size * 0.4, y + size * 0.35, label, size, ink, "right"))
    parts.append(f'<path d="M{number(left)} {number(bottom)}H{number(right)}" stroke="{AXIS_COLOUR}" stroke-width="0.75"/>')
    if chart.value_title:
        middle = top + height / 2
        x = box.x + size * 0.5 + size
        parts.append(
            f'<g transform="rotate(-90 {number(x)} {number(middle)})">{_text(x, middle, chart.value_title, size, ink, "centre")}</g>'
        )
    count = max(len(chart.categories), 1)
    band = width / count
    if chart.category_dates and len(chart.category_dates) == len(chart.categories) and len(chart.categories) > 1:
        first, last = chart.category_dates[0].toordinal(), chart.category_dates[-1].toordinal()
        span = max(last - first, 1)
        inset = band / 2
        positions = [left + inset + (date.toordinal() - first) / span * (width - 2 * inset) for date in chart.category_dates]
    else:
        positions = [left + band * (index + 0.5) for index in range(len(chart.categories))]
    label_widths = [measure(label, size) for label in chart.categories]
    shown = thin_labels(positions, label_widths) if positions else ()
    for x, label, show in zip(positions, chart.categories, shown):
        if show:
            parts.append(_text(x, bottom + size * 0.3 + size * BASELINE, label, size, ink, "centre"))
    if chart.kind == "bar":
        parts += _bars(chart, scale, positions, band, y_of, bottom)
    else:
        parts += _lines(chart, positions, y_of)
    if chart.legend:
        parts += _legend(chart, box, size, measure)
    return "".join(parts)


def _bars(chart: spec.Chart, scale: Scale, positions: Sequence[float], band: float, y_of: Callable[[float], float],
          bottom: float) -> list[str]:
    """Clustered bars (a gap of 60% of a bar between categories), each labelled with its value."""
    parts = []
    series_count = max(len(chart.series), 1)
    group = band / (1 + 0.6 / series_count)
    each = group / series_count
    base = y_of(max(scale.low, 0.0)) if scale.low < 0 < scale.high else bottom
    for index, series in enumerate(chart.series):
        for x, value in zip(positions, series.values):
            if value is None:
                continue
            left = x - group / 2 + index * each
            top = min(y_of(value), base)
            height = abs(base - y_of(value))
            parts.append(_rect(left, top, each, height, series.colour))
            parts.append(_text(left + each / 2, top - chart.font_size * 0.3, f"{value:.1f}", chart.font_size, chart.text_colour, "centre"))
    return parts


def _lines(chart: spec.Chart, positions: Sequence[float], y_of: Callable[[float], float]) -> list[str]:
    """Each series as a line (gaps left open unless the chart spans them) and its markers."""
    parts = []
    for series in chart.series:
        points = [(x, y_of(value)) if value is not None else None for x, value in zip(positions, series.values)]
        if series.line:
            runs: list[list[tuple[float, float]]] = [[]]
            for point in points:
                if point is None:
                    if not chart.span_gaps and runs[-1]:
                        runs.append([])
                    continue
                runs[-1].append(point)
            dash = ' stroke-dasharray="9 6"' if series.dashed else ""
            for run in runs:
                if len(run) > 1:
                    d = "M" + "L".join(f"{number(x)} {number(y)}" for x, y in run)
                    parts.append(
                        f'<path d="{d}" fill="none" stroke="{attribute(series.colour)}" stroke-width="3"'
                        f' stroke-linejoin="round"{dash}/>'
                    )
        if series.marker:
            for point in points:
                if point is None:
                    continue
                x, y = point
                if series.line:
                    parts.append(f'<circle cx="{number(x)}" cy="{number(y)}" r="4" fill="{attribute(series.colour)}"/>')
                else:
                    parts.append(_diamond(x, y, 7, series.colour))
    return parts


def _diamond(x: float, y: float, radius: float, colour: str) -> str:
    """A diamond marker centred on (x, y)."""
    points = ((x, y - radius), (x + radius, y), (x, y + radius), (x - radius, y))
    return f'<polygon points="{" ".join(f"{number(a)},{number(b)}" for a, b in points)}" fill="{attribute(colour)}"/>'



def _legend(chart: spec.Chart, box: spec.Box, size: float, measure: Callable[[str, float], float]) -> list[str]:
    """The series' names in a row centred under the chart, each after a swatch of its colour."""
    swatch = size * 1.2
    gap = size * 0.4
    items = [(series, measure(series.name, size)) for series in chart.series]
    total = sum(swatch + gap + width for _, width in items) + size * (len(items) - 1)
    x = box.x + (box.width - total) / 2
    baseline = box.bottom - size * 0.5 - size * 0.2
    parts = []
    for series, width in items:
        middle = baseline - size * 0.35
        if chart.kind == "bar":
            parts.append(_rect(x + swatch * 0.25, middle - swatch * 0.25, swatch * 0.5, swatch * 0.5, series.colour))
        elif not series.line:
            parts.append(_diamond(x + swatch / 2, middle, swatch * 0.3, series.colour))
        else:
            dash = ' stroke-dasharray="4 3"' if series.dashed else ""
            parts.append(f'<path d="M{number(x)} {number(middle)}h{number(swatch)}" stroke="{attribute(series.colour)}"'
                         f' stroke-width="3"{dash}/>')
        parts.append(_text(x + swatch + gap, baseline, series.name, size, chart.text_colour))
        x += swatch + gap + width + size
    return parts


# --- card faces -----------------------------------------------------------------------------------


def card_face_svg(
    face: Face,
    card: Size,
    label: str,
    *,
    background: str,
    band: float,
    band_colour: str,
    safe: float,
    picture: Picture | None = None,
) -> str:
    """A card's face (layout.card_face), cut edge to cut edge, as the card sheets print it: the
    background, the band ``band`` high in ``band_colour``, the icon, picture and QR code, and
    each block's lines in the bundled font. ``label`` names it ("Card 3 of 12: ...")."""
    height = card.height
    parts = [_rect(0, 0, card.width, height, background), _rect(0, 0, card.width, band, band_colour)]
    if face.icon is not None:
        name, where, colour = face.icon
        parts.append(_icon(name, where, colour, height))
    if face.picture is not None and picture is not None:
        where = face.picture
        frame = (where.x, height - where.y - where.height, where.width, where.height)
        what = f"card picture {picture.alt!r}"
        parts.append(_image(picture.path, cover(_pixels(picture.path, what), frame), 200, what))
    if face.qr is not None:
        code, where = face.qr
        scale = where.width / code.size
        parts.append(
            f'<path transform="translate({number(where.x)} {number(height - where.y - where.height)}) scale({number(scale)})"'
            f' d="{code.svg_path()}" fill="#000000"/>'
        )
    inner = card.width - 2 * safe
    for block in face.blocks:
        metrics = fonts.metrics(block.weight, fonts.FAMILY)
        size = block.fitted.size
        left = safe + block.indent
        width = inner - block.indent
        x = {"left": left, "centre": left + width / 2, "right": left + width}[block.align]
        baseline = height - (block.top - metrics.ascent * size)
        for line in block.fitted.lines:
            if line:
                parts.append(_text(x, baseline, line, size, block.colour, block.align, bold=block.weight == "bold"))
            baseline += size * block.fitted.leading
    return _document(card.width, height, label, fonts.FAMILY, parts)


def _icon(name: str, where: CardPlaced, colour: str, height: float) -> str:
    """A bundled icon filling its square (placed from the card's bottom-left corner)."""
    x, y, side = where.x, where.y, where.width
    paths = []
    for part in icons.icon(name).paths:
        d = "".join(letter + " ".join(number(value) for value in values) for letter, values in part.commands)
        rule = "evenodd" if part.even_odd else "nonzero"
        paths.append(f'<path d="{d}" fill-rule="{rule}"/>')
    return (
        f'<g transform="translate({number(x)} {number(height - y - side)}) scale({number(side / icons.GRID)})"'
        f' fill="{attribute(colour)}">{"".join(paths)}</g>'
    )
