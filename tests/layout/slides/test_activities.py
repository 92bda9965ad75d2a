"""The slides of activities: cards, reflection prompts, the question ladder, the curve, the rubric."""

from __future__ import annotations

import attrs
import pytest

from facilitate.errors import TextOverflowError
from facilitate.layout import slides as spec
from facilitate.model import Prompt, Reflection, Segment, SessionPack
from tests.conftest import small_pack, small_session
from tests.deck_fixtures import rich_pack
from facilitate.layout.slides.activities import MIN_CHART_HEIGHT
from tests.layout.slides.checks import assert_everything_fits


def test_a_card_activity_lists_the_decks_instructions_numbered():
    deck = spec.build_deck(small_pack())
    (cards,) = deck.of_kind("cards")
    numbered = [p for p in cards.body.paragraphs if p.bullet == "number"]
    assert [(p.text, p.number) for p in numbered] == [("Lay the cards face down.", 1), ("Turn one at a time.", 2)]
    assert "Deck: Let's imagine (12 cards)." in cards.notes
    assert any(isinstance(s, spec.TextBox) and s.name == "timing" for s in cards.shapes)


def test_cards_as_slides_gives_one_slide_per_card():
    without = spec.build_deck(small_pack())
    with_cards = spec.build_deck(small_pack(), cards_as_slides=True)
    assert len(with_cards.slides) - len(without.slides) == 12
    cards = with_cards.of_kind("card")
    assert [c.title_text for c in cards] == [f"Card {n}" for n in range(1, 13)]
    assert "A system where idea number 3 is already happening" in cards[2].texts()
    assert "Let's imagine · card 3 of 12" in cards[2].texts()


def test_reflection_prompts_sit_side_by_side_at_one_size():
    deck = spec.build_deck(small_pack())
    (slide,) = deck.of_kind("reflection")
    prompts = [s for s in slide.shapes if isinstance(s, spec.TextBox) and s.name.startswith("prompt:")]
    assert [p.paragraphs[0].text for p in prompts] == ["A discovery", "A disturbance", "A delight"]
    assert all(a.box.right < b.box.x and a.box.y == b.box.y for a, b in zip(prompts, prompts[1:]))
    assert len({p.paragraphs[0].size for p in prompts}) == 1 and all(p.shape == "rounded" for p in prompts)
    (commitments,) = deck.of_kind("commitments")
    assert commitments.body.paragraphs[0].text == "My commitment"


def test_more_than_four_reflection_prompts_become_a_list():
    prompts = tuple(Prompt(f"Prompt {n}", f"Question {n}?") for n in range(1, 6))
    pack = small_pack(reflections=(Reflection("stock", "Taking stock", prompts),))
    (slide,) = spec.build_deck(pack).of_kind("reflection")
    assert [p.text for p in slide.body.paragraphs] == [f"Prompt {n}: Question {n}?" for n in range(1, 6)]


def test_a_reflection_prompt_too_long_for_its_box_is_named_with_the_room_its_box_has():
    prompts = (Prompt("Short"), Prompt("Long", "why " * 400))
    pack = small_pack(reflections=(Reflection("stock", "Taking stock", prompts),))
    with pytest.raises(TextOverflowError) as caught:
        spec.build_deck(pack)
    message = str(caught.value)
    assert message.startswith("prompt 'Long': question: too long for its slide at 18 pt by about")
    # How much to cut is measured against the rounded box's text area, as the fitting is.
    error = caught.value
    assert error.owner is prompts[1] and error.field == ("question",)


def test_ladder_is_a_staircase_of_rungs_with_an_arrow():
    deck = spec.build_deck(rich_pack())
    ladder = deck.of_kind("ladder")[0]
    rungs = [s for s in ladder.shapes if isinstance(s, spec.TextBox) and s.name.startswith("rung:")]
    assert [r.paragraphs[0].text for r in rungs] == ["Yes/no", "Which / who / when / where", "What", "How", "Why", "What if"]
    assert all(a.box.x < b.box.x and a.box.y > b.box.y for a, b in zip(rungs, rungs[1:]))  # rising
    assert rungs[0].paragraphs[1].text.startswith("is, are, am, was")
    assert any(s.name == "arrow" and s.shape == "right-arrow" for s in ladder.shapes)
    assert "less powerful  →  more powerful" in ladder.texts()
    assert "Caution: 'Why' can sound accusatory." in ladder.notes
    assert "How: " in ladder.notes and "e.g. How is our partnership working?" in ladder.notes
    (examples,) = deck.of_kind("ladder-examples")
    assert examples.title_text == "Questions about our partnership"


