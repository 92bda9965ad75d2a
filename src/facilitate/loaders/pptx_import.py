"""An existing PowerPoint deck read as a draft session: ``facilitate import DECK.pptx``.

Each slide becomes a segment: its title, its bullets as points (a question as a prompt),
its speaker notes as the facilitator's notes, its largest picture with the picture's alt
text, and a guessed kind (a break, a quote, an activity, else an input). Text is found
wherever the slide keeps it: placeholders, text boxes, grouped shapes and tables; a
chart is described in the notes, since its data belongs in a curve file. An empty slide
is left out, and said so.

A slide that comes back through the deck with the same list each time, one item picked
out (bold, or in another colour) on each visit, is an agenda ("Our conversation today"):
its items become the session's conversation parts, each slide after a visit belongs to
the part picked out, and a divider slide that only names the part is left out.

Minutes are guessed from what a slide holds and marked as estimated, except in a deck
that facilitate made: its speaker notes say each segment's start, minutes, grouping,
method and materials ("Time: starts 09:35, 30 min (until 10:05), at your tables."), its
title slide the date, start and venue, and its tracker notes the segments' titles, so
such a deck comes back as the session it was built from.

python-pptx is imported only here (a loader of a heavy format, like the spreadsheet
readers); the YAML is written by :mod:`facilitate.session_file`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from facilitate.errors import LoadError, ModelError
from facilitate.layout.slides.deck import PART_LABEL
from facilitate.model._fields import slug
from facilitate.model.picture import Picture
from facilitate.model.reflection import Quote
from facilitate.model.session import Part, Segment, Session
from facilitate.model.steps import GROUPING_PHRASES

#: Words in a title that make a slide a break.
_BREAK = re.compile(r"\b(break|coffee|tea|lunch|pause|recess|refreshments?|comfort break)\b", re.I)
_BACK_AT = re.compile(r"^back at \d{1,2}[:.]\d{2}$", re.I)
#: Words that make a slide an activity: people are asked to do something, for a time.
_ACTIVITY = re.compile(
    r"\b(discuss|in pairs|in groups|at your tables?|activity|exercise|task|brainstorm|sort the|vote|"
    r"share with|talk to|work together|post-it|sticky notes?|\d+\s*min(ute)?s?\b)", re.I
)
_IMPERATIVES = ("discuss", "share", "write", "choose", "agree", "talk", "list", "draw", "decide", "find", "sort", "rank", "pick", "vote")
_QUOTE_OPEN = "“\"‘«„"
_QUOTE_CLOSE = "”\"’»“"
_CREDIT = re.compile(r"^[—–-]\s*(.+)$")
_CONTINUED = re.compile(r"\s*\((\d+)/(\d+)\)\s*$|\s*\((cont(inued|\.)?)\)\s*$", re.I)
#: " (2 of 5)": how a deck numbers titles that repeat (facilitate's does, so each slide's is its own).
_NUMBERED = re.compile(r"\s*\(\d+ of \d+\)\s*$")
_CLOCK = r"(\d{1,2}):(\d{2})"
# The lines facilitate writes in a segment's speaker notes (layout.slides.deck.segment_notes).
#: "Part of the conversation: " (facilitate's English notes; a deck it made in another language keeps its slides, not its timings).
_PART_PREFIX = PART_LABEL.split("{part}")[0]
_TIME = re.compile(rf"^Time: starts {_CLOCK}, (\d+) min \(until {_CLOCK}\), (.+)\.$")
_TIME_BREAK = re.compile(rf"^Time: starts {_CLOCK}, (\d+) min \(until {_CLOCK}\)")
_TRACKER_ROW = re.compile(rf"^{_CLOCK}–{_CLOCK} (.+) \((\d+) min\)$")
_WHEN = re.compile(rf"{_CLOCK}–{_CLOCK}")
_PHRASE_GROUPING = {phrase: grouping for grouping, phrase in GROUPING_PHRASES.items()}
_PICTURE = 13  # MSO_SHAPE_TYPE.PICTURE
#: Alt text that is only a file's name (python-pptx and some programs write one): no description at all.
_FILE_NAME = re.compile(r"^[^\s/\\]*\.(png|jpe?g|gif|bmp|svg|tiff?|emf|wmf|webp)$", re.I)
_GROUP = 6  # MSO_SHAPE_TYPE.GROUP


@attrs.frozen
class Para:
    """A paragraph of a slide: its text, level, whether it is bulleted, and how it stands out."""

    text: str
    level: int = 0
    #: True: a bullet; False: written without one; None: as the layout has it.
    bullet: bool | None = None
    numbered: bool = False
    bold: bool = False
    colour: str | None = None


@attrs.frozen
class Extracted:
    """A picture taken out of the deck, written next to the session file."""

    #: The file name, relative to the session file.
    name: str
    data: bytes
    alt: str
    #: False when the deck had no alt text for it (the alt is then facilitate's placeholder words).
    described: bool


@attrs.frozen
class SlideText:
    """What one slide holds, read from wherever it keeps it."""

    number: int
    title: str
    body: tuple[Para, ...]
    #: Text in other shapes (text boxes, groups, table rows), in reading order.
    other: tuple[Para, ...]
    notes: str
    pictures: tuple[tuple[bytes, str, str, float], ...]  # (data, extension, alt, area)
    charts: tuple[str, ...]
    is_title_slide: bool
    is_section: bool

    @property
    def paragraphs(self) -> tuple[Para, ...]:
        return self.body + self.other

    @property
    def empty(self) -> bool:
        return not (self.title or any(p.text for p in self.paragraphs) or self.pictures or self.charts or self.notes.strip())


@attrs.frozen
class Imported:
    """A deck read as a session, with what the session file needs beside it."""

    session: Session
    pictures: tuple[Extracted, ...] = ()
    #: Ids of the segments whose minutes were guessed.
    estimated: frozenset[str] = frozenset()
    #: What the reader should know: slides left out, agendas found, pictures without alt text.
    report: tuple[str, ...] = ()
    #: True when the deck was made by facilitate (its notes carry the timings).
    from_facilitate: bool = False


# --- reading a slide --------------------------------------------------------------------------


def _clean(text: str) -> str:
    return " ".join(text.replace("\x0b", " ").split())


def _paragraphs(frame: Any) -> Iterator[Para]:
    from pptx.oxml.ns import qn

    for paragraph in frame.paragraphs:
        text = _clean(paragraph.text)
        if not text:
            continue
        properties = paragraph._p.pPr
        bullet: bool | None = None
        numbered = False
        if properties is not None:
            if properties.find(qn("a:buNone")) is not None:
                bullet = False
            elif properties.find(qn("a:buAutoNum")) is not None:
                bullet, numbered = True, True
            elif properties.find(qn("a:buChar")) is not None:
                bullet = True
        runs = [run for run in paragraph.runs if run.text.strip()]
        bold = bool(runs) and all(run.font.bold for run in runs)
        colour = None
        if runs:
            try:
                colour = str(runs[0].font.color.rgb) if runs[0].font.color and runs[0].font.color.type is not None else None
            except AttributeError:  # a theme colour has no RGB value
                colour = None
        yield Para(text, paragraph.level, bullet, numbered, bold, colour)


def _walk(shapes: Iterable[Any]) -> Iterator[Any]:
    """Every shape, grouped ones included, in the order the slide lists them (its reading order)."""
    for shape in shapes:
        if shape.shape_type == _GROUP:
            yield from _walk(shape.shapes)
        else:
            yield shape


def _placeholder_type(shape: Any) -> str | None:
    ph = shape.element.xpath("./*[1]/p:nvPr/p:ph")
    return ph[0].get("type", "obj") if ph else None


def _chart_words(shape: Any) -> str:
    chart = shape.chart
    title = ""
    if chart.has_title and chart.chart_title.has_text_frame:
        title = _clean(chart.chart_title.text_frame.text)
    parts = []
    try:
        categories = [str(c) for c in chart.plots[0].categories]
    except (IndexError, AttributeError):
        categories = []
    for plot in chart.plots:
        for series in plot.series:
            values = ", ".join(f"{v:g}" if isinstance(v, (int, float)) else "–" for v in series.values)
            parts.append(f"{series.name}: {values}")
    kind = str(chart.chart_type).split(" ")[0].split(".")[-1].lower().replace("_", " ")
    what = f"a {kind} chart" + (f" {title!r}" if title else "")
    if categories:
        what += f" of {', '.join(categories)}"
    return what + (f" ({'; '.join(parts)})" if parts else "")


def read_slide(slide: Any, number: int) -> SlideText:
    """The text, notes, pictures and charts of one slide, wherever it keeps them."""
    title = ""
    body: list[Para] = []
    other: list[tuple[float, float, list[Para]]] = []
    pictures: list[tuple[bytes, str, str, float]] = []
    charts: list[str] = []
    layout = slide.slide_layout.element
    is_title_slide = layout.get("type") == "title"
    is_section = layout.get("type") == "secHead"
    for shape in _walk(slide.shapes):
        kind = _placeholder_type(shape)
        if kind in ("ctrTitle", "subTitle"):
            is_title_slide = True
        if kind in ("title", "ctrTitle") and shape.has_text_frame and not title:
            # The first line: a title's second paragraph is a subtitle or a timing ("20 min, at your tables").
            title = next((p.text for p in _paragraphs(shape.text_frame)), "")
            continue
        top, left = float(shape.top or 0), float(shape.left or 0)
        if shape.shape_type == _PICTURE or kind == "pic" and hasattr(shape, "image"):
            try:
                image = shape.image
            except (AttributeError, ValueError, KeyError):
                continue
            alt = _clean(shape.element.xpath("./*[1]/p:cNvPr/@descr")[0]) if shape.element.xpath("./*[1]/p:cNvPr/@descr") else ""
            area = float(shape.width or 0) * float(shape.height or 0)
            pictures.append((image.blob, image.ext, alt, area))
            continue
        if getattr(shape, "has_chart", False) and shape.has_chart:
            charts.append(_chart_words(shape))
            continue
        if getattr(shape, "has_table", False) and shape.has_table:
            rows = []
            for row in shape.table.rows:
                cells = [_clean(cell.text) for cell in row.cells]
                if any(cells):
                    rows.append(Para(" · ".join(cell for cell in cells if cell), bullet=True))
            other.append((top, left, rows))
            continue
        if not shape.has_text_frame:
            continue
        paragraphs = list(_paragraphs(shape.text_frame))
        if kind in ("body", "obj", "subTitle") and not body:
            body = paragraphs
        elif kind in ("dt", "ftr", "sldNum", "hdr"):
            continue
        elif paragraphs:
            other.append((top, left, paragraphs))
    notes = _notes(slide)
    if not title:
        title, other = _title_from_text(other)
    title = _NUMBERED.sub("", title).strip()
    placed = [p for _, _, paragraphs in sorted(other, key=lambda item: (round(item[0] / 12700 / 20), item[1])) for p in paragraphs]
    return SlideText(number, title, tuple(body), tuple(placed), notes, tuple(pictures), tuple(charts), is_title_slide, is_section)


def _notes(slide: Any) -> str:
    """The speaker notes: the notes page's text placeholder, else its other text (some programs write a text box)."""
    if not slide.has_notes_slide:
        return ""
    notes_slide = slide.notes_slide
    frames = [notes_slide.notes_text_frame] if notes_slide.notes_text_frame is not None else [
        shape.text_frame for shape in notes_slide.shapes
        if shape.has_text_frame and _placeholder_type(shape) not in ("sldNum", "hdr", "ftr", "dt", "sldImg")
    ]
    text = "\n".join(frame.text for frame in frames if frame.text.strip())
    return "\n".join(line.rstrip() for line in text.replace("\x0b", "\n").split("\n")).strip()


