"""A session pack: one session and every library item it uses, resolved."""

from __future__ import annotations

from typing import Protocol, TypeVar

import attrs

from facilitate.errors import ModelError
from facilitate.model._fields import to_tuple, unique_ids
from facilitate.model.cards import CardDeck
from facilitate.model.curve import TurnTheCurve
from facilitate.model.language import LabelFile
from facilitate.model.maturity import MaturityRubric
from facilitate.model.method import Method
from facilitate.model.questions import QuestionLadder
from facilitate.model.reflection import Reflection
from facilitate.model.session import Segment, Session
from facilitate.model.suggestions import Tagged
from facilitate.model.theme import DEFAULT_THEME, Theme

#: Segment field → the pack collection its id refers to.
REFERENCES = {
    "deck": "decks",
    "ladder": "ladders",
    "curve": "curves",
    "rubric": "rubrics",
    "reflection": "reflections",
}


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_Identified)


@attrs.frozen
class SessionPack:
    """What one build produces files from: the session and the items it uses."""

    session: Session
    theme: Theme = DEFAULT_THEME
    decks: tuple[CardDeck, ...] = attrs.field(factory=tuple, converter=to_tuple)
    ladders: tuple[QuestionLadder, ...] = attrs.field(factory=tuple, converter=to_tuple)
    curves: tuple[TurnTheCurve, ...] = attrs.field(factory=tuple, converter=to_tuple)
    rubrics: tuple[MaturityRubric, ...] = attrs.field(factory=tuple, converter=to_tuple)
    reflections: tuple[Reflection, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: Methods the segments use (a segment's ``method`` names one by id).
    methods: tuple[Method, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: What a self-assessment's results may suggest trying next: methods, decks and
    #: segments tagged with the rubric dimensions they help with (the loaders give the
    #: bundled library's and the pack's own when a rubric has responses).
    tagged: tuple[Tagged, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: The facilitator's own labels (their labels-LANG.po files, read): they add a language
    #: or change facilitate's words in one (facilitate.labels).
    label_files: tuple[LabelFile, ...] = attrs.field(factory=tuple, converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        for collection in (*REFERENCES.values(), "methods"):
            unique_ids(getattr(self, collection), collection)
        for index, segment in enumerate(self.session.segments):
            for field, collection in REFERENCES.items():
                wanted = getattr(segment, field)
                if wanted is not None and wanted not in {i.id for i in getattr(self, collection)}:
                    have = ", ".join(i.id for i in getattr(self, collection)) or "none"
                    raise ModelError(
                        f"{field} {wanted!r} is not in this pack ({collection}: {have})",
                        ("session", "segments", index, field),
                    )

    @staticmethod
    def _find(items: tuple[T, ...], item_id: str) -> T:
        for item in items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def deck(self, deck_id: str) -> CardDeck:
        return self._find(self.decks, deck_id)

    def ladder(self, ladder_id: str) -> QuestionLadder:
        return self._find(self.ladders, ladder_id)

    def curve(self, curve_id: str) -> TurnTheCurve:
        return self._find(self.curves, curve_id)

    def rubric(self, rubric_id: str) -> MaturityRubric:
        return self._find(self.rubrics, rubric_id)

    def reflection(self, reflection_id: str) -> Reflection:
        return self._find(self.reflections, reflection_id)

    def method_for(self, segment: Segment) -> Method | None:
        """The method a segment uses, if its ``method`` is the id of one in the pack."""
        return next((method for method in self.methods if method.id == segment.method), None)

    def method_name(self, segment: Segment) -> str:
        """How to name the segment's method: the method's name, or the segment's own words."""
        method = self.method_for(segment)
        return method.name if method is not None else segment.method
