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
from facilitate.labels import ENGLISH, Labels
from facilitate.model.timings import DayRecord, SegmentTiming, suggested_minutes

MINUS = "\u2212"


def unrun(status: str, labels: Labels = ENGLISH) -> str:
    """What the report says for a segment that has no actual length."""
    _ = labels.gettext
    return {"skipped": _("skipped"), "pending": _("not reached"), "current": _("still running"), "done": _("no clock")}[status]


def whole(minutes: float) -> int:
    """Minutes rounded to the nearest whole minute, halves up (the same on every platform)."""
    return math.floor(minutes + 0.5)


def signed(minutes: float) -> str:
    """"+3", "−2" or "0": a difference in whole minutes."""
    value = whole(minutes)
    return f"+{value}" if value > 0 else f"{MINUS}{-value}" if value < 0 else "0"


def duration(minutes: float, labels: Labels = ENGLISH) -> str:
    """"6 h 30 min", "2 h" or "45 min"."""
    total = whole(minutes)
    hours, rest = divmod(total, 60)
    if not hours:
        return labels.minutes(rest)
    if not rest:
        return labels.gettext("{hours} h").format(hours=hours)
    return labels.gettext("{hours} h {minutes}").format(hours=hours, minutes=labels.minutes(rest))


def _clock_after(start: dt.time, minutes: int) -> dt.time:
    total = (start.hour * 60 + start.minute + minutes) % (24 * 60)
    return dt.time(total // 60, total % 60)


def _lateness(late: float, labels: Labels) -> str:
    value = whole(late)
    if value == 0:
        return labels.gettext("on time")
    if value > 0:
        return labels.gettext("{minutes} later than planned").format(minutes=labels.minutes(abs(value)))
    return labels.gettext("{minutes} earlier than planned").format(minutes=labels.minutes(abs(value)))


def _summary(record: DayRecord, labels: Labels) -> list[Block]:
    _ = labels.gettext
    time = labels.time
    planned_total = sum(s.planned_minutes for s in record.segments)
    count = len(record.segments)
    lines = [
        labels.ngettext("Planned: {times} ({duration}, {count} segment).", "Planned: {times} ({duration}, {count} segments).", count).format(
            times=labels.times(record.starts_at, record.planned_finish), duration=duration(planned_total, labels), count=count)
    ]
    ran = record.ran
    if ran:
        last = max(ran, key=lambda s: s.ended or dt.time())
        ended = last.ended or dt.time()
        late = (ended.hour * 60 + ended.minute + ended.second / 60) - (last.planned_end.hour * 60 + last.planned_end.minute)
        began = record.began or ended
        lines.append(
            _("Ran from {began}; the last segment run ({title}) ended at {ended}, {lateness} ({planned}).").format(
                began=time(began), title=last.title, ended=time(ended), lateness=_lateness(late, labels), planned=time(last.planned_end))
        )
        took = sum(s.actual_minutes or 0.0 for s in ran)
        planned = sum(s.planned_minutes for s in ran)
        lines.append(
            labels.ngettext(
                "Total overrun: {overrun} min across the {count} segment that ran (planned {planned}, took {took}).",
                "Total overrun: {overrun} min across the {count} segments that ran (planned {planned}, took {took}).",
                len(ran),
            ).format(overrun=signed(record.overrun), count=len(ran), planned=duration(planned, labels), took=duration(took, labels))
        )
    else:
        lines.append(_("No segment ran to an end: start the clock on the live page to record the day."))
    blocks: list[Block] = [Paragraph(" ".join(lines), "lead")]
    for status, words in (("skipped", _("Skipped: {titles} ({duration} planned).")), ("pending", _("Not reached: {titles} ({duration} planned)."))):
        missed = [s for s in record.segments if s.status == status]
        if missed:
            titles = ", ".join(s.title for s in missed)
            blocks.append(Paragraph(words.format(titles=titles, duration=duration(sum(s.planned_minutes for s in missed), labels)), "small"))
    return blocks


def _actual(segment: SegmentTiming, labels: Labels = ENGLISH) -> tuple[str, str, str]:
    """(actual start, actual minutes, difference) as the table shows them."""
    started = labels.time(segment.started) if segment.started else ""
    if segment.actual_minutes is None or segment.overrun is None:
        return started or unrun(segment.status, labels), "", ""
    return started, str(whole(segment.actual_minutes)), signed(segment.overrun)


def report_labels(record: DayRecord) -> Labels:
    """The labels the report on ``record`` is written with: its session's language and clock."""
    return Labels(record.language, record.clock)


def day_report(record: DayRecord, labels: Labels | None = None) -> Document:
    """The report for one day's timings, in the session's language (or ``labels``')."""
    labels = labels or report_labels(record)
    _ = labels.gettext
    time = labels.time
    blocks = _summary(record, labels)
    rows = []
    for segment in record.segments:
        started, took, difference = _actual(segment, labels)
        fixed = " " + _("(fixed {time})").format(time=time(segment.fixed)) if segment.fixed else ""
        rows.append((time(segment.planned_start), started, segment.title + fixed, str(segment.planned_minutes), took, difference))
    blocks += [
        Heading(_("Planned and actual")),
        Table(
            (_("Planned"), _("Started"), _("Segment"), _("Planned min"), _("Took min"), _("Over (+) or under")),
            tuple(rows),
            (0.9, 1.0, 3.4, 0.9, 0.9, 1.1),
        ),
        PairedBarChart(
            _("Minutes per segment: planned against actual"),
            tuple(
                PairedBar(
                    segment.title,
                    segment.planned_minutes,
                    None if segment.actual_minutes is None else whole(segment.actual_minutes),
                    unrun(segment.status, labels) if segment.actual_minutes is None else "",
                )
                for segment in record.segments
            ),
            first_label=_("Planned"),
            second_label=_("Actual"),
            unit=labels.pgettext("unit", "min"),
            row_heading=_("Segment"),
        ),
        Heading(_("Ran over most")),
    ]
    over = record.ran_over_most()
    if over:
        blocks.append(
            Bullets(
                tuple(
                    _("{title} — {over} over ({planned} planned, took {took})").format(
                        title=s.title, over=labels.minutes(whole(s.overrun or 0.0)), planned=s.planned_minutes,
                        took=whole(s.actual_minutes or 0.0))
                    for s in over
                ),
                numbered=True,
            )
        )
    else:
        blocks.append(Paragraph(_("No segment ran over by a minute or more.")))
    suggestions = [(s, suggested_minutes(s.planned_minutes, s.actual_minutes)) for s in record.segments]
    total = sum(minutes for _segment, minutes in suggestions)
    ends = _clock_after(record.starts_at, total)
    end_minute = record.starts_at.hour * 60 + record.starts_at.minute + total
    blocks += [
        Heading(_("Suggested minutes for next time")),
        Paragraph(
            _("Where a segment took within 2 minutes (or a tenth) of its plan, the plan stays; otherwise the"
              " suggestion is what it took, to the nearest 5 minutes. Segments that did not run keep their plan."),
            "small",
        ),
        Table(
            (_("Segment"), _("Planned min"), _("Took min"), _("Next time")),
            tuple(
                (s.title, str(s.planned_minutes), _actual(s, labels)[1] or unrun(s.status, labels),
                 str(minutes) + ("" if minutes == s.planned_minutes else " " + _("(changed)")))
                for s, minutes in suggestions
            ),
            (3.6, 1.0, 1.1, 1.3),
        ),
    ]
    verdict = _("With these minutes the day runs {duration}, {times}").format(
        duration=duration(total, labels), times=labels.times(record.starts_at, ends))
    if record.ends_by is not None and end_minute > record.ends_by.hour * 60 + record.ends_by.minute:
        verdict += _(": past the session's end time {time}, so something else must give").format(time=time(record.ends_by))
    blocks.append(Paragraph(verdict + "."))
    return Document(_("How the day went: {title}").format(title=record.title), labels.date(record.day), tuple(blocks), "facilitator",
                    labels=labels)
