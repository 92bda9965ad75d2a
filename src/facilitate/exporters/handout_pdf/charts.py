"""Charts: the shapes of a layout Figure drawn as a reportlab Drawing."""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, PolyLine, Polygon, Rect, String

from facilitate.exporters._reportlab import FONTS, REGULAR, colour
from facilitate.layout import bidi, figure


def drawing(plan: Any) -> Drawing:
    """``plan`` (a layout.figure.Figure) as a Drawing, every shape as placed."""
    assert isinstance(plan, figure.Figure)
    out = Drawing(plan.width, plan.height, initialFontName=REGULAR, initialFontSize=8)
    for shape in plan.shapes:
        out.add(SHAPES[type(shape)](shape))
    return out


def _line(shape: figure.Line) -> Any:
    points = [coordinate for point in shape.points for coordinate in point]
    return PolyLine(points, strokeColor=colour(shape.colour), strokeWidth=shape.width, strokeDashArray=list(shape.dash) or None)


def _polygon(shape: figure.Polygon) -> Any:
    points = [coordinate for point in shape.points for coordinate in point]
    return Polygon(points, fillColor=colour(shape.fill), strokeColor=colour(shape.fill), strokeWidth=0.5)


def _circle(shape: figure.Circle) -> Any:
    return Circle(shape.x, shape.y, shape.radius, fillColor=colour(shape.fill),
                  strokeColor=colour(shape.stroke or shape.fill), strokeWidth=shape.stroke_width)


def _rect(shape: figure.Rect) -> Any:
    return Rect(shape.x, shape.y, shape.width, shape.height, fillColor=colour(shape.fill), strokeColor=None)


def _text(shape: figure.Text) -> Any:
    return String(shape.x, shape.y, bidi.visual(shape.text), fontName=FONTS["bold" if shape.bold else "regular"], fontSize=shape.size,
                  fillColor=colour(shape.colour), textAnchor=shape.anchor)


SHAPES = {figure.Line: _line, figure.Polygon: _polygon, figure.Circle: _circle, figure.Rect: _rect, figure.Text: _text}
