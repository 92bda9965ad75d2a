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
from facilitate.labels import Labels, N_, for_pack
from facilitate.layout.chart import quantity
from facilitate.layout.compose import TITLE, Composed, of
from facilitate.layout.results import Section, results
from facilitate.model.curve import MAX_ESSENTIALS, Idea, TurnTheCurve
from facilitate.model.maturity import MaturityRubric
from facilitate.model.pack import SessionPack
from facilitate.model.questions import QuestionLadder
from facilitate.model.reflection import Prompt
from facilitate.model.suggestions import MOST_DIVIDED, WEAKEST, Tagged, suggest

#: Blank rows an action plan always has room for.
ACTION_ROWS = 5
#: Cards of one kind per printed page.
CARDS_PER_PAGE = 4
#: Opening words shown per rung on the poster (the yes/no rung has twenty).
POSTER_STEMS = 6
CHEAP = ("no-cost", "low-cost")


def cost_words(cost: str, labels: Labels) -> str:
    """What an idea costs, in words: "no cost"."""
    _ = labels.gettext
    return {"no-cost": _("no cost"), "low-cost": _("low cost"), "some-cost": _("some cost"), "high-cost": _("high cost")}[cost]


def _context(pack: SessionPack, labels: Labels) -> Composed:
    """The line under a worksheet's title: the session, then when and where."""
    return of(pack.session.title, TITLE) + when(pack, labels)


def curve_worksheet(pack: SessionPack, curve: TurnTheCurve) -> Document:
    """A turn-the-curve worksheet: indicator, baseline chart, story, partners, what works, essentials, actions."""
    labels = for_pack(pack)
    _ = labels.gettext
    indicator = curve.indicator
    unit = f" ({indicator.unit})" if indicator.unit else ""
    better = _("We want less of this: lower is better.") if curve.better_is_lower else _("We want more of this: higher is better.")
    target = curve.target
    target_words = (
        " " + _("Target: {value} by {period}.").format(value=quantity(target.value, indicator.unit, labels), period=target.period)
        if target
        else ""
    )
    helping = tuple(cause.text for cause in curve.story if cause.effect == "helping")
    hurting = tuple(cause.text for cause in curve.story if cause.effect == "hurting")
    partners = tuple(partner.name + (f" ({partner.role})" if partner.role else "") for partner in curve.partners)

    def idea(item: Idea) -> str:
        cost = cost_words(item.cost, labels)
        if item.evidence:
            return _("{idea} ({cost}; evidence: {evidence})").format(idea=item.text, cost=cost, evidence=item.evidence)
        return f"{item.text} ({cost})"

    cheap = tuple(idea(item) for item in curve.what_works if item.cost in CHEAP)
    other = tuple(idea(item) for item in curve.what_works if item.cost not in CHEAP)
    essentials = tuple(
        (str(number), curve.essentials[number - 1] if number <= len(curve.essentials) else "")
        for number in range(1, MAX_ESSENTIALS + 1)
    )
    actions = tuple((action.what, action.who, action.by_when) for action in curve.actions)
    actions += (("", "", ""),) * max(ACTION_ROWS - len(actions), 1)
    blocks: list[Block] = [Paragraph(_("The issue: {issue}").format(issue=curve.issue), "lead")]
    if curve.description.strip():
        blocks.append(Paragraph(curve.description.strip()))
    blocks += [
        Paragraph(_("Indicator: {indicator}.").format(indicator=f"{indicator.name}{unit}") + f" {better}{target_words}"),
        CurveChart(
            _("{indicator}: what has happened, where it goes if nothing changes, and the target").format(indicator=f"{indicator.name}{unit}"),
            indicator.unit,
            curve.baseline,
            curve.projected,
            target,
        ),
    ]
    if curve.source.strip():
        blocks.append(Paragraph(_("Source: {source}").format(source=curve.source.strip()), "small"))
    blocks += [
        Heading(_("The story behind the curve")),
        NotesRow(
            (
                NotesSpace(_("Helping: what pushes the curve the right way"), 5, helping, source=(curve, ("story",))),
                NotesSpace(_("Hurting: what pushes it the wrong way"), 5, hurting, source=(curve, ("story",))),
            )
        ),
        Heading(_("Partners with a role to play")),
        NotesSpace(_("Who could help turn this curve"), 3, partners, source=(curve, ("partners",))),
        Heading(_("What works")),
        NotesRow(
            (
                NotesSpace(_("What works, from evidence and experience"), 4, other, source=(curve, ("what_works",))),
                NotesSpace(_("No-cost / low-cost: what we could do tomorrow"), 4, cheap, accent=True, source=(curve, ("what_works",))),
            )
        ),
        Heading(_("Our essentials (up to {count})").format(count=MAX_ESSENTIALS)),
        Table(("", _("Essential")), essentials, (0.3, 6.7)),
        Heading(_("Action plan")),
        Table((_("What"), _("Who"), _("By when")), actions, (4.0, 2.0, 1.4)),
    ]
    return Document(curve.title, _context(pack, labels), tuple(blocks), "participant", labels=labels)


