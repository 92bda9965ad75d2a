"""Printed pages: paper, margins, the frame text flows in, the running header, the type sizes.

Pure geometry in points, PDF convention (origin at the bottom-left). The PDF renderer
draws what is decided here; the Word renderer reads the same paper and type sizes.
"""

from __future__ import annotations

import re

import attrs

from facilitate.labels import ENGLISH, Labels
from facilitate.layout import compose, textfit
from facilitate.layout.compose import Composed
from facilitate.layout.units import length, paper
from facilitate.model.picture import Picture

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
#: Logos at the right of the running header: each fitted whole in a box this big.
HEAD_LOGO_WIDTH, HEAD_LOGO_HEIGHT = 48.0, 16.0
HEAD_LOGO_GAP = 6.0

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
class HeadLogo:
    """A logo in the running header: its picture and box (x from the frame's left edge, at the header's top)."""

    picture: Picture
    x: float
    width: float = HEAD_LOGO_WIDTH
    height: float = HEAD_LOGO_HEIGHT


@attrs.frozen
class Heads:
    """The running header's lines, fitted once per document: the title left, the subtitle right, then the logos."""

    left: textfit.Fitted
    right: textfit.Fitted
    logos: tuple[HeadLogo, ...] = ()
    #: Where the subtitle ends, from the frame's left edge (the logos are to its right).
    right_edge: float = 0.0


def running_heads(title: str | Composed, subtitle: str | Composed, width: float, logos: tuple[Picture, ...] = ()) -> Heads:
    """Title left, subtitle right, on at most two lines each; the title has what the subtitle leaves.

    Both are facilitate's own lines (the document's title repeated, when and where): they
    shrink, then shorten by the rule of layout.compose, and never fail. ``logos`` (the
    organisation's, the partner's) sit at the right end, the subtitle to their left.
    """
    logo_room = len(logos) * (HEAD_LOGO_WIDTH + HEAD_LOGO_GAP) + (HEADER_GAP - HEAD_LOGO_GAP if logos else 0.0)
    text_width = width - logo_room
    right = min(textfit.measure_with("regular")(str(subtitle), HEADER_SIZE) + 1, (text_width - HEADER_GAP) / 2)
    placed = tuple(
        HeadLogo(logo, text_width + HEADER_GAP + index * (HEAD_LOGO_WIDTH + HEAD_LOGO_GAP)) for index, logo in enumerate(logos)
    )
    return Heads(
        compose.fit(title, text_width - HEADER_GAP - right, 2, HEADER_SIZE, HEADER_FLOOR, "bold"),
        compose.fit(subtitle, right, 2, HEADER_SIZE, HEADER_FLOOR),
        placed,
        text_width,
    )


def page_number(number: int, total: int, labels: Labels = ENGLISH) -> str:
    """ "page 3 of 6" in the document's language."""
    return labels.gettext("page {number} of {total}").format(number=number, total=total)


def page_number_parts(labels: Labels = ENGLISH) -> tuple[str, ...]:
    """ "page {number} of {total}" as words and fields, for a word processor that counts the pages:
    ("page ", "PAGE", " of ", "NUMPAGES")."""
    fields = {"number": "PAGE", "total": "NUMPAGES"}
    pieces = re.split(r"\{(number|total)\}", labels.gettext("page {number} of {total}"))
    return tuple(fields.get(piece, piece) if index % 2 else piece for index, piece in enumerate(pieces) if piece)
