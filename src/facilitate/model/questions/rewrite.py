"""Stronger versions of a question: the same topic, asked from a higher rung.

The question is taken apart (``parse.py``) and put back inside frames a facilitator
would use: "What tells us whether ...?", "Why does it matter how ...?", "Imagine ...:
what would be different?". Every rewrite is classified again and kept only if it
lands higher than the question itself, so a rewrite is never a step down.
"""

from __future__ import annotations

import attrs

from facilitate.model.questions.classify import Classification, classify
from facilitate.model.questions.english import Token, read, tokenize
from facilitate.model.questions.ladder import ROLES, STANDARD_RUNGS, Rung
from facilitate.model.questions.languages import NAMES
from facilitate.model.questions.parse import Clause, parse
from facilitate.model.questions.text import sentences, straighten

#: Frames per role: {e} is an embedded question ("whether we met our goals", "who
#: decides"), {s} a statement ("we met our goals"), {o} what an instruction is about.
_FRAMES: dict[str, tuple[str, ...]] = {
    "facts": ("Who is best placed to tell us {e}?", "Where do we see signs that {s}?"),
    "open": ("What tells us {e}?", "What evidence do we have about {e}?"),
    "process": ("How might we find out {e}?", "How could we tell {e}?"),
    "purpose": ("Why does it matter {e}?", "Why is it important to us {e}?"),
    "possibility": ("What would change if we knew {e}?", "What might we do differently if we understood {e}?"),
}
#: For a yes/no question the statement itself can be imagined.
_IMAGINE = "Imagine {s}: what would be different?"
_INSTRUCTION_FRAMES: dict[str, tuple[str, ...]] = {
    "process": ("How would you describe {o}?", "How did {o} come about?"),
    "purpose": ("Why does {o} matter to you?", "Why is {o} important to us?"),
    "possibility": ("What would change if we learned from {o}?", "What might be possible if we built on {o}?"),
}


_FILLER_WORDS = frozenset({"so", "and", "but", "then", "ok", "okay", "well", "now", "right", "also", "honestly", ""})


@attrs.frozen
class Suggestions:
    """Rewrites of a question on higher rungs, or why there are none."""

    question: Classification
    rewrites: tuple[str, ...]
    #: Why there are no rewrites ("" when there are some).
    reason: str = ""


def strengthen(
    question: str, rungs: tuple[Rung, ...] = STANDARD_RUNGS, *, language: str | None = None
) -> tuple[str, ...]:
    """Rewrites of ``question`` on higher rungs, lowest first, keeping its topic and words.

    "Is our partnership working?" gives "Who is best placed to tell us whether our
    partnership is working?", "What tells us whether our partnership is working?",
    "How might we find out whether our partnership is working?", "Why does it matter
    whether our partnership is working?" and "Imagine our partnership is working: what
    would be different?". See :func:`suggest` for the reason when there are none.
    """
    return suggest(question, rungs, language=language).rewrites


def suggest(question: str, rungs: tuple[Rung, ...] = STANDARD_RUNGS, *, language: str | None = None) -> Suggestions:
    """Like :func:`strengthen`, with the question's classification and, when there are
    no rewrites, the reason (top rung, not a question, a language without rewrites)."""
    current = classify(question, rungs, language=language)
    if current.rung is None:
        return Suggestions(current, (), current.cautions[0] if current.cautions else "not a question")
    if current.level == len(rungs):
        return Suggestions(current, (), "already on the top rung")
    if current.language != "en":
        name = NAMES.get(current.language, current.language)
        return Suggestions(current, (), f"rewrites in {name} are not available yet: try the question words of a higher rung")
    # A prompt of several questions: its weakest question is rewritten, and a rewrite
    # must still climb above the prompt's own (highest) rung.
    target = min(current.parts, key=lambda part: part.level) if current.parts else current
    candidates = _candidates(target.question, current.role or "closed", rungs)
    kept: list[tuple[int, str]] = []
    # One rewrite per higher rung; the spare frames only make up a minimum of two.
    for text, spare in candidates:
        if any(text == seen for _, seen in kept) or (spare and len(kept) >= 2):
            continue
        level = classify(text, rungs, language="en").level
        if level > current.level:
            kept.append((level, text))
    rewrites = tuple(text for _, text in sorted(kept, key=lambda item: item[0]))
    if not rewrites:
        return Suggestions(current, (), "no rewrite keeps this question's words: try the question words of a higher rung")
    return Suggestions(current, rewrites)


