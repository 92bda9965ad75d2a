"""The question-ladder poster: the rungs as rising steps, each with its words standing on it.

The staircase fills the room the page leaves below the poster's title. Each step's words
(its opening words, description and example) shrink together to fit the room above it;
an axis underneath runs from less to more powerful questions.
"""

from __future__ import annotations

import attrs

from facilitate.errors import TextOverflowError
from facilitate.labels import ENGLISH, Labels
from facilitate.layout import textfit
from facilitate.layout.boxes import FittedItems, fit_items
from facilitate.layout.document import Staircase, Step
from facilitate.model.theme import Theme, mix, readable_on

STEP_TEXT, STEP_FLOOR = 10.0, 6.5
#: Height kept under the steps for the axis and its labels.
AXIS = 26.0
AXIS_LABEL_SIZE = 8.5
LOWEST_RISE, HIGHEST_RISE = 34.0, 80.0
#: A step's small text (opening words, description) is this share of its example's size.
SMALL = 0.88
#: Between a step's groups of words.
GROUP_GAP = 4.0


@attrs.frozen
class StepText:
    """One rung's words fitted into its box at one size."""

    size: float
    stems: tuple[str, ...]
    description: tuple[str, ...]
    example: tuple[str, ...]

    @property
    def small(self) -> float:
        return round(self.size * SMALL, 2)

    @property
    def height(self) -> float:
        gaps = GROUP_GAP * (bool(self.stems) + bool(self.description) + bool(self.example) - 1)
        return (len(self.stems) + len(self.description)) * self.small * textfit.LEADING + len(self.example) * self.size * textfit.LEADING + max(gaps, 0)


def fit_step(step: Step, width: float, height: float, where: str = "", labels: Labels = ENGLISH) -> StepText:
    """A rung's stems, description and example at the largest size that fits its box."""
    regular, bold = textfit.measure_with("regular"), textfit.measure_with("bold")
    stems = " ".join(step.stems)
    example = labels.quoted(step.example) if step.example else ""

    def layout(size: float) -> StepText:
        small = round(size * SMALL, 2)
        return StepText(
            size,
            tuple(textfit.wrap(stems, width, small, bold)) if stems else (),
            tuple(textfit.wrap(step.description, width, small, regular)) if step.description else (),
            tuple(textfit.wrap(example, width, size, regular)) if example else (),
        )

    fitted, ok = textfit.largest_fitting(layout, lambda laid: laid.height <= height + 1e-6, STEP_TEXT, STEP_FLOOR)
    if not ok:
        raise TextOverflowError(
            f"too long for its step on the ladder poster even at {STEP_FLOOR:g} pt ({fitted.height:.0f} pt of text"
            f" for {height:.0f} pt); shorten the description or example",
            step.source,
            ("description",),
        )
    return fitted


@attrs.frozen
class StepPlan:
    """One step: its column, its solid height above the axis, its colours, label and words."""

    x: float
    solid: float
    fill: str
    label_colour: str
    label: textfit.Fitted
    text: StepText
    extension: bool


@attrs.frozen
class StaircasePlan:
    width: float
    height: float
    column: float
    steps: tuple[StepPlan, ...]
    #: What a powerful question does, in the free corner above the low steps.
    preamble: FittedItems | None
    low_label: str
    high_label: str


def plan_staircase(block: Staircase, width: float, height: float, theme: Theme, where: str, labels: Labels = ENGLISH) -> StaircasePlan:
    """The staircase in a ``width`` × ``height`` area (the page below the title)."""
    steps = block.steps
    count = len(steps)
    usable = height - AXIS
    column = width / count
    inner = column - 12
    # Steps as tall as the words above them allow, within limits.
    natural = max(fit_step(step, inner, float("inf"), where, labels).height for step in steps)
    rise = min(max((usable - natural - 16) / count, LOWEST_RISE), HIGHEST_RISE)
    room = usable - count * rise - 14
    if room < 40:
        raise TextOverflowError(f"too many for the ladder poster ({count}): its title leaves too little room", block.source, ("rungs",))
    texts = [fit_step(step, inner, room, where, labels) for step in steps]
    bold = textfit.measure_with("bold")
    placed = []
    for index, (step, text) in enumerate(zip(steps, texts)):
        fill = mix(theme.primary, theme.background, 0.55 * (1 - (index + 1) / count))
        label = textfit.fit(f"{index + 1}. {step.label}", inner, rise - 8, 12, 7, measure=bold,
                            what="its step on the ladder poster", owner=step.source, field=("label",))
        placed.append(
            StepPlan(
                index * column,
                (index + 1) * rise,
                fill,
                theme.primary if step.extension else readable_on(fill),
                label,
                text,
                step.extension,
            )
        )
    preamble = None
    if block.preamble:
        spread = max(1, count // 3)
        below = max(AXIS + (index + 1) * rise + 14 + texts[index].height for index in range(spread))
        fitted, fits = fit_items(block.preamble, spread * column - 24, height - below - 8, 11, 7)
        if not fits:
            raise TextOverflowError(
                "too long to fit beside the stairs of the ladder poster even at 7 pt; shorten it", block.source, ("qualities",)
            )
        preamble = fitted
    return StaircasePlan(width, height, column, tuple(placed), preamble, block.low_label, block.high_label)
