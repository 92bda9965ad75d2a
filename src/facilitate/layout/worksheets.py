"""Worksheets as documents: turn the curve, maturity self-assessment, question ladder, reflection cards.

Each function builds one printable sheet's words from the pack as plain blocks
(layout.document), filled from the model where it has data and left blank to write on
where it has not, so the same sheet works before and after the session.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.layout.document import (
    BandMark,
    Bar,
    BarChart,
    Block,
    Bullets,
    ComparisonChart,
    CurveChart,
    CutCard,
    CutCards,
    Document,
    Heading,
    NotesRow,
    NotesSpace,
    PageBreak,
    Paragraph,
    Staircase,
    Step,
    Table,
    when,
)
from facilitate.layout.chart import quantity
from facilitate.layout.compose import TITLE, Composed, of
from facilitate.layout.results import Section, results
from facilitate.model.curve import MAX_ESSENTIALS, Idea, TurnTheCurve
from facilitate.model.maturity import MaturityRubric
from facilitate.model.pack import SessionPack
from facilitate.model.questions import QuestionLadder
from facilitate.model.reflection import Prompt
from facilitate.model.suggestions import Tagged, describe, suggest

#: Blank rows an action plan always has room for.
ACTION_ROWS = 5
#: Cards of one kind per printed page.
CARDS_PER_PAGE = 4
#: Opening words shown per rung on the poster (the yes/no rung has twenty).
POSTER_STEMS = 6
COST_NAMES = {"no-cost": "no cost", "low-cost": "low cost", "some-cost": "some cost", "high-cost": "high cost"}
CHEAP = ("no-cost", "low-cost")


def _context(pack: SessionPack) -> Composed:
    """The line under a worksheet's title: the session, then when and where."""
    return of(pack.session.title, TITLE) + when(pack)


def curve_worksheet(pack: SessionPack, curve: TurnTheCurve) -> Document:
    """A turn-the-curve worksheet: indicator, baseline chart, story, partners, what works, essentials, actions."""
    indicator = curve.indicator
    unit = f" ({indicator.unit})" if indicator.unit else ""
    better = (
        "We want less of this: lower is better."
        if curve.better_is_lower
        else "We want more of this: higher is better."
    )
    target = curve.target
    target_words = f" Target: {quantity(target.value, indicator.unit)} by {target.period}." if target else ""
    helping = tuple(cause.text for cause in curve.story if cause.effect == "helping")
    hurting = tuple(cause.text for cause in curve.story if cause.effect == "hurting")
    partners = tuple(partner.name + (f" ({partner.role})" if partner.role else "") for partner in curve.partners)

    def idea(item: Idea) -> str:
        evidence = f"; evidence: {item.evidence}" if item.evidence else ""
        return f"{item.text} ({COST_NAMES[item.cost]}{evidence})"

    cheap = tuple(idea(item) for item in curve.what_works if item.cost in CHEAP)
    other = tuple(idea(item) for item in curve.what_works if item.cost not in CHEAP)
    essentials = tuple(
        (str(number), curve.essentials[number - 1] if number <= len(curve.essentials) else "")
        for number in range(1, MAX_ESSENTIALS + 1)
    )
    actions = tuple((action.what, action.who, action.by_when) for action in curve.actions)
    actions += (("", "", ""),) * max(ACTION_ROWS - len(actions), 1)
    blocks: list[Block] = [Paragraph(f"The issue: {curve.issue}", "lead")]
    if curve.description.strip():
        blocks.append(Paragraph(curve.description.strip()))
    blocks += [
        Paragraph(f"Indicator: {indicator.name}{unit}. {better}{target_words}"),
        CurveChart(
            f"{indicator.name}{unit}: what has happened, where it goes if nothing changes, and the target",
            indicator.unit,
            curve.baseline,
            curve.projected,
            target,
        ),
    ]
    if curve.source.strip():
        blocks.append(Paragraph(f"Source: {curve.source.strip()}", "small"))
    blocks += [
        Heading("The story behind the curve"),
        NotesRow(
            (
                NotesSpace("Helping: what pushes the curve the right way", 5, helping, source=(curve, ("story",))),
                NotesSpace("Hurting: what pushes it the wrong way", 5, hurting, source=(curve, ("story",))),
            )
        ),
        Heading("Partners with a role to play"),
        NotesSpace("Who could help turn this curve", 3, partners, source=(curve, ("partners",))),
        Heading("What works"),
        NotesRow(
            (
                NotesSpace("What works, from evidence and experience", 4, other, source=(curve, ("what_works",))),
                NotesSpace("No-cost / low-cost: what we could do tomorrow", 4, cheap, accent=True, source=(curve, ("what_works",))),
            )
        ),
        Heading(f"Our essentials (up to {MAX_ESSENTIALS})"),
        Table(("", "Essential"), essentials, (0.3, 6.7)),
        Heading("Action plan"),
        Table(("What", "Who", "By when"), actions, (4.0, 2.0, 1.4)),
    ]
    return Document(curve.title, _context(pack), tuple(blocks), "participant")


