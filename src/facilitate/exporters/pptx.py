"""PowerPoint decks: the pure slide model (layout.slides) drawn with python-pptx.

Every size and position comes from the slide model; nothing relies on autofit. Layouts
are found by name in python-pptx's default template or the user's own ``--template``.
The saved file is deterministic: fixed zip timestamps and document dates (honouring
SOURCE_DATE_EPOCH), no random ids.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import time
import zipfile
from pathlib import Path

from facilitate.errors import ExportError
from facilitate.layout import slides as spec
from facilitate.model import SessionPack
from facilitate.options import BuildOptions, source_date_epoch
from facilitate.output import Output

EMU_PER_POINT = 12700
#: Zip files cannot store dates before 1980-01-01.
ZIP_EPOCH_MIN = 315_532_800
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SECTION_LIST_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"


def outputs(pack: SessionPack, options: BuildOptions) -> list[Output]:
    """``deck.pptx``; the slide model is built now, so text that cannot fit fails before any write."""
    deck = spec.build_deck(pack, aspect=options.aspect, cards_as_slides=options.cards_as_slides)
    font = pack.theme.font
    template = options.template
    return [Output("deck.pptx", lambda handle: handle.write(render(deck, template, font)))]


def _emu(points: float) -> int:
    return int(round(points * EMU_PER_POINT))


def _rgb(colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())


def _clean(text: str) -> str:
    """Text without characters XML cannot hold."""
    return _INVALID_XML.sub("", text)


# --- the presentation -------------------------------------------------------------------


def _open(template: str | None):
    from pptx import Presentation

    if template is None:
        return Presentation()
    if not Path(template).is_file():
        raise ExportError(f"{template}: no such template file")
    try:
        prs = Presentation(template)
    except Exception as error:  # python-pptx raises several kinds for a file that is not a deck
        raise ExportError(f"{template}: cannot read it as a PowerPoint template ({type(error).__name__}: {error})") from None
    _drop_slides(prs)
    return prs


def _drop_slides(prs) -> None:
    """Remove a template's own slides (and its section list), keeping its masters and layouts."""
    slide_list = prs.slides._sldIdLst
    for slide_id in list(slide_list):
        rel_id = slide_id.rId
        slide_list.remove(slide_id)
        prs.part.drop_rel(rel_id)
    presentation = prs.part._element
    for ext in presentation.xpath(f"./p:extLst/p:ext[@uri='{_SECTION_LIST_EXT}']"):
        ext.getparent().remove(ext)
    for shows in presentation.xpath("./p:custShowLst"):
        presentation.remove(shows)


def _layouts(prs, deck: spec.Deck, template: str | None) -> dict:
    """Every layout the deck uses, by name; an ExportError names a missing one."""
    available: dict = {}
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            available.setdefault(layout.name, layout)
    found = {}
    for number, slide in enumerate(deck.slides, start=1):
        if slide.layout in found:
            continue
        if slide.layout not in available:
            source = template or "the default template"
            raise ExportError(
                f"{source}: has no slide layout named {slide.layout!r}, needed for slide {number}"
                f" {slide.heading!r} (its layouts: {', '.join(available) or 'none'}); add or rename a"
                f" layout in the template (facilitate uses: {', '.join(spec.LAYOUTS)})"
            )
        found[slide.layout] = available[slide.layout]
    return found


def render(deck: spec.Deck, template: str | None = None, font: str = "DejaVu Sans") -> bytes:
    """The deck as the bytes of a .pptx file."""
    prs = _open(template)
    prs.slide_width = _emu(deck.width)
    prs.slide_height = _emu(deck.height)
    layouts = _layouts(prs, deck, template)
    notes_master = prs.part.notes_master_part
    painter = _Painter(font)
    for number, slide_spec in enumerate(deck.slides, start=1):
        slide = prs.slides.add_slide(layouts[slide_spec.layout])
        try:
            painter.slide(slide, slide_spec)
        except ExportError as error:
            raise ExportError(f"slide {number} {slide_spec.heading!r}: {error}") from None
        painter.notes(_add_notes_slide(slide, number, notes_master), slide_spec.notes)
    _core_properties(prs, deck)
    buffer = io.BytesIO()
    prs.save(buffer)
    return normalise_zip(buffer.getvalue(), source_date_epoch())


