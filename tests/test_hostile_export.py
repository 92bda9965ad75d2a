"""Any Unicode a user can type exports without a crash: the documented overflow error is the only refusal."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import facilitate
from facilitate.layout import fonts
from facilitate.exporters.pptx import DeckOptions
from facilitate.errors import ExportError, TextOverflowError
from facilitate.model import SessionPack
from tests.conftest import small_deck, small_pack, small_session
from tests.strategies import decks

FORMATS = ("pptx", "cards", "handouts", "html", "markdown", "live")

AWKWARD = {
    "control characters": "Bell\x07 and\x0b vertical tab\x1b escape",
    "right-to-left": "شراكة المدارس — ‏שותפות‏ in the middle of English",
    "combining marks": "Cafe\u0301 Zo\u0308e n\u0303 a\u0323\u0302",
    "a very long word": "Partnership" * 30,
    "zero-width and bidi controls": "a\u200bb\u200dc\u202ed\u2066e\u2069",
}


def pack_with(text: str) -> SessionPack:
    session = small_session()
    segments = list(session.segments)
    segments[1] = attrs.evolve(segments[1], title=text[:80], bullets=(text,), prompts=(text,), notes=text)
    deck = small_deck(3)
    deck = attrs.evolve(deck, cards=(attrs.evolve(deck.cards[0], prompt=text, detail=text[:60]),) + deck.cards[1:])
    return small_pack(session=attrs.evolve(session, segments=tuple(segments), purpose=text), decks=(deck,))


@pytest.mark.parametrize("name", sorted(AWKWARD))
def test_awkward_unicode_exports_in_every_format(name, tmp_path):
    written = facilitate.build(pack_with(AWKWARD[name]), tmp_path / "out", FORMATS)
    assert {p.name for p in written} >= {"deck.pptx", "cards.pdf", "handout.pdf", "session.html"}


def test_a_5000_character_prompt_is_a_clear_error_naming_the_card(tmp_path):
    text = ("We imagine a partnership where every school shares what works. " * 80)[:5000]
    deck = small_deck(2)
    deck = attrs.evolve(deck, cards=(attrs.evolve(deck.cards[0], prompt=text),) + deck.cards[1:])
    with pytest.raises(TextOverflowError) as error:
        facilitate.build(small_pack(decks=(deck,)), tmp_path / "out", ["cards"])
    assert "c1" in str(error.value) or "Card 1" in str(error.value)
    assert not (tmp_path / "out" / "cards.pdf").exists()


def test_a_5000_character_bullet_is_a_clear_error_naming_the_slide(tmp_path):
    text = ("Partners agree the one tough issue and track its curve together. " * 80)[:5000]
    with pytest.raises(TextOverflowError, match=r"^segment '[a-z0-9-]+': (bullets|prompts)\[0\]: too long for slide \d+ at 18 pt"):
        facilitate.build(pack_with(text), tmp_path / "out", ["pptx"])
    assert not (tmp_path / "out" / "deck.pptx").exists()


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture], max_examples=25)
@given(deck=decks(max_cards=4))
def test_every_generated_deck_exports_to_pdf_and_pptx(deck, tmp_path_factory):
    """Short text of any script: the build succeeds exactly when the bundled font has every character."""
    out = tmp_path_factory.mktemp("deck")
    pack = small_pack(decks=(attrs.evolve(deck, id="imagine"),))
    bold = [deck.title, deck.back.title, *(c.title for c in deck.cards), *(c.category for c in deck.cards)]
    regular = [deck.title, deck.description, *deck.instructions, *(t for c in deck.cards for t in (c.prompt, c.detail))]
    lacking = fonts.metrics("bold").missing(fonts.printable("".join(bold))) + fonts.metrics("regular").missing(
        fonts.printable("".join(regular))
    )
    if lacking:
        with pytest.raises(ExportError, match=r"U\+"):
            facilitate.build(pack, out, ["cards", "pptx"], facilitate.BuildOptions(DeckOptions(cards_as_slides=True)))
    else:
        written = facilitate.build(pack, out, ["cards", "pptx"], facilitate.BuildOptions(DeckOptions(cards_as_slides=True)))
        assert {path.name for path in written} == {"cards.pdf", "deck.pptx"}