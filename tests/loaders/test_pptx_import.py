"""An existing deck becomes a session: facilitate's own decks come back whole, anyone else's as a good draft."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Pt

from facilitate.building import build
from facilitate.cli import main
from facilitate.errors import LoadError
from facilitate.loaders import library
from facilitate.loaders.content import load_object
from facilitate.loaders.pptx_import import read_deck
from facilitate.session_file import session_yaml
from tests import office_decks

BUNDLED_SESSIONS = [entry.id for entry in library.entries() if entry.kind == "session"]


def imported_session(deck: Path, tmp_path: Path):
    """The deck imported and written as a session file, then loaded back as facilitate validate does."""
    imported = read_deck(deck)
    for picture in imported.pictures:
        (tmp_path / picture.name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / picture.name).write_bytes(picture.data)
    path = tmp_path / "imported.yaml"
    path.write_text(session_yaml(imported.session, imported.estimated), "utf-8")
    return library.load(path).session, imported


def shown_points(pack, segment):
    """A segment's points as its deck shows them: a reflection's slides show the reflection's own prompts instead."""
    if segment.reflection is not None:
        return ()
    return segment.bullets + segment.prompts


@pytest.mark.parametrize("suffix", [".ppsx", ".potx"])
def test_a_show_or_template_file_imports_like_the_deck_it_holds(tmp_path, suffix):
    """A deck saved as a PowerPoint Show (.ppsx) or template (.potx) imports as its .pptx does."""
    pack = library.load(BUNDLED_SESSIONS[0])
    (deck,) = build(pack, tmp_path / "pack", ["pptx"])
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    session, _ = imported_session(deck, tmp_path / "a")
    saved = office_decks.saved_as(deck, suffix)
    again, _ = imported_session(saved, tmp_path / "b")
    assert [s.title for s in again.segments] == [s.title for s in session.segments]
    assert [s.notes for s in again.segments] == [s.notes for s in session.segments]


def test_a_macro_enabled_deck_is_refused(tmp_path):
    pack = library.load(BUNDLED_SESSIONS[0])
    (deck,) = build(pack, tmp_path / "pack", ["pptx"])
    with pytest.raises(LoadError, match="macro-enabled"):
        read_deck(office_decks.saved_as(deck, ".pptm"))


@pytest.mark.parametrize("session_id", BUNDLED_SESSIONS)
def test_a_deck_facilitate_built_comes_back_as_its_session(tmp_path, session_id):
    pack = library.load(session_id)
    (deck,) = build(pack, tmp_path / "pack", ["pptx"])
    session, imported = imported_session(deck, tmp_path)
    original = pack.session
    assert imported.from_facilitate and imported.estimated == frozenset()
    assert [s.title for s in session.segments] == [s.title for s in original.segments]
    assert [p.title for p in session.conversation] == [p.title for p in original.conversation]
    parts = [session.part(s.part).title if s.part else None for s in session.segments]
    assert parts == [original.part(s.part).title if s.part else None for s in original.segments]
    assert [s.bullets + s.prompts for s in session.segments] == [shown_points(pack, s) for s in original.segments]
    assert [s.notes.strip() for s in session.segments] == [s.notes.strip() for s in original.segments]
    assert [s.minutes for s in session.segments] == [s.minutes for s in original.segments]
    assert [s.grouping for s in session.segments] == [s.grouping for s in original.segments]
    assert [(s.quote.text, s.quote.author) if s.quote else None for s in session.segments] == [
        (s.quote.text.strip(), s.quote.author) if s.quote else None for s in original.segments]
    assert (session.title, session.starts_at, session.date, session.venue) == (
        original.title, original.starts_at, original.date, original.venue)


# --- decks facilitate did not make --------------------------------------------------------------


def _text_box(slide, text_lines, left, top, width, height, size=20, bold=False):
    box = slide.shapes.add_textbox(Pt(left), Pt(top), Pt(width), Pt(height))
    frame = box.text_frame
    for index, line in enumerate(text_lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
    return box


def _agenda(prs, current: int, items=("Why we partner", "What we have done", "What comes next")):
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Today"
    frame = slide.placeholders[1].text_frame
    for index, item in enumerate(items):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = item
        run.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79) if index == current else RGBColor(0x99, 0x99, 0x99)
    return slide