def assessment(pack: SessionPack, rubric: MaturityRubric) -> Document:
    """A maturity self-assessment: the rubric as a tick grid, then the results when there are responses."""
    labels = for_pack(pack)
    _ = labels.gettext
    scale = rubric.scale
    width = max(len(dimension.levels) for dimension in rubric.dimensions)
    header = (_("Dimension"), *scale, *("",) * (width - len(scale)))
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
        Paragraph(_("Tick the one box in each row that best describes your partnership today."), "lead"),
        Table(header, tuple(rows), (1.6, *(2.0,) * width)),
    ]
    if rubric.source:
        blocks.append(Paragraph(_("Source: {source}").format(source=rubric.source), "small"))
    blocks += [NotesRow((NotesSpace(_("Name"), 1), NotesSpace(_("Partnership or school"), 1)))]
    if rubric.responses:
        blocks += [PageBreak(), *assessment_results(rubric, labels, pack.tagged)]
    return Document(_("Self-assessment: {title}").format(title=rubric.title), _context(pack, labels), tuple(blocks), "participant",
                    "landscape", labels=labels)


def _results_table(section: Section, bands: bool, labels: Labels) -> Table:
    """A section's results: one row per dimension (and its band, when the rubric has bands)."""
    _ = labels.gettext
    number = labels.number
    header = (_("Dimension"), _("Responses"), _("Average level"), _("Spread (SD)"), _("Lowest–highest")) + ((_("Band"),) if bands else ())
    rows = tuple(
        (
            result.title,
            str(result.ratings),
            _("{value} of {top}").format(value=number(result.mean, 1), top=len(result.levels)),
            number(result.spread, 2),
            f"{result.lowest}–{result.highest}",
        )
        + ((result.band or "–",) if bands else ())
        for result in section.dimensions
    )
    widths = (3.0, 1.1, 1.4, 1.2, 1.4) + ((1.4,) if bands else ())
    return Table(header, rows, widths)


def assessment_results(rubric: MaturityRubric, labels: Labels | None = None, tagged: Sequence[Tagged] = ()) -> list[Block]:
    """The results of a rubric's responses: averages, spread, a bar chart, the weakest dimension,
    then the same table for each group or wave when the responses name them, and what to try
    next from ``tagged`` (methods, decks and segments tagged with the dimensions they help)."""
    from facilitate.labels import ENGLISH

    labels = labels or ENGLISH
    _ = labels.gettext
    number = labels.number
    plan = results(rubric, rubric.group_by, labels)
    overall = plan.overall
    bands = bool(plan.bands)
    blocks: list[Block] = [
        Heading(_("Results: {responses}").format(responses=_people(plan.respondents, labels))),
        _results_table(overall, bands, labels),
        BarChart(
            _("Average level per dimension (whiskers: ± one standard deviation)"),
            tuple(Bar(result.title, result.mean, result.spread) for result in overall.dimensions),
            tuple(f"{index} {label}" for index, label in enumerate(rubric.scale, start=1)),
        ),
    ]
    weakest, widest = overall.weakest, overall.widest
    if weakest is not None:
        blocks.append(
            Paragraph(
                _("Weakest dimension: {dimension} (average {value} of {top}).").format(
                    dimension=weakest.title, value=number(weakest.mean, 1), top=len(weakest.levels)),
                "lead",
            )
        )
    if widest is not None:
        blocks.append(
            Paragraph(
                _("Where views differ most: {dimension} (spread {spread}, from level {lowest} to {highest}).").format(
                    dimension=widest.title, spread=number(widest.spread, 2), lowest=widest.lowest, highest=widest.highest),
            )
        )
    if bands:
        listed = "; ".join(f"{number(band.start)}–{number(band.end)} {band.label}" for band in plan.bands)
        blocks.append(Paragraph(_("Bands: {bands}.").format(bands=listed), "small"))
    if plan.sections:
        blocks.append(Heading(_compared_heading(plan.compared, plan.group_label, labels), 3))
        for section in plan.sections:
            blocks.append(Paragraph(f"{section.name}: {_people(section.respondents, labels)}", "lead"))
            if section.dimensions:
                blocks.append(_results_table(section, bands, labels))
        blocks += comparison_charts(rubric, labels)
    if overall.dimensions:
        blocks += try_next(rubric, tagged, labels)
        blocks.append(NotesSpace(_("What do these results tell us? What surprises us?"), 3))
    return blocks


#: Why a dimension gets suggestions (model.suggestions' reasons), in words for the page.
_REASONS = {
    WEAKEST: N_("the weakest dimension"),
    MOST_DIVIDED: N_("where views differ most"),
    f"{WEAKEST} and {MOST_DIVIDED}": N_("the weakest dimension, where views also differ most"),
}
#: How the page names each kind of item it suggests.
_KINDS = {"method": N_("{title} (a method)"), "deck": N_("{title} (a card deck)"), "segment": N_("{title} (a session segment)")}


