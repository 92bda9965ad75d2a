"""The slides of activities: card decks, reflection prompts, the question ladder, turning the
curve and the maturity rubric.

Each function adds its slides to a deck builder (layout.slides.deck), using its geometry
and small builders (titles, rules, timing bands, content slides that continue).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from facilitate.layout import textfit
from facilitate.layout.steps import timing_phrase
from facilitate.layout.worksheets import cost_words
from facilitate.layout.slides.charts import curve_chart, rubric_tables, scores_chart
from facilitate.layout.slides.fitting import (
    BODY_MIN,
    LEADING,
    Draft,
    fit_box,
    frame,
    largest_at,
    largest_size,
    paragraphs,
)
from facilitate.layout.slides.spec import (
    ARROW_SHAFT,
    BODY_TOP,
    BOTTOM,
    INSET_Y,
    MARGIN,
    TITLE_ONLY_LAYOUT,
    Box,
    Element,
    Picture,
    Slide,
    TextBox,
)
from facilitate.layout.slides.vectors import icon_shape, qr_shapes
from facilitate.model.cards import Card, CardDeck
from facilitate.model.maturity import MaturityRubric
from facilitate.model.questions import QuestionLadder, Rung
from facilitate.model.reflection import Reflection
from facilitate.model.session import ScheduledSegment
from facilitate.model.curve import MAX_ESSENTIALS, TurnTheCurve
from facilitate.model.theme import tint

if TYPE_CHECKING:
    from facilitate.layout.slides.deck import DeckBuilder, Source


# --- card decks -------------------------------------------------------------------------


def cards(deck_builder: DeckBuilder, item: ScheduledSegment, deck: CardDeck, notes: str) -> None:
    """The card activity's instructions and, when asked, one slide per card."""
    b, segment = deck_builder, item.segment
    items = (
        (b.lead(segment.description, owner=segment, field="description") if segment.description
         else b.lead(deck.description, owner=deck, field="description"))
        + b.numbered(deck.instructions, owner=deck, field="instructions")
        + b.bullets(segment.bullets, owner=segment, field="bullets")
        + b.bullets(segment.prompts, owner=segment, field="prompts")
    )
    labels = b.labels
    count = len(deck.cards)
    card_notes = notes + "\n" + labels.ngettext("Deck: {deck} ({count} card).", "Deck: {deck} ({count} cards).", count).format(
        deck=deck.title, count=count)
    b.content("cards", segment.title, items, card_notes, segment=segment.id, band=timing_phrase(segment, labels),
              title_source=(segment, ("title",)))
    if b.cards_as_slides:
        for number, one in enumerate(deck.cards, start=1):
            card(b, deck, one, number, card_notes)


