"""The powerful-question ladder: rungs, classification and stronger rewrites.

The first five rungs follow "The Art of Powerful Questions" (Vogt, Brown and Isaacs,
2003); "what if", above "why", goes beyond their ladder, as the ladder in the CEP
workshop deck "The Power of Partnerships" does.
"""

from __future__ import annotations

import re

import attrs

from facilitate.errors import ModelError
from facilitate.model._fields import identifier, non_empty, tuple_field, unique_ids


@attrs.frozen
class Rung:
    id: str = attrs.field(validator=identifier)
    label: str = attrs.field(validator=non_empty)
    #: Opening words that put a question on this rung, lower case.
    stems: tuple[str, ...] = tuple_field()
    description: str = ""
    #: True for rungs beyond "The Art of Powerful Questions".
    extension: bool = False


STANDARD_RUNGS: tuple[Rung, ...] = (
    Rung(
        "yes-no",
        "Yes/no",
        ("is", "are", "am", "was", "were", "do", "does", "did", "can", "could", "will",
         "would", "should", "shall", "have", "has", "had", "may", "might", "must"),
        "Closes the conversation: an answer of one word, often a judgement.",
    ),
    Rung(
        "which-who-when-where",
        "Which / who / when / where",
        ("which", "who", "whom", "whose", "when", "where"),
        "Gathers facts and names: useful, but the answer is a list.",
    ),
    Rung("what", "What", ("what",), "Opens up what is there: noticing, describing, choosing."),
    Rung("how", "How", ("how",), "Invites process and practice: how things work or could work."),
    Rung(
        "why",
        "Why",
        ("why",),
        "Looks for purpose and cause: the deepest of the original ladder.",
    ),
    Rung(
        "what-if",
        "What if",
        ("what if", "imagine if", "suppose", "supposing"),
        "Opens possibility: a future or an alternative not yet tried.",
        extension=True,
    ),
)

_FILLERS = ("so", "and", "but", "then", "ok", "okay", "well", "now", "right")
_AUXILIARIES = frozenset(STANDARD_RUNGS[0].stems)
_SUBJECT_HEADS = frozenset(
    "we you they i it he she there our the this that these those their my your its his her a an".split()
)
_ACCUSATORY = re.compile(r"\bwhy\s+(didn't|don't|haven't|hasn't|won't|can't|aren't|isn't|did you|do you|have you)\b")
_LOADED = re.compile(
    r"\b(fail(ed|ing|ure)?|fault|wrong|blame|problem with|always|never|obviously|surely|just)\b"
)
_POSSIBILITY = re.compile(r"\b(might|could)\b")


@attrs.frozen
class Classification:
    """Where a question sits on the ladder, how strong it is, and cautions about it."""

    question: str
    rung: Rung
    score: float
    cautions: tuple[str, ...] = ()

    @property
    def level(self) -> int:
        return STANDARD_RUNGS.index(self.rung) + 1 if self.rung in STANDARD_RUNGS else 0


_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|\d+")


def _tokens(question: str) -> list[str]:
    """Words as written (case kept), without leading fillers like "So," or "And"."""
    tokens = _TOKEN.findall(question.replace("\u2019", "'"))
    while tokens and tokens[0].lower() in _FILLERS:
        tokens = tokens[1:]
    return tokens


def _words(question: str) -> list[str]:
    return [token.lower() for token in _tokens(question)]



def _match_rung(words: list[str], rungs: tuple[Rung, ...]) -> tuple[Rung, int] | None:
    """The highest rung whose stem opens ``words``; returns the rung and the stem's length."""
    best: tuple[Rung, int] | None = None
    for rung in rungs:
        for stem in rung.stems:
            stem_words = stem.split()
            if words[: len(stem_words)] == stem_words:
                if best is None or rungs.index(rung) > rungs.index(best[0]):
                    best = (rung, len(stem_words))
    return best


def classify(question: str, rungs: tuple[Rung, ...] = STANDARD_RUNGS) -> Classification:
    """Place ``question`` on the ladder by its opening words.

    A question that opens with a clause ("In your view, how ...") is placed by its first
    interrogative word. The score is the rung's level (1 to 6) plus 0.5 when the question
    invites possibility ("might", "could") beyond a yes/no.
    """
    if not question or not question.strip():
        raise ModelError("a question is needed")
    words = _words(question)
    match = _match_rung(words, rungs)
    if match is None:
        # Look for an interrogative later in the sentence, e.g. after "In your view,".
        for start in range(1, len(words)):
            match = _match_rung(words[start:], rungs[1:])
            if match:
                break
    if match is None:
        match = (rungs[0], 0)
    rung = match[0]
    level = rungs.index(rung) + 1
    text = " ".join(words)
    score = float(level)
    if level > 1 and _POSSIBILITY.search(text):
        score += 0.5
    cautions = []
    if level == 1:
        cautions.append("closed: it can be answered with a single yes or no")
    if rung.id == "why" or " why " in f" {text} ":
        cautions.append(
            "'why' can sound accusatory; 'what led to ...' or 'what makes ... matter' asks the same gently"
        )
    if _ACCUSATORY.search(text):
        cautions.append("it blames: 'why didn't you ...' puts people on the defensive")
    if _LOADED.search(text):
        cautions.append("it carries a hidden assumption: check words like 'fail', 'wrong', 'always'")
    if len(words) <= 3:
        cautions.append("narrow scope: say whose situation and what matters, so the question has room")
    return Classification(question.strip(), rung, score, tuple(cautions))


