"""Card-sheet imposition as data: where each card's front and back go on the paper.

Like Squib's "sprues", the plan is separate from the card design: given the paper, the
card size, the bleed and the gutter it says how many rows and columns fit, where every
card's trim box (the cut edge) and bleed box (background drawn past the cut) sit, where
the crop marks go, and where each card's back goes for duplex printing, folding, or a
print shop's one-card-per-page file. Nothing here draws; lengths are points, with the
origin at the bottom-left corner of the page (PDF's convention). Rows count from the
top of the sheet, columns from the left.

Duplex mirroring follows how a sheet turns over. Flipped on its long edge, a portrait
sheet's columns swap sides (row r, column c backs onto row r, column cols-1-c); flipped
on its short edge its rows swap. A landscape sheet's long edge runs across, so there it
is the other way round. The printer rotates the page itself for short-edge binding, so
backs are always drawn upright.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from facilitate.errors import ExportError
from facilitate.layout.units import POINTS_PER, Size, to_mm
from facilitate.model.cards import CardDeck
from facilitate.model.session import Session

MM = POINTS_PER["mm"]
#: Nothing is drawn closer than this to the paper's edge, where a desktop printer cannot
#: print: not the cards, their bleed, nor their crop marks (0 for a borderless printer).
MARGIN = 5 * MM
#: Crop marks start this far from the card corner and are at most this long.
MARK_GAP = 1 * MM
MARK_LENGTH = 5 * MM
#: Marks between cards shorter than this (in a narrow gutter) are left out...
MARK_MIN = 1 * MM
#: ...but the marks outside the grid of cards, which show every cut, are never shorter
#: than this: a sheet holds fewer cards rather than lose them.
OUTER_MARK_MIN = 3 * MM
DUPLEX = ("long-edge", "short-edge", "none")
KINDS = ("sheet", "fold", "print-shop")
_EPS = 1e-6


@attrs.frozen
class Box:
    """A rectangle: lower-left corner, width and height, in points."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y + self.height

    def moved(self, dx: float, dy: float) -> Box:
        return Box(self.x + dx, self.y + dy, self.width, self.height)

    def grown(self, left: float, bottom: float, right: float, top: float) -> Box:
        """This box with each side pushed outwards by its own amount."""
        return Box(self.x - left, self.y - bottom, self.width + left + right, self.height + bottom + top)

    def clipped(self, other: Box) -> Box:
        """The part of this box inside ``other`` (assumed to overlap)."""
        x, y = max(self.x, other.x), max(self.y, other.y)
        return Box(x, y, min(self.right, other.right) - x, min(self.top, other.top) - y)

    def overlaps(self, other: Box) -> bool:
        """True if the insides overlap (touching edges do not count)."""
        return (
            self.x < other.right - _EPS
            and other.x < self.right - _EPS
            and self.y < other.top - _EPS
            and other.y < self.top - _EPS
        )

    def contains(self, other: Box) -> bool:
        return (
            other.x >= self.x - _EPS
            and other.y >= self.y - _EPS
            and other.right <= self.right + _EPS
            and other.top <= self.top + _EPS
        )

    def mirrored_x(self, across: float) -> Box:
        """Reflected in the vertical line x = ``across``."""
        return Box(2 * across - self.right, self.y, self.width, self.height)

    def mirrored_y(self, across: float) -> Box:
        """Reflected in the horizontal line y = ``across``."""
        return Box(self.x, 2 * across - self.top, self.width, self.height)


@attrs.frozen
class Line:
    """A straight segment from (x1, y1) to (x2, y2), in points."""

    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def length(self) -> float:
        return float(((self.x2 - self.x1) ** 2 + (self.y2 - self.y1) ** 2) ** 0.5)


@attrs.frozen
class Slot:
    """Where one card goes: its row and column, its trim box and its bleed box."""

    row: int
    col: int
    trim: Box
    bleed: Box


