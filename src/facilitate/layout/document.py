"""Handout documents as plain blocks, rendered alike by Markdown, HTML and PDF exporters.

One function builds each document's words from the pack, so every format says the same
thing. Nothing here knows about Markdown, HTML or PDF.
"""

from __future__ import annotations

import datetime as dt

import attrs

from facilitate.labels import ENGLISH, Labels, for_pack
from facilitate.layout.compose import DATE, HOSTS, TIMES, VENUE, Composed, Part
from facilitate.layout.steps import grouping_phrase, round_name, timing_phrase
from facilitate.model.curve import DataPoint
from facilitate.model.pack import SessionPack
from facilitate.model.reflection import Prompt
from facilitate.model.session import Segment, add_minutes


@attrs.frozen
class Heading:
    text: str
    level: int = 2


@attrs.frozen
class Paragraph:
    text: str
    style: str = "body"  # body | lead | small


@attrs.frozen
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False


@attrs.frozen
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: Relative column widths.
    widths: tuple[float, ...] = ()


@attrs.frozen
class QuoteBlock:
    text: str
    author: str
    source: str = ""


@attrs.frozen
class NotesSpace:
    """Ruled space for writing by hand (lines are ignored by Markdown/HTML beyond a box)."""

    label: str
    lines: int = 6
    #: What is already known, written into the box; the rest stays ruled for writing.
    items: tuple[str, ...] = ()
    #: Draw the eye to this box (e.g. the no-cost/low-cost slot of a worksheet).
    accent: bool = False
    #: The model object and field the items come from (``(curve, ("story",))``), named if they cannot fit.
    source: tuple[object, tuple[str | int, ...]] | None = attrs.field(default=None, eq=False, kw_only=True)


@attrs.frozen
class NotesRow:
    """Notes spaces side by side on paper (one after another in Markdown and HTML)."""

    spaces: tuple[NotesSpace, ...]


@attrs.frozen
class CurveChart:
    """A turn-the-curve baseline: history (solid), the forecast if nothing changes (dashed), the target."""

    caption: str
    unit: str
    history: tuple[DataPoint, ...]
    forecast: tuple[DataPoint, ...] = ()
    target: DataPoint | None = None


@attrs.frozen
class Bar:
    label: str
    value: float
    #: Drawn as a whisker from value − spread to value + spread.
    spread: float = 0.0


@attrs.frozen
class BarChart:
    """Horizontal bars on a scale from 0 to ``len(scale)``, e.g. mean maturity levels."""

    caption: str
    bars: tuple[Bar, ...]
    #: The names of the whole-number points 1, 2, ... of the scale.
    scale: tuple[str, ...]


@attrs.frozen
class BandMark:
    """A named stretch of a level scale, shaded behind a comparison chart (e.g. 1 to 2: Concern)."""

    start: float
    end: float
    label: str


@attrs.frozen
class ComparisonChart:
    """One dimension of a self-assessment across groups or waves, on that dimension's level scale.

    One row per group or wave: a mark at the mean level and a whisker of one standard
    deviation either side (``Bar.value``, ``Bar.spread``), kept between 1 and the top level.
    The axis runs from level 1 to ``len(levels)`` and is labelled with the level names, not
    numbers; bands, when the rubric has them, are shaded behind the rows and named.
    ``layout.results.Comparison.plot`` gives the positions.
    """

    caption: str
    #: The dimension's level names, least mature first (the axis's labels at 1, 2, ...).
    levels: tuple[str, ...]
    bars: tuple[Bar, ...]
    bands: tuple[BandMark, ...] = ()


@attrs.frozen
class PairedBar:
    """One row of a paired bar chart: two values side by side (``second`` None: nothing to compare)."""

    label: str
    first: float
    second: float | None = None
    #: Said in place of the second bar when there is none, e.g. "skipped".
    note: str = ""


