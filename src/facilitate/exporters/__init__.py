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

from facilitate.errors import ExportError, FacilitateError

if TYPE_CHECKING:
    from facilitate.model import SessionPack
    from facilitate.options import BuildOptions
    from facilitate.output import Output

ENTRY_POINT_GROUP = "facilitate.exporters"

#: facilitate's own formats → module. The order is the build order.
BUILTIN: dict[str, str] = {
    "markdown": "facilitate.exporters.markdown",
    "html": "facilitate.exporters.html",
    "docx": "facilitate.exporters.docx",
    "pptx": "facilitate.exporters.pptx",
    "live": "facilitate.exporters.live",
    "cards": "facilitate.exporters.cards_pdf",
    "handouts": "facilitate.exporters.handout_pdf",
}
#: What ``facilitate build`` makes when no format is named.
DEFAULT_FORMATS = tuple(BUILTIN)


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
        loaded: object = importlib.import_module(BUILTIN[name])
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
        return unique_groups(group for name in formats for group in exporter(name).options)
    found: list[type] = []
    for name in names():
        try:
            found += exporter(name).options
        except ExportError:
            if name in BUILTIN:
                raise
            # Another package's format that cannot load is reported when it is asked for,
            # not on every build.
    return unique_groups(found)
