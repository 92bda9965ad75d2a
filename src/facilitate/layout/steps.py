"""A segment's steps in words: a line per step for a slide, a row per round for a run-sheet.

Every renderer says the same about the steps of a segment (from its method, or its own):
the slide lists each step once ("Round (3 rounds of 12 min): ..."), the run-sheet and the
live page's sub-timers give every round its clock time and minutes.
"""

from __future__ import annotations

import attrs

from facilitate.model.session import Segment
from facilitate.model.steps import GROUPING_PHRASES, Step, TimedStep


@attrs.frozen
class StepLine:
    """One step as the room sees it: its title, how long and in what grouping, what to do."""

    step: Step
    #: The rounds of the step, with the minutes the segment gives them.
    rounds: tuple[TimedStep, ...]

    @property
    def minutes(self) -> int:
        return sum(timed.minutes for timed in self.rounds)

    @property
    def timing(self) -> str:
        """E.g. "5 min", "3 rounds of 12 min", "3 rounds, 35 min in all", plus a step's own grouping."""
        shares = {timed.minutes for timed in self.rounds}
        if len(self.rounds) == 1:
            how = f"{self.minutes} min"
        elif len(shares) == 1:
            how = f"{len(self.rounds)} rounds of {self.rounds[0].minutes} min"
        else:
            how = f"{len(self.rounds)} rounds, {self.minutes} min in all"
        if self.step.grouping:
            how += f", {GROUPING_PHRASES[self.step.grouping]}"
        return how

    @property
    def heading(self) -> str:
        """E.g. "Round (3 rounds of 12 min)"."""
        return f"{self.step.title} ({self.timing})"

    @property
    def text(self) -> str:
        """The whole line: "Round (3 rounds of 12 min): Talk about the question; then move tables."."""
        text = self.heading
        if self.step.instructions:
            text += f": {self.step.instructions}"
        if self.step.cue and self.step.rounds > 1:
            text += f" Between rounds: {self.step.cue}."
        return text


def step_lines(segment: Segment) -> tuple[StepLine, ...]:
    """Each of the segment's steps once, with the minutes its rounds get in this segment."""
    timed = segment.timed_steps
    lines, start = [], 0
    for step in segment.steps:
        lines.append(StepLine(step, timed[start : start + step.rounds]))
        start += step.rounds
    return tuple(lines)


def grouping_phrase(segment: Segment, timed: TimedStep) -> str:
    """Who works together in one round: the step's grouping, or the segment's."""
    return GROUPING_PHRASES[timed.step.grouping or segment.grouping]