def _title_from_text(other: list[tuple[float, float, list[Para]]]) -> tuple[str, list[tuple[float, float, list[Para]]]]:
    """With no title placeholder: the topmost short text on the slide is its title."""
    if not other:
        return "", other
    index = min(range(len(other)), key=lambda i: (other[i][0], other[i][1]))
    paragraphs = other[index][2]
    if len(paragraphs) == 1 and len(paragraphs[0].text) <= 90 and paragraphs[0].bullet is not True:
        return paragraphs[0].text, other[:index] + other[index + 1 :]
    return "", other


# --- the facilitate notes -------------------------------------------------------------------


@attrs.frozen
class Timing:
    """What a facilitate-made slide's notes say of its segment."""

    starts_at: dt.time
    minutes: int
    grouping: str = "whole-room"
    method: str = ""
    materials: tuple[str, ...] = ()
    outputs: tuple[str, ...] = ()
    #: The facilitator's own notes (the lines before the timing).
    notes: str = ""
    #: The title of the segment's part of the conversation, "" for none.
    part: str = ""


def parse_notes(notes: str) -> Timing | None:
    """The timing facilitate writes in a segment's notes, and the notes before it; None if there is none."""
    lines = notes.split("\n")
    for index, line in enumerate(lines):
        match = _TIME.match(line.strip()) or _TIME_BREAK.match(line.strip())
        if not match:
            continue
        starts = dt.time(int(match[1]), int(match[2]))
        grouping = "whole-room"
        if match.re is _TIME:
            grouping = _PHRASE_GROUPING.get(match[6], "whole-room")
        method, part = "", ""
        materials: tuple[str, ...] = ()
        outputs: tuple[str, ...] = ()
        for extra in lines[index + 1 :]:
            extra = extra.strip()
            if extra.startswith(_PART_PREFIX):
                part = extra.removeprefix(_PART_PREFIX)
            elif extra.startswith("Method: "):
                method = extra.removeprefix("Method: ")
            elif extra.startswith("Materials: "):
                text = extra.removeprefix("Materials: ")
                materials = () if text == "none" else tuple(m.strip() for m in text.split(", ") if m.strip())
            elif extra.startswith("Outputs: "):
                outputs = tuple(o.strip() for o in extra.removeprefix("Outputs: ").split("; ") if o.strip())
        return Timing(starts, int(match[3]), grouping, method, materials, outputs, "\n".join(lines[:index]).strip(), part)
    return None


