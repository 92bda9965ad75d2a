"""PowerPoint decks: the pure slide model (layout.slides) drawn with python-pptx.

Every size and position comes from the slide model; nothing relies on autofit. The
template (python-pptx's default, or the user's own ``--template``) is first described
as plain data (``describe``: each layout's placeholders and the artwork on it and its
master) so the deck builder can choose a layout for each kind of slide by what it holds,
in any language, and keep the logos off the template's own artwork. Pictures are
downsampled to the size they are shown at (facilitate.images) and cropped, never
stretched, with the crop kept on the picture (PowerPoint's srcRect). The saved file is
deterministic: fixed zip timestamps and document dates (honouring SOURCE_DATE_EPOCH), no
random ids.
"""

from __future__ import annotations

import datetime as dt
import io
import re


from facilitate.errors import ExportError, warn
from facilitate.exporters import _pptx_internals, builtin
from facilitate.layout import bidi
from facilitate.exporters._xml import attribute as _attribute
from facilitate.exporters._xml import clean as _clean
from facilitate.exporters._xml import escape
from facilitate.layout import slides as spec
from facilitate.layout.picture import contain, cover
from facilitate.layout.slides.template import LayoutChoice, Placeholder, Template, TemplateLayout, choose_layouts
from facilitate.model import SessionPack
from facilitate.options import BuildOptions, DeckOptions
from facilitate.output import Output, normalise_zip, source_date_epoch

EMU_PER_POINT = 12700
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_GEOMETRY = {"rectangle": "rect", "rounded": "roundRect", "right-arrow": "rightArrow"}
NOTES_SIZE = 12.0


name, description, options = builtin('pptx')


def outputs(pack: SessionPack, options: BuildOptions) -> list[Output]:
    """``deck.pptx``; the slide model is built now, so text that cannot fit fails before any write."""
    deck = deck_model(pack, options)
    for line in deck.warnings:
        warn(line)
    template = options[DeckOptions].template
    return [Output("deck.pptx", lambda handle: handle.write(render(deck, template)))]


def deck_model(pack: SessionPack, options: BuildOptions) -> spec.Deck:
    """The slide model the deck is drawn from, with these options (also drawn as SVG by ``facilitate watch``)."""
    chosen = options[DeckOptions]
    template = chosen.template
    # The default template is described at render time; opening it here would bring
    # python-pptx into every ``validate``, and it has nothing to check unless the theme
    # names layouts in it.
    described = None
    if template is not None or pack.theme.layouts.named():
        described = describe(_open(template), template)
    return spec.build_deck(pack, aspect=_aspect(chosen), cards_as_slides=chosen.cards_as_slides, template=described)


def _aspect(options: DeckOptions) -> str:
    """The slide shape asked for, else the template's own (the nearest of 16:9 and 4:3), else 16:9."""
    if options.aspect is not None:
        return options.aspect
    if options.template is None:
        return "16:9"
    prs = _open(options.template)
    ratio = prs.slide_width / prs.slide_height
    return "4:3" if abs(ratio - 4 / 3) < abs(ratio - 16 / 9) else "16:9"


def _emu(points: float) -> int:
    return int(round(points * EMU_PER_POINT))


def _rgb(colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())


# --- the presentation -------------------------------------------------------------------


def _open(template: str | None):
    from pptx import Presentation

    from facilitate.errors import FacilitateError
    from facilitate.files import as_presentation, check_zip, read_bytes

    if template is None:
        return Presentation()
    try:
        data = read_bytes(template, None, None, "PowerPoint template", "templates")
        check_zip(data, str(template), "PowerPoint template")
        data = as_presentation(data, str(template), "PowerPoint template")
    except FacilitateError as error:
        raise ExportError(error.one_line()) from None
    try:
        prs = Presentation(io.BytesIO(data))
    except Exception as error:  # python-pptx raises several kinds for a file that is not a deck
        raise ExportError(f"{template}: cannot read it as a PowerPoint template ({type(error).__name__}: {error})") from None
    _pptx_internals.drop_slides(prs)
    return prs


