"""The deck builder: walks the session in clock order and makes its slides.

The title slide, the tracker ("Our conversation today") and section slide before each part
of the conversation, each segment's content, break and quote slides; the slides of an
activity (cards, reflection, ladder, curve, rubric) come from layout.slides.activities.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import attrs

from facilitate.labels import ENGLISH, Labels, N_, for_pack
from facilitate.layout import checking, compose, document, fonts
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
from facilitate.layout.slides.template import LayoutChoice, Template, choose_layouts, free_slot
from facilitate.layout.slides.vectors import address_height, qr_shapes
from facilitate.layout.steps import step_lines
from facilitate.layout.textfit import opening

Source = tuple[object, tuple[str | int, ...]]
from facilitate.layout.units import Size
from facilitate.model.pack import SessionPack
from facilitate.model.reflection import Quote
from facilitate.model.session import ScheduledSegment, Segment
from facilitate.layout.steps import grouping_words, timing_phrase
from facilitate.model.picture import Picture as Image
from facilitate.model.theme import Theme, scrim_opacity

TRACKER_TITLE = N_("Our conversation today")
#: A picture beside text takes this share of the width under the title.
PICTURE_SHARE = 0.42
#: A logo's box on the title slide (width, height), alone and in pairs.
LOGO_SIZE = {1: (150.0, 80.0), 2: (130.0, 70.0)}
LOGO_GAP = 16.0


def _clock(item: ScheduledSegment, labels: Labels = ENGLISH) -> str:
    return labels.times(item.starts_at, item.ends_at)


#: How a segment's notes name its part of the conversation (``facilitate import`` reads it back,
#: in any language facilitate ships).
PART_LABEL = N_("Part of the conversation: {part}")


def segment_notes(item: ScheduledSegment, *extra: str, part: str = "", labels: Labels = ENGLISH) -> str:
    """Speaker notes for a segment's slides: facilitator notes, timing, its part, method, materials."""
    _ = labels.gettext
    segment = item.segment
    lines = []
    if segment.notes.strip():
        lines.append(segment.notes.strip())
    lines.append(
        _("Time: starts {start}, {minutes} (until {end}), {grouping}.").format(
            start=labels.time(item.starts_at), minutes=labels.minutes(segment.minutes), end=labels.time(item.ends_at),
            grouping=grouping_words(segment.grouping, labels))
    )
    if part:
        lines.append(_(PART_LABEL).format(part=part))
    if segment.method:
        lines.append(_("Method: {method}").format(method=segment.method))
    materials = ", ".join(segment.materials) if segment.materials else labels.pgettext("materials", "none")
    lines.append(_("Materials: {materials}").format(materials=materials))
    if segment.outputs:
        lines.append(_("Outputs: {outputs}").format(outputs="; ".join(segment.outputs)))
    lines.extend(line for line in extra if line)
    return "\n".join(lines)


