"""Facilitation methods (World Café, 1-2-4-All, ...) that a segment can build on.

A method is data: its steps with their usual minutes, who works together, what to bring,
how to set up the room and run it online, and who it comes from. A segment that names a
method by its id (``method: world-cafe``) takes from it whatever the segment does not
state itself: its steps, materials, grouping and tags (:func:`apply_method`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any

import attrs

from facilitate.errors import ModelError
from facilitate.model._fields import identifier, non_empty, one_of, to_tuple, valid_tags
from facilitate.model.session import Segment, Session
from facilitate.model.steps import GROUPINGS, Step

#: The segment fields a method fills in when the segment does not state them.
BROUGHT = ("steps", "materials", "grouping", "tags")
#: A ``method:`` written like this (lower-case letters, digits, - or _, no spaces) names a
#: method by its id; anything else (a capital letter, a space) is the facilitator's own words.
_METHOD_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def names_a_method(value: str) -> bool:
    """True when a segment's ``method:`` is written as a method id rather than free text."""
    return bool(_METHOD_ID.match(value))


def _people(value: object, field: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ModelError(f"must be a whole number of people, at least 1, got {value!r}", (field,))


def _whole(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    _people(value, attribute.name)


def _optional_whole(instance: Any, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None:
        _people(value, attribute.name)


@attrs.frozen
class GroupSize:
    """How many people the method works for; no ``max`` means no upper limit."""

    min: int = attrs.field(default=2, validator=_whole)
    max: int | None = attrs.field(default=None, validator=_optional_whole)

    def __attrs_post_init__(self) -> None:
        if self.max is not None and self.max < self.min:
            raise ModelError(f"must be at least min ({self.min}), got {self.max}", ("max",))

    def admits(self, people: int) -> bool:
        return self.min <= people and (self.max is None or people <= self.max)

    @property
    def phrase(self) -> str:
        """E.g. "4–40 people", "12 or more people"."""
        if self.max is None:
            return f"{self.min} or more people"
        if self.max == self.min:
            return f"{self.min} people"
        return f"{self.min}–{self.max} people"


@attrs.frozen
class Source:
    """Where a method comes from: who to credit, where to read more, and that text's licence."""

    #: The method's originators (and where they published it).
    credit: str = attrs.field(validator=non_empty)
    #: Where to read the original description.
    url: str = ""
    #: The licence of the source's own text, e.g. "CC BY-SA 4.0" or "all rights reserved".
    licence: str = ""
    #: A trademark or similar notice that goes with the method's name.
    notice: str = ""


@attrs.frozen
class Method:
    """A facilitation method: steps with their usual minutes, and what it takes to run it."""

    #: Lower-case letters, digits, - or _: what a segment names in its method.
    id: str = attrs.field(validator=identifier)
    #: What the method is called, e.g. "World Café".
    name: str = attrs.field(validator=non_empty)
    #: What the method is for, in one sentence.
    purpose: str = attrs.field(validator=non_empty)
    #: What happens, in order; each step's minutes are its usual length.
    steps: tuple[Step, ...] = attrs.field(converter=to_tuple, validator=non_empty)
    #: Who works together for most of the method (steps may say otherwise).
    grouping: str = attrs.field(default="whole-room", validator=one_of(GROUPINGS))
    #: How many people it works for.
    group_size: GroupSize = attrs.field(factory=GroupSize)
    #: What to bring: goes into the run-sheet's checklist.
    materials: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: How to arrange the room.
    room_setup: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: How to run it online; empty when it does not work well online.
    online: str = ""
    #: Other ways to run it.
    variations: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: What goes wrong, and how to avoid it.
    cautions: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: Rubric dimensions (by id) and needs the method helps with.
    tags: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=valid_tags)
    #: Who the method comes from.
    source: Source | None = None
    #: The licence of this description's own text (the bundled methods: MIT).
    licence: str = ""

    @property
    def minutes(self) -> int:
        """How long the method usually takes: every round of every step."""
        return sum(step.minutes * step.rounds for step in self.steps)

    @property
    def groupings(self) -> tuple[str, ...]:
        """Every grouping the method uses, the main one first."""
        return tuple(dict.fromkeys((self.grouping, *(s.grouping for s in self.steps if s.grouping))))

    def suits(
        self,
        *,
        minutes_max: int | None = None,
        grouping: str | None = None,
        people: int | None = None,
        online: bool = False,
        tag: str | None = None,
    ) -> bool:
        """Whether the method fits every condition given (None and False mean any)."""
        return (
            (minutes_max is None or self.minutes <= minutes_max)
            and (grouping is None or grouping in self.groupings)
            and (people is None or self.group_size.admits(people))
            and (not online or bool(self.online.strip()))
            and (tag is None or tag in self.tags)
        )


#: A segment that states nothing but what it must: the defaults of the fields a method brings.
_BARE = Segment("bare", "Bare", 1)


def apply_method(segment: Segment, method: Method, stated: Collection[str] | None = None) -> Segment:
    """``segment`` with the method's steps, materials, grouping and tags, where it states none.

    ``stated`` names the fields the segment's author wrote (a content file knows this);
    without it, a field counts as stated when it differs from the segment's default.
    """
    if stated is None:
        stated = {name for name in BROUGHT if getattr(segment, name) != getattr(_BARE, name)}
    changes = {name: getattr(method, name) for name in BROUGHT if name not in stated}
    return attrs.evolve(segment, **changes)


def use_methods(
    session: Session, methods: Iterable[Method], stated: Mapping[int, Collection[str]] | None = None
) -> Session:
    """``session`` with every segment whose ``method`` is one of ``methods`` filled in from it.

    ``stated`` maps a segment's index to the fields its author wrote (see :func:`apply_method`).
    """
    by_id = {method.id: method for method in methods}
    segments = tuple(
        apply_method(segment, by_id[segment.method], None if stated is None else stated.get(index, ()))
        if segment.method in by_id
        else segment
        for index, segment in enumerate(session.segments)
    )
    return attrs.evolve(session, segments=segments)
