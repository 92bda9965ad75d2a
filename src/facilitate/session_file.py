"""A session written as a content file (YAML) a facilitator reads and edits, with comments.

Used by ``facilitate import``: the draft session read from a deck, every text quoted so
that it reads back exactly as it was (a title such as ``yes`` or ``10:30`` stays text),
notes of several lines as a block, and a comment on each guess (``# estimated``
minutes, a picture with no alt text). Only the fields that differ from the defaults
are written, in the order of the content file reference.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from facilitate.model.picture import Picture
from facilitate.model.reflection import Quote
from facilitate.model.session import Segment, Session

_INDENT = "  "


def quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar (JSON's string syntax is YAML's too)."""
    return json.dumps(text, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _block(text: str, indent: str) -> str:
    """A multi-line text as a literal block (``|-``), or quoted when a block could not hold it exactly."""
    lines = text.split("\n")
    plain = all(line == line.rstrip() and "\t" not in line for line in lines) and lines[0][:1] not in (" ", "")
    if len(lines) == 1 or not plain or any(ord(c) < 32 and c != "\n" for c in text):
        return quoted(text)
    inner = indent + _INDENT
    return "|-\n" + "\n".join(f"{inner}{line}" if line else "" for line in lines)


def _list(key: str, items: Iterable[str], indent: str) -> list[str]:
    items = list(items)
    if not items:
        return []
    return [f"{indent}{key}:"] + [f"{indent}  - {quoted(item)}" for item in items]


def _picture(picture: Picture, indent: str, comment: str = "") -> list[str]:
    note = f"  # {comment}" if comment else ""
    return [f"{indent}image:", f"{indent}  path: {quoted(picture.path)}", f"{indent}  alt: {quoted(picture.alt)}{note}"]


def _quote(quote: Quote, indent: str) -> list[str]:
    lines = [f"{indent}text: {quoted(quote.text)}", f"{indent}author: {quoted(quote.author)}"]
    if quote.source:
        lines.append(f"{indent}source: {quoted(quote.source)}")
    if quote.image is not None:
        lines += _picture(quote.image, indent)
    return lines


def segment_lines(segment: Segment, estimated: bool, undescribed: bool) -> list[str]:
    """One segment as the lines of a list item."""
    at = _INDENT * 2
    lines = [f"  - id: {quoted(segment.id)}", f"{at}title: {quoted(segment.title)}"]
    lines.append(f"{at}minutes: {segment.minutes}" + ("  # estimated" if estimated else ""))
    lines.append(f"{at}kind: {segment.kind}")
    if segment.part:
        lines.append(f"{at}part: {quoted(segment.part)}")
    if segment.grouping != "whole-room":
        lines.append(f"{at}grouping: {segment.grouping}")
    if segment.method:
        lines.append(f"{at}method: {quoted(segment.method)}")
    if segment.description:
        lines.append(f"{at}description: {quoted(segment.description)}")
    lines += _list("bullets", segment.bullets, at)
    lines += _list("prompts", segment.prompts, at)
    if segment.image is not None:
        lines += _picture(segment.image, at, "the deck had no alt text: describe the picture" if undescribed else "")
    if segment.quote is not None:
        lines.append(f"{at}quote:")
        lines += _quote(segment.quote, at + _INDENT)
    lines += _list("materials", segment.materials, at)
    lines += _list("outputs", segment.outputs, at)
    if segment.notes.strip():
        lines.append(f"{at}notes: {_block(segment.notes.strip(), at)}")
    return lines


def session_yaml(session: Session, estimated: Iterable[str] = (), undescribed: Iterable[str] = (), header: str = "") -> str:
    """The session as the text of a content file; ``estimated`` and ``undescribed`` are segment ids and picture paths to comment."""
    guessed, blind = set(estimated), set(undescribed)
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    lines += ["kind: session", f"id: {quoted(session.id)}", f"title: {quoted(session.title)}"]
    if session.subtitle:
        lines.append(f"subtitle: {quoted(session.subtitle)}")
    if session.date is not None:
        lines.append(f"date: {session.date.isoformat()}")
    lines.append(f'starts_at: "{session.starts_at:%H:%M}"')
    if session.venue:
        lines.append(f"venue: {quoted(session.venue)}")
    lines += _list("hosts", session.hosts, "")
    lines += _list("facilitators", session.facilitators, "")
    if session.audience:
        lines.append(f"audience: {quoted(session.audience)}")
    if session.purpose:
        lines.append(f"purpose: {quoted(session.purpose)}")
    lines += _list("room_setup", session.room_setup, "")
    if session.conversation:
        lines.append("")
        lines.append("conversation:")
        for part in session.conversation:
            lines += [f"  - id: {quoted(part.id)}", f"    title: {quoted(part.title)}"]
    lines.append("")
    lines.append("segments:")
    for segment in session.segments:
        undescribed_here = segment.image is not None and segment.image.path in blind
        lines += segment_lines(segment, segment.id in guessed, undescribed_here)
    if session.quotes:
        lines.append("")
        lines.append("quotes:")
        for quote in session.quotes:
            quote_lines = _quote(quote, "    ")
            lines.append("  - " + quote_lines[0].lstrip())
            lines += quote_lines[1:]
    return "\n".join(lines) + "\n"
