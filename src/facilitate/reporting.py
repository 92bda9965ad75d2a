"""The report on how a day went (``facilitate report``), drawn by the document renderers.

The words and the chart come from layout.timings.day_report; this module only picks the
renderer for the file type: PDF (handout_pdf), Word (docx), HTML or Markdown (the document
templates), as ``facilitate build`` does for the pack's documents.
"""

from __future__ import annotations

from facilitate.errors import FacilitateError
from facilitate.model.theme import DEFAULT_THEME, Theme
from facilitate.model.timings import DayRecord

#: File suffix → what it is, for messages.
SUFFIXES = {".pdf": "PDF", ".docx": "Word", ".html": "HTML", ".md": "Markdown"}


def render_report(record: DayRecord, suffix: str, paper: str = "a4", theme: Theme = DEFAULT_THEME, where: str = "report") -> bytes:
    """The report as the bytes of a ``suffix`` file (".pdf", ".html" or ".md")."""
    from facilitate.layout.timings import day_report

    doc = day_report(record)
    if suffix == ".pdf":
        from facilitate.exporters import handout_pdf

        return handout_pdf.render(doc, theme, paper, where)
    if suffix == ".docx":
        from facilitate.exporters import docx
        from facilitate.layout import fonts

        return docx.render(fonts.cleaned(doc), theme, paper)
    if suffix in (".html", ".md"):
        from facilitate.exporters._jinja import render

        kind = suffix.lstrip(".")
        return render(kind, f"document.{kind}.j2", None, doc.labels, doc=doc, theme=theme).encode("utf-8")
    raise FacilitateError(f"{where}: cannot write a report as {suffix or 'a file with no suffix'}; use .pdf, .docx, .html or .md")
