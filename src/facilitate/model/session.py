"""Sessions: the conversation's parts, timed segments, and clock-time arithmetic."""

from __future__ import annotations

import datetime as dt

import attrs

from facilitate.errors import ModelError
from facilitate.model._fields import (
    identifier,
    nested,
    non_empty,
    one_of,
    optional_count,
    to_tuple,
    unique_ids,
    valid_tags,
    web_address,
)
from facilitate.model.language import canonical, language_tag, optional_clock
from facilitate.model.picture import Picture
from facilitate.model.reflection import Quote
from facilitate.model.steps import GROUPING_PHRASES, GROUPINGS, Step, TimedStep, timed_steps, whole_minutes

SEGMENT_KINDS = ("welcome", "input", "activity", "discussion", "break", "reflection", "close")


def add_minutes(clock: dt.time, minutes: int) -> dt.time:
    """``clock`` plus ``minutes``; a session may not run past midnight."""
    total = clock.hour * 60 + clock.minute + minutes
    if total >= 24 * 60:
        raise ModelError(f"the agenda runs past midnight ({clock:%H:%M} + {minutes} min)")
    return dt.time(total // 60, total % 60)


def minutes_between(start: dt.time, end: dt.time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


@attrs.frozen
class Part:
    """One item of "Our conversation today": the agenda tracker lists these."""

    #: Short name that segments use in ``part:``.
    id: str = attrs.field(validator=identifier)
    #: The words on the "Our conversation today" slide.
    title: str = attrs.field(validator=non_empty)


@attrs.frozen
class Segment:
    """A timed block of the session. ``notes`` are for the facilitator only."""

    #: Unique within the session (lower-case, digits, - or _).
    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    #: How long it runs; start and end clock times are computed.
    minutes: int = attrs.field(validator=whole_minutes)
    #: What sort of segment: it decides the slide it gets.
    kind: str = attrs.field(default="input", validator=one_of(SEGMENT_KINDS))
    #: The conversation part (its id) this segment belongs to.
    part: str | None = None
    #: How it is run: a method's id (e.g. world-cafe), which brings its steps, materials and
    #: grouping, or your own words with a capital letter or a space (e.g. "Card sort").
    method: str = ""
    #: What happens, in a sentence or two, for participants.
    description: str = ""
    #: Participant-facing points (input slides, handout).
    bullets: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: Participant-facing questions to discuss.
    prompts: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    quote: Quote | None = None
    #: A picture for the segment's slide: ``{path: photo.jpg, alt: what it shows}``. With no
    #: text on the slide it fills the slide, the title over a dark band; with text, it sits
    #: beside the text.
    image: Picture | None = None
    #: Facilitator-only notes: never shown to participants.
    notes: str = ""
    #: What to bring: collected into the run-sheet's checklist.
    materials: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: Who works together: the room, tables, pairs, or each person alone.
    grouping: str = attrs.field(default="whole-room", validator=one_of(GROUPINGS))
    #: What the segment produces (flip charts, commitments...).
    outputs: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: Library items this segment uses, by id.
    deck: str | None = None
    ladder: str | None = None
    curve: str | None = None
    rubric: str | None = None
    reflection: str | None = None
    #: What happens, step by step (from the method unless stated); their minutes are
    #: scaled in proportion to the segment's.
    steps: tuple[Step, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: Rubric dimensions or needs the segment helps with (from the method unless stated).
    tags: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=valid_tags)

    @property
    def timed_steps(self) -> tuple[TimedStep, ...]:
        """Every round of the steps, with minutes that add up to the segment's."""
        return timed_steps(self.steps, self.minutes)
    #: A clock time this segment starts at whatever happens before it, e.g. "12:30" for
    #: lunch: the agenda must reach it exactly, and the live page catches up to it.
    fixed: dt.time | None = None
    #: The fewest minutes it can shrink to when the day runs late (default: it keeps its minutes).
    min_minutes: int | None = attrs.field(default=None, validator=attrs.validators.optional(whole_minutes))

    def __attrs_post_init__(self) -> None:
        if self.min_minutes is not None and self.min_minutes > self.minutes:
            raise ModelError(
                f"must not be more than the segment's minutes ({self.minutes}), got {self.min_minutes}",
                ("min_minutes",),
            )

    @property
    def shortest(self) -> int:
        """The fewest minutes the segment can run when the day is late (its minutes if not flexible)."""
        return self.minutes if self.min_minutes is None else self.min_minutes

    @property
    def timing_phrase(self) -> str:
        """E.g. "20 min, at your tables" (a break is just "15 min")."""
        if self.kind == "break":
            return f"{self.minutes} min"
        return f"{self.minutes} min, {GROUPING_PHRASES[self.grouping]}"


@attrs.frozen
class ScheduledSegment:
    """A segment placed on the clock."""

    segment: Segment
    starts_at: dt.time
    ends_at: dt.time
    index: int

    @property
    def part(self) -> str | None:
        return self.segment.part


@attrs.frozen
class Session:
    """A workshop session: who, where, why, and the timed segments of the day."""

    title: str = attrs.field(validator=non_empty)
    #: The timed blocks of the day, in order.
    segments: tuple[Segment, ...] = attrs.field(converter=to_tuple, validator=non_empty)
    id: str = attrs.field(default="session", validator=identifier)
    subtitle: str = ""
    date: dt.date | None = None
    #: Clock time of the first segment (24-hour, e.g. "09:00").
    starts_at: dt.time = dt.time(9, 0)
    #: A hard end time: an agenda that runs past it is refused.
    ends_by: dt.time | None = None
    venue: str = ""
    #: Organisations hosting the day (shown on the title slide).
    hosts: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    facilitators: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    audience: str = ""
    #: Why the group meets: opens the participant handout.
    purpose: str = ""
    #: The 3 to 7 parts listed on the "Our conversation today" slide.
    conversation: tuple[Part, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: Notes on arranging the room, for the run-sheet.
    room_setup: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: Quotations for the handout, each credited to its author.
    quotes: tuple[Quote, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: Where the session's design comes from, credited in the handout and run-sheet.
    source: str = ""
    #: A web address for participants (the session's page, a form to fill in): printed
    #: as a QR code with the address under it in the handout and on the title slide.
    url: str | None = attrs.field(default=None, validator=web_address)
    #: How many tables the room has: card decks used at tables print one set per table.
    tables: int | None = attrs.field(default=None, validator=optional_count)
    #: The language of the pack (a language tag: en, cy, fr, es, de, or another with your
    #: own labels-LANG.po): every label, date, time and number facilitate writes follows it.
    language: str = attrs.field(default="en", converter=canonical, validator=language_tag)
    #: How clock times are written: 24h (14:30) or 12h (2:30 pm); unset: the language's usual clock.
    clock: str | None = attrs.field(default=None, validator=optional_clock)

    def __attrs_post_init__(self) -> None:
        if self.conversation and not 3 <= len(self.conversation) <= 7:
            raise ModelError(
                f"lists {len(self.conversation)} parts; a conversation has 3 to 7",
                ("conversation",),
            )
        unique_ids(self.conversation, "conversation")
        unique_ids(self.segments, "segments")
        part_ids = {part.id for part in self.conversation}
        for index, segment in enumerate(self.segments):
            if segment.part is not None and segment.part not in part_ids:
                known = ", ".join(sorted(part_ids)) or "none defined"
                raise ModelError(
                    f"no conversation part {segment.part!r} (parts: {known})",
                    ("segments", index, "part"),
                )
        schedule = self._compute_schedule()
        for item in schedule:
            fixed = item.segment.fixed
            if fixed is not None and fixed != item.starts_at:
                gap = minutes_between(item.starts_at, fixed)
                change = f"{gap} min longer" if gap > 0 else f"{-gap} min shorter"
                raise ModelError(
                    f"the agenda reaches this segment at {item.starts_at:%H:%M}, not at its fixed time"
                    f" {fixed:%H:%M}; make the segments before it {change} in total, or change the fixed time",
                    ("segments", item.index, "fixed"),
                )
        if self.ends_by is not None:
            for item in schedule:
                if minutes_between(item.ends_at, self.ends_by) < 0:
                    over = minutes_between(self.ends_by, schedule[-1].ends_at)
                    raise ModelError(
                        f"segment {item.segment.id!r} ends at {item.ends_at:%H:%M}, after the"
                        f" session's end time {self.ends_by:%H:%M}; the agenda overruns by"
                        f" {over} min",
                        ("segments", item.index, "minutes"),
                    )

    def _compute_schedule(self) -> tuple[ScheduledSegment, ...]:
        clock = self.starts_at
        placed = []
        for index, segment in enumerate(self.segments):
            try:
                ends = add_minutes(clock, segment.minutes)
            except ModelError as error:
                raise nested(("segments", index, "minutes"), error) from None
            placed.append(ScheduledSegment(segment, clock, ends, index))
            clock = ends
        return tuple(placed)

    @property
    def schedule(self) -> tuple[ScheduledSegment, ...]:
        """Every segment with its clock start and end."""
        return self._compute_schedule()

    @property
    def total_minutes(self) -> int:
        return sum(segment.minutes for segment in self.segments)

    @property
    def ends_at(self) -> dt.time:
        return add_minutes(self.starts_at, self.total_minutes)

    def part(self, part_id: str) -> Part:
        for part in self.conversation:
            if part.id == part_id:
                return part
        raise KeyError(part_id)

    def segment(self, segment_id: str) -> Segment:
        for segment in self.segments:
            if segment.id == segment_id:
                return segment
        raise KeyError(segment_id)

    def segments_in(self, part_id: str) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if s.part == part_id)

    def materials_checklist(self) -> tuple[tuple[str, int], ...]:
        """Every material named in the day, deduplicated (case-insensitively), with how many segments use it."""
        counts: dict[str, int] = {}
        names: dict[str, str] = {}
        for segment in self.segments:
            for material in dict.fromkeys(m.strip() for m in segment.materials):
                key = material.casefold()
                names.setdefault(key, material)
                counts[key] = counts.get(key, 0) + 1
        return tuple((names[key], counts[key]) for key in counts)