def test_the_curve_is_a_chart_then_its_story_partners_ideas_essentials_and_steps():
    deck = spec.build_deck(rich_pack())
    assert [s.kind for s in deck.slides if s.segment == "curve"] == [
        "activity", "curve-chart", "curve-story", "curve-partners", "curve-what-works", "curve-essentials", "curve-actions",
    ]
    (chart_slide,) = deck.of_kind("curve-chart")
    issue = next(s for s in chart_slide.shapes if isinstance(s, spec.TextBox) and s.name == "issue")
    chart = next(s for s in chart_slide.shapes if isinstance(s, spec.Chart))
    assert issue.text == "Persistent absence is rising in every school" and chart.box.y > issue.box.bottom
    story = deck.of_kind("curve-story")[0].body.paragraphs
    assert [(p.text, p.bold) for p in story] == [
        ("What is helping", True), ("Breakfast clubs", False), ("What is hurting", True), ("Transport costs", False),
    ]
    essentials = deck.of_kind("curve-essentials")[0]
    assert [p.bullet for p in essentials.body.paragraphs] == ["number", "number"]
    assert deck.of_kind("curve-what-works")[0].body.paragraphs[1].text == "Attendance mentors (some cost): EEF toolkit"


def test_a_rubric_gives_its_table_then_the_groups_scores():
    deck = spec.build_deck(rich_pack())
    assert [s.kind for s in deck.slides if s.segment == "assess"] == ["maturity-table", "maturity-scores"]
    scores = deck.of_kind("maturity-scores")[0]
    assert "3 responses. Weakest: Use of data (mean 1.3)." in scores.notes
    assert_everything_fits(deck)


def test_a_rubric_without_responses_has_no_scores_slide():
    from tests.deck_fixtures import rubric

    session = small_session(segments=(Segment("assess", "Assess", 30, rubric="maturity"),), conversation=())
    deck = spec.build_deck(SessionPack(session, rubrics=(rubric(responses=False),)))
    assert [s.kind for s in deck.slides] == ["title", "maturity-table"]


def _with_curve(**changes) -> SessionPack:
    pack = rich_pack()
    return attrs.evolve(pack, curves=(attrs.evolve(pack.curve("attendance"), **changes),))


def test_the_curves_description_and_source_are_under_its_chart():
    pack = _with_curve(description="Illustrative data, for practice only.", source="Made up for this example.")
    for aspect in ("16:9", "4:3"):
        deck = spec.build_deck(pack, aspect=aspect)
        (slide,) = deck.of_kind("curve-chart")
        about = next(s for s in slide.shapes if isinstance(s, spec.TextBox) and s.name == "about-data")
        chart = next(s for s in slide.shapes if isinstance(s, spec.Chart))
        assert [p.text for p in about.paragraphs] == ["Illustrative data, for practice only.", "Source: Made up for this example."]
        assert chart.box.bottom < about.box.y and about.box.bottom <= deck.height
        assert not deck.of_kind("curve-data")
        assert_everything_fits(deck)


def test_a_long_description_and_source_get_a_slide_after_the_chart():
    words = "These figures are illustrative, made up for practice, and match no real school or cluster. " * 4
    pack = _with_curve(description=words, source="A long note on where the data came from. " * 5)
    deck = spec.build_deck(pack)
    kinds = [s.kind for s in deck.slides if s.segment == "curve"]
    assert kinds[1:3] == ["curve-chart", "curve-data"]
    (chart_slide,) = deck.of_kind("curve-chart")
    assert not any(getattr(s, "name", "") == "about-data" for s in chart_slide.shapes)
    texts = deck.of_kind("curve-data")[0].texts()
    assert words.strip() in texts and any(t.startswith("Source: A long note") for t in texts)
    assert_everything_fits(deck)


def test_a_curve_without_description_or_source_keeps_the_whole_body_for_its_chart():
    deck = spec.build_deck(rich_pack())
    (slide,) = deck.of_kind("curve-chart")
    chart = next(s for s in slide.shapes if isinstance(s, spec.Chart))
    assert chart.box.bottom == pytest.approx(deck.height - spec.BOTTOM)


def test_a_caption_never_squeezes_the_chart_below_its_least_height():
    issue = ("Absence is rising in every school we serve. " * 9).strip()
    pack = _with_curve(issue=issue, description=("Illustrative figures. " * 3).strip(), source=("Made up for practice. " * 3).strip())
    moved = {}
    for aspect in ("16:9", "4:3"):
        deck = spec.build_deck(pack, aspect=aspect)
        (slide,) = deck.of_kind("curve-chart")
        chart = next(s for s in slide.shapes if isinstance(s, spec.Chart))
        captioned = any(getattr(s, "name", "") == "about-data" for s in slide.shapes)
        assert chart.box.height >= MIN_CHART_HEIGHT
        assert captioned != bool(deck.of_kind("curve-data"))  # under the chart, or on its own slide
        moved[aspect] = not captioned
        assert_everything_fits(deck)
    # The wide slide has room for all three; on the 4:3 slide the four-line issue leaves too little.
    assert moved == {"16:9": False, "4:3": True}
