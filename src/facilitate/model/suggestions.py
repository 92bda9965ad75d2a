"""What to do next after a self-assessment: library items tagged for the dimensions that need it.

Methods, card decks and segments carry ``tags`` naming the rubric dimensions (by id) they
help with, and needs such as ``differing-views``. :func:`suggest` proposes a few of them
for the weakest dimension and for the dimension where the room's views differ most.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from facilitate.model.maturity import DimensionScore, SelfAssessment

#: Tags for what a group needs, beside rubric dimension ids: tag → what it means.
NEEDS: dict[str, str] = {
    "differing-views": "surfacing views that differ, and working with them",
    "everyone-heard": "giving every person a voice",
    "ideas": "generating ideas",
    "decisions": "deciding, or checking how much agreement there is",
    "priorities": "choosing what matters most",
    "root-causes": "finding the causes of a problem",
    "risks": "spotting what could go wrong",
    "reflection": "looking back and learning from it",
    "sense-making": "making sense of an experience or data together",
    "sharing-practice": "sharing practice and expertise",
    "action-planning": "turning talk into actions",
    "peer-support": "getting help from peers",
    "strengths": "building on what already works",
    "energy": "connecting people and lifting the energy",
    "getting-started": "opening a meeting",
    "closing": "closing a meeting",
}
#: The tag of items that help a group work with views that differ.
DIFFERING_VIEWS = "differing-views"
WEAKEST = "weakest"
MOST_DIVIDED = "views differ most"
#: Which kinds of item come first when they help equally: a method, then a deck, then a segment.
KIND_ORDER = ("method", "deck", "segment")


@attrs.frozen
class Tagged:
    """An item of the library that could be suggested: what it is, and the tags it carries."""

    #: "method", "deck" or "segment".
    kind: str
    #: How to find it: a method's or deck's id, or "agenda-id/segment-id".
    id: str
    title: str
    tags: tuple[str, ...] = ()


#: How each kind of item is named beside its title.
KIND_WORDS = {"method": "a method", "deck": "a card deck", "segment": "a session segment"}


def describe(item: Tagged) -> str:
    """An item as a suggestion names it: "World Café (a method)"."""
    return f"{item.title} ({KIND_WORDS.get(item.kind, item.kind)})"


@attrs.frozen
class Suggestion:
    """Items proposed for one dimension, and why that dimension."""

    score: DimensionScore
    #: "weakest", "views differ most", or both joined by " and ".
    reason: str
    items: tuple[Tagged, ...]


def _ranked(items: Iterable[Tagged], dimension: str, divided: bool) -> list[Tagged]:
    helping = [item for item in items if dimension in item.tags]

    def key(item: Tagged) -> tuple[int, int, int, str]:
        # Items that also help with differing views come first where views differ; then the
        # kind; then the more specific item (fewer tags) before the one that claims a lot.
        return (
            0 if divided and DIFFERING_VIEWS in item.tags else 1,
            KIND_ORDER.index(item.kind) if item.kind in KIND_ORDER else len(KIND_ORDER),
            len(item.tags),
            item.id,
        )

    return sorted(dict.fromkeys(helping), key=key)


def suggest(assessment: SelfAssessment, library: Iterable[Tagged], count: int = 3) -> list[Suggestion]:
    """Up to ``count`` items for the weakest dimension and for the one where views differ most.

    The weakest dimension has the lowest mean level; views differ most where the spread
    (standard deviation) of the ratings is widest, and only if it is above zero. When both
    are the same dimension there is one suggestion, with both reasons. A dimension nothing
    in the library is tagged for gets a suggestion with no items, so the caller can say so.
    """
    scores = assessment.scores
    if not scores:
        return []
    items = tuple(library)
    weakest = min(scores, key=lambda score: score.mean)
    divided = max(scores, key=lambda score: score.spread)
    wanted: list[tuple[DimensionScore, str, bool]] = []
    if divided.spread > 0 and divided.dimension.id == weakest.dimension.id:
        wanted.append((weakest, f"{WEAKEST} and {MOST_DIVIDED}", True))
    else:
        wanted.append((weakest, WEAKEST, False))
        if divided.spread > 0:
            wanted.append((divided, MOST_DIVIDED, True))
    return [
        Suggestion(score, reason, tuple(_ranked(items, score.dimension.id, split)[:count]))
        for score, reason, split in wanted
    ]