#: A shape covering this share of the slide or more is a background, not artwork to keep clear of.
BACKGROUND_SHARE = 0.8


def _layout_objects(prs) -> list:
    """Every layout of the template, master by master, in the order ``describe`` lists them."""
    return [layout for master in prs.slide_masters for layout in master.slide_layouts]


def _box(shape) -> spec.Box | None:
    return _box_of(shape.left, shape.top, shape.width, shape.height)


def _box_of(left: int | None, top: int | None, width: int | None, height: int | None) -> spec.Box | None:
    """A box in points from EMU, or None when any side is not known."""
    if left is None or top is None or width is None or height is None:
        return None
    return spec.Box(left / EMU_PER_POINT, top / EMU_PER_POINT, width / EMU_PER_POINT, height / EMU_PER_POINT)


def _artwork(shapes, slide_area: float) -> tuple[spec.Box, ...]:
    """Where the shapes that are not placeholders sit (logos, pictures, strips), backgrounds left out."""
    boxes = []
    for shape in shapes:
        if shape.is_placeholder:
            continue
        box = _box(shape)
        if box is None or box.width <= 0 or box.height <= 0:
            continue
        if box.width * box.height >= BACKGROUND_SHARE * slide_area:
            continue
        boxes.append(box)
    return tuple(boxes)


#: The master placeholder type a layout placeholder of each type inherits its box from (as
#: PowerPoint and python-pptx resolve it: titles from the title, footers from their own, the
#: rest from the body).
_BASE_TYPE = {"ctrTitle": "title", "title": "title", "dt": "dt", "ftr": "ftr", "sldNum": "sldNum"}
_BOX_FIELDS = ("x", "y", "cx", "cy")


def _placeholder_type(shape) -> str:
    ph = shape.element.xpath("./*[1]/p:nvPr/p:ph")
    return ph[0].get("type", "obj") if ph else "obj"


def describe(prs, template: str | None = None) -> Template:
    """The template as plain data: each layout's name, type, placeholders, and the artwork it shows.

    A layout placeholder without its own position takes each missing coordinate from the
    master's placeholder of its base type; the master's are read once (python-pptx would
    search the master again for every coordinate of every placeholder).
    """
    area = (prs.slide_width / EMU_PER_POINT) * (prs.slide_height / EMU_PER_POINT)
    layouts = []
    for master in prs.slide_masters:
        master_art = _artwork(master.shapes, area)
        inherited: dict[str, tuple] = {}
        for shape in master.placeholders:
            inherited.setdefault(_placeholder_type(shape), tuple(getattr(shape.element, name) for name in _BOX_FIELDS))
        for layout in master.slide_layouts:
            element = layout.element
            placeholders = []
            for shape in layout.placeholders:
                kind = _placeholder_type(shape)
                own = tuple(getattr(shape.element, name) for name in _BOX_FIELDS)
                if None in own:
                    base = inherited.get(_BASE_TYPE.get(kind, "body"), (None,) * 4)
                    own = tuple(base[index] if value is None else value for index, value in enumerate(own))
                placeholders.append(Placeholder(kind, _box_of(*own)))
            shows_master = element.get("showMasterSp", "1") not in ("0", "false")
            art = _artwork(layout.shapes, area) + (master_art if shows_master else ())
            layouts.append(TemplateLayout(layout.name, element.get("type", ""), tuple(placeholders), art))
    return Template(template or "the default template", tuple(layouts))


def _layouts(prs, deck: spec.Deck, template: str | None) -> dict:
    """The template layout for each kind of slide: as the deck chose, or chosen now from the template."""
    choice: LayoutChoice | None = deck.layouts
    objects = _layout_objects(prs)
    if choice is None or len(choice.template.layouts) != len(objects):
        choice = choose_layouts(describe(prs, template))
    return {kind: objects[index] for kind, index in choice.chosen}


