"""Exporters: a registry of formats, each loaded only when it is used.

An exporter is anything with the attributes of :class:`Exporter`: a module of facilitate's
own (``exporters/pptx.py`` has ``name``, ``description``, ``options`` and ``outputs``) or an
object another package registers under the entry-point group ``facilitate.exporters``::

    [project.entry-points."facilitate.exporters"]
    odt = "my_package.odt_exporter"

An exporter imports the model, the layout and its own third-party library, and nothing
of the other exporters.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from facilitate.errors import ExportError, FacilitateError

if TYPE_CHECKING:
    from facilitate.model import SessionPack
    from facilitate.options import BuildOptions
    from facilitate.output import Output

ENTRY_POINT_GROUP = "facilitate.exporters"

@attrs.frozen
class Builtin:
    """One of facilitate's own formats, described without importing its exporter.

    Its module takes ``name``, ``description`` and ``options`` from here (:func:`builtin`),
    so the CLI can offer a format's flags and list the formats without loading the
    exporters' libraries: ``facilitate build -f pptx`` imports neither reportlab nor
    python-docx.
    """

    module: str
    description: str
    options: tuple[str, ...]  # names of option groups in facilitate.options


#: facilitate's own formats. The order is the build order.
BUILTIN: dict[str, Builtin] = {
    "markdown": Builtin(
        "facilitate.exporters.markdown",
        "every document as Markdown: runsheet.md, handout.md and the worksheets",
        ("TemplateOptions",),
    ),
    "html": Builtin(
        "facilitate.exporters.html",
        "every document as a web page: runsheet.html, handout.html and the worksheets",
        ("TemplateOptions",),
    ),
    "docx": Builtin(
        "facilitate.exporters.docx",
        "runsheet.docx, handout.docx and the worksheets (Word, to edit)",
        ("PaperOptions",),
    ),
    "pptx": Builtin("facilitate.exporters.pptx", "deck.pptx: the slide deck", ("DeckOptions",)),
    "live": Builtin("facilitate.exporters.live", "session.html: the live page to run the day from", ("TemplateOptions",)),
    "cards": Builtin("facilitate.exporters.cards_pdf", "cards.pdf: every card deck, print-ready", ("PaperOptions", "CardOptions")),
    "handouts": Builtin(
        "facilitate.exporters.handout_pdf",
        "runsheet.pdf, handout.pdf and the worksheets (PDF)",
        ("PaperOptions",),
    ),
}
#: What ``facilitate build`` makes when no format is named.
DEFAULT_FORMATS = tuple(BUILTIN)


def builtin(name: str) -> tuple[str, str, tuple[type, ...]]:
    """``name``, description and option groups of one of facilitate's own formats (for its module)."""
    from facilitate import options

    entry = BUILTIN[name]
    return name, entry.description, tuple(getattr(options, group) for group in entry.options)


def description(name: str) -> str:
    """One line on the files format ``name`` writes; another package's exporter is loaded to ask."""
    return BUILTIN[name].description if name in BUILTIN else exporter(name).description


def _options(name: str) -> tuple[type, ...]:
    return builtin(name)[2] if name in BUILTIN else tuple(exporter(name).options)


@runtime_checkable
class Exporter(Protocol):
    """A format facilitate can build."""

    #: The format's name, as given to ``-f``.
    name: str
    #: One line: the files it writes.
    description: str
    #: The option groups (options.py) it reads; the CLI offers their flags wherever it builds this format.
    options: tuple[type, ...]

    def outputs(self, pack: SessionPack, options: BuildOptions) -> list[Output]:
        """The files for ``pack``, each rendered only when written; errors in the content raise now."""
        ...


@functools.cache
def _entry_points() -> dict[str, object]:
    from importlib.metadata import entry_points

    return {point.name: point for point in entry_points(group=ENTRY_POINT_GROUP) if point.name not in BUILTIN}


def names() -> tuple[str, ...]:
    """Every format: facilitate's own, then those other packages register."""
    return (*BUILTIN, *sorted(_entry_points()))


def exporter_name(name: str) -> str:
    """``name`` if it is a known format, else a FacilitateError listing the formats."""
    if name not in BUILTIN and name not in _entry_points():
        raise FacilitateError(f"unknown format {name!r} (formats: {', '.join(names())})")
    return name


@functools.cache
def exporter(name: str) -> Exporter:
    """The exporter for ``name``, loaded now."""
    exporter_name(name)
    if name in BUILTIN:
        loaded: object = importlib.import_module(BUILTIN[name].module)
    else:
        point = _entry_points()[name]
        try:
            loaded = point.load()  # type: ignore[attr-defined]
        except Exception as error:  # a third party's package that fails to import
            raise ExportError(f"format {name!r}: its exporter {point.value!r} cannot be loaded: {error}") from None  # type: ignore[attr-defined]
    if not isinstance(loaded, Exporter):
        raise ExportError(f"format {name!r}: {loaded!r} is not an exporter (it needs name, description, options and outputs)")
    return loaded


def check(name: str, pack: SessionPack, options: BuildOptions) -> None:
    """Lay out everything format ``name`` would write, in memory, writing nothing.

    An exporter may have its own ``check(pack, options)`` (the card sheets fit every card's
    face, which a build does page by page as it writes); otherwise its ``outputs``, which
    plan everything before any file is written, are the check.
    """
    exporter_ = exporter(name)
    own = getattr(exporter_, "check", None)
    if callable(own):
        own(pack, options)
    else:
        exporter_.outputs(pack, options)


def option_groups(formats: Sequence[str] | None = None) -> tuple[type, ...]:
    """The option groups of ``formats`` (default: every format), each once, in build order."""
    from facilitate.options import unique_groups

    if formats is not None:
        return unique_groups(group for name in formats for group in _options(name))
    found: list[type] = []
    for name in names():
        try:
            found += _options(name)
        except ExportError:
            if name in BUILTIN:
                raise
            # Another package's format that cannot load is reported when it is asked for,
            # not on every build.
    return unique_groups(found)