_PRONOUNS = frozenset("we you they i it he she there".split())
_COPULAS = frozenset("is are was were am".split())
#: Wh-words that ask about an argument (so "Why" + the rest would not parse).
_ARGUMENT_WH = frozenset("which who whom whose what".split())


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _parse(words: list[str], stem: list[str]) -> tuple[str | None, list[str], list[str]]:
    """Split what follows the stem into auxiliary, subject and the rest."""
    if not words or words[0] not in _AUXILIARIES:
        return None, [], words
    aux, tail = words[0], words[1:]
    if aux in _COPULAS and tail and tail[0].lower() not in _PRONOUNS:
        # "is our cluster working": the subject runs up to the participle, if any.
        for index, word in enumerate(tail):
            if index and word.lower().endswith(("ing", "ed")):
                return aux, tail[:index], tail[index:]
        return aux, tail, []
    if not tail:
        return aux, [], []
    if tail[0] in _PRONOUNS or tail[0] not in _SUBJECT_HEADS or len(tail) == 1:
        return aux, tail[:1], tail[1:]
    return aux, tail[:2], tail[2:]


def _indirect(stem: list[str], aux: str | None, subject: list[str], rest: list[str]) -> str:
    """The question as a reported clause: "whether our partnership is working"."""
    lead = " ".join(stem) if stem else "whether"
    if aux is None:
        return " ".join([lead] + rest)
    if aux == "do" or aux == "does":
        verb = rest[:1]
        if aux == "does" and verb:
            verb = [_third_person(verb[0])]
        return " ".join([lead] + subject + verb + rest[1:])
    return " ".join([lead] + subject + [aux] + rest)


def strengthen(question: str, rungs: tuple[Rung, ...] = STANDARD_RUNGS) -> tuple[str, ...]:
    """Rewrites of ``question`` on every higher rung, lowest first, keeping its own words.

    "Is our partnership working?" gives "Who is best placed to tell us whether our
    partnership is working?", "What tells us whether ...", "How is our partnership
    working?", "Why is our partnership working?" and "What if we looked again at
    whether our partnership is working?".
    """
    current = classify(question, rungs)
    level = rungs.index(current.rung)
    words = _words(question)
    match = _match_rung(words, rungs)
    stem_length = match[1] if match and current.rung.id != "yes-no" else 0
    tokens = _tokens(question)
    # Keep the writer's capitals (names, acronyms) except on the opening word.
    if tokens and tokens[0][1:].islower():
        tokens[0] = tokens[0].lower()
    stem = words[:stem_length]
    after = [t.lower() if t.lower() in _AUXILIARIES or t.lower() in _SUBJECT_HEADS else t
             for t in tokens[stem_length:]]
    aux, subject, rest = _parse(after, stem)
    indirect = _indirect(stem, aux, subject, rest)
    # "How/Why" + the inverted clause reads well after yes/no, when, where and how.
    inverted = " ".join([aux] + subject + rest) if aux and not (set(stem) & _ARGUMENT_WH) else None
    templates = {
        "which-who-when-where": f"who is best placed to tell us {indirect}?",
        "what": f"what tells us {indirect}?",
        "how": f"how {inverted}?" if inverted else f"how might we find out {indirect}?",
        "why": f"why {inverted}?" if inverted else f"why does it matter to us {indirect}?",
        "what-if": f"what if we looked again at {indirect}?",
    }
    out = []
    for rung in rungs[level + 1 :]:
        text = templates.get(rung.id)
        if text:
            out.append(text[0].upper() + text[1:])
    return tuple(out)


@attrs.frozen
class RungExamples:
    """Questions on one rung of a topic's ladder."""

    rung: str = attrs.field(validator=identifier)
    questions: tuple[str, ...] = tuple_field(validator=non_empty)


@attrs.frozen
class QuestionLadder:
    """A powerful-question ladder, with example questions for a topic at each rung."""

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    topic: str = ""
    description: str = ""
    #: What a powerful question does (the poster's preamble).
    qualities: tuple[str, ...] = tuple_field()
    rungs: tuple[Rung, ...] = attrs.field(default=STANDARD_RUNGS, converter=tuple)
    examples: tuple[RungExamples, ...] = tuple_field()
    cautions: tuple[str, ...] = tuple_field()
    #: Where the ladder comes from, credited on its worksheet and in the handout.
    source: str = ""

    def __attrs_post_init__(self) -> None:
        if len(self.rungs) < 2:
            raise ModelError("needs at least 2 rungs", ("rungs",))
        unique_ids(self.rungs, "rungs")
        rung_ids = [r.id for r in self.rungs]
        for index, example in enumerate(self.examples):
            if example.rung not in rung_ids:
                raise ModelError(
                    f"no rung {example.rung!r} (rungs: {', '.join(rung_ids)})",
                    ("examples", index, "rung"),
                )

    def questions_for(self, rung_id: str) -> tuple[str, ...]:
        return tuple(q for e in self.examples if e.rung == rung_id for q in e.questions)

    def classify(self, question: str) -> Classification:
        return classify(question, self.rungs)

    def strengthen(self, question: str) -> tuple[str, ...]:
        return strengthen(question, self.rungs)
