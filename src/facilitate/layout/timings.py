"""The report on how a day went, as a Document every document renderer draws (PDF, HTML, Markdown).

Planned against actual for each segment (a table and a chart), the total overrun, the
segments that ran over most, and suggested minutes for next time.
"""

from __future__ import annotations

import datetime as dt
import math

from facilitate.layout.document import (
    Block,
    Bullets,
    Document,
    Heading,
    PairedBar,
    PairedBarChart,
    Paragraph,
    Table,
)
from facilitate.model.timings import DayRecord, SegmentTiming, suggested_minutes

MINUS = "\u2212"
#: What the report says for a segment that has no actual length.
UNRUN = {"skipped": "skipped", "pending": "not reached", "current": "still running", "done": "no clock"}


def whole(minutes: float) -> int:
    """Minutes rounded to the nearest whole minute, halves up (the same on every platform)."""
    return math.floor(minutes + 0.5)


def signed(minutes: float) -> str:
    """"+3", "−2" or "0": a difference in whole minutes."""
    value = whole(minutes)
    return f"+{value}" if value > 0 else f"{MINUS}{-value}" if value < 0 else "0"


def duration(minutes: float) -> str:
    """"6 h 30 min", "2 h" or "45 min"."""
    total = whole(minutes)
    hours, rest = divmod(total, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def _clock_after(start: dt.time, minutes: int) -> str:
    total = (start.hour * 60 + start.minute + minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def _lateness(late: float) -> str:
    value = whole(late)
    if value == 0:
        return "on time"
    return f"{abs(value)} min {'later' if value > 0 else 'earlier'} than planned"


def _summary(record: DayRecord) -> list[Block]:
    planned_total = sum(s.planned_minutes for s in record.segments)
    lines = [f"Planned: {record.starts_at:%H:%M}–{record.planned_finish:%H:%M} ({duration(planned_total)}, {len(record.segments)} segments)."]
    ran = record.ran
    if ran:
        last = max(ran, key=lambda s: s.ended or dt.time())
        ended = last.ended or dt.time()
        late = (ended.hour * 60 + ended.minute + ended.second / 60) - (last.planned_end.hour * 60 + last.planned_end.minute)
        began = record.began or ended
        lines.append(
            f"Ran from {began:%H:%M}; the last segment run ({last.title}) ended at {ended:%H:%M},"
            f" {_lateness(late)} ({last.planned_end:%H:%M})."
        )
        took = sum(s.actual_minutes or 0.0 for s in ran)
        planned = sum(s.planned_minutes for s in ran)
        lines.append(
            f"Total overrun: {signed(record.overrun)} min across the {len(ran)} segments that ran"
            f" (planned {duration(planned)}, took {duration(took)})."
        )
    else:
        lines.append("No segment ran to an end: start the clock on the live page to record the day.")
    blocks: list[Block] = [Paragraph(" ".join(lines), "lead")]
    for status, words in (("skipped", "Skipped"), ("pending", "Not reached")):
        missed = [s for s in record.segments if s.status == status]
        if missed:
            titles = ", ".join(s.title for s in missed)
            blocks.append(Paragraph(f"{words}: {titles} ({duration(sum(s.planned_minutes for s in missed))} planned).", "small"))
    return blocks


def _actual(segment: SegmentTiming) -> tuple[str, str, str]:
    """(actual start, actual minutes, difference) as the table shows them."""
    started = f"{segment.started:%H:%M}" if segment.started else ""
    if segment.actual_minutes is None or segment.overrun is None:
        return started or UNRUN[segment.status], "", ""
    return started, str(whole(segment.actual_minutes)), signed(segment.overrun)


def day_report(record: DayRecord) -> Document:
    """The report for one day's timings."""
    blocks = _summary(record)
    rows = []
    for segment in record.segments:
        started, took, difference = _actual(segment)
        fixed = f" (fixed {segment.fixed:%H:%M})" if segment.fixed else ""
        rows.append((f"{segment.planned_start:%H:%M}", started, segment.title + fixed, str(segment.planned_minutes), took, difference))
    blocks += [
        Heading("Planned and actual"),
        Table(("Planned", "Started", "Segment", "Planned min", "Took min", "Over (+) or under"), tuple(rows), (0.9, 1.0, 3.4, 0.9, 0.9, 1.1)),
        PairedBarChart(
            "Minutes per segment: planned against actual",
            tuple(
                PairedBar(
                    segment.title,
                    segment.planned_minutes,
                    None if segment.actual_minutes is None else whole(segment.actual_minutes),
                    UNRUN[segment.status] if segment.actual_minutes is None else "",
                )
                for segment in record.segments
            ),
            row_heading="Segment",
        ),
        Heading("Ran over most"),
    ]
    over = record.ran_over_most()
    if over:
        blocks.append(
            Bullets(
                tuple(
                    f"{s.title} — {whole(s.overrun or 0.0)} min over ({s.planned_minutes} planned, took {whole(s.actual_minutes or 0.0)})"
                    for s in over
                ),
                numbered=True,
            )
        )
    else:
        blocks.append(Paragraph("No segment ran over by a minute or more."))
    suggestions = [(s, suggested_minutes(s.planned_minutes, s.actual_minutes)) for s in record.segments]
    total = sum(minutes for _, minutes in suggestions)
    ends = _clock_after(record.starts_at, total)
    end_minute = record.starts_at.hour * 60 + record.starts_at.minute + total
    blocks += [
        Heading("Suggested minutes for next time"),
        Paragraph(
            "Where a segment took within 2 minutes (or a tenth) of its plan, the plan stays; otherwise the"
            " suggestion is what it took, to the nearest 5 minutes. Segments that did not run keep their plan.",
            "small",
        ),
        Table(
            ("Segment", "Planned min", "Took min", "Next time"),
            tuple(
                (s.title, str(s.planned_minutes), _actual(s)[1] or UNRUN[s.status], str(minutes) + ("" if minutes == s.planned_minutes else " (changed)"))
                for s, minutes in suggestions
            ),
            (3.6, 1.0, 1.1, 1.3),
        ),
    ]
    verdict = f"With these minutes the day runs {duration(total)}, {record.starts_at:%H:%M}–{ends}"
    if record.ends_by is not None and end_minute > record.ends_by.hour * 60 + record.ends_by.minute:
        verdict += f": past the session's end time {record.ends_by:%H:%M}, so something else must give"
    blocks.append(Paragraph(verdict + "."))
    when = f"{record.day:%A} {record.day.day} {record.day:%B %Y}"
    return Document(f"How the day went: {record.title}", when, tuple(blocks), "facilitator")