def render(deck: spec.Deck, template: str | None = None) -> bytes:
    """The deck as the bytes of a .pptx file, every run naming the font it was measured with."""
    prs = _open(template)
    prs.slide_width = _emu(deck.width)
    prs.slide_height = _emu(deck.height)
    layouts = _layouts(prs, deck, template)
    factory = _pptx_internals.SlideFactory(prs)
    painter = _Painter(deck.font, deck.language)
    for number, slide_spec in enumerate(deck.slides, start=1):
        slide = factory.slide(layouts[slide_spec.layout])
        try:
            painter.slide(slide, slide_spec)
        except ExportError as error:
            raise ExportError(f"slide {number} {slide_spec.heading!r}: {error}") from None
        notes = factory.notes_slide(slide, number)
        painter.notes(notes, slide_spec.notes)
        factory.freeze(slide, notes)
    _core_properties(prs, deck)
    return _save(prs, source_date_epoch())


def _save(prs, epoch: int) -> bytes:
    """The package as zip bytes, every entry stamped with ``epoch`` (python-pptx stamps 'now').

    python-pptx's public ``save()`` writes the parts; the one zip writer (output.normalise_zip)
    then fixes every entry's date and permissions, and the dates inside embedded chart
    workbooks.
    """
    buffer = io.BytesIO()
    prs.save(buffer)
    return normalise_zip(buffer.getvalue(), epoch, lambda name, blob: _normalise_workbook(blob, epoch) if name.endswith(".xlsx") else blob)


def _core_properties(prs, deck: spec.Deck) -> None:
    stamp = dt.datetime.fromtimestamp(source_date_epoch(), dt.timezone.utc).replace(tzinfo=None)
    properties = prs.core_properties
    properties.title = _clean(deck.title)[:255]
    properties.subject = _clean(deck.subject)[:255]
    properties.author = _clean(deck.author)[:255]
    properties.last_modified_by = "facilitate"
    properties.language = deck.language
    properties.comments = ""
    properties.keywords = ""
    properties.revision = 1
    properties.created = stamp
    properties.modified = stamp
    properties.last_printed = stamp


# --- deterministic embedded workbooks -----------------------------------------------------


