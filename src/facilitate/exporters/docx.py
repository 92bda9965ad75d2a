"""Every document of the pack as a Word file (python-docx), to edit before sending it out.

The same documents as the PDFs, HTML and Markdown (layout.documents), written with real
Word styles so a facilitator restyles a whole document by editing its styles: Title,
Subtitle, Heading 1–3, List Bullet, List Number (restarting for each list), Quote,
Caption, a "Facilitate Table" table style whose header row repeats on every page, a
"Writing Line" style for lines to write on (an empty paragraph with a bottom border), and
the theme's colours in them. Tick boxes are ☐ characters in the text. Charts are
pictures (drawn from the same layout figure as the PDF) with alt text, followed by their
data as a table. Page size A4 or Letter; title, author and language in the document's
properties; the same bytes every build.

Word lays out the text itself, so nothing here measures or fits text.
"""

from __future__ import annotations

import io
import weakref
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from facilitate.layout import bidi, fonts
from facilitate.layout.documents import pack_documents
from facilitate.layout.document import Table
from facilitate.labels import ENGLISH, Labels
from facilitate.layout.page import CELL, MARGIN, page_size
from facilitate.layout.tables import PAD_BOTTOM, PAD_TOP, PAD_X, column_widths
from facilitate.model.theme import DEFAULT_THEME, Theme
from facilitate.exporters import builtin
from facilitate.options import BuildOptions, PaperOptions
from facilitate.output import Output, normalise_zip, source_date_epoch

if TYPE_CHECKING:
    from facilitate.layout import figure
    from facilitate.layout.document import Document
    from facilitate.model import SessionPack

name, description, options = builtin('docx')

#: Resolution of chart pictures.
DPI = 200
BODY_SIZE = 10.0
GRID = "8C8C8C"
ZEBRA = "F2F5F8"
#: Height of a line to write on.
WRITING_LINE = 20.0
TICK = "☐"
#: Room added to each column's widest word: Word sets the text with its own font and line breaking.
WORD_SLACK = 6.0
TABLE_STYLE = "Facilitate Table"
BOX_STYLE = "Facilitate Box"
CUT_STYLE = "Facilitate Cut Cards"


def outputs(pack: SessionPack, options: BuildOptions) -> list[Output]:
    """A .docx for every document of the pack."""
    paper = options[PaperOptions].paper
    theme = pack.theme
    author = theme.organisation or ", ".join(pack.session.hosts) or "facilitate"
    return [
        Output(
            f"{entry.stem}.docx",
            lambda handle, doc=fonts.cleaned(entry.document): handle.write(render(doc, theme, paper, author=author)),
        )
        for entry in pack_documents(pack)
    ]


def render(doc: Document, theme: Theme = DEFAULT_THEME, paper: str = "a4", language: str | None = None, author: str = "facilitate") -> bytes:
    """``doc`` as the bytes of a .docx file, in ``language`` (default: the document's own)."""
    import docx

    word = docx.Document()
    _page(word, paper, doc.orientation)
    _styles(word, theme)
    writer = _Writer(word, theme, _text_width(paper, doc.orientation), doc.labels)
    if doc.running_heads:
        _running_heads(word, doc, theme)
    if not all(type(block).__name__ == "CutCards" for block in doc.blocks):
        _add(word, doc.title, "Title")
        if doc.subtitle:
            _add(word, str(doc.subtitle), "Subtitle")
    for block in doc.blocks:
        DRAW[type(block).__name__](writer, block)
    _properties(word, doc, language or doc.labels.office_language, author)
    _zoom(word)
    buffer = io.BytesIO()
    word.save(buffer)
    return normalise_zip(buffer.getvalue(), source_date_epoch())


# --- styles by name, looked up once ---------------------------------------------------------
# python-docx finds a style's id by name by searching every style of the document for the
# default one each time (Styles.default), most of a document's time; the id of each name is
# looked up once per document here, through python-docx, and set on the element as
# python-docx's own ``style`` setters do.

_STYLE_IDS: weakref.WeakKeyDictionary[Any, dict[tuple[str, Any], str | None]] = weakref.WeakKeyDictionary()


