"""The reportlab kit shared by the PDF renderers: fonts, colours, fixed dates, text lines,
and the one place that reaches into reportlab's internals.

Internals (kept here, and only here, checked against the versions tested):

- a canvas whose pages go to the file as each one ends, so memory stays flat: reportlab
  keeps every finished page until ``save()`` and builds the whole file in memory; here the
  document writes each page and its content stream the moment the page ends, keeping only
  its object number (``PDFDocument.Reference``, ``format``, ``PDFPages.pages``);
- the document's timestamp set from ``source_date_epoch()`` (``TimeStamp`` fields).

The bytes are those of an ordinary PDF with a cross-reference table; the tests check the
output with qpdf and pypdf, and CI runs them at the oldest and newest reportlab allowed.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable
from typing import Any, BinaryIO

from facilitate.layout import bidi, fonts, textfit
from facilitate.model.theme import rgb_fractions
from facilitate.output import source_date_epoch

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
#: The font a weight is drawn in.
FONTS = {"regular": REGULAR, "bold": BOLD}
#: The reportlab releases this module's internals were written for and tested with.
TESTED = ((4, 1), (5, 1))


def check_version() -> None:
    """Refuse, with a clear message, a reportlab whose internals this module has not been tested with."""
    from importlib.metadata import version

    from facilitate.errors import ExportError

    found = version("reportlab")
    major_minor = tuple(int(part) for part in found.split(".")[:2])
    if not TESTED[0] <= major_minor <= TESTED[1]:
        raise ExportError(
            f"reportlab {found} is installed; facilitate's PDFs are tested with reportlab"
            f" {TESTED[0][0]}.{TESTED[0][1]} to {TESTED[1][0]}.{TESTED[1][1]}.x (pip install 'reportlab>={TESTED[0][0]}.{TESTED[0][1]},<{TESTED[1][0] + 1}')"
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


def fill(canvas: Any, value: str) -> None:
    canvas.setFillColorRGB(*rgb_fractions(value))


def stroke(canvas: Any, value: str) -> None:
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
    baseline = top - fonts.metrics(weight).ascent * size
    measure = fonts.metrics(weight).width
    out = canvas.beginText()
    out.setFont(FONTS[weight], size)
    out.setFillColorRGB(*rgb_fractions(colour_value))
    for line in text.lines:
        if align == "right":
            x = left + width - measure(line, size)
        elif align == "centre":
            x = left + (width - measure(line, size)) / 2
        else:
            x = left
        out.setTextOrigin(x, baseline)
        out.textOut(bidi.visual(line))
        baseline -= size * text.leading
    canvas.drawText(out)


def draw_strings(canvas: Any, lines: Iterable[tuple[float, float, str]], weight: str, size: float, colour_value: str) -> None:
    """Draw each (x, baseline, text) in one text object."""
    out = canvas.beginText()
    out.setFont(FONTS[weight], size)
    out.setFillColorRGB(*rgb_fractions(colour_value))
    for x, y, line in lines:
        out.setTextOrigin(x, y)
        out.textOut(bidi.visual(line))
    canvas.drawText(out)


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
    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    canvas = Canvas(handle, pagesize=pagesize, invariant=invariant, pageCompression=compression, initialFontName=font)
    canvas._doc = _document_class()(
        handle, compression=compression, invariant=invariant, filename=handle, pdfVersion=pdfdoc.PDF_VERSION_DEFAULT
    )
    canvas._make_preamble()  # again, against the new document
    return canvas