def someone_elses_deck(path: Path, tmp_path: Path) -> Path:
    """A deck as people make them: placeholders and text boxes, groups, a table, a chart, notes, an empty slide."""
    prs = Presentation()
    title = prs.slides.add_slide(prs.slide_layouts[0])
    title.shapes.title.text = "Autumn cluster meeting"
    title.placeholders[1].text = "Hillside, Valley and Brook schools"
    _agenda(prs, 0)
    # Text boxes instead of placeholders: the top one is the title.
    boxes = prs.slides.add_slide(prs.slide_layouts[6])
    _text_box(boxes, ["Where we started"], 40, 30, 600, 50, size=32, bold=True)
    _text_box(boxes, ["Three schools, one shared concern", "Reading at eleven"], 40, 120, 600, 200)
    boxes.notes_slide.notes_text_frame.text = "Tell the story of the first meeting.\n\nKeep it under five minutes."
    # Grouped shapes and a picture with alt text.
    grouped = prs.slides.add_slide(prs.slide_layouts[5])
    grouped.shapes.title.text = "Who is in the partnership"
    group = grouped.shapes.add_group_shape()
    for index, name in enumerate(("Hillside Primary", "Valley Academy", "Brook Infants")):
        shape = group.shapes.add_textbox(Pt(40 + 200 * index), Pt(150), Pt(180), Pt(60))
        shape.text_frame.text = name
    Image.new("RGB", (640, 480), "#2e7d32").save(tmp_path / "map.png")
    picture = grouped.shapes.add_picture(str(tmp_path / "map.png"), Pt(200), Pt(250), Pt(320), Pt(240))
    picture._element.nvPicPr.cNvPr.set("descr", "A map of the three schools along the river")
    _agenda(prs, 1)
    # A table.
    table_slide = prs.slides.add_slide(prs.slide_layouts[5])
    table_slide.shapes.title.text = "What we have done"
    rows = (("Term", "What"), ("Autumn", "Shared reading hour"), ("Spring", "Parents' evenings together"))
    table = table_slide.shapes.add_table(3, 2, Pt(40), Pt(130), Pt(600), Pt(120)).table
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    # A chart.
    chart_slide = prs.slides.add_slide(prs.slide_layouts[5])
    chart_slide.shapes.title.text = "Readers at eleven"
    data = CategoryChartData()
    data.categories = ["2023", "2024", "2025"]
    data.add_series("Reading at expected level (%)", (61, 64, 70))
    chart_slide.shapes.add_chart(XL_CHART_TYPE.LINE, Pt(40), Pt(130), Pt(600), Pt(300), data)
    # An empty slide, a break, an activity with a question, a quote.
    prs.slides.add_slide(prs.slide_layouts[6])
    coffee = prs.slides.add_slide(prs.slide_layouts[5])
    coffee.shapes.title.text = "Coffee break"
    _agenda(prs, 2)
    activity = prs.slides.add_slide(prs.slide_layouts[1])
    activity.shapes.title.text = "Our next step"
    activity.placeholders[1].text_frame.text = "Discuss at your tables for 20 minutes"
    activity.placeholders[1].text_frame.add_paragraph().text = "What one thing should we do together next?"
    activity.notes_slide.notes_text_frame.text = "Collect one idea per table.\nWrite them on the flip chart."
    quote = prs.slides.add_slide(prs.slide_layouts[6])
    _text_box(quote, ["“Alone we can do so little; together we can do so much.”", "— Helen Keller"], 60, 150, 600, 200)
    prs.save(path)
    return path


def test_someone_elses_deck_becomes_a_draft_a_facilitator_would_expect(tmp_path):
    deck = someone_elses_deck(tmp_path / "autumn.pptx", tmp_path)
    session, imported = imported_session(deck, tmp_path)
    assert session.title == "Autumn cluster meeting" and session.subtitle == "Hillside, Valley and Brook schools"
    assert [p.title for p in session.conversation] == ["Why we partner", "What we have done", "What comes next"]
    by_title = {s.title: s for s in session.segments}
    assert list(by_title) == ["Where we started", "Who is in the partnership", "What we have done", "Readers at eleven",
                              "Coffee break", "Our next step", "Alone we can do so little; together we can do so much."[:60]]
    parts = {s.title: session.part(s.part).title if s.part else None for s in session.segments}
    assert parts["Where we started"] == parts["Who is in the partnership"] == "Why we partner"
    assert parts["What we have done"] == parts["Coffee break"] == "What we have done"
    assert parts["Our next step"] == "What comes next"
    # Text boxes: the title and the points; notes keep their paragraphs.
    started = by_title["Where we started"]
    assert started.bullets == ("Three schools, one shared concern", "Reading at eleven")
    assert started.notes == "Tell the story of the first meeting.\n\nKeep it under five minutes."
    # Grouped shapes are read; the picture is taken out with its alt text.
    who = by_title["Who is in the partnership"]
    assert who.bullets == ("Hillside Primary", "Valley Academy", "Brook Infants")
    assert who.image is not None and who.image.alt == "A map of the three schools along the river"
    (picture,) = imported.pictures
    assert picture.described and picture.data == (tmp_path / "map.png").read_bytes()
    # A table's rows become points; a chart is described in the notes, its numbers kept.
    assert by_title["What we have done"].bullets == ("Term · What", "Autumn · Shared reading hour", "Spring · Parents' evenings together")
    readers = by_title["Readers at eleven"]
    assert "chart" in readers.notes and "2023, 2024, 2025" in readers.notes and "61, 64, 70" in readers.notes
    # Kinds and minutes are guessed, and say so.
    assert by_title["Coffee break"].kind == "break" and by_title["Coffee break"].minutes == 15
    step = by_title["Our next step"]
    assert step.kind == "activity" and step.minutes == 20
    assert step.prompts == ("What one thing should we do together next?",)
    assert step.notes == "Collect one idea per table.\nWrite them on the flip chart."
    quote = session.segments[-1].quote
    assert quote is not None and quote.author == "Helen Keller" and quote.text.startswith("Alone we can do so little")
    assert imported.estimated == {s.id for s in session.segments}
    assert "slide 8: empty, left out" in imported.report


