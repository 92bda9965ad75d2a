"""Printed pages: paper, margins, the frame text flows in, the running header, the type sizes.

Pure geometry in points, PDF convention (origin at the bottom-left). The PDF renderer
draws what is decided here; the Word renderer reads the same paper and type sizes.
"""

from __future__ import annotations

import attrs

from facilitate.layout import compose, textfit
from facilitate.layout.compose import Composed
from facilitate.layout.units import length, paper

MARGIN = length("15mm")
#: Margin of pages without running heads (posters, cut-out cards).
BARE_MARGIN = length("12mm")
#: Space above the frame for the running header, and below it for the footer.
HEADER = 26.0
FOOTER = 20.0
HEADER_SIZE, HEADER_FLOOR = 8.0, 6.0
#: The gap between the running title (left) and subtitle (right).
HEADER_GAP = 12.0
PAGE_NUMBER_SIZE = 8.0

#: Type sizes of printed documents, in points.
BODY = 9.5
CELL = 8.5
TITLE = 18.0


@attrs.frozen
class Frame:
    """The page and the frame inside it where the blocks flow."""

    page_width: float
    page_height: float
    margin: float
    #: The frame's lower-left corner and size.
    x: float
    y: float
    width: float
    height: float


def page_size(paper_name: str, orientation: str = "portrait") -> tuple[float, float]:
    """The page in points, width first; landscape turns it."""
    size = paper(paper_name)
    return (size.height, size.width) if orientation == "landscape" else (size.width, size.height)


def frame(paper_name: str, orientation: str = "portrait", running_heads: bool = True) -> Frame:
    """Where text flows on a page: inside the margins, below the header and above the footer."""
    width, height = page_size(paper_name, orientation)
    if running_heads:
        return Frame(width, height, MARGIN, MARGIN, MARGIN + FOOTER, width - 2 * MARGIN, height - 2 * MARGIN - HEADER - FOOTER)
    return Frame(width, height, BARE_MARGIN, BARE_MARGIN, BARE_MARGIN, width - 2 * BARE_MARGIN, height - 2 * BARE_MARGIN)


@attrs.frozen
class Heads:
    """The running header's lines, fitted once per document: the title left, the subtitle right."""

    left: textfit.Fitted
    right: textfit.Fitted


def running_heads(title: str | Composed, subtitle: str | Composed, width: float) -> Heads:
    """Title left, subtitle right, on at most two lines each; the title has what the subtitle leaves.

    Both are facilitate's own lines (the document's title repeated, when and where): they
    shrink, then shorten by the rule of layout.compose, and never fail.
    """
    right = min(textfit.measure_with("regular")(str(subtitle), HEADER_SIZE) + 1, (width - HEADER_GAP) / 2)
    return Heads(
        compose.fit(title, width - HEADER_GAP - right, 2, HEADER_SIZE, HEADER_FLOOR, "bold"),
        compose.fit(subtitle, right, 2, HEADER_SIZE, HEADER_FLOOR),
    )


def page_number(number: int, total: int) -> str:
    return f"page {number} of {total}"
