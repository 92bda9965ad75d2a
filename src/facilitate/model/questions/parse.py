"""An English question's clause, taken apart so it can be put back as a statement.

"Why does working together matter to us?" has the wh-phrase "why", the auxiliary
"does", the subject "working together" and the predicate "matter to us"; put back as
a statement it is "working together matters to us", and embedded in a bigger
question "why working together matters to us".
"""

from __future__ import annotations

import attrs

from facilitate.model.questions import lexicon as lx
from facilitate.model.questions.english import Token


@attrs.frozen
class Clause:
    """A question's own clause: wh-phrase, auxiliary, subject and predicate, as written."""

    wh: tuple[str, ...]
    aux: str | None
    negated: bool
    subject: tuple[str, ...]
    predicate: tuple[str, ...]
    #: The wh-phrase is the subject: "Who decides?", "What happened?".
    wh_subject: bool = False

    def statement(self, positive: bool = False) -> list[str]:
        """The clause as a statement: "we met our goals", "the strongest practice is"."""
        negated = self.negated and not positive
        if self.aux is None:
            return [*self.subject, *self.predicate]
        if self.aux in lx.DO_FORMS:
            if negated:
                return [*self.subject, self.aux, "not", *self.predicate]
            if not self.predicate:
                return [*self.subject, self.aux]
            verb, *rest = self.predicate
            plain = verb.lower()
            if plain in lx.VERBS or plain.isalpha():
                if self.aux == "did":
                    verb = lx.past(plain)
                elif self.aux == "does":
                    verb = lx.third_person(plain)
            return [*self.subject, verb, *rest]
        aux = self.aux
        if aux == "are" and [w.lower() for w in self.subject] == ["i"]:
            aux = "am"
        return [*self.subject, aux, *(["not"] if negated else []), *self.predicate]

    def embedded(self, positive: bool = False) -> list[str]:
        """The clause as an embedded question: "whether we met our goals", "who decides"."""
        if not self.wh:
            return ["whether", *self.statement(positive)]
        if self.wh_subject:
            verb = [self.aux] if self.aux else []
            negation = ["not"] if self.negated and not positive else []
            return [*self.wh, *verb, *negation, *self.predicate]
        return [*self.wh, *self.statement(positive)]


def _word(token: str) -> str:
    return token.lower().strip(".,;:?!\"'()[]")


def _looks_like_verb(word: str) -> bool:
    return word in lx.VERBS


def _subject_end(words: list[str], start: int, copula: bool, wh: bool = False) -> int:
    """Where the subject that starts at ``start`` ends (the predicate's first word)."""
    if start >= len(words):
        return start
    first = words[start]
    if first in lx.PRONOUNS and first not in ("one",):
        if first == "there" or not copula:
            return start + 1
        return start + 1
    if first in ("this", "that", "these", "those") and start + 1 < len(words):
        nxt = words[start + 1]
        if _looks_like_verb(nxt) or nxt in lx.PREDICATIVE or nxt in lx.DETERMINERS or nxt.endswith(("ing", "ed")):
            return start + 1
    index = start
    seen_noun = False
    while index < len(words):
        word = words[index]
        if seen_noun and word in ("who", "that", "which"):
            # A relative clause inside the subject: "the code that was merged into main".
            index += 1
            if index < len(words) and words[index] in lx.AUXILIARIES:
                index += 1
            if index < len(words) and (_looks_like_verb(words[index]) or words[index].endswith(("ed", "en", "ing"))):
                index += 1
            continue
        if word in lx.DETERMINERS or word.endswith("'s") or word.endswith("s'"):
            index += 1
            continue
        if seen_noun:
            if word in lx.PREPOSITIONS:
                # "schools in the cluster share": a prepositional phrase inside the subject.
                index += 1
                seen_noun = False
                continue
            if word in ("who", "that", "which"):
                # A relative clause inside the subject: "the code that was merged into main".
                index += 1
                if index < len(words) and words[index] in lx.AUXILIARIES:
                    index += 1
                if index < len(words) and (_looks_like_verb(words[index]) or words[index].endswith(("ed", "en", "ing"))):
                    index += 1
                continue
            if word in ("and", "or"):
                index += 1
                seen_noun = False
                continue
            if copula:
                if word.endswith(("ing", "ed", "en")) or word in lx.PREDICATIVE:
                    return index
                if word in lx.PRONOUNS:
                    return index
            elif _looks_like_verb(word) or word in lx.AUXILIARIES or word in ("not",):
                return index
        seen_noun = True
        index += 1
    if copula and wh:
        # "Where is the strongest practice in our cluster?": all of it is the subject.
        return len(words)
    if copula:
        # "Was our velocity constant?": the subject is the first noun phrase.
        index = start
        while index < len(words) - 1 and (words[index] in lx.DETERMINERS or words[index].endswith("'s")):
            index += 1
        if words[start] in ("this", "that", "these", "those", "it"):
            return start + 1
        return min(len(words), index + 1)
    return len(words)