def _w3c(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _normalise_workbook(blob: bytes, epoch: int) -> bytes:
    """An embedded chart workbook with its creation date fixed (xlsxwriter stamps 'now')."""
    def fix(name: str, data: bytes) -> bytes:
        if name != "docProps/core.xml":
            return data
        text = data.decode("utf-8")
        for tag in ("dcterms:created", "dcterms:modified"):
            text = re.sub(rf"(<{tag}[^>]*>)[^<]*(</{tag}>)", rf"\g<1>{_w3c(epoch)}\g<2>", text)
        return text.encode("utf-8")

    return normalise_zip(blob, epoch, fix)


# --- drawing ----------------------------------------------------------------------------


class _Painter:
    """Draws slide specs onto python-pptx slides, every size explicit."""

    def __init__(self, font: str, language: str = "en-GB") -> None:
        self.font = font
        #: The language tag every run of text carries.
        self.language = language

    def slide(self, slide, slide_spec: spec.Slide) -> None:
        _set_background(slide, slide_spec.background)
        title_ph, body_ph = _placeholders(slide)
        self._place(slide, title_ph, slide_spec.title, title=True)
        self._place(slide, body_ph, slide_spec.body)
        tree = slide.shapes.element
        for shape in slide_spec.backdrop:
            self.shape(slide, shape)
        # The backdrop goes behind the placeholders: first in the shape tree, after its own properties.
        drawn = list(tree)[-len(slide_spec.backdrop):] if slide_spec.backdrop else []
        for offset, element in enumerate(drawn):
            tree.remove(element)
            tree.insert(2 + offset, element)
        for shape in slide_spec.shapes:
            self.shape(slide, shape)

    def shape(self, slide, shape: spec.Element) -> None:
        if isinstance(shape, spec.TextBox):
            self.text_shape(slide, shape)
        elif isinstance(shape, spec.Chart):
            self.chart(slide, shape)
        elif isinstance(shape, spec.Table):
            self.table(slide, shape)
        elif isinstance(shape, spec.Picture):
            self.picture(slide, shape)
        elif isinstance(shape, spec.Vector):
            self.vector(slide, shape)

    def _place(self, slide, placeholder, text_box: spec.TextBox | None, title: bool = False) -> None:
        """Fill a placeholder with ``text_box`` at its computed place, or draw it as a shape.

        A title on a layout without a title placeholder (a blank layout) is drawn as a title
        placeholder all the same, so the slide is titled for screen readers and PowerPoint's
        accessibility checker.
        """
        if text_box is None:
            if placeholder is not None:
                placeholder.getparent().remove(placeholder)
            return
        if placeholder is None:
            self.text_shape(slide, text_box, placeholder="title" if title else None)
            return
        from pptx.oxml import parse_xml
        from pptx.oxml.ns import qn

        properties = placeholder.find(qn("p:spPr"))
        for old in properties.findall(qn("a:xfrm")):
            properties.remove(old)
        properties.insert(0, parse_xml(f'<a:xfrm xmlns:a="{_A}">{_frame_xml(text_box.box)}</a:xfrm>'))
        _set_text_body(placeholder.get_or_add_txBody(), text_box, self.font, self.language)

    def text_shape(self, slide, text_box: spec.TextBox, placeholder: str | None = None) -> None:
        """Add a rectangle, rounded rectangle or arrow with explicit fill, outline and text.

        ``placeholder``: draw it as a placeholder of that type (a title on a blank layout).
        A shape without words is marked decorative.
        """
        from pptx.oxml import parse_xml

        tree = slide.shapes.element
        shape_id = tree.max_shape_id + 1
        geometry = _GEOMETRY[text_box.shape]
        adjust = ""
        if text_box.shape == "right-arrow":
            adjust = f'<a:gd name="adj1" fmla="val {int(spec.ARROW_SHAFT * 100000)}"/><a:gd name="adj2" fmla="val 50000"/>'
        fill = f"<a:solidFill>{_colour_xml(text_box.fill, text_box.fill_opacity)}</a:solidFill>" if text_box.fill else "<a:noFill/>"
        if text_box.line:
            line = f'<a:ln w="{_emu(1.5)}"><a:solidFill>{_colour_xml(text_box.line)}</a:solidFill></a:ln>'
        else:
            line = "<a:ln><a:noFill/></a:ln>"
        plain = not (text_box.fill or text_box.line) and text_box.shape == "rectangle"
        text_box_flag = ' txBox="1"' if plain else ""
        name = _attribute(text_box.name or f"Shape {shape_id}")
        decorative = _DECORATIVE if text_box.decorative else ""
        locks, properties = f"<p:cNvSpPr{text_box_flag}/>", "<p:nvPr/>"
        if placeholder is not None:
            locks, properties = '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>', f'<p:nvPr><p:ph type="{placeholder}"/></p:nvPr>'
        element = parse_xml(
            f'<p:sp xmlns:p="{_P}" xmlns:a="{_A}"><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}">{decorative}</p:cNvPr>'
            f"{locks}{properties}</p:nvSpPr>"
            f'<p:spPr><a:xfrm>{_frame_xml(text_box.box)}</a:xfrm><a:prstGeom prst="{geometry}"><a:avLst>{adjust}</a:avLst>'
            f"</a:prstGeom>{fill}{line}</p:spPr><p:txBody/></p:sp>"
        )
        _set_text_body(element[-1], text_box, self.font, self.language)
        tree.append(element)

    def notes(self, notes_slide, text: str) -> None:
        from pptx.oxml.ns import qn

        body = None
        for shape in notes_slide.shapes.element.iterchildren(qn("p:sp")):
            ph = shape.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
            if ph is not None and ph.get("type") == "body":
                body = shape.get_or_add_txBody()
                break
        if body is None:  # a template whose notes master has no body placeholder
            body = notes_slide.shapes.add_textbox(0, 0, _emu(500), _emu(300)).element.get_or_add_txBody()
        paragraphs = tuple(spec.Paragraph(line, NOTES_SIZE) for line in _clean(text).split("\n"))
        _set_text_body(body, spec.TextBox(spec.Box(0, 0, 0, 0), paragraphs), self.font, self.language)

    def chart(self, slide, chart_spec: spec.Chart) -> None:
        from pptx.chart.data import CategoryChartData
        from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
        from pptx.enum.dml import MSO_LINE_DASH_STYLE
        from pptx.util import Pt

        data = CategoryChartData()
        if chart_spec.category_dates:  # python-pptx makes a date axis for date categories
            data.categories = list(chart_spec.category_dates)
            data.categories.number_format = chart_spec.date_format
        else:
            data.categories = [_clean(c) for c in chart_spec.categories]
        for series in chart_spec.series:
            data.add_series(_clean(series.name), series.values)
        kind = XL_CHART_TYPE.LINE_MARKERS if chart_spec.kind == "line" else XL_CHART_TYPE.COLUMN_CLUSTERED
        box = chart_spec.box
        frame = slide.shapes.add_chart(kind, _emu(box.x), _emu(box.y), _emu(box.width), _emu(box.height), data)
        if chart_spec.name:
            frame.name = chart_spec.name
        _alt_text(frame.element.nvGraphicFramePr.cNvPr, chart_spec.alt_text)
        chart = frame.chart
        _time_axis(chart, chart_spec)
        chart.font.name = self.font
        chart.font.size = Pt(chart_spec.font_size)
        chart.font.color.rgb = _rgb(chart_spec.text_colour)
        chart.has_title = False
        chart.has_legend = chart_spec.legend
        if chart_spec.legend:
            chart.legend.position = XL_LEGEND_POSITION.BOTTOM
            chart.legend.include_in_layout = False
            chart.legend.font.name = self.font
            chart.legend.font.size = Pt(chart_spec.font_size)
        axis = chart.value_axis
        axis.has_major_gridlines = True
        axis.major_gridlines.format.line.color.rgb = _rgb("#d9d9d9")
        if chart_spec.minimum is not None:
            axis.minimum_scale = chart_spec.minimum
        if chart_spec.maximum is not None:
            axis.maximum_scale = chart_spec.maximum
        if chart_spec.major_unit is not None:
            axis.major_unit = chart_spec.major_unit
        if chart_spec.value_title:
            axis.has_title = True
            title = spec.TextBox(box, (spec.Paragraph(chart_spec.value_title, chart_spec.font_size, colour=chart_spec.text_colour),))
            _set_text_body(axis.axis_title.element.get_or_add_tx_rich(), title, self.font, self.language)
        for axis_ in (chart.value_axis, chart.category_axis):
            axis_.tick_labels.font.name = self.font
            axis_.tick_labels.font.size = Pt(chart_spec.font_size)
            axis_.tick_labels.font.color.rgb = _rgb(chart_spec.text_colour)
        plot = chart.plots[0]
        for series, series_spec in zip(plot.series, chart_spec.series):
            colour = _rgb(series_spec.colour)
            if chart_spec.kind == "bar":
                series.format.fill.solid()
                series.format.fill.fore_color.rgb = colour
                continue
            series.smooth = False
            line = series.format.line
            if series_spec.line:
                line.color.rgb = colour
                line.width = Pt(3)
                if series_spec.dashed:
                    line.dash_style = MSO_LINE_DASH_STYLE.DASH
            else:
                line.fill.background()
            marker = series.marker
            if series_spec.marker:
                marker.style = XL_MARKER_STYLE.CIRCLE if series_spec.line else XL_MARKER_STYLE.DIAMOND
                marker.size = 8 if series_spec.line else 14
                marker.format.fill.solid()
                marker.format.fill.fore_color.rgb = colour
                marker.format.line.color.rgb = colour
            else:
                marker.style = XL_MARKER_STYLE.NONE
        if chart_spec.kind == "bar":
            plot.gap_width = 60
            plot.has_data_labels = True
            labels = plot.data_labels
            labels.number_format = "0.0"
            labels.number_format_is_linked = False
            labels.font.name = self.font
            labels.font.size = Pt(chart_spec.font_size)
            labels.font.color.rgb = _rgb(chart_spec.text_colour)

    def table(self, slide, table_spec: spec.Table) -> None:
        from pptx.enum.text import MSO_ANCHOR

        box = table_spec.box
        rows, columns = len(table_spec.rows), len(table_spec.column_widths)
        frame = slide.shapes.add_table(rows, columns, _emu(box.x), _emu(box.y), _emu(box.width), _emu(box.height))
        if table_spec.name:
            frame.name = table_spec.name
        _alt_text(frame.element.nvGraphicFramePr.cNvPr, table_spec.alt_text)
        table, cells = frame.table, frame.element.graphicData.tbl
        for column, width in zip(table.columns, table_spec.column_widths):
            column.width = _emu(width)
        for row, height in zip(table.rows, table_spec.row_heights):
            row.height = _emu(height)
        for row_number, row_spec in enumerate(table_spec.rows):
            for column_number, cell_spec in enumerate(row_spec):
                cell = table.cell(row_number, column_number)
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb(cell_spec.fill)
                cell.margin_left = cell.margin_right = _emu(spec.INSET_X)
                cell.margin_top = cell.margin_bottom = _emu(spec.INSET_Y)
                cell.vertical_anchor = MSO_ANCHOR.TOP
                paragraph = spec.Paragraph(cell_spec.text, table_spec.size, bold=cell_spec.bold, colour=cell_spec.colour)
                body = cells.tc(row_number, column_number).get_or_add_txBody()
                _set_text_body(body, spec.TextBox(spec.Box(0, 0, 0, 0), (paragraph,)), self.font, self.language)

    def picture(self, slide, picture_spec: spec.Picture) -> None:
        """The picture in its box, never stretched: whole (contain) or cropped to fill it (cover, srcRect)."""
        from facilitate.images import SLIDE_DPI, ImageProblem, pixel_size, prepared

        box = picture_spec.box
        frame = (box.x, box.y, box.width, box.height)
        try:
            pixels = pixel_size(picture_spec.path)
            if picture_spec.fit == "cover":
                placed = cover(pixels, frame)
                image = prepared(picture_spec.path, placed.width, placed.height, SLIDE_DPI, placed.crop.as_tuple(), keep_crop=True)
            else:
                placed = contain(pixels, frame, picture_spec.align)
                image = prepared(picture_spec.path, placed.width, placed.height, SLIDE_DPI)
        except ImageProblem as problem:
            raise ExportError(f"the image {picture_spec.path!r} {problem}") from None
        except OSError as error:
            raise ExportError(f"cannot read the image {picture_spec.path!r}: {error.strerror or error}") from None
        picture = slide.shapes.add_picture(io.BytesIO(image.data), _emu(placed.x), _emu(placed.y), _emu(placed.width), _emu(placed.height))
        crop = placed.crop
        picture.crop_left, picture.crop_top, picture.crop_right, picture.crop_bottom = crop.left, crop.top, crop.right, crop.bottom
        if picture_spec.name:
            picture.name = picture_spec.name
        _alt_text(picture.element.nvPicPr.cNvPr, picture_spec.alt_text)


    def vector(self, slide, vector_spec: spec.Vector) -> None:
        """Filled outlines (an icon, a QR code) as one freeform shape, each contour closed, no outline."""
        scale = 100.0  # freeform units per point: local coordinates keep a hundredth of a point
        first, *rest = vector_spec.contours
        builder = slide.shapes.build_freeform(first[0][0] * scale, first[0][1] * scale, scale=_emu(1) / scale)
        builder.add_line_segments([(x * scale, y * scale) for x, y in first[1:]], close=True)
        for contour in rest:
            builder.move_to(contour[0][0] * scale, contour[0][1] * scale)
            builder.add_line_segments([(x * scale, y * scale) for x, y in contour[1:]], close=True)
        shape = builder.convert_to_shape()
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(vector_spec.fill)
        shape.line.fill.background()
        shape.shadow.inherit = False
        if vector_spec.name:
            shape.name = vector_spec.name
        if vector_spec.decorative:
            _mark_decorative(shape.element.nvSpPr.cNvPr)
        else:
            _alt_text(shape.element.nvSpPr.cNvPr, vector_spec.alt_text)


def _placeholders(slide):
    """The slide's title placeholder and its main body placeholder (either may be None); the rest removed."""
    from pptx.oxml.ns import qn

    title = body = None
    tree = slide.shapes.element
    for element in list(tree.iterchildren(qn("p:sp"))):
        ph = element.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        if ph is None:
            continue
        kind = ph.get("type", "obj")
        if title is None and kind in ("title", "ctrTitle"):
            title = element
        elif body is None and kind in ("body", "obj", "subTitle"):
            body = element
        else:
            tree.remove(element)
    return title, body


def _alt_text(c_nv_pr, text: str) -> None:
    c_nv_pr.set("descr", _clean(text))


#: PowerPoint's "Mark as decorative" (Office 2019 and later): an extension of the shape's
#: non-visual properties, which earlier versions and other programs ignore.
_DECORATIVE = (
    '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
    '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
    "</a:ext></a:extLst>"
)


def _mark_decorative(c_nv_pr) -> None:
    from pptx.oxml import parse_xml

    c_nv_pr.append(parse_xml(_DECORATIVE.replace("<a:extLst>", f'<a:extLst xmlns:a="{_A}">', 1)))


# --- text bodies as XML -----------------------------------------------------------------
# python-pptx's text API sets one property at a time through its XML layer, which is the
# slowest part of a long deck; a text body is written here in one piece instead, with
# every property explicit (nothing inherited from the layout, no autofit).

_ALIGN = {"left": "l", "center": "ctr", "right": "r"}
_ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}


