"""Suggestions after a self-assessment: tagged items for the weakest and the most divided dimension."""

from __future__ import annotations

from facilitate.model import Dimension, Level, MaturityRubric, Rating, Response, Tagged, suggest
from facilitate.model.suggestions import MOST_DIVIDED, WEAKEST

LEVELS = (Level("Emerging"), Level("Developing"), Level("Established"), Level("Leading"))
DIMENSIONS = (
    Dimension("data-wise", "Be data and evidence wise", LEVELS),
    Dimension("aligned", "Be aligned", LEVELS),
    Dimension("connected", "Be connected", LEVELS),
)

LIBRARY = (
    Tagged("segment", "day/compare", "Comparing our ratings", ("aligned",)),
    Tagged("deck", "five-insights", "Five insights", ("data-wise", "aligned", "connected")),
    Tagged("method", "five-whys", "Five whys", ("data-wise", "root-causes")),
    Tagged("method", "fishbone", "Fishbone diagram", ("data-wise", "focus", "root-causes")),
    Tagged("method", "affinity-mapping", "Affinity mapping", ("data-wise", "focus", "sense-making")),
    Tagged("method", "dot-voting", "Dot voting", ("aligned", "decisions")),
    Tagged("method", "fist-of-five", "Fist of five", ("aligned", "differing-views", "decisions", "governance")),
    Tagged("method", "spectrogram", "Spectrogram", ("aligned", "differing-views")),
)


def rubric(*ratings: dict[str, int]) -> MaturityRubric:
    responses = [
        Response(f"Person {n}", tuple(Rating(dimension, level) for dimension, level in rated.items()))
        for n, rated in enumerate(ratings, 1)
    ]
    return MaturityRubric("five", "Five insights", DIMENSIONS, responses=responses)


def test_weakest_and_most_divided_dimensions_each_get_up_to_three_items():
    assessment = rubric(
        {"data-wise": 1, "aligned": 1, "connected": 3},
        {"data-wise": 1, "aligned": 4, "connected": 3},
        {"data-wise": 2, "aligned": 4, "connected": 3},
    ).assess()
    weakest, divided = suggest(assessment, LIBRARY)
    assert (weakest.score.dimension.id, weakest.reason) == ("data-wise", WEAKEST)
    # Methods first, the more specific (fewer tags) before the broader, then decks and segments.
    assert [item.id for item in weakest.items] == ["five-whys", "affinity-mapping", "fishbone"]
    assert (divided.score.dimension.id, divided.reason) == ("aligned", MOST_DIVIDED)
    # Where views differ, the items that help with differing views come first.
    assert [item.id for item in divided.items] == ["spectrogram", "fist-of-five", "dot-voting"]


def test_one_suggestion_when_the_weakest_is_also_the_most_divided():
    assessment = rubric(
        {"data-wise": 1, "aligned": 3, "connected": 3},
        {"data-wise": 4, "aligned": 3, "connected": 3},
        {"data-wise": 1, "aligned": 3, "connected": 4},
    ).assess()
    (only,) = suggest(assessment, LIBRARY, count=2)
    assert only.score.dimension.id == "data-wise"
    assert only.reason == f"{WEAKEST} and {MOST_DIVIDED}"
    assert len(only.items) == 2


def test_no_divided_suggestion_when_everyone_agrees():
    assessment = rubric({"data-wise": 2, "aligned": 3, "connected": 3}, {"data-wise": 2, "aligned": 3, "connected": 3}).assess()
    (only,) = suggest(assessment, LIBRARY)
    assert (only.score.dimension.id, only.reason) == ("data-wise", WEAKEST)


def test_a_dimension_nothing_is_tagged_for_gets_a_suggestion_with_no_items():
    assessment = rubric({"data-wise": 3, "aligned": 3, "connected": 1}).assess()
    (only,) = suggest(assessment, LIBRARY)
    assert only.score.dimension.id == "connected"
    assert [item.id for item in only.items] == ["five-insights"]
    (nothing,) = suggest(assessment, ())
    assert nothing.items == ()


def test_no_responses_no_suggestions():
    assert suggest(rubric().assess(), LIBRARY) == []