# --- the agenda that comes back -----------------------------------------------------------------


@attrs.frozen
class Agenda:
    """A slide repeated through the deck listing the parts, and the part picked out at each visit."""

    title: str
    items: tuple[str, ...]
    #: slide number → index of the part it picks out.
    visits: tuple[tuple[int, int], ...]


def _key(text: str) -> str:
    return _CONTINUED.sub("", text).strip().casefold()


def _picked(items: Sequence[Para]) -> int | None:
    """The one item that stands out from the rest (bold, or another colour), if exactly one does."""
    bold = [i for i, p in enumerate(items) if p.bold]
    if len(bold) == 1 and len(items) > 1:
        return bold[0]
    colours = [p.colour for p in items]
    for index, colour in enumerate(colours):
        others = [c for i, c in enumerate(colours) if i != index]
        if colour is not None and others and all(c != colour for c in others) and len(set(others)) == 1:
            return index
    return None


def find_agenda(slides: Sequence[SlideText]) -> Agenda | None:
    """The agenda slide that comes back through the deck (3 to 7 items), if there is one."""
    by_title: dict[str, list[SlideText]] = {}
    for slide in slides:
        if slide.title and slide.body:
            by_title.setdefault(_key(slide.title), []).append(slide)
    best: Agenda | None = None
    for group in by_title.values():
        if len(group) < 2:
            continue
        items = tuple(p.text for p in group[0].body)
        if not 3 <= len(items) <= 7 or any(tuple(p.text for p in s.body) != items for s in group):
            continue
        visits = []
        for order, slide in enumerate(group):
            picked = _picked(slide.body)
            if picked is None and len(group) == len(items):
                picked = order  # visited once per part, in order, with nothing picked out
            if picked is not None:
                visits.append((slide.number, picked))
        if visits and (best is None or len(visits) > len(best.visits)):
            best = Agenda(_CONTINUED.sub("", group[0].title).strip(), items, tuple(visits))
    return best


