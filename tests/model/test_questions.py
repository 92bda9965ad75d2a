from __future__ import annotations

import pytest

from facilitate.model.questions import STANDARD_RUNGS, QuestionLadder, Rung, RungExamples, classify, strengthen, suggest
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


# --- Construction: the rules of issue 15, one test each -------------------------------

@pytest.mark.parametrize(
    ("question", "rung"),
    [
        ("What's working well for families?", "what"),
        ("What\u2019s working well for families?", "what"),
        ("How's the new timetable working?", "how"),
        ("Who's missing from this conversation?", "which-who-when-where"),
        ("What's changed since we last met?", "what"),
    ],
)
def test_contractions_and_curly_apostrophes_are_read_as_their_words(question, rung):
    assert classify(question).rung.id == rung


@pytest.mark.parametrize(
    "question",
    ["How much time do we spend on data?", "How many schools have tried peer review?", "How long has attendance been falling?",
     "How often do the heads meet?", "How important is this to families?", "How well did we do it?"],
)
def test_degree_and_quantity_gather_facts(question):
    assert classify(question).role == "facts"


@pytest.mark.parametrize(
    "question",
    ["What would happen if we pooled our budgets?", "What would be possible if we shared one dashboard?",
     "If we had twice the time, what would we try first?", "If we could start again, what would we do differently?",
     "Imagine it is 2030. What has changed?", "Suppose the funding stopped tomorrow: what would we keep?",
     "If you had one wish for this partnership, what would it be?", "What if every child had a mentor?"],
)
def test_possibility_frames_beyond_what_if(question):
    assert classify(question).role == "possibility"


def test_a_real_condition_is_not_a_possibility():
    # "If you say yes to this" is a real condition: the question asks what.
    assert classify("If you say yes to this, what must you say no to?").role == "open"
    assert classify("Was it obvious what I could work on if I had a spare moment?").role == "closed"


@pytest.mark.parametrize(
    ("question", "role"),
    [("In what ways might we involve families?", "process"), ("What is the reason we meet on Tuesdays?", "purpose"),
     ("For what reason did we choose this measure?", "purpose"), ("How come attendance drops in autumn?", "purpose"),
     ("To what extent do we trust each other's data?", "facts")],
)
def test_prepositional_and_reason_questions(question, role):
    assert classify(question).role == role


@pytest.mark.parametrize(
    ("question", "role"),
    [("When you say 'difficult', what do you mean?", "open"), ("When you say \u201cdifficult\u201d, what do you mean?", "open"),
     ("Given what we know, which school should host the next meeting?", "facts"), ("Round 2: Why does this matter?", "purpose"),
     ("Looking back on the year, what are you proudest of?", "open"), ("What caught your attention about (the report)?", "open")],
)
def test_leading_clauses_labels_and_quoted_words_do_not_decide(question, role):
    assert classify(question).role == role


@pytest.mark.parametrize(
    ("instruction", "role"),
    [("Tell me about a time the cluster surprised you.", "open"), ("Describe how the last handover went.", "process"),
     ("Explain why this matters to you.", "purpose"), ("List the partners who fund this work.", "open")],
)
def test_instructions_are_read_as_the_question_they_imply(instruction, role):
    result = classify(instruction)
    assert result.role == role and result.verdict == "instruction"
    assert any("instruction" in caution for caution in result.cautions)


def test_alternative_questions_are_not_yes_no():
    for question in ("Is the new rota better or worse?", "Should we meet monthly, or should we meet termly?"):
        result = classify(question)
        assert result.role != "closed" and any("alternatives" in c for c in result.cautions)
    assert classify("Do you have any questions or concerns?").role == "closed"


@pytest.mark.parametrize("text", ["Our next meeting is on Tuesday.", "Thank you all for coming!", "Maybe it was the people."])
def test_text_without_a_question_is_not_a_question(text):
    result = classify(text)
    assert result.verdict == "not-a-question" and result.rung is None and result.level == 0


