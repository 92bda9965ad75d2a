"""The language a pack speaks: language tags, the clock, and a facilitator's own labels.

A language is a BCP 47 tag that Babel knows ("cy", "fr", "de-CH", "en-US"). Every label
facilitate writes comes from a message catalogue in that language (``facilitate.labels``);
a facilitator's own ``labels-LANG.po`` file, read by the loaders, is kept here as a
:class:`LabelFile`: plain data, so the model stays free of files.
"""

from __future__ import annotations

import difflib
import functools
from typing import Any

import attrs

from facilitate.errors import ModelError

#: How clock times are written: "24h" (14:30) or "12h" (2:30 pm); unset, the language's usual one.
CLOCKS = ("24h", "12h")


@functools.cache
def _known() -> dict[str, str]:
    """Every language Babel knows, by lower-case tag and by its names in English and in itself."""
    from babel import Locale, localedata

    known: dict[str, str] = {}
    for identifier in localedata.locale_identifiers():
        tag = identifier.replace("_", "-")
        known.setdefault(tag.lower(), tag)
    for identifier in localedata.locale_identifiers():
        if "_" in identifier:
            continue
        try:
            locale = Locale.parse(identifier)
        except (ValueError, LookupError):  # pragma: no cover - Babel's own list
            continue
        for name in (locale.english_name, locale.display_name):
            if name:
                known.setdefault(name.lower(), identifier)
    return known


def normalise(tag: str) -> str | None:
    """``tag`` as a BCP 47 tag Babel knows ("fr_ca" → "fr-CA"), or None if it knows none such."""
    from babel import Locale

    if not isinstance(tag, str) or not tag.strip() or not tag.replace("-", "").replace("_", "").isalnum():
        return None
    from babel.core import UnknownLocaleError

    try:
        locale = Locale.parse(tag.strip().replace("-", "_"))
    except (ValueError, LookupError, UnknownLocaleError):
        return None
    parts = [locale.language, locale.script, locale.territory, locale.variant]
    return "-".join(part for part in parts if part)


def suggestion(tag: str) -> str:
    """" (did you mean 'cy'?)" for a name or tag close to one Babel knows, else ""."""
    known = _known()
    word = str(tag).strip().lower()
    if word in known and "-" not in known[word] and len(word) > 3:
        return f" (did you mean {known[word]!r}?)"
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.75)
    return f" (did you mean {known[close[0]]!r}?)" if close else ""


def canonical(value: object) -> object:
    """A converter: a tag Babel knows in its usual spelling ("FR_ca" → "fr-CA"); anything else as it is."""
    if isinstance(value, str):
        return normalise(value) or value
    return value


def optional_canonical(value: object) -> object:
    return None if value is None else canonical(value)


def language_tag(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    """A language tag Babel knows, e.g. "cy", "fr" or "de-CH"."""
    if normalise(value) is None:
        raise ModelError(
            f"{value!r} is not a language facilitate knows; write a language tag such as en, cy, fr, es or de"
            + suggestion(value),
            (attribute.name,),
        )


def optional_language(instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """None, or a language tag Babel knows."""
    if value is not None:
        language_tag(instance, attribute, value)


def optional_clock(instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and value not in CLOCKS:
        raise ModelError(f"{value!r} is not one of: {', '.join(CLOCKS)}", (attribute.name,))


@attrs.frozen
class LabelFile:
    """A facilitator's own words for facilitate's labels in one language: their ``.po`` file, read.

    ``messages`` pairs each label's key (its English words; with a context, the context,
    a ``\\x04`` and the words, as gettext keys them) with its words in this language: one
    form, or one per plural form, counted by ``plural`` (a gettext plural expression).
    """

    language: str
    #: The file it came from, to name in messages.
    path: str
    messages: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: The file's own plural rule: which form a number takes.
    plural: str = "(n != 1)"
