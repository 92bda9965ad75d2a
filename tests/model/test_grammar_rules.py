"""The grammar rules catch the rewrites issue 15 quotes as broken, and pass good ones."""

from __future__ import annotations

import pytest

from tests.model.grammar_rules import problems


@pytest.mark.parametrize(
    "broken",
    [
        "What tells us who make should the decision?",
        "What if we looked again at why that happen did?",
        "Why does it matter how long attendance been falling has?",
        "What tells us whether do we share data?",
        "Why does it matter what did you see?",
        "What tells us whether i can help?",
        "What tells us what we we hold in common?",
        "How might we find out what matters",
        "why does it matter what matters?",
    ],
)
def test_broken_rewrites_are_caught(broken):
    assert problems(broken)


@pytest.mark.parametrize(
    "good",
    [
        "Who is best placed to tell us whether our partnership is working?",
        "Why does it matter how reliable our evidence of impact on pupil learning is?",
        "What tells us where the strongest practice is in our cluster?",
        "When you say 'difficult', why does it matter what you mean?",
        "Imagine we met our goals for the term: what would be different?",
        "Who is best placed to tell us whether I can help with the next step?",
        "What tells us whether we can just copy what the other cluster did?",
    ],
)
def test_good_rewrites_pass(good):
    assert problems(good) == []
