"""What participants read carries no instructions meant for the facilitator or for facilitate.

Every participant document of every bundled agenda (the handout, the self-assessment,
ladder and curve sheets, the reflection cards), a sheet for every bundled item no agenda
uses, and every word printed on the bundled card decks, are scanned for the marks of text
written for the tool rather than the room: backticks, file names, facilitate commands and
the ids of library items. Facilitator notes live in segment ``notes`` (run-sheet and
speaker notes) and in YAML comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
import pytest

from facilitate.layout import worksheets
from facilitate.layout.document import Document, participant_handout
from facilitate.loaders import library
from facilitate.loaders.content import load_object
from facilitate.model import CardDeck, Segment, Session, SessionPack

ENTRIES = library.entries()
ITEM_IDS = sorted({entry.id for entry in ENTRIES if "-" in entry.id}, key=len, reverse=True)
COMMANDS = r"facilitate (?:build|build-cluster|cards|copy|list|new|preview|schema|show|validate|ladder)\b"
FILE_NAME = r"\b[\w-]+\.(?:ya?ml|pdf|pptx|html?|md|csv|json|xlsx)\b"


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.eq:  # not where a block came from (its model object), which is not printed
                yield from _strings(getattr(value, field.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _strings(item)


def tool_talk(text: str) -> list[str]:
    """The marks of text meant for facilitate or its user, found in ``text``."""
    found = []
    if "`" in text:
        found.append("a backtick")
    found += [f"the file name {m!r}" for m in re.findall(FILE_NAME, text)]
    found += [f"the command {m!r}" for m in re.findall(COMMANDS, text)]
    found += [f"the item id {item!r}" for item in ITEM_IDS if re.search(rf"(?<![\w-]){re.escape(item)}(?![\w-])", text)]
    return found


def _participant_documents(pack: SessionPack) -> Iterator[Document]:
    yield participant_handout(pack)
    for rubric in pack.rubrics:
        yield worksheets.assessment(pack, rubric)
    for ladder in pack.ladders:
        yield worksheets.ladder_poster(pack, ladder)
        yield worksheets.ladder_worksheet(pack, ladder)
    for curve in pack.curves:
        yield worksheets.curve_worksheet(pack, curve)
    if pack.reflections:
        yield worksheets.reflection_cards(pack)


def _every_pack() -> Iterator[tuple[str, SessionPack]]:
    packs = [(entry.id, library.load(entry.id)) for entry in ENTRIES if entry.kind == "session"]
    yield from packs
    # Items no agenda uses (a rubric kept for a later session) still reach a room one day.
    used = {(kind, item.id) for _, pack in packs for kind in ("rubrics", "ladders", "curves", "reflections") for item in getattr(pack, kind)}
    later = Session("A later session", [Segment("talk", "Talk", 30, kind="discussion")])
    for entry in ENTRIES:
        kind = {"rubric": "rubrics", "ladder": "ladders", "curve": "curves", "reflection": "reflections"}.get(entry.kind)
        if kind and (kind, entry.id) not in used:
            yield entry.id, SessionPack(later, **{kind: (load_object(entry.path),)})


PACKS = list(_every_pack())


def test_the_scan_finds_what_it_looks_for():
    text = "Add the room's ratings as `responses` (facilitate copy five-insights-rubric) to rubric.yaml."
    assert tool_talk(text) == [
        "a backtick",
        "the file name 'rubric.yaml'",
        "the command 'facilitate copy'",
        "the item id 'five-insights-rubric'",
    ]
    assert tool_talk("Let's imagine a strong middle tier; five insights from England.") == []


@pytest.mark.parametrize(("name", "pack"), PACKS, ids=[name for name, _ in PACKS])
def test_participant_documents_carry_no_instructions_for_facilitate(name, pack):
    problems = []
    for document in _participant_documents(pack):
        assert document.audience == "participant"
        for text in _strings(document):
            problems += [f"{document.title}: {mark} in {text[:60]!r}" for mark in tool_talk(text)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.kind == "deck"], ids=lambda e: e.id)
def test_card_decks_carry_no_instructions_for_facilitate(entry):
    deck = load_object(entry.path, expected_kind="deck")
    assert isinstance(deck, CardDeck)
    printed = [deck.title, deck.description, deck.source, deck.back.title, *deck.instructions]
    printed += [text for card in deck.cards for text in (card.title, card.prompt, card.detail, card.category)]
    problems = [f"{mark} in {text[:60]!r}" for text in printed for mark in tool_talk(text)]
    assert not problems, "\n".join(problems)
