"""The reportlab kit shared by the PDF renderers: fonts, colours, fixed dates, text lines,
and the one place that reaches into reportlab's internals.

Internals (kept here, and only here, checked against the versions tested):

- a canvas whose pages go to the file as each one ends, so memory stays flat: reportlab
  keeps every finished page until ``save()`` and builds the whole file in memory; here the
  document writes each page and its content stream the moment the page ends, keeping only
  its object number (``PDFDocument.Reference``, ``format``, ``PDFPages.pages``);
- the document's timestamp set from ``source_date_epoch()`` (``TimeStamp`` fields);
- the document's properties (an ``Info`` that leaves out an unknown author rather than
  write "anonymous"), the catalog's output intent, and marked content round a picture
  for its alt text (``PDFInfo``, ``PDFCatalog.__NoDefault__``, ``Canvas._code``).

Colours: every renderer sets them through :func:`fill` and :func:`stroke` (and
:func:`draw_lines`), which write RGB, or CMYK on a canvas marked by :func:`use_cmyk`.

The bytes are those of an ordinary PDF with a cross-reference table; the tests check the
output with qpdf and pypdf, and CI runs them at the oldest and newest reportlab allowed.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable
from typing import Any, BinaryIO

from facilitate.layout import bidi, fonts, textfit
from facilitate.layout.properties import DocumentProperties
from facilitate.model.theme import cmyk_fractions, rgb_fractions
from facilitate.output import source_date_epoch

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
#: The font a weight is drawn in.
FONTS = {"regular": REGULAR, "bold": BOLD}
#: The reportlab releases this module's internals are tested with: the range pyproject.toml
#: allows (a test keeps the two equal; CI runs the lowest and the newest).
TESTED = ((4, 0, 9), (6,))
#: Every PDF facilitate writes is this version: 1.7 (ISO 32000-1) carries the duplex and
#: print-scaling hints card sheets give the print dialogue.
PDF_VERSION = (1, 7)
#: The printing condition a CMYK file is prepared for: offset printing on coated paper,
#: characterised as FOGRA39 in the ICC's registry (what European print shops expect).
OUTPUT_CONDITION = "FOGRA39"
OUTPUT_CONDITION_NAME = "Coated FOGRA39 (ISO 12647-2:2004)"
OUTPUT_REGISTRY = "http://www.color.org"


def check_version() -> None:
    """Refuse, with a clear message, a reportlab whose internals this module has not been tested with."""
    from facilitate.errors import ExportError
    from facilitate.exporters._versions import within

    ok, found = within("reportlab", TESTED)
    if not ok:
        lowest = ".".join(map(str, TESTED[0]))
        raise ExportError(
            f"reportlab {found} is installed; facilitate's PDFs are tested with reportlab {lowest} up to"
            f" (not including) {TESTED[1][0]} (pip install 'reportlab>={lowest},<{TESTED[1][0]}')"
        )


@functools.cache
def register_fonts() -> None:
    """Register the bundled DejaVu Sans (regular, bold) with reportlab, once per process; embedded, subset."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    check_version()
    pdfmetrics.registerFont(TTFont(REGULAR, str(fonts.font_path("regular"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(fonts.font_path("bold"))))
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, name)


@functools.lru_cache(maxsize=256)
def colour(value: str) -> Any:
    """A reportlab colour for ``#rrggbb``."""
    from reportlab.lib.colors import Color

    return Color(*rgb_fractions(value))


def use_cmyk(canvas: Any) -> None:
    """From now on every colour set through this module goes on ``canvas`` as CMYK."""
    canvas._facilitate_cmyk = True


def is_cmyk(canvas: Any) -> bool:
    return bool(getattr(canvas, "_facilitate_cmyk", False))


def _fill(target: Any, value: str, cmyk: bool) -> None:
    if cmyk:
        target.setFillColorCMYK(*cmyk_fractions(value))
    else:
        target.setFillColorRGB(*rgb_fractions(value))


def fill(canvas: Any, value: str) -> None:
    _fill(canvas, value, is_cmyk(canvas))


def stroke(canvas: Any, value: str) -> None:
    if is_cmyk(canvas):
        canvas.setStrokeColorCMYK(*cmyk_fractions(value))
    else:
        canvas.setStrokeColorRGB(*rgb_fractions(value))


def pdf_date() -> str:
    """``source_date_epoch()`` as a PDF date string (UTC)."""
    return time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime(source_date_epoch()))