@attrs.frozen
class Imposition:
    """The plan of a card sheet: the page, the card slots, and where the backs go.

    ``fronts`` are in reading order (row by row from the top). ``backs[i]`` is where the
    back of ``fronts[i]`` goes: on the back sheet that follows (``kind == "sheet"``), on
    the same page across the fold line (``"fold"``), or on the next page
    (``"print-shop"``). ``backs`` is empty when the cards are printed without backs.

    Everything the sheet carries (cards, bleed, crop marks, the fold line) lies inside
    ``printable``. With ``shared_cuts`` the cards touch: one cut separates neighbours and
    bleed is painted only round the outside of the grid.
    """

    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    page: Size
    card: Size
    bleed: float
    gutter_x: float
    gutter_y: float
    rows: int
    cols: int
    fronts: tuple[Slot, ...]
    backs: tuple[Slot, ...]
    duplex: str = "long-edge"
    fold_line: Line | None = None
    #: Print shops trim to this box; set only for kind "print-shop".
    trim_box: Box | None = None
    bleed_box: Box | None = None
    #: The part of the page a printer can print; nothing is drawn outside it.
    printable: Box | None = None
    shared_cuts: bool = False

    @property
    def per_sheet(self) -> int:
        """Cards on one sheet (one page of fronts)."""
        return len(self.fronts)

    @property
    def has_backs(self) -> bool:
        return bool(self.backs)

    @property
    def backs_on_own_page(self) -> bool:
        """True if backs go on a page of their own after each page of fronts."""
        return self.has_backs and self.kind != "fold"

    @property
    def page_box(self) -> Box:
        return Box(0.0, 0.0, self.page.width, self.page.height)

    @property
    def print_area(self) -> Box:
        """Where marks may go: the printable area, or the whole page when there is none."""
        return self.printable if self.printable is not None else self.page_box

    def sheets(self, cards: int) -> int:
        """Sheets (pages of fronts) needed for ``cards`` cards."""
        return -(-cards // self.per_sheet)

    def pages(self, cards: int) -> int:
        """Pages the cards take: each sheet of fronts, and its page of backs if they have their own."""
        return self.sheets(cards) * (2 if self.backs_on_own_page else 1)

    def crop_marks(self, count: int | None = None, side: str = "front") -> tuple[Line, ...]:
        """Crop marks for the first ``count`` cards of a sheet (all if None), front or back side.

        On a fold sheet the front side carries the marks of both halves.
        """
        count = self.per_sheet if count is None else count
        if self.kind == "print-shop":
            return ()
        if side == "front":
            boxes = [slot.trim for slot in self.fronts[:count]]
            if self.kind == "fold":
                boxes += [slot.trim for slot in self.backs[:count]]
        elif side == "back" and self.backs_on_own_page:
            boxes = [slot.trim for slot in self.backs[:count]]
        else:
            return ()
        return crop_marks(boxes, self.print_area)


def mirror(row: int, col: int, rows: int, cols: int, duplex: str, landscape: bool = False) -> tuple[int, int]:
    """Row and column of the back of the card at (row, col), for this duplex setting.

    Long-edge binding reverses columns on a portrait sheet (rows on a landscape one);
    short-edge binding does the opposite; "none" leaves the position as it is.
    Applying it twice gives back (row, col).
    """
    if duplex not in DUPLEX:
        raise ExportError(f"unknown duplex {duplex!r} (use: {', '.join(DUPLEX)})")
    if duplex == "none":
        return row, col
    reverse_columns = (duplex == "long-edge") != landscape
    return (row, cols - 1 - col) if reverse_columns else (rows - 1 - row, col)


def mirror_point(x: float, y: float, page: Size, duplex: str) -> tuple[float, float]:
    """Where a point of the front lands on the back page when the sheet is turned over for ``duplex``."""
    if duplex == "none":
        return x, y
    across = (duplex == "long-edge") != page.landscape
    return (page.width - x, y) if across else (x, page.height - y)


def outer_room(bleed: float) -> float:
    """Room kept round the outside of the grid of cards: the bleed, and the crop marks showing every cut."""
    return max(bleed, MARK_GAP + OUTER_MARK_MIN)


def _axis(available: float, size: float, gutter: float) -> int:
    """How many cards of ``size`` fit along ``available`` points with ``gutter`` between them."""
    return int((available + gutter + _EPS) // (size + gutter))


def _grid(
    region: Box, card: Size, bleed: float, gutter: float, shared_cuts: bool
) -> tuple[int, int, float, float, list[Slot]]:
    """Slots for as many cards as fit in ``region`` with their bleed and outer crop marks, centred."""
    outer = outer_room(bleed)
    cols = _axis(region.width - 2 * outer, card.width, gutter)
    rows = _axis(region.height - 2 * outer, card.height, gutter)
    gutter_x = gutter if cols > 1 else 0.0
    gutter_y = gutter if rows > 1 else 0.0
    if rows < 1 or cols < 1:
        return rows, cols, gutter_x, gutter_y, []
    used_w = cols * card.width + (cols - 1) * gutter_x
    used_h = rows * card.height + (rows - 1) * gutter_y
    left = region.x + (region.width - used_w) / 2
    top = region.top - (region.height - used_h) / 2

    def side(outside: bool) -> float:
        # Every card's bleed is whole (the gutter holds two); with shared cuts it is
        # painted only where the card is on the outside of the grid.
        return bleed if outside or not shared_cuts else 0.0

    slots = []
    for row in range(rows):
        for col in range(cols):
            trim = Box(left + col * (card.width + gutter_x), top - card.height - row * (card.height + gutter_y), card.width, card.height)
            bleed_box = trim.grown(side(col == 0), side(row == rows - 1), side(col == cols - 1), side(row == 0))
            slots.append(Slot(row, col, trim, bleed_box))
    return rows, cols, gutter_x, gutter_y, slots


def _gutter(bleed: float, gutter: float | None, shared_cuts: bool) -> float:
    """The gap between cards: none with shared cuts, else at least twice the bleed (so both bleeds are whole)."""
    if shared_cuts:
        if gutter:
            raise ExportError("cards with shared cuts touch: they have no gutter")
        return 0.0
    if gutter is None:
        return 2 * bleed
    if gutter < 2 * bleed - _EPS:
        raise ExportError(
            f"a {to_mm(gutter):g} mm gutter cannot hold two {to_mm(bleed):g} mm bleeds: make it at least"
            f" {to_mm(2 * bleed):g} mm, or use shared cuts"
        )
    return gutter


def _check_lengths(card: Size, bleed: float, gutter: float | None, margin: float) -> None:
    if card.width <= 0 or card.height <= 0:
        raise ExportError("the card size must be larger than zero")
    if bleed < 0:
        raise ExportError(f"the bleed must not be negative (got {to_mm(bleed):g} mm)")
    if gutter is not None and gutter < 0:
        raise ExportError(f"the gutter must not be negative (got {to_mm(gutter):g} mm)")
    if margin < 0:
        raise ExportError(f"the margin must not be negative (got {to_mm(margin):g} mm)")


def _too_big(card: Size, paper: Size, margin: float, bleed: float) -> ExportError:
    return ExportError(
        f"a {to_mm(card.width):.0f} x {to_mm(card.height):.0f} mm card with its bleed and crop marks"
        f" ({to_mm(outer_room(bleed)):g} mm round it) does not fit on {to_mm(paper.width):.0f} x"
        f" {to_mm(paper.height):.0f} mm paper inside its {to_mm(margin):g} mm margin; use a smaller card or --print-shop"
    )


def _orientations(paper: Size) -> tuple[Size, Size]:
    """The paper upright first, then turned (the turned page is used only if it fits more)."""
    portrait = paper if paper.height >= paper.width else paper.rotated()
    return portrait, portrait.rotated()


def printable_area(page: Size, margin: float) -> Box:
    """The page less ``margin`` on every side."""
    return Box(margin, margin, page.width - 2 * margin, page.height - 2 * margin)


def sheet_layout(
    paper: Size,
    card: Size,
    bleed: float = 3 * MM,
    gutter: float | None = None,
    margin: float = MARGIN,
    duplex: str = "long-edge",
    back_offset: tuple[float, float] = (0.0, 0.0),
    shared_cuts: bool = False,
) -> Imposition:
    """Cards n-up on the paper, with back sheets mirrored for ``duplex`` and moved by ``back_offset``.

    The page is turned to landscape only when that fits more cards. ``back_offset``
    (x right, y up, in points) corrects a printer that prints the back side shifted.
    """
    _check_lengths(card, bleed, gutter, margin)
    if duplex not in DUPLEX:
        raise ExportError(f"unknown duplex {duplex!r} (use: {', '.join(DUPLEX)})")
    space = _gutter(bleed, gutter, shared_cuts)
    best = None
    for page in _orientations(paper):
        rows, cols, gutter_x, gutter_y, slots = _grid(printable_area(page, margin), card, bleed, space, shared_cuts)
        if slots and (best is None or len(slots) > len(best[-1])):
            best = (page, rows, cols, gutter_x, gutter_y, slots)
    if best is None:
        raise _too_big(card, paper, margin, bleed)
    page, rows, cols, gutter_x, gutter_y, slots = best
    printable = printable_area(page, margin)
    backs: list[Slot] = []
    if duplex != "none":
        dx, dy = back_offset
        by_position = {(s.row, s.col): s for s in slots}
        for slot in slots:
            target = by_position[mirror(slot.row, slot.col, rows, cols, duplex, page.landscape)]
            trim = target.trim.moved(dx, dy)
            if not printable.contains(trim):
                raise ExportError(
                    f"a back offset of {to_mm(dx):g} x {to_mm(dy):g} mm moves the backs out of the printable"
                    f" area ({to_mm(margin):g} mm from the paper's edge)"
                )
            backs.append(Slot(target.row, target.col, trim, target.bleed.moved(dx, dy).clipped(printable)))
    return Imposition(
        "sheet", page, card, bleed, gutter_x, gutter_y, rows, cols, tuple(slots), tuple(backs), duplex,
        printable=printable, shared_cuts=shared_cuts,
    )


def fold_layout(
    paper: Size,
    card: Size,
    bleed: float = 3 * MM,
    gutter: float | None = None,
    margin: float = MARGIN,
    shared_cuts: bool = False,
) -> Imposition:
    """Fronts on the left half, backs on the right, mirrored across a fold line down the middle.

    Fold the sheet along the line, glue the halves, and cut: each back lands behind its
    front. For printers without duplex. The page is turned to landscape if that fits more.
    """
    _check_lengths(card, bleed, gutter, margin)
    space = _gutter(bleed, gutter, shared_cuts)
    best = None
    for page in _orientations(paper):
        # The left half's printable part; the grid keeps its outer room from the fold too.
        half = Box(margin, margin, page.width / 2 - margin, page.height - 2 * margin)
        rows, cols, gutter_x, gutter_y, slots = _grid(half, card, bleed, space, shared_cuts)
        if slots and (best is None or len(slots) > len(best[-1])):
            best = (page, rows, cols, gutter_x, gutter_y, slots)
    if best is None:
        raise _too_big(card, Size(paper.width / 2, paper.height), margin, bleed)
    page, rows, cols, gutter_x, gutter_y, slots = best
    fold = page.width / 2
    backs = tuple(Slot(s.row, cols - 1 - s.col, s.trim.mirrored_x(fold), s.bleed.mirrored_x(fold)) for s in slots)
    return Imposition(
        "fold", page, card, bleed, gutter_x, gutter_y, rows, cols, tuple(slots), backs, "none",
        fold_line=Line(fold, margin, fold, page.height - margin), printable=printable_area(page, margin),
        shared_cuts=shared_cuts,
    )


def print_shop_layout(card: Size, bleed: float = 3 * MM, backs: bool = True) -> Imposition:
    """One card per page at card size plus bleed, with TrimBox and BleedBox for the print shop."""
    _check_lengths(card, bleed, None, 0.0)
    page = Size(card.width + 2 * bleed, card.height + 2 * bleed)
    page_box = Box(0.0, 0.0, page.width, page.height)
    slot = Slot(0, 0, Box(bleed, bleed, card.width, card.height), page_box)
    return Imposition(
        "print-shop", page, card, bleed, 0.0, 0.0, 1, 1, (slot,), (slot,) if backs else (),
        "long-edge" if backs else "none", trim_box=slot.trim, bleed_box=page_box,
    )


@attrs.frozen
class Target:
    """One registration target of the duplex test sheet: where it is on the front, and where its scale goes on the back."""

    front: tuple[float, float]
    back: tuple[float, float]


@attrs.frozen
class RegistrationSheet:
    """The duplex test sheet: targets on the front and, behind each, a millimetre scale on the back."""

    page: Size
    printable: Box
    duplex: str
    offset: tuple[float, float]
    targets: tuple[Target, ...]
    #: Half the length of each scale, in points (it reads from -reach to +reach).
    reach: float


def registration_sheet(paper: Size, duplex: str = "long-edge", offset: tuple[float, float] = (0.0, 0.0), margin: float = MARGIN) -> RegistrationSheet:
    """A portrait sheet with a target in the middle and near each corner, and the scales behind them.

    Each scale's zero is where the target would show through if the printer put the back
    exactly behind the front, moved by ``offset`` (the offset being tried). Holding the
    printed sheet to the light, the number under a target on the back is the offset to add.
    """
    if duplex == "none":
        raise ExportError("the duplex test sheet needs --duplex long-edge or short-edge")
    page = _orientations(paper)[0]
    printable = printable_area(page, margin)
    reach = 10 * MM
    inset = 20 * MM + reach  # keep each scale and its labels well inside the printable area
    points = (
        (page.width / 2, page.height / 2),
        (inset, page.height - inset),
        (page.width - inset, page.height - inset),
        (inset, inset),
        (page.width - inset, inset),
    )
    dx, dy = offset
    targets = []
    for x, y in points:
        bx, by = mirror_point(x, y, page, duplex)
        back = (bx + dx, by + dy)
        scale = Box(back[0] - reach, back[1] - reach, 2 * reach, 2 * reach)
        if not printable.contains(scale):
            raise ExportError(
                f"a back offset of {to_mm(dx):g} x {to_mm(dy):g} mm moves the test sheet's scales out of the printable area"
            )
        targets.append(Target((x, y), back))
    return RegistrationSheet(page, printable, duplex, offset, tuple(targets), reach)


def _mark_span(
    corner: float, direction: int, low: float, high: float, obstacles: Sequence[tuple[float, float]], gap: float, length: float
) -> tuple[float, float]:
    """Where a mark leaving ``corner`` in ``direction`` (+1 or -1) along one axis starts and ends.

    It starts ``gap`` from the corner and runs up to ``length``, stopping ``gap`` short of
    any obstacle (another card's extent on that axis) ahead of it and at the paper's edge
    (``low`` to ``high``).
    """
    reach = min(max(corner + direction * (gap + length), low), high)
    for near, far in obstacles:
        if direction > 0 and near >= corner - _EPS:
            reach = min(reach, near - gap)
        elif direction < 0 and far <= corner + _EPS:
            reach = max(reach, far + gap)
    return corner + direction * gap, reach


def crop_marks(
    trims: Sequence[Box],
    page: Box,
    gap: float = MARK_GAP,
    length: float = MARK_LENGTH,
    shortest: float = MARK_MIN,
) -> tuple[Line, ...]:
    """Short lines extending each card's edges outwards from every corner, never onto a card.

    Each mark starts ``gap`` from the corner and runs up to ``length``, stopping ``gap``
    short of any other card and at the paper's edge; marks shorter than ``shortest`` (in
    a narrow gutter) are left out, and a mark two neighbours share is listed once.
    """
    found: dict[tuple[str, float, float, float], Line] = {}
    for box in trims:
        for cx, cy, hx, vy in (
            (box.x, box.y, -1, -1),
            (box.right, box.y, 1, -1),
            (box.x, box.top, -1, 1),
            (box.right, box.top, 1, 1),
        ):
            others = [other for other in trims if other is not box]
            for axis, along, fixed, direction, low, high, obstacles in (
                # A horizontal mark along y = cy, blocked by cards whose rows it crosses...
                ("h", cx, cy, hx, page.x, page.right, [(o.x, o.right) for o in others if o.y - _EPS <= cy <= o.top + _EPS]),
                # ...and a vertical one along x = cx, blocked by cards in its column.
                ("v", cy, cx, vy, page.y, page.top, [(o.y, o.top) for o in others if o.x - _EPS <= cx <= o.right + _EPS]),
            ):
                start, reach = _mark_span(along, direction, low, high, obstacles, gap, length)
                if (reach - start) * direction >= shortest - _EPS:
                    a, b = sorted((start, reach))
                    line = Line(a, fixed, b, fixed) if axis == "h" else Line(fixed, a, fixed, b)
                    found.setdefault((axis, round(fixed, 3), round(a, 3), round(b, 3)), line)
    return tuple(found[key] for key in sorted(found))


def sets_to_print(deck: CardDeck, session: Session | None = None, copies: int | None = None) -> int:
    """How many sets of ``deck`` to print.

    ``copies`` (``--copies``) wins; then the deck's own ``copies``; then one set per table
    when the session says how many tables it has and a segment uses the deck at tables;
    else one set.
    """
    if copies is not None:
        return copies
    if deck.copies is not None:
        return deck.copies
    if session is not None and session.tables is not None:
        if any(segment.deck == deck.id and segment.grouping == "tables" for segment in session.segments):
            return session.tables
    return 1
