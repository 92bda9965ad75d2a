"""A PowerPoint template as plain data, and which of its layouts each kind of slide uses.

facilitate needs five kinds of layout: the title slide, title and content, the section
header, title only, and blank. A template names its layouts in its own language
("Titre et contenu", "Titel und Inhalt"), or as the program that saved it does
(LibreOffice: "Title, Content"; Google Slides: "TITLE_AND_BODY"), so a layout is found
first by what it holds, which every program writes the same way: its placeholders'
types (title, centred title, subtitle, body or content) and the layout's own type
(``secHead`` for a section header, ``titleOnly``, ``blank``...). Only between layouts
that hold the same does the name decide, and then the order in the template. The theme's
``layouts:`` names a layout for a kind outright.

A template that lacks a kind of layout still works: its slides use the nearest layout
there is (a section slide built on "Title Only", else on "Blank"; facilitate draws its
own title and text at their places either way), and :attr:`LayoutChoice.warning` says so
in one line.

Nothing here reads a file: the PPTX exporter describes the template (its layouts'
placeholders and the positions of the artwork on them and on their masters) and the deck
builder decides here, so logos go only where the template leaves room.
"""

from __future__ import annotations

import re

import attrs

from facilitate.errors import ExportError
from facilitate.layout.slides.spec import (
    BLANK_LAYOUT,
    CONTENT_LAYOUT,
    LAYOUT_NAMES,
    LAYOUTS,
    SECTION_LAYOUT,
    TITLE_LAYOUT,
    TITLE_ONLY_LAYOUT,
    Box,
)

#: What each kind of layout is used for, as a warning names it.
USES = {
    TITLE_LAYOUT: "the title slide",
    CONTENT_LAYOUT: "slides of title and text",
    SECTION_LAYOUT: "section slides",
    TITLE_ONLY_LAYOUT: "slides of a title and a chart, table or cards",
    BLANK_LAYOUT: "quotes",
}
#: The layout each kind uses when the template has none of its own, nearest first.
FALLBACKS = {
    TITLE_LAYOUT: (TITLE_ONLY_LAYOUT, SECTION_LAYOUT, CONTENT_LAYOUT, BLANK_LAYOUT),
    CONTENT_LAYOUT: (TITLE_ONLY_LAYOUT, BLANK_LAYOUT),
    SECTION_LAYOUT: (TITLE_ONLY_LAYOUT, BLANK_LAYOUT),
    TITLE_ONLY_LAYOUT: (CONTENT_LAYOUT, BLANK_LAYOUT),
    BLANK_LAYOUT: (TITLE_ONLY_LAYOUT, CONTENT_LAYOUT),
}
#: Names that programs give each kind (PowerPoint, LibreOffice, Google Slides), compared without case,
#: spaces or punctuation: used only between layouts that hold the same placeholders.
KNOWN_NAMES = {
    TITLE_LAYOUT: ("titleslide", "title"),
    CONTENT_LAYOUT: ("titleandcontent", "titlecontent", "titleandbody"),
    SECTION_LAYOUT: ("sectionheader", "sectiontitle"),
    TITLE_ONLY_LAYOUT: ("titleonly",),
    BLANK_LAYOUT: ("blank", "blankslide"),
}

_TITLES = ("title", "ctrTitle")
_BODIES = ("body", "obj")


@attrs.frozen
class Placeholder:
    """A placeholder of a layout: its type as the file writes it (``obj`` when none is written)."""

    type: str
    #: Where it is, if the layout (or its master) says.
    box: Box | None = None

    @property
    def is_title(self) -> bool:
        return self.type in _TITLES

    @property
    def is_body(self) -> bool:
        return self.type in _BODIES

    @property
    def is_subtitle(self) -> bool:
        return self.type == "subTitle"

    @property
    def is_picture(self) -> bool:
        return self.type == "pic"


@attrs.frozen
class TemplateLayout:
    """One slide layout: its name, type, placeholders, and the artwork it shows."""

    name: str
    #: The layout's ``type`` attribute (``title``, ``obj``, ``secHead``, ``titleOnly``, ``blank``...), "" if none.
    type: str = ""
    placeholders: tuple[Placeholder, ...] = ()
    #: Shapes that are not placeholders, on the layout and on its master when the layout
    #: shows the master's: logos, pictures, strips. facilitate's logos stay off them.
    artwork: tuple[Box, ...] = ()

    def count(self, test: str) -> int:
        return sum(1 for p in self.placeholders if getattr(p, test))

    @property
    def picture_boxes(self) -> tuple[Box, ...]:
        return tuple(p.box for p in self.placeholders if p.is_picture and p.box is not None)


