"""What every PDF says about itself: title, author, subject, keywords and language.

One place decides them for the card sheets and every document, so all of facilitate's PDFs
describe themselves alike: the title a viewer shows in its title bar, the organisation
running the session as the author (never "anonymous"), and the language screen readers
read the text in.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from facilitate.labels import ENGLISH, Labels
from facilitate.model.cards import CardDeck
from facilitate.model.session import Session
from facilitate.model.theme import Theme


@attrs.frozen
class DocumentProperties:
    """A document's title, author, subject, keywords and language (a BCP 47 tag such as "en")."""

    title: str
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    language: str = "en"


def session_language(session: Session | None) -> str:
    """The language a session's documents are written in, as a BCP 47 tag (English without a session)."""
    return session.language if session is not None else "en"


def organiser(theme: Theme, session: Session | None) -> str:
    """Who runs the session: the theme's organisation, else the session's hosts ("" if neither is known)."""
    if theme.organisation:
        return theme.organisation
    return ", ".join(session.hosts) if session is not None else ""


def _keywords(*groups: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(word for group in groups for word in group if word))


def kind_words(kind: str, labels: Labels) -> str:
    """What kind of document a PDF is, in words for its keywords: "run-sheet"."""
    _ = labels.gettext
    return {
        "run-sheet": _("run-sheet"),
        "handout": _("handout"),
        "worksheet": _("worksheet"),
        "assessment": _("self-assessment"),
        "ladder": _("question ladder"),
        "reflection": _("reflection cards"),
    }.get(kind, kind)


def cards_properties(decks: Sequence[CardDeck], theme: Theme, session: Session | None = None,
                     labels: Labels | None = None) -> DocumentProperties:
    """The card sheets' properties: the decks' titles, and what they are for."""
    labels = labels or (Labels(session.language, session.clock) if session is not None else ENGLISH)
    _ = labels.gettext
    titles = [deck.title for deck in decks]
    joined = ", ".join(titles)
    title = _("{decks} – cards").format(decks=joined) if len(titles) == 1 else _("{decks} – card decks").format(decks=joined)
    subject = (_("Printable discussion cards for {session}").format(session=session.title) if session is not None
               else _("Printable discussion cards"))
    keywords = _keywords((_("cards"), _("workshop")), titles, [tag for deck in decks for tag in deck.tags])
    return DocumentProperties(title, organiser(theme, session), subject, keywords, labels.language)


def document_properties(title: str, subtitle: str, kind: str, theme: Theme, session: Session | None = None,
                        labels: Labels | None = None) -> DocumentProperties:
    """A document's properties: its title, the line under it as the subject, its kind and session as keywords."""
    labels = labels or (Labels(session.language, session.clock) if session is not None else ENGLISH)
    kind = kind_words(kind, labels)
    keywords = _keywords((kind, labels.gettext("workshop")), (session.title,) if session is not None else ())
    return DocumentProperties(title, organiser(theme, session), subtitle or kind, keywords, labels.language)
