"""The results plan: per dimension, per group or wave, comparisons with level names and bands."""

from __future__ import annotations

import attrs
import pytest

from facilitate.errors import ModelError
from facilitate.layout import worksheets
from facilitate.layout.document import Bullets, ComparisonChart, Heading, Paragraph, Table
from facilitate.loaders import library
from facilitate.model.suggestions import Tagged
from facilitate.layout.results import EVERYONE, results
from facilitate.model import Band, Dimension, Level, MaturityRubric, Rating, Response

LEVELS = tuple(Level(name) for name in ("Emerging", "Developing", "Established", "Leading"))
BANDS = (Band(1, 2, "Concern"), Band(2, 3, "Developing"), Band(3, 4, "Strong"))


def rubric(responses, bands=BANDS) -> MaturityRubric:
    dimensions = (
        Dimension("aligned", "Be aligned", LEVELS),
        Dimension("data", "Using data together", LEVELS[:3]),  # a shorter scale
    )
    return MaturityRubric("r", "Our partnership", dimensions, responses=responses, bands=bands)


def person(name, aligned, data=None, group="", wave=""):
    ratings = (Rating("aligned", aligned),) + ((Rating("data", data),) if data else ())
    return Response(name, ratings, group, wave)


def test_everyone_per_dimension_then_weakest_and_widest():
    plan = results(rubric((person("a", 1, 3), person("b", 4, 3), person("c", 3))))
    assert plan.compared == "" and plan.sections == () and plan.comparisons == ()
    aligned, data = plan.overall.dimensions
    assert (aligned.ratings, aligned.lowest, aligned.highest) == (3, 1, 4)
    assert aligned.mean == pytest.approx(8 / 3) and aligned.spread == pytest.approx(1.2472, abs=1e-4)
    assert (aligned.nearest, aligned.lowest_name, aligned.highest_name, aligned.band) == ("Established", "Emerging", "Leading", "Developing")
    assert (data.mean, data.spread, data.band, data.levels) == (3.0, 0.0, "Strong", ("Emerging", "Developing", "Established"))
    assert plan.overall.weakest.id == "aligned" and plan.overall.widest.id == "aligned"
    assert plan.overall.name == EVERYONE and plan.respondents == 3


def test_groups_give_a_section_each_and_a_comparison_per_dimension():
    plan = results(
        rubric((person("a", 1, 1, "North"), person("b", 2, None, "South"), person("c", 3, 2, "North"))),
        group_label="Your school",
    )
    assert plan.compared == "group" and plan.group_label == "Your school"
    assert [(s.name, s.respondents) for s in plan.sections] == [("North", 2), ("South", 1)]
    aligned, data = plan.comparisons
    assert aligned.levels == ("Emerging", "Developing", "Established", "Leading")
    assert [(e.name, e.mean, e.ratings) for e in aligned.entries] == [("North", 2.0, 2), ("South", 2.0, 1)]
    assert [e.name for e in data.entries] == ["North"]  # South did not rate it
    # bands are clipped to the dimension's own scale (data has three levels)
    assert [(b.start, b.end, b.label) for b in data.bands] == [(1, 2, "Concern"), (2, 3, "Developing")]


def test_waves_compare_when_there_are_several_and_waves_with_groups_pair_up():
    waves = results(rubric((person("a", 1, wave="Autumn"), person("b", 3, wave="Spring"))))
    assert waves.compared == "wave" and [s.name for s in waves.sections] == ["Autumn", "Spring"]
    both = results(rubric((person("a", 1, group="N", wave="Autumn"), person("b", 3, group="S", wave="Spring"), person("c", 2, group="N", wave="Spring"))))
    assert both.compared == "wave and group"
    assert [s.name for s in both.sections] == ["Autumn · N", "Spring · N", "Spring · S"]
    one_wave = results(rubric((person("a", 1, wave="Mar 2024"), person("b", 3, wave="Mar 2024"))))
    assert one_wave.compared == ""


