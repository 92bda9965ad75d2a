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
# A do-form left after its inverted subject inside an embedded clause: "whether do we", "what did you".
_LEFT_DO = re.compile(rf"\b(?:whether|if|that|what|who|where|when|why|how|which)\s+(?:do|does|did)\s+(?:{PRONOUNS})\b", re.I)
# An auxiliary straight after a subject pronoun and before another auxiliary: "who make should".
_DOUBLE_AUX = re.compile(rf"\b(?:{PRONOUNS})\s+(?:{AUXILIARIES})\s+(?:{AUXILIARIES})\s+(?:{PRONOUNS})\b", re.I)
_AUX_AT_END = re.compile(rf"\b(?:{AUXILIARIES}|don't|doesn't|didn't)\s*\?$", re.I)
# Allowed at the end: a clause that really ends with its auxiliary ("... where the practice is?").
_END_OK = re.compile(rf"\b(?:{PRONOUNS}|practice|it|this|that|they|one|problem|situation|issue|difference|answer|\w+s)\s+(?:is|are|was|were|do|did|can|could|will|would|should|have|has|had)\s*\?$", re.I)


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
    if _LEFT_DO.search(text):
        found.append("do/does/did left after an inverted subject")
    if _DOUBLE_AUX.search(text):
        found.append("two auxiliaries in a row")
    if _AUX_AT_END.search(text) and not _END_OK.search(text):
        found.append("an auxiliary at the end")
    if not text[:1].isupper():
        found.append("does not start with a capital")
    return found