def fix_canvas_dates(canvas: Any) -> None:
    """The canvas writes ``source_date_epoch()`` as its creation and modification dates."""
    fixed = pdf_date()
    canvas.setDateFormatter(lambda *_: fixed)


def fixed_timestamp() -> Any:
    """reportlab's document timestamp set to ``source_date_epoch()`` (UTC), for platypus documents."""
    from reportlab.pdfbase.pdfdoc import TimeStamp

    stamp = TimeStamp(invariant=1)
    stamp.t = source_date_epoch()
    stamp.lt = time.gmtime(stamp.t)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp


def draw_lines(
    canvas: Any,
    text: textfit.Fitted,
    weight: str,
    colour_value: str,
    left: float,
    top: float,
    width: float = 0.0,
    align: str = "left",
) -> None:
    """Draw fitted lines, the first line's top at ``top``: one text object for them all.

    ``align`` is left, centre or right within ``width``.
    """
    if not text.lines:
        return
    size = text.size
    metrics = fonts.metrics(weight)
    baseline = top - metrics.ascent * size
    measure = metrics.width
    placed = []
    for line in text.lines:
        if align == "right":
            x = left + width - measure(line, size)
        elif align == "centre":
            x = left + (width - measure(line, size)) / 2
        else:
            x = left
        placed.append((x, baseline, line))
        baseline -= size * text.leading
    _draw_text(canvas, placed, weight, size, colour_value)


def draw_strings(canvas: Any, lines: Iterable[tuple[float, float, str]], weight: str, size: float, colour_value: str) -> None:
    """Draw each (x, baseline, text) in one text object."""
    _draw_text(canvas, lines, weight, size, colour_value)


def _draw_text(canvas: Any, lines: Iterable[tuple[float, float, str]], weight: str, size: float, colour_value: str) -> None:
    """One text object: each (x, baseline, text) in the font of ``weight`` at ``size``, in ``colour_value``.

    The operators are written straight into the page, exactly as reportlab's text object
    writes them for a TrueType font (``beginText``, ``setFillColor``, ``setFont``, then
    ``setTextOrigin`` and ``textOut`` per line, ``drawText``), without the work reportlab
    does per line that a text object drawn once does not need (the cursor's advance, font
    look-ups by name, the colour parsed again). Each text's subset codes and escaped bytes
    are remembered per canvas (reportlab's subset assignment never changes a character
    once given), so a footer repeated on 10,000 cards is encoded once.
    """
    from reportlab.lib.rl_accel import fp_str

    kit = _text_kit(canvas)
    set_font = kit.sizes.get(size)
    if set_font is None:
        set_font = kit.sizes[size] = f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL"
    code = ["BT 1 0 0 1 0 0 Tm", kit.fill(colour_value)]
    append = code.append
    current = -1
    shown = kit.shown[weight]
    for x, y, line in lines:
        append(f"1 0 0 1 {fp_str(x, y)} Tm")
        parts = shown.get(line)
        if parts is None:
            parts = kit.encode(weight, line)
        out = []
        for subset, name, escaped in parts:
            if subset != current:
                out.append(f"{name} {set_font}")
                current = subset
            out.append(escaped)
        append(" ".join(out))
    append("ET")
    canvas._code.append(" ".join(code))


