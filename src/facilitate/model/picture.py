"""Pictures: an image file and the words that describe it to someone who cannot see it.

One value type for every picture in a pack: a segment's photo, a quote's portrait, a
card's picture, the picture on a deck's back. Its ``alt`` text is required: a slide, a
handout or a card read aloud by a screen reader says it, and a facilitator describing
the slide to the room can read it out.

In a content file a picture is written as a mapping::

    image:
      path: photos/hall.jpg
      alt: The school hall set out with round tables for the day

``path`` is relative to the content file and must stay inside its folder; the loaders
make it absolute and check the file (see ``loaders/images.py``).
"""

from __future__ import annotations

from typing import Any

import attrs

from facilitate.errors import ModelError
from facilitate.model._fields import non_empty

#: The kinds of image file facilitate draws (SVG is converted to pixels when it is drawn).
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")


def _describes(instance: Any, attribute: "attrs.Attribute[str]", value: str) -> None:
    """Alt text says what the picture shows: not empty, and not just the file's name."""
    if not isinstance(value, str) or not value.strip():
        raise ModelError(
            "is required: describe what the picture shows, for people who cannot see it", (attribute.name,)
        )
    name = str(getattr(instance, "path", "")).replace("\\", "/").rsplit("/", 1)[-1]
    if name and value.strip().lower() == name.lower():
        raise ModelError(f"is the file's name ({name!r}); describe what the picture shows instead", (attribute.name,))


@attrs.frozen
class Picture:
    """An image file with its alt text."""

    #: The image file: PNG, JPEG or SVG, relative to the content file.
    path: str = attrs.field(validator=non_empty)
    #: What the picture shows, in a sentence, for people who cannot see it (required).
    alt: str = attrs.field(validator=_describes)

    @property
    def is_svg(self) -> bool:
        return self.path.lower().endswith(".svg")
