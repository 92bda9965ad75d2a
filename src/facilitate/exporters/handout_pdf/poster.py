"""The ladder poster drawn as layout.poster planned it: steps, their words, the axis."""

from __future__ import annotations

from reportlab.platypus import Flowable

from facilitate.exporters._reportlab import BOLD, draw_lines, draw_strings, fill, stroke
from facilitate.layout import bidi, textfit
from facilitate.layout.poster import AXIS_LABEL_SIZE, GROUP_GAP, StaircasePlan
from facilitate.model.theme import Theme, mix


class StaircaseFlowable(Flowable):  # type: ignore[misc]
    """The rungs as rising steps, each with its words above it; it fills the rest of the page."""

    def __init__(self, plan: StaircasePlan, theme: Theme) -> None:
        super().__init__()
        self.plan = plan
        self.theme = theme

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.plan.width, self.plan.height

    def draw(self) -> None:
        canvas = self.canv
        theme, plan = self.theme, self.plan
        base = 26.0
        for step in plan.steps:
            canvas.saveState()
            if step.extension:
                stroke(canvas, theme.primary)
                canvas.setDash(4, 3)
                canvas.setLineWidth(1.2)
                canvas.rect(step.x + 1, base, plan.column - 2, step.solid, stroke=1, fill=0)
                canvas.setDash()
            else:
                fill(canvas, step.fill)
                canvas.rect(step.x, base, plan.column, step.solid, stroke=0, fill=1)
            draw_lines(canvas, step.label, "bold", step.label_colour, step.x + 6, base + step.solid - 4)
            # The words for the rung, standing on its step.
            text = step.text
            box_bottom = base + step.solid + 6
            stroke(canvas, mix(theme.primary, theme.background, 0.6))
            canvas.setLineWidth(0.8)
            canvas.line(step.x + 2, box_bottom - 4, step.x + 2, box_bottom + text.height + 2)
            y = box_bottom + text.height
            groups = (
                (text.stems, "bold", text.small, theme.primary),
                (text.description, "regular", text.small, theme.muted),
                (text.example, "regular", text.size, theme.text),
            )
            for lines, weight, size, colour_value in groups:
                if not lines:
                    continue
                fitted = textfit.Fitted(size, lines)
                draw_lines(canvas, fitted, weight, colour_value, step.x + 8, y)
                y -= fitted.height + GROUP_GAP
            canvas.restoreState()
        if plan.preamble is not None:
            items = plan.preamble
            y = plan.height
            strings = []
            for item in items.lines:
                for number, line in enumerate(item):
                    y -= items.size * textfit.LEADING
                    if number == 0:
                        strings.append((4.0, y + items.size * 0.22, "•"))
                    strings.append((16.0, y + items.size * 0.22, line))
            draw_strings(canvas, strings, "regular", items.size, theme.text)
        # The axis: less powerful on the left, more powerful on the right.
        stroke(canvas, theme.accent)
        fill(canvas, theme.accent)
        canvas.setLineWidth(1.5)
        canvas.line(0, 17, plan.width - 8, 17)
        path = canvas.beginPath()
        path.moveTo(plan.width, 17)
        path.lineTo(plan.width - 9, 21.5)
        path.lineTo(plan.width - 9, 12.5)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.setFont(BOLD, AXIS_LABEL_SIZE)
        canvas.drawString(0, 3, bidi.visual(plan.low_label))
        canvas.drawRightString(plan.width, 3, bidi.visual(plan.high_label))