def _set_text_body(body, text_box: spec.TextBox, font: str, language: str = "en-GB") -> None:
    from pptx.oxml import parse_xml

    inset_x, inset_y = _emu(spec.INSET_X), _emu(spec.INSET_Y)
    paragraphs = "".join(_paragraph_xml(text_box.paragraphs, font, language)) or "<a:p/>"
    xml = (
        f'<a:txBody xmlns:a="{_A}"><a:bodyPr wrap="square" lIns="{inset_x}" tIns="{inset_y}" rIns="{inset_x}"'
        f' bIns="{inset_y}" anchor="{_ANCHOR[text_box.anchor]}" rtlCol="0"><a:noAutofit/></a:bodyPr>'
        f"<a:lstStyle/>{paragraphs}</a:txBody>"
    )
    for child in list(body):
        body.remove(child)
    body.extend(list(parse_xml(xml)))


def _frame_xml(box: spec.Box) -> str:
    return f'<a:off x="{_emu(box.x)}" y="{_emu(box.y)}"/><a:ext cx="{_emu(box.width)}" cy="{_emu(box.height)}"/>'


def _colour_xml(colour: str, opacity: float = 1.0) -> str:
    value = colour.lstrip("#").upper()
    if opacity >= 1.0:
        return f'<a:srgbClr val="{value}"/>'
    return f'<a:srgbClr val="{value}"><a:alpha val="{int(round(opacity * 100000))}"/></a:srgbClr>'