def assessment(pack: SessionPack, rubric: MaturityRubric) -> Document:
    """A maturity self-assessment: the rubric as a tick grid, then the results when there are responses."""
    scale = rubric.scale
    width = max(len(dimension.levels) for dimension in rubric.dimensions)
    header = ("Dimension", *scale, *("",) * (width - len(scale)))
    rows = []
    for dimension in rubric.dimensions:
        cells = []
        for index, level in enumerate(dimension.levels):
            named = index < len(scale) and level.label == scale[index]
            words = level.descriptor if named else f"{level.label}: {level.descriptor}".rstrip(": ")
            cells.append(f"☐ {words}".rstrip())
        cells += [""] * (width - len(cells))
        title = dimension.title + (f"\n{dimension.description}" if dimension.description else "")
        rows.append((title, *cells))
    blocks: list[Block] = []
    if rubric.description:
        blocks.append(Paragraph(rubric.description))
    blocks += [
        Paragraph("Tick the one box in each row that best describes your partnership today.", "lead"),
        Table(header, tuple(rows), (1.6, *(2.0,) * width)),
    ]
    if rubric.source:
        blocks.append(Paragraph(f"Source: {rubric.source}", "small"))
    blocks += [NotesRow((NotesSpace("Name", 1), NotesSpace("Partnership or school", 1)))]
    if rubric.responses:
        blocks += [PageBreak(), *assessment_results(rubric, pack.tagged)]
    return Document(f"Self-assessment: {rubric.title}", _context(pack), tuple(blocks), "participant", "landscape")


def _results_table(section: Section, bands: bool) -> Table:
    """A section's results: one row per dimension (and its band, when the rubric has bands)."""
    header = ("Dimension", "Responses", "Average level", "Spread (SD)", "Lowest–highest") + (("Band",) if bands else ())
    rows = tuple(
        (
            result.title,
            str(result.ratings),
            f"{result.mean:.1f} of {len(result.levels)}",
            f"{result.spread:.2f}",
            f"{result.lowest}–{result.highest}",
        )
        + ((result.band or "–",) if bands else ())
        for result in section.dimensions
    )
    widths = (3.0, 1.1, 1.4, 1.2, 1.4) + ((1.4,) if bands else ())
    return Table(header, rows, widths)


def assessment_results(rubric: MaturityRubric, tagged: Sequence[Tagged] = ()) -> list[Block]:
    """The results of a rubric's responses: averages, spread, a bar chart, the weakest dimension,
    then the same table for each group or wave when the responses name them, and what to try
    next from ``tagged`` (methods, decks and segments tagged with the dimensions they help)."""
    plan = results(rubric, rubric.group_by)
    overall = plan.overall
    bands = bool(plan.bands)
    blocks: list[Block] = [
        Heading(f"Results: {_people(plan.respondents)}"),
        _results_table(overall, bands),
        BarChart(
            "Average level per dimension (whiskers: ± one standard deviation)",
            tuple(Bar(result.title, result.mean, result.spread) for result in overall.dimensions),
            tuple(f"{number} {label}" for number, label in enumerate(rubric.scale, start=1)),
        ),
    ]
    weakest, widest = overall.weakest, overall.widest
    if weakest is not None:
        blocks.append(
            Paragraph(f"Weakest dimension: {weakest.title} (average {weakest.mean:.1f} of {len(weakest.levels)}).", "lead")
        )
    if widest is not None:
        blocks.append(
            Paragraph(
                f"Where views differ most: {widest.title} (spread {widest.spread:.2f},"
                f" from level {widest.lowest} to {widest.highest}).",
            )
        )
    if bands:
        blocks.append(Paragraph("Bands: " + "; ".join(f"{band.start:g}–{band.end:g} {band.label}" for band in plan.bands) + ".", "small"))
    if plan.sections:
        what = {"group": plan.group_label, "wave": "wave", "wave and group": f"wave and {plan.group_label}"}[plan.compared]
        blocks.append(Heading(f"Results by {what}", 3))
        for section in plan.sections:
            blocks.append(Paragraph(f"{section.name}: {_people(section.respondents)}", "lead"))
            if section.dimensions:
                blocks.append(_results_table(section, bands))
        blocks += comparison_charts(rubric)
    if overall.dimensions:
        blocks += try_next(rubric, tagged)
        blocks.append(NotesSpace("What do these results tell us? What surprises us?", 3))
    return blocks