def try_next(rubric: MaturityRubric, tagged: Sequence[Tagged], labels: Labels) -> list[Block]:
    """What the library suggests trying for the weakest dimension and where views differ most (nothing if it has none)."""
    found = [one for one in suggest(rubric.assess(), tagged) if one.items]
    if not found:
        return []
    _ = labels.gettext
    blocks: list[Block] = [Heading(_("What to try next"), 3)]
    for one in found:
        reason = _(_REASONS[one.reason])
        blocks.append(Paragraph(_("For {dimension} ({reason}):").format(dimension=one.score.dimension.title, reason=reason), "lead"))
        blocks.append(Bullets(tuple(_(_KINDS.get(item.kind, "{title}")).format(title=item.title) for item in one.items)))
    return blocks


def _compared_heading(compared: str, group_label: str, labels: Labels) -> str:
    _ = labels.gettext
    if compared == "group":
        return _("Results by {group}").format(group=group_label)
    if compared == "wave":
        return _("Results by wave")
    return _("Results by wave and {group}").format(group=group_label)


def _compared_words(compared: str, group_label: str, labels: Labels) -> str:
    """What a comparison runs across: "wave", "Your school", "wave and Your school"."""
    _ = labels.gettext
    if compared == "group":
        return group_label
    if compared == "wave":
        return _("wave")
    return _("wave and {group}").format(group=group_label)


def _people(count: int, labels: Labels) -> str:
    return labels.ngettext("{count} response", "{count} responses", count).format(count=count)


def comparison_charts(rubric: MaturityRubric, labels: Labels | None = None) -> list[Block]:
    """A chart per dimension comparing the groups or waves of a rubric's responses (none when
    the responses name no groups or waves); the PDF and slide renderers draw them."""
    from facilitate.labels import ENGLISH

    labels = labels or ENGLISH
    plan = results(rubric, rubric.group_by, labels)
    across = _compared_words(plan.compared, plan.group_label, labels)
    return [
        ComparisonChart(
            labels.gettext("{dimension}: average level by {across} (whiskers: ± one standard deviation)").format(
                dimension=comparison.title, across=across),
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
    labels = for_pack(pack)
    _ = labels.gettext
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
    subtitle = _("About {topic}").format(topic=ladder.topic) if ladder.topic else pack.session.title
    staircase = Staircase(steps, preamble, _("Less powerful questions"), _("More powerful questions"), source=ladder)
    return Document(
        ladder.title,
        subtitle,
        (staircase,),
        "participant",
        "landscape",
        running_heads=False,
        labels=labels,
    )


def ladder_worksheet(pack: SessionPack, ladder: QuestionLadder) -> Document:
    """The ladder to write on: for each rung its opening words, an example, and space for your own question."""
    labels = for_pack(pack)
    _ = labels.gettext
    lead = (
        _("Write your own question about {topic} under each rung, from the bottom up: each step opens more.").format(topic=ladder.topic)
        if ladder.topic
        else _("Write your own question under each rung, from the bottom up: each step opens more.")
    )
    blocks: list[Block] = [Paragraph(lead, "lead")]
    for number, rung in enumerate(ladder.rungs, start=1):
        name = _("{rung} (extension)").format(rung=rung.label) if rung.extension else rung.label
        blocks.append(Heading(f"{number}. {name}", 3))
        about = [rung.description] if rung.description else []
        if rung.stems:
            about.append(_("Starts with: {words}").format(words=", ".join(_stems(rung.stems))))
        if about:
            blocks.append(Paragraph(" ".join(about), "small"))
        example = ladder.example(rung.id)
        if example:
            blocks.append(Paragraph(_("For example: {question}").format(question=labels.quoted(example))))
        blocks.append(NotesSpace("", 2))
    if ladder.cautions:
        blocks += [Heading(_("Take care")), Bullets(ladder.cautions)]
    if ladder.source:
        blocks.append(Paragraph(_("Source: {source}").format(source=ladder.source), "small"))
    return Document(_("{ladder}: write your own").format(ladder=ladder.title), _context(pack, labels), tuple(blocks), "participant",
                    labels=labels)


def reflection_cards(pack: SessionPack) -> Document:
    """Reflection and commitment cards, four of a kind to a page, to cut out and hand round."""
    labels = for_pack(pack)
    _ = labels.gettext
    footer = _context(pack, labels)
    cards: list[CutCard] = []
    for reflection in pack.reflections:
        groups: list[tuple[str, tuple[Prompt, ...], object]] = [(reflection.title, reflection.prompts, reflection)]
        if reflection.commitments:
            groups.append((_("And so what? My commitments"), reflection.commitments, None))
        for title, prompts, source in groups:
            card = CutCard(title, prompts, footer, source=source)
            cards += [card] * CARDS_PER_PAGE
    title = _("Reflection and commitment cards")
    return Document(title, footer, (CutCards(tuple(cards)),), "participant", running_heads=False, labels=labels)
