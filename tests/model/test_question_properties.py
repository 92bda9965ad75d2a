"""Properties of the ladder over any text (Hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from facilitate.model.questions import classify, strengthen

WORDS = st.sampled_from(
    "what why how who which when where is are do does did can could would if imagine suppose we you they our "
    "the data schools partnership work share matter change not don't isn't what's how's 'quoted' (bracketed) "
    "and or but , ? . : ¿ qué pourquoi pam wie".split()
)
QUESTIONS = st.lists(WORDS, min_size=1, max_size=14).map(" ".join) | st.text(min_size=1, max_size=80)


@given(QUESTIONS)
def test_classify_never_raises_on_any_text(text):
    if not text.strip():
        return
    result = classify(text)
    assert (result.rung is None) == (result.level == 0)


@given(st.lists(WORDS, min_size=1, max_size=14).map(" ".join).map(lambda t: t + "?"))
def test_strengthen_never_returns_a_lower_or_equal_rung(text):
    level = classify(text).level
    for rewrite in strengthen(text):
        assert classify(rewrite).level > level