# --- kinds and minutes -------------------------------------------------------------------------


def _quote(paragraphs: Sequence[Para]) -> Quote | None:
    """A quotation and its credit ("— Author, Source") if the slide is one."""
    texts = [p.text for p in paragraphs]
    for index, text in enumerate(texts):
        if text[:1] in _QUOTE_OPEN and len(text) > 2:
            body = text[1:]
            credit = next((t for t in texts[index + 1 :] if _CREDIT.match(t)), None)
            if credit is None:
                return None
            body = body[:-1] if body[-1:] in _QUOTE_CLOSE else body
            who = _CREDIT.match(credit)[1]  # type: ignore[index]
            author, _, source = who.partition(", ")
            if body.strip() and author.strip():
                return Quote(body.strip(), author.strip(), source.strip())
    return None


def guess_kind(slide: SlideText, points: Sequence[str]) -> str:
    """break, activity or input, from the slide's words."""
    words = [slide.title] + [p.text for p in slide.paragraphs]
    if _BREAK.search(slide.title) or any(_BACK_AT.match(w) for w in words):
        return "break"
    if any(_ACTIVITY.search(w) for w in words) or any(p.split(" ", 1)[0].casefold().strip(":,") in _IMPERATIVES for p in points):
        return "activity"
    return "input"