def card(b: DeckBuilder, deck: CardDeck, card: Card, number: int, notes: str) -> None:
    """One card as a slide: its category band, title, prompt and detail, and where it sits in the deck."""
    theme = b.theme
    colour = theme.category_colour(deck.category_index(card.category)) if card.category else theme.primary
    width = min(b.width * 0.62, 560.0)
    frame = Box((b.width - width) / 2, 24, width, b.height - 48)
    picture: list[Element] = []
    if card.image is not None:
        # The card on the left, its picture filling the rest of the slide beside it.
        frame = attrs.evolve(frame, x=MARGIN)
        left = frame.right + 24
        picture.append(Picture(card.image.path, Box(left, frame.y, b.width - MARGIN - left, frame.height), card.image.alt,
                               name="picture", fit="cover"))
    band = Box(frame.x, frame.y, frame.width, 48)
    what = "its card slide"
    icon_name = card.icon or deck.icon
    label_box = attrs.evolve(band, x=band.x + 40, width=band.width - 40) if icon_name else band
    shapes: list[Element] = [
        TextBox(frame, (), line=colour, name="card"),
    ]
    if icon_name:
        # The band is drawn by the label's box: a filled box under the icon fills its start.
        shapes.append(TextBox(attrs.evolve(band, width=40), (), fill=colour, name="category icon ground"))
        shapes.append(icon_shape(icon_name, Box(band.x + 12, band.y + 10, 28, 28), "#ffffff", card if card.icon else deck))
    # The band is a label (the category, else the deck's name): shortened to fit.
    shapes.append(fit_box([Draft(card.category or deck.title, bold=True, colour="#ffffff")], label_box, 20, BODY_MIN,
                          what, anchor="middle", fill=colour, name="category"))
    inner = Box(frame.x + 16, band.bottom + 8, frame.width - 32, 0)
    title = b.title(card.title, colour=colour, box=attrs.evolve(inner, height=70), max_size=30, anchor="middle",
                    source=(card, ("title",)))
    footer = Box(inner.x, frame.bottom - 36, inner.width, 30)
    prompt_box = Box(inner.x, inner.y + 78, inner.width, footer.y - inner.y - 86)
    url = card.url or deck.url
    if url:
        # The QR code at the right of the prompt, its address under it (no wider than the code).
        side = 96.0
        shapes += qr_shapes(url, prompt_box.right - side, prompt_box.y, side, theme.muted, wide=1.0,
                            labels=b.labels.in_language(deck.language))
        prompt_box = attrs.evolve(prompt_box, width=prompt_box.width - side - 12)
    drafts = [Draft(card.prompt, colour=theme.text, source=(card, ("prompt",)))]
    if card.detail:
        drafts.append(Draft(card.detail, scale=0.6, colour=theme.muted, gap=0.8, source=(card, ("detail",))))
    shapes.append(fit_box(drafts, prompt_box, 32, BODY_MIN, what, anchor="middle", name="prompt"))
    # The foot is facilitate's: the deck's name (shortened to fit) and where the card sits in it.
    # The deck's own language, when it has one, for the words facilitate prints on its cards.
    labels = b.labels.in_language(deck.language)
    foot = Draft(labels.gettext("{deck} · card {number} of {count}").format(deck=deck.title, number=number, count=len(deck.cards)),
                 colour=theme.muted, align="right")
    shapes.append(fit_box([foot], footer, BODY_MIN, BODY_MIN, what, anchor="middle", name="footer"))
    shapes.extend(picture)
    b.add(Slide("card", TITLE_ONLY_LAYOUT, title, notes, theme.background, shapes=tuple(shapes),
                heading=card.title))


# --- reflection -------------------------------------------------------------------------


def reflection(b: DeckBuilder, item: ScheduledSegment, reflection: Reflection, notes: str, band: str | None) -> None:
    """The reflection prompts as boxes side by side, then the commitments as a list."""
    segment, theme = item.segment, b.theme
    title = segment.title
    prompts = reflection.prompts
    if len(prompts) > 4:
        items = b.lead(reflection.description, owner=reflection, field="description") + b.bullets(
            (f"{p.label}: {p.question}" if p.question else p.label for p in prompts),
            sources=[(p, ("question" if p.question else "label",)) for p in prompts],
        )
        b.content("reflection", title, items, notes, segment=segment.id, band=band, title_source=(segment, ("title",)))
    else:
        what = "its slide"
        top = BODY_TOP
        shapes: list[Element] = [b.rule()]
        intro = b.lead(reflection.description, owner=reflection, field="description") or b.lead(
            segment.description, owner=segment, field="description"
        )
        if intro:
            # The introduction takes the lines it needs (up to four); the prompts the rest.
            for lines in (1, 2, 3, 4):
                box = Box(MARGIN, top, b.content_width, lines * 22 * LEADING + 2 * INSET_Y + 1)
                if largest_size(intro, box, 22, BODY_MIN) is not None:
                    break
            lead = fit_box(intro, box, 22, BODY_MIN, what, name="lead")
            shapes.append(lead)
            top = lead.box.bottom + 8
        gap = 16.0
        count = len(prompts)
        width = (b.content_width - gap * (count - 1)) / count
        bottom = b.body_bottom(band is not None)
        boxes = [Box(MARGIN + i * (width + gap), top, width, bottom - top) for i in range(count)]
        drafts = [
            [Draft(p.label, bold=True, colour=theme.on_primary, align="center", source=(p, ("label",)))]
            + ([Draft(p.question, scale=0.7, colour=theme.on_primary, align="center", gap=0.8, source=(p, ("question",)))]
               if p.question else [])
            for p in prompts
        ]
        # Every prompt at the size of the one that needs the smallest.
        size = min(largest_at(draft, box, "rounded", 32, BODY_MIN, what)[0] for box, draft in zip(boxes, drafts))
        for prompt, box, draft in zip(prompts, boxes, drafts):
            shapes.append(TextBox(box, paragraphs(draft, size), anchor="middle", fill=theme.primary,
                                  shape="rounded", name=f"prompt:{prompt.label}"))
        if band:
            shapes.append(b.band(band, what))
        b.add(Slide("reflection", TITLE_ONLY_LAYOUT, b.title(title, source=(segment, ("title",))), notes, theme.background,
                    shapes=tuple(shapes), segment=segment.id, heading=title))
    if reflection.commitments:
        items = b.bullets(
            (f"{p.label}: {p.question}" if p.question else p.label for p in reflection.commitments),
            sources=[(p, ("question" if p.question else "label",)) for p in reflection.commitments],
        )
        b.content("commitments", b.labels.gettext("Commitments"), items, notes, segment=segment.id)


