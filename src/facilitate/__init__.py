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


if TYPE_CHECKING:  # static type checkers and IDEs see the real names
    from facilitate.building import build
    from facilitate.errors import ExportError, FacilitateError, LoadError, ModelError, TextOverflowError
    from facilitate.loaders.content import load_object
    from facilitate.loaders.library import load
    from facilitate.model import *  # noqa: F403
    from facilitate.options import BuildOptions
