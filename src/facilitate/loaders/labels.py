"""A facilitator's own labels: ``labels-LANG.po`` files beside a session (or cluster, or deck).

A file named ``labels-cy.po`` gives facilitate's labels in Welsh: it adds a language
facilitate does not ship, or changes the words of one it does (only the labels it
translates; the rest keep facilitate's). ``facilitate labels --language cy > labels-cy.po``
writes a starter. Each file is checked as it is read, and a problem is one line naming
the file, the line and what is wrong: a broken ``.po``, a label facilitate does not have
(with a "did you mean"), or a translation that names a value its label does not give.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable
from pathlib import Path

from facilitate.errors import LoadError
from facilitate.model.language import LabelFile, normalise, suggestion

#: ``labels-LANG.po``: the language is in the name.
PREFIX, SUFFIX = "labels-", ".po"


@functools.cache
def known_labels() -> frozenset[str]:
    """Every label facilitate has, by catalogue key (the shipped English catalogue's)."""
    from facilitate.labels import catalogue_path, parse_po

    return frozenset(parse_po(catalogue_path("en").read_bytes(), "en").messages)


def _shown(name: str) -> str:
    """A catalogue key as a person reads it: its words (and its context)."""
    from facilitate.labels import CONTEXT

    if CONTEXT in name:
        context, words = name.split(CONTEXT, 1)
        return f"{words!r} (context {context!r})"
    return repr(name)


def language_of(path: Path) -> str:
    """The language a labels file is for, from its name: labels-cy.po → "cy"."""
    name = path.name
    if not (name.startswith(PREFIX) and name.endswith(SUFFIX)):
        raise LoadError(str(path), None, (), f"a labels file is named {PREFIX}LANG{SUFFIX}, e.g. labels-cy.po for Welsh")
    written = name[len(PREFIX) : -len(SUFFIX)]
    tag = normalise(written)
    if tag is None:
        raise LoadError(
            str(path), None, (),
            f"{written!r} in the file's name is not a language facilitate knows; name it {PREFIX}LANG{SUFFIX}"
            f" with a language tag such as cy, fr, es or de{suggestion(written)}",
        )
    return tag


_KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\s+(".*)$')
_QUOTED = re.compile(r'^"(?:[^"\\]|\\.)*"$')


def _line_problem(text: str) -> tuple[int, str] | None:
    """The first line that is not .po syntax (a keyword and a quoted string, a continued string,
    a comment), with what is wrong; Babel's own parser then reads the rest."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _KEYWORD.match(stripped)
        quoted = match[2].strip() if match else stripped
        if not match and not stripped.startswith('"'):
            return number, f"{stripped.split()[0]!r} is not a .po keyword (msgid, msgstr, msgctxt, msgid_plural)"
        if not _QUOTED.match(quoted):
            return number, "the text in quotes does not end with a closing \""
    return None


def read_label_file(path: Path) -> LabelFile:
    """One ``labels-LANG.po`` file, checked; LoadError naming the file and line of any problem."""
    from babel.messages.pofile import PoFileError

    from facilitate.labels import has_labels, parse_po, placeholders
    from facilitate.loaders.content import read_text

    language = language_of(path)
    text = read_text(path)
    problem = _line_problem(text)
    if problem is not None:
        raise LoadError(str(path), problem[0], (), f"not a readable .po file: {problem[1]}")
    try:
        read = parse_po(text.encode("utf-8"), language.replace("-", "_"))
    except PoFileError as error:
        message = str(error).rsplit(" on ", 1)[0]
        # Babel counts the lines of a broken file from 0.
        raise LoadError(str(path), error.lineno + 1, (), f"not a readable .po file: {message}") from None
    except (ValueError, SyntaxError, IndexError, KeyError) as error:  # older Babels fail on some broken files this way
        raise LoadError(str(path), None, (), f"not a readable .po file: {error or type(error).__name__}") from None
    plural = read.plural
    try:
        from gettext import c2py

        c2py(plural)
    except (ValueError, SyntaxError):
        raise LoadError(str(path), None, ("Plural-Forms",), f"not a plural rule gettext reads: {plural!r}") from None
    known = known_labels()
    if not has_labels(language):
        # A language facilitate does not ship: every label needs the facilitator's words.
        missing = [(line, name) for line, name in read.untranslated if name in known]
        missing += [(0, name) for name in sorted(known - set(read.messages) - {name for _, name in read.untranslated})]
        if missing:
            line, name = missing[0]
            raise LoadError(
                str(path), line or None, ("msgstr",),
                f"{_shown(name)} has no words in {language!r} yet: facilitate does not ship {language!r}, so every label"
                f" needs yours ({len(missing)} to go; facilitate labels --language {language} lists them all)",
            )
    for line, name, english, forms in read.found:
        if name not in known:
            close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
            hint = f" (did you mean {_shown(close[0])}?)" if close else " (facilitate labels --language LANG lists them)"
            raise LoadError(str(path), line, ("msgid",), f"facilitate has no label {_shown(name)}{hint}")
        allowed = placeholders(english) | placeholders(name)
        for form in forms:
            extra = placeholders(form) - allowed
            if extra:
                raise LoadError(
                    str(path), line, ("msgstr",),
                    f"{{{sorted(extra)[0]}}} is not a value this label gives (it gives: "
                    + (", ".join(f"{{{value}}}" for value in sorted(allowed)) or "none") + ")",
                )
    return LabelFile(language, str(path), tuple(sorted(read.messages.items())), plural)


def label_files(folders: Iterable[Path]) -> tuple[LabelFile, ...]:
    """Every ``labels-LANG.po`` in ``folders`` (each folder once, files in name order)."""
    seen: set[Path] = set()
    files: list[LabelFile] = []
    for folder in folders:
        folder = folder.resolve()
        if folder in seen or not folder.is_dir():
            continue
        seen.add(folder)
        for path in sorted(folder.glob(f"{PREFIX}*{SUFFIX}")):
            if path.is_file():
                files.append(read_label_file(path))
    return tuple(files)
