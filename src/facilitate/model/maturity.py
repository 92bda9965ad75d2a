"""Maturity rubrics and the self-assessments made with them."""

from __future__ import annotations

import statistics

import attrs

from facilitate.errors import ModelError
from facilitate.model._fields import identifier, non_empty, to_tuple, tuple_field, unique_ids


@attrs.frozen
class Level:
    """One step of a dimension, from least to most mature."""

    label: str = attrs.field(validator=non_empty)
    descriptor: str = ""


@attrs.frozen
class Dimension:
    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    levels: tuple[Level, ...] = tuple_field()
    description: str = ""

    def __attrs_post_init__(self) -> None:
        if len(self.levels) < 2:
            raise ModelError(f"needs at least 2 levels, has {len(self.levels)}", ("levels",))


@attrs.frozen
class Rating:
    """One respondent's level for one dimension, counted from 1 (least mature)."""

    dimension: str = attrs.field(validator=identifier)
    level: int = attrs.field()


@attrs.frozen
class Response:
    respondent: str = attrs.field(validator=non_empty)
    ratings: tuple[Rating, ...] = tuple_field()


@attrs.frozen
class DimensionScore:
    """The responses for one dimension, summarised."""

    dimension: Dimension
    levels: tuple[int, ...]

    @property
    def mean(self) -> float:
        return statistics.fmean(self.levels)

    @property
    def lowest(self) -> int:
        return min(self.levels)

    @property
    def highest(self) -> int:
        return max(self.levels)

    @property
    def spread(self) -> float:
        """Population standard deviation: how far the room disagrees."""
        return statistics.pstdev(self.levels)

    @property
    def count(self) -> int:
        return len(self.levels)


@attrs.frozen
class MaturityRubric:
    """Dimensions with ordered levels; optionally the responses of a self-assessment."""

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    dimensions: tuple[Dimension, ...] = attrs.field(converter=to_tuple, validator=non_empty)
    description: str = ""
    source: str = ""
    responses: tuple[Response, ...] = tuple_field()

    def __attrs_post_init__(self) -> None:
        unique_ids(self.dimensions, "dimensions")
        by_id = {d.id: d for d in self.dimensions}
        for r_index, response in enumerate(self.responses):
            seen = set()
            for g_index, rating in enumerate(response.ratings):
                where = ("responses", r_index, "ratings", g_index)
                dimension = by_id.get(rating.dimension)
                if dimension is None:
                    raise ModelError(
                        f"no dimension {rating.dimension!r} (dimensions: {', '.join(by_id)})",
                        where + ("dimension",),
                    )
                if rating.dimension in seen:
                    raise ModelError(f"rates {rating.dimension!r} twice", where + ("dimension",))
                seen.add(rating.dimension)
                if isinstance(rating.level, bool) or not isinstance(rating.level, int) or not (
                    1 <= rating.level <= len(dimension.levels)
                ):
                    raise ModelError(
                        f"must be a level from 1 to {len(dimension.levels)}, got {rating.level!r}",
                        where + ("level",),
                    )

    @property
    def scale(self) -> tuple[str, ...]:
        """Level labels of the first dimension (most rubrics share one scale)."""
        return tuple(level.label for level in self.dimensions[0].levels)

    def assess(self) -> SelfAssessment:
        return SelfAssessment(self)


@attrs.frozen
class SelfAssessment:
    """The result of a rubric's responses: per-dimension scores, spread, weakest dimension."""

    rubric: MaturityRubric

    @property
    def scores(self) -> tuple[DimensionScore, ...]:
        scores = []
        for dimension in self.rubric.dimensions:
            levels = tuple(
                rating.level
                for response in self.rubric.responses
                for rating in response.ratings
                if rating.dimension == dimension.id
            )
            if levels:
                scores.append(DimensionScore(dimension, levels))
        return tuple(scores)

    @property
    def respondents(self) -> int:
        return len(self.rubric.responses)

    @property
    def weakest(self) -> DimensionScore | None:
        """The dimension with the lowest mean (the first, on a tie)."""
        scores = self.scores
        return min(scores, key=lambda s: s.mean) if scores else None
