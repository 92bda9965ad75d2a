"""Cards to cut out, four to a page: a title, prompts each with ruled space, a footer.

Each card is a quarter of the page's frame; a prompt's words shrink from 10.5 pt to 7 pt
so that at least one ruled line stays free below them.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from facilitate.errors import TextOverflowError
from facilitate.layout import compose, textfit
from facilitate.layout.document import CutCard
from facilitate.layout.units import length

CARD_PAD = length("8mm")
CARD_TEXT, CARD_FLOOR = 10.5, 7.0
TITLE_SIZE, TITLE_FLOOR = 14.0, 9.0
FOOTER_SIZE, FOOTER_FLOOR = 7.0, 5.5
#: Ruled lines on a card are closer than in a notes box.
RULE_PITCH = 20.0 * 0.9
#: A card's question is this share of its label's size.
QUESTION = 0.92
PER_PAGE = 4


@attrs.frozen
class PromptText:
    """A card prompt's label (bold) and question (regular, a little smaller) at one size."""

    size: float
    label: tuple[str, ...]
    question: tuple[str, ...]

    @property
    def small(self) -> float:
        return round(self.size * QUESTION, 2)

    @property
    def height(self) -> float:
        return (len(self.label) * self.size + len(self.question) * self.small) * textfit.LEADING


@attrs.frozen
class CardPlan:
    title: textfit.Fitted
    prompts: tuple[PromptText, ...]
    #: Height each prompt has, text and ruled lines together.
    share: float
    footer: textfit.Fitted | None


@attrs.frozen
class CardSheetPlan:
    """Up to four cards in a 2 × 2 grid over a frame ``width`` × ``height``."""

    width: float
    height: float
    cards: tuple[CardPlan, ...]

    @property
    def card_width(self) -> float:
        return self.width / 2

    @property
    def card_height(self) -> float:
        return self.height / 2


def fit_prompt(label: str, question: str, width: float, height: float, owner: object = None) -> PromptText:
    """A prompt at the largest size from CARD_TEXT down to CARD_FLOOR that fits ``height``."""
    bold, regular = textfit.measure_with("bold"), textfit.measure_with("regular")

    def layout(size: float) -> PromptText:
        small = round(size * QUESTION, 2)
        return PromptText(
            size,
            tuple(textfit.wrap(label, width, size, bold)),
            tuple(textfit.wrap(question, width, small, regular)) if question else (),
        )

    fitted, ok = textfit.largest_fitting(layout, lambda laid: laid.height <= height + 1e-6, CARD_TEXT, CARD_FLOOR)
    if not ok:
        raise TextOverflowError(
            f"too long to leave room to write on its cut-out card even at {CARD_FLOOR:g} pt"
            f" ({fitted.height:.0f} pt of text for {height:.0f} pt); shorten it",
            owner,
            ("question",) if question else ("label",),
        )
    return fitted


def fit_card(card: CutCard, width: float, height: float, where: str = "") -> CardPlan:
    """A card's title, prompts and footer fitted into a ``width`` × ``height`` card, each prompt with room to write."""
    inner = width - 2 * CARD_PAD
    bold = textfit.measure_with("bold")
    if card.source is None:  # facilitate's own title: shortened to fit
        title = compose.fit(card.title, inner, 2, TITLE_SIZE, TITLE_FLOOR, "bold")
    else:
        title = textfit.fit(card.title, inner, 2 * TITLE_SIZE * textfit.LEADING, TITLE_SIZE, TITLE_FLOOR, measure=bold,
                            what="its cut-out card", owner=card.source, field=("title",))
    # The foot is facilitate's own line (the session and when): shortened, never an error.
    footer = compose.fit(card.footer, inner, 2, FOOTER_SIZE, FOOTER_FLOOR) if card.footer else None
    room = height - 2 * CARD_PAD - title.height - 6 - (footer.height + 4 if footer else 0)
    share = room / max(len(card.prompts), 1)
    # Each prompt keeps at least one ruled line below its words.
    prompts = tuple(fit_prompt(prompt.label, prompt.question, inner, share - RULE_PITCH, prompt) for prompt in card.prompts)
    return CardPlan(title, prompts, share, footer)


def plan_card_sheets(cards: Sequence[CutCard], width: float, height: float, where: str) -> tuple[CardSheetPlan, ...]:
    """The cards four to a sheet over a frame ``width`` × ``height``; identical cards are fitted once."""
    fitted: dict[CutCard, CardPlan] = {}
    for card in cards:
        if card not in fitted:
            fitted[card] = fit_card(card, width / 2, height / 2, where)
    return tuple(
        CardSheetPlan(width, height, tuple(fitted[card] for card in cards[start : start + PER_PAGE]))
        for start in range(0, len(cards), PER_PAGE)
    )
