"""The deck builder: which slides, in what order, what they say, and that all text fits."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from facilitate.errors import TextOverflowError
from facilitate.layout import slides as spec
from facilitate.model import Part, Segment, SessionPack
from facilitate.model.theme import contrast_ratio
from tests.conftest import small_pack, small_session
from tests.deck_fixtures import LONG_BULLETS, rich_pack
from tests.layout.slides.checks import assert_everything_fits, kinds, text_boxes
from tests.strategies import sessions


def test_slide_order_for_a_small_session():
    deck = spec.build_deck(small_pack())
    assert kinds(deck) == [
        "title", "welcome",
        "tracker", "section", "input",
        "tracker", "section", "cards",
        "break",
        "tracker", "section", "reflection", "commitments",
    ]


def test_tracker_appears_before_each_part_with_the_current_one_highlighted():
    pack = rich_pack()
    deck = spec.build_deck(pack)
    theme = pack.theme
    trackers = [(i, s) for i, s in enumerate(deck.slides) if s.kind == "tracker"]
    assert [s.part_index for _, s in trackers] == [0, 1, 2, 3]
    parts = pack.session.conversation
    for number, (position, tracker) in enumerate(trackers, start=1):
        # Titles are unique in a deck (for screen readers): the tracker counts its returns.
        assert tracker.title_text == f"{spec.TRACKER_TITLE} ({number} of {len(trackers)})"
        section = deck.slides[position + 1]
        assert section.kind == "section" and section.part_index == tracker.part_index
        assert section.title_text == parts[tracker.part_index].title
        following = deck.slides[position + 2]
        assert pack.session.segment(following.segment).part == parts[tracker.part_index].id
        paragraphs = tracker.body.paragraphs
        assert [p.text for p in paragraphs] == [part.title for part in parts]
        assert [p.bold for p in paragraphs] == [i == tracker.part_index for i in range(len(parts))]
        assert [p.colour for p in paragraphs] == [
            theme.primary if i == tracker.part_index else theme.muted for i in range(len(parts))
        ]
    # Every tracker is set at one size, whichever item is bold.
    assert len({p.size for _, s in trackers for p in s.body.paragraphs}) == 1


def test_tracker_returns_when_the_conversation_returns_to_a_part():
    session = small_session(
        segments=(
            Segment("a", "A", 10, part="one"),
            Segment("b", "B", 10, kind="break"),
            Segment("c", "C", 10, part="one"),
            Segment("d", "D", 10, part="two"),
            Segment("e", "E", 10, part="one"),
        )
    )
    deck = spec.build_deck(SessionPack(session))
    assert [s.part_index for s in deck.of_kind("tracker")] == [0, 1, 0]
    assert kinds(deck)[:5] == ["title", "tracker", "section", "input", "break"]


def test_no_tracker_without_a_conversation():
    session = small_session(conversation=(), segments=(Segment("a", "A", 10), Segment("b", "B", 5, kind="break")))
    assert kinds(spec.build_deck(SessionPack(session))) == ["title", "input", "break"]


def test_seven_part_conversation_fits_every_tracker():
    parts = tuple(Part(f"p{n}", f"Exploring a range of strategies to deepen partnership number {n}") for n in range(7))
    segments = tuple(Segment(f"s{n}", f"Segment {n}", 10, part=f"p{n}") for n in range(7))
    deck = spec.build_deck(SessionPack(small_session(conversation=parts, segments=segments)), aspect="4:3")
    assert [s.part_index for s in deck.of_kind("tracker")] == list(range(7))
    assert_everything_fits(deck)


def test_short_bullets_keep_the_largest_size():
    deck = spec.build_deck(small_pack())
    talk = deck.of_kind("input")[0]
    assert [p.text for p in talk.body.paragraphs] == ["Point A", "Point B"]
    assert {p.size for p in talk.body.paragraphs} == {spec.BODY_MAX}
    assert all(p.bullet == "bullet" for p in talk.body.paragraphs)


def test_a_long_list_continues_on_a_second_slide():
    deck = spec.build_deck(rich_pack())
    parts = [s for s in deck.slides if s.segment == "features"]
    assert [s.title_text for s in parts] == ["Focus on learning (1/3)", "Focus on learning (2/3)", "Focus on learning (3/3)"]
    assert [s.continued for s in parts] == [(1, 3), (2, 3), (3, 3)]
    shown = [p.text for s in parts for p in s.body.paragraphs]
    assert shown == list(LONG_BULLETS)
    sizes = {p.size for s in parts for p in s.body.paragraphs}
    assert len(sizes) == 1 and sizes.pop() >= spec.BODY_MIN
    assert [p.space_before for p in parts[1].body.paragraphs][0] == 0  # a continued list starts at the top
    assert_everything_fits(deck)


def test_text_shrinks_before_it_splits():
    bullets = tuple(f"A point about partnership number {n}, said briefly" for n in range(1, 12))
    session = small_session(segments=(Segment("talk", "Talk", 10, bullets=bullets),), conversation=())
    slide = spec.build_deck(SessionPack(session)).of_kind("input")
    assert len(slide) == 1
    size = slide[0].body.paragraphs[0].size
    assert spec.BODY_MIN <= size < spec.BODY_MAX


def test_a_single_huge_bullet_raises_naming_the_slide():
    huge = "word " * 1000  # 5,000 characters
    session = small_session(segments=(Segment("w", "Welcome", 5), Segment("talk", "The long talk", 10, bullets=("short", huge))), conversation=())
    with pytest.raises(TextOverflowError) as caught:
        spec.build_deck(SessionPack(session))
    message = str(caught.value)
    assert message.startswith("segment 'talk': bullets[1]: too long for slide 3 at 18 pt by about")
    assert caught.value.owner is session.segments[1]


def test_an_overlong_title_raises_naming_the_slide():
    session = small_session(segments=(Segment("talk", "Title " * 80, 10),), conversation=())
    with pytest.raises(TextOverflowError, match=r"^segment 'talk': title: too long for slide 2 at 20 pt"):
        spec.build_deck(SessionPack(session))


def test_notes_carry_facilitator_notes_timing_and_materials():
    deck = spec.build_deck(small_pack())
    cards = deck.of_kind("cards")[0]
    assert "Time: starts 09:35, 30 min (until 10:05), at your tables." in cards.notes
    assert "Materials: Cards, projector" in cards.notes
    welcome = deck.of_kind("welcome")[0]
    assert welcome.notes.startswith("SECRET-NOTE-welcome")
    assert "starts 09:00, 15 min" in welcome.notes
    assert all(slide.notes.strip() for slide in deck.slides)
    tracker = deck.of_kind("tracker")[1]
    assert tracker.notes.startswith("Part 2 of 3: Part two.")
    assert "09:35–10:05 Let's imagine (30 min)" in tracker.notes


def test_activity_slides_show_timing_and_grouping():
    deck = spec.build_deck(rich_pack())
    discuss = next(s for s in deck.slides if s.segment == "discuss")
    band = next(b for b in discuss.shapes if isinstance(b, spec.TextBox) and b.name == "timing")
    assert band.text == "20 min, in pairs"
    assert band.box.bottom <= deck.height - spec.BOTTOM
    assert discuss.body.box.bottom < band.box.y


def test_a_break_says_when_to_be_back():
    deck = spec.build_deck(small_pack())
    (coffee,) = deck.of_kind("break")
    back = next(b for b in coffee.shapes if isinstance(b, spec.TextBox) and b.name == "return")
    time, minutes = back.paragraphs
    assert (time.text, minutes.text) == ("Back at 10:20", "15 min")
    assert minutes.size >= spec.BODY_MIN and minutes.size < time.size


def test_quotes_are_credited():
    deck = spec.build_deck(rich_pack())
    quotes = deck.of_kind("quote")
    assert [q.texts()[-1] for q in quotes] == ["— Jim Collins, Good to Great", "— Margaret Wheatley"]
    assert quotes[0].segment == "questions"


def test_a_session_quote_already_shown_by_a_segment_is_not_repeated():
    pack = rich_pack()
    collins = pack.session.segment("questions").quote
    pack = attrs.evolve(pack, session=attrs.evolve(pack.session, quotes=(collins,) + pack.session.quotes))
    quotes = spec.build_deck(pack).of_kind("quote")
    assert [q.texts()[-1] for q in quotes] == ["— Jim Collins, Good to Great", "— Margaret Wheatley"]


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_every_box_fits_and_stays_on_the_slide(aspect):
    deck = spec.build_deck(rich_pack(), aspect=aspect, cards_as_slides=True)
    assert (deck.width, deck.height) == (spec.SLIDE_SIZES[aspect].width, spec.SLIDE_SIZES[aspect].height)
    assert_everything_fits(deck)


def test_text_meets_wcag_aa_on_its_background():
    deck = spec.build_deck(rich_pack(), cards_as_slides=True)
    for slide in deck.slides:
        for box in text_boxes(slide):
            background = box.fill or slide.background
            for paragraph in box.paragraphs:
                assert contrast_ratio(paragraph.colour, background) >= 4.5, (slide.heading, box.name, paragraph.text)
        for table in (s for s in slide.shapes if isinstance(s, spec.Table)):
            for row in table.rows:
                for cell in row:
                    assert contrast_ratio(cell.colour, cell.fill) >= 4.5


def test_body_text_never_goes_below_the_floor():
    deck = spec.build_deck(rich_pack(), aspect="4:3", cards_as_slides=True)
    for slide in deck.slides:
        for box in text_boxes(slide):
            if box.name == "footer":
                continue
            assert all(p.size >= spec.BODY_MIN for p in box.paragraphs), (slide.heading, box.name)


def test_the_model_is_deterministic():
    assert spec.build_deck(rich_pack()) == spec.build_deck(rich_pack())


@given(sessions())
def test_any_valid_session_fits_or_names_the_slide(session):
    pack = SessionPack(session)
    try:
        deck = spec.build_deck(pack)
    except TextOverflowError as error:
        assert str(error).startswith("slide ")
        return
    assert_everything_fits(deck)
    assert len(deck.of_kind("tracker")) == len(deck.of_kind("section"))


def test_evolving_the_pack_changes_only_what_it_should():
    pack = rich_pack()
    renamed = attrs.evolve(pack, session=attrs.evolve(pack.session, title="Another day"))
    a, b = spec.build_deck(pack), spec.build_deck(renamed)
    assert a.slides[1:] == b.slides[1:] and a.slides[0] != b.slides[0]
