"""Figures as plain shapes: lines, polygons, circles, rectangles and text, placed and coloured.

A chart is laid out once as a :class:`Figure` (layout.chart); every renderer draws the same
shapes (the PDF with reportlab's graphics, Word as a picture, a preview as SVG), so no
renderer decides where a label goes. Points, origin at the bottom-left, y upwards.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Line:
    points: tuple[tuple[float, float], ...]
    colour: str
    width: float = 1.0
    #: Dash and gap lengths; empty for a solid line.
    dash: tuple[float, ...] = ()


@attrs.frozen
class Polygon:
    points: tuple[tuple[float, float], ...]
    fill: str


@attrs.frozen
class Circle:
    x: float
    y: float
    radius: float
    fill: str
    stroke: str | None = None
    stroke_width: float = 1.0


@attrs.frozen
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str


@attrs.frozen
class Text:
    """One line of text; ``x`` is its start, middle or end as ``anchor`` says, ``y`` its baseline."""

    x: float
    y: float
    text: str
    size: float
    colour: str
    bold: bool = False
    anchor: str = "start"  # start | middle | end


Shape = Line | Polygon | Circle | Rect | Text


@attrs.frozen
class Figure:
    """A drawing ``width`` × ``height`` points, its shapes in drawing order, and what it shows in words."""

    width: float
    height: float
    shapes: tuple[Shape, ...]
    #: Alt text: what a person would say the figure shows.
    description: str = ""
