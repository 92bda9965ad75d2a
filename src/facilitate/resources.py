"""Where facilitate's bundled files are, inside the installed package (importlib.resources).

The library of agendas, card decks and exercises, the jinja2 templates, the fonts: one
place for every lookup, whatever the install (wheel, editable, source checkout).
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def package() -> Traversable:
    return resources.files("facilitate")


def library_root() -> Traversable:
    """The bundled library's folder: agendas/, card_decks/, exercises/, templates/."""
    return package() / "bundled"


def templates_folder() -> Path:
    """The bundled jinja2 templates, as a folder on disk."""
    return Path(str(library_root() / "templates"))


def font_file(name: str) -> Path:
    """A bundled font file (or its metrics) by file name."""
    return Path(str(package() / "fonts" / name))