def test_a_prompt_of_several_questions_is_classified_per_question():
    result = classify("Did it work? Why did it work?")
    assert result.verdict == "several-questions"
    assert [part.rung.id for part in result.parts] == ["yes-no", "why"]
    assert result.rung.id == "why"


# --- Custom ladders: rung roles --------------------------------------------------------

CUSTOM = (
    Rung("shut", "Shut", ("is",), role="closed"),
    Rung("explore", "Explore", ("what",), role="open"),
    Rung("dream", "Dream", ("what if",), role="possibility"),
)


def test_a_custom_ladder_gets_its_own_levels_and_rewrites():
    result = classify("What do we hold in common?", CUSTOM)
    assert (result.rung.id, result.level) == ("explore", 2)
    rewrites = strengthen("Is it working?", CUSTOM)
    assert len(rewrites) >= 2
    assert all(classify(text, CUSTOM).level > 1 for text in rewrites)
    # A facts question has no rung of its own here: it lands on the nearest lower role's.
    assert classify("Who decides?", CUSTOM).rung.id == "shut"


def test_a_rung_without_a_role_takes_it_from_its_id_or_stems():
    assert Rung("how", "How").kind == "process"
    assert Rung("deeper", "Deeper", ("why",)).kind == "purpose"
    assert Rung("mystery", "Mystery").kind is None
    with pytest.raises(ModelError):
        Rung("odd", "Odd", role="sideways")


def test_ladder_example_is_the_first_question_or_empty():
    ladder = QuestionLadder("l", "L", examples=(RungExamples("what", ("First?", "Second?")),))
    assert ladder.example("what") == "First?"
    assert ladder.example("why") == ""


# --- Scope and assumptions -------------------------------------------------------------

def test_scope_too_broad_and_too_narrow():
    assert classify("What is the meaning of life?").scope == "too broad"
    assert classify("Who is coming today?").scope == "too narrow"
    assert classify("What do we hold in common across our schools?").scope is None


@pytest.mark.parametrize(
    ("question", "word"),
    [("Why didn't you send the data?", "defensive"), ("Why are we still waiting for the data?", "still"),
     ("Can't we just copy the other cluster?", "just"), ("Why do our schools always fail?", "fail"),
     ("Don't you think the plan is too vague?", "leads")],
)
def test_assumptions_are_named(question, word):
    assert any(word in assumption for assumption in classify(question).assumptions)


@pytest.mark.parametrize(
    "question",
    ["Why did you choose that, given what you just told me?", "What still puzzles us?", "What is just starting to emerge?",
     "How do we share our data?"],
)
def test_no_false_alarms(question):
    assert classify(question).assumptions == ()


# --- Languages -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("question", "language", "role"),
    [("Pam mae'n digwydd?", "cy", "purpose"), ("Sut gallwn ni helpu?", "cy", "process"), ("Beth os byddwn ni'n methu?", "cy", "possibility"),
     ("Pourquoi cette question est-elle efficace ?", "fr", "purpose"), ("Comment les accompagnez-vous ?", "fr", "process"),
     ("Et si on essayait autre chose ?", "fr", "possibility"), ("¿Por qué es importante?", "es", "purpose"),
     ("¿Cuántos colegios participan?", "es", "facts"), ("¿Puedo interrumpirte?", "es", "closed")],
)
def test_welsh_french_and_spanish_questions_by_their_own_words(question, language, role):
    result = classify(question)
    assert (result.language, result.role) == (language, role)


def test_other_languages_are_not_supported_never_a_wrong_rung():
    for question in ("Wie geht es dir?", "Quanto dura la sessione?", "Что вы думаете?"):
        result = classify(question)
        assert result.verdict == "language-not-supported" and result.rung is None


def test_an_explicit_language_wins_over_detection():
    assert classify("Pam?", language="cy").role == "purpose"
    with pytest.raises(ModelError):
        classify("Why?", language="de")


def test_strengthen_says_when_it_cannot_rewrite_a_language():
    result = suggest("Pourquoi cette question est-elle efficace ?")
    assert result.rewrites == () and "French" in result.reason
    assert suggest("What if we started again?").reason == "already on the top rung"
