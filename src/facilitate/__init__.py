"""facilitate: workshop session packs as data, exported to slides, cards and handouts.

    >>> import facilitate
    >>> pack = facilitate.load()                  # the bundled "Power of Partnerships" day
    >>> files = facilitate.build(pack, "pack")    # doctest: +SKIP

The model classes (Session, Segment, CardDeck, ...) can be built directly in Python and
passed to :func:`build` inside a :class:`SessionPack`.

Names are imported on first use (PEP 562), so ``facilitate --help`` starts without
loading the model, the loaders or any exporter.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_MODEL_NAMES = (
    "Action", "Card", "CardBack", "CardDeck", "Cause", "Classification", "Cluster", "DataPoint",
    "DEFAULT_THEME", "Dimension", "DimensionScore", "GroupSize", "Idea", "Indicator", "Level",
    "MaturityRubric", "Member", "Method", "Part", "Partner", "Picture", "Prompt", "QuestionLadder", "Quote", "Rating",
    "Reflection", "Response", "Rung", "RungExamples", "STANDARD_RUNGS", "ScheduledSegment",
    "Segment", "SelfAssessment", "Session", "SessionPack", "Source", "Step", "Theme", "TurnTheCurve",
    "classify", "contrast_ratio", "forecast", "linear_trend", "strengthen",
)
#: public name → module that defines it
_LAZY: dict[str, str] = {
    "build": "facilitate.building",
    "load": "facilitate.loaders.library",
    "load_object": "facilitate.loaders.content",
    "BuildOptions": "facilitate.options",
    "ExportError": "facilitate.errors",
    "FacilitateError": "facilitate.errors",
    "LoadError": "facilitate.errors",
    "ModelError": "facilitate.errors",
    "TextOverflowError": "facilitate.errors",
    **{name: "facilitate.model" for name in _MODEL_NAMES},
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'facilitate' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # static type checkers and IDEs see the real names, re-exported
    from facilitate.building import (
        build as build,
    )
    from facilitate.errors import (
        ExportError as ExportError,
        FacilitateError as FacilitateError,
        LoadError as LoadError,
        ModelError as ModelError,
        TextOverflowError as TextOverflowError,
    )
    from facilitate.loaders.content import (
        load_object as load_object,
    )
    from facilitate.loaders.library import (
        load as load,
    )
    from facilitate.model import (
        Action as Action,
        Card as Card,
        CardBack as CardBack,
        CardDeck as CardDeck,
        Cause as Cause,
        Classification as Classification,
        Cluster as Cluster,
        DEFAULT_THEME as DEFAULT_THEME,
        DataPoint as DataPoint,
        Dimension as Dimension,
        DimensionScore as DimensionScore,
        GroupSize as GroupSize,
        Idea as Idea,
        Indicator as Indicator,
        Level as Level,
        MaturityRubric as MaturityRubric,
        Member as Member,
        Method as Method,
        Part as Part,
        Partner as Partner,
        Picture as Picture,
        Prompt as Prompt,
        QuestionLadder as QuestionLadder,
        Quote as Quote,
        Rating as Rating,
        Reflection as Reflection,
        Response as Response,
        Rung as Rung,
        RungExamples as RungExamples,
        STANDARD_RUNGS as STANDARD_RUNGS,
        ScheduledSegment as ScheduledSegment,
        Segment as Segment,
        SelfAssessment as SelfAssessment,
        Session as Session,
        SessionPack as SessionPack,
        Source as Source,
        Step as Step,
        Theme as Theme,
        TurnTheCurve as TurnTheCurve,
        classify as classify,
        contrast_ratio as contrast_ratio,
        forecast as forecast,
        linear_trend as linear_trend,
        strengthen as strengthen,
    )
    from facilitate.options import (
        BuildOptions as BuildOptions,
    )
