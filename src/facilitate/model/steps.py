"""The steps of a method or segment, and how a segment's minutes are shared between them.

A step's ``minutes`` say how long it takes when the method runs at its usual length. A
segment that uses the method for more or less time scales every step in proportion
(:func:`share_minutes`): whole minutes, summing exactly to the segment's minutes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from facilitate.errors import ModelError
from facilitate.model._fields import non_empty, one_of

GROUPINGS = ("whole-room", "tables", "pairs", "individual")
GROUPING_PHRASES = {
    "whole-room": "as a whole room",
    "tables": "at your tables",
    "pairs": "in pairs",
    "individual": "on your own",
}
#: A step may repeat (conversation rounds), but not without end.
MAX_ROUNDS = 12


#: A segment or a step lasts at most a day.
MAX_MINUTES = 24 * 60


def whole_minutes(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    """A whole number of minutes, at least 1."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ModelError(f"must be a whole number of minutes, got {value!r}", (attribute.name,))
    if value <= 0:
        raise ModelError(f"must be at least 1 minute, got {value}", (attribute.name,))
    if value > MAX_MINUTES:
        raise ModelError(f"must be at most {MAX_MINUTES} minutes (a day), got {value:,}", (attribute.name,))


def _rounds(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ROUNDS:
        raise ModelError(f"must be a whole number from 1 to {MAX_ROUNDS}, got {value!r}", (attribute.name,))


def _optional_grouping(instance: Any, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        one_of(GROUPINGS)(instance, attribute, value)


@attrs.frozen
class Step:
    """One step of a method: what people do, and for how long."""

    #: What the step is called, e.g. "Pairs" or "Round".
    title: str = attrs.field(validator=non_empty)
    #: How long one round takes when the method runs at its usual length; a segment
    #: of another length scales it in proportion.
    minutes: int = attrs.field(validator=whole_minutes)
    #: What people do, in a sentence or two, for the room (shown on the slide and the live page).
    instructions: str = ""
    #: Who works together in this step (whole-room, tables, pairs or individual), if not
    #: the grouping of the whole method or segment.
    grouping: str | None = attrs.field(default=None, validator=_optional_grouping)
    #: How many times the step runs one after another, e.g. 3 conversation rounds.
    rounds: int = attrs.field(default=1, validator=_rounds)
    #: What people do as each round after the first starts, e.g. "move tables".
    cue: str = ""


@attrs.frozen
class TimedStep:
    """One round of a step, placed in its segment: its share of the minutes and when it starts."""

    step: Step
    minutes: int
    #: Minutes from the start of the segment.
    offset: int
    #: Which round this is (from 1), of ``step.rounds``.
    round: int = 1

    @property
    def title(self) -> str:
        return self.step.title

    @property
    def rounds(self) -> int:
        return self.step.rounds

    @property
    def cue(self) -> str:
        """What to say as this round starts: the step's cue, from its second round on."""
        return self.step.cue if self.round > 1 or self.rounds == 1 else ""

    @property
    def name(self) -> str:
        """The step's title, with the round when it repeats: "Round 2 of 3"."""
        return f"{self.title} {self.round} of {self.rounds}" if self.rounds > 1 else self.title

    @property
    def label(self) -> str:
        """One line for a timer: "Round 2 of 3 · 10 min · move tables"."""
        return " · ".join(part for part in (self.name, f"{self.minutes} min", self.cue) if part)


def share_minutes(weights: Sequence[int], total: int) -> tuple[int, ...]:
    """``total`` whole minutes shared in proportion to ``weights``, summing exactly to ``total``.

    The largest-remainder method: every share is its exact quota rounded down, and the
    minutes left over go one each to the largest remainders (the earlier step on a tie).
    When there are at least as many minutes as steps, every step gets at least 1 minute;
    the minute it needs is taken from the steps furthest above their quota.
    """
    if total < 0:
        raise ValueError(f"cannot share {total} minutes")
    if not weights:
        if total:
            raise ValueError(f"cannot share {total} minutes between no steps")
        return ()
    if any(weight <= 0 for weight in weights):
        raise ValueError(f"weights must be positive, got {list(weights)}")
    whole = sum(weights)
    # Exact quotas as fractions over ``whole``: quota_i = weights[i] * total / whole.
    numerators = [weight * total for weight in weights]
    shares = [numerator // whole for numerator in numerators]
    remainders = [numerator % whole for numerator in numerators]
    left = total - sum(shares)
    for index in sorted(range(len(weights)), key=lambda i: (-remainders[i], i))[:left]:
        shares[index] += 1
    if total >= len(weights):
        for index, share in enumerate(shares):
            if share == 0:
                # Take the minute from the step with the most over its quota (that can spare one).
                donor = max(
                    (i for i, s in enumerate(shares) if s > 1),
                    key=lambda i: (shares[i] * whole - numerators[i], -i),
                )
                shares[donor] -= 1
                shares[index] = 1
    return tuple(shares)


def timed_steps(steps: Sequence[Step], minutes: int) -> tuple[TimedStep, ...]:
    """Every round of ``steps``, its minutes scaled so that they add up to ``minutes`` (none: no steps)."""
    if not steps:
        return ()
    rounds = [(step, number) for step in steps for number in range(1, step.rounds + 1)]
    shares = share_minutes([step.minutes for step, _ in rounds], minutes)
    placed = []
    offset = 0
    for (step, number), share in zip(rounds, shares):
        placed.append(TimedStep(step, share, offset, number))
        offset += share
    return tuple(placed)
