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


@pytest.mark.parametrize("name", sorted(set(AWKWARD) - {"right-to-left"}))
def test_awkward_unicode_exports_in_every_format(name, tmp_path):
    written = facilitate.build(pack_with(AWKWARD[name]), tmp_path / "out", FORMATS)
    assert {p.name for p in written} >= {"deck.pptx", "cards.pdf", "handout.pdf", "session.html"}


def test_right_to_left_text_is_refused_in_pdfs_and_marked_right_to_left_in_the_deck(tmp_path):
    """A PDF would print Hebrew and Arabic reversed: it is refused there, naming where; formats whose
    viewers order it themselves take it, and the deck marks a paragraph that starts in it as right to left."""
    import zipfile

    text = AWKWARD["right-to-left"]
    for formats in (["cards"], ["handouts"]):
        with pytest.raises(ExportError, match=r"holds right-to-left text \(Arabic, 'ش' U\+0634\), which facilitate cannot yet print"):
            facilitate.build(pack_with(text), tmp_path / "pdf", formats)
    written = facilitate.build(pack_with(text), tmp_path / "out", ["pptx", "html", "markdown", "live"])
    assert {p.name for p in written} >= {"deck.pptx", "handout.html", "session.html"}
    with zipfile.ZipFile(tmp_path / "out" / "deck.pptx") as deck:
        slides = [deck.read(name).decode() for name in deck.namelist() if name.startswith("ppt/slides/slide")]
    marked = [xml for xml in slides if 'rtl="1"' in xml]
    assert marked and all("شراكة" in xml for xml in marked)
    assert any("Welcome" in xml and 'rtl="1"' not in xml for xml in slides)


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
    with pytest.raises(TextOverflowError, match=r"slide \d+ .*too much text"):
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

# --- curves at the edges of what the model accepts: no PDF ever holds nan or inf ------------------

import re  # noqa: E402

from hypothesis import strategies as st  # noqa: E402

from facilitate.model.curve import MAX_FORECAST_PERIODS, MAX_VALUE, DataPoint, Indicator, TurnTheCurve  # noqa: E402

edge_values = st.sampled_from([0.0, MAX_VALUE, -MAX_VALUE, 1e-300, -1e-300, 5e-324, 1.0, 1e11 + 0.5]) | st.floats(-MAX_VALUE, MAX_VALUE)
_NOT_A_NUMBER = re.compile(rb"(?<![A-Za-z])-?(nan|inf)(?![A-Za-z])", re.IGNORECASE)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
          max_examples=max(15, settings.default.max_examples // 20))  # each builds PDFs and a deck: 15 in CI, 500 thorough
@given(
    values=st.lists(edge_values, min_size=1, max_size=5),
    target=st.none() | edge_values,
    periods=st.integers(0, MAX_FORECAST_PERIODS),
    direction=st.sampled_from(["less-of", "more-of"]),
)
def test_curves_at_the_limits_never_put_nan_or_inf_in_a_pdf(tmp_path_factory, values, target, periods, direction):
    import pypdf

    from facilitate.model import Segment

    curve = TurnTheCurve(
        "edge", "An issue", Indicator("Measure", "%", direction),
        tuple(DataPoint(str(2000 + i), v) for i, v in enumerate(values)),
        forecast_periods=periods, target=None if target is None else DataPoint("2040", target),
    )
    session = small_session(segments=(Segment("curve", "The curve", 30, kind="activity", curve="edge"),), conversation=())
    out = tmp_path_factory.mktemp("curve")
    written = facilitate.build(small_pack(session=session, decks=(), reflections=(), curves=(curve,)), out, ["handouts", "pptx"])
    pdfs = [path for path in written if path.suffix == ".pdf"]
    assert any(path.name == "worksheet-edge.pdf" for path in pdfs)
    for path in pdfs:
        for page in pypdf.PdfReader(path).pages:
            data = page.get_contents().get_data()
            assert not _NOT_A_NUMBER.search(data), f"{path.name}: {_NOT_A_NUMBER.search(data).group()!r}"
            assert "nan" not in page.extract_text().lower().split()
