"""Placing a question on the ladder: by its construction, then its scope and assumptions."""

from __future__ import annotations

import re

import attrs

from facilitate.errors import ModelError
from facilitate.model.questions import checks
from facilitate.model.questions.english import Reading, read, tokenize
from facilitate.model.questions.ladder import ROLE_MEANINGS, STANDARD_RUNGS, Rung, rung_for_role
from facilitate.model.questions.languages import FOREIGN, NAMES, OTHER, SUPPORTED, Language, detect_language
from facilitate.model.questions.text import sentences, split_elisions, straighten, unquote, words

#: What a classification can say about the text as a whole.
VERDICTS = ("question", "instruction", "several-questions", "not-a-question", "language-not-supported")
_POSSIBILITY_WORDS = re.compile(r"\b(might|could)\b")
_WHY_PERSONAL = re.compile(r"^why\b.*\b(you|your|they|their|he|she)\b")


@attrs.frozen
class Note:
    """A remark about a question: its construction, form, scope or assumptions."""

    #: construction, form, scope or assumption
    kind: str
    text: str


@attrs.frozen
class Classification:
    """Where a question sits on the ladder, how strong it is, and remarks about it."""

    question: str
    #: The rung, or None when the text is not a question or its language is not supported.
    rung: Rung | None
    #: The rung's place on the ladder (1 = lowest), 0 when there is no rung.
    level: int
    #: The level, plus 0.5 when an open question invites possibility ("might", "could").
    score: float
    #: The kind of question (closed, facts, open, process, purpose, possibility) or None.
    role: str | None
    #: question, instruction, several-questions, not-a-question or language-not-supported.
    verdict: str
    #: en, cy, fr, es, or "other".
    language: str
    notes: tuple[Note, ...] = ()
    #: For a prompt of several questions: each question's own classification.
    parts: tuple[Classification, ...] = ()

    @property
    def cautions(self) -> tuple[str, ...]:
        """Every note's text: what to watch in this question."""
        return tuple(note.text for note in self.notes)

    @property
    def scope(self) -> str | None:
        """ "too broad", "too narrow", or None."""
        return next((n.text.split(":")[0] for n in self.notes if n.kind == "scope"), None)

    @property
    def assumptions(self) -> tuple[str, ...]:
        return tuple(n.text for n in self.notes if n.kind == "assumption")


def _no_rung(question: str, verdict: str, language: str, note: str) -> Classification:
    return Classification(question, None, 0, 0.0, None, verdict, language, (Note("form", note),))


def classify(
    question: str, rungs: tuple[Rung, ...] = STANDARD_RUNGS, *, language: str | None = None
) -> Classification:
    """Place ``question`` on the ladder ``rungs`` by how it is built.

    ``language`` is en, cy, fr or es; left out, it is detected (see
    :func:`detect_language`). A text in another language gets the verdict
    "language-not-supported" and no rung; a text with no question in it, "not-a-question".
    A prompt of several questions is classified per question (``parts``) and placed
    on the highest rung any of them reaches.
    """
    if not question or not question.strip():
        raise ModelError("a question is needed")
    if language is not None and language not in SUPPORTED:
        raise ModelError(f"{language!r} is not a supported language (use one of: {', '.join(SUPPORTED)})")
    text = straighten(question.strip())
    lang = language or detect_language(unquote(text))
    if lang == OTHER:
        return _no_rung(question.strip(), "language-not-supported", OTHER,
                        "language not supported: the ladder reads English, Welsh, French and Spanish")
    parts = _questions(text)
    if not parts:
        return _no_rung(question.strip(), "not-a-question", lang, "not a question: no question or instruction found")
    results = [_one(part, framed, rungs, lang) for part, framed in parts]
    asked = [r for r in results if r.rung is not None]
    if len(asked) <= 1:
        single = asked[0] if asked else results[0]
        return attrs.evolve(single, question=question.strip())
    best = max(asked, key=lambda r: (r.level, r.score))
    notes: tuple[Note, ...] = (
        Note("form", f"{len(asked)} questions in one prompt: each is classified; the prompt reaches its highest rung"),
    )
    notes += tuple(n for r in asked for n in r.notes if n.kind != "form" and n not in notes)
    return attrs.evolve(best, question=question.strip(), verdict="several-questions", notes=notes, parts=tuple(asked))


_FRAME = re.compile(r"^\s*(imagine|suppose|supposing|picture|pretend|dychmygwch|dychmyga|imaginez|imaginons|supposons|"
                    r"imagina|imagínate|imaginemos|supongamos)\b", re.I)


def _questions(text: str) -> list[tuple[str, bool]]:
    """The questions (or the one instruction) in a prompt, each with whether a
    possibility frame ("Imagine it is 2030.") came before it."""
    found: list[tuple[str, bool]] = []
    framed = False
    pending: list[str] = []
    for sentence in sentences(text):
        if sentence.endswith("?"):
            found.append((sentence, framed))
        else:
            pending.append(sentence)
            if _FRAME.match(sentence):
                framed = True
    if not found:
        return [(pending[0], False)] if pending else []
    return found


def _one(text: str, framed: bool, rungs: tuple[Rung, ...], lang: str) -> Classification:
    if lang == "en":
        reading = read(tokenize(text), framed)
        if reading.role is None:
            return _no_rung(text, "not-a-question", lang, "not a question: no question or instruction found")
        if reading.form == "instruction" and not text.rstrip().endswith("?") and not _instruction_like(text):
            return _no_rung(text, "not-a-question", lang, "not a question: no question or instruction found")
        return _placed(text, reading.role, reading, rungs, lang)
    role = _foreign_role(text, FOREIGN[lang], framed)
    if role is None:
        return _no_rung(text, "not-a-question", lang, "not a question: no question found")
    return _placed(text, role, None, rungs, lang)


def _instruction_like(text: str) -> bool:
    first = words(text)[:1]
    return bool(first) and first[0] in ("tell", "describe", "explain", "share", "list", "name", "identify",
                                        "think", "consider", "reflect", "recall", "remember", "talk", "imagine",
                                        "picture", "suppose", "make", "give", "discuss", "explore", "brainstorm",
                                        "write", "draw", "note", "let's", "please")


def _placed(text: str, role: str, reading: Reading | None, rungs: tuple[Rung, ...], lang: str) -> Classification:
    opening = words(text)[:1]
    rung = rung_for_role(role, rungs, opening[0] if opening else "")
    if rung is None:
        return _no_rung(text, "not-a-question", lang, f"the ladder has no rung for {ROLE_MEANINGS[role]}")
    level = rungs.index(rung) + 1
    plain = " ".join(words(text))
    score = float(level) + (0.5 if role != "closed" and _POSSIBILITY_WORDS.search(plain) else 0.0)
    notes: list[Note] = []
    verdict = "question"
    if reading is not None and reading.form == "instruction":
        verdict = "instruction"
        notes.append(Note("form", f"an instruction, read as the question it implies ({ROLE_MEANINGS[role]})"))
    if role == "closed":
        notes.append(Note("construction", "closed: it can be answered with a single yes or no"))
    if reading is not None and reading.alternative:
        notes.append(Note("construction", "a choice between alternatives: the answer is one of them"))
    if lang == "en":
        if _WHY_PERSONAL.search(plain):
            notes.append(Note("construction", "'why' can sound accusatory; 'what led to ...' or 'what makes ... matter' asks the same gently"))
        found = checks.scope(text, role, len(words(text)))
        if found:
            notes.append(Note("scope", f"{found[0]}: {found[1]}"))
        notes += [Note("assumption", f"assumption: {text}") for text in checks.assumptions(text)]
    return Classification(text, rung, level, score, role, verdict, lang, tuple(notes))


def _foreign_role(text: str, language: Language, framed: bool) -> str | None:
    """The role of a Welsh, French or Spanish question, from its question words."""
    body = text.split("¿", 1)[1] if "¿" in text else text
    lead_if = False
    if "¿" in text:
        lead = split_elisions(words(unquote(text.split("¿", 1)[0])))
        lead_if = bool(lead) and lead[0] in language.if_words and any(
            w.endswith(("ara", "iera", "ase", "iese", "aras", "ieras", "áramos", "iéramos", "aran", "ieran")) for w in lead
        )
    clauses = [split_elisions(words(unquote(part))) for part in re.split(r"[,;:]", body)]
    clauses = [c for c in clauses if c]
    if not clauses:
        return None
    tokens = [t for clause in clauses for t in clause]
    if any(tuple(tokens[: len(p)]) == p for p in language.possibility_openers) or framed:
        return "possibility"
    role: str | None = None
    for clause in clauses:
        start = 0
        while start < len(clause) and clause[start] in language.fillers:
            start += 1
        found = language.wh_at(clause, start)
        if found:
            role = found[0]
            break
    if role is None:
        for index, token in enumerate(tokens):
            if token in language.anywhere:
                found = language.wh_at(tokens, index)
                role = found[0] if found else None
                if index > 0 and tokens[index - 1] in ("por", "para") and token == "qué":
                    role = "purpose"
                break
    counterfactual = lead_if or any(
        t in language.if_words for t in tokens
    ) and any(language.conditional.match(t) for t in tokens)
    if role is None:
        if not text.rstrip().endswith("?"):
            return None
        role = "closed"
    if role not in ("purpose", "possibility") and counterfactual and any(language.conditional.match(t) for t in tokens):
        return "possibility"
    return role


def language_name(code: str) -> str:
    return NAMES.get(code, "this language")
