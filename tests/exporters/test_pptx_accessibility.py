"""The deck passes the checks PowerPoint's accessibility checker makes, and no slide is empty.

Every slide has a title (a quote's slide too: its title sits just above the slide, where
screen readers find it and no one sees it), every title is the deck's only one of its
words, shapes that are ornament are marked decorative, pictures and charts carry alt text,
and every segment gets a slide that says something.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter

import attrs
import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from facilitate.layout import slides as spec
from facilitate.loaders import library
from facilitate.model import Quote, Segment, SessionPack, Step
from tests.conftest import small_pack, small_session
from tests.deck_fixtures import rich_pack
from tests.exporters.test_pptx import built

DECORATIVE = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
BUNDLED = [entry.id for entry in library.entries() if entry.kind == "session"]


def _decks(tmp_path):
    yield "rich", Presentation(built(tmp_path, rich_pack(), "rich", cards_as_slides=True))
    for session_id in BUNDLED:
        yield session_id, Presentation(built(tmp_path, library.load(session_id), session_id, aspect="4:3"))


def _title(slide):
    for shape in slide.placeholders:
        if shape.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
            return shape
    return None


def test_every_slide_has_a_title_of_its_own(tmp_path):
    for name, prs in _decks(tmp_path):
        titles = []
        for number, slide in enumerate(prs.slides, start=1):
            title = _title(slide)
            assert title is not None and title.text_frame.text.strip(), (name, number)
            titles.append(title.text_frame.text)
        repeated = [text for text, count in Counter(titles).items() if count > 1]
        assert not repeated, (name, repeated)


def test_a_quotes_title_is_just_above_the_slide(tmp_path):
    prs = Presentation(built(tmp_path, rich_pack()))
    quotes = [slide for slide in prs.slides if any(shape.name == "quote" for shape in slide.shapes)]
    assert quotes
    for slide in quotes:
        title = _title(slide)
        assert title.top + title.height <= 0 and title.text_frame.text  # unseen, but read out


def test_ornaments_are_decorative_and_everything_else_is_described(tmp_path):
    for name, prs in _decks(tmp_path):
        path = tmp_path / f"{name}-check.pptx"
        prs.save(path)
        with zipfile.ZipFile(path) as package:
            for part in sorted(n for n in package.namelist() if re.match(r"ppt/slides/slide\d+\.xml$", n)):
                xml = package.read(part).decode()
                for shape in re.findall(r"<p:(?:sp|pic|graphicFrame)>.*?</p:(?:sp|pic|graphicFrame)>", xml, re.S):
                    properties = re.search(r"<p:cNvPr [^>]*?(?:/>|>.*?</p:cNvPr>)", shape, re.S).group(0)
                    words = re.findall(r"<a:t>([^<]*)</a:t>", shape)
                    if shape.startswith("<p:pic>") or shape.startswith("<p:graphicFrame>"):
                        assert re.search(r'descr="[^"]+"', properties), (name, part, properties)
                    elif not "".join(words).strip() and "<p:ph" not in shape:
                        assert DECORATIVE in properties, (name, part, properties)


def test_chart_alt_text_says_the_numbers_as_people_would(tmp_path):
    prs = Presentation(built(tmp_path, rich_pack()))
    charts = [shape for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    assert charts
    for chart in charts:
        alt = chart._element.nvGraphicFramePr.cNvPr.get("descr")
        numbers = re.findall(r"\d+(?:\.\d+)?", alt)
        assert numbers and all(len(n.partition(".")[2]) <= 1 for n in numbers), alt


def _segments_slides(pack: SessionPack) -> spec.Deck:
    return spec.build_deck(pack)


def test_every_segment_gets_a_slide_that_says_something():
    # Every kind of segment, each with nothing but what the schema requires.
    segments = tuple(
        Segment(kind, f"A {kind} with nothing more", 10, kind=kind)
        for kind in ("welcome", "input", "activity", "discussion", "break", "reflection", "close")
    )
    pack = SessionPack(small_session(segments=segments, conversation=()))
    deck = _segments_slides(pack)
    for segment in segments:
        slides = [slide for slide in deck.slides if slide.segment == segment.id]
        assert slides, segment.id
        for slide in slides:
            said = [text for text in slide.texts() if text != slide.title_text]
            assert said, (segment.id, slide.texts())  # more than a title: at least its timing
            assert any("10 min" in text for text in slide.texts()), slide.texts()


def test_a_quote_alone_in_a_segment_is_one_slide():
    quote = Quote("Alone we can do so little; together we can do so much.", "Helen Keller")
    segments = (
        Segment("open", "Opening", 10, kind="welcome", prompts=("Why are we here?",)),
        Segment("thought", "A thought to start", 5, quote=quote),
    )
    deck = _segments_slides(SessionPack(small_session(segments=segments, conversation=())))
    (slide,) = [slide for slide in deck.slides if slide.segment == "thought"]
    assert slide.kind == "quote" and slide.hidden_title and slide.title_text == "A thought to start"
    assert any("Alone we can do so little" in text for text in slide.texts())


def test_a_segments_steps_are_on_its_slide_in_order():
    steps = (Step("Think alone", 2, "Write down one idea."), Step("Round", 8, "Share your idea at the table.", rounds=2))
    segment = Segment("ideas", "Ideas", 20, kind="activity", steps=steps)
    deck = _segments_slides(SessionPack(small_session(segments=(segment,), conversation=())))
    (slide,) = [slide for slide in deck.slides if slide.segment == "ideas"]
    body = slide.body.paragraphs
    assert [p.bullet for p in body] == ["number", "number"]
    assert body[0].text.startswith("Think alone (") and "Write down one idea." in body[0].text
    assert body[1].text.startswith("Round (2 rounds of")


def test_repeated_segment_titles_are_numbered_in_order():
    segments = tuple(Segment(f"b{i}", "Break", 10, kind="break") for i in range(3))
    pack = attrs.evolve(small_pack(), session=small_session(segments=segments, conversation=()))
    titles = [slide.title_text for slide in _segments_slides(pack).slides if slide.segment]
    assert titles == ["Break (1 of 3)", "Break (2 of 3)", "Break (3 of 3)"]


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_the_title_placeholder_of_a_blank_layout_slide_is_a_real_title(tmp_path, aspect):
    prs = Presentation(built(tmp_path, rich_pack(), aspect=aspect))
    quote = next(slide for slide in prs.slides if any(shape.name == "quote" for shape in slide.shapes))
    assert quote.shapes.title is not None
