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


if TYPE_CHECKING:  # type checkers see each name as re-exported (name as name)
    from facilitate.model.cards import (
        Card as Card,
        CardBack as CardBack,
        CardDeck as CardDeck,
    )
    from facilitate.model.cluster import (
        Cluster as Cluster,
        Member as Member,
    )
    from facilitate.model.curve import (
        Action as Action,
        Cause as Cause,
        DataPoint as DataPoint,
        Idea as Idea,
        Indicator as Indicator,
        Partner as Partner,
        TurnTheCurve as TurnTheCurve,
        forecast as forecast,
        linear_trend as linear_trend,
    )
    from facilitate.model.maturity import (
        Band as Band,
        Dimension as Dimension,
        DimensionScore as DimensionScore,
        Level as Level,
        MaturityRubric as MaturityRubric,
        Rating as Rating,
        Response as Response,
        SelfAssessment as SelfAssessment,
    )
    from facilitate.model.method import (
        GroupSize as GroupSize,
        Method as Method,
        Source as Source,
        apply_method as apply_method,
        use_methods as use_methods,
    )
    from facilitate.model.pack import (
        SessionPack as SessionPack,
    )
    from facilitate.model.picture import (
        Picture as Picture,
    )
    from facilitate.model.questions import (
        STANDARD_RUNGS as STANDARD_RUNGS,
        Classification as Classification,
        QuestionLadder as QuestionLadder,
        Rung as Rung,
        RungExamples as RungExamples,
        classify as classify,
        strengthen as strengthen,
    )
    from facilitate.model.reflection import (
        Prompt as Prompt,
        Quote as Quote,
        Reflection as Reflection,
    )
    from facilitate.model.session import (
        Part as Part,
        ScheduledSegment as ScheduledSegment,
        Segment as Segment,
        Session as Session,
    )
    from facilitate.model.steps import (
        Step as Step,
        TimedStep as TimedStep,
        share_minutes as share_minutes,
        timed_steps as timed_steps,
    )
    from facilitate.model.suggestions import (
        Suggestion as Suggestion,
        Tagged as Tagged,
        suggest as suggest,
    )
    from facilitate.model.theme import (
        DEFAULT_THEME as DEFAULT_THEME,
        TemplateLayouts as TemplateLayouts,
        Theme as Theme,
        contrast_ratio as contrast_ratio,
    )
