"""Maturity rubrics and the self-assessments made with them."""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable

import attrs

from facilitate.errors import ModelError
from facilitate.model._fields import identifier, non_empty, to_tuple, unique_ids


@attrs.frozen
class Level:
    """One step of a dimension, from least to most mature."""

    label: str = attrs.field(validator=non_empty)
    descriptor: str = ""


@attrs.frozen
class Dimension:
    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    levels: tuple[Level, ...] = attrs.field(factory=tuple, converter=to_tuple)
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
    """One person's ratings, and who they speak for."""

    #: Anything that helps you check your typing (initials, a table number); never printed.
    respondent: str = attrs.field(validator=non_empty)
    ratings: tuple[Rating, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: The group the person belongs to (a school, a team), to compare groups.
    group: str = ""
    #: When the rating was made (e.g. "Autumn 2024"), to compare one round of ratings with another.
    wave: str = ""


@attrs.frozen
class Band:
    """A stretch of the level scale with a name that says how to read a mean in it."""

    #: The lowest mean in the band (on the scale of levels counted from 1).
    from_: float = attrs.field(converter=float)
    #: Where the band ends: a mean equal to it belongs to the next band (or to this one if it is the last).
    to: float = attrs.field(converter=float)
    label: str = attrs.field(validator=non_empty)

    def __attrs_post_init__(self) -> None:
        for name in ("from_", "to"):
            if not math.isfinite(getattr(self, name)):
                raise ModelError(f"must be a number, got {getattr(self, name)!r}", (name.rstrip("_"),))
        if not self.from_ < self.to:
            raise ModelError(f"must end above where it starts ({self.from_:g}), got {self.to:g}", ("to",))


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

    def label(self, level: int) -> str:
        """The name of a level of this dimension (counted from 1)."""
        return self.dimension.levels[level - 1].label


@attrs.frozen
class MaturityRubric:
    """Dimensions with ordered levels; optionally the responses of a self-assessment."""

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    dimensions: tuple[Dimension, ...] = attrs.field(converter=to_tuple, validator=non_empty)
    description: str = ""
    source: str = ""
    #: The ratings; in a rubric file also form exports (Google Forms CSV, Microsoft Forms XLSX, a table; see ExportFile).
    responses: tuple[Response, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: Names for stretches of the level scale, lowest first, e.g. {from: 1, to: 2, label: Concern}.
    bands: tuple[Band, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: The column of the form exports whose answers name each person's group (e.g. "Your school").
    group_by: str = ""

    def __attrs_post_init__(self) -> None:
        unique_ids(self.dimensions, "dimensions")
        self._check_bands()
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

    def _check_bands(self) -> None:
        top = max(len(dimension.levels) for dimension in self.dimensions)
        for index, band in enumerate(self.bands):
            where = ("bands", index)
            if band.from_ < 1 or band.to > top:
                raise ModelError(f"must lie within the levels, 1 to {top}, got {band.from_:g} to {band.to:g}", where)
            if index and band.from_ < self.bands[index - 1].to:
                previous = self.bands[index - 1]
                raise ModelError(
                    f"starts at {band.from_:g}, inside the band before it ({previous.label}: {previous.from_:g} to"
                    f" {previous.to:g}); list bands lowest first, without overlaps",
                    where + ("from",),
                )

    def band(self, mean: float) -> Band | None:
        """The band a mean level falls in: from ≤ mean < to (the last band includes its end)."""
        for index, band in enumerate(self.bands):
            last = index == len(self.bands) - 1
            if band.from_ <= mean < band.to or (last and mean == band.to):
                return band
        return None

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
        """The people who rated at least one dimension (a response that skipped every row tells nothing)."""
        return sum(1 for response in self.rubric.responses if response.ratings)

    @property
    def weakest(self) -> DimensionScore | None:
        """The dimension with the lowest mean (the first, on a tie)."""
        scores = self.scores
        return min(scores, key=lambda s: s.mean) if scores else None

    @property
    def widest(self) -> DimensionScore | None:
        """The dimension where views differ most: the largest spread (the first, on a tie); None if all agree."""
        scores = [score for score in self.scores if score.spread > 0]
        return max(scores, key=lambda s: s.spread) if scores else None

    @property
    def groups(self) -> tuple[str, ...]:
        """The groups the responses name, in the order they first appear ("" for none)."""
        return tuple(dict.fromkeys(response.group for response in self.rubric.responses))

    @property
    def waves(self) -> tuple[str, ...]:
        """The waves the responses name, in the order they first appear ("" for none)."""
        return tuple(dict.fromkeys(response.wave for response in self.rubric.responses))

    def where(self, keep: Callable[[Response], bool]) -> SelfAssessment:
        """The assessment of only the responses ``keep`` accepts (one group, one wave)."""
        return SelfAssessment(attrs.evolve(self.rubric, responses=tuple(r for r in self.rubric.responses if keep(r))))