class _TextKit:
    """What drawing text on one canvas remembers: its fonts, the operators of each colour, each text's encoding."""

    #: Texts remembered per weight, at most: a 10,000-card deck's prompts are each drawn once.
    LIMIT = 20_000

    def __init__(self, canvas: Any) -> None:
        from reportlab.pdfbase import pdfmetrics

        self.canvas = canvas
        self.fonts = {weight: pdfmetrics.getFont(name) for weight, name in FONTS.items()}
        self.fills: dict[str, str] = {}
        #: The operands that set a size (and its leading, 1.2 times it), as reportlab writes them.
        self.sizes: dict[float, str] = {}
        self.shown: dict[str, dict[str, list[tuple[int, str, str]]]] = {weight: {} for weight in FONTS}

    def fill(self, value: str) -> str:
        """The operator that sets ``value`` as the fill colour inside a text object, as reportlab writes it."""
        cmyk = is_cmyk(self.canvas)
        key = f"{value} {cmyk}"
        found = self.fills.get(key)
        if found is None:
            probe = self.canvas.beginText()
            _fill(probe, value, cmyk)
            found = self.fills[key] = " ".join(probe._code[2:])
        return found

    def encode(self, weight: str, line: str) -> list[tuple[int, str, str]]:
        """``line`` as drawn: each run of one subset with the subset's font name and its escaped ``Tj``."""
        canvas, font = self.canvas, self.fonts[weight]
        document = canvas._doc
        parts = [
            (subset, font.getSubsetInternalName(subset, document), f"({canvas._escape(chunk)}) Tj")
            for subset, chunk in font.splitString(bidi.visual(line), document)
        ]
        shown = self.shown[weight]
        if len(shown) >= self.LIMIT:
            shown.clear()  # bounded: memory stays flat however long the deck
        shown[line] = parts
        return parts


def _text_kit(canvas: Any) -> _TextKit:
    kit: _TextKit | None = getattr(canvas, "_facilitate_text", None)
    if kit is None:
        kit = canvas._facilitate_text = _TextKit(canvas)
    return kit


# --- what the document says about itself ----------------------------------------------------


@functools.cache
def _info_class() -> type:
    from reportlab.pdfbase import pdfdoc

    class Info(pdfdoc.PDFInfo):
        """reportlab's document information, without an Author or Keywords entry when there is none."""

        def format(self, document: Any) -> bytes:
            entries = {
                "Title": pdfdoc.PDFString(self.title),
                "Author": pdfdoc.PDFString(self.author) if self.author else None,
                "Subject": pdfdoc.PDFString(self.subject),
                "Keywords": pdfdoc.PDFString(self.keywords) if self.keywords else None,
                "Creator": pdfdoc.PDFString(self.creator),
                "Producer": pdfdoc.PDFString(self.producer),
                "Trapped": pdfdoc.PDFName(self.trapped),
            }
            entries["ModDate"] = entries["CreationDate"] = pdfdoc.PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter)
            return pdfdoc.PDFDictionary({key: value for key, value in entries.items() if value is not None}).format(document)

    return Info


def set_properties(canvas: Any, properties: DocumentProperties) -> None:
    """Title, author, subject, keywords and language in the file; the viewer shows the title, not the file name."""
    from reportlab.pdfbase import pdfdoc

    document = canvas._doc
    info = _info_class()()
    info.__dict__.update(document.info.__dict__)
    document.info = info
    canvas.setTitle(properties.title)
    canvas.setAuthor(properties.author)
    canvas.setSubject(properties.subject)
    canvas.setKeywords(", ".join(properties.keywords))
    canvas.setCreator("facilitate")
    document.Catalog.Lang = pdfdoc.PDFString(properties.language)
    canvas.setViewerPreference("DisplayDocTitle", "true")


def add_output_intent(canvas: Any) -> None:
    """Name the printing condition the CMYK colours are for (FOGRA39, from the ICC registry) as the output intent.

    No ICC profile is embedded: the identifier names a registered characterisation, which
    print shops' software knows; facilitate does not claim PDF/X conformance.
    """
    from reportlab.pdfbase import pdfdoc

    catalog = canvas._doc.Catalog
    intent = pdfdoc.PDFDictionary({
        "Type": pdfdoc.PDFName("OutputIntent"),
        "S": pdfdoc.PDFName("GTS_PDFX"),
        "OutputConditionIdentifier": pdfdoc.PDFString(OUTPUT_CONDITION),
        "OutputCondition": pdfdoc.PDFString(OUTPUT_CONDITION_NAME),
        "RegistryName": pdfdoc.PDFString(OUTPUT_REGISTRY),
        "Info": pdfdoc.PDFString(OUTPUT_CONDITION_NAME),
    })
    catalog.OutputIntents = pdfdoc.PDFArray([intent])
    # The catalog writes only the keys it knows: this one catalog learns one more.
    catalog.__NoDefault__ = [*type(catalog).__NoDefault__, "OutputIntents"]