def _roles_above(role: str, rungs: tuple[Rung, ...]) -> list[str]:
    order = ROLES.index(role)
    present = [rung.kind for rung in rungs if rung.kind is not None]
    return [r for r in ROLES[order + 1 :] if r in present]


def _candidates(question: str, role: str, rungs: tuple[Rung, ...]) -> list[tuple[str, bool]]:
    text = straighten(question.strip())
    parts = sentences(text)
    sentence = next((s for s in parts if s.endswith("?")), parts[0] if parts else text)
    tokens = tokenize(sentence)
    reading = read(tokens)
    lead = " ".join(t.text for t in reading.lead)
    if all(t.word in _FILLER_WORDS for t in reading.lead):
        lead = ""  # "So what's ...": a filler is no frame worth keeping
    roles = _roles_above(role, rungs)
    if not roles:
        return []
    # Two frames per role: the first of each, then the second ones, so that a ladder
    # with one higher rung still gets two rewrites.
    out: list[tuple[str, bool]] = []
    if reading.form == "instruction":
        about = _instruction_object(tokens, reading.start)
        if not about:
            return []
        clause = parse(tokenize(about), 0) if about.split()[0].lower() in ("how", "why", "what", "who", "where", "when", "which") else None
        if clause is None:
            for round_ in (0, 1):
                for target in roles:
                    frames = _INSTRUCTION_FRAMES.get(target)
                    if frames:
                        out.append((_finish(lead, frames[round_].format(o=about)), bool(round_)))
            return out
        return _from_clause(clause, roles, lead)
    clause = parse(tokens, reading.start)
    if clause is None:
        return []
    return _from_clause(clause, roles, lead, reading.alternative)


def _from_clause(clause: Clause, roles: list[str], lead: str, alternative: bool = False) -> list[tuple[str, bool]]:
    closed = not clause.wh
    statement = " ".join(_proposition(clause)) if closed else ""
    embedded = f"whether {statement}" if closed else " ".join(clause.embedded())
    out: list[tuple[str, bool]] = []
    for round_ in (0, 1):
        for target in roles:
            if closed and target == "possibility" and not (alternative or clause.alternative):
                frame = _IMAGINE if round_ == 0 else _FRAMES["possibility"][0]
            else:
                frame = _FRAMES[target][round_]
            if "{s}" in frame and not statement:
                continue
            out.append((_finish(lead, frame.format(e=embedded, s=statement)), bool(round_)))
    return out


def _proposition(clause: Clause) -> list[str]:
    """What a yes/no question proposes; a leading "Don't you think X?" proposes X."""
    if clause.negated and [w.lower() for w in clause.subject] == ["you"] and clause.predicate:
        verb = clause.predicate[0].lower()
        if verb in ("think", "agree", "feel", "believe"):
            rest = list(clause.predicate[1:])
            if rest and rest[0].lower() == "that":
                rest = rest[1:]
            if len(rest) >= 2:
                return rest
    return clause.statement(positive=True)


def _instruction_object(tokens: list[Token], start: int) -> str:
    """What an instruction is about: "Tell me about a time when ..." -> "a time when ..."."""
    index = start + 1
    if index < len(tokens) and tokens[start].word == "please":
        index += 1
    while index < len(tokens) and tokens[index].word in ("me", "us", "about", "more", "them", "of", "on"):
        index += 1
    texts = [t.text for t in tokens[index:]]
    if texts:
        texts[-1] = texts[-1].rstrip("?.!")
    return " ".join(texts).strip()


def _finish(lead: str, text: str) -> str:
    text = " ".join(text.split())
    if lead:
        lead = lead.rstrip()
        if not lead.endswith((",", ":", ";", "-", "\u2013", "\u2014")):
            lead += ","
        return f"{lead} {text[0].lower()}{text[1:]}"
    return text[0].upper() + text[1:]