def test_a_libreoffice_deck_is_imported(tmp_path):
    pages = "".join([
        office_decks.odp_page("Spring planning day"),
        office_decks.odp_page("Plan for the day", ("Looking back", "Looking forward", "Agreeing actions"), layout="AL2T1"),
        office_decks.odp_page("What went well", ("The shared reading hour", "Joint training"), "Ask each head for one example.\nNote them."),
        office_decks.odp_page("Lunch", (), ""),
        office_decks.odp_page("", (), ""),
        office_decks.odp_page("What will we try?", ("Which idea excites you most?", "Vote with three dots"), "Dots on the wall."),
    ])
    deck = office_decks.libreoffice_pptx(pages, tmp_path / "spring.pptx")
    session, imported = imported_session(deck, tmp_path)
    assert session.title == "Spring planning day"
    titles = [s.title for s in session.segments]
    assert titles == ["Plan for the day", "What went well", "Lunch", "What will we try?"]
    well = session.segments[1]
    assert well.bullets == ("The shared reading hour", "Joint training")
    assert well.notes == "Ask each head for one example.\nNote them."
    assert session.segments[2].kind == "break"
    vote = session.segments[3]
    assert vote.kind == "activity" and vote.prompts == ("Which idea excites you most?",)
    assert any("empty, left out" in line for line in imported.report)


# --- the command -----------------------------------------------------------------------------


def test_facilitate_import_writes_a_session_that_validates(tmp_path, monkeypatch):
    deck = someone_elses_deck(tmp_path / "autumn.pptx", tmp_path)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(deck), "-o", "autumn-day.yaml"])
    assert result.exit_code == 0, result.output
    assert "wrote autumn-day.yaml (7 segments, 3 parts, 1 picture; minutes of 7 segments estimated)" in result.output
    text = (tmp_path / "autumn-day.yaml").read_text("utf-8")
    assert text.count("  # estimated\n") == 7
    assert 'path: "autumn-day-pictures/slide-04.png"' in text
    assert (tmp_path / "autumn-day-pictures" / "slide-04.png").is_file()
    assert "notes: |-\n      Tell the story of the first meeting.\n\n      Keep it under five minutes." in text
    result = runner.invoke(main, ["validate", "autumn-day.yaml"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["build", "autumn-day.yaml", "-o", "pack", "-f", "pptx"])
    assert result.exit_code == 0, result.output
    again = runner.invoke(main, ["import", str(deck), "-o", "autumn-day.yaml"])
    assert again.exit_code == 2 and "already exists; use --force" in again.output
    assert runner.invoke(main, ["import", str(deck), "-o", "autumn-day.yaml", "--force"]).exit_code == 0


def test_a_picture_without_alt_text_gets_words_to_replace(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Our hall"
    Image.new("RGB", (300, 200), "#8e24aa").save(tmp_path / "hall.jpg")
    slide.shapes.add_picture(str(tmp_path / "hall.jpg"), Pt(100), Pt(150), Pt(300), Pt(200))
    prs.save(tmp_path / "hall.pptx")
    imported = read_deck(tmp_path / "hall.pptx", "pics")
    (picture,) = imported.pictures
    assert not picture.described and picture.name == "pics/slide-01.jpg"
    assert "slide 1: the picture has no alt text in the deck; describe it in the session file" in imported.report
    text = session_yaml(imported.session, imported.estimated, [picture.name])
    assert '# the deck had no alt text: describe the picture' in text
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "slide-01.jpg").write_bytes(picture.data)
    (tmp_path / "hall.yaml").write_text(text, "utf-8")
    assert load_object(tmp_path / "hall.yaml").segments[0].image.alt == "A picture from slide 1 of the deck"


def test_a_file_that_is_not_a_deck(tmp_path):
    (tmp_path / "notes.pptx").write_text("not a deck")
    with pytest.raises(LoadError, match="notes.pptx: cannot read it as a PowerPoint deck"):
        read_deck(tmp_path / "notes.pptx")
    result = CliRunner().invoke(main, ["import", str(tmp_path / "notes.pptx"), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2 and not (tmp_path / "x.yaml").exists()


def test_tricky_words_stay_text(tmp_path):
    prs = Presentation()
    for title, body in (("yes", "no"), ("10:30", "- a dash"), ('He said "hi": #1', "null"), ("Été à l'école", "  ")):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = title
        slide.placeholders[1].text = body
    prs.save(tmp_path / "tricky.pptx")
    session, _ = imported_session(tmp_path / "tricky.pptx", tmp_path)
    assert [s.title for s in session.segments] == ["yes", "10:30", 'He said "hi": #1', "Été à l'école"]
    assert [s.bullets for s in session.segments] == [("no",), ("- a dash",), ("null",), ()]
