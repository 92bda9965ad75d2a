"""Every document of the pack as a PDF (reportlab), on A4 or Letter.

The documents are the pack's one list (layout.documents): run-sheet, participant
handout, a turn-the-curve worksheet per curve, a self-assessment per rubric, a poster and
a worksheet per question ladder, and reflection cards. Each is planned for the paper by
``layout.print_plan`` (tables, boxes, charts, the poster and the cut-out cards fitted
with the bundled font's metrics) before anything is drawn; the modules of this package
only draw the plan:

- ``page``: the page template, running header and "page N of M";
- ``style``: the paragraph styles of flowing text;
- ``blocks``: the table from block type to drawing, and keeping headings with what follows;
- ``tables``, ``boxes``, ``charts``, ``poster``, ``cutcards``: one kind of drawing each.

Output is deterministic: reportlab's invariant mode and ``source_date_epoch()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitate.layout import fonts
from facilitate.layout.documents import pack_documents
from facilitate.layout.print_plan import PrintedDocument, plan_document
from facilitate.layout.properties import DocumentProperties, document_properties
from facilitate.model.theme import DEFAULT_THEME, Theme
from facilitate.exporters import builtin
from facilitate.options import BuildOptions, PaperOptions
from facilitate.output import Output

if TYPE_CHECKING:
    from facilitate.layout.document import Document
    from facilitate.model import SessionPack

name, description, options = builtin('handouts')


def outputs(pack: SessionPack, options: BuildOptions) -> list[Output]:
    """Every document as a PDF; it is planned now, so content that cannot fit fails before any write."""
    paper = options[PaperOptions].paper
    theme = pack.theme
    if not fonts.check_model_glyphs(pack):
        return []  # (validate) each document would only repeat the problems just noted, without their fields
    planned = {
        f"{entry.stem}.pdf": (
            plan(entry.document, f"{entry.stem}.pdf", theme, paper),
            properties(entry.document, entry.stem, pack),
        )
        for entry in pack_documents(pack)
    }
    return [
        Output(file_name, lambda handle, printed=printed, said=said: handle.write(draw(printed, theme, said)))
        for file_name, (printed, said) in planned.items()
    ]


def properties(doc: Document, stem: str, pack: SessionPack) -> DocumentProperties:
    """What a document's PDF says about itself: its title, the organisation running the session, its language."""
    kind = stem.split("-")[0].replace("runsheet", "run-sheet")
    return document_properties(doc.title, str(doc.subtitle), kind, pack.theme, pack.session, doc.labels)


def plan(doc: Document, where: str, theme: Theme = DEFAULT_THEME, paper: str = "a4") -> PrintedDocument:
    """``doc`` checked against the font (a character it lacks is an error naming it) and planned for ``paper``."""
    return plan_document(fonts.printable_document(doc, where), paper, theme, where)


def draw(printed: PrintedDocument, theme: Theme = DEFAULT_THEME, said: DocumentProperties | None = None) -> bytes:
    """A planned document as PDF bytes (saying ``said`` about itself: title, author, language...)."""
    from facilitate.exporters._reportlab import register_fonts
    from facilitate.exporters.handout_pdf import blocks, page

    register_fonts()
    return page.build(printed, blocks.Drawer(printed, theme).story(), theme, said)


def render(doc: Document, theme: Theme = DEFAULT_THEME, paper: str = "a4", where: str = "") -> bytes:
    """``doc`` as PDF bytes on ``paper`` paper."""
    return draw(plan(doc, where or doc.title, theme, paper), theme)