def estimate_minutes(kind: str, points: int, has_quote: bool, text: str) -> int:
    """A first guess at a segment's minutes, for the facilitator to correct."""
    stated = re.search(r"\b(\d{1,3})\s*min(ute)?s?\b", text, re.I)
    if stated and 1 <= int(stated[1]) <= 240:
        return int(stated[1])
    if kind == "break":
        return 15
    if kind == "activity":
        return 20
    if has_quote and not points:
        return 2
    return max(3, min(15, 2 + points))


# --- the deck as a session ------------------------------------------------------------------


@attrs.frozen
class _Draft:
    """A segment being gathered from one or more slides."""

    first: int
    title: str
    kind: str
    description: str = ""
    points: tuple[str, ...] = ()
    notes: str = ""
    timing: Timing | None = None
    quote: Quote | None = None
    picture: tuple[bytes, str, str, float] | None = None
    part: int | None = None
    extra: tuple[str, ...] = ()


def _points(slide: SlideText, facilitate_made: bool) -> tuple[str, tuple[str, ...]]:
    """The slide's description (a first paragraph written without a bullet) and its points."""
    body = list(slide.body)
    description = ""
    if body and body[0].bullet is False and (len(body) > 1 or facilitate_made):
        description = body.pop(0).text
    if facilitate_made:
        if not body and any(_BACK_AT.match(p.text) for p in slide.other):
            # facilitate's break slide: "Back at 10:20", "15 min", then the segment's own words.
            words = [p for p in slide.other if not _BACK_AT.match(p.text) and not re.fullmatch(r"\d+ min", p.text)]
            if words and words[0].bullet is not True:
                description = words.pop(0).text
            return description, tuple(p.text for p in words)
        # facilitate numbers only a deck's or reflection's own steps: they are not the segment's points.
        body = [p for p in body if not p.numbered]
        return description, tuple(p.text for p in body)
    texts = [p.text for p in body] + [p.text for p in slide.other]
    return description, tuple(texts)


