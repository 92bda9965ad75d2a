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
    #: The second choice of an alternative question, as a statement.
    alternative: tuple[str, ...] = ()

    def statement(self, positive: bool = False) -> list[str]:
        """The clause as a statement: "we met our goals", "the strongest practice is"."""
        words = self._statement(positive)
        if self.alternative:
            words = [*words[:-1], words[-1] + ",", "or", *self.alternative] if words else list(self.alternative)
        return words

    def _statement(self, positive: bool) -> list[str]:
        negated = self.negated and not positive
        if self.aux is None:
            return [*self.subject, *self.predicate]
        if self.aux in lx.DO_FORMS:
            if negated:
                return [*self.subject, self.aux, "not", *self.predicate]
            if not self.predicate:
                return [*self.subject, self.aux]
            # Adverbs before the verb stay as they are: "when we last asked".
            at = 0
            while at < len(self.predicate) - 1 and _word(self.predicate[at]) in _PRE_VERB_ADVERBS:
                at += 1
            verb, rest = self.predicate[at], list(self.predicate[at + 1 :])
            plain = _word(verb)
            if plain.isalpha() and verb.strip(".,;:?!\"'()[]") == plain:
                if self.aux == "did":
                    verb = verb.replace(plain, lx.past(plain))
                elif self.aux == "does":
                    verb = verb.replace(plain, lx.third_person(plain))
            return [*self.subject, *self.predicate[:at], verb, *rest]
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


#: Adverbs that may stand between a subject and its verb: "When did we *last* ask?".
_PRE_VERB_ADVERBS = frozenset({"last", "first", "really", "ever", "still", "just", "always", "never", "often",
                               "actually", "already", "usually", "sometimes", "truly", "even", "also", "all", "both"})


def _word(token: str) -> str:
    return token.lower().strip(".,;:?!\"'()[]")


def _looks_like_verb(word: str) -> bool:
    return word in lx.VERBS


def _subject_end(words: list[str], start: int, copula: bool, wh: bool = False, perfect: bool = False) -> int:
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
            if copula and word in lx.PREPOSITIONS and word != "of" and not any(
                w.endswith("ing") for w in words[index + 1 :]
            ):
                return index  # "those people | in the room" (but "our tools for change | impacting")
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
            elif perfect and (word.endswith(("ed", "en")) or word in _PARTICIPLES):
                return index
            elif _looks_like_verb(word) or word in lx.AUXILIARIES or word in ("not",):
                # "peer review move us": a verb followed by a verb was part of the subject.
                nxt = words[index + 1] if index + 1 < len(words) else ""
                if not (nxt in lx.VERBS and nxt not in lx.PRONOUNS and index + 1 < len(words) - 0 and _looks_like_verb(word)
                        and nxt not in ("be", "have", "get", "make", "let", "help", "go", "come")):
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
    texts[-1] = texts[-1].rstrip("?!")
    if not texts[-1]:
        texts.pop()
    words = [_word(t) for t in texts]
    if not words:
        return None
    # Keep the writer's capitals, except on an opening function word.
    if words[0] in lx.WH_WORDS or words[0] in lx.AUXILIARIES or words[0] in lx.WH_CONTRACTIONS \
            or words[0] in lx.NEGATIVE_AUXILIARIES or words[0] in lx.PREPOSITIONS:
        texts[0] = texts[0][0].lower() + texts[0][1:]
    first = words[0]
    if first in lx.WH_CONTRACTIONS:
        wh, aux = lx.WH_CONTRACTIONS[first]
        after = words[1] if len(words) > 1 else ""
        if aux == "is" and (after in _PARTICIPLES or (after.endswith("ed") and after not in lx.PREDICATIVE)):
            aux = "has"
        texts = [wh, aux, *texts[1:]]
        words = [wh, aux, *words[1:]]
    # A question joined to another ("..., and why do you care?"): only the first is taken apart.
    for index in range(1, len(words) - 1):
        if words[index] in ("and", "or", "but") and (words[index + 1] in lx.WH_WORDS or words[index + 1] in lx.WH_CONTRACTIONS):
            texts, words = texts[:index], words[:index]
            texts[-1] = texts[-1].rstrip(",;")
            break
    if words[0] in lx.AUXILIARIES or words[0] in lx.NEGATIVE_AUXILIARIES:
        clause = _after_auxiliary((), texts, words, 0)
        return _with_alternative(clause)
    opens_with_preposition = words[0] in lx.PREPOSITIONS and len(words) > 1 and words[1] in lx.WH_WORDS
    if words[0] not in lx.WH_WORDS and not opens_with_preposition:
        return None
    end = _wh_end(words, 2 if opens_with_preposition else 1)
    aux_at = next((i for i in range(end, min(len(words), end + 7))
                   if words[i] in lx.AUXILIARIES or words[i] in lx.NEGATIVE_AUXILIARIES), None)
    if aux_at is not None and _inverted(words, end, aux_at):
        return _after_auxiliary(tuple(texts[:aux_at]), texts, words, aux_at, argument=_argument_wh(words, aux_at))
    # The wh-phrase is the subject ("Who decides?", "What is happening now?"): its words
    # already stand in statement order.
    return Clause(tuple(texts[:end]), None, False, (), tuple(texts[end:]), wh_subject=True)