def _set_background(slide, colour: str) -> None:
    """A solid background of ``colour`` on ``slide``, whatever its layout or master shows."""
    from pptx.oxml import parse_xml
    from pptx.oxml.ns import qn

    common = slide.element.cSld
    for old in common.findall(qn("p:bg")):
        common.remove(old)
    common.insert(0, parse_xml(
        f'<p:bg xmlns:p="{_P}" xmlns:a="{_A}"><p:bgPr><a:solidFill>{_colour_xml(colour)}</a:solidFill>'
        "<a:effectLst/></p:bgPr></p:bg>"
    ))


def _paragraph_xml(paragraphs, font: str, language: str = "en-GB"):
    start = 1
    for index, paragraph in enumerate(paragraphs):
        # A numbered list continues from its first number (a continuation slide starts at 5).
        if paragraph.bullet == "number" and (index == 0 or paragraphs[index - 1].bullet != "number"):
            start = paragraph.number
        indent = _emu(paragraph.indent)
        if paragraph.bullet == "bullet":
            bullet = f'<a:buFont typeface="{_attribute(font)}"/><a:buChar char="•"/>'
        elif paragraph.bullet == "number":
            at = f' startAt="{start}"' if start != 1 else ""
            bullet = f'<a:buFont typeface="{_attribute(font)}"/><a:buAutoNum type="arabicPeriod"{at}/>'
        else:
            bullet = "<a:buNone/>"
        # A paragraph that starts in Hebrew or Arabic reads right to left (PowerPoint then orders its runs).
        direction = ' rtl="1"' if bidi.starts_right_to_left(paragraph.text) else ""
        properties = (
            f'<a:pPr marL="{indent}" indent="{-indent}" algn="{_ALIGN[paragraph.align]}"{direction}>'
            '<a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'
            f'<a:spcBef><a:spcPts val="{int(round(paragraph.space_before * 100))}"/></a:spcBef>'
            f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{bullet}</a:pPr>'
        )
        run = _run_properties(paragraph, font, language)
        lines = _clean(paragraph.text).split("\n")
        content = f"<a:br>{run}</a:br>".join(f"<a:r>{run}<a:t>{escape(line)}</a:t></a:r>" for line in lines)
        end = run.replace("<a:rPr", "<a:endParaRPr", 1).replace("</a:rPr>", "</a:endParaRPr>")
        yield f"<a:p>{properties}{content}{end}</a:p>"


