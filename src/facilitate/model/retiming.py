"""Catching up a late day: the arithmetic behind the live page's catch-up plan.

When the day runs late, the segments still to come before the next fixed time (lunch, the
finish) give up minutes to absorb the delay. Each flexible segment (one whose
``min_minutes`` is below its ``minutes``) gives up minutes in proportion to its length,
never going below its minimum; whatever a segment cannot give is shared among the others,
again in proportion. Minutes stay whole: the proportional shares are rounded down and the
minutes left over go to the largest remainders (the earlier segment on a tie).

The live page (templates/session.js, ``shrink``) implements the same rule; the tests run
both on the same cases. Only whole numbers are used, so the two agree to the minute.
"""

from __future__ import annotations

from collections.abc import Sequence


def catch_up(minutes: Sequence[int], minimums: Sequence[int], late: int) -> tuple[int, ...]:
    """New lengths for ``minutes`` that absorb up to ``late`` minutes, none below its minimum.

    ``minimums[i]`` is the shortest segment ``i`` may become (equal to ``minutes[i]`` for a
    segment that cannot shrink). The lengths shrink by ``min(late, total slack)`` minutes
    in all; a ``late`` of zero or less changes nothing.
    """
    if len(minutes) != len(minimums):
        raise ValueError(f"{len(minutes)} lengths but {len(minimums)} minimums")
    for length, least in zip(minutes, minimums):
        if not 1 <= least <= length:
            raise ValueError(f"a minimum of {least} does not fit a segment of {length} min")
    slack = [length - least for length, least in zip(minutes, minimums)]
    remaining = max(0, min(late, sum(slack)))
    cut = [0] * len(minutes)
    active = [index for index, spare in enumerate(slack) if spare > 0]
    # Segments whose proportional share is at least their slack give all of it; the rest
    # of the delay is shared among the others, which may push more of them to their floor.
    while active and remaining > 0:
        total = sum(minutes[index] for index in active)
        capped = [index for index in active if remaining * minutes[index] >= slack[index] * total]
        if not capped:
            break
        for index in capped:
            cut[index] = slack[index]
            remaining -= slack[index]
        active = [index for index in active if index not in capped]
    if active and remaining > 0:
        total = sum(minutes[index] for index in active)
        shares = {index: divmod(remaining * minutes[index], total) for index in active}
        for index in active:
            cut[index] = shares[index][0]
        leftover = remaining - sum(cut[index] for index in active)
        for index in sorted(active, key=lambda i: (-shares[i][1], i))[:leftover]:
            cut[index] += 1
    return tuple(length - taken for length, taken in zip(minutes, cut))
