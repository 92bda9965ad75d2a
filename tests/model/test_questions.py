from __future__ import annotations

import pytest

from facilitate.model.questions import STANDARD_RUNGS, QuestionLadder, RungExamples, classify, strengthen
from facilitate.errors import ModelError

REAL_QUESTIONS = [
    ("Is our partnership working?", "yes-no"),
    ("Do schools in the cluster share data?", "yes-no"),
    ("Can we agree one priority this year?", "yes-no"),
    ("Should the heads meet every month?", "yes-no"),
    ("Which school has the strongest transition practice?", "which-who-when-where"),
    ("Who else needs to be in the room?", "which-who-when-where"),
    ("When did we last review our priorities?", "which-who-when-where"),
    ("Where is the expertise in our partnership?", "which-who-when-where"),
    ("What do we hold in common?", "what"),
    ("What does the data tell us about persistent absence?", "what"),
    ("So, what would success look like for our children?", "what"),
    ("How might we share our best teaching across schools?", "how"),
    ("How do we know the partnership is making a difference?", "how"),
    ("In your view, how could we involve families more?", "how"),
    ("Why does this partnership exist?", "why"),
    ("Why is attendance falling in the autumn term?", "why"),
    ("What if the pull of the collective were stronger than the pull of any one school?", "what-if"),
    ("What if every child had a guarantee from the whole partnership?", "what-if"),
    ("Imagine if students led our peer reviews: what would change?", "what-if"),
    ("Why do we exist?", "why"),
]


@pytest.mark.parametrize(("question", "rung"), REAL_QUESTIONS)
def test_classifies_real_questions_on_the_right_rung(question, rung):
    assert classify(question).rung.id == rung


def test_score_rises_with_the_rung_and_possibility_language():
    assert classify("Is it working?").score == 1
    assert classify("How do we share data?").score == 4
    assert classify("How might we share data?").score == 4.5
    assert classify("What if we shared everything?").score == 6


def test_why_questions_carry_the_accusatory_caution():
    cautions = " ".join(classify("Why didn't you send the data?").cautions)
    assert "accusatory" in cautions and "defensive" in cautions


def test_loaded_words_flag_a_hidden_assumption():
    assert any("assumption" in c for c in classify("Why do our schools always fail?").cautions)


@pytest.mark.parametrize(("question", "_"), REAL_QUESTIONS)
def test_strengthen_only_offers_higher_rungs(question, _):
    level = classify(question).level
    rewrites = strengthen(question)
    if level == 6:
        assert rewrites == ()
        return
    assert len(rewrites) >= 2
    levels = [classify(text).level for text in rewrites]
    assert all(found > level for found in levels) and levels == sorted(levels)
    # One rewrite for each higher rung (a why question has one, so gets two of it).
    assert set(levels) == set(range(level + 1, 7))


def test_strengthen_keeps_the_question_words():
    assert "How might we find out whether our partnership is working?" in strengthen("Is our partnership working?")
    assert "What tells us whether schools share data?" in strengthen("Do schools share data?")


def test_what_if_is_marked_as_an_extension():
    assert [r.id for r in STANDARD_RUNGS if r.extension] == ["what-if"]


def test_an_empty_question_is_refused():
    with pytest.raises(ModelError):
        classify("   ")


def test_ladder_examples_must_name_a_rung():
    with pytest.raises(ModelError) as error:
        QuestionLadder("l", "L", examples=(RungExamples("sideways", ("Q?",)),))
    assert error.value.field_path == ("examples", 0, "rung")
