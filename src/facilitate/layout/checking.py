"""Finding every problem at once (``facilitate validate``) rather than stopping at the first.

Layout code wraps each independent item (a card, a segment's slides, a document's block)
in :func:`item`. Normally a problem raises as usual; inside :func:`collecting` it is noted
and the item skipped, so one pass over a pack finds every problem a build would meet.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from facilitate.errors import ExportError

_FOUND: ContextVar[list[ExportError] | None] = ContextVar("facilitate_problems", default=None)


@contextmanager
def collecting() -> Iterator[list[ExportError]]:
    """Inside this block, problems in items are noted in the list it gives instead of raised."""
    found: list[ExportError] = []
    token = _FOUND.set(found)
    try:
        yield found
    finally:
        _FOUND.reset(token)


@contextmanager
def item() -> Iterator[None]:
    """Around one independent item: its problem is raised, or noted when collecting."""
    try:
        yield
    except ExportError as error:
        found = _FOUND.get()
        if found is None:
            raise
        found.append(error)


def is_collecting() -> bool:
    return _FOUND.get() is not None
