"""Reading one English question: where it starts, what asks it, and its clause.

A question is read as written words (``Token``), keeping each word's text (for
rewrites) and a plain lower-case form (for reading). Quoted and bracketed words are
opaque: their wh-words are not the question's ("When you say 'difficult', what ...").
"""

from __future__ import annotations

import re

import attrs

from facilitate.model.questions import lexicon as lx

_CORE = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*|\d+")
_OPEN = ('"', "(", "[", "'")
_CLOSE = {'"': '"', "(": ")", "[": "]", "'": "'"}


@attrs.frozen
class Token:
    """A word as written (``text``, with its punctuation) and as read (``word``)."""

    text: str
    word: str
    #: Inside quotes or brackets: read as a plain noun.
    opaque: bool = False

    @property
    def ends_clause(self) -> bool:
        return self.text.endswith((",", ";", ":", "\u2013", "\u2014")) or self.text in ("-", "\u2013", "\u2014")


def tokenize(sentence: str) -> list[Token]:
    out: list[Token] = []
    closing = ""
    for text in sentence.split():
        found = _CORE.search(text)
        word = found.group(0).lower() if found else ""
        opaque = bool(closing)
        if not closing and text[:1] in _OPEN and len(text) > 1:
            mark = _CLOSE[text[0]]
            stripped = text.rstrip(".,;:?!")
            if not (len(stripped) > 1 and stripped.endswith(mark)):
                closing = mark
            opaque = True
        elif closing and text.rstrip(".,;:?!").endswith(closing):
            closing = ""
        out.append(Token(text, word, opaque))
    return out


def _plain(token: Token) -> str:
    return "thing" if token.opaque else token.word


@attrs.frozen
class Reading:
    """What one question asks and how: its role and where its own clause starts."""

    role: str | None
    #: "question", "instruction" (an imperative standing for a question), or
    #: "not-a-question".
    form: str
    #: Index of the first word of the question's own clause (after labels and lead clauses).
    start: int
    #: Words before it that frame the question ("Given what we know,").
    lead: tuple[Token, ...] = ()
    #: A yes/no question that offers alternatives ("better or worse?").
    alternative: bool = False
    #: The question opened with a possibility frame ("Imagine ...", "If we could ...").
    framed: bool = False


def _skip_fillers(words: list[str], start: int, end: int) -> int:
    while start < end and words[start] in lx.FILLERS:
        start += 1
    return start