def test_a_comparison_is_placed_on_its_level_scale_with_names_on_the_axis():
    comparison = results(rubric((person("a", 1, group="N"), person("b", 3, group="N"), person("c", 4, group="S")))).comparisons[0]
    plot = comparison.plot(width=300, height=100)
    assert [(number, name, x) for number, name, x in plot.ticks] == [(1, "Emerging", 0), (2, "Developing", 100), (3, "Established", 200), (4, "Leading", 300)]
    north, south = plot.entries
    assert north.y > south.y  # first entry at the top
    assert north.mean_x == 100 and (north.spread_from, north.spread_to) == (0, 200)  # mean 2, SD 1
    assert (north.lowest_x, north.highest_x) == (0, 200)
    assert south.spread_from == south.spread_to == 300
    assert [(band.label, start, end) for band, start, end in plot.bands] == [("Concern", 0, 100), ("Developing", 100, 200), ("Strong", 200, 300)]


def test_bands_are_checked():
    with pytest.raises(ModelError, match="bands\\[1\\].from: starts at 1.5, inside the band before it"):
        rubric((), (Band(1, 2, "A"), Band(1.5, 3, "B")))
    with pytest.raises(ModelError, match="must lie within the levels, 1 to 4"):
        rubric((), (Band(0, 2, "A"),))
    with pytest.raises(ModelError, match="to: must end above where it starts"):
        Band(3, 2, "A")
    assert rubric(()).band(2.0).label == "Developing" and rubric(()).band(4.0).label == "Strong"


def test_the_results_page_shows_bands_and_a_table_per_group_and_the_comparison_charts_are_planned():
    loaded = rubric((person("a", 1, 1, "North"), person("b", 2, None, "South")))
    blocks = worksheets.assessment_results(loaded)
    tables = [block for block in blocks if isinstance(block, Table)]
    assert len(tables) == 3 and tables[0].header[-1] == "Band"
    assert [row[0] for row in tables[1].rows] == ["Be aligned", "Using data together"]
    charts = worksheets.comparison_charts(loaded)
    assert all(isinstance(chart, ComparisonChart) for chart in charts)
    assert charts[0].levels == ("Emerging", "Developing", "Established", "Leading")
    assert [(bar.label, bar.value) for bar in charts[0].bars] == [("North", 1.0), ("South", 2.0)]
    assert [band.label for band in charts[1].bands] == ["Concern", "Developing"]
    assert worksheets.comparison_charts(rubric((person("a", 1),))) == []


def test_the_results_page_says_what_to_try_next_from_the_tagged_library():
    loaded = rubric((person("a", 1, 1), person("b", 4, 1), person("c", 2, 1)))
    tagged = (
        Tagged("method", "world-cafe", "World Café", ("aligned", "differing-views")),
        Tagged("deck", "data-walk", "Data walk", ("data",)),
        Tagged("method", "dot-voting", "Dot voting", ("decisions",)),
    )
    blocks = worksheets.assessment_results(loaded, tagged=tagged)
    start = next(i for i, block in enumerate(blocks) if block == Heading("What to try next", 3))
    assert blocks[start + 1 : start + 5] == [
        Paragraph("For Using data together (the weakest dimension):", "lead"),
        Bullets(("Data walk (a card deck)",)),
        Paragraph("For Be aligned (where views differ most):", "lead"),
        Bullets(("World Café (a method)",)),
    ]
    # Nothing tagged for either dimension, or no library: no heading at all.
    assert not any(block == Heading("What to try next", 3) for block in worksheets.assessment_results(loaded, tagged=tagged[2:]))
    assert not any(block == Heading("What to try next", 3) for block in worksheets.assessment_results(loaded))


def test_a_pack_with_responses_suggests_from_the_bundled_library():
    pack = library.load()
    assert library.with_suggestions(pack) is pack or any(r.responses for r in pack.rubrics)  # nothing to suggest from
    rated = pack.rubrics[0]
    first = rated.dimensions[0]
    responses = (  # every dimension at level 1, and the first split between 1 and its top level
        Response("a", tuple(Rating(d.id, 1) for d in rated.dimensions)),
        Response("b", tuple(Rating(d.id, len(d.levels) if d is first else 1) for d in rated.dimensions)),
    )
    rated = attrs.evolve(rated, responses=responses)
    pack = library.with_suggestions(attrs.evolve(pack, rubrics=(rated, *pack.rubrics[1:])))
    assert {item.kind for item in pack.tagged} >= {"method", "deck", "segment"}
    assert Heading("What to try next", 3) in worksheets.assessment(pack, rated).blocks
