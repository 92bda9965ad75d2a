"""The deck builder: walks the session in clock order and makes its slides.

The title slide, the tracker ("Our conversation today") and section slide before each part
of the conversation, each segment's content, break and quote slides; the slides of an
activity (cards, reflection, ladder, curve, rubric) come from layout.slides.activities.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from facilitate.layout import fonts
from facilitate.layout.slides import activities
from facilitate.layout.slides.fitting import (
    BODY_MAX,
    BODY_MIN,
    TITLE_MAX,
    TITLE_MIN,
    WIDTH_SAFETY,
    Draft,
    continued,
    fit_box,
    paragraphs,
    split_to_fit,
)
from facilitate.layout.slides.spec import (
    BAND_HEIGHT,
    BLANK_LAYOUT,
    BODY_TOP,
    BOTTOM,
    CONTENT_LAYOUT,
    INSET_X,
    MARGIN,
    SECTION_LAYOUT,
    TITLE_HEIGHT,
    TITLE_LAYOUT,
    TITLE_ONLY_LAYOUT,
    TITLE_TOP,
    Box,
    Deck,
    Element,
    Picture,
    Slide,
    TextBox,
    slide_size,
)
from facilitate.layout.slides.vectors import address_height, qr_shapes
from facilitate.layout.textfit import opening
from facilitate.layout.units import Size
from facilitate.model.pack import SessionPack
from facilitate.model.session import ScheduledSegment, Segment
from facilitate.model.steps import GROUPING_PHRASES
from facilitate.model.theme import Theme

TRACKER_TITLE = "Our conversation today"


def _clock(item: ScheduledSegment) -> str:
    return f"{item.starts_at:%H:%M}–{item.ends_at:%H:%M}"


def segment_notes(item: ScheduledSegment, *extra: str) -> str:
    """Speaker notes for a segment's slides: facilitator notes, timing, method, materials."""
    segment = item.segment
    lines = []
    if segment.notes.strip():
        lines.append(segment.notes.strip())
    lines.append(
        f"Time: starts {item.starts_at:%H:%M}, {segment.minutes} min (until {item.ends_at:%H:%M}),"
        f" {GROUPING_PHRASES[segment.grouping]}."
    )
    if segment.method:
        lines.append(f"Method: {segment.method}")
    lines.append("Materials: " + (", ".join(segment.materials) if segment.materials else "none"))
    if segment.outputs:
        lines.append("Outputs: " + "; ".join(segment.outputs))
    lines.extend(line for line in extra if line)
    return "\n".join(lines)


