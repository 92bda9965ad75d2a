"""Paragraph styles of flowing text (headings, paragraphs, lists), in the theme's colours."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle

from facilitate.exporters._reportlab import BOLD, REGULAR, colour
from facilitate.layout.page import BODY
from facilitate.model.theme import Theme

#: Levels of heading drawn (deeper levels look like level 3).
HEADING_LEVELS = 3
#: Grey of table grids, box outlines and cut lines; lighter grey of ruled writing lines; table zebra.
GRID = "#8c8c8c"
LIGHT_RULE = "#bdbdbd"
ZEBRA = "#f2f5f8"


def styles(theme: Theme) -> dict[str, Any]:
    text, muted, primary = colour(theme.text), colour(theme.muted), colour(theme.primary)
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=BODY, leading=BODY * 1.38, textColor=text)

    def style(name: str, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    return {
        "h1": style("h1", fontName=BOLD, fontSize=16, leading=20, textColor=primary, spaceBefore=12, spaceAfter=4),
        "h2": style("h2", fontName=BOLD, fontSize=13, leading=16.5, textColor=primary, spaceBefore=11, spaceAfter=4),
        "h3": style("h3", fontName=BOLD, fontSize=10.5, leading=13.5, spaceBefore=7, spaceAfter=2),
        "body": style("body", spaceAfter=4),
        "lead": style("lead", fontSize=11, leading=15, spaceAfter=5),
        "small": style("small", fontSize=8, leading=10.5, textColor=muted, spaceAfter=4),
        "bullet": style("bullet", leftIndent=14, bulletIndent=2, bulletFontName=REGULAR, spaceAfter=2),
        "tick": style("tick", leftIndent=18, bulletIndent=0, bulletFontName=REGULAR, bulletFontSize=13, spaceAfter=3),
    }