@attrs.frozen
class PairedBarChart:
    """Two bars per row on one scale from 0, e.g. planned minutes against actual minutes."""

    caption: str
    rows: tuple[PairedBar, ...]
    first_label: str = "Planned"
    second_label: str = "Actual"
    unit: str = "min"
    #: What the rows are, heading their labels in a table.
    row_heading: str = ""

    @property
    def highest(self) -> float:
        """The largest value in the chart (at least 1, so an all-zero chart still has a scale)."""
        values = [row.first for row in self.rows] + [row.second for row in self.rows if row.second is not None]
        return max([1.0, *values])


@attrs.frozen
class Step:
    """One rung of a question ladder as drawn on the poster."""

    label: str
    description: str = ""
    #: Opening words, already written as they should appear ("Is…", "Can…").
    stems: tuple[str, ...] = ()
    example: str = ""
    #: A rung beyond the original ladder (drawn outlined, not filled).
    extension: bool = False
    #: The rung it shows, named if its words cannot fit.
    source: object = attrs.field(default=None, eq=False, kw_only=True)


@attrs.frozen
class Staircase:
    """The question ladder as a staircase, lowest (least powerful) rung first."""

    steps: tuple[Step, ...]
    #: Short points shown beside the stairs (what a powerful question does).
    preamble: tuple[str, ...] = ()
    low_label: str = "Less powerful questions"
    high_label: str = "More powerful questions"
    #: The ladder it shows, named if its preamble cannot fit.
    source: object = attrs.field(default=None, eq=False, kw_only=True)


@attrs.frozen
class CutCard:
    """A card to cut out: a title, then prompts (label and question) each with space to write."""

    title: str
    prompts: tuple[Prompt, ...]
    #: Composed by facilitate (the session and when): shortened to fit, never an error.
    footer: str | Composed = ""
    #: The model object whose ``title`` this is (its prompts are model Prompts themselves).
    source: object = attrs.field(default=None, eq=False, kw_only=True)


@attrs.frozen
class CutCards:
    """Cards printed four to a page with cut lines (a list of boxes in Markdown and HTML)."""

    cards: tuple[CutCard, ...]


@attrs.frozen
class Link:
    """A web address: on paper a QR code with the address printed under it; a link elsewhere."""

    url: str
    #: What the address is for, beside the code ("This session online").
    label: str = ""


@attrs.frozen
class PageBreak:
    """Start a new page on paper (a rule in Markdown and HTML)."""


Block = (
    Heading
    | Paragraph
    | Bullets
    | Table
    | QuoteBlock
    | NotesSpace
    | NotesRow
    | CurveChart
    | BarChart
    | ComparisonChart
    | PairedBarChart
    | Staircase
    | CutCards
    | Link
    | PageBreak
)


@attrs.frozen
class Document:
    title: str
    #: Composed by facilitate (layout.compose): shortened where space is short, never an error.
    subtitle: str | Composed
    blocks: tuple[Block, ...]
    #: "participant" or "facilitator": who the document is for.
    audience: str = "participant"
    #: "portrait" or "landscape" on paper.
    orientation: str = "portrait"
    #: A running header (title, subtitle) and "page N of M" footer on paper; off for posters and cards.
    running_heads: bool = True
    #: The words facilitate adds (headings, page numbers, chart keys) in the document's
    #: language; its tag is the document's language (PDF, Word, HTML).
    labels: Labels = attrs.field(default=ENGLISH, eq=False, repr=False, kw_only=True)

    @property
    def language(self) -> str:
        return self.labels.language

    @property
    def outline(self) -> tuple[int, ...]:
        """Each block's level in the document's outline, where the title is level 1: a heading's
        level with any skipped level closed up (rungs at level 3 straight under the title are at
        level 2), 0 for a block that is not a heading. HTML numbers its headings by it, so a
        screen reader's list of headings (and the HTML checker) finds no gap."""
        levels: list[int] = []
        above: list[int] = []  # the levels of the headings the next one may sit under
        for block in self.blocks:
            if not isinstance(block, Heading):
                levels.append(0)
                continue
            while above and above[-1] >= block.level:
                above.pop()
            above.append(block.level)
            levels.append(len(above) + 1)
        return tuple(levels)