# --- the question ladder ----------------------------------------------------------------


def ladder(b: DeckBuilder, item: ScheduledSegment, ladder: QuestionLadder, notes: str) -> None:
    """The ladder's qualities, its rungs as a rising staircase with an arrow, and its example questions."""
    theme = b.theme
    segment = item.segment
    labels = b.labels
    _ = labels.gettext
    ladder_notes = notes + "".join("\n" + _("Caution: {caution}").format(caution=c) for c in ladder.cautions)
    if ladder.qualities:
        b.content("ladder-qualities", ladder.title,
                  b.lead(ladder.description, owner=ladder, field="description") + b.bullets(ladder.qualities, owner=ladder, field="qualities"),
                  ladder_notes, segment=segment.id, title_source=(ladder, ("title",)))
    title_text = ladder.title if not ladder.qualities else _("{ladder}: the ladder").format(ladder=ladder.title)
    what = "its step on the ladder slide"
    arrow = Box(MARGIN, b.height - BOTTOM - 46, b.content_width, 46)
    top, bottom = BODY_TOP, arrow.y - 14
    count, gap = len(ladder.rungs), 8.0
    width = (b.content_width - gap * (count - 1)) / count
    lowest, highest = 0.42 * (bottom - top), bottom - top
    boxes = []
    for index in range(count):
        height = lowest + (highest - lowest) * index / max(count - 1, 1)
        boxes.append(Box(MARGIN + index * (width + gap), bottom - height, width, height))
    # Show up to 4 opening words per rung; fewer (then none) if a narrow slide needs it.
    for stems_shown in (4, 2, 0):
        drafts = [_rung_text(b, rung, stems_shown) for rung in ladder.rungs]
        sizes = [largest_size(draft, box, 24, BODY_MIN) for box, draft in zip(boxes, drafts)]
        fitted = [size for size in sizes if size is not None]
        if len(fitted) == len(sizes):
            break
    else:
        box, draft = next((x, d) for x, d, z in zip(boxes, drafts, sizes) if z is None)
        raise textfit.overflow(what, draft, frame(box), BODY_MIN)
    size = min(fitted)
    shapes: list[Element] = [b.rule()]
    for rung, box, draft in zip(ladder.rungs, boxes, drafts):
        shapes.append(TextBox(box, paragraphs(draft, size), fill=theme.primary, line=theme.primary,
                              name=f"rung:{rung.id}"))
    shapes.append(TextBox(arrow, (), fill=tint(theme.primary, 0.18), shape="right-arrow", name="arrow"))
    head = min(arrow.width, arrow.height) * 0.5
    shaft = Box(arrow.x, arrow.y + arrow.height * (1 - ARROW_SHAFT) / 2, arrow.width - head, arrow.height * ARROW_SHAFT)
    shapes.append(
        fit_box([Draft(_("less powerful  →  more powerful"), bold=True, colour=theme.text, align="center")],
                shaft, 20, BODY_MIN, f"{what} (arrow)", anchor="middle", name="arrow-label")
    )
    rung_notes = ladder_notes + "".join(
        f"\n{r.label}: {r.description}" + (" " + _("e.g. {example}").format(example=ladder.example(r.id)) if ladder.example(r.id) else "")
        for r in ladder.rungs
    )
    b.add(Slide("ladder", TITLE_ONLY_LAYOUT, b.title(title_text, source=(ladder, ("title",))), rung_notes, theme.background,
                shapes=tuple(shapes), segment=segment.id, heading=title_text))
    if ladder.examples:
        items = []
        for rung in ladder.rungs:
            for examples in (e for e in ladder.examples if e.rung == rung.id):
                for index, question in enumerate(examples.questions):
                    items.append(Draft(f"{rung.label}: {question}", colour=theme.text, bullet="bullet",
                                       source=(examples, ("questions", index))))
        title = _("Questions about {topic}").format(topic=ladder.topic) if ladder.topic else _("Questions up the ladder")
        b.content("ladder-examples", title, items, ladder_notes, segment=segment.id)


