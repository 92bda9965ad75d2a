from __future__ import annotations

import pytest

from facilitate.errors import ModelError
from facilitate.model import Dimension, Level, MaturityRubric, Rating, Response

LEVELS = (Level("Networking"), Level("Coordinating"), Level("Cooperating"), Level("Collaborating"))


def rubric(responses=()) -> MaturityRubric:
    return MaturityRubric(
        "ways",
        "Ways of partnering",
        (Dimension("involvement", "Involvement", LEVELS), Dimension("skills", "Skills", LEVELS)),
        responses=responses,
    )


def test_scores_spread_and_weakest_dimension():
    result = rubric(
        (
            Response("A", (Rating("involvement", 3), Rating("skills", 1))),
            Response("B", (Rating("involvement", 4), Rating("skills", 2))),
            Response("C", (Rating("involvement", 2),)),
        )
    ).assess()
    involvement, skills = result.scores
    assert involvement.mean == 3 and involvement.count == 3
    assert involvement.spread == pytest.approx(0.8165, abs=1e-4)
    assert skills.mean == 1.5 and skills.lowest == 1 and skills.highest == 2
    assert result.weakest.dimension.id == "skills"
    assert result.respondents == 3


def test_no_responses_means_no_scores():
    assert rubric().assess().scores == () and rubric().assess().weakest is None


def test_a_level_outside_the_scale_names_the_rating():
    with pytest.raises(ModelError) as error:
        rubric((Response("A", (Rating("skills", 5),)),))
    assert error.value.field_path == ("responses", 0, "ratings", 0, "level")


def test_an_unknown_dimension_is_refused():
    with pytest.raises(ModelError, match="no dimension 'trust'"):
        rubric((Response("A", (Rating("trust", 1),)),))
