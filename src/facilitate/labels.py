"""Every word facilitate writes itself, in the pack's language: labels, dates, times, numbers.

One translation service for every output. Labels come from gettext message catalogues
(``locale/LANG/LC_MESSAGES/facilitate.po``, shipped for English, Welsh, French, Spanish and
German, read with Babel the first time a language is used: there is no build step), and a
facilitator's own ``labels-LANG.po`` beside the session adds a language or changes a label
(the loaders read it into a :class:`~facilitate.model.language.LabelFile`). Dates, times,
weekdays and numbers follow the language's locale through Babel.

Layout code and exporters get a :class:`Labels` for the pack (:func:`for_pack`) and write
``_ = labels.gettext; _("Agenda")``: the marked words are what ``scripts/labels`` extracts
into the template, ``locale/facilitate.pot``. A label with values names them in braces,
``_("Back at {time}").format(time=...)``, so a translation can put them where its grammar
wants them.

English ("en") writes dates and times the British way (Thursday, 3 September 2026; 14:30),
as facilitate always has; ``en-US`` writes them the American way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import gettext as _gettext
import io
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from facilitate.model.language import LabelFile, normalise
from facilitate.resources import package

if TYPE_CHECKING:
    from babel import Locale

    from facilitate.model.pack import SessionPack
    from facilitate.model.picture import Picture
    from facilitate.model.theme import Theme

#: The gettext domain: locale/LANG/LC_MESSAGES/facilitate.po.
DOMAIN = "facilitate"
#: The languages facilitate ships labels for, English first.
SHIPPED = ("en", "cy", "fr", "es", "de")
#: gettext's separator between a message's context and its words.
CONTEXT = "\x04"
#: A value named in a label: "{time}".
PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z_]+)\}(?!\})")


def N_(message: str) -> str:
    """Marks ``message`` as a label for the catalogue where it is defined; it is translated where it is shown."""
    return message


def locale_folder() -> Path:
    """The shipped catalogues: ``LANG/LC_MESSAGES/facilitate.po`` and the template ``facilitate.pot``."""
    return Path(str(package() / "locale"))


def catalogue_path(language: str) -> Path:
    return locale_folder() / language.replace("-", "_") / "LC_MESSAGES" / f"{DOMAIN}.po"


def compiled_path(language: str) -> Path:
    """The shipped catalogue as scripts/labels.py compiles it: a gettext ``.mo``, read in a
    millisecond where parsing the ``.po`` with Babel takes 30."""
    return catalogue_path(language).with_suffix(".mo")


def template_path() -> Path:
    return locale_folder() / f"{DOMAIN}.pot"


def key(message: str, context: str | None = None) -> str:
    """How a catalogue keys a label: its words, after its context and a \\x04 when it has one."""
    return f"{context}{CONTEXT}{message}" if context else message


@attrs.frozen
class Catalogue:
    """One catalogue's translations, by key, and its plural rule (which form a number takes)."""

    messages: dict[str, tuple[str, ...]]
    plural: Callable[[int], int]


@dataclasses.dataclass(frozen=True)
class PoFile:
    """A ``.po`` file read: its translated messages by key, its plural rule, and where each message is."""

    messages: dict[str, tuple[str, ...]]
    plural: str
    #: (line, key, the English words, its forms) of each translated message.
    found: tuple[tuple[int, str, str, tuple[str, ...]], ...]
    #: (line, key) of each message with no words yet (or marked fuzzy).
    untranslated: tuple[tuple[int, str], ...]


def parse_po(data: bytes, locale: str | None = None) -> PoFile:
    """A ``.po`` file's messages. Untranslated and fuzzy ones are left out, so their English shows.

    Raises Babel's ``PoFileError`` (with ``lineno``) for a broken file.
    """
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(data), locale=locale, abort_invalid=True)
    messages: dict[str, tuple[str, ...]] = {}
    found: list[tuple[int, str, str, tuple[str, ...]]] = []
    untranslated: list[tuple[int, str]] = []
    for message in catalog:
        if not message.id:
            continue
        ids = tuple(message.id) if isinstance(message.id, (tuple, list)) else (message.id,)
        name = key(ids[0], message.context)
        forms = tuple(message.string) if isinstance(message.string, (tuple, list)) else (message.string or "",)
        if message.fuzzy or not all(forms):
            untranslated.append((message.lineno or 0, name))
            continue
        messages[name] = forms
        found.append((message.lineno or 0, name, " ".join(ids), forms))
    return PoFile(messages, catalog.plural_expr, tuple(found), tuple(untranslated))


