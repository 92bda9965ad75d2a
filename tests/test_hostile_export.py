"""Any Unicode a user can type exports without a crash: the documented overflow error is the only refusal."""

from __future__ import annotations

import re

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


HEBREW = "שותפות בין בתי ספר היא דרך לעבוד יחד"  # "partnership between schools is a way to work together"
ARABIC = "الشراكة بين المدارس طريقة للعمل معا"  # the same, in Arabic: letters that join, and a lam-alef


def _logical(text: str) -> str:
    """Extracted text compared as a reader would: compatibility forms folded (Arabic's joined letters
    back to letters), poppler's bidi embedding marks and spacing left out."""
    import unicodedata

    folded = unicodedata.normalize("NFKC", text)
    return " ".join(re.sub("[\u202a-\u202e\u200e\u200f]", "", folded).split())


@pytest.mark.parametrize("text", [HEBREW, ARABIC], ids=["hebrew", "arabic"])
def test_right_to_left_text_prints_in_reading_order_in_every_pdf(tmp_path, text):
    """Hebrew and Arabic are drawn in visual order (Arabic joined), so poppler reads them back in the
    order they were written: in flowing paragraphs, table cells, cards and list items alike."""
    from tests import tools

    session = small_session()
    segments = list(session.segments)
    segments[1] = attrs.evolve(segments[1], prompts=(text,), notes=text, bullets=(text,))
    deck = small_deck(3)
    deck = attrs.evolve(deck, cards=(attrs.evolve(deck.cards[0], prompt=text),) + deck.cards[1:])
    pack = small_pack(session=attrs.evolve(session, segments=tuple(segments), purpose=text), decks=(deck,))
    written = facilitate.build(pack, tmp_path / "out", ["cards", "handouts"])
    pdfs = {path.name: path for path in written if path.suffix == ".pdf"}
    assert {"cards.pdf", "runsheet.pdf", "handout.pdf"} <= set(pdfs)
    backwards = _logical(text[::-1])
    for name in ("cards.pdf", "runsheet.pdf", "handout.pdf"):
        read = _logical(tools.pdftotext(pdfs[name]))  # lines wrapped in a card or a cell read on, top to bottom
        assert read.count(text) >= 2 if name != "cards.pdf" else text in read, f"{name}: {text!r} is not read back in order"
        assert backwards not in read


def test_a_mixed_line_keeps_each_run_in_reading_order_and_the_deck_marks_right_to_left_paragraphs(tmp_path):
    import zipfile

    from facilitate.layout import bidi
    from tests import tools

    mixed = "Our partnership: שותפות between schools"
    assert bidi.visual(mixed) == "Our partnership: תופתוש between schools"
    assert bidi.visual("abc") == "abc" and bidi.joined("abc") == "abc"
    session = small_session()
    segments = list(session.segments)
    segments[1] = attrs.evolve(segments[1], prompts=(mixed, HEBREW))
    written = facilitate.build(small_pack(session=attrs.evolve(session, segments=tuple(segments))), tmp_path / "out",
                               ["handouts", "pptx"])
    handout = next(path for path in written if path.name == "handout.pdf")
    assert any(mixed in _logical(line) for line in tools.pdftotext(handout, "-raw").splitlines())
    with zipfile.ZipFile(tmp_path / "out" / "deck.pptx") as deck:
        slides = [deck.read(name).decode() for name in deck.namelist() if name.startswith("ppt/slides/slide")]
    paragraphs = [p for xml in slides for p in re.findall(r"<a:p>.*?</a:p>", xml)]
    hebrew = [p for p in paragraphs if HEBREW in p]
    english = [p for p in paragraphs if mixed in p]
    assert hebrew and all('rtl="1"' in p for p in hebrew)
    assert english and not any('rtl="1"' in p for p in english)


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

# --- curves at the edges of what the model accepts: no PDF ever holds nan or inf ------------------

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
