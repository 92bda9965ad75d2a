"""A self-assessment's results as plain data, before any format shows them.

One plan serves every output: the ``facilitate results`` table (text, CSV, JSON), the
results page of the assessment PDF, and the results slides. It holds, for everyone and
then for each group or wave (or each wave and group):

- per dimension: number of ratings, mean level, spread (population standard deviation),
  lowest and highest level, the name of the nearest level and of the band the mean is in;
- the weakest dimension and the one where views differ most;
- per dimension, a comparison of the groups or waves (:class:`Comparison`) on that
  dimension's own level scale, with the level names for its axis and the rubric's bands,
  and :meth:`Comparison.plot` placing it in a box.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from facilitate.labels import ENGLISH, Labels, N_
from facilitate.model.maturity import DimensionScore, MaturityRubric, Response, SelfAssessment

#: Names shown for responses that name no group or no wave.
NO_GROUP = N_("(no group)")
NO_WAVE = N_("(not dated)")
EVERYONE = N_("All responses")


@attrs.frozen
class BandSpan:
    """A band of the rubric on one dimension's scale (clipped to its levels)."""

    start: float
    end: float
    label: str


@attrs.frozen
class DimensionResult:
    """One dimension's ratings in one section (everyone, a group or a wave), summarised."""

    id: str
    title: str
    #: The dimension's level names, least mature first: the axis of its chart.
    levels: tuple[str, ...]
    ratings: int
    mean: float
    spread: float
    lowest: int
    highest: int
    #: The rubric band the mean falls in ("" when the rubric has no bands, or none holds it).
    band: str = ""

    @property
    def nearest(self) -> str:
        """The name of the level nearest the mean (halves round up)."""
        return self.levels[min(len(self.levels), int(self.mean + 0.5)) - 1]

    @property
    def lowest_name(self) -> str:
        return self.levels[self.lowest - 1]

    @property
    def highest_name(self) -> str:
        return self.levels[self.highest - 1]


@attrs.frozen
class Section:
    """The results of everyone, or of one group or wave."""

    name: str
    group: str
    wave: str
    respondents: int
    dimensions: tuple[DimensionResult, ...]
    weakest: DimensionResult | None
    #: The dimension where views differ most; None when everyone agrees on every dimension.
    widest: DimensionResult | None


@attrs.frozen
class Entry:
    """One group or wave on a dimension's comparison chart."""

    name: str
    ratings: int
    mean: float
    spread: float
    lowest: int
    highest: int
    band: str = ""


@attrs.frozen
class PlacedEntry:
    """An entry placed in a plot: its row and where its marks go along the level axis."""

    entry: Entry
    #: The middle of its row, from the bottom of the plot (the first entry is at the top).
    y: float
    thickness: float
    mean_x: float
    #: Mean ± one standard deviation, kept to the scale.
    spread_from: float
    spread_to: float
    lowest_x: float
    highest_x: float


@attrs.frozen
class ComparisonPlot:
    """A comparison chart laid out in a ``width`` × ``height`` plot area (origin bottom left)."""

    width: float
    height: float
    #: (level number, level name, x) for each level: the axis is labelled with names, not numbers.
    ticks: tuple[tuple[int, str, float], ...]
    #: (band, x where it starts, x where it ends), to shade behind the entries.
    bands: tuple[tuple[BandSpan, float, float], ...]
    entries: tuple[PlacedEntry, ...]


@attrs.frozen
class Comparison:
    """One dimension across the groups or waves: the chart a results page and a slide draw."""

    dimension: str
    title: str
    levels: tuple[str, ...]
    entries: tuple[Entry, ...]
    bands: tuple[BandSpan, ...] = ()

    def x(self, level: float, width: float) -> float:
        """Where a level (1 to the number of levels) sits along an axis ``width`` long."""
        return (level - 1) / (len(self.levels) - 1) * width

    def plot(self, width: float = 300.0, height: float = 120.0) -> ComparisonPlot:
        """Place the entries one row each, first at the top, on the dimension's level scale."""
        top = len(self.levels)
        row = height / max(len(self.entries), 1)

        def clip(value: float) -> float:
            return min(max(value, 1.0), float(top))

        placed = tuple(
            PlacedEntry(
                entry,
                y=height - (index + 0.5) * row,
                thickness=row * 0.6,
                mean_x=self.x(entry.mean, width),
                spread_from=self.x(clip(entry.mean - entry.spread), width),
                spread_to=self.x(clip(entry.mean + entry.spread), width),
                lowest_x=self.x(entry.lowest, width),
                highest_x=self.x(entry.highest, width),
            )
            for index, entry in enumerate(self.entries)
        )
        ticks = tuple((number, name, self.x(number, width)) for number, name in enumerate(self.levels, start=1))
        bands = tuple((band, self.x(band.start, width), self.x(band.end, width)) for band in self.bands)
        return ComparisonPlot(width, height, ticks, bands, placed)