def _add_notes_slide(slide, number: int, notes_master_part):
    """A notes slide named after its slide's number.

    python-pptx looks for a free part name by scanning every part of the package for each
    new notes slide (python-pptx issue #644), which makes a long deck quadratic. Slide
    ``n`` is always ``slide{n}.xml`` here (a template's own slides are removed first), so
    ``notesSlide{n}.xml`` is free and no search is needed.
    """
    from pptx.opc.constants import CONTENT_TYPE as CT
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.opc.packuri import PackURI
    from pptx.oxml.slide import CT_NotesSlide
    from pptx.parts.slide import NotesSlidePart

    slide_part = slide.part
    part = NotesSlidePart(
        PackURI(f"/ppt/notesSlides/notesSlide{number}.xml"), CT.PML_NOTES_SLIDE, slide_part.package, CT_NotesSlide.new()
    )
    part.relate_to(notes_master_part, RT.NOTES_MASTER)
    part.relate_to(slide_part, RT.SLIDE)
    part.notes_slide.clone_master_placeholders(notes_master_part.notes_master)
    slide_part.relate_to(part, RT.NOTES_SLIDE)
    return part.notes_slide


def _core_properties(prs, deck: spec.Deck) -> None:
    stamp = dt.datetime.fromtimestamp(source_date_epoch(), dt.timezone.utc).replace(tzinfo=None)
    properties = prs.core_properties
    properties.title = _clean(deck.title)[:255]
    properties.subject = _clean(deck.subject)[:255]
    properties.author = _clean(deck.author)[:255]
    properties.last_modified_by = "facilitate"
    properties.comments = ""
    properties.keywords = ""
    properties.revision = 1
    properties.created = stamp
    properties.modified = stamp
    properties.last_printed = stamp


# --- deterministic zip ------------------------------------------------------------------


def _zip_stamp(epoch: int) -> tuple[int, int, int, int, int, int]:
    return time.gmtime(max(epoch, ZIP_EPOCH_MIN))[:6]


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


def normalise_zip(data: bytes, epoch: int, transform=None) -> bytes:
    """``data`` rewritten with every entry's timestamp, permissions and system fixed."""
    stamp = _zip_stamp(epoch)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            blob = source.read(entry.filename)
            if transform is not None:
                blob = transform(entry.filename, blob)
            if entry.filename.endswith(".xlsx"):
                blob = _normalise_workbook(blob, epoch)
            info = zipfile.ZipInfo(entry.filename, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, blob)
    return out.getvalue()


# --- drawing ----------------------------------------------------------------------------