def _split(points: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Bullets, and the questions among the points as prompts."""
    prompts = tuple(p for p in points if p.rstrip().endswith("?"))
    return tuple(p for p in points if not p.rstrip().endswith("?")), prompts


def _unique_id(title: str, taken: set[str], fallback: str) -> str:
    base = slug(title)[:40].strip("-") or fallback
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _title_slide(slide: SlideText) -> dict[str, Any]:
    """Title, subtitle, hosts, date, start and venue from a title slide (facilitate's own, or anyone's)."""
    found: dict[str, Any] = {"title": slide.title}
    lines = [p.text for p in slide.body]
    rest = []
    for line in lines:
        if line.startswith("Hosted by "):
            found["hosts"] = tuple(h.strip() for h in line.removeprefix("Hosted by ").split(", ") if h.strip())
        else:
            rest.append(line)
    if rest:
        found["subtitle"] = " ".join(rest)
    for para in slide.other:
        parts = [part.strip() for part in para.text.split(" · ")]
        clock = next((part for part in parts if _WHEN.fullmatch(part)), None)
        if clock is None:
            continue
        match = _WHEN.fullmatch(clock)
        assert match is not None
        found["starts_at"] = dt.time(int(match[1]), int(match[2]))
        for part in parts:
            try:
                found["date"] = dt.datetime.strptime(part, "%A %d %B %Y").date()
            except ValueError:
                continue
        after = parts[parts.index(clock) + 1 :]
        if after:
            found["venue"] = " · ".join(after)
    notes = slide.notes.split("\n")
    for line in notes:
        for label, key in (("Purpose: ", "purpose"), ("Audience: ", "audience")):
            if line.startswith(label):
                found[key] = line.removeprefix(label)
        if line.startswith("Facilitators: "):
            found["facilitators"] = tuple(f.strip() for f in line.removeprefix("Facilitators: ").split(", ") if f.strip())
        if line.startswith("Room set-up: "):
            found["room_setup"] = tuple(r.strip() for r in line.removeprefix("Room set-up: ").split("; ") if r.strip())
    return found


def read_deck(path: str | os.PathLike[str], pictures_folder: str = "pictures") -> Imported:
    """The deck at ``path`` as a draft session; pictures are named inside ``pictures_folder``."""
    label = str(path)
    slides = _open(path, label)
    if not slides:
        raise LoadError(label, None, (), "the deck has no slides to import")
    report: list[str] = []
    facilitate_made = any(parse_notes(s.notes) is not None for s in slides)
    agenda = find_agenda(slides)
    visits = dict(agenda.visits) if agenda else {}
    agenda_slides = {s.number for s in slides if agenda and s.title and _key(s.title) == _key(agenda.title)}
    if agenda:
        report.append(f"slides {', '.join(str(n) for n in sorted(agenda_slides))}: the agenda {agenda.title!r}; its"
                      f" {len(agenda.items)} items are the conversation's parts")
    # Titles facilitate wrote in its tracker and section notes, by start time.
    titles_by_start: dict[dt.time, str] = {}
    for slide in slides:
        for line in slide.notes.split("\n"):
            row = _TRACKER_ROW.match(line.strip())
            if row:
                titles_by_start.setdefault(dt.time(int(row[1]), int(row[2])), row[5])

    session_fields: dict[str, Any] = {}
    start = 0
    first = slides[0]
    if len(slides) > 1 and (first.is_title_slide or (first.title and not first.paragraphs and not first.pictures and not first.charts)):
        session_fields = _title_slide(slides[0])
        start = 1
    drafts: list[_Draft] = []
    current_part: int | None = None
    closing: list[Quote] = []
    for slide in slides[start:]:
        if slide.number in agenda_slides:
            if slide.number in visits:
                current_part = visits[slide.number]
            continue
        if agenda and current_part is not None and slide.title and _key(slide.title) == _key(agenda.items[current_part]) \
                and len(slide.paragraphs) <= 1 and not slide.pictures:
            continue  # the divider that opens the part
        if slide.empty:
            report.append(f"slide {slide.number}: empty, left out")
            continue
        timing = parse_notes(slide.notes)
        quote = _quote(slide.paragraphs)
        if facilitate_made and quote is not None and timing is None and slide.notes.strip() == "A closing thought.":
            closing.append(quote)
            continue
        description, points = _points(slide, facilitate_made)
        if quote is not None:
            points = ()
        title = _CONTINUED.sub("", slide.title).strip()
        picture = max(slide.pictures, key=lambda p: p[3]) if slide.pictures else None
        previous = drafts[-1] if drafts else None
        same = previous is not None and (
            (timing is not None and previous.timing is not None and timing.starts_at == previous.timing.starts_at)
            or (timing is None and previous.timing is None and bool(_CONTINUED.search(slide.title)) and previous.title == title)
        )
        charts = () if facilitate_made else tuple(f"Slide {slide.number} had {chart}." for chart in slide.charts)
        if same and previous is not None:
            merged_points = previous.points
            if facilitate_made:
                # The segment's points are on its own slide and its continuations; an activity's other
                # slides (cards, the ladder, commitments) show the item's words, not the segment's.
                if quote is None and title == previous.title and (_CONTINUED.search(slide.title) or not previous.points):
                    merged_points = previous.points + points
            elif slide.body and (_CONTINUED.search(slide.title) or not previous.points):
                merged_points = previous.points + points
            drafts[-1] = attrs.evolve(
                previous,
                points=merged_points,
                description=previous.description or (description if _CONTINUED.search(slide.title) is None else ""),
                quote=previous.quote or quote,
                picture=previous.picture or picture,
                extra=previous.extra + charts,
            )
            continue
        if not title:
            title = quote.text[:60] if quote else f"Slide {slide.number}"
        if timing is not None and timing.starts_at in titles_by_start:
            title = titles_by_start[timing.starts_at]
        kind = guess_kind(slide, points)
        notes = timing.notes if timing is not None else slide.notes
        part = current_part if agenda else None
        if timing is not None and agenda is not None and facilitate_made:
            part = agenda.items.index(timing.part) if timing.part in agenda.items else None
        if facilitate_made and title != _CONTINUED.sub("", slide.title).strip():
            points, description = (), ""  # the first slide is an item's (a ladder's qualities), not the segment's
        drafts.append(_Draft(slide.number, title, kind, description, points, notes, timing, quote, picture, part, charts))
    if not drafts:
        raise LoadError(label, None, (), "no slide of the deck has anything to import")
    return _session(label, drafts, session_fields, agenda, closing, report, facilitate_made, pictures_folder)


def _open(path: str | os.PathLike[str], label: str) -> list[SlideText]:
    import io

    from facilitate.files import as_presentation, check_zip, read_bytes

    data = read_bytes(path, label, None, "PowerPoint deck", "decks")
    check_zip(data, label, "PowerPoint deck")
    data = as_presentation(data, label, "PowerPoint deck")
    try:
        from pptx import Presentation

        prs = Presentation(io.BytesIO(data))
    except Exception as error:  # python-pptx raises several kinds for a file that is not a deck
        raise LoadError(label, None, (), f"cannot read it as a PowerPoint deck ({type(error).__name__}: {error})") from None
    return [read_slide(slide, number) for number, slide in enumerate(prs.slides, start=1)]


def _session(
    label: str, drafts: list[_Draft], fields: dict[str, Any], agenda: Agenda | None, closing: list[Quote],
    report: list[str], facilitate_made: bool, pictures_folder: str,
) -> Imported:
    taken: set[str] = set()
    parts: tuple[Part, ...] = ()
    if agenda is not None:
        part_ids: set[str] = set()
        parts = tuple(Part(_unique_id(item, part_ids, f"part-{i + 1}"), item) for i, item in enumerate(agenda.items))
    segments = []
    estimated: set[str] = set()
    extracted: dict[str, Extracted] = {}
    for draft in drafts:
        segment_id = _unique_id(draft.title, taken, f"slide-{draft.first}")
        bullets, prompts = _split(draft.points)
        image = None
        if draft.picture is not None:
            data, extension, alt, _ = draft.picture
            digest = hashlib.sha256(data).hexdigest()
            if digest not in extracted:
                name = f"{pictures_folder}/slide-{draft.first:02d}.{extension.lower().replace('jpeg', 'jpg')}"
                described = bool(alt.strip()) and not _FILE_NAME.match(alt.strip())
                words = alt.strip() if described else f"A picture from slide {draft.first} of the deck"
                extracted[digest] = Extracted(name, data, words, described)
                if not described:
                    report.append(f"slide {draft.first}: the picture has no alt text in the deck; describe it in the session file")
            picture = extracted[digest]
            image = Picture(picture.name, picture.alt)
        notes = "\n\n".join(part for part in (draft.notes.strip(), *draft.extra) if part)
        timing = draft.timing
        kind = draft.kind
        if timing is not None:
            minutes = timing.minutes
        else:
            minutes = estimate_minutes(kind, len(draft.points), draft.quote is not None, " ".join((draft.title, *draft.points)))
            estimated.add(segment_id)
        part = parts[draft.part].id if draft.part is not None and parts else None
        try:
            segments.append(Segment(
                segment_id, draft.title, minutes, kind=kind, part=part, description=draft.description,
                bullets=bullets, prompts=prompts, quote=draft.quote, image=image, notes=notes,
                grouping=timing.grouping if timing else "whole-room", method=timing.method if timing else "",
                materials=timing.materials if timing else (), outputs=timing.outputs if timing else (),
            ))
        except ModelError as error:
            raise LoadError(label, None, (), f"slide {draft.first}: {error}") from None
    starts = fields.pop("starts_at", None)
    if starts is None:
        first_timing = next((d.timing for d in drafts if d.timing is not None), None)
        starts = first_timing.starts_at if first_timing else dt.time(9, 0)
    title = fields.pop("title", "") or Path(label).stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Imported deck"
    try:
        session = Session(
            title=title, segments=tuple(segments), id=slug(title)[:40].strip("-") or "session", starts_at=starts,
            conversation=parts, quotes=tuple(closing), **fields,
        )
    except ModelError as error:
        raise LoadError(label, None, (), f"the imported session: {error}") from None
    return Imported(session, tuple(extracted.values()), frozenset(estimated), tuple(report), facilitate_made)