def parse(tokens: list[Token], start: int) -> Clause | None:
    """Take the question from ``tokens[start]`` apart; None when it is not of a known shape."""
    texts = [t.text for t in tokens[start:]]
    if not texts:
        return None
    texts[-1] = texts[-1].rstrip("?!.")
    if not texts[-1]:
        texts.pop()
    words = [_word(t) for t in texts]
    if not words:
        return None
    # Keep the writer's capitals, except on an opening function word.
    if words[0] in lx.WH_WORDS or words[0] in lx.AUXILIARIES or words[0] in lx.WH_CONTRACTIONS or words[0] in lx.NEGATIVE_AUXILIARIES:
        texts[0] = texts[0][0].lower() + texts[0][1:]
    first = words[0]
    if first in lx.WH_CONTRACTIONS:
        wh, aux = lx.WH_CONTRACTIONS[first]
        texts = [wh, aux, *texts[1:]]
        words = [wh, aux, *words[1:]]
    # A question joined to another ("..., and why do you care?"): only the first is taken apart.
    for index in range(1, len(words) - 1):
        if words[index] in ("and", "or", "but") and (words[index + 1] in lx.WH_WORDS or words[index + 1] in lx.WH_CONTRACTIONS):
            texts, words = texts[:index], words[:index]
            texts[-1] = texts[-1].rstrip(",;")
            break
    if words[0] in lx.AUXILIARIES or words[0] in lx.NEGATIVE_AUXILIARIES:
        return _after_auxiliary((), texts, words, 0)
    if words[0] not in lx.WH_WORDS:
        return None
    # The wh-phrase: "how much", "which of our schools", "what evidence".
    end = 1
    if words[0] == "how" and len(words) > 1 and words[1] not in lx.AUXILIARIES and words[1] not in lx.NEGATIVE_AUXILIARIES \
            and words[1] not in lx.PRONOUNS and words[1] not in lx.DETERMINERS and words[1] != "to":
        end = 2
    if words[0] in ("which", "what", "whose", "how") and end < len(words):
        if words[end] == "of":
            end += 1
            while end < len(words) and not _looks_like_verb(words[end]) and words[end] not in lx.AUXILIARIES \
                    and words[end] not in lx.NEGATIVE_AUXILIARIES:
                end += 1
        else:
            while end < len(words) and words[end] not in lx.AUXILIARIES and words[end] not in lx.NEGATIVE_AUXILIARIES \
                    and words[end] not in lx.PRONOUNS and words[end] not in lx.DETERMINERS \
                    and words[end] not in ("else", "if") and not (words[0] != "how" and _looks_like_verb(words[end])) \
                    and not words[end].endswith("ed") and end < 4:
                end += 1
    if words[0] in ("who", "what") and end < len(words) and words[end] == "else":
        end += 1
    wh = tuple(texts[:end])
    if end >= len(words):
        return Clause(wh, None, False, (), (), wh_subject=True)
    nxt = words[end]
    if nxt in lx.AUXILIARIES or nxt in lx.NEGATIVE_AUXILIARIES:
        aux = lx.NEGATIVE_AUXILIARIES.get(nxt, nxt)
        after = words[end + 1] if end + 1 < len(words) else ""
        wh_is_subject = words[0] in ("who", "what", "which", "whose") and (
            not after or (aux in lx.COPULAS and (after in lx.PREDICATIVE or after.endswith(("ing", "ed")) or after in lx.PREPOSITIONS))
            or (aux in lx.MODALS | lx.HAVE_FORMS and (after in lx.VERBS or after in ("been", "not")) and after not in lx.PRONOUNS)
            or (aux in lx.DO_FORMS and False)
        )
        if wh_is_subject:
            negated = nxt in lx.NEGATIVE_AUXILIARIES
            predicate = tuple(texts[end + 1 :])
            if predicate and _word(predicate[0]) == "not":
                negated, predicate = True, predicate[1:]
            return Clause(wh, aux, negated, (), predicate, wh_subject=True)
        return _after_auxiliary(wh, texts, words, end)
    # No auxiliary: the wh-phrase is the subject ("Who decides?", "What stopped you?").
    return Clause(wh, None, False, (), tuple(texts[end:]), wh_subject=True)


def _after_auxiliary(wh: tuple[str, ...], texts: list[str], words: list[str], at: int) -> Clause | None:
    raw = words[at]
    aux = lx.NEGATIVE_AUXILIARIES.get(raw, raw)
    negated = raw in lx.NEGATIVE_AUXILIARIES
    start = at + 1
    if start < len(words) and words[start] == "not":
        negated, start = True, start + 1
    copula = aux in lx.COPULAS
    end = _subject_end(words, start, copula, bool(wh))
    if end < len(words) and words[end] == "not":
        negated = True
        predicate = tuple(texts[end + 1 :])
    else:
        predicate = tuple(texts[end:])
    subject = tuple(texts[start:end])
    if not subject:
        return None
    return Clause(wh, aux, negated, subject, predicate)
