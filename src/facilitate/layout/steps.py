"""A segment's steps in words: a line per step for a slide, a row per round for a run-sheet.

Every renderer says the same about the steps of a segment (from its method, or its own):
the slide lists each step once ("Round (3 rounds of 12 min): ..."), the run-sheet and the
live page's sub-timers give every round its clock time and minutes.
"""

from __future__ import annotations

import attrs

from facilitate.labels import ENGLISH, Labels
from facilitate.model.session import Segment
from facilitate.model.steps import Step, TimedStep


def grouping_words(grouping: str, labels: Labels) -> str:
    """Who works together, as the room is told: "at your tables"."""
    _ = labels.gettext
    return {
        "whole-room": _("as a whole room"),
        "tables": _("at your tables"),
        "pairs": _("in pairs"),
        "individual": _("on your own"),
    }[grouping]


def timing_phrase(segment: Segment, labels: Labels) -> str:
    """E.g. "20 min, at your tables" (a break is just "15 min")."""
    if segment.kind == "break":
        return labels.minutes(segment.minutes)
    return labels.gettext("{minutes}, {grouping}").format(
        minutes=labels.minutes(segment.minutes), grouping=grouping_words(segment.grouping, labels)
    )


def round_name(timed: TimedStep, labels: Labels) -> str:
    """The step's title, with the round when it repeats: "Round 2 of 3"."""
    if timed.rounds == 1:
        return timed.title
    return labels.gettext("{title} {round} of {rounds}").format(title=timed.title, round=timed.round, rounds=timed.rounds)


def round_label(timed: TimedStep, labels: Labels) -> str:
    """One line for a timer: "Round 2 of 3 · 10 min · move tables"."""
    return " · ".join(part for part in (round_name(timed, labels), labels.minutes(timed.minutes), timed.cue) if part)


@attrs.frozen
class StepLine:
    """One step as the room sees it: its title, how long and in what grouping, what to do."""

    step: Step
    #: The rounds of the step, with the minutes the segment gives them.
    rounds: tuple[TimedStep, ...]
    labels: Labels = ENGLISH

    @property
    def minutes(self) -> int:
        return sum(timed.minutes for timed in self.rounds)

    @property
    def timing(self) -> str:
        """E.g. "5 min", "3 rounds of 12 min", "3 rounds, 35 min in all", plus a step's own grouping."""
        labels = self.labels
        shares = {timed.minutes for timed in self.rounds}
        count = len(self.rounds)
        if count == 1:
            how = labels.minutes(self.minutes)
        elif len(shares) == 1:
            how = labels.ngettext("{count} round of {minutes}", "{count} rounds of {minutes}", count).format(
                count=count, minutes=labels.minutes(self.rounds[0].minutes))
        else:
            how = labels.ngettext("{count} round, {minutes} in all", "{count} rounds, {minutes} in all", count).format(
                count=count, minutes=labels.minutes(self.minutes))
        if self.step.grouping:
            how = labels.gettext("{minutes}, {grouping}").format(minutes=how, grouping=grouping_words(self.step.grouping, labels))
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
            text += " " + self.labels.gettext("Between rounds: {cue}.").format(cue=self.step.cue)
        return text


def step_lines(segment: Segment, labels: Labels = ENGLISH) -> tuple[StepLine, ...]:
    """Each of the segment's steps once, with the minutes its rounds get in this segment."""
    timed = segment.timed_steps
    lines, start = [], 0
    for step in segment.steps:
        lines.append(StepLine(step, timed[start : start + step.rounds], labels))
        start += step.rounds
    return tuple(lines)


def grouping_phrase(segment: Segment, timed: TimedStep, labels: Labels = ENGLISH) -> str:
    """Who works together in one round: the step's grouping, or the segment's."""
    return grouping_words(timed.step.grouping or segment.grouping, labels)