def _style_id(part: Any, name: str, kind: Any) -> str | None:
    ids = _STYLE_IDS.setdefault(part, {})
    key = (name, kind)
    if key not in ids:
        ids[key] = part.get_style_id(name, kind)
    return ids[key]


def _add(container: Any, text: str = "", style: str | None = None) -> Any:
    """``container.add_paragraph(text, style)``, with the style's id looked up once per document."""
    paragraph = container.add_paragraph(text)
    if style is not None:
        _set_style(paragraph, style)
    return paragraph


def _set_style(paragraph: Any, style: str) -> None:
    """``paragraph.style = style`` (a name), with the style's id looked up once per document."""
    from docx.enum.style import WD_STYLE_TYPE

    paragraph._p.style = _style_id(paragraph.part, style, WD_STYLE_TYPE.PARAGRAPH)


def _set_table_style(table: Any, style: str) -> None:
    """``table.style = style`` (a name), with the style's id looked up once per document."""
    from docx.enum.style import WD_STYLE_TYPE

    table._tbl.tblStyle_val = _style_id(table.part, style, WD_STYLE_TYPE.TABLE)


# --- the page and the styles -----------------------------------------------------------------


def _text_width(paper: str, orientation: str) -> float:
    return page_size(paper, orientation)[0] - 2 * MARGIN


def _page(word: Any, paper: str, orientation: str) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt

    width, height = page_size(paper, orientation)
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if orientation == "landscape" else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Pt(width), Pt(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Pt(MARGIN))
    section.header_distance = section.footer_distance = Pt(MARGIN / 2)


def _rgb(colour: str) -> Any:
    from docx.shared import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())


