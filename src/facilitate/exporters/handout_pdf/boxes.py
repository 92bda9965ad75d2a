"""Boxes to write in, drawn as layout.boxes planned them: label, known items, ruled lines."""

from __future__ import annotations

from reportlab.platypus import Flowable

from facilitate.exporters._reportlab import draw_lines, draw_strings, stroke
from facilitate.layout import textfit
from facilitate.layout.boxes import BOX_FOOT, ITEM_INDENT, PAD, PITCH, NotesPlan
from facilitate.exporters.handout_pdf.style import GRID, LIGHT_RULE
from facilitate.model.theme import Theme


class NotesFlowable(Flowable):  # type: ignore[misc]
    """Boxes side by side, all as tall as the plan says."""

    def __init__(self, plan: NotesPlan, theme: Theme) -> None:
        super().__init__()
        self.plan = plan
        self.theme = theme
        self.spaceBefore = 3
        self.spaceAfter = 6

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, self.plan.height

    def draw(self) -> None:
        canvas = self.canv
        theme, plan = self.theme, self.plan
        for index, box in enumerate(plan.boxes):
            left = plan.left(index)
            canvas.saveState()
            stroke(canvas, theme.accent if box.accent else GRID)
            canvas.setLineWidth(1.6 if box.accent else 0.7)
            canvas.roundRect(left, 0, plan.box_width, plan.height, 4, stroke=1, fill=0)
            y = plan.height - PAD
            draw_lines(canvas, box.label, "bold", theme.accent if box.accent else theme.primary, left + PAD, y)
            y -= box.label.height + (4 if box.label.lines else 0)
            items = box.items
            size = items.size
            line_height = size * textfit.LEADING
            bullets, words = [], []
            for item in items.lines:
                for number, line in enumerate(item):
                    baseline = y - line_height + size * 0.22
                    if number == 0:
                        bullets.append((left + PAD, baseline, "•"))
                    words.append((left + PAD + ITEM_INDENT, baseline, line))
                    y -= line_height
            if words:
                draw_strings(canvas, bullets + words, "regular", size, theme.text)
            stroke(canvas, LIGHT_RULE)
            canvas.setLineWidth(0.5)
            rule = y - PITCH
            while rule >= BOX_FOOT - 1e-6:
                canvas.line(left + PAD, rule, left + plan.box_width - PAD, rule)
                rule -= PITCH
            canvas.restoreState()
