"""Plain-text handling shared by every language: quotes, sentences, words."""

from __future__ import annotations

import re

#: Curly quotes and apostrophes as their straight forms.
_STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u2032": "'"})
#: Quoted or bracketed words: their wh-words are not the question's.
_QUOTED = re.compile(r"\"[^\"]*\"|\([^()]*\)|\[[^\[\]]*\]|(?<![\w'])'[^']{1,60}'(?![\w'])")
#: A sentence ends at "?" followed by space, or at . ! ; followed by space and a capital
#: (so "What if... (more time)?" stays whole); the mark stays with the sentence.
_BOUNDARY = re.compile(r"(?<=[.?!;])\s+")
#: Words: letters (any script) with inner apostrophes or hyphens, or numbers.
WORD = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*|\d+")


def straighten(text: str) -> str:
    return text.translate(_STRAIGHTEN)


def unquote(text: str) -> str:
    """``text`` with quoted and bracketed parts replaced by a neutral word."""
    return _QUOTED.sub(" thing ", text)


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, each with its closing mark ("?" for questions)."""
    found = [s.strip() for s in _split(text)]
    return [s for s in found if WORD.search(s)]


def _split(text: str) -> list[str]:
    out, start = [], 0
    for match in _BOUNDARY.finditer(text):
        following = text[match.end() : match.end() + 2]
        if text[match.start() - 1] != "?" and not (following[:1].isupper() or following[:1] in "\"'\u201c\u2018\u00bf\u00a1"):
            continue
        out.append(text[start : match.start()])
        start = match.end()
    out.append(text[start:])
    return out


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` (contractions kept whole: "what's", "don't")."""
    return [w.lower() for w in WORD.findall(text)]


def split_elisions(tokens: list[str]) -> list[str]:
    """French, Welsh and Spanish elisions as separate words: "qu'est-ce" -> qu', est, ce."""
    out: list[str] = []
    for token in tokens:
        for part in token.split("-"):
            while "'" in part:
                head, part = part.split("'", 1)
                out.append(head + "'")
            if part:
                out.append(part)
    return out