def begin_figure(canvas: Any, alt: str) -> None:
    """Start a picture's marked content, with its alt text (``/Figure <</Alt (...)>> BDC``); end it with :func:`end_figure`."""
    from reportlab.pdfbase import pdfdoc

    canvas._code.append(f"/Figure <</Alt {pdfdoc.PDFString(alt).format(canvas._doc).decode('latin-1')}>> BDC")


def end_figure(canvas: Any) -> None:
    canvas._code.append("EMC")


# --- a canvas that streams its pages -------------------------------------------------------


@functools.cache
def _document_class():
    from reportlab import rl_config
    from reportlab.pdfbase import pdfdoc

    class Written(pdfdoc.PDFObject):
        """Stands in for an object already written to the file (only its name is kept)."""

        def __init__(self, name: str) -> None:
            setattr(self, pdfdoc.__InternalName__, name)

        def format(self, document):  # pragma: no cover - never formatted twice
            raise AssertionError("an object already written to the file was formatted again")

    class StreamingFile(pdfdoc.PDFFile):
        """reportlab's output collector, writing to the handle instead of a list."""

        def __init__(self, handle: BinaryIO, pdf_version) -> None:
            self.handle = handle
            self.offset = 0
            self.strings = None
            self.write = handle.write
            # The same header as reportlab's: the version, then bytes marking the file as binary.
            self.add(pdfdoc.pdfdocEnc("%%PDF-%s.%s" % pdf_version) + b"\n%\223\214\213\236 ReportLab Generated PDF document (opensource)\n")

        def format(self, document) -> bytes:
            return b""

    class StreamingDocument(pdfdoc.PDFDocument):
        """A PDFDocument that writes each page, with its content stream, as soon as it is added."""

        def __init__(self, handle: BinaryIO, **options) -> None:
            super().__init__(**options)
            self._out = StreamingFile(handle, self._pdfVersion)
            self._written: set[str] = set()

        def _write_object(self, name: str) -> None:
            # Streams are Flate-compressed without reportlab's default ASCII85 layer on
            # top, which only makes the file a quarter bigger and slower to write.
            saved, rl_config.useA85 = rl_config.useA85, 0
            try:
                data = pdfdoc.PDFIndirectObject(name, self.idToObject[name]).format(self)
            finally:
                rl_config.useA85 = saved
            self.idToOffset[name] = self._out.add(data)

        def _emit(self, name: str) -> None:
            self._write_object(name)
            self._written.add(name)
            self.idToObject[name] = Written(name)

        def addPage(self, page) -> None:
            super().addPage(page)
            name = getattr(page, pdfdoc.__InternalName__)
            before = self.objectcounter
            self._emit(name)
            self.Pages.pages[-1] = self.idToObject[name]
            # Formatting the page registered its content stream (and, the first time, the
            # page tree, which must wait for the end): write the streams now too.
            for number in range(before + 1, self.objectcounter + 1):
                new = self.numberToId[number]
                if isinstance(self.idToObject[new], pdfdoc.PDFStream):
                    self._emit(new)

        def format(self) -> bytes:
            """Write the objects not yet written, the cross-reference table and the trailer."""
            if self.encrypt.info():
                raise NotImplementedError("streamed PDFs are not encrypted")
            self.encrypt.prepare(self)
            self.Reference(self.Catalog)
            self.Reference(self.info)
            out = self._out
            ids = []
            counter = 0
            while True:  # objects may register more objects while being formatted
                counter += 1
                if counter not in self.numberToId:
                    break
                name = self.numberToId[counter]
                if name not in self._written:
                    self._write_object(name)
                ids.append(name)
            if counter - 1 != len(self.numberToId):
                raise ValueError("object numbers are not contiguous")
            xref = pdfdoc.PDFCrossReferenceTable()
            xref.addsection(0, ids)
            start = out.add(xref.format(self))
            trailer = pdfdoc.PDFTrailer(
                startxref=start,
                Size=len(self.numberToId) + 1,
                Root=self.Reference(self.Catalog),
                Info=self.Reference(self.info),
                Encrypt=None,
                ID=self.ID(),
            )
            out.add(trailer.format(self))
            return b""

    return StreamingDocument