class DeckBuilder:
    """Walks the session in clock order and appends slides; knows the theme and geometry."""

    def __init__(self, pack: SessionPack, size: Size, cards_as_slides: bool) -> None:
        self.pack = pack
        self.session = pack.session
        self.theme: Theme = pack.theme
        self.width = size.width
        self.height = size.height
        self.cards_as_slides = cards_as_slides
        self.slides: list[Slide] = []

    # -- geometry --

    @property
    def content_width(self) -> float:
        return self.width - 2 * MARGIN

    def title_box(self) -> Box:
        return Box(MARGIN, TITLE_TOP, self.content_width, TITLE_HEIGHT)

    def body_box(self, band: bool = False, top: float = BODY_TOP) -> Box:
        return Box(MARGIN, top, self.content_width, self.body_bottom(band) - top)

    def body_bottom(self, band: bool = False) -> float:
        """Where the body ends: above the timing band, if the slide has one."""
        return self.height - BOTTOM - (BAND_HEIGHT + 12 if band else 0)

    def band_box(self) -> Box:
        return Box(MARGIN, self.height - BOTTOM - BAND_HEIGHT, self.content_width, BAND_HEIGHT)

    def chart_box(self, top: float) -> Box:
        return Box(MARGIN, top, self.content_width, self.height - BOTTOM - top)

    # -- naming --

    def what(self, title: str, part: str = "") -> str:
        where = f"slide {len(self.slides) + 1} {title!r}"
        return f"{where} {part}" if part else where

    # -- small builders --

    def title(self, text: str, colour: str | None = None, box: Box | None = None, align: str = "left",
              max_size: float = TITLE_MAX, anchor: str = "bottom") -> TextBox:
        colour = colour or self.theme.primary
        return fit_box(
            [Draft(text, bold=True, colour=colour, align=align)],
            box or self.title_box(),
            max_size,
            TITLE_MIN,
            self.what(text, "(title)"),
            anchor=anchor,
            name="title",
        )

    def rule(self) -> TextBox:
        """A short bar under the title in the theme colour."""
        return TextBox(Box(MARGIN + INSET_X, TITLE_TOP + TITLE_HEIGHT + 6, 72, 4), (), fill=self.theme.primary, name="rule")

    def band(self, text: str, what: str) -> TextBox:
        """The timing band at the foot of an activity slide: "20 min, at your tables"."""
        box = self.band_box()
        size = 20.0
        width = fonts.metrics("bold").width(text, size) / WIDTH_SAFETY + 2 * INSET_X + 24
        box = attrs.evolve(box, width=min(max(width, 200.0), box.width))
        return fit_box(
            [Draft(text, bold=True, colour=self.theme.on_primary)],
            box,
            size,
            BODY_MIN,
            f"{what} (timing)",
            anchor="middle",
            fill=self.theme.primary,
            shape="rounded",
            name="timing",
        )

    def add(self, slide: Slide) -> None:
        self.slides.append(slide)

    def content(
        self,
        kind: str,
        title: str,
        items: Sequence[Draft],
        notes: str,
        *,
        segment: str | None = None,
        band: str | None = None,
        part_index: int | None = None,
        max_size: float = BODY_MAX,
    ) -> None:
        """Title and Content slides for ``items``, split into continuation slides if needed."""
        box = self.body_box(band=band is not None)
        what = self.what(title)
        size, chunks = split_to_fit(items, box, max_size, BODY_MIN, what)
        count = len(chunks)
        for number, chunk in enumerate(chunks, start=1):
            shown = continued(title, number, count)
            shapes: list[Element] = [self.rule()]
            if band:
                shapes.append(self.band(band, self.what(shown)))
            body = TextBox(box, paragraphs(chunk, size), name="body") if chunk else None
            self.add(
                Slide(
                    kind,
                    CONTENT_LAYOUT,
                    self.title(shown),
                    notes,
                    self.theme.background,
                    body=body,
                    shapes=tuple(shapes),
                    segment=segment,
                    part_index=part_index,
                    continued=(number, count) if count > 1 else None,
                    heading=shown,
                )
            )

    def bullets(self, texts: Iterable[str], colour: str | None = None) -> list[Draft]:
        return [Draft(t, colour=colour or self.theme.text, bullet="bullet") for t in texts if t.strip()]

    def numbered(self, texts: Iterable[str]) -> list[Draft]:
        return [
            Draft(t, colour=self.theme.text, bullet="number", number=n)
            for n, t in enumerate((t for t in texts if t.strip()), start=1)
        ]

    def lead(self, text: str) -> list[Draft]:
        return [Draft(text.strip(), colour=self.theme.muted)] if text.strip() else []

    # -- the deck --

    def build(self) -> Deck:
        self.title_slide()
        last_part: str | None = None
        part_index = {part.id: index for index, part in enumerate(self.session.conversation)}
        schedule = self.session.schedule
        for position, item in enumerate(schedule):
            part = item.segment.part
            if part is not None and part != last_part:
                run = self._part_run(schedule, position)
                self.tracker(part_index[part], run)
                self.section(part_index[part], run)
                last_part = part
            self.segment(item)
        # The session's own quotes close the deck, unless a segment already showed them.
        shown = {(s.quote.text, s.quote.author) for s in self.session.segments if s.quote is not None}
        for quote in self.session.quotes:
            if (quote.text, quote.author) not in shown:
                shown.add((quote.text, quote.author))
                self.quote(quote.text, quote.author, quote.source, "A closing thought.")
        session = self.session
        people = session.facilitators or session.hosts
        return Deck(
            self.width,
            self.height,
            tuple(self.slides),
            title=session.title,
            subject=session.subtitle or session.purpose,
            author=", ".join(people) or self.theme.organisation,
        )

    def _part_run(self, schedule: tuple[ScheduledSegment, ...], start: int) -> tuple[ScheduledSegment, ...]:
        """The segments from ``start`` until another part begins (untagged ones included)."""
        part = schedule[start].segment.part
        run = []
        for item in schedule[start:]:
            if item.segment.part not in (None, part):
                break
            run.append(item)
        while run and run[-1].segment.part is None:
            run.pop()
        return tuple(run)

    def title_slide(self) -> None:
        session, theme = self.session, self.theme
        width = self.content_width
        logo_box = Box(self.width - MARGIN - 150, 24, 150, 80)
        shapes: list[Element] = []
        if theme.logo:
            owner = theme.organisation or (session.hosts[0] if session.hosts else session.title)
            shapes.append(Picture(theme.logo, logo_box, f"Logo of {owner}", name="logo"))
        title_box = Box(MARGIN, 120, width, 150)
        title = fit_box(
            [Draft(session.title, bold=True, colour=theme.primary, align="left")],
            title_box,
            44,
            TITLE_MIN,
            self.what(session.title, "(title)"),
            anchor="bottom",
            name="title",
        )
        lines = []
        if session.subtitle:
            lines.append(Draft(session.subtitle, colour=theme.text, gap=0))
        hosts = ", ".join(session.hosts) or theme.organisation
        if hosts:
            lines.append(Draft(f"Hosted by {hosts}", scale=0.8, colour=theme.muted))
        body = None
        sub_box = Box(MARGIN, 282, width, self.height - 282 - 100)
        if session.url:
            # The session's web address as a QR code at the right, above the bar.
            side = 104.0
            top = self.height - 72 - 12 - address_height(session.url, side) - side
            shapes += qr_shapes(session.url, self.width - MARGIN - side, top, side, theme.muted)
            sub_box = attrs.evolve(sub_box, width=width - side - 24)
        if lines:
            body = fit_box(lines, sub_box, 26, BODY_MIN, self.what(session.title, "(subtitle)"), name="subtitle")
        when = []
        if session.date:
            when.append(f"{session.date:%A} {session.date.day} {session.date:%B %Y}")
        when.append(f"{session.starts_at:%H:%M}–{session.ends_at:%H:%M}")
        if session.venue:
            when.append(session.venue)
        bar = Box(0, self.height - 72, self.width, 72)
        shapes.append(
            fit_box(
                [Draft(" · ".join(when), colour=theme.on_primary)],
                attrs.evolve(bar, x=MARGIN, width=self.width - 2 * MARGIN),
                22,
                BODY_MIN,
                self.what(session.title, "(date and venue)"),
                anchor="middle",
                fill=theme.primary,
                name="when",
            )
        )
        shapes.insert(0, TextBox(bar, (), fill=theme.primary, name="bar"))
        notes = [f"{session.title}: {session.starts_at:%H:%M}–{session.ends_at:%H:%M} ({session.total_minutes} min)."]
        if session.purpose:
            notes.append(f"Purpose: {session.purpose}")
        if session.audience:
            notes.append(f"Audience: {session.audience}")
        if session.facilitators:
            notes.append("Facilitators: " + ", ".join(session.facilitators))
        if session.room_setup:
            notes.append("Room set-up: " + "; ".join(session.room_setup))
        checklist = session.materials_checklist()
        if checklist:
            notes.append("Materials for the day: " + ", ".join(name for name, _ in checklist))
        self.add(
            Slide("title", TITLE_LAYOUT, title, "\n".join(notes), theme.background, body=body,
                  shapes=tuple(shapes), heading=session.title)
        )

    def tracker(self, current: int, run: tuple[ScheduledSegment, ...]) -> None:
        """"Our conversation today", every part listed, the current one bold in the theme colour."""
        theme = self.theme
        items = [
            Draft(part.title, colour=theme.primary if index == current else theme.muted,
                  bold=index == current, bullet="bullet")
            for index, part in enumerate(self.session.conversation)
        ]
        box = self.body_box()
        what = self.what(TRACKER_TITLE)
        # Measure every item bold, so each tracker slide has the same size whichever is current.
        measured = [attrs.evolve(d, bold=True) for d in items]
        size, chunks = split_to_fit(measured, box, BODY_MAX, BODY_MIN, what)
        part = self.session.conversation[current]
        notes = [f"Part {current + 1} of {len(self.session.conversation)}: {part.title}."]
        if run:
            notes.append(f"Time: {run[0].starts_at:%H:%M}–{run[-1].ends_at:%H:%M}.")
            notes.extend(f"{_clock(i)} {i.segment.title} ({i.segment.minutes} min)" for i in run)
        count, start = len(chunks), 0
        for number, chunk in enumerate(chunks, start=1):
            own = items[start : start + len(chunk)]
            start += len(chunk)
            title = continued(TRACKER_TITLE, number, count)
            self.add(
                Slide(
                    "tracker",
                    CONTENT_LAYOUT,
                    self.title(title),
                    "\n".join(notes),
                    theme.background,
                    body=TextBox(box, paragraphs(own, size), name="body"),
                    shapes=(self.rule(),),
                    part_index=current,
                    continued=(number, count) if count > 1 else None,
                    heading=title,
                )
            )

    def section(self, index: int, run: tuple[ScheduledSegment, ...]) -> None:
        theme = self.theme
        part = self.session.conversation[index]
        box = Box(MARGIN, self.height * 0.30, self.content_width, self.height * 0.34)
        title = fit_box(
            [Draft(part.title, bold=True, colour=theme.on_primary)],
            box, 40, TITLE_MIN, self.what(part.title, "(title)"), anchor="bottom", name="title",
        )
        label = f"Part {index + 1} of {len(self.session.conversation)}"
        if run:
            label += f" · {run[0].starts_at:%H:%M}–{run[-1].ends_at:%H:%M}"
        body = fit_box(
            [Draft(label, colour=theme.on_primary)],
            Box(MARGIN, box.bottom + 12, self.content_width, 48), 24, BODY_MIN,
            self.what(part.title, "(subtitle)"), name="body",
        )
        notes = [f"Part {index + 1}: {part.title}."]
        notes.extend(f"{_clock(i)} {i.segment.title} ({i.segment.minutes} min)" for i in run)
        self.add(
            Slide("section", SECTION_LAYOUT, title, "\n".join(notes), theme.primary, body=body,
                  part_index=index, heading=part.title)
        )

    # -- segments --

    def segment(self, item: ScheduledSegment) -> None:
        segment = item.segment
        notes = segment_notes(item)
        band = segment.timing_phrase if segment.kind in ("activity", "discussion", "reflection") else None
        if segment.kind == "break":
            self.break_slide(item, notes)
        elif segment.deck is not None:
            activities.cards(self, item, self.pack.deck(segment.deck), notes)
        elif segment.reflection is not None:
            activities.reflection(self, item, self.pack.reflection(segment.reflection), notes, band)
        else:
            items = self.segment_items(segment)
            has_item = any(getattr(segment, f) is not None for f in ("ladder", "curve", "rubric"))
            if items or not has_item:
                self.content(segment.kind, segment.title, items, notes, segment=segment.id, band=band)
            if segment.ladder is not None:
                activities.ladder(self, item, self.pack.ladder(segment.ladder), notes)
            if segment.curve is not None:
                activities.curve(self, item, self.pack.curve(segment.curve), notes)
            if segment.rubric is not None:
                activities.rubric(self, item, self.pack.rubric(segment.rubric), notes)
        if segment.quote is not None:
            quote = segment.quote
            self.quote(quote.text, quote.author, quote.source, notes, segment.id)

    def segment_items(self, segment: Segment) -> list[Draft]:
        return self.lead(segment.description) + self.bullets(segment.bullets) + self.bullets(segment.prompts)

    def break_slide(self, item: ScheduledSegment, notes: str) -> None:
        segment, theme = item.segment, self.theme
        box = Box(MARGIN, self.height * 0.36, self.content_width, self.height * 0.26)
        back = fit_box(
            [Draft(f"Back at {item.ends_at:%H:%M}", bold=True, colour=theme.primary, align="center"),
             Draft(f"{segment.minutes} min", scale=0.45, colour=theme.muted, align="center")],
            box, 60, BODY_MIN, self.what(segment.title, "(return time)"), anchor="middle", name="return",
        )
        shapes: list[Element] = [back]
        extra = self.lead(segment.description) + self.bullets(segment.bullets)
        if extra:
            below = Box(MARGIN, box.bottom + 8, self.content_width, self.height - BOTTOM - box.bottom - 8)
            shapes.append(fit_box(extra, below, 20, BODY_MIN, self.what(segment.title, "(text)"), name="text"))
        self.add(
            Slide("break", TITLE_ONLY_LAYOUT, self.title(segment.title), notes, theme.background,
                  shapes=(self.rule(), *shapes), segment=segment.id, heading=segment.title)
        )

    def quote(self, text: str, author: str, source: str, notes: str, segment: str | None = None) -> None:
        theme = self.theme
        credit = f"— {author}" + (f", {source}" if source else "")
        box = Box(MARGIN + 24, 60, self.content_width - 24, self.height - 120)
        what = self.what(opening(text, 5), "(quote)")
        body = fit_box(
            [Draft(f"“{text.strip()}”", italic=True, colour=theme.text),
             Draft(credit, scale=0.7, colour=theme.muted, align="right", gap=0.9)],
            box, 36, BODY_MIN, what, anchor="middle", name="quote",
        )
        bar = TextBox(Box(MARGIN, 60, 6, self.height - 120), (), fill=theme.primary, name="bar")
        self.add(
            Slide("quote", BLANK_LAYOUT, None, notes, theme.background, shapes=(bar, body),
                  segment=segment, heading=opening(text.strip(), 4).rstrip(" …"))
        )


def build_deck(pack: SessionPack, *, aspect: str = "16:9", cards_as_slides: bool = False) -> Deck:
    """The slide deck for ``pack``: every slide's text fitted, or TextOverflowError naming the slide."""
    return DeckBuilder(pack, slide_size(aspect), cards_as_slides).build()
