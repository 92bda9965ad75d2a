"""A document's outline: headings numbered with no level skipped, whatever levels the layout drew them at."""

from __future__ import annotations

from facilitate.layout.document import Bullets, Document, Heading, Paragraph
from facilitate.layout.documents import pack_documents
from facilitate.loaders import library


def test_levels_skipped_under_the_title_close_up_and_the_rest_stay():
    blocks = (
        Paragraph("lead"),
        Heading("1. Yes/no", 3),
        Paragraph("about"),
        Heading("2. Which", 3),
        Heading("Take care", 2),
        Bullets(("a",)),
        Heading("Agenda", 2),
        Heading("09:00 Welcome", 3),
        Heading("Results by wave", 3),
    )
    assert Document("T", "s", blocks).outline == (0, 2, 0, 2, 2, 0, 2, 3, 3)


def test_the_ladder_worksheets_rungs_sit_straight_under_the_title():
    ladder = next(entry.document for entry in pack_documents(library.load(None)) if entry.stem.startswith("ladder-worksheet-"))
    rungs = [level for block, level in zip(ladder.blocks, ladder.outline) if isinstance(block, Heading) and block.level == 3]
    assert rungs and set(rungs) == {2}  # drawn as level-3 headings, numbered 2 under the title
