"""A reportlab canvas whose pages go to the file as each one ends, so memory stays flat.

reportlab keeps every finished page (with its content stream) until ``save()`` and then
builds the whole file in memory. For a 10,000-card deck that grows with the deck. Here
the document writes each page and its content stream to the output the moment the page
ends, keeping only its object number, and writes the shared objects (fonts, forms, the
page tree, the outline) at the end as usual. The bytes are those of an ordinary PDF with
a cross-reference table; objects are simply in a different order in the file.

This leans on reportlab's document internals (``PDFDocument.Reference``, ``format``,
``PDFPages.pages``), stable across reportlab 3 and 4; the tests check the output with
qpdf and pypdf.
"""

from __future__ import annotations

import functools
from typing import BinaryIO


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

    canvas = Canvas(handle, pagesize=pagesize, invariant=invariant, pageCompression=compression, initialFontName=font)
    canvas._doc = _document_class()(
        handle, compression=compression, invariant=invariant, filename=handle, pdfVersion=pdfdoc.PDF_VERSION_DEFAULT
    )
    canvas._make_preamble()  # again, against the new document
    return canvas