def _run_properties(paragraph: spec.Paragraph, font: str, language: str = "en-GB") -> str:
    # cap="none": layouts may set all caps (Section Header does); text appears as written.
    # lang: the language spelling checkers and screen readers read the text in.
    face = _attribute(font)
    return (
        f'<a:rPr lang="{_attribute(language)}" sz="{int(round(paragraph.size * 100))}" b="{int(paragraph.bold)}"'
        f' i="{int(paragraph.italic)}" cap="none"><a:solidFill>{_colour_xml(paragraph.colour)}</a:solidFill>'
        f'<a:latin typeface="{face}"/><a:ea typeface="{face}"/><a:cs typeface="{face}"/></a:rPr>'
    )


def _time_axis(chart, chart_spec: spec.Chart) -> None:
    """A line across missing values (``dispBlanksAs span``), and a date axis's ticks and labels."""
    from pptx.oxml.ns import qn

    space = chart.element
    if chart_spec.span_gaps:
        for blanks in space.iter(qn("c:dispBlanksAs")):
            blanks.set("val", "span")
    for axis in space.iter(qn("c:dateAx")):
        axis.get_or_add_numFmt().set("formatCode", chart_spec.date_format)
        axis.get_or_add_numFmt().set("sourceLinked", "0")
        unit = axis.find(qn("c:baseTimeUnit"))
        if unit is None:
            unit = axis.makeelement(qn("c:baseTimeUnit"), {})
            axis.insert_element_before(unit, "c:majorUnit", "c:majorTimeUnit", "c:minorUnit", "c:minorTimeUnit", "c:extLst")
        unit.set("val", "days")
        for tag in ("c:majorUnit", "c:majorTimeUnit"):
            for old in axis.findall(qn(tag)):
                axis.remove(old)
        major = axis.makeelement(qn("c:majorUnit"), {"val": str(chart_spec.date_step)})
        unit.addnext(major)
        major.addnext(axis.makeelement(qn("c:majorTimeUnit"), {"val": chart_spec.date_unit}))