#: Adverbs that stand between a subject wh-word and its verb ("What still puzzles us?").
_ADVERBS = frozenset({"still", "really", "actually", "just", "most", "more", "less", "least", "already", "ever",
                      "never", "always", "often", "usually", "exactly", "truly", "currently", "possibly"})


def _wh_end(words: list[str], start: int) -> int:
    """Where the wh-word's own phrase ends: "how much", "how many schools", "what"."""
    if words[start - 1] != "how" or start >= len(words):
        return start
    following = words[start]
    if following in lx.AUXILIARIES or following in lx.NEGATIVE_AUXILIARIES or following in lx.PRONOUNS \
            or following in ("to", "else", "exactly", "best", "come", "the", "our", "your", "their", "this", "that"):
        return start
    end = start + 1
    if following in ("many", "much") and end < len(words) and words[end] not in lx.AUXILIARIES \
            and words[end] not in lx.NEGATIVE_AUXILIARIES:
        end += 1
    return end


def _inverted(words: list[str], end: int, aux_at: int) -> bool:
    """Whether a subject stands after the auxiliary at ``aux_at`` ("What do *you* see?")."""
    between = [w for w in words[end:aux_at] if w not in ("exactly", "else", "precisely", "specifically", "actually")]
    if any(w in lx.PRONOUNS for w in between):
        return False
    if between and words[0] in ("who", "why", "when", "where"):
        return False
    if not between and end == 1 and words[0] in ("why", "how", "when", "where"):
        return True  # these never stand for the subject: "Why does working together matter?"
    after = words[aux_at + 1] if aux_at + 1 < len(words) else ""
    if not after or after in _ADVERBS or after in ("not", "been", "being", "going", "able"):
        return False
    if after in lx.PRONOUNS or after in lx.DETERMINERS:
        return True
    aux = lx.NEGATIVE_AUXILIARIES.get(words[aux_at], words[aux_at])
    if after in lx.PREDICATIVE or after in lx.PREPOSITIONS or after.endswith(("ed", "ing")) or after in _PARTICIPLES:
        return False
    if aux in lx.MODALS and after in lx.VERBS:
        return False
    return True


def _argument_wh(words: list[str], aux_at: int) -> bool:
    """A wh-phrase that stands for a noun ("what", "which school", "how much"): after a
    copula, everything up to the end is the subject ("what the issue is")."""
    if words[0] in lx.PREPOSITIONS:
        return False  # "to what extent", "in what ways" say how, not what
    return aux_at > 1 or words[0] in ("what", "which", "who", "whom", "whose")


#: Irregular past participles, which start a predicate after "has" or "have".
_PARTICIPLES = frozenset(pp for _, pp in lx.IRREGULAR.values()) | {"been", "done", "gone", "got", "gotten"}


def _with_alternative(clause: Clause | None) -> Clause | None:
    """ "Should we meet monthly, or should we meet termly?": the second choice as a statement too."""
    if clause is None:
        return None
    words = [_word(t) for t in clause.predicate]
    for index in range(len(words) - 2):
        if words[index] == "or" and (words[index + 1] in lx.AUXILIARIES or words[index + 1] in lx.NEGATIVE_AUXILIARIES):
            head = list(clause.predicate[:index])
            tail_words = [_word(t) for t in clause.predicate[index + 1 :]]
            tail = _after_auxiliary((), list(clause.predicate[index + 1 :]), tail_words, 0)
            if tail is None:
                return clause
            if head:
                head[-1] = head[-1].rstrip(",")
            return attrs.evolve(clause, predicate=tuple(head), alternative=tuple(tail.statement(positive=True)))
    return clause


def _after_auxiliary(
    wh: tuple[str, ...], texts: list[str], words: list[str], at: int, argument: bool = False
) -> Clause | None:
    raw = words[at]
    aux = lx.NEGATIVE_AUXILIARIES.get(raw, raw)
    negated = raw in lx.NEGATIVE_AUXILIARIES
    start = at + 1
    if start < len(words) and words[start] == "not":
        negated, start = True, start + 1
    copula = aux in lx.COPULAS
    if copula and argument and not (start < len(words) and words[start] in lx.PRONOUNS and words[start] != "there"):
        end = len(words)
    else:
        end = _subject_end(words, start, copula, bool(wh), aux in lx.HAVE_FORMS)
    if end < len(words) and words[end] == "not":
        negated = True
        predicate = tuple(texts[end + 1 :])
    else:
        predicate = tuple(texts[end:])
    subject = tuple(texts[start:end])
    if not subject:
        return None
    return Clause(wh, aux, negated, subject, predicate)