def _rung_text(b: DeckBuilder, rung: Rung, stems_shown: int) -> list[Draft]:
    on_primary = b.theme.on_primary
    draft = [Draft(rung.label, bold=True, colour=on_primary, align="center", source=(rung, ("label",)))]
    if stems_shown and rung.stems:
        stems = ", ".join(rung.stems[:stems_shown]) + (" …" if len(rung.stems) > stems_shown else "")
        draft.append(Draft(stems, scale=0.8, colour=on_primary, align="center", gap=0.5))
    return draft


# --- turn the curve ---------------------------------------------------------------------


def curve(b: DeckBuilder, item: ScheduledSegment, curve: TurnTheCurve, notes: str) -> None:
    """The curve's chart, then its story, partners, what works, essentials and next steps."""
    theme, segment = b.theme, item.segment
    labels = b.labels
    _ = labels.gettext
    data = "; ".join(f"{p.period}: {labels.number(p.value)}" for p in curve.baseline)
    chart_notes = notes + "\n" + _("Issue: {issue}").format(issue=curve.issue) + "\n" + _("Baseline: {values}").format(values=data)
    # The issue takes the lines it needs, as long as the chart keeps its least height; the chart the rest.
    what = "its place above the chart"
    issue = b.lead(curve.issue, owner=curve, field="issue")
    most = int((b.chart_box(BODY_TOP).height - MIN_CHART_HEIGHT - 8 - 2 * INSET_Y - 1) // (BODY_MIN * LEADING))
    for lines in range(1, max(most, 1) + 1):
        box = Box(MARGIN, BODY_TOP, b.content_width, lines * 20 * LEADING + 2 * INSET_Y + 1)
        if largest_size(issue, box, 20, BODY_MIN) is not None:
            break
    lead = fit_box(issue, box, 20, BODY_MIN, what, name="issue")
    about = _about_data(b, curve)
    caption = _caption(b, about, "its caption under the chart")
    chart_box = b.chart_box(lead.box.bottom + 8)
    if caption is not None and caption.box.y - 8 - chart_box.y < MIN_CHART_HEIGHT:
        caption = None  # the chart keeps its room; the words get a slide of their own
    if caption is not None:
        chart_box = attrs.evolve(chart_box, height=caption.box.y - 8 - chart_box.y)
    chart = curve_chart(curve, theme, chart_box, labels)
    shapes: tuple[Element, ...] = (b.rule(), lead, chart) + ((caption,) if caption is not None else ())
    title_source: Source = (curve, ("title",))
    b.add(Slide("curve-chart", TITLE_ONLY_LAYOUT, b.title(curve.title, source=title_source), chart_notes, theme.background,
                shapes=shapes, segment=segment.id, heading=curve.title))
    if about and caption is None:
        b.content("curve-data", _("About the data"), about, chart_notes, segment=segment.id)
    story = []
    for effect, heading in (("helping", _("What is helping")), ("hurting", _("What is hurting"))):
        causes = [(index, c.text) for index, c in enumerate(curve.story) if c.effect == effect]
        if causes:
            story += [Draft(heading, bold=True, colour=theme.primary)] + b.bullets(
                (text for _, text in causes), sources=[(curve, ("story", index, "text")) for index, _ in causes]
            )
    if not story:
        story = b.bullets([_("What is helping the curve?"), _("What is hurting it?"), _("What is the story behind these numbers?")])
    b.content("curve-story", _("The story behind the curve"), story, notes, segment=segment.id)
    partners = b.bullets(
        (f"{p.name}: {p.role}" if p.role else p.name for p in curve.partners), sources=[(p, ("role" if p.role else "name",)) for p in curve.partners]
    ) or b.bullets(
        [_("Who are the partners with a role to play in turning the curve?")]
    )
    b.content("curve-partners", _("Partners with a role to play"), partners, notes, segment=segment.id)
    ideas = b.bullets(
        (f"{i.text} ({cost_words(i.cost, labels)})" + (f": {i.evidence}" if i.evidence else "") for i in curve.what_works),
        sources=[(i, ("text",)) for i in curve.what_works],
    ) or b.bullets([_("What works to turn the curve? Include no-cost and low-cost ideas.")])
    b.content("curve-what-works", _("What works"), ideas, notes, segment=segment.id)
    essentials = b.numbered(curve.essentials, owner=curve, field="essentials") or b.bullets(
        [_("Agree up to {count} essentials: what will we do together that no one of us could do alone?").format(count=MAX_ESSENTIALS)]
    )
    b.content("curve-essentials", _("Our essentials (up to {count})").format(count=MAX_ESSENTIALS), essentials, notes, segment=segment.id)
    if curve.actions:
        actions = b.bullets(
            (a.what + "".join(f" · {x}" for x in (a.who, a.by_when) if x) for a in curve.actions),
            sources=[(a, ("what",)) for a in curve.actions],
        )
        b.content("curve-actions", _("Next steps"), actions, notes, segment=segment.id)


#: The most lines the curve's description and source may take under its chart; longer,
#: they get a slide of their own after it.
CAPTION_LINES = 4
#: The caption's largest size (it shrinks to the body floor before it moves).
CAPTION_MAX = 18.0
#: The least height a chart keeps on its slide when a caption joins it.
MIN_CHART_HEIGHT = 160.0


def _about_data(b: DeckBuilder, curve: TurnTheCurve) -> list[Draft]:
    """The curve's description and source, as the room should read them."""
    about = [Draft(curve.description.strip(), colour=b.theme.muted, source=(curve, ("description",)))] if curve.description.strip() else []
    if curve.source.strip():
        about.append(Draft(b.labels.gettext("Source: {source}").format(source=curve.source.strip()), colour=b.theme.muted, italic=True,
                           source=(curve, ("source",))))
    return about


def _caption(b: DeckBuilder, about: list[Draft], what: str) -> TextBox | None:
    """The description and source under the chart, in as few lines as they take (up to
    ``CAPTION_LINES``), or None when there are none or they need more room."""
    if not about:
        return None
    bottom = b.height - BOTTOM
    size = max(CAPTION_MAX, BODY_MIN)
    for count in range(len(about), CAPTION_LINES + 1):
        height = count * size * LEADING + (len(about) - 1) * size * 0.45 + 2 * INSET_Y + 2
        box = Box(MARGIN, bottom - height, b.content_width, height)
        if largest_size(about, box, size, BODY_MIN) is not None:
            return fit_box(about, box, size, BODY_MIN, what, anchor="bottom", name="about-data")
    return None


# --- the maturity rubric ----------------------------------------------------------------


def rubric(b: DeckBuilder, item: ScheduledSegment, rubric: MaturityRubric, notes: str) -> None:
    """The rubric as tables (continued across slides if tall), then the group's scores as a chart."""
    theme, segment = b.theme, item.segment
    labels = b.labels
    _ = labels.gettext
    for table, shown, continued in rubric_tables(rubric, theme, b.body_box(), "a slide", labels):
        b.add(Slide("maturity-table", TITLE_ONLY_LAYOUT, b.title(shown, source=(rubric, ("title",))), notes, theme.background,
                    shapes=(b.rule(), table), segment=segment.id, continued=continued, heading=shown))
    assessment = rubric.assess()
    if assessment.scores:
        chart = scores_chart(rubric, theme, b.body_box(), labels)
        weakest = assessment.weakest
        number = labels.number
        extra = ""
        if weakest is not None:
            extra = "\n" + labels.ngettext(
                "{count} response. Weakest: {dimension} (mean {mean}).", "{count} responses. Weakest: {dimension} (mean {mean}).",
                assessment.respondents,
            ).format(count=assessment.respondents, dimension=weakest.dimension.title, mean=number(weakest.mean, 1))
        extra += "".join(
            "\n" + _("{dimension}: mean {mean}, spread {spread}").format(
                dimension=s.dimension.title, mean=number(s.mean, 2), spread=number(s.spread, 2))
            for s in assessment.scores
        )
        title = _("{rubric}: our scores").format(rubric=rubric.title)
        b.add(Slide("maturity-scores", TITLE_ONLY_LAYOUT, b.title(title), notes + extra, theme.background,
                    shapes=(b.rule(), chart), segment=segment.id, heading=title))