class _Painter:
    """Draws slide specs onto python-pptx slides, every size explicit."""

    def __init__(self, font: str) -> None:
        self.font = font

    def slide(self, slide, slide_spec: spec.Slide) -> None:
        background = slide.background.fill
        background.solid()
        background.fore_color.rgb = _rgb(slide_spec.background)
        title_ph, body_ph = _placeholders(slide)
        self._place(slide, title_ph, slide_spec.title)
        self._place(slide, body_ph, slide_spec.body)
        for shape in slide_spec.shapes:
            if isinstance(shape, spec.TextBox):
                self.text_shape(slide, shape)
            elif isinstance(shape, spec.Chart):
                self.chart(slide, shape)
            elif isinstance(shape, spec.Table):
                self.table(slide, shape)
            elif isinstance(shape, spec.Picture):
                self.picture(slide, shape)

    def _place(self, slide, placeholder, text_box: spec.TextBox | None) -> None:
        """Fill a placeholder with ``text_box`` at its computed place, or draw it as a shape."""
        if text_box is None:
            if placeholder is not None:
                placeholder._element.getparent().remove(placeholder._element)
            return
        if placeholder is None:
            self.text_shape(slide, text_box)
            return
        box = text_box.box
        placeholder.left, placeholder.top = _emu(box.x), _emu(box.y)
        placeholder.width, placeholder.height = _emu(box.width), _emu(box.height)
        self.text(placeholder.text_frame, text_box)

    def text_shape(self, slide, text_box: spec.TextBox):
        from pptx.enum.shapes import MSO_SHAPE

        kinds = {
            "rectangle": MSO_SHAPE.RECTANGLE,
            "rounded": MSO_SHAPE.ROUNDED_RECTANGLE,
            "right-arrow": MSO_SHAPE.RIGHT_ARROW,
        }
        box = text_box.box
        shape = slide.shapes.add_shape(kinds[text_box.shape], _emu(box.x), _emu(box.y), _emu(box.width), _emu(box.height))
        # The theme's shape style would add its own colours and shadow: everything is explicit.
        style = shape._element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}style")
        if style is not None:
            shape._element.remove(style)
        if text_box.name:
            shape.name = text_box.name
        if text_box.shape == "right-arrow":
            shape.adjustments[0] = spec.ARROW_SHAFT
        if text_box.fill:
            shape.fill.solid()
            shape.fill.fore_color.rgb = _rgb(text_box.fill)
        else:
            shape.fill.background()
        if text_box.line:
            shape.line.color.rgb = _rgb(text_box.line)
            shape.line.width = _emu(1.5)
        else:
            shape.line.fill.background()
        if text_box.paragraphs:
            self.text(shape.text_frame, text_box)
        return shape

    def text(self, frame, text_box: spec.TextBox) -> None:
        from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE

        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left = frame.margin_right = _emu(spec.INSET_X)
        frame.margin_top = frame.margin_bottom = _emu(spec.INSET_Y)
        frame.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}[
            text_box.anchor
        ]
        frame.text = ""
        start = 1
        for index, paragraph in enumerate(text_box.paragraphs):
            target = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            # A numbered list continues from its first number (a continuation slide starts at 5).
            if paragraph.bullet == "number" and (index == 0 or text_box.paragraphs[index - 1].bullet != "number"):
                start = paragraph.number
            self.paragraph(target, paragraph, start)

    def paragraph(self, target, paragraph: spec.Paragraph, start: int = 1) -> None:
        from pptx.enum.text import PP_ALIGN
        from pptx.util import Pt

        target.alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}[paragraph.align]
        target.line_spacing = 1.0
        target.space_before = Pt(paragraph.space_before)
        target.space_after = Pt(0)
        _bullet(target._p.get_or_add_pPr(), paragraph, self.font, start)
        lines = _clean(paragraph.text).split("\n")
        for number, line in enumerate(lines):
            if number:
                target.add_line_break()
            self.run(target.add_run(), line, paragraph.size, paragraph.bold, paragraph.italic, paragraph.colour)
        if not paragraph.text:
            self.run(target.add_run(), "", paragraph.size, paragraph.bold, paragraph.italic, paragraph.colour)

    def run(self, run, text: str, size: float, bold: bool, italic: bool, colour: str) -> None:
        from pptx.util import Pt

        run.text = text
        font = run.font
        font.name = self.font
        font.size = Pt(size)
        font.bold = bold
        font.italic = italic
        font.color.rgb = _rgb(colour)
        # Layouts may set all caps (Section Header does): text appears as written.
        font._rPr.set("cap", "none")

    def notes(self, notes_slide, text: str) -> None:
        from pptx.util import Pt

        frame = notes_slide.notes_text_frame
        if frame is None:  # a template whose notes master has no body placeholder
            frame = notes_slide.shapes.add_textbox(0, 0, _emu(500), _emu(300)).text_frame
        frame.text = _clean(text)
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font.name = self.font
                run.font.size = Pt(12)

    def chart(self, slide, chart_spec: spec.Chart) -> None:
        from pptx.chart.data import CategoryChartData
        from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
        from pptx.enum.dml import MSO_LINE_DASH_STYLE
        from pptx.util import Pt

        data = CategoryChartData()
        data.categories = [_clean(c) for c in chart_spec.categories]
        for series in chart_spec.series:
            data.add_series(_clean(series.name), series.values)
        kind = XL_CHART_TYPE.LINE_MARKERS if chart_spec.kind == "line" else XL_CHART_TYPE.COLUMN_CLUSTERED
        box = chart_spec.box
        frame = slide.shapes.add_chart(kind, _emu(box.x), _emu(box.y), _emu(box.width), _emu(box.height), data)
        if chart_spec.name:
            frame.name = chart_spec.name
        _alt_text(frame._element.nvGraphicFramePr.cNvPr, chart_spec.alt_text)
        chart = frame.chart
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
            self.text(
                axis.axis_title.text_frame,
                spec.TextBox(box, (spec.Paragraph(chart_spec.value_title, chart_spec.font_size, colour=chart_spec.text_colour),)),
            )
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
        _alt_text(frame._element.nvGraphicFramePr.cNvPr, table_spec.alt_text)
        table = frame.table
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
                frame_ = cell.text_frame
                frame_.word_wrap = True
                frame_.text = ""
                self.paragraph(
                    frame_.paragraphs[0],
                    spec.Paragraph(cell_spec.text, table_spec.size, bold=cell_spec.bold, colour=cell_spec.colour),
                )

    def picture(self, slide, picture_spec: spec.Picture) -> None:
        from pptx.parts.image import Image

        path = Path(picture_spec.path)
        try:
            width_px, height_px = Image.from_file(str(path)).size
        except (OSError, ValueError) as error:
            raise ExportError(f"cannot read the image {picture_spec.path!r}: {error}") from None
        except Exception as error:  # python-pptx's unknown-format error
            raise ExportError(f"cannot use the image {picture_spec.path!r}: {error}") from None
        box = picture_spec.box
        scale = min(box.width / max(width_px, 1), box.height / max(height_px, 1))
        width, height = width_px * scale, height_px * scale
        x = box.right - width  # right-aligned in its box
        y = box.y + (box.height - height) / 2
        picture = slide.shapes.add_picture(str(path), _emu(x), _emu(y), _emu(width), _emu(height))
        if picture_spec.name:
            picture.name = picture_spec.name
        _alt_text(picture._element.nvPicPr.cNvPr, picture_spec.alt_text)