def when(pack: SessionPack, labels: Labels | None = None) -> Composed:
    """The line under a document's title: organisation, date, times, venue.

    Where it must fit a small space (a running head, a card's foot) the venue goes first,
    then the organisation, then the date; the times stay (layout.compose).
    """
    session = pack.session
    labels = labels or for_pack(pack)
    parts = [Part(pack.theme.names, HOSTS)] if pack.theme.names else []
    if session.date:
        parts.append(Part(labels.date(session.date), DATE))
    parts.append(Part(labels.times(session.starts_at, session.ends_at), TIMES))
    if session.venue:
        parts.append(Part(session.venue, VENUE))
    return Composed(tuple(parts))


_when = when  # the name the live page imports


def _part_title(pack: SessionPack, part_id: str | None) -> str:
    return pack.session.part(part_id).title if part_id else ""


def sources(pack: SessionPack) -> tuple[str, ...]:
    """Where the session and each item it uses come from, "Title – source", once each."""
    credited: list[tuple[str, str]] = [(pack.session.title, pack.session.source)]
    for collection in (pack.decks, pack.ladders, pack.rubrics, pack.curves, pack.reflections):
        credited += [(item.title, item.source) for item in collection]
    return tuple(dict.fromkeys(f"{title} – {source}" for title, source in credited if source))


def participant_handout(pack: SessionPack) -> Document:
    """What participants take away: agenda, purpose, quotes, insights, the ladder; no facilitator notes."""
    session = pack.session
    labels = for_pack(pack)
    _ = labels.gettext
    blocks: list[Block] = []
    if session.purpose:
        blocks += [Heading(_("Why we are here")), Paragraph(session.purpose, "lead")]
    if session.url:
        blocks.append(Link(session.url, _("This session online: scan the code or type the address")))
    if session.conversation:
        blocks += [
            Heading(_("Our conversation today")),
            Bullets(tuple(part.title for part in session.conversation), numbered=True),
        ]
    blocks.append(Heading(_("Agenda")))
    blocks.append(
        Table(
            (_("Time"), _("Segment"), _("How")),
            tuple(
                (labels.times(item.starts_at, item.ends_at), item.segment.title, timing_phrase(item.segment, labels))
                for item in session.schedule
            ),
            (1.2, 3.5, 2.0),
        )
    )
    for segment in session.segments:
        if segment.prompts or segment.bullets:
            blocks.append(Heading(segment.title, 3))
            if segment.description:
                blocks.append(Paragraph(segment.description))
            if segment.bullets:
                blocks.append(Bullets(segment.bullets))
            if segment.prompts:
                if segment.bullets:  # two lists in a row would read (and render) as one
                    blocks.append(Paragraph(_("Questions to talk about:"), "small"))
                blocks.append(Bullets(segment.prompts))
    quotes = list(session.quotes) + [s.quote for s in session.segments if s.quote is not None]
    if quotes:
        blocks.append(Heading(_("Words to think with")))
        blocks += [QuoteBlock(q.text, q.author, q.source) for q in dict.fromkeys(quotes)]
    for deck in pack.decks:
        if deck.id == "five-insights" or len(deck.cards) <= 8:
            blocks.append(Heading(deck.title))
            if deck.description:
                blocks.append(Paragraph(deck.description))
            blocks.append(Bullets(tuple(f"{card.title}: {card.prompt}" for card in deck.cards)))
    for ladder in pack.ladders:
        blocks.append(Heading(ladder.title))
        if ladder.description:
            blocks.append(Paragraph(ladder.description))
        rows = []
        for rung in ladder.rungs:
            example = ladder.example(rung.id)
            label = _("{rung} (extension)").format(rung=rung.label) if rung.extension else rung.label
            rows.append((label, rung.description, example))
        blocks.append(Table((_("Rung (less → more powerful)"), _("What it does"), _("For example")), tuple(rows), (1.6, 2.6, 2.8)))
    for reflection in pack.reflections:
        blocks.append(Heading(reflection.title))
        for prompt in reflection.prompts + reflection.commitments:
            blocks.append(NotesSpace(f"{prompt.label}{': ' + prompt.question if prompt.question else ''}", 3))
    credits = sources(pack)
    if credits:
        blocks += [Heading(_("Sources")), Bullets(credits)]
    blocks += [Heading(_("My notes")), NotesSpace(_("Notes"), 12)]
    return Document(session.title, when(pack, labels), tuple(blocks), "participant", labels=labels)


