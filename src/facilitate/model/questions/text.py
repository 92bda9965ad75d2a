"""Plain-text handling shared by every language: quotes, sentences, words."""

from __future__ import annotations

import re

#: Curly quotes and apostrophes as their straight forms.
_STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u2032": "'"})
#: Quoted or bracketed words: their wh-words are not the question's.
_QUOTED = re.compile(r"\"[^\"]*\"|\([^()]*\)|\[[^\[\]]*\]|(?<![\w'])'[^']{1,60}'(?![\w'])")
#: A sentence ends at . ? ! (or ;) followed by space; keep the mark with the sentence.
_SENTENCE = re.compile(r"[^.?!;]+(?:[.?!;]+|$)")
#: Words: letters (any script) with inner apostrophes or hyphens, or numbers.
WORD = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*|\d+")


def straighten(text: str) -> str:
    return text.translate(_STRAIGHTEN)


def unquote(text: str) -> str:
    """``text`` with quoted and bracketed parts replaced by a neutral word."""
    return _QUOTED.sub(" thing ", text)


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, each with its closing mark ("?" for questions)."""
    found = [s.strip() for s in _SENTENCE.findall(text)]
    return [s for s in found if WORD.search(s)]


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
