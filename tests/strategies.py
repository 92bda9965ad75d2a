"""Hypothesis strategies for valid content of every kind."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from facilitate.model import (
    Action,
    Card,
    CardBack,
    CardDeck,
    Cause,
    DataPoint,
    Dimension,
    GroupSize,
    Idea,
    Indicator,
    Level,
    MaturityRubric,
    Method,
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
    Source,
    Step,
    TurnTheCurve,
)
from facilitate.model.session import GROUPINGS, SEGMENT_KINDS

ids = st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)
# Printable text of any script, no surrogates or control characters, not blank.
words = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())
short_text = words.map(str.strip).filter(bool)
latin_words = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz ĀāēīōūŁłńśźżàáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặ"), min_size=1, max_size=60).filter(lambda s: s.strip())


def unique_by_id(elements, min_size=1, max_size=6):
    return st.lists(elements, min_size=min_size, max_size=max_size, unique_by=lambda item: item.id).map(tuple)


@st.composite
def sessions(draw, max_segments: int = 8) -> Session:
    part_ids = draw(st.lists(ids, min_size=3, max_size=7, unique=True))
    conversation = tuple(Part(pid, draw(short_text)) for pid in part_ids)
    segment_ids = draw(st.lists(ids, min_size=1, max_size=max_segments, unique=True))
    segments = tuple(
        Segment(
            sid,
            draw(short_text),
            draw(st.integers(1, 90)),
            kind=draw(st.sampled_from(SEGMENT_KINDS)),
            part=draw(st.none() | st.sampled_from(part_ids)),
            grouping=draw(st.sampled_from(GROUPINGS)),
            bullets=tuple(draw(st.lists(short_text, max_size=3))),
            prompts=tuple(draw(st.lists(short_text, max_size=3))),
            notes=draw(st.just("") | short_text),
            materials=tuple(draw(st.lists(short_text, max_size=2))),
            quote=draw(st.none() | st.builds(Quote, short_text, short_text)),
        )
        for sid in segment_ids
    )
    start = draw(st.integers(6 * 60, 10 * 60))
    return Session(
        title=draw(short_text),
        segments=segments,
        id=draw(ids),
        subtitle=draw(st.just("") | short_text),
        date=draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))),
        starts_at=dt.time(start // 60, start % 60),
        venue=draw(st.just("") | short_text),
        hosts=tuple(draw(st.lists(short_text, max_size=2))),
        conversation=conversation,
    )


cards = st.builds(Card, ids, short_text, short_text, detail=st.just("") | short_text, category=st.just("") | short_text)
card_backs = st.builds(CardBack, title=st.just("") | short_text, colour=st.sampled_from(["#1f4e79", "#2e7d32", "#8e24aa", "#000000"]), pattern=st.sampled_from(["none", "dots", "stripes"]))


@st.composite
def decks(draw, card_text=short_text, max_cards: int = 12) -> CardDeck:
    chosen = draw(
        st.lists(
            st.builds(Card, ids, card_text, card_text, detail=st.just("") | card_text, category=st.sampled_from(["", "Place", "People", "Purpose"])),
            min_size=1,
            max_size=max_cards,
            unique_by=lambda c: c.id,
        )
    )
    return CardDeck(
        draw(ids),
        draw(card_text),
        tuple(chosen),
        description=draw(st.just("") | card_text),
        instructions=tuple(draw(st.lists(card_text, max_size=3))),
        back=draw(card_backs),
    )


ladders = st.builds(
    QuestionLadder,
    ids,
    short_text,
    topic=st.just("") | short_text,
    examples=st.lists(
        st.builds(RungExamples, st.sampled_from(["yes-no", "which-who-when-where", "what", "how", "why", "what-if"]), st.lists(short_text, min_size=1, max_size=2).map(tuple)),
        max_size=6,
    ).map(tuple),
    cautions=st.lists(short_text, max_size=2).map(tuple),
)

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False).map(lambda v: round(v, 3))


@st.composite
def curves(draw) -> TurnTheCurve:
    baseline = tuple(DataPoint(str(2000 + i), draw(finite)) for i in range(draw(st.integers(1, 8))))
    ideas = draw(st.lists(st.builds(Idea, short_text, st.sampled_from(["no-cost", "low-cost", "some-cost", "high-cost"])), max_size=3))
    if ideas and not any(i.cost in ("no-cost", "low-cost") for i in ideas):
        ideas.append(Idea(draw(short_text), "no-cost"))
    return TurnTheCurve(
        draw(ids),
        draw(short_text),
        Indicator(draw(short_text), draw(st.just("") | short_text), draw(st.sampled_from(["less-of", "more-of"]))),
        baseline,
        target=draw(st.none() | st.builds(DataPoint, st.just("2030"), finite)),
        story=tuple(draw(st.lists(st.builds(Cause, short_text, st.sampled_from(["helping", "hurting"])), max_size=3))),
        partners=tuple(draw(st.lists(st.builds(Partner, short_text, short_text), max_size=3))),
        what_works=tuple(ideas),
        essentials=tuple(draw(st.lists(short_text, max_size=3))),
        actions=tuple(draw(st.lists(st.builds(Action, short_text, short_text, short_text), max_size=3))),
    )


@st.composite
def rubrics(draw) -> MaturityRubric:
    dims = draw(
        st.lists(
            st.builds(Dimension, ids, short_text, st.lists(st.builds(Level, short_text, short_text), min_size=2, max_size=5).map(tuple)),
            min_size=1,
            max_size=5,
            unique_by=lambda d: d.id,
        )
    )
    responses = []
    for number in range(draw(st.integers(0, 4))):
        ratings = tuple(Rating(d.id, draw(st.integers(1, len(d.levels)))) for d in dims if draw(st.booleans()))
        responses.append(Response(f"Respondent {number + 1}", ratings))
    return MaturityRubric(draw(ids), draw(short_text), tuple(dims), responses=tuple(responses))


reflections = st.builds(
    Reflection,
    ids,
    short_text,
    st.lists(st.builds(Prompt, short_text, st.just("") | short_text), min_size=1, max_size=4).map(tuple),
    st.lists(st.builds(Prompt, short_text), max_size=3).map(tuple),
)

steps = st.builds(
    Step,
    short_text,
    st.integers(1, 90),
    instructions=st.just("") | short_text,
    grouping=st.none() | st.sampled_from(GROUPINGS),
    rounds=st.integers(1, 4),
    cue=st.just("") | short_text,
)


@st.composite
def methods(draw) -> Method:
    smallest = draw(st.integers(1, 20))
    return Method(
        draw(ids),
        draw(short_text),
        draw(short_text),
        tuple(draw(st.lists(steps, min_size=1, max_size=6))),
        grouping=draw(st.sampled_from(GROUPINGS)),
        group_size=GroupSize(smallest, draw(st.none() | st.integers(smallest, 200))),
        materials=tuple(draw(st.lists(short_text, max_size=3))),
        online=draw(st.just("") | short_text),
        cautions=tuple(draw(st.lists(short_text, max_size=2))),
        tags=tuple(draw(st.lists(ids, max_size=4))),
        source=draw(st.none() | st.builds(Source, short_text, st.just("") | short_text, st.just("") | short_text)),
        licence=draw(st.just("") | short_text),
    )


#: kind → strategy, for properties that hold for every content kind.
BY_KIND = {
    "session": sessions(),
    "deck": decks(),
    "ladder": ladders,
    "curve": curves(),
    "rubric": rubrics(),
    "reflection": reflections,
    "method": methods(),
}
