"""The facilitate data model: pure, frozen attrs classes with no I/O."""

from facilitate.model.cards import Card, CardBack, CardDeck
from facilitate.model.cluster import Cluster, Member
from facilitate.model.curve import (
    Action,
    Cause,
    DataPoint,
    Idea,
    Indicator,
    Partner,
    TurnTheCurve,
    forecast,
    linear_trend,
)
from facilitate.model.maturity import (
    Dimension,
    DimensionScore,
    Level,
    MaturityRubric,
    Rating,
    Response,
    SelfAssessment,
)
from facilitate.model.pack import SessionPack
from facilitate.model.questions import (
    STANDARD_RUNGS,
    Classification,
    QuestionLadder,
    Rung,
    RungExamples,
    classify,
    strengthen,
)
from facilitate.model.reflection import Prompt, Quote, Reflection
from facilitate.model.session import Part, ScheduledSegment, Segment, Session
from facilitate.model.theme import DEFAULT_THEME, Theme, contrast_ratio

__all__ = [
    "Action", "Card", "CardBack", "CardDeck", "Cause", "Cluster", "Member", "Classification", "DataPoint",
    "DEFAULT_THEME", "Dimension", "DimensionScore", "Idea", "Indicator", "Level",
    "MaturityRubric", "Part", "Partner", "Prompt", "QuestionLadder", "Quote", "Rating",
    "Reflection", "Response", "Rung", "RungExamples", "STANDARD_RUNGS", "ScheduledSegment",
    "Segment", "SelfAssessment", "Session", "SessionPack", "Theme", "TurnTheCurve",
    "classify", "contrast_ratio", "forecast", "linear_trend", "strengthen",
]
