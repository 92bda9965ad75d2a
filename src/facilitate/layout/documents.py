"""The documents a pack makes, in one list that every document renderer draws.

HTML, Markdown, PDF and Word all render this list, each as its own file type, so a new
document appears in every format at once and every format says the same thing.
"""

from __future__ import annotations

import attrs

from facilitate.layout import worksheets
from facilitate.layout.document import Document, participant_handout, run_sheet
from facilitate.model.pack import SessionPack


@attrs.frozen
class PackDocument:
    """One document of the pack: its file name without the suffix, and its blocks."""

    stem: str
    document: Document


def pack_documents(pack: SessionPack) -> tuple[PackDocument, ...]:
    """Run-sheet, handout, a worksheet per curve, an assessment per rubric, the ladders, reflection cards."""
    found = [PackDocument("runsheet", run_sheet(pack)), PackDocument("handout", participant_handout(pack))]
    found += [PackDocument(f"worksheet-{curve.id}", worksheets.curve_worksheet(pack, curve)) for curve in pack.curves]
    found += [PackDocument(f"assessment-{rubric.id}", worksheets.assessment(pack, rubric)) for rubric in pack.rubrics]
    for ladder in pack.ladders:
        found.append(PackDocument(f"ladder-{ladder.id}", worksheets.ladder_poster(pack, ladder)))
        found.append(PackDocument(f"ladder-worksheet-{ladder.id}", worksheets.ladder_worksheet(pack, ladder)))
    if pack.reflections:
        found.append(PackDocument("reflection-cards", worksheets.reflection_cards(pack)))
    return tuple(found)