def compiled(po: bytes, locale: str | None = None) -> bytes:
    """A ``.po`` file compiled to gettext's ``.mo`` with Babel, holding exactly the messages
    :func:`parse_po` keeps (fuzzy ones and those with an empty form are left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(po), locale=locale, abort_invalid=True)
    kept = parse_po(po, locale).messages
    for message in list(catalog):
        ids = tuple(message.id) if isinstance(message.id, (tuple, list)) else (message.id,)
        if message.id and key(ids[0], message.context) not in kept:
            catalog.delete(message.id, context=message.context)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


class _MoFile(_gettext.GNUTranslations):
    """A ``.mo`` file read by the standard library, its messages as a :class:`Catalogue`."""

    def catalogue(self) -> Catalogue:
        messages: dict[str, tuple[str, ...]] = {}
        plurals: dict[str, dict[int, str]] = {}
        # gettext keeps a plural message's forms under (its singular, the form's number).
        for name, text in self._catalog.items():  # type: ignore[attr-defined]
            if isinstance(name, tuple):
                plurals.setdefault(name[0], {})[name[1]] = text
            elif name:
                messages[name] = (text,)
        for name, forms in plurals.items():
            messages[name] = tuple(forms[number] for number in sorted(forms))
        return Catalogue(messages, self.plural)  # type: ignore[attr-defined]  # set by GNUTranslations from the header


@functools.cache
def shipped(language: str) -> Catalogue | None:
    """The catalogue facilitate ships for ``language`` (a tag such as "cy"), or None.

    Read from its compiled ``.mo`` (scripts/labels.py writes it; the tests keep it equal to
    the ``.po``), or from the ``.po`` itself when there is none.
    """
    path = catalogue_path(language)
    if not path.is_file():
        return None
    twin = compiled_path(language)
    if twin.is_file():
        with twin.open("rb") as handle:
            return _MoFile(handle).catalogue()
    read = parse_po(path.read_bytes(), language.replace("-", "_"))
    return Catalogue(read.messages, _gettext.c2py(read.plural))


@functools.cache
def _own(file: LabelFile) -> Catalogue:
    return Catalogue(dict(file.messages), _gettext.c2py(file.plural))


def _family(language: str) -> tuple[str, ...]:
    """``language`` and the languages it falls back to: "fr-CA", then "fr"."""
    parts = language.split("-")
    return tuple("-".join(parts[:n]) for n in range(len(parts), 0, -1))


@functools.cache
def _chain(language: str, own: tuple[LabelFile, ...]) -> tuple[Catalogue, ...]:
    """The catalogues a label is looked up in, in order: the facilitator's, then facilitate's."""
    chain: list[Catalogue] = []
    for tag in _family(language):
        chain += [_own(file) for file in own if file.language == tag]
    for tag in _family(language):
        found = shipped(tag)
        if found is not None:
            chain.append(found)
    return tuple(chain)


def _twelve(pattern: str) -> bool:
    """Whether a CLDR time pattern counts hours on a 12-hour clock (h or K outside quotes)."""
    unquoted = re.sub(r"'[^']*'", "", pattern)
    return "h" in unquoted or "K" in unquoted


@functools.cache
def _locale(language: str) -> Locale:
    from babel import Locale

    tag = "en_GB" if language == "en" else language.replace("-", "_")
    return Locale.parse(tag)


def has_labels(language: str, own: Iterable[LabelFile] = ()) -> bool:
    """Whether facilitate (or the facilitator's own files) has labels in ``language`` or its family."""
    tags = set(_family(language))
    # Whether a catalogue is shipped, not what it says: reading one takes Babel 20 ms.
    return any(catalogue_path(tag).is_file() for tag in tags) or any(file.language in tags for file in own)


@dataclasses.dataclass(frozen=True)
class Labels:
    """facilitate's own words in one language, and that language's dates, times and numbers.

    Pure once made: looking a label up reads only the shipped catalogue (once per process).
    (A dataclass, not attrs: what maps every text of a document leaves it alone.)
    """

    #: A BCP 47 tag: "en", "cy", "fr-CA"...
    language: str = "en"
    #: "24h" or "12h"; None: the language's usual clock.
    clock: str | None = None
    #: The facilitator's own labels (any languages; those of this language are used).
    own: tuple[LabelFile, ...] = ()

    def in_language(self, language: str | None) -> Labels:
        """The same labels in another language (a deck's own); itself for None or its own language."""
        if language is None or language == self.language:
            return self
        return dataclasses.replace(self, language=language)

    @property
    def locale(self) -> Locale:
        return _locale(self.language)

    # -- words --

    def _lookup(self, name: str, count: int | None = None) -> str | None:
        for catalogue in _chain(self.language, self.own):
            forms = catalogue.messages.get(name)
            if forms:
                index = 0 if count is None else catalogue.plural(count)
                chosen = forms[min(index, len(forms) - 1)]
                if chosen:
                    return chosen
        return None

    def gettext(self, message: str) -> str:
        """``message`` (facilitate's English words) in this language."""
        return self._lookup(message) or message

    def pgettext(self, context: str, message: str) -> str:
        """``message`` in this language, where ``context`` tells apart two labels with the same English."""
        return self._lookup(key(message, context)) or message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form of ``singular``/``plural`` that ``count`` takes in this language."""
        return self._lookup(singular, count) or (singular if count == 1 else plural)

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> str:
        return self._lookup(key(singular, context), count) or (singular if count == 1 else plural)

    # -- dates, times and numbers --

    @property
    def office_language(self) -> str:
        """The language as Word and PowerPoint tag text, with a region: "cy-GB", "fr-FR", "en-GB"."""
        from babel.core import get_global

        locale = self.locale
        territory = locale.territory
        if not territory:
            likely = str(get_global("likely_subtags").get(locale.language, ""))
            territory = next((part for part in likely.split("_")[1:] if len(part) == 2 and part.isupper()), None)
        return f"{locale.language}-{territory}" if territory else str(locale.language)

    @property
    def twelve_hour(self) -> bool:
        """Whether clock times are written on a 12-hour clock: the session's choice, else the language's habit."""
        if self.clock is not None:
            return self.clock == "12h"
        return _twelve(self.locale.time_formats["short"].pattern)

    @property
    def time_pattern(self) -> str:
        """How a clock time is written, as a CLDR pattern: "HH:mm", "H:mm", "h:mm a"."""
        own = self.locale.time_formats["short"].pattern
        if _twelve(own) == self.twelve_hour:
            return str(own)
        from babel.dates import match_skeleton

        skeletons = self.locale.datetime_skeletons
        found = match_skeleton("hmm" if self.twelve_hour else "Hmm", skeletons)
        return str(skeletons[found].pattern) if found else ("h:mm a" if self.twelve_hour else "HH:mm")

    @property
    def day_periods(self) -> tuple[str, str]:
        """The words after a 12-hour time: ("am", "pm")."""
        from babel.dates import get_period_names

        names = get_period_names("abbreviated", "format", self.locale)
        return str(names["am"]), str(names["pm"])

    def date(self, day: dt.date) -> str:
        """A day in full, as the language writes it: "Thursday, 3 September 2026", "jeudi 3 septembre 2026"."""
        from babel.dates import format_date

        return str(format_date(day, "full", locale=self.locale))

    def weekday(self, day: dt.date) -> str:
        from babel.dates import format_date

        return str(format_date(day, "EEEE", locale=self.locale))

    def time(self, clock: dt.time) -> str:
        """A clock time: "14:30" (or "2:30 pm" on a 12-hour clock), as the language writes it."""
        from babel.dates import format_time

        return str(format_time(clock, self.time_pattern, locale=self.locale))

    def times(self, start: dt.time, end: dt.time) -> str:
        """From one clock time to another: "09:00–10:30"."""
        return f"{self.time(start)}–{self.time(end)}"

    def number(self, value: float, decimals: int | None = None) -> str:
        """A number as the language writes it ("2,5" in French); ``decimals`` fixes the places shown."""
        from babel.numbers import format_decimal

        if decimals is None:
            return str(format_decimal(value, locale=self.locale))
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return str(format_decimal(value, format=pattern, locale=self.locale))

    def spoken(self, value: float) -> str:
        """A number as a person would say it, for alt text, as the language writes numbers:
        whole numbers as they are (1,234), others to one decimal place (14.9), below 1 to two
        significant figures (0.046), from 10,000 up to three (123,000)."""
        return self.number(*said(value))

    @property
    def percent_space(self) -> str:
        """What the language puts between a number and "%": nothing in English, a no-break space in French."""
        pattern = self.locale.percent_formats[None].pattern
        return "\u00a0" if any(char in pattern for char in "\u00a0\u202f ") else ""

    def minutes(self, count: int) -> str:
        """ "20 min" in this language."""
        return self.ngettext("{count} min", "{count} min", count).format(count=count)

    def quoted(self, text: str) -> str:
        """``text`` in the language's quotation marks: “text”, « text », „text“."""
        return self.gettext("“{text}”").format(text=text)

    def logos(self, theme: Theme) -> tuple[Picture, ...]:
        """The theme's logos, their alt text in this language ("Logo of CEP")."""
        return theme.logos(self.gettext("Logo of {owner}"), self.gettext("Logo"))

    def list(self, items: Sequence[str]) -> str:
        """Items joined as the language joins a list: "A, B and C"."""
        from babel.lists import format_list

        return format_list(list(items), locale=self.locale) if items else ""


#: English labels with no facilitator's own words: what a pack without a language speaks.
ENGLISH = Labels()


def said(value: float) -> tuple[float, int]:
    """``value`` rounded as a person would say it, and how many decimal places that shows."""
    size = abs(value)
    if size >= 10_000:
        return float(round(value, 3 - len(str(int(size))))), 0
    if value == int(value):
        return value, 0
    if size >= 1:
        rounded = round(value, 1)
        return (rounded, 0) if rounded == int(rounded) else (rounded, 1)
    places = 1 - math.floor(math.log10(size))  # two significant figures
    return round(value, places), places


def for_pack(pack: SessionPack, language: str | None = None) -> Labels:
    """The labels of ``pack``: its session's language (or ``language``, a deck's own), clock and own labels."""
    session = pack.session
    return Labels(language or session.language, session.clock, pack.label_files)


def labels_for(language: str, extra_po_paths: Sequence[str | Path] = (), clock: str | None = None) -> Labels:
    """The labels for ``language``, with a facilitator's own ``.po`` files (``labels-LANG.po``) over facilitate's.

    A broken file is a LoadError naming its line.
    """
    from facilitate.loaders.labels import read_label_file

    tag = normalise(language)
    if tag is None:
        from facilitate.model.language import suggestion

        raise ValueError(f"{language!r} is not a language facilitate knows{suggestion(language)}")
    own = tuple(read_label_file(Path(path)) for path in extra_po_paths)
    return Labels(tag, clock, own)


def starter(language: str) -> bytes:
    """A ``labels-LANG.po`` to start from: every label facilitate has, with facilitate's words in
    ``language`` where it ships them (else empty, to fill in), and the language's plural rule."""
    from babel.messages.pofile import read_po, write_po

    tag = normalise(language)
    if tag is None:
        from facilitate.model.language import suggestion

        raise ValueError(f"{language!r} is not a language facilitate knows{suggestion(language)}")
    source = next((catalogue_path(t) for t in _family(tag) if catalogue_path(t).is_file()), None)
    # The shipped catalogue keeps its own plural rule; a new language gets Babel's for it.
    with (source or template_path()).open("rb") as handle:
        catalog = read_po(handle, locale=tag.replace("-", "_"))
    catalog.header_comment = _STARTER_HEADER.format(tag=tag)
    catalog.language_team = catalog.last_translator = ""
    for message in catalog:
        if message.id:
            message.flags.discard("fuzzy")
            message.locations = []
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, no_location=True, sort_output=True)
    return buffer.getvalue()


_STARTER_HEADER = """\
# facilitate's labels in {tag}: save this file as labels-{tag}.po beside your session file.
# Change any msgstr to the words you want; delete the labels you do not change, or keep them.
# A label's {{names}} are values facilitate fills in: keep each one a translation uses.
# Plural labels (msgid_plural) have one msgstr[N] per plural form of the language."""


def placeholders(text: str) -> set[str]:
    """The values a label names: {"time"} for "Back at {time}"."""
    return set(PLACEHOLDER.findall(text))