def _paragraph_style(word: Any, style_name: str, base: str = "Normal") -> Any:
    from docx.enum.style import WD_STYLE_TYPE

    styles = word.styles
    if styles.element.get_by_name(style_name) is not None:  # one XPath query (``in styles`` reads every style's name)
        return styles[style_name]
    style = styles.add_style(style_name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.quick_style = True
    return style


def _styles(word: Any, theme: Theme) -> None:
    """The theme's font and colours in the styles every paragraph and table uses."""
    from docx.shared import Pt

    styles = word.styles
    _defaults(word, theme)
    styles["Normal"].paragraph_format.space_after = Pt(4)
    for style_name, size in (("Title", 22), ("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11)):
        style = styles[style_name]
        style.font.name = theme.font
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = _rgb(theme.primary if style_name != "Heading 3" else theme.text)
    title = styles["Title"].paragraph_format
    title.space_after = Pt(2)
    _no_title_border(styles["Title"])
    subtitle = styles["Subtitle"]
    subtitle.font.name = theme.font
    subtitle.font.size = Pt(11)
    subtitle.font.italic = False
    subtitle.font.color.rgb = _rgb(theme.muted)
    for style_name in ("Quote", "Caption"):
        styles[style_name].font.color.rgb = _rgb(theme.muted if style_name == "Caption" else theme.text)
    lead = _paragraph_style(word, "Lead")
    lead.font.size = Pt(11.5)
    small = _paragraph_style(word, "Small")
    small.font.size = Pt(8.5)
    small.font.color.rgb = _rgb(theme.muted)
    credit = _paragraph_style(word, "Quote Credit", "Small")
    credit.paragraph_format.left_indent = Pt(24)
    checklist = _paragraph_style(word, "Checklist")
    checklist.paragraph_format.left_indent = Pt(18)
    checklist.paragraph_format.first_line_indent = Pt(-18)
    label = _paragraph_style(word, "Box Label")
    label.font.bold = True
    label.font.color.rgb = _rgb(theme.primary)
    label.paragraph_format.keep_with_next = True
    accent = _paragraph_style(word, "Box Label Accent", "Box Label")
    accent.font.color.rgb = _rgb(theme.accent)
    _writing_line_style(word)
    _table_style(word, TABLE_STYLE, theme, header=True, dashed=False)
    _table_style(word, BOX_STYLE, theme, header=False, dashed=False)
    _table_style(word, CUT_STYLE, theme, header=False, dashed=True)


def _defaults(word: Any, theme: Theme) -> None:
    """The font, size and colour of all text, in the document defaults (below table and paragraph styles).

    Set here rather than on Normal, so a table style's header row can still make its text white.
    """
    styles = word.styles.element
    defaults = styles.find(_qn("w:docDefaults"))
    if defaults is None:
        defaults = _element("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(_qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = _element("w:rPrDefault")
        defaults.insert(0, run_defaults)
    for old in run_defaults.findall(_qn("w:rPr")):
        run_defaults.remove(old)
    rpr = _element("w:rPr")
    rpr.append(_element("w:rFonts", ascii=theme.font, hAnsi=theme.font, cs=theme.font, eastAsia=theme.font))
    rpr.append(_element("w:color", val=theme.text.lstrip("#").upper()))
    rpr.append(_element("w:sz", val=str(round(BODY_SIZE * 2))))
    rpr.append(_element("w:szCs", val=str(round(BODY_SIZE * 2))))
    run_defaults.append(rpr)
    normal = word.styles["Normal"].element.rPr
    if normal is not None:
        for tag in ("w:rFonts", "w:color", "w:sz", "w:szCs"):
            for old in normal.findall(_qn(tag)):
                normal.remove(old)


def _no_title_border(style: Any) -> None:
    """The default template underlines Title with a border; the theme's title stands alone."""
    ppr = style.element.pPr
    if ppr is not None:
        for border in ppr.findall(_qn("w:pBdr")):
            ppr.remove(border)


# What may follow a child in its parent, in the order ISO/IEC 29500 gives (python-docx keeps
# these sequences private): a child added later goes before the first of these its parent has.
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
               "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_TBLLOOK = ("w:tblCaption", "w:tblDescription", "w:tblPrChange")
_AFTER_TBLW = ("w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar",
               "w:tblLook", *_AFTER_TBLLOOK)


def _zoom(word: Any) -> None:
    """The zoom setting with the percentage ISO/IEC 29500-4 requires (python-docx's template has only "best fit")."""
    zoom = word.settings.element.find(_qn("w:zoom"))
    if zoom is not None and zoom.get(_qn("w:percent")) is None:
        zoom.set(_qn("w:percent"), "100")


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _element(tag: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement

    element = OxmlElement(tag)
    for key, value in attributes.items():
        element.set(_qn(f"w:{key}"), value)
    return element


def _writing_line_style(word: Any) -> None:
    """An empty paragraph with a bottom border and an exact height: a line to write on."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    style = _paragraph_style(word, "Writing Line")
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(WRITING_LINE)
    fmt.space_after = Pt(0)
    fmt.space_before = Pt(0)
    ppr = style.element.get_or_add_pPr()
    borders = _element("w:pBdr")
    borders.append(_element("w:bottom", val="single", sz="4", space="1", color="BDBDBD"))
    ppr.insert_element_before(borders, *_AFTER_PBDR)


def _borders(tag: str, kind: str, colour: str, sides: Sequence[str]) -> Any:
    borders = _element(tag)
    for side in sides:
        borders.append(_element(f"w:{side}", val=kind, sz="4", space="0", color=colour))
    return borders


def _table_style(word: Any, style_name: str, theme: Theme, header: bool, dashed: bool) -> None:
    """A table style: grid borders, and (for data tables) a header row in the theme colour and banded rows."""
    from docx.enum.style import WD_STYLE_TYPE

    style = word.styles.add_style(style_name, WD_STYLE_TYPE.TABLE)
    style.base_style = word.styles["Normal Table"]
    element = style.element
    tblpr = _element("w:tblPr")
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    tblpr.append(_borders("w:tblBorders", "dashed" if dashed else "single", GRID, sides))
    margins = _element("w:tblCellMar")
    # The padding layout.tables measured the columns with.
    for side, width in (("top", str(round(PAD_TOP * 20))), ("left", str(round(PAD_X * 20))),
                        ("bottom", str(round(PAD_BOTTOM * 20))), ("right", str(round(PAD_X * 20)))):
        margins.append(_element(f"w:{side}", w=width, type="dxa"))
    tblpr.append(margins)
    if header:
        # Table text at the size the layout measured its columns with.
        rpr = _element("w:rPr")
        rpr.append(_element("w:sz", val=str(round(CELL * 2))))
        rpr.append(_element("w:szCs", val=str(round(CELL * 2))))
        element.append(rpr)
    element.append(tblpr)
    if header:
        first = _element("w:tblStylePr", type="firstRow")
        rpr = _element("w:rPr")
        rpr.append(_element("w:b"))
        rpr.append(_element("w:color", val=theme.on_primary.lstrip("#").upper()))
        first.append(rpr)
        tcpr = _element("w:tcPr")
        tcpr.append(_element("w:shd", val="clear", color="auto", fill=theme.primary.lstrip("#").upper()))
        first.append(tcpr)
        band = _element("w:tblStylePr", type="band2Horz")
        band_tcpr = _element("w:tcPr")
        band_tcpr.append(_element("w:shd", val="clear", color="auto", fill=ZEBRA))
        band.append(band_tcpr)
        element.append(first)
        element.append(band)


def _running_heads(word: Any, doc: Document, theme: Theme = DEFAULT_THEME) -> None:
    """The title (left), subtitle and logos (right) in the header; "page N of M" in the footer, as fields."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Pt

    section = word.sections[0]
    right = section.page_width - section.left_margin - section.right_margin
    style = _paragraph_style(word, "Running Head")
    style.font.size = Pt(8)
    head = section.header.paragraphs[0]
    _set_style(head, "Running Head")
    head.paragraph_format.tab_stops.add_tab_stop(right, WD_TAB_ALIGNMENT.RIGHT)
    title = head.add_run(doc.title)
    title.bold = True
    title.font.size = Pt(8)
    subtitle = head.add_run("\t" + str(doc.subtitle))
    subtitle.font.size = Pt(8)
    for logo in doc.labels.logos(theme):
        _header_logo(head, logo)
    foot = section.footer.paragraphs[0]
    _set_style(foot, "Running Head")
    foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    from facilitate.layout.page import page_number_parts

    for part in page_number_parts(doc.labels):
        if part in ("PAGE", "NUMPAGES"):
            _field(foot, part)
        else:
            foot.add_run(part).font.size = Pt(8)


def _header_logo(paragraph: Any, logo: Any) -> None:
    """A logo at the end of the header line, as high as the page header's logos in the PDF, with alt text."""
    from docx.shared import Pt

    from facilitate.errors import ExportError
    from facilitate.images import PRINT_DPI, ImageProblem, pixel_size, prepared
    from facilitate.layout.page import HEAD_LOGO_HEIGHT, HEAD_LOGO_WIDTH
    from facilitate.layout.picture import contain

    try:
        placed = contain(pixel_size(logo.path), (0.0, 0.0, HEAD_LOGO_WIDTH, HEAD_LOGO_HEIGHT))
        image = prepared(logo.path, placed.width, placed.height, PRINT_DPI)
    except ImageProblem as problem:
        raise ExportError(f"page header: the logo {logo.path!r} {problem}") from None
    except OSError as error:
        raise ExportError(f"page header: cannot read the logo {logo.path!r}: {error}") from None
    paragraph.add_run(" ")
    shape = paragraph.add_run().add_picture(io.BytesIO(image.data), width=Pt(placed.width), height=Pt(placed.height))
    properties = shape._inline.docPr
    properties.set("descr", logo.alt)


def _field(paragraph: Any, instruction: str) -> None:
    """A field Word fills in (PAGE, NUMPAGES), showing 1 until it does."""
    from docx.shared import Pt

    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", "1"), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(8)
        if kind == "instr":
            code = _element("w:instrText")
            code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            code.text = f" {text} "
            run._r.append(code)
        elif kind == "text":
            run.text = text or ""
        else:
            run._r.append(_element("w:fldChar", fldCharType=kind))


def _properties(word: Any, doc: Document, language: str, author: str) -> None:
    import datetime as dt

    stamp = dt.datetime.fromtimestamp(source_date_epoch(), dt.timezone.utc).replace(tzinfo=None)
    properties = word.core_properties
    properties.title = doc.title[:255]
    properties.subject = str(doc.subtitle)[:255]
    properties.author = author[:255]
    properties.last_modified_by = "facilitate"
    properties.language = language
    properties.revision = 1
    properties.created = stamp
    properties.modified = stamp
    properties.last_printed = stamp
    properties.comments = ""
    properties.keywords = ""
    # The language of the text too, so spelling and screen readers use it.
    rpr = word.styles["Normal"].element.get_or_add_rPr()
    rpr.append(_element("w:lang", val=language))


# --- the blocks ----------------------------------------------------------------------------


class _Writer:
    """Adds blocks to one Word document."""

    def __init__(self, word: Any, theme: Theme, width: float, labels: Labels = ENGLISH) -> None:
        self.word = word
        self.theme = theme
        self.width = width
        self.labels = labels

    def heading(self, block: Any) -> None:
        _add(self.word, block.text, f"Heading {min(max(block.level, 1), 3)}")  # as Document.add_heading names it

    def paragraph(self, block: Any) -> None:
        style = {"lead": "Lead", "small": "Small"}.get(block.style, "Normal")
        _add(self.word, block.text, style)

    def bullets(self, block: Any) -> None:
        restart = None
        for item in block.items:
            if item.startswith(TICK):
                _add(self.word, f"{TICK}\t{item[1:].strip()}", "Checklist")
                continue
            paragraph = _add(self.word, item, "List Number" if block.numbered else "List Bullet")
            if block.numbered:
                restart = restart or _new_numbering(self.word)
                _number_with(paragraph, restart)

    def table(self, block: Any) -> None:
        _data_table(self.word, self.width, block)

    def quote(self, block: Any) -> None:
        _add(self.word, block.text, "Quote")
        credit = f"— {block.author}" + (f", {block.source}" if block.source else "")
        _add(self.word, credit, "Quote Credit")

    def notes(self, block: Any) -> None:
        spaces = block.spaces if hasattr(block, "spaces") else (block,)
        table = self.word.add_table(rows=1, cols=len(spaces))
        _set_table_style(table, BOX_STYLE)
        _widths(table, [self.width / len(spaces)] * len(spaces))
        for cell, space in zip(table.rows[0].cells, spaces):
            _box(cell, space)
        self.word.add_paragraph()

    def chart(self, block: Any) -> None:
        """The chart as a picture (the same shapes as the PDF's), then its data as a table."""
        from facilitate.layout import chart_blocks

        _add(self.word, block.caption, "Caption")
        _picture(self.word, chart_blocks.figure(block, self.width, self.theme, self.labels))
        _data_table(self.word, self.width, chart_blocks.data_table(block, self.labels))

    def staircase(self, block: Any) -> None:
        for point in block.preamble:
            _add(self.word, point, "List Bullet")
        _add(self.word, f"{block.low_label} → {block.high_label}", "Caption")
        _ = self.labels.gettext
        rows = []
        for number, step in enumerate(block.steps, start=1):
            label = f"{number}. " + (_("{rung} (extension)").format(rung=step.label) if step.extension else step.label)
            rows.append((label, " ".join(step.stems), step.description, f"“{step.example}”" if step.example else ""))
        header = (_("Rung"), _("Opening words"), _("What it does"), _("For example"))
        _data_table(self.word, self.width, Table(header, tuple(rows), (1.4, 1.6, 2.2, 2.6)))

    def cut_cards(self, block: Any) -> None:
        from docx.enum.table import WD_ROW_HEIGHT_RULE
        from docx.shared import Pt

        section = self.word.sections[0]
        usable = (section.page_height - section.top_margin - section.bottom_margin) / 12700
        for start in range(0, len(block.cards), 4):
            if start:
                self.word.add_page_break()
            cards = block.cards[start : start + 4]
            table = self.word.add_table(rows=(len(cards) + 1) // 2, cols=2)
            _set_table_style(table, CUT_STYLE)
            _widths(table, [self.width / 2] * 2)
            for row in table.rows:
                row.height = Pt(usable / 2 - 12)
                row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
                _cant_split(row)
            for index, card in enumerate(cards):
                _card(table.rows[index // 2].cells[index % 2], card)

    def page_break(self, block: Any) -> None:
        self.word.add_page_break()

    def link(self, block: Any) -> None:
        """The QR code as a picture (crisp: whole pixels per module), the address under it."""
        import segno
        from docx.shared import Pt

        from facilitate.layout.qr import QUIET, plan_link

        plan = plan_link(block.url, block.label, self.width)
        if block.label:
            self.word.add_paragraph(block.label)
        png = io.BytesIO()
        segno.make(block.url, error="m", micro=False, boost_error=False).save(png, kind="png", scale=10, border=QUIET)
        self.word.add_picture(io.BytesIO(png.getvalue()), width=Pt(plan.side))
        self.word.add_paragraph(block.url)


#: Which writer method draws each block type.
DRAW: dict[str, Callable[[_Writer, Any], None]] = {
    "Heading": _Writer.heading,
    "Paragraph": _Writer.paragraph,
    "Bullets": _Writer.bullets,
    "Table": _Writer.table,
    "QuoteBlock": _Writer.quote,
    "NotesSpace": _Writer.notes,
    "NotesRow": _Writer.notes,
    "CurveChart": _Writer.chart,
    "BarChart": _Writer.chart,
    "ComparisonChart": _Writer.chart,
    "PairedBarChart": _Writer.chart,
    "Staircase": _Writer.staircase,
    "CutCards": _Writer.cut_cards,
    "Link": _Writer.link,
    "PageBreak": _Writer.page_break,
}


def _new_numbering(word: Any) -> str:
    """A new numbering instance of the List Number style's list, starting again at 1."""
    numbering = word.part.numbering_part.element
    style_num = word.styles["List Number"].element.pPr.numPr.numId.val
    abstract = next(num for num in numbering.num_lst if num.numId == style_num).abstractNumId.val
    new_id = max(num.numId for num in numbering.num_lst) + 1
    num = _element("w:num", numId=str(new_id))
    num.append(_element("w:abstractNumId", val=str(abstract)))
    override = _element("w:lvlOverride", ilvl="0")
    override.append(_element("w:startOverride", val="1"))
    num.append(override)
    numbering.append(num)
    return str(new_id)


def _number_with(paragraph: Any, num_id: str) -> None:
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = int(num_id)


def _widths(table: Any, widths: Sequence[float]) -> None:
    """Fixed column widths in points: the grid, each cell, and the table's total."""
    from docx.shared import Pt

    table.autofit = False
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(_qn("w:gridCol")), widths):
        column.set(_qn("w:w"), str(round(width * 20)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Pt(width)
    tblpr = table._tbl.tblPr
    for old in tblpr.findall(_qn("w:tblW")):
        tblpr.remove(old)
    tblpr.insert_element_before(_element("w:tblW", w=str(round(sum(widths) * 20)), type="dxa"), *_AFTER_TBLW)


def _cant_split(row: Any) -> None:
    row._tr.get_or_add_trPr().append(_element("w:cantSplit"))


def _data_table(word: Any, width: float, block: Table) -> None:
    """A table in the Facilitate Table style, its header row repeated on every page.

    Columns are as wide as the PDF's (layout.tables), so no word has to break.
    """
    header, rows = block.header, block.rows
    columns = len(header)
    table = word.add_table(rows=1 + len(rows), cols=columns)
    _set_table_style(table, TABLE_STYLE)
    look = table._tbl.tblPr.find(_qn("w:tblLook"))
    if look is None:
        look = _element("w:tblLook")
        table._tbl.tblPr.insert_element_before(look, *_AFTER_TBLLOOK)
    for key, value in (("val", "04A0"), ("firstRow", "1"), ("lastRow", "0"), ("firstColumn", "0"), ("lastColumn", "0"),
                       ("noHBand", "0"), ("noVBand", "1")):
        look.set(_qn(f"w:{key}"), value)
    _widths(table, column_widths(block, width, WORD_SLACK))
    head = table.rows[0]
    head._tr.get_or_add_trPr().append(_element("w:tblHeader"))
    for cell, text in zip(head.cells, header):
        cell.text = text
    for row, texts in zip(table.rows[1:], rows):
        for cell, text in zip(row.cells, list(texts) + [""] * (columns - len(texts))):
            _cell_text(cell, text)
    word.add_paragraph()


def _cell_text(cell: Any, text: str) -> None:
    """A cell's text, its lines as paragraphs; an empty cell stays open to write in."""
    lines = text.split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _box(cell: Any, space: Any) -> None:
    """A box to write in: its label, what is known, then lines to write on."""
    first = cell.paragraphs[0]
    first.text = space.label
    _set_style(first, "Box Label Accent" if space.accent else "Box Label")
    for item in space.items:
        _add(cell, item, "List Bullet")
    for _ in range(max(space.lines, 1)):
        _add(cell, "", "Writing Line")


def _card(cell: Any, card: Any) -> None:
    title = cell.paragraphs[0]
    title.text = card.title
    _set_style(title, "Heading 3")
    for prompt in card.prompts:
        _add(cell, prompt.label, "Box Label")
        if prompt.question:
            _add(cell, prompt.question, "Small")
        for _ in range(3):
            _add(cell, "", "Writing Line")
    if card.footer:
        _add(cell, str(card.footer), "Small")


# --- charts as pictures ----------------------------------------------------------------------


def _picture(word: Any, shapes: figure.Figure) -> None:
    """The figure as a PNG the width of the text, with its description as alt text."""
    from docx.shared import Pt

    word.add_picture(io.BytesIO(figure_png(shapes)), width=Pt(shapes.width))
    inline = word.inline_shapes[-1]._inline
    inline.docPr.set("descr", shapes.description)
    inline.docPr.set("title", shapes.description[:60])


def figure_png(shapes: figure.Figure, dpi: int = DPI) -> bytes:
    """A layout figure drawn with Pillow (the same shapes the PDF draws), as PNG bytes."""
    from PIL import Image, ImageDraw, ImageFont

    from facilitate.layout import figure as kinds

    scale = dpi / 72
    width, height = round(shapes.width * scale), round(shapes.height * scale)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)

    def at(x: float, y: float) -> tuple[float, float]:
        return x * scale, (shapes.height - y) * scale

    loaded: dict[tuple[bool, int], Any] = {}

    def font(bold: bool, size: float) -> Any:
        key = (bold, round(size * scale))
        if key not in loaded:
            # The basic engine draws characters in the order given: labels come already ordered by layout.bidi
            # (the Raqm engine, where installed, would reorder right-to-left text a second time).
            loaded[key] = ImageFont.truetype(str(fonts.font_path("bold" if bold else "regular")), key[1],
                                             layout_engine=ImageFont.Layout.BASIC)
        return loaded[key]

    for shape in shapes.shapes:
        if isinstance(shape, kinds.Line):
            points = [at(*point) for point in shape.points]
            for a, b in _dashes(points, [d * scale for d in shape.dash]):
                draw.line([a, b], fill=shape.colour, width=max(1, round(shape.width * scale)))
        elif isinstance(shape, kinds.Polygon):
            draw.polygon([at(*point) for point in shape.points], fill=shape.fill)
        elif isinstance(shape, kinds.Circle):
            x, y = at(shape.x, shape.y)
            r = shape.radius * scale
            draw.ellipse([x - r, y - r, x + r, y + r], fill=shape.fill, outline=shape.stroke or shape.fill,
                         width=max(1, round(shape.stroke_width * scale)))
        elif isinstance(shape, kinds.Rect):
            x0, y0 = at(shape.x, shape.y + shape.height)
            x1, y1 = at(shape.x + shape.width, shape.y)
            draw.rectangle([x0, y0, x1, y1], fill=shape.fill)
        elif isinstance(shape, kinds.Text):
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.anchor]
            draw.text(at(shape.x, shape.y), bidi.visual(shape.text), fill=shape.colour, font=font(shape.bold, shape.size), anchor=anchor)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False, compress_level=6)
    return out.getvalue()


def _dashes(points: Sequence[tuple[float, float]], pattern: Sequence[float]) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """A polyline as segments: all of it when solid, the dashes of ``pattern`` (on, off, ...) when dashed."""
    pairs = list(zip(points, points[1:]))
    if not pattern:
        return pairs
    out = []
    index, left, on = 0, pattern[0], True
    for (x0, y0), (x1, y1) in pairs:
        length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        done = 0.0
        while done < length - 1e-9:
            step = min(left, length - done)
            if on:
                a, b = done / length, (done + step) / length
                out.append(((x0 + (x1 - x0) * a, y0 + (y1 - y0) * a), (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b)))
            done += step
            left -= step
            if left <= 1e-9:
                index = (index + 1) % len(pattern)
                left, on = pattern[index], not on
    return out