def run_sheet(pack: SessionPack) -> Document:
    """The facilitator's run-sheet: clock times, methods, notes, materials, set-up."""
    session = pack.session
    labels = for_pack(pack)
    _ = labels.gettext
    blocks: list[Block] = []
    people = []
    if session.facilitators:
        people.append(_("Facilitators: {names}").format(names=", ".join(session.facilitators)))
    if session.hosts:
        people.append(_("Hosts: {names}").format(names=", ".join(session.hosts)))
    if session.audience:
        people.append(_("Audience: {audience}").format(audience=session.audience))
    if people:
        blocks.append(Paragraph(" · ".join(people), "small"))
    if session.purpose:
        blocks += [Heading(_("Purpose")), Paragraph(session.purpose)]
    blocks.append(Heading(_("Timings")))
    rows = []
    for item in session.schedule:
        segment = item.segment
        how = "; ".join(x for x in (pack.method_name(segment), timing_phrase(segment, labels)) if x)
        rows.append(
            (
                labels.times(item.starts_at, item.ends_at),
                str(segment.minutes),
                f"{segment.title}" + (f" ({_part_title(pack, segment.part)})" if segment.part else ""),
                how,
                segment.notes,
                ", ".join(segment.materials),
            )
        )
        rows += _step_rows(item.starts_at, segment, labels)
    blocks.append(
        Table(
            (_("Time"), _("Min"), _("Segment (part)"), _("Method, grouping"), _("Facilitator notes"), _("Materials")),
            tuple(rows),
            (1.1, 0.5, 2.0, 1.6, 3.2, 1.4),
        )
    )
    blocks.append(
        Paragraph(
            labels.ngettext(
                "Total: {count} minute, ending at {time}.", "Total: {count} minutes, ending at {time}.", session.total_minutes
            ).format(count=session.total_minutes, time=labels.time(session.ends_at)),
            "small",
        )
    )
    checklist = session.materials_checklist()
    if checklist:
        blocks += [
            Heading(_("Materials checklist")),
            Bullets(
                tuple(
                    f"☐ {name}"
                    + (
                        " " + labels.ngettext("(used in {count} segment)", "(used in {count} segments)", count).format(count=count)
                        if count > 1
                        else ""
                    )
                    for name, count in checklist
                )
            ),
        ]
    used = [method for method in pack.methods if any(s.method == method.id for s in session.segments)]
    room_setup = session.room_setup + tuple(f"{method.name}: {line}" for method in used for line in method.room_setup)
    if room_setup:
        blocks += [Heading(_("Room set-up")), Bullets(room_setup)]
    methods_used = [
        f"{method.name}: {method.source.credit}" + (f" ({method.source.url})" if method.source.url else "")
        for method in used
        if method.source is not None
    ]
    if methods_used:
        blocks += [Heading(_("Methods used")), Bullets(tuple(methods_used))]
    credits = sources(pack)
    if credits:
        blocks += [Heading(_("Sources")), Bullets(credits)]
    return Document(_("Run-sheet: {title}").format(title=session.title), when(pack, labels), tuple(blocks), "facilitator", labels=labels)


def _step_rows(starts_at: dt.time, segment: Segment, labels: Labels) -> list[tuple[str, str, str, str, str, str]]:
    """A run-sheet row for every round of a segment's steps: its clock time, minutes and what to do."""
    rows = []
    for timed in segment.timed_steps:
        what = timed.step.instructions if timed.round == 1 else timed.cue[:1].upper() + timed.cue[1:]
        rows.append(
            (
                labels.time(add_minutes(starts_at, timed.offset)),
                str(timed.minutes),
                f"↳ {round_name(timed, labels)}",
                grouping_phrase(segment, timed, labels),
                what,
                "",
            )
        )
    return rows