def streaming_canvas(handle: BinaryIO, pagesize: tuple[float, float], font: str, invariant: int = 1, compression: int = 1):
    """A reportlab Canvas writing to ``handle`` page by page (call ``save()`` to finish the file).

    ``font`` (a registered TTF) is the canvas's initial font, so no unembedded standard
    font such as Helvetica is ever named in the file.
    """
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    canvas = Canvas(handle, pagesize=pagesize, invariant=invariant, pageCompression=compression, initialFontName=font)
    canvas._doc = _document_class()(
        handle, compression=compression, invariant=invariant, filename=handle, pdfVersion=PDF_VERSION
    )
    canvas._make_preamble()  # again, against the new document
    return canvas


def draw_picture(
    canvas: Any,
    path: str,
    box: tuple[float, float, float, float],
    what: str,
    anchor: str = "c",
    *,
    crop: bool = False,
    dpi: float | None = None,
    ground: str = "#ffffff",
    alt: str | None = None,
) -> None:
    """An image in ``box`` (x, y from the bottom, width, height), at the resolution it is printed at.

    Whole and placed by ``anchor`` as reportlab does (c: centre, e: right...), or with
    ``crop`` cut evenly to fill the box exactly (never stretched). ``dpi`` caps its
    resolution (default: images.PRINT_DPI). On a CMYK canvas the pixels are CMYK too,
    transparent parts on ``ground``. ``alt`` tags it as a figure with that alt text. A
    picture that cannot be drawn is an ExportError naming ``what``.
    """
    import io

    from reportlab.lib.utils import ImageReader

    from facilitate.errors import ExportError
    from facilitate.images import PRINT_DPI, ImageProblem, pixel_size, prepared
    from facilitate.layout.picture import contain, cover

    try:
        pixels = pixel_size(path)
        placed = cover(pixels, box) if crop else contain(pixels, box)
        data = prepared(path, placed.width, placed.height, dpi or PRINT_DPI, placed.crop.as_tuple()).data
    except ImageProblem as problem:
        raise ExportError(f"{what}: the image {path!r} {problem}") from None
    except OSError as error:
        raise ExportError(f"{what}: cannot read the image {path!r}: {error.strerror or error}") from None
    image: Any = io.BytesIO(data)
    if is_cmyk(canvas):
        image = _cmyk_pixels(data, ground)
    if alt is not None:
        begin_figure(canvas, alt)
    canvas.drawImage(ImageReader(image), *box, preserveAspectRatio=not crop, anchor=anchor, mask="auto")
    if alt is not None:
        end_figure(canvas)


def _cmyk_pixels(data: bytes, ground: str) -> Any:
    """Image bytes as a Pillow CMYK image: transparent parts on ``ground``, then black taken out
    first, by the same formula as every flat colour (model.theme.cmyk_fractions)."""
    import io

    from PIL import Image, ImageChops, ImageMath

    from facilitate.model.theme import rgb

    with Image.open(io.BytesIO(data)) as opened:
        rgba = opened.convert("RGBA")
    flat = Image.new("RGB", rgba.size, rgb(ground))
    flat.paste(rgba, mask=rgba.getchannel("A"))
    red, green, blue = flat.split()
    lightest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    black = ImageChops.invert(lightest)
    if hasattr(ImageMath, "lambda_eval"):  # Pillow 10.3 and later

        def ink(channel: Any) -> Any:
            return ImageMath.lambda_eval(lambda v: (v["top"] - v["c"]) * 255 / v["top"], top=lightest, c=channel)
    else:  # Pillow 10.0 to 10.2

        def ink(channel: Any) -> Any:
            return ImageMath.eval("(top - c) * 255 / top", top=lightest, c=channel)

    inks = [ink(channel).convert("L") for channel in (red, green, blue)]
    return Image.merge("CMYK", (*inks, black))