class DeckBuilder:
    """Walks the session in clock order and appends slides; knows the theme and geometry."""

    def __init__(self, pack: SessionPack, size: Size, cards_as_slides: bool, template: Template | None = None) -> None:
        self.pack = pack
        self.session = pack.session
        self.labels = for_pack(pack)
        self.theme: Theme = pack.theme
        self.width = size.width
        self.height = size.height
        self.cards_as_slides = cards_as_slides
        self.slides: list[Slide] = []
        self.warnings: list[str] = []
        #: How each title was made, to make it again with " (2 of 3)" when titles repeat:
        #: id(title box) → (the box, a function of the suffix giving the new box).
        self.remakes: dict[int, tuple[TextBox, Callable[[str], TextBox]]] = {}
        self.choice: LayoutChoice | None = None
        if template is not None:
            self.choice = choose_layouts(template, self.theme.layouts.named())
            if self.choice.warning:
                self.warnings.append(self.choice.warning)

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

    def what(self, title: str = "", part: str = "") -> str:
        """How a message names the slide being built: "slide 5"."""
        return f"slide {len(self.slides) + 1}"

    # -- small builders --

    def title(self, text: str, colour: str | None = None, box: Box | None = None, align: str = "left",
              max_size: float = TITLE_MAX, anchor: str = "bottom", source: Source | None = None,
              after: Sequence[Draft] = (), hidden: bool = False) -> TextBox:
        """A slide's title; ``source`` names the user's field it is (else it is facilitate's, shortened to fit).

        ``after``: more lines in the title's box (a picture slide's timing). A ``hidden``
        title sits just above the slide, where no one sees it: screen readers and
        PowerPoint's accessibility checker find every slide titled (a quote's slide).
        """
        colour = colour or self.theme.primary
        if hidden:
            box = Box(MARGIN, -TITLE_HEIGHT - 12, self.content_width, TITLE_HEIGHT)
        where = self.what(text, "(title)")

        def make(suffix: str) -> TextBox:
            drafts = [Draft(text + suffix, bold=True, colour=colour, align=align, source=source), *after]
            return fit_box(drafts, box or self.title_box(), max_size, TITLE_MIN, where, anchor=anchor, name="title")

        made = make("")
        self.remakes[id(made)] = (made, make)
        return made

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
        title_source: Source | None = None,
        image: Image | None = None,
    ) -> None:
        """Title and Content slides for ``items``, split into continuation slides if needed.

        With an ``image``, the picture fills the right of the first slide, beside the text.
        """
        box = self.body_box(band=band is not None)
        picture = None
        if image is not None:
            picture_width = self.content_width * PICTURE_SHARE
            picture = Picture(image.path, attrs.evolve(box, x=box.right - picture_width, width=picture_width),
                              image.alt, name="picture", fit="cover")
            box = attrs.evolve(box, width=box.width - picture_width - 16)
        what = self.what(title)
        size, chunks = split_to_fit(items, box, max_size, BODY_MIN, what)
        count = len(chunks)
        for number, chunk in enumerate(chunks, start=1):
            shown = continued(title, number, count)
            shapes: list[Element] = [self.rule()]
            if picture is not None and number == 1:
                shapes.append(picture)
            if band:
                shapes.append(self.band(band, self.what(shown)))
            body = TextBox(box, paragraphs(chunk, size), name="body") if chunk else None
            self.add(
                Slide(
                    kind,
                    CONTENT_LAYOUT,
                    self.title(shown, source=title_source),
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

    def bullets(self, texts: Iterable[str], colour: str | None = None, *, owner: object = None, field: str = "",
                sources: Sequence[Source | None] | None = None) -> list[Draft]:
        """A bulleted paragraph per text; the texts are the user's ``owner.field[i]`` (or ``sources``), if given."""
        return [
            Draft(t, colour=colour or self.theme.text, bullet="bullet", source=_source(owner, field, i, sources))
            for i, t in enumerate(texts) if t.strip()
        ]

    def numbered(self, texts: Iterable[str], *, owner: object = None, field: str = "") -> list[Draft]:
        kept = [(i, t) for i, t in enumerate(texts) if t.strip()]
        return [
            Draft(t, colour=self.theme.text, bullet="number", number=n, source=_source(owner, field, i, None))
            for n, (i, t) in enumerate(kept, start=1)
        ]

    def lead(self, text: str, *, owner: object = None, field: str = "") -> list[Draft]:
        source = (owner, (field,)) if owner is not None else None
        return [Draft(text.strip(), colour=self.theme.muted, source=source)] if text.strip() else []

    def picture_slide(self, kind: str, title: str, image: Image, notes: str, segment: str | None, band: str | None,
                      source: Source | None = None) -> None:
        """The picture over the whole slide, cropped to fill it, the title on a band of the theme colour.

        The band (a scrim) is as see-through as it can be while the title on it still
        reads at WCAG AA whatever the picture shows under it.
        """
        theme = self.theme
        full = Box(0, 0, self.width, self.height)
        title_box = Box(MARGIN, self.height - BOTTOM - 110, self.content_width, 110)
        scrim = Box(0, title_box.y - 16, self.width, self.height - title_box.y + 16)
        after = [Draft(band, scale=0.55, colour=theme.on_primary, gap=0.3)] if band else []
        fitted = self.title(title, colour=theme.on_primary, box=title_box, source=source, after=after)
        opacity = scrim_opacity(theme.on_primary, theme.primary)
        backdrop: tuple[Element, ...] = (
            Picture(image.path, full, image.alt, name="picture", fit="cover"),
            TextBox(scrim, (), fill=theme.primary, fill_opacity=opacity, name="scrim"),
        )
        self.add(Slide(kind, TITLE_ONLY_LAYOUT, fitted, notes, theme.background, segment=segment, heading=title,
                       backdrop=backdrop))

    def logos(self) -> list[Element]:
        """The organisation's and the partner's logos, where the title layout leaves room for them.

        In the layout's picture placeholder if it has one; else in the first top corner
        (right, then left) clear of the template's own artwork; else none, with a warning.
        """
        logos = self.labels.logos(self.theme)
        if not logos:
            return []
        layout = self.choice.layout(TITLE_LAYOUT) if self.choice is not None else None
        count = len(logos)
        if layout is not None and layout.picture_boxes:
            slot: Box | None = layout.picture_boxes[0]
            align = "centre"
        else:
            width, height = LOGO_SIZE[min(count, 2)]
            total = count * width + (count - 1) * LOGO_GAP
            candidates = (Box(self.width - MARGIN - total, 24, total, height), Box(MARGIN, 24, total, height))
            slot = free_slot(candidates, layout.artwork if layout is not None else ())
            align = "right" if slot is candidates[0] else "left"
        if slot is None:
            theme = self.theme
            owners = " and ".join(logo.alt.removeprefix("Logo of ") for logo in theme.logos())
            source = self.choice.template.source if self.choice is not None else "the template"
            self.warnings.append(
                f"{source}: no room for the logo{'s' if count > 1 else ''} of {owners} on the title slide:"
                " the template's own artwork fills both top corners, so facilitate leaves them off"
            )
            return []
        each = (slot.width - (count - 1) * LOGO_GAP) / count
        names = ("logo", "partner logo")
        return [
            Picture(logo.path, Box(slot.x + index * (each + LOGO_GAP), slot.y, each, slot.height), logo.alt,
                    name=names[min(index, 1)], align=align)
            for index, logo in enumerate(logos)
        ]

    # -- the deck --

    def build(self) -> Deck:
        # Each slide (or a segment's slides) is one item: ``facilitate validate`` notes the
        # problem of each and goes on (layout.checking); a build stops at the first.
        with checking.item():
            self.title_slide()
        last_part: str | None = None
        part_index = {part.id: index for index, part in enumerate(self.session.conversation)}
        schedule = self.session.schedule
        for position, scheduled in enumerate(schedule):
            part = scheduled.segment.part
            if part is not None and part != last_part:
                run = self._part_run(schedule, position)
                with checking.item():
                    self.tracker(part_index[part], run)
                with checking.item():
                    self.section(part_index[part], run)
                last_part = part
            with checking.item():
                self.segment(scheduled)
        # The session's own quotes close the deck, unless a segment already showed them.
        shown = {(s.quote.text, s.quote.author) for s in self.session.segments if s.quote is not None}
        for quote in self.session.quotes:
            if (quote.text, quote.author) not in shown:
                shown.add((quote.text, quote.author))
                with checking.item():
                    self.quote(quote, self.labels.gettext("A closing thought."))
        self.unique_titles()
        session = self.session
        people = session.facilitators or session.hosts
        return Deck(
            self.width,
            self.height,
            tuple(self.slides),
            title=session.title,
            subject=session.subtitle or session.purpose,
            author=", ".join(people) or self.theme.organisation,
            layouts=self.choice,
            warnings=tuple(self.warnings),
            font=self.theme.font,
            language=self.labels.office_language,
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
        shapes: list[Element] = self.logos()
        title_box = Box(MARGIN, 120, width, 150)
        title = self.title(session.title, box=title_box, max_size=44, source=(session, ("title",)))
        sub_box = Box(MARGIN, 282, width, self.height - 282 - 100)
        if session.url:
            # The session's web address as a QR code at the right, above the bar.
            side = 104.0
            top = self.height - 72 - 12 - address_height(session.url, side) - side
            shapes += qr_shapes(session.url, self.width - MARGIN - side, top, side, theme.muted, labels=self.labels)
            sub_box = attrs.evolve(sub_box, width=width - side - 24)
        body = self.subtitle(sub_box)
        when = compose.Composed(tuple(part for part in document.when(self.pack, self.labels).parts if part.keep != compose.HOSTS))
        bar = Box(0, self.height - 72, self.width, 72)
        shapes.append(
            fit_box(
                [Draft(str(when), colour=theme.on_primary)],
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
        labels = self.labels
        _ = labels.gettext
        notes = [f"{session.title}: {labels.times(session.starts_at, session.ends_at)} ({labels.minutes(session.total_minutes)})."]
        if session.purpose:
            notes.append(_("Purpose: {purpose}").format(purpose=session.purpose))
        if session.audience:
            notes.append(_("Audience: {audience}").format(audience=session.audience))
        if session.facilitators:
            notes.append(_("Facilitators: {names}").format(names=", ".join(session.facilitators)))
        if session.room_setup:
            notes.append(_("Room set-up: {notes}").format(notes="; ".join(session.room_setup)))
        checklist = session.materials_checklist()
        if checklist:
            notes.append(_("Materials for the day: {materials}").format(materials=", ".join(name for name, _count in checklist)))
        self.add(
            Slide("title", TITLE_LAYOUT, title, "\n".join(notes), theme.background, body=body,
                  shapes=tuple(shapes), heading=session.title)
        )

    def subtitle(self, box: Box) -> TextBox | None:
        """The title slide's subtitle (the user's) and "Hosted by ..." (facilitate's, shortened to fit)."""
        session, theme = self.session, self.theme
        lines = []
        if session.subtitle:
            lines.append(Draft(session.subtitle, colour=theme.text, gap=0, source=(session, ("subtitle",))))
        hosts = ", ".join(session.hosts) or theme.organisation
        if hosts:
            lines.append(Draft(self.labels.gettext("Hosted by {hosts}").format(hosts=hosts), scale=0.8, colour=theme.muted))
        return fit_box(lines, box, 26, BODY_MIN, "the title slide", name="subtitle") if lines else None

    def tracker(self, current: int, run: tuple[ScheduledSegment, ...]) -> None:
        """"Our conversation today", every part listed, the current one bold in the theme colour."""
        theme = self.theme
        items = [
            Draft(part.title, colour=theme.primary if index == current else theme.muted,
                  bold=index == current, bullet="bullet", source=(part, ("title",)))
            for index, part in enumerate(self.session.conversation)
        ]
        box = self.body_box()
        labels = self.labels
        _ = labels.gettext
        tracker_title = _(TRACKER_TITLE)
        what = self.what(tracker_title)
        # Measure every item bold, so each tracker slide has the same size whichever is current.
        measured = [attrs.evolve(d, bold=True) for d in items]
        size, chunks = split_to_fit(measured, box, BODY_MAX, BODY_MIN, what)
        part = self.session.conversation[current]
        notes = [_("Part {number} of {count}: {title}.").format(number=current + 1, count=len(self.session.conversation), title=part.title)]
        if run:
            notes.append(_("Time: {times}.").format(times=labels.times(run[0].starts_at, run[-1].ends_at)))
            notes.extend(f"{_clock(i, labels)} {i.segment.title} ({labels.minutes(i.segment.minutes)})" for i in run)
        count, start = len(chunks), 0
        for number, chunk in enumerate(chunks, start=1):
            own = items[start : start + len(chunk)]
            start += len(chunk)
            title = continued(tracker_title, number, count)
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
        title = self.title(part.title, colour=theme.on_primary, box=box, max_size=40, source=(part, ("title",)))
        labels = self.labels
        label = labels.gettext("Part {number} of {count}").format(number=index + 1, count=len(self.session.conversation))
        if run:
            label += f" · {labels.times(run[0].starts_at, run[-1].ends_at)}"
        body = fit_box(
            [Draft(label, colour=theme.on_primary)],
            Box(MARGIN, box.bottom + 12, self.content_width, 48), 24, BODY_MIN,
            self.what(part.title, "(subtitle)"), name="body",
        )
        notes = [labels.gettext("Part {number}: {title}.").format(number=index + 1, title=part.title)]
        notes.extend(f"{_clock(i, labels)} {i.segment.title} ({labels.minutes(i.segment.minutes)})" for i in run)
        self.add(
            Slide("section", SECTION_LAYOUT, title, "\n".join(notes), theme.primary, body=body,
                  part_index=index, heading=part.title)
        )

    # -- segments --

    def segment(self, item: ScheduledSegment) -> None:
        segment = item.segment
        part = self.session.part(segment.part).title if segment.part else ""
        notes = segment_notes(item, part=part, labels=self.labels)
        band = timing_phrase(segment, self.labels) if segment.kind in ("activity", "discussion", "reflection") else None
        title_source: Source = (segment, ("title",))
        if segment.kind == "break":
            self.break_slide(item, notes)
        elif segment.deck is not None:
            activities.cards(self, item, self.pack.deck(segment.deck), notes)
        elif segment.reflection is not None:
            activities.reflection(self, item, self.pack.reflection(segment.reflection), notes, band)
        else:
            items = self.segment_items(segment)
            has_item = any(getattr(segment, f) is not None for f in ("ladder", "curve", "rubric"))
            if segment.image is not None and not items:
                self.picture_slide(segment.kind, segment.title, segment.image, notes, segment.id, band, title_source)
            elif items or not (has_item or segment.quote is not None):
                # No slide is ever empty: a segment with nothing else to show shows its timing.
                self.content(segment.kind, segment.title, items, notes, segment=segment.id,
                             band=band or (None if items else timing_phrase(segment, self.labels)),
                             title_source=title_source, image=segment.image)
            elif segment.quote is not None and not has_item:
                # A quote standing alone in a segment is the segment's slide, titled (hidden) as the segment.
                self.quote(segment.quote, notes, segment.id, title=segment.title, title_source=title_source)
                return
            if segment.ladder is not None:
                activities.ladder(self, item, self.pack.ladder(segment.ladder), notes)
            if segment.curve is not None:
                activities.curve(self, item, self.pack.curve(segment.curve), notes)
            if segment.rubric is not None:
                activities.rubric(self, item, self.pack.rubric(segment.rubric), notes)
        if segment.quote is not None:
            self.quote(segment.quote, notes, segment.id)

    def segment_items(self, segment: Segment) -> list[Draft]:
        """The segment's description, its steps (its method's, or its own) as a numbered list, bullets and prompts."""
        steps = step_lines(segment, self.labels)
        return (
            self.lead(segment.description, owner=segment, field="description")
            + [Draft(line.text, colour=self.theme.text, bullet="number", number=n, source=(line.step, ("instructions",)))
               for n, line in enumerate(steps, start=1)]
            + self.bullets(segment.bullets, owner=segment, field="bullets")
            + self.bullets(segment.prompts, owner=segment, field="prompts")
        )

    def break_slide(self, item: ScheduledSegment, notes: str) -> None:
        segment, theme = item.segment, self.theme
        box = Box(MARGIN, self.height * 0.36, self.content_width, self.height * 0.26)
        back = fit_box(
            [Draft(self.labels.gettext("Back at {time}").format(time=self.labels.time(item.ends_at)), bold=True, colour=theme.primary,
                   align="center"),
             Draft(self.labels.minutes(segment.minutes), scale=0.45, colour=theme.muted, align="center")],
            box, 60, BODY_MIN, self.what(segment.title, "(return time)"), anchor="middle", name="return",
        )
        shapes: list[Element] = [back]
        extra = self.lead(segment.description, owner=segment, field="description") + self.bullets(
            segment.bullets, owner=segment, field="bullets"
        )
        if extra:
            below = Box(MARGIN, box.bottom + 8, self.content_width, self.height - BOTTOM - box.bottom - 8)
            shapes.append(fit_box(extra, below, 20, BODY_MIN, "its break slide", name="text"))
        self.add(
            Slide("break", TITLE_ONLY_LAYOUT, self.title(segment.title, source=(segment, ("title",))), notes, theme.background,
                  shapes=(self.rule(), *shapes), segment=segment.id, heading=segment.title)
        )

    def quote(self, quote: Quote, notes: str, segment: str | None = None, *, title: str | None = None,
              title_source: Source | None = None) -> None:
        """The quote large, its author and source under it; titled for screen readers only
        (``title``, else the quote's first words), since the quote speaks for itself."""
        theme = self.theme
        text = quote.text
        credit = f"— {quote.author}" + (f", {quote.source}" if quote.source else "")
        box = Box(MARGIN + 24, 60, self.content_width - 24, self.height - 120)
        shapes: list[Element] = []
        image = quote.image
        if image is not None:
            picture_width = self.content_width * PICTURE_SHARE
            shapes.append(Picture(image.path, Box(self.width - MARGIN - picture_width, 60, picture_width, self.height - 120),
                                  image.alt, name="picture", fit="cover"))
            box = attrs.evolve(box, width=box.width - picture_width - 24)
        what = "its quote slide"
        body = fit_box(
            [Draft(self.labels.quoted(text.strip()), italic=True, colour=theme.text, source=(quote, ("text",))),
             Draft(credit, scale=0.7, colour=theme.muted, align="right", gap=0.9)],
            box, 36, BODY_MIN, what, anchor="middle", name="quote",
        )
        bar = TextBox(Box(MARGIN, 60, 6, self.height - 120), (), fill=theme.primary, name="bar")
        heading = title or self.labels.quoted(opening(text.strip(), 6).rstrip(" …") + "…")
        hidden = self.title(heading, source=title_source, hidden=True)
        self.add(
            Slide("quote", BLANK_LAYOUT, hidden, notes, theme.background, shapes=(bar, body, *shapes),
                  segment=segment, heading=heading, hidden_title=True)
        )

    def unique_titles(self) -> None:
        """Titles that repeat get " (2 of 5)", so every slide's title is its own (screen readers
        list slides by title; PowerPoint's accessibility checker asks for unique titles)."""
        counts = Counter(slide.title_text for slide in self.slides if slide.title is not None)
        seen: Counter[str] = Counter()
        for index, slide in enumerate(self.slides):
            text = slide.title_text
            if slide.title is None or counts[text] < 2:
                continue
            seen[text] += 1
            suffix = " " + self.labels.gettext("({number} of {count})").format(number=seen[text], count=counts[text])
            _, make = self.remakes[id(slide.title)]
            with checking.item():
                self.slides[index] = attrs.evolve(slide, title=make(suffix), heading=slide.heading + suffix)


def _source(owner: object, field: str, index: int, sources: Sequence[Source | None] | None) -> Source | None:
    """Where the ``index``-th text of a list came from: given in ``sources``, or ``owner.field[index]``."""
    if sources is not None:
        return sources[index]
    return (owner, (field, index)) if owner is not None else None


def build_deck(pack: SessionPack, *, aspect: str = "16:9", cards_as_slides: bool = False,
               template: Template | None = None) -> Deck:
    """The slide deck for ``pack``: every slide's text fitted, or TextOverflowError naming the user's field.

    ``template`` describes the PowerPoint template the deck will be drawn on: which of its
    layouts each slide uses, and where its own artwork leaves room for the logos. Text is
    measured with the metrics of the font the deck names (the theme's, see layout.fonts).
    """
    with fonts.measuring(pack.theme.font):
        return DeckBuilder(pack, slide_size(aspect), cards_as_slides, template).build()
