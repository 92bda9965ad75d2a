"""QR codes as squares to draw: a web address made into modules by segno, merged into runs.

A renderer draws each run as a filled rectangle (PDF) or a contour of one shape (PowerPoint),
so the code is vector at any size. The quiet zone (four modules of white round the code,
which scanners need) is part of the size but not drawn: the code sits on a light ground.
"""

from __future__ import annotations

import functools

import attrs

from facilitate.layout import fonts, textfit

#: Modules of white round the code, as the QR standard asks.
QUIET = 4
#: Medium error correction: survives a crease or a smudge, keeps the code small.
ERROR = "m"
#: The smallest module that phone cameras read reliably at arm's length, in points (0.5 mm).
MIN_MODULE = 0.5 * 72 / 25.4


@attrs.frozen
class QrCode:
    """A web address as a QR code: its dark modules as runs along each row, in a square of ``size`` modules."""

    url: str
    #: Modules along each side, with the quiet zone.
    size: int
    #: (row, first column, length) of each run of dark modules; row 0 at the top, quiet zone included.
    runs: tuple[tuple[int, int, int], ...]

    def squares(self, x: float, y: float, side: float) -> tuple[tuple[float, float, float, float], ...]:
        """Each run as (x, y, width, height) in a ``side`` square whose lower-left corner is (x, y), y up."""
        module = side / self.size
        return tuple(
            (x + column * module, y + side - (row + 1) * module, length * module, module)
            for row, column, length in self.runs
        )

    def svg_path(self) -> str:
        """The dark modules as one SVG path, in modules from the top-left corner (quiet zone included)."""
        return "".join(f"M{column} {row}h{length}v1h-{length}z" for row, column, length in self.runs)

    def smallest_side(self) -> float:
        """The smallest square, in points, whose modules are still big enough to scan."""
        return self.size * MIN_MODULE


@functools.lru_cache(maxsize=256)
def qr_code(url: str) -> QrCode:
    """``url`` as a QR code (segno, medium error correction, never a Micro QR)."""
    import segno

    code = segno.make(url, error=ERROR, micro=False, boost_error=False)
    runs: list[tuple[int, int, int]] = []
    for row, cells in enumerate(code.matrix, start=QUIET):
        column = 0
        while column < len(cells):
            if cells[column]:
                start = column
                while column < len(cells) and cells[column]:
                    column += 1
                runs.append((row, start + QUIET, column - start))
            else:
                column += 1
    return QrCode(url, len(code.matrix) + 2 * QUIET, tuple(runs))


#: A link's label and address on paper.
LABEL_SIZE = 10.0
ADDRESS_SIZE = 9.0
#: The gap between the code and its label.
LINK_GAP = 8.0


@attrs.frozen
class LinkPlan:
    """A web address on paper: the code, a ``side`` square, the label beside it and the address under it."""

    code: QrCode
    side: float
    label: textfit.Fitted
    address: textfit.Fitted

    @property
    def height(self) -> float:
        return self.side + self.address.height


def plan_link(url: str, label: str, width: float) -> LinkPlan:
    """The code at its smallest readable size (at least 2 cm), the label wrapped beside it, the address under it."""
    code = qr_code(url)
    side = max(code.smallest_side(), 20 * 72 / 25.4)
    label_lines = textfit.wrap(fonts.printable(label), max(width - side - LINK_GAP, 1.0), LABEL_SIZE, fonts.metrics("bold").width) if label else []
    address = textfit.wrap_address(fonts.printable(url), width, ADDRESS_SIZE, fonts.metrics("regular").width)
    return LinkPlan(code, side, textfit.Fitted(LABEL_SIZE, tuple(label_lines)), textfit.Fitted(ADDRESS_SIZE, address))
