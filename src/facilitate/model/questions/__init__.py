"""The powerful-question ladder: rungs, classification and stronger rewrites.

One job per module:

- ``ladder``: ``Rung`` (with its role), ``STANDARD_RUNGS``, ``QuestionLadder``;
- ``languages``: Welsh, French and Spanish question words, and ``detect_language``;
- ``text``, ``english``, ``parse``: reading a question and taking its clause apart;
- ``classify``: ``classify()`` and ``Classification``;
- ``checks``: the scope and assumptions checks;
- ``rewrite``: ``strengthen()`` and ``suggest()``.
"""

from __future__ import annotations

from facilitate.model.questions.classify import VERDICTS, Classification, Note, classify
from facilitate.model.questions.ladder import (
    ROLE_MEANINGS,
    ROLES,
    STANDARD_RUNGS,
    QuestionLadder,
    Rung,
    RungExamples,
)
from facilitate.model.questions.languages import SUPPORTED, detect_language
from facilitate.model.questions.rewrite import Suggestions, strengthen, suggest

__all__ = [
    "ROLES", "ROLE_MEANINGS", "STANDARD_RUNGS", "SUPPORTED", "VERDICTS", "Classification", "Note",
    "QuestionLadder", "Rung", "RungExamples", "Suggestions", "classify", "detect_language", "strengthen", "suggest",
]