@attrs.frozen
class Template:
    """A template's layouts, in the order the file lists them (master by master)."""

    #: How messages name the template: its file, or "the default template".
    source: str
    layouts: tuple[TemplateLayout, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(layout.name for layout in self.layouts)


@attrs.frozen
class LayoutChoice:
    """The layout (by its position in the template) each kind of slide uses, and what had to stand in."""

    template: Template
    #: (kind, index into template.layouts), one for each kind.
    chosen: tuple[tuple[str, int], ...]
    #: (kind, the kind whose layout it borrowed) for each kind the template lacks.
    borrowed: tuple[tuple[str, str], ...] = ()

    def index(self, kind: str) -> int:
        return dict(self.chosen)[kind]

    def layout(self, kind: str) -> TemplateLayout:
        return self.template.layouts[self.index(kind)]

    @property
    def warning(self) -> str | None:
        """One line saying which kinds of slide use a stand-in layout, or None."""
        if not self.borrowed:
            return None
        parts = [
            f"{USES[kind]} {'uses' if kind == TITLE_LAYOUT else 'use'} {self.layout(kind).name!r}"
            f" (it has no {LAYOUT_NAMES[kind].lower()} layout)"
            for kind, _ in self.borrowed
        ]
        return (
            f"{self.template.source}: " + "; ".join(parts)
            + "; to choose another, name it under layouts: in the theme"
        )


def _plain(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", name.casefold())


def score(layout: TemplateLayout, kind: str) -> int | None:
    """How well ``layout`` suits ``kind`` from what it holds (higher is better), or None if it cannot serve."""
    titles, bodies = layout.count("is_title"), layout.count("is_body")
    subtitles, pictures = layout.count("is_subtitle"), layout.count("is_picture")
    centred = any(p.type == "ctrTitle" for p in layout.placeholders)
    kind_type = layout.type
    if kind == TITLE_LAYOUT:
        if not titles or not subtitles or bodies:
            return None
        return 4 + 2 * (kind_type == "title") + centred
    if kind == CONTENT_LAYOUT:
        if not titles or bodies != 1 or subtitles or pictures or kind_type == "secHead":
            return None
        content = any(p.type == "obj" for p in layout.placeholders)
        return 4 + 2 * (kind_type in ("obj", "tx")) + content
    if kind == SECTION_LAYOUT:
        if not titles or kind_type != "secHead":
            return None
        return 4 + (bodies == 1)
    if kind == TITLE_ONLY_LAYOUT:
        if not titles or bodies or subtitles:
            return None
        return 4 + 2 * (kind_type == "titleOnly") - 2 * (kind_type in ("secHead", "title"))
    if kind == BLANK_LAYOUT:
        if titles or bodies or subtitles:
            return None
        return 4 + 2 * (kind_type == "blank")
    raise ValueError(kind)


def _best(template: Template, kind: str) -> int | None:
    best: tuple[int, int, int] | None = None
    for index, layout in enumerate(template.layouts):
        points = score(layout, kind)
        if points is None:
            continue
        named = _plain(layout.name) in KNOWN_NAMES[kind]
        candidate = (points, int(named), -index)
        if best is None or candidate > best:
            best = candidate
    return None if best is None else -best[2]


def _named(template: Template, kind: str, name: str) -> int:
    for exact in (True, False):
        for index, layout in enumerate(template.layouts):
            if layout.name == name or (not exact and layout.name.casefold() == name.casefold()):
                return index
    listed = ", ".join(repr(n) for n in template.names) or "none"
    raise ExportError(
        f"theme: layouts.{kind}: {template.source} has no layout named {name!r} (its layouts: {listed})"
    )


def choose_layouts(template: Template, named: dict[str, str] | None = None) -> LayoutChoice:
    """The layout each kind of slide uses: named in the theme, else found by what it holds, else a stand-in."""
    if not template.layouts:
        raise ExportError(f"{template.source}: has no slide layouts; save it from PowerPoint, Impress or Google Slides again")
    chosen: dict[str, int] = {}
    for kind in LAYOUTS:
        if named and kind in named:
            chosen[kind] = _named(template, kind, named[kind])
            continue
        found = _best(template, kind)
        if found is not None:
            chosen[kind] = found
    borrowed: list[tuple[str, str]] = []
    for kind in LAYOUTS:
        if kind in chosen:
            continue
        stand_in = next((other for other in FALLBACKS[kind] if other in chosen), None)
        if stand_in is None:
            # Nothing of the usual kinds: the template's first layout, whatever it holds.
            chosen[kind] = 0
            borrowed.append((kind, kind))
            continue
        chosen[kind] = chosen[stand_in]
        borrowed.append((kind, stand_in))
    return LayoutChoice(template, tuple((kind, chosen[kind]) for kind in LAYOUTS), tuple(borrowed))


def _overlaps(a: Box, b: Box, gap: float = 0.0) -> bool:
    return a.x < b.right + gap and b.x < a.right + gap and a.y < b.bottom + gap and b.y < a.bottom + gap


def free_slot(candidates: tuple[Box, ...], artwork: tuple[Box, ...], gap: float = 6.0) -> Box | None:
    """The first of ``candidates`` that clears every piece of ``artwork`` by ``gap`` points, or None."""
    for box in candidates:
        if not any(_overlaps(box, shape, gap) for shape in artwork):
            return box
    return None