@attrs.frozen
class Results:
    """Everything a results table, page or slide shows about a rubric's responses."""

    rubric: str
    title: str
    respondents: int
    #: What the sections compare: "" (nothing), "group", "wave", or "wave and group".
    compared: str
    #: What a group is called (the column the groups come from, e.g. "Your school"), for headings.
    group_label: str
    overall: Section
    sections: tuple[Section, ...]
    comparisons: tuple[Comparison, ...]
    bands: tuple[BandSpan, ...]


def _result(rubric: MaturityRubric, score: DimensionScore) -> DimensionResult:
    band = rubric.band(score.mean)
    return DimensionResult(
        score.dimension.id,
        score.dimension.title,
        tuple(level.label for level in score.dimension.levels),
        score.count,
        score.mean,
        score.spread,
        score.lowest,
        score.highest,
        band.label if band is not None else "",
    )


def section(rubric: MaturityRubric, assessment: SelfAssessment, name: str, group: str = "", wave: str = "") -> Section:
    """The results of one set of responses."""
    results = tuple(_result(rubric, score) for score in assessment.scores)
    by_id = {result.id: result for result in results}
    weakest, widest = assessment.weakest, assessment.widest
    return Section(
        name,
        group,
        wave,
        assessment.respondents,
        results,
        by_id[weakest.dimension.id] if weakest is not None else None,
        by_id[widest.dimension.id] if widest is not None else None,
    )


def _keys(rubric: MaturityRubric) -> tuple[str, list[tuple[str, str]]]:
    """What to compare, and the (wave, group) of each section in order."""
    responses = rubric.responses
    waves = list(dict.fromkeys(response.wave for response in responses))
    groups = list(dict.fromkeys(response.group for response in responses))
    by_wave = len(waves) > 1
    by_group = any(groups)
    if by_wave and by_group:
        pairs = list(dict.fromkeys((response.wave, response.group) for response in responses))
        order = {(wave, group): (waves.index(wave), groups.index(group)) for wave, group in pairs}
        return "wave and group", sorted(pairs, key=lambda pair: order[pair])
    if by_wave:
        return "wave", [(wave, "") for wave in waves]
    if by_group:
        return "group", [("", group) for group in groups]
    return "", []


def _name(wave: str, group: str, compared: str, labels: Labels = ENGLISH) -> str:
    wave_name = wave or labels.gettext(NO_WAVE)
    group_name = group or labels.gettext(NO_GROUP)
    if compared == "wave and group":
        return f"{wave_name} · {group_name}"
    return wave_name if compared == "wave" else group_name


def _spans(rubric: MaturityRubric, top: int) -> tuple[BandSpan, ...]:
    return tuple(
        BandSpan(max(band.from_, 1.0), min(band.to, float(top)), band.label)
        for band in rubric.bands
        if band.from_ < top
    )


def results(rubric: MaturityRubric, group_label: str = "", labels: Labels = ENGLISH) -> Results:
    """The plan of a rubric's results: everyone, then each group and/or wave, and a comparison per dimension.

    The names facilitate gives (everyone, a response with no group) are in ``labels``' language.
    """
    assessment = rubric.assess()
    overall = section(rubric, assessment, labels.gettext(EVERYONE))
    compared, keys = _keys(rubric)

    def keep(wave: str, group: str, compare: str) -> Callable[[Response], bool]:
        def test(response: Response) -> bool:
            return (compare == "group" or response.wave == wave) and (compare == "wave" or response.group == group)

        return test

    sections = tuple(
        section(rubric, assessment.where(keep(wave, group, compared)), _name(wave, group, compared, labels), group, wave)
        for wave, group in keys
    )
    comparisons = []
    if sections:
        for dimension in rubric.dimensions:
            entries = tuple(
                Entry(part.name, result.ratings, result.mean, result.spread, result.lowest, result.highest, result.band)
                for part in sections
                for result in part.dimensions
                if result.id == dimension.id
            )
            if entries:
                levels = tuple(level.label for level in dimension.levels)
                comparisons.append(Comparison(dimension.id, dimension.title, levels, entries, _spans(rubric, len(levels))))
    top = max(len(dimension.levels) for dimension in rubric.dimensions)
    return Results(
        rubric.id,
        rubric.title,
        assessment.respondents,
        compared,
        group_label or labels.gettext("Group"),
        overall,
        sections,
        tuple(comparisons),
        _spans(rubric, top),
    )


__all__ = [
    "EVERYONE",
    "BandSpan",
    "Comparison",
    "ComparisonPlot",
    "DimensionResult",
    "Entry",
    "PlacedEntry",
    "Results",
    "Section",
    "results",
    "section",
]
