"""The facilitate data model: pure, frozen attrs classes with no I/O.

Each name is imported from its module on first use (PEP 562): loading a card deck does
not build the classes of sessions, curves and rubrics too.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: module → the public names it defines
_MODULES = {
    "cards": ("Card", "CardBack", "CardDeck"),
    "cluster": ("Cluster", "Member"),
    "curve": ("Action", "Cause", "DataPoint", "Idea", "Indicator", "Partner", "TurnTheCurve", "forecast", "linear_trend"),
    "maturity": ("Band", "Dimension", "DimensionScore", "Level", "MaturityRubric", "Rating", "Response", "SelfAssessment"),
    "method": ("GroupSize", "Method", "Source", "apply_method", "use_methods"),
    "pack": ("SessionPack",),
    "picture": ("Picture",),
    "questions": ("STANDARD_RUNGS", "Classification", "QuestionLadder", "Rung", "RungExamples", "classify", "strengthen"),
    "reflection": ("Prompt", "Quote", "Reflection"),
    "session": ("Part", "ScheduledSegment", "Segment", "Session"),
    "steps": ("Step", "TimedStep", "share_minutes", "timed_steps"),
    "suggestions": ("Suggestion", "Tagged", "suggest"),
    "theme": ("DEFAULT_THEME", "TemplateLayouts", "Theme", "contrast_ratio"),
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'facilitate.model' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"facilitate.model.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from facilitate.model.cards import Card, CardBack, CardDeck
    from facilitate.model.cluster import Cluster, Member
    from facilitate.model.curve import Action, Cause, DataPoint, Idea, Indicator, Partner, TurnTheCurve, forecast, linear_trend
    from facilitate.model.maturity import Band, Dimension, DimensionScore, Level, MaturityRubric, Rating, Response, SelfAssessment
    from facilitate.model.method import GroupSize, Method, Source, apply_method, use_methods
    from facilitate.model.pack import SessionPack
    from facilitate.model.picture import Picture
    from facilitate.model.questions import STANDARD_RUNGS, Classification, QuestionLadder, Rung, RungExamples, classify, strengthen
    from facilitate.model.reflection import Prompt, Quote, Reflection
    from facilitate.model.session import Part, ScheduledSegment, Segment, Session
    from facilitate.model.steps import Step, TimedStep, share_minutes, timed_steps
    from facilitate.model.suggestions import Suggestion, Tagged, suggest
    from facilitate.model.theme import DEFAULT_THEME, TemplateLayouts, Theme, contrast_ratio
