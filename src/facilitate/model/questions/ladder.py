"""The ladder itself: rungs, their roles, and a topic's example questions.

The first five rungs follow "The Art of Powerful Questions" (Vogt, Brown and Isaacs,
2003); "what if", above "why", goes beyond their ladder, as the ladder in the CEP
workshop deck "The Power of Partnerships" does.

A rung's *role* says what kind of question sits on it, whatever the rung is called:
classification and rewrites work on roles, so a ladder with its own rung ids (or in
another language) gets correct levels and rewrites.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from facilitate.errors import ModelError
from facilitate.model._fields import identifier, non_empty, one_of, to_tuple, unique_ids

if TYPE_CHECKING:
    from facilitate.model.questions.classify import Classification
    from facilitate.model.questions.rewrite import Suggestions

#: The kinds of question, from the most closed to the most open.
ROLES: tuple[str, ...] = ("closed", "facts", "open", "process", "purpose", "possibility")
#: What each role asks for, in a few words (used in explanations).
ROLE_MEANINGS = {
    "closed": "a yes or a no",
    "facts": "facts, names, places, times or amounts",
    "open": "what is there: noticing, describing, choosing",
    "process": "how things work or could work",
    "purpose": "purpose and cause",
    "possibility": "possibility: a future or an alternative not yet tried",
}
#: The bundled ladder's rung ids, and the role each one plays.
STANDARD_ROLES = {
    "yes-no": "closed",
    "which-who-when-where": "facts",
    "what": "open",
    "how": "process",
    "why": "purpose",
    "what-if": "possibility",
}


@attrs.frozen
class Rung:
    """One step of a ladder: its name, its opening words and the role it plays."""

    id: str = attrs.field(validator=identifier)
    label: str = attrs.field(validator=non_empty)
    #: Opening words that put a question on this rung, lower case (shown on posters).
    stems: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    description: str = ""
    #: True for rungs beyond "The Art of Powerful Questions".
    extension: bool = False
    #: What kind of question sits here: closed, facts, open, process, purpose or
    #: possibility. Left out, it is taken from a standard rung id or from the stems.
    role: str | None = attrs.field(default=None, validator=attrs.validators.optional(one_of(ROLES)))

    @property
    def kind(self) -> str | None:
        """The rung's role: as given, else from its id, else from its first stem."""
        if self.role is not None:
            return self.role
        if self.id in STANDARD_ROLES:
            return STANDARD_ROLES[self.id]
        from facilitate.model.questions.languages import role_of_stem

        for stem in self.stems:
            role = role_of_stem(stem)
            if role is not None:
                return role
        return None


STANDARD_RUNGS: tuple[Rung, ...] = (
    Rung(
        "yes-no",
        "Yes/no",
        ("is", "are", "am", "was", "were", "do", "does", "did", "can", "could", "will",
         "would", "should", "shall", "have", "has", "had", "may", "might", "must"),
        "Closes the conversation: an answer of one word, often a judgement.",
        role="closed",
    ),
    Rung(
        "which-who-when-where",
        "Which / who / when / where",
        ("which", "who", "whom", "whose", "when", "where", "how much", "how many"),
        "Gathers facts and names: useful, but the answer is a list.",
        role="facts",
    ),
    Rung("what", "What", ("what",), "Opens up what is there: noticing, describing, choosing.", role="open"),
    Rung("how", "How", ("how",), "Invites process and practice: how things work or could work.", role="process"),
    Rung(
        "why",
        "Why",
        ("why",),
        "Looks for purpose and cause: the deepest of the original ladder.",
        role="purpose",
    ),
    Rung(
        "what-if",
        "What if",
        ("what if", "imagine if", "suppose", "supposing"),
        "Opens possibility: a future or an alternative not yet tried.",
        extension=True,
        role="possibility",
    ),
)


def rung_for_role(role: str, rungs: tuple[Rung, ...], wh: str = "") -> Rung | None:
    """The rung of ``rungs`` that plays ``role``; failing that, the nearest lower role's.

    When several rungs share the role, the one whose stems start with ``wh`` (the
    question's opening word) wins, else the first of them.
    """
    order = ROLES.index(role)
    for candidate in reversed(ROLES[: order + 1]):
        matching = [rung for rung in rungs if rung.kind == candidate]
        if matching:
            for rung in matching:
                if wh and any(stem.split()[0] == wh for stem in rung.stems if stem):
                    return rung
            return matching[0]
    return None


@attrs.frozen
class RungExamples:
    """Questions on one rung of a topic's ladder."""

    rung: str = attrs.field(validator=identifier)
    questions: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=non_empty)


@attrs.frozen
class QuestionLadder:
    """A powerful-question ladder, with example questions for a topic at each rung."""

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    topic: str = ""
    description: str = ""
    #: What a powerful question does (the poster's preamble).
    qualities: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    rungs: tuple[Rung, ...] = attrs.field(default=STANDARD_RUNGS, converter=tuple)
    examples: tuple[RungExamples, ...] = attrs.field(factory=tuple, converter=to_tuple)
    cautions: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: The language of the ladder's questions: en, cy, fr or es. Left out, each
    #: question's language is detected from its words.
    language: str | None = None
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
        if self.language is not None:
            from facilitate.model.questions.languages import SUPPORTED

            if self.language not in SUPPORTED:
                raise ModelError(
                    f"{self.language!r} is not a supported language (use one of: {', '.join(SUPPORTED)})",
                    ("language",),
                )

    def questions_for(self, rung_id: str) -> tuple[str, ...]:
        return tuple(q for e in self.examples if e.rung == rung_id for q in e.questions)

    def example(self, rung_id: str) -> str:
        """The first example question for the rung, or "" when it has none."""
        return next(iter(self.questions_for(rung_id)), "")

    def classify(self, question: str) -> Classification:
        from facilitate.model.questions.classify import classify

        return classify(question, self.rungs, language=self.language)

    def strengthen(self, question: str) -> tuple[str, ...]:
        from facilitate.model.questions.rewrite import strengthen

        return strengthen(question, self.rungs, language=self.language)

    def suggest(self, question: str) -> Suggestions:
        from facilitate.model.questions.rewrite import suggest

        return suggest(question, self.rungs, language=self.language)