def try_next(rubric: MaturityRubric, tagged: Sequence[Tagged]) -> list[Block]:
    """What the library suggests trying for the weakest dimension and where views differ most (nothing if it has none)."""
    found = [one for one in suggest(rubric.assess(), tagged) if one.items]
    if not found:
        return []
    blocks: list[Block] = [Heading("What to try next", 3)]
    for one in found:
        blocks.append(Paragraph(f"For {one.score.dimension.title} ({one.reason}):", "lead"))
        blocks.append(Bullets(tuple(describe(item) for item in one.items)))
    return blocks


def _people(count: int) -> str:
    return f"{count} response" + ("" if count == 1 else "s")


def comparison_charts(rubric: MaturityRubric) -> list[Block]:
    """A chart per dimension comparing the groups or waves of a rubric's responses (none when
    the responses name no groups or waves); the PDF and slide renderers draw them."""
    plan = results(rubric, rubric.group_by)
    return [
        ComparisonChart(
            f"{comparison.title}: average level by {plan.compared.replace('group', plan.group_label)}"
            " (whiskers: ± one standard deviation)",
            comparison.levels,
            tuple(Bar(entry.name, entry.mean, entry.spread) for entry in comparison.entries),
            tuple(BandMark(band.start, band.end, band.label) for band in comparison.bands),
        )
        for comparison in plan.comparisons
    ]


def _stems(stems: tuple[str, ...], limit: int | None = None) -> tuple[str, ...]:
    shown = stems if limit is None else stems[:limit]
    return tuple(stem[:1].upper() + stem[1:] + "…" for stem in shown)


def ladder_poster(pack: SessionPack, ladder: QuestionLadder) -> Document:
    """A one-page poster: the ladder's rungs as a staircase, with opening words and an example each."""
    steps = tuple(
        Step(
            rung.label,
            rung.description,
            _stems(rung.stems, POSTER_STEMS),
            ladder.example(rung.id),
            rung.extension,
            source=rung,
        )
        for rung in ladder.rungs
    )
    preamble = tuple(ladder.qualities)
    subtitle = f"About {ladder.topic}" if ladder.topic else pack.session.title
    return Document(
        ladder.title,
        subtitle,
        (Staircase(steps, preamble, source=ladder),),
        "participant",
        "landscape",
        running_heads=False,
    )


def ladder_worksheet(pack: SessionPack, ladder: QuestionLadder) -> Document:
    """The ladder to write on: for each rung its opening words, an example, and space for your own question."""
    topic = f" about {ladder.topic}" if ladder.topic else ""
    blocks: list[Block] = [
        Paragraph(
            f"Write your own question{topic} under each rung, from the bottom up: each step opens more.",
            "lead",
        )
    ]
    for number, rung in enumerate(ladder.rungs, start=1):
        extension = " (extension)" if rung.extension else ""
        blocks.append(Heading(f"{number}. {rung.label}{extension}", 3))
        about = [rung.description] if rung.description else []
        if rung.stems:
            about.append("Starts with: " + ", ".join(_stems(rung.stems)))
        if about:
            blocks.append(Paragraph(" ".join(about), "small"))
        example = ladder.example(rung.id)
        if example:
            blocks.append(Paragraph(f"For example: “{example}”"))
        blocks.append(NotesSpace("", 2))
    if ladder.cautions:
        blocks += [Heading("Take care"), Bullets(ladder.cautions)]
    if ladder.source:
        blocks.append(Paragraph(f"Source: {ladder.source}", "small"))
    return Document(f"{ladder.title}: write your own", _context(pack), tuple(blocks), "participant")


def reflection_cards(pack: SessionPack) -> Document:
    """Reflection and commitment cards, four of a kind to a page, to cut out and hand round."""
    footer = _context(pack)
    cards: list[CutCard] = []
    for reflection in pack.reflections:
        groups: list[tuple[str, tuple[Prompt, ...], object]] = [(reflection.title, reflection.prompts, reflection)]
        if reflection.commitments:
            groups.append(("And so what? My commitments", reflection.commitments, None))
        for title, prompts, source in groups:
            card = CutCard(title, prompts, footer, source=source)
            cards += [card] * CARDS_PER_PAGE
    title = "Reflection and commitment cards"
    return Document(title, footer, (CutCards(tuple(cards)),), "participant", running_heads=False)