def _placeholders(slide):
    """The slide's title placeholder and its main body placeholder (either may be None); the rest removed."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    title = body = None
    for placeholder in list(slide.placeholders):
        kind = placeholder.placeholder_format.type
        if title is None and kind in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
            title = placeholder
        elif body is None and kind in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE):
            body = placeholder
        else:
            placeholder._element.getparent().remove(placeholder._element)
    return title, body


def _bullet(properties, paragraph: spec.Paragraph, font: str, start: int = 1) -> None:
    """Set the paragraph's bullet or number and hanging indent explicitly (no inherited style)."""
    from lxml import etree

    namespace = "http://schemas.openxmlformats.org/drawingml/2006/main"
    for tag in ("buClrTx", "buClr", "buSzTx", "buSzPct", "buSzPts", "buFontTx", "buFont", "buNone", "buAutoNum", "buChar", "buBlip"):
        for old in properties.findall(f"{{{namespace}}}{tag}"):
            properties.remove(old)
    indent = _emu(paragraph.indent)
    properties.set("marL", str(indent))
    properties.set("indent", str(-indent))
    # Bullet elements follow the spacing elements and precede tabLst/defRPr/extLst.
    anchor = None
    for tag in ("tabLst", "defRPr", "extLst"):
        anchor = properties.find(f"{{{namespace}}}{tag}")
        if anchor is not None:
            break
    elements = []
    if paragraph.bullet == "bullet":
        elements.append(etree.Element(f"{{{namespace}}}buFont", typeface=font))
        elements.append(etree.Element(f"{{{namespace}}}buChar", char="•"))
    elif paragraph.bullet == "number":
        elements.append(etree.Element(f"{{{namespace}}}buFont", typeface=font))
        number = etree.Element(f"{{{namespace}}}buAutoNum", type="arabicPeriod")
        if start != 1:
            number.set("startAt", str(start))
        elements.append(number)
    else:
        elements.append(etree.Element(f"{{{namespace}}}buNone"))
    for element in elements:
        if anchor is not None:
            anchor.addprevious(element)
        else:
            properties.append(element)


def _alt_text(c_nv_pr, text: str) -> None:
    c_nv_pr.set("descr", _clean(text))
