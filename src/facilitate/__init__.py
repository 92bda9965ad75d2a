"""facilitate: workshop session packs as data, exported to slides, cards and handouts.

    >>> import facilitate
    >>> pack = facilitate.load()                  # the bundled "Power of Partnerships" day
    >>> files = facilitate.build(pack, "pack")    # doctest: +SKIP

The model classes (Session, Segment, CardDeck, ...) can be built directly in Python and
passed to :func:`build` inside a :class:`SessionPack`.
"""

from __future__ import annotations

from facilitate.build import build
from facilitate.errors import ExportError, FacilitateError, LoadError, ModelError, TextOverflowError
from facilitate.loaders.content import load_object
from facilitate.loaders.library import load
from facilitate.model import *  # noqa: F403 - the model classes are the public API
from facilitate.model import __all__ as _model_names
from facilitate.options import BuildOptions

__version__ = "0.1.0"

__all__ = [
    "BuildOptions",
    "ExportError",
    "FacilitateError",
    "LoadError",
    "ModelError",
    "TextOverflowError",
    "build",
    "load",
    "load_object",
    *_model_names,
]