def _clauses(tokens: list[Token]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for index, token in enumerate(tokens):
        if token.ends_clause and (not token.opaque or token.text.rstrip(",;:")[-1:] in "\"')]"):
            spans.append((start, index + 1))
            start = index + 1
    if start < len(tokens):
        spans.append((start, len(tokens)))
    return spans


def _opening(words: list[str], start: int, end: int) -> str:
    """What the clause from ``start`` opens with: wh, aux, imagine, if, instruction, or other."""
    if start >= end:
        return "other"
    first = words[start]
    if first in lx.WH_WORDS or first in lx.WH_CONTRACTIONS:
        return "wh"
    if first in lx.AUXILIARIES or first in lx.NEGATIVE_AUXILIARIES:
        return "aux"
    if first in lx.POSSIBILITY_OPENERS:
        return "imagine"
    if first == "if" or (first == "what" and start + 1 < end and words[start + 1] == "if"):
        return "if"
    if first in ("in", "to", "for", "by", "at", "from", "with", "of", "on", "under", "until", "since") and start + 1 < end:
        if words[start + 1] in ("what", "which", "whom", "whose", "when", "how"):
            return "wh"
    if first in lx.IMPERATIVES or first == "please":
        return "instruction"
    return "other"


def _subordinate(words: list[str], start: int, end: int) -> bool:
    """A "when/where/as ..." clause that frames the question rather than asking it."""
    first = words[start]
    if first in ("when", "where", "whenever", "wherever", "while", "once", "as", "given", "after", "before",
                 "since", "because", "although", "though", "thinking", "looking", "considering", "based", "knowing",
                 "reflecting", "building", "in", "for", "from", "with", "on", "at", "beyond", "regarding"):
        second = words[start + 1] if start + 1 < end else ""
        return not (second in lx.AUXILIARIES or second in lx.NEGATIVE_AUXILIARIES)
    return False


def _counterfactual(words: list[str], start: int, end: int) -> bool:
    return any(w in lx.COUNTERFACTUAL or w.endswith("ed") for w in words[start + 1 : end])


def _has_possibility_if(words: list[str], start: int, end: int) -> bool:
    """A "would/could/might ... if ..." clause: "What would happen if we ...?"."""
    modal_at = next((i for i in range(start, end) if words[i] in ("would", "could", "might", "wouldn't", "couldn't")), None)
    if modal_at is None:
        return False
    for index in range(modal_at + 1, end):
        if words[index] == "if" and words[index - 1] not in lx.WHETHER_VERBS:
            return True
    return False


def read(tokens: list[Token], framed: bool = False) -> Reading:
    """Find the question's own clause and what it asks for (its role)."""
    words = [_plain(t) for t in tokens]
    spans = _clauses(tokens)
    main: tuple[int, int] | None = None
    counterfactual = False
    instruction: tuple[int, int] | None = None
    for number, (start, end) in enumerate(spans):
        start = _skip_fillers(words, start, end)
        opening = _opening(words, start, end)
        later = any(_opening(words, _skip_fillers(words, s, e), e) in ("wh", "aux") for s, e in spans[number + 1 :])
        if opening == "imagine":
            framed = True
            if later:
                continue
            main = (start, end)
            break
        if opening == "if":
            if words[start] == "what":
                main = (start, end)
                break
            counterfactual = counterfactual or _counterfactual(words, start, end)
            inner = next((i for i in range(start + 2, end) if words[i] in lx.WH_WORDS or words[i] in lx.WH_CONTRACTIONS), None)
            if not later and inner is not None:
                main = (inner, end)
                break
            continue
        if opening == "wh" and later and _subordinate(words, start, end):
            continue
        if opening in ("wh", "aux"):
            main = (start, spans[-1][1])
            break
        if opening == "instruction" and instruction is None:
            instruction = (start, end)
            if later:
                continue
        if later:
            continue
        # A wh-word further into the clause: "Honestly what is holding you back?"
        inner = next((i for i in range(start, min(end, start + 4)) if words[i] in lx.WH_WORDS or words[i] in lx.WH_CONTRACTIONS), None)
        if inner is not None and opening not in ("instruction",):
            main = (inner, spans[-1][1])
            break
    if main is None:
        if instruction is not None:
            start, _ = instruction
            role = _instruction_role(words, start, len(words))
            return Reading(role, "instruction", start, tuple(tokens[:start]), framed=framed)
        if framed:
            return Reading("possibility", "question", 0, (), framed=True)
        last = tokens[-1].text if tokens else ""
        if last.endswith("?") and words and words[0] not in lx.WH_WORDS:
            # A statement with a question mark ("You're saying the data is wrong?").
            return Reading("closed", "question", 0)
        return Reading(None, "not-a-question", 0)
    start, end = main
    role = _role(words, start, end)
    alternative = False
    if role == "closed" and _alternative(words, start, end):
        role, alternative = "facts", True
    if framed or (counterfactual and any(w in ("would", "could", "might") for w in words[start:end])):
        role, framed = "possibility", True
    elif role not in ("closed", "purpose", "possibility") and _has_possibility_if(words, start, end):
        role = "possibility"
    return Reading(role, "question", start, tuple(tokens[:start]), alternative, framed)


def _instruction_role(words: list[str], start: int, end: int) -> str:
    """An instruction reads as the question it implies: "Tell me how ..." asks how."""
    index = start + 1 if words[start] != "please" else start + 2
    while index < end and words[index] in ("me", "us", "about", "them", "more", "your", "please"):
        if words[index] == "your":
            break
        index += 1
    if index < end and words[index] in lx.WH_WORDS:
        return _role(words, index, end)
    if words[start] in lx.POSSIBILITY_OPENERS:
        return "possibility"
    return "open"


def _role(words: list[str], start: int, end: int) -> str:
    first = words[start]
    if first in lx.WH_CONTRACTIONS:
        wh, second = lx.WH_CONTRACTIONS[first]
        rest = [wh, second, *words[start + 1 : end]]
    elif first in ("in", "to", "for", "by", "at", "from", "with", "of", "on", "under", "until", "since"):
        return _prepositional(words, start, end)
    else:
        rest = words[start:end]
    head = rest[0]
    following = rest[1] if len(rest) > 1 else ""
    if head in lx.AUXILIARIES or head in lx.NEGATIVE_AUXILIARIES:
        return "closed"
    if head == "why":
        return "purpose"
    if head == "how":
        if following == "come":
            return "purpose"
        if (not following or following in lx.AUXILIARIES or following in lx.NEGATIVE_AUXILIARIES
                or following in lx.HOW_PROCESS_NEXT or following in lx.PRONOUNS or following in _CLAUSE_OPENERS):
            return "process"
        return "facts"
    if head == "what":
        if following == "if":
            return "possibility"
        if following in ("time", "times", "day", "days", "date", "year", "month", "week", "percentage", "proportion"):
            return "facts"
        if following in ("is", "are", "was", "were") and len(rest) > 3 and rest[2] in ("the", "your", "our", "their"):
            if rest[3] in ("reason", "reasons", "purpose", "point", "rationale", "motivation"):
                return "purpose"
        return "open"
    return "facts"


def _prepositional(words: list[str], start: int, end: int) -> str:
    """ "In what ways ...", "To what extent ...", "For what reason ...", "With whom ..."."""
    preposition, wh = words[start], words[start + 1]
    noun = words[start + 2] if start + 2 < end else ""
    if wh == "how":
        return "process"
    if wh != "what":
        return "facts"
    if noun in ("way", "ways", "manner", "means"):
        return "process"
    if noun in ("reason", "reasons", "purpose", "end"):
        return "purpose"
    if noun in ("extent", "degree", "point", "time", "stage", "date"):
        return "facts"
    return "open" if preposition not in ("by", "until", "since") else "facts"


#: After "how", words that start a clause (so "how" asks about process, not degree).
_CLAUSE_OPENERS = frozenset({"the", "a", "an", "our", "your", "their", "my", "his", "her", "its", "this", "that",
                             "these", "those", "all", "each", "every", "some", "any"})
_COMPARATIVES = frozenset({"better", "worse", "more", "less", "fewer", "higher", "lower", "faster", "slower",
                           "bigger", "smaller", "easier", "harder", "stronger", "weaker", "up", "down"})


def _alternative(words: list[str], start: int, end: int) -> bool:
    """ "Did it get better or worse?", "Is it A, or is it B?": a choice, not a yes/no."""
    for index in range(start + 1, end - 1):
        if words[index] != "or":
            continue
        after, before = words[index + 1], words[index - 1]
        if after in ("not",):
            return False
        if after in lx.AUXILIARIES or after in lx.NEGATIVE_AUXILIARIES:
            return True
        if before in _COMPARATIVES and after in _COMPARATIVES:
            return True
    return False
