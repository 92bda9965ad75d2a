"""Packs for the slide-deck tests: every kind of slide, built in Python."""

from __future__ import annotations

import datetime as dt

import attrs

from facilitate.model import (
    Action,
    Cause,
    DataPoint,
    Dimension,
    Idea,
    Indicator,
    Level,
    MaturityRubric,
    Part,
    Partner,
    Prompt,
    QuestionLadder,
    Quote,
    Rating,
    Reflection,
    Response,
    RungExamples,
    Segment,
    Session,
    SessionPack,
    TurnTheCurve,
)
from tests.conftest import small_deck

LONG_BULLETS = tuple(
    f"Point {n}: partnerships seek expertise and share it, wherever it can be found inside or outside the schools"
    for n in range(1, 19)
)


def ladder() -> QuestionLadder:
    return QuestionLadder(
        "powerful",
        "A powerful question",
        topic="our partnership",
        qualities=("Is thought-provoking", "Brings underlying assumptions to light", "Can help a group move forward"),
        examples=(
            RungExamples("yes-no", ("Is our partnership working?",)),
            RungExamples("how", ("How is our partnership working?",)),
            RungExamples("what-if", ("What if we looked again at our partnership?",)),
        ),
        cautions=("'Why' can sound accusatory.",),
    )


def curve() -> TurnTheCurve:
    return TurnTheCurve(
        "attendance",
        "Persistent absence is rising in every school",
        Indicator("Pupils persistently absent", "%", "less-of"),
        (DataPoint("2019", 10.5), DataPoint("2020", 12.0), DataPoint("2021", 13.1), DataPoint("2022", 14.9)),
        title="We will turn the curve",
        forecast_periods=2,
        target=DataPoint("2025", 9.0),
        story=(Cause("Transport costs", "hurting"), Cause("Breakfast clubs", "helping")),
        partners=(Partner("Bus company", "routes"), Partner("Families")),
        what_works=(Idea("Walking buses", "no-cost"), Idea("Attendance mentors", "some-cost", "EEF toolkit")),
        essentials=("Share daily data", "One attendance lead per school"),
        actions=(Action("Agree a data protocol", "Heads", "October"),),
    )


def rubric(responses: bool = True) -> MaturityRubric:
    levels = lambda *descriptors: tuple(  # noqa: E731
        Level(label, text) for label, text in zip(("Emerging", "Developing", "Embedded", "Leading"), descriptors)
    )
    dimensions = (
        Dimension("purpose", "Shared purpose", levels("Some shared words", "Agreed priorities", "Priorities drive plans", "Purpose drives everything")),
        Dimension("data", "Use of data", levels("Data stays in schools", "Some shared data", "Shared data protocol", "Data drives joint enquiry")),
        Dimension("learning", "Professional learning", levels("Ad hoc visits", "Joint training days", "Peer review", "Co-coaching culture")),
    )
    answers = (
        Response("a", (Rating("purpose", 2), Rating("data", 1), Rating("learning", 3))),
        Response("b", (Rating("purpose", 3), Rating("data", 2), Rating("learning", 3))),
        Response("c", (Rating("purpose", 2), Rating("data", 1), Rating("learning", 4))),
    )
    return MaturityRubric("maturity", "Partnership maturity", dimensions, responses=answers if responses else ())


def rich_pack(**session_changes) -> SessionPack:
    """A day using every kind of slide: ladder, cards, curve, rubric, quotes, reflection, a long list."""
    session = Session(
        title="The Power of Partnerships",
        subtitle="Moving to maturity",
        date=dt.date(2026, 9, 3),
        venue="Town hall",
        hosts=("CEP",),
        facilitators=("Sam",),
        purpose="Move our partnership towards maturity.",
        conversation=(
            Part("imagine", "Envisioning new partnership based education systems"),
            Part("features", "Exploring the features of mature partnerships"),
            Part("assess", "Assessing our level of maturity and our impact to date"),
            Part("curve", "Exploring how we turn the curve on what really matters"),
        ),
        segments=(
            Segment("welcome", "Who are we and what do we bring", 15, kind="welcome",
                    prompts=("Why am I here?", "What do I want to learn?"), notes="NOTE-welcome"),
            Segment("questions", "Powerful questions", 20, kind="input", part="imagine", ladder="powerful",
                    quote=Quote("Like inquisitive scientists, the best leaders remain students of their work.", "Jim Collins", "Good to Great")),
            Segment("imagine", "Let's imagine", 30, kind="activity", part="imagine", grouping="tables", deck="imagine",
                    prompts=("What thoughts does each card stimulate?",), materials=("Let's imagine cards",), notes="NOTE-imagine"),
            Segment("features", "Focus on learning", 25, kind="input", part="features", bullets=LONG_BULLETS, notes="NOTE-features"),
            Segment("coffee", "Coffee", 15, kind="break"),
            Segment("discuss", "What keeps us stuck?", 20, kind="discussion", part="features", grouping="pairs",
                    prompts=("What really keeps us stuck in a one-school mentality?",)),
            Segment("assess", "Where are we now?", 30, kind="activity", part="assess", rubric="maturity", grouping="tables"),
            Segment("curve", "We will turn the curve", 40, kind="activity", part="curve", curve="attendance", grouping="tables",
                    bullets=("What's the one tough issue shared by every school?",), materials=("Flip chart", "Markers")),
            Segment("close", "Taking stock", 15, kind="reflection", reflection="stock", notes="NOTE-close"),
        ),
        quotes=(Quote("Change happens when good people get together to do something bigger than themselves.", "Margaret Wheatley"),),
    )
    if session_changes:
        session = attrs.evolve(session, **session_changes)
    return SessionPack(
        session=session,
        decks=(small_deck(6),),
        ladders=(ladder(),),
        curves=(curve(),),
        rubrics=(rubric(),),
        reflections=(
            Reflection("stock", "Taking stock", (Prompt("A discovery"), Prompt("A disturbance"), Prompt("A delight")),
                       (Prompt("Your commitment"), Prompt("Who you can help"), Prompt("Who you need help from"))),
        ),
    )


def secret_pack(**changes):
    """The rich pack with a distinctive facilitator note on every segment."""
    pack = rich_pack(**changes)
    segments = tuple(
        attrs.evolve(segment, notes=f"SECRET-{segment.id} facilitator only: {segment.notes or 'watch the clock'}")
        for segment in pack.session.segments
    )
    return attrs.evolve(pack, session=attrs.evolve(pack.session, segments=segments))
