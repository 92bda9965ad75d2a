"""Rules a rewrite must pass to read as grammatical English (used over the whole labelled set).

They catch the faults the old rewrites had: "What tells us who make should the
decision?" (an auxiliary after its verb), "why that happen did?" (an auxiliary at the
end), "Why does it does ..." (doubled words), a lower-case "i", a missing "?".
"""

from __future__ import annotations

import re

AUXILIARIES = "do|does|did|is|are|was|were|am|can|could|will|would|should|shall|may|might|must|have|has|had"
PRONOUNS = "i|you|we|they|he|she|it|there"
_WORD = re.compile(r"[A-Za-z']+")
# A do-form left after its inverted subject inside an embedded clause: "... whether do we",
# "... matter what did you see" (the question's own opening inversion is fine).
_LEFT_DO = re.compile(rf"\b(?:whether|if|what|who|where|when|why|how|which)\s+(?:\w+\s+)?(?:do|does|did|have|has|can|will|would|are|is)\s+(?:{PRONOUNS})\s+\w+", re.I)
# An auxiliary straight after a subject pronoun and before another auxiliary: "who make should".
_DOUBLE_AUX = re.compile(rf"\b(?:{PRONOUNS})\s+(?:{AUXILIARIES})\s+(?:{AUXILIARIES})\s+(?:{PRONOUNS})\b", re.I)
# An auxiliary at the very end straight after a verb: "why that happen did?", "how long it
# been falling has?", "which school host the next meeting should?". A copula may end an
# embedded clause after a noun in -ing ("how reliable our evidence of pupil learning is").
_BASE_VERBS = "happen|go|work|change|make|take|decide|help|start|stop|feel|look|matter|need|host|share|meet"
_AUX_AT_END = re.compile(
    rf"\b(?!to\b)(?:\w+(?:ed|ing|en)\s+(?:do|does|did|can|could|will|would|should|shall|may|might|must|have|has|had)"
    rf"|(?:{_BASE_VERBS})\s+(?:{AUXILIARIES}))\s*\?$",
    re.I,
)


# A verb straight before an auxiliary and its object: "who make should the decision".
_VERB_THEN_AUX = re.compile(
    rf"\b(?:{_BASE_VERBS}|\w+ed)\s+(?:should|could|would|can|will|did|does|do|must|might)\s+(?:the|a|an|our|your|their|this|that)\b",
    re.I,
)


def problems(text: str) -> list[str]:
    """What is wrong with ``text`` as a rewritten question (empty when nothing is)."""
    found = []
    if not text.rstrip().endswith("?"):
        found.append("does not end with '?'")
    if re.search(r"(?<![\w'])i(?![\w'])", text):
        found.append("lower-case 'i'")
    words = [w.lower() for w in _WORD.findall(text)]
    for first, second in zip(words, words[1:]):
        if first == second and first not in ("that", "had", "is"):
            found.append(f"doubled word {first!r}")
    # Only inside the question: the first clause of each comma-separated part may invert.
    for part in re.split(r"[,:;\u2013\u2014]|\s-\s", text):
        body = part.strip()
        opening = re.match(r"(?:\w+\s+){0,2}?(?:what|who|where|when|why|how|which|whether)\b", body, re.I)
        rest = body[opening.end():] if opening else body
        if _LEFT_DO.search(rest):
            found.append("an auxiliary left before its subject inside the question")
    if _DOUBLE_AUX.search(text):
        found.append("two auxiliaries in a row")
    if _VERB_THEN_AUX.search(text):
        found.append("a verb before its auxiliary")
    if _AUX_AT_END.search(text):
        found.append("an auxiliary at the end")
    if not text[:1].isupper():
        found.append("does not start with a capital")
    return found
