"""The other two dimensions of a powerful question: its scope and its assumptions.

"The Art of Powerful Questions" judges a question by its construction (the ladder),
its scope and the assumptions built into it. These checks look for the common
signs, in English, and say briefly what they found; they stay quiet when unsure
("you just told me" is not a loaded "just").
"""

from __future__ import annotations

import re

_BROAD = re.compile(
    r"\b(the world|the universe|humanity|mankind|society|everything|anything at all|life in general|in general|"
    r"the future of (?:the world|humanity|everything|education|work)|all of (?:us|humanity)|forever|the meaning of life)\b"
)
_NARROW_TIME = re.compile(
    r"\b(today|tomorrow|yesterday|tonight|this (?:morning|afternoon|evening)|at \d{1,2}(?::\d\d)?\s*(?:am|pm)?|"
    r"\d{1,2}(?::\d\d)\s*(?:am|pm)?|o'clock|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
)
_FAILURE = re.compile(
    r"\b(fail(?:s|ed|ing|ure|ures)?|fault|faults|blame[ds]?|to blame|mistakes?|wrong|broken|problem with|"
    r"incompetent|useless|lazy|stupid|waste of time)\b"
)
_BLAME_WHY = re.compile(
    r"\bwhy\s+(?:didn't|don't|doesn't|haven't|hasn't|won't|can't|couldn't|wouldn't|isn't|aren't|wasn't|weren't|"
    r"did you not|do you not|have you not|(?:did|do|have|has|would|will|can|could) (?:you|they|he|she|we) (?:not|never))\b"
)
_STILL = re.compile(
    r"\b(?:(?:we|you|they|he|she|i|it|people|staff|teachers|schools|students|children|parents|partners|team)\s+still|"
    r"(?:are|is|do|does|did|have|has|were|was)\s+(?:we|you|they|he|she|i|it)\s+still|still\s+(?:not|no|haven't|hasn't|"
    r"don't|doesn't|can't|won't|isn't|aren't|didn't))\b"
)
_JUST = re.compile(
    r"\b(?:(?:why\s+(?:not|don't|doesn't|can't|won't)(?:\s+(?:we|you|they|he|she|i))?)|(?:can|could|should|would|will|"
    r"won't|can't|couldn't|shouldn't|don't|doesn't)\s+(?:we|you|they|he|she|i|it|people|everyone)|"
    r"(?:isn't|wasn't|is|was)\s+(?:it|this|that))\s+just\b"
)
_LOADED = re.compile(r"\b(always|never|obviously|surely|clearly|of course|everyone knows|simply|undeniably)\b")
_LEADING = re.compile(
    r"^(?:don't|doesn't|didn't|isn't|aren't|wasn't|weren't|wouldn't|shouldn't|couldn't|can't|won't|haven't|hasn't)\b"
    r"|\b(?:don't you (?:think|agree|feel|believe)|wouldn't you (?:say|agree)|isn't it (?:true|obvious|clear)|"
    r"right\?$|isn't that so)"
)


def scope(text: str, role: str | None, word_count: int) -> tuple[str, str] | None:
    """("too broad" or "too narrow", why), or None when the scope looks workable."""
    lower = text.lower()
    found = _BROAD.search(lower)
    if found:
        return ("too broad", f"'{found.group(0)}' is wider than one group can work on: name whose situation and which part of it")
    if role in ("closed", "facts"):
        when = _NARROW_TIME.search(lower)
        if when:
            return ("too narrow", f"'{when.group(0)}' pins it to one moment: widen it to the pattern behind it")
        if word_count <= 3:
            return ("too narrow", "a few words leave little room: say whose situation and what matters")
    return None


def assumptions(text: str) -> tuple[str, ...]:
    """Short explanations of the assumptions the question builds in."""
    lower = text.lower().replace("\u2019", "'")
    found: list[str] = []
    if _BLAME_WHY.search(lower):
        found.append("it presupposes a failure and puts people on the defensive ('why didn't ...'): ask what got in the way")
    elif (failure := _FAILURE.search(lower)) is not None:
        found.append(f"'{failure.group(0)}' presupposes failure or fault: ask what happened, and what would help")
    if _STILL.search(lower):
        found.append("'still' assumes it should have changed by now: ask what has and has not changed")
    if _JUST.search(lower):
        found.append("'just' assumes the answer is easy: ask what makes it hard")
    loaded = _LOADED.search(lower)
    if loaded:
        found.append(f"'{loaded.group(0)}' is a loaded word that steers the answer")
    if _LEADING.search(lower.strip()):
        found.append("it leads: the question suggests its own answer")
    return tuple(found)
