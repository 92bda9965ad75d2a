"""Cards to cut out, four to a page, drawn as layout.cutcards planned them, with dashed cut lines."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable
from reportlab.platypus import PageBreak as Break

from facilitate.exporters._reportlab import REGULAR, draw_lines, fill, stroke
from facilitate.layout import textfit
from facilitate.layout.cutcards import CARD_PAD, RULE_PITCH, CardSheetPlan
from facilitate.exporters.handout_pdf.style import GRID, LIGHT_RULE
from facilitate.model.theme import Theme


def sheets(plans: Any, theme: Theme, margin: float) -> list[Any]:
    out: list[Any] = []
    for plan in plans:
        if out:
            out.append(Break())
        out.append(CardSheet(plan, theme, margin))
    return out


class CardSheet(Flowable):  # type: ignore[misc]
    """Up to four cards on one page in a 2 × 2 grid, with dashed cut lines between them."""

    def __init__(self, plan: CardSheetPlan, theme: Theme, margin: float) -> None:
        super().__init__()
        self.plan = plan
        self.theme = theme
        self.margin = margin

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.plan.width, self.plan.height

    def draw(self) -> None:
        canvas = self.canv
        theme, plan = self.theme, self.plan
        for index, card in enumerate(plan.cards):
            row, column = divmod(index, 2)
            left = column * plan.card_width + CARD_PAD
            top = plan.height - row * plan.card_height - CARD_PAD
            right = left + plan.card_width - 2 * CARD_PAD
            canvas.saveState()
            draw_lines(canvas, card.title, "bold", theme.primary, left, top)
            y = top - card.title.height - 6
            for prompt in card.prompts:
                block_top = y
                label = textfit.Fitted(prompt.size, prompt.label)
                question = textfit.Fitted(prompt.small, prompt.question)
                draw_lines(canvas, label, "bold", theme.text, left, y)
                y -= label.height
                draw_lines(canvas, question, "regular", theme.muted, left, y)
                y -= question.height
                stroke(canvas, LIGHT_RULE)
                canvas.setLineWidth(0.5)
                rule = y - RULE_PITCH
                while rule >= block_top - card.share + 2 - 1e-6:
                    canvas.line(left, rule, right, rule)
                    rule -= RULE_PITCH
                y = block_top - card.share
            if card.footer is not None:
                bottom = plan.height - (row + 1) * plan.card_height + CARD_PAD
                draw_lines(canvas, card.footer, "regular", theme.muted, left, bottom + card.footer.height)
            canvas.restoreState()
        self._cut_lines()

    def _cut_lines(self) -> None:
        """Dashed lines through the middle of the page, out to its edges, with scissors."""
        canvas = self.canv
        edge = self.margin
        width, height = self.plan.width, self.plan.height
        canvas.saveState()
        stroke(canvas, GRID)
        canvas.setLineWidth(0.6)
        canvas.setDash(4, 3)
        canvas.line(width / 2, -edge, width / 2, height + edge)
        canvas.line(-edge, height / 2, width + edge, height / 2)
        canvas.setDash()
        fill(canvas, GRID)
        canvas.setFont(REGULAR, 11)
        canvas.drawString(-edge + 2, height / 2 + 2, "✂")
        canvas.restoreState()
