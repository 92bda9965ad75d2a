"""Reflection prompts and quotations."""

from __future__ import annotations

import attrs

from facilitate.model._fields import identifier, non_empty, to_tuple
from facilitate.model.picture import Picture


@attrs.frozen
class Quote:
    """A short quotation, always credited to its author."""

    text: str = attrs.field(validator=non_empty)
    author: str = attrs.field(validator=non_empty)
    source: str = ""
    #: A picture beside the quote on its slide (a portrait, a place): ``{path: ..., alt: ...}``.
    image: Picture | None = None


@attrs.frozen
class Prompt:
    """One reflection prompt: a short label ("A discovery") and the question behind it."""

    label: str = attrs.field(validator=non_empty)
    question: str = ""


@attrs.frozen
class Reflection:
    """A set of reflection prompts, grouped (e.g. taking stock, then commitments)."""

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    prompts: tuple[Prompt, ...] = attrs.field(converter=to_tuple, validator=non_empty)
    commitments: tuple[Prompt, ...] = attrs.field(factory=tuple, converter=to_tuple)
    description: str = ""
    #: Where the prompts come from, credited in the handout.
    source: str = ""
