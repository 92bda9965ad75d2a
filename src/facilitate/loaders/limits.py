"""How much facilitate reads: one limit for every content file, YAML, TOML or table, and for what it holds."""

from __future__ import annotations

import os
import re

from facilitate.files import check_regular, too_large

#: Content files (YAML, TOML, CSV, XLSX) larger than this are refused before they are read.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: A document may expand (through YAML aliases) to at most this many characters of text in
#: all: as much as a file written out in full can hold.
MAX_EXPANDED_CHARS = MAX_FILE_BYTES
#: One text field (a title, a prompt, a facilitator's note, a table cell) holds at most this
#: many characters: about forty printed pages.
MAX_FIELD_CHARS = 100_000
#: Lists and mappings nest at most this deep in a content file (a session needs five or six).
MAX_DEPTH = 48


def checked_size(path: str | os.PathLike[str], label: str) -> int:
    """The size of the regular file at ``path``; a LoadError if it is missing, not a regular file, or too large."""
    info = check_regular(path, label, "content file")
    if info.st_size > MAX_FILE_BYTES:
        raise too_large(label, info.st_size, MAX_FILE_BYTES, "content files")
    return info.st_size


#: Characters no XML file can hold (decks and Word documents are XML): C0 controls other
#: than tab and line breaks, lone surrogates, and U+FFFE/U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

Path = tuple[str | int, ...]


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be a field's value (too long, a character documents cannot hold), or None."""
    if len(text) > MAX_FIELD_CHARS:
        return f"holds {len(text):,} characters; a field holds at most {MAX_FIELD_CHARS:,}"
    found = NOT_XML.search(text)
    if found:
        char = found.group()
        return (
            f"holds the control character U+{ord(char):04X} at character {found.start() + 1}, which documents"
            " cannot contain; delete it"
        )
    return None


def data_problem(data: object) -> tuple[Path, str] | None:
    """The first field of parsed ``data`` (dicts, lists, scalars) that nests too deep or holds bad text.

    Walks without recursion, so any depth is reported, never a RecursionError.
    """
    stack: list[tuple[Path, object]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            problem = text_problem(value)
            if problem:
                return path, problem
            continue
        if isinstance(value, (dict, list)):
            if len(path) >= MAX_DEPTH:
                return path[:3], f"lists and mappings nest more than {MAX_DEPTH} deep here; a content file needs far fewer"
            items = list(value.items()) if isinstance(value, dict) else list(enumerate(value))
            for key, item in reversed(items):
                if isinstance(key, str):
                    problem = text_problem(key)
                    if problem:
                        return path + (key[:40],), f"the key {problem}"
                stack.append((path + (key,), item))
    return None
