"""The PPTX exporter: reopen the saved deck with python-pptx, and render it with LibreOffice."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import zipfile

import attrs
import pytest
from pptx import Presentation
from pptx.util import Emu

from facilitate.building import build
from facilitate.errors import ExportError, TextOverflowError
from facilitate.layout import slides as spec
from facilitate.loaders import library
from facilitate.model import Segment, SessionPack
from facilitate.exporters.pptx import DeckOptions
from facilitate.options import BuildOptions
from tests import tools
from tests.conftest import small_pack, small_session
from tests.deck_fixtures import rich_pack

BUNDLED_SESSIONS = [entry.id for entry in library.entries() if entry.kind == "session"]


def built(tmp_path, pack, name="out", **options):
    (path,) = build(pack, tmp_path / name, ["pptx"], BuildOptions(DeckOptions(**options)))
    assert path.name == "deck.pptx"
    return path


def body_placeholder(slide):
    for shape in slide.placeholders:
        if shape.placeholder_format.idx != 0:
            return shape
    raise AssertionError("no body placeholder")


def test_deck_has_the_models_slides_titles_and_notes(tmp_path):
    pack = rich_pack()
    model = spec.build_deck(pack, cards_as_slides=True)
    prs = Presentation(built(tmp_path, pack, cards_as_slides=True))
    assert len(prs.slides) == len(model.slides)
    for slide, expected in zip(prs.slides, model.slides):
        assert slide.slide_layout.name == spec.LAYOUT_NAMES[expected.layout]
        if expected.title is not None:
            assert slide.shapes.title.text_frame.text == expected.title_text
        assert slide.notes_slide.notes_text_frame.text == expected.notes
    assert prs.slide_width == Emu(960 * 12700) and prs.slide_height == Emu(540 * 12700)


def test_tracker_highlights_the_current_part_in_bold(tmp_path):
    pack = rich_pack()
    prs = Presentation(built(tmp_path, pack))
    trackers = [s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text_frame.text.startswith(spec.TRACKER_TITLE)]
    assert len(trackers) == len(pack.session.conversation)
    count = len(trackers)
    assert [s.shapes.title.text_frame.text for s in trackers] == [f"{spec.TRACKER_TITLE} ({n} of {count})" for n in range(1, count + 1)]
    primary = pack.theme.primary.lstrip("#").upper()
    for index, slide in enumerate(trackers):
        paragraphs = body_placeholder(slide).text_frame.paragraphs
        assert [p.text for p in paragraphs] == [part.title for part in pack.session.conversation]
        bold = [i for i, p in enumerate(paragraphs) if all(run.font.bold for run in p.runs)]
        assert bold == [index]
        assert str(paragraphs[index].runs[0].font.color.rgb) == primary
        assert all(str(p.runs[0].font.color.rgb) != primary for i, p in enumerate(paragraphs) if i != index)


def test_notes_have_facilitator_notes_timing_and_materials(tmp_path):
    prs = Presentation(built(tmp_path, small_pack()))
    notes = [s.notes_slide.notes_text_frame.text for s in prs.slides]
    assert all(n.strip() for n in notes)
    cards = next(n for n in notes if "Deck: Let's imagine" in n)
    assert "starts 09:35, 30 min" in cards and "Materials: Cards, projector" in cards
    assert notes[1].startswith("SECRET-NOTE-welcome")
    # Notes parts are named after their slides: no search for a free name.
    names = sorted(s.notes_slide.part.partname for s in prs.slides)
    assert names == sorted(f"/ppt/notesSlides/notesSlide{n}.xml" for n in range(1, len(prs.slides) + 1))


def test_no_part_name_search_per_slide(monkeypatch):
    """python-pptx's next_partname scans every part (its issue #644); a long deck must not call it per slide."""
    from pptx.opc.package import OpcPackage

    from facilitate.exporters import pptx as exporter

    calls = []
    original = OpcPackage.next_partname

    def counting(self, template):
        calls.append(template)
        return original(self, template)

    monkeypatch.setattr(OpcPackage, "next_partname", counting)
    segments = tuple(Segment(f"s{n}", f"Segment {n}", 1, bullets=("A point", "Another")) for n in range(300))
    deck = spec.build_deck(SessionPack(small_session(segments=segments, conversation=())))
    data = exporter.render(deck)
    assert len(deck.slides) == 301
    assert len(calls) <= 1, calls  # at most the notes master's theme, once
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = set(package.namelist())
    assert {f"ppt/notesSlides/notesSlide{n}.xml" for n in range(1, 302)} <= names


def test_chart_series_values_equal_the_models_data(tmp_path):
    pack = rich_pack()
    model = spec.build_deck(pack)
    prs = Presentation(built(tmp_path, pack))
    expected = [shape for slide in model.slides for shape in slide.shapes if isinstance(shape, spec.Chart)]
    charts = [shape for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    assert len(charts) == len(expected) == 2
    for frame, chart_spec in zip(charts, expected):
        chart = frame.chart
        assert tuple(chart.plots[0].categories) == chart_spec.categories
        for series, series_spec in zip(chart.plots[0].series, chart_spec.series):
            assert series.name == series_spec.name
            assert series.values == pytest.approx(series_spec.values)
        descr = frame._element.nvGraphicFramePr.cNvPr.get("descr")
        assert descr == chart_spec.alt_text
    curve = pack.curve("attendance")
    lines = next(frame for frame in charts if frame.name == "curve")
    bars = next(frame for frame in charts if frame.name == "scores")
    line = lines.chart.plots[0]
    assert line.series[0].values[:4] == tuple(p.value for p in curve.baseline)
    assert line.series[2].values[-1] == curve.target.value
    dash = line.series[1].format.line.dash_style
    assert dash is not None and "DASH" in str(dash)
    scores = bars.chart.plots[0].series[0].values
    assert scores == pytest.approx([s.mean for s in pack.rubric("maturity").assess().scores])


@pytest.mark.parametrize("font", [None, "Calibri"])
def test_every_run_names_the_theme_font(tmp_path, font):
    pack = rich_pack()
    if font is not None:
        pack = attrs.evolve(pack, theme=attrs.evolve(pack.theme, font=font))
    expected = font or "Arial"  # the default: every presentation program has it
    prs = Presentation(built(tmp_path, pack, cards_as_slides=True))
    runs = 0
    for slide in prs.slides:
        frames = [s.text_frame for s in slide.shapes if s.has_text_frame]
        for shape in slide.shapes:
            if shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
        frames.append(slide.notes_slide.notes_text_frame)
        for frame in frames:
            for paragraph in frame.paragraphs:
                for run in paragraph.runs:
                    runs += 1
                    assert run.font.name == expected, run.text
    assert runs > 200


def test_sizes_are_explicit_and_autofit_is_off(tmp_path):
    path = built(tmp_path, rich_pack())
    with zipfile.ZipFile(path) as package:
        slides = [n for n in package.namelist() if re.match(r"ppt/slides/slide\d+\.xml$", n)]
        for name in slides:
            xml = package.read(name).decode()
            assert "normAutofit" not in xml and "spAutoFit" not in xml
            for run in re.findall(r"<a:rPr[^>]*>", xml):
                assert 'sz="' in run, (name, run)


def test_four_by_three(tmp_path):
    prs = Presentation(built(tmp_path, rich_pack(), aspect="4:3"))
    assert prs.slide_width == Emu(720 * 12700) and prs.slide_height == Emu(540 * 12700)
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.is_placeholder and shape.placeholder_format.type == 1 and shape.top < 0:
                assert shape.top + shape.height <= 0  # a quote's title, just above the slide for screen readers
                continue
            assert 0 <= shape.left and shape.left + shape.width <= prs.slide_width
            assert 0 <= shape.top and shape.top + shape.height <= prs.slide_height


def test_logo_has_alt_text(tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (400, 100), "#1f4e79").save(logo)
    pack = small_pack()
    pack = attrs.evolve(pack, theme=attrs.evolve(pack.theme, logo=str(logo), organisation="CEP"))
    prs = Presentation(built(tmp_path, pack))
    pictures = [s for s in prs.slides[0].shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    assert len(pictures) == 1
    assert pictures[0]._element.nvPicPr.cNvPr.get("descr") == "Logo of CEP"
    assert abs(pictures[0].width / pictures[0].height - 4) < 0.01  # proportions kept


def test_a_missing_logo_is_an_export_error(tmp_path):
    pack = small_pack()
    pack = attrs.evolve(pack, theme=attrs.evolve(pack.theme, logo=str(tmp_path / "nope.png")))
    with pytest.raises(ExportError, match=r"slide 1 'Small session'.*nope\.png"):
        built(tmp_path, pack)
    assert not (tmp_path / "out" / "deck.pptx").exists()


def _template(tmp_path, rename: dict[str, str] | None = None, with_slide: bool = False):
    prs = Presentation()
    for layout in prs.slide_layouts:
        if rename and layout.name in rename:
            layout._element.cSld.set("name", rename[layout.name])
    if with_slide:
        slide = prs.slides.add_slide(prs.slide_layouts[0])
        slide.shapes.title.text = "TEMPLATE SAMPLE SLIDE"
        slide.notes_slide.notes_text_frame.text = "template notes"
    path = tmp_path / "mine.pptx"
    prs.save(path)
    return path


def test_a_template_is_used_and_its_own_slides_dropped(tmp_path):
    template = _template(tmp_path, with_slide=True)
    prs = Presentation(built(tmp_path, small_pack(), template=str(template)))
    titles = [s.shapes.title.text_frame.text for s in prs.slides if s.shapes.title is not None]
    assert "TEMPLATE SAMPLE SLIDE" not in titles and titles[0] == "Small session"
    assert len(prs.slides) == len(spec.build_deck(small_pack()).slides)


def test_a_template_that_is_not_a_deck(tmp_path):
    bad = tmp_path / "bad.pptx"
    bad.write_text("not a zip")
    with pytest.raises(ExportError, match="bad.pptx: cannot read it as a PowerPoint template"):
        built(tmp_path, small_pack(), template=str(bad))


def test_text_that_cannot_fit_fails_before_anything_is_written(tmp_path):
    session = small_session(segments=(Segment("talk", "The long talk", 10, bullets=("word " * 1000,)),), conversation=())
    with pytest.raises(TextOverflowError, match=r"^segment 'talk': bullets\[0\]: too long for slide 2 at 18 pt"):
        build(SessionPack(session), tmp_path / "out", ["pptx", "markdown"])
    assert not (tmp_path / "out").exists()


def test_same_input_same_bytes(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = built(tmp_path, rich_pack(), "a").read_bytes()
    second = built(tmp_path, rich_pack(), "b").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a" / "deck.pptx") as package:
        assert {info.date_time for info in package.infolist()} == {(2020, 1, 1, 0, 0, 0)}
        workbooks = [n for n in package.namelist() if n.endswith(".xlsx")]
        assert len(workbooks) == 2
    core = Presentation(tmp_path / "a" / "deck.pptx").core_properties
    assert core.created == core.modified == dt.datetime(2020, 1, 1)
    assert core.title == "The Power of Partnerships" and core.last_modified_by == "facilitate"


def test_source_date_epoch_is_honoured(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    path = built(tmp_path, small_pack())
    with zipfile.ZipFile(path) as package:
        assert {info.date_time for info in package.infolist()} == {(2026, 1, 1, 0, 0, 0)}
    assert Presentation(path).core_properties.modified == dt.datetime(2026, 1, 1)


# --- bundled agendas ------------------------------------------------------------------


@pytest.mark.parametrize("session_id", BUNDLED_SESSIONS)
@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_every_bundled_agenda_builds_a_deck(tmp_path, session_id, aspect):
    pack = library.load(session_id)
    model = spec.build_deck(pack, aspect=aspect, cards_as_slides=True)
    prs = Presentation(built(tmp_path, pack, aspect=aspect, cards_as_slides=True))
    assert len(prs.slides) == len(model.slides)
    if pack.session.conversation:
        assert len(model.of_kind("tracker")) >= len({s.part for s in pack.session.segments if s.part})


# --- LibreOffice ----------------------------------------------------------------------


def convert_to_pdf(deck, tmp_path):
    return tools.to_pdf(deck, tmp_path / "pdf")


def page_texts(pdf) -> list[str]:
    import pypdf

    pages = len(pypdf.PdfReader(pdf).pages)
    texts = []
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        texts.append(" ".join(text.split()))
    return texts


def assert_words_inside_boxes(pdf, model: spec.Deck) -> None:
    """Every word LibreOffice drew lies inside one of the model's boxes: no text ran out."""
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        for page, slide in zip(document.pages, model.slides):
            scale = float(page.width) / model.width
            boxes = [b.box for b in (slide.title, slide.body) if b is not None]
            boxes += [shape.box for shape in slide.shapes]
            for word in page.extract_words():
                x0, x1 = word["x0"] / scale, word["x1"] / scale
                top, bottom = word["top"] / scale, word["bottom"] / scale
                inside = any(
                    box.x - 2 <= x0 and x1 <= box.right + 2 and box.y - 2 <= top and bottom <= box.bottom + 2
                    for box in boxes
                )
                assert inside, (slide.heading, word["text"], (x0, top, x1, bottom))


def _check_render(tmp_path, pack, **options):
    model = spec.build_deck(pack, aspect=options.get("aspect", "16:9"), cards_as_slides=options.get("cards_as_slides", False))
    pdf = convert_to_pdf(built(tmp_path, pack, **options), tmp_path)
    texts = page_texts(pdf)
    assert len(texts) == len(model.slides)
    for text, slide in zip(texts, model.slides):
        # A quote's title is above the slide, for screen readers: its quote is what LibreOffice shows.
        shown = next(shape.text for shape in slide.shapes if getattr(shape, "name", "") == "quote") if slide.hidden_title else slide.heading
        assert " ".join(shown.split()[:4]) in text, (shown, text[:200])
    assert_words_inside_boxes(pdf, model)


@pytest.mark.parametrize("aspect, font", [("16:9", "Arial"), ("4:3", "Arial"), ("16:9", "Calibri")])
def test_libreoffice_renders_one_page_per_slide_with_its_text(tmp_path, aspect, font):
    """Drawn by LibreOffice with only the open twin of the deck's font (Liberation Sans for
    Arial, Carlito for Calibri; tests/layout/test_fonts.py checks the machine), every word
    lies inside the box facilitate measured it for."""
    pack = rich_pack()
    pack = attrs.evolve(pack, theme=attrs.evolve(pack.theme, font=font))
    _check_render(tmp_path, pack, aspect=aspect, cards_as_slides=True)


@pytest.mark.skipif(not BUNDLED_SESSIONS, reason="no bundled agendas in this checkout yet")
def test_libreoffice_renders_the_default_session(tmp_path):
    _check_render(tmp_path, library.load(), cards_as_slides=True)


def test_a_4_3_template_gives_a_4_3_deck_unless_an_aspect_is_asked_for(tmp_path):
    from pptx.util import Inches

    template = _template(tmp_path)
    prs = Presentation(template)
    prs.slide_width, prs.slide_height = Inches(10), Inches(7.5)
    prs.save(template)
    own = Presentation(built(tmp_path, small_pack(), "own", template=str(template)))
    assert (own.slide_width, own.slide_height) == (Inches(10), Inches(7.5))
    wide = Presentation(built(tmp_path, small_pack(), "wide", template=str(template), aspect="16:9"))
    assert round(wide.slide_width / wide.slide_height, 3) == round(16 / 9, 3)


# --- turn-the-curve charts on a time axis -------------------------------------------------


def _curve_pack(baseline, **changes):
    from facilitate.model import DataPoint

    pack = rich_pack()
    curve = attrs.evolve(pack.curve("attendance"), baseline=tuple(DataPoint(p, v) for p, v in baseline), **changes)
    return attrs.evolve(pack, curves=(curve,))


def _curve_frame(deck_path):
    prs = Presentation(deck_path)
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            if shape.has_chart and shape.name == "curve":
                return number, shape
    raise AssertionError("no curve chart")


def test_missing_years_are_empty_categories_the_lines_span(tmp_path):
    from pptx.oxml.ns import qn

    pack = _curve_pack([("2019", 10.5), ("2022", 14.9), ("2023", 15.2)], target=None)
    _number, frame = _curve_frame(built(tmp_path, pack))
    plot = frame.chart.plots[0]
    assert tuple(plot.categories)[:5] == ("2019", "2020", "2021", "2022", "2023")
    assert plot.series[0].values[:5] == (10.5, None, None, 14.9, 15.2)
    (blanks,) = frame.chart.element.iter(qn("c:dispBlanksAs"))
    assert blanks.get("val") == "span"
    assert not list(frame.chart.element.iter(qn("c:dateAx")))


def test_unevenly_spaced_dates_get_a_date_axis(tmp_path):
    from pptx.oxml.ns import qn

    pack = _curve_pack([("2024-01-15", 91), ("2024-02-01", 92), ("2024-05-20", 90)], target=None)
    _number, frame = _curve_frame(built(tmp_path, pack))
    (axis,) = frame.chart.element.iter(qn("c:dateAx"))
    assert axis.find(qn("c:majorTimeUnit")).get("val") == "months"
    assert axis.find(qn("c:numFmt")).get("formatCode") == "mmm yyyy"
    categories = frame.chart.element.xpath(".//c:ser[1]/c:cat//c:pt/c:v/text()")
    # Excel serial days: 15 January 2024 is day 45306, and the gaps are 17 and 109 days.
    assert [float(v) for v in categories[:3]] == [45306, 45323, 45432]


def test_libreoffice_draws_the_time_axis(tmp_path):
    """Rendered, the gap's years are labelled on the axis, and a date axis labels its months."""
    gap = _curve_pack([("2019", 10.5), ("2022", 14.9), ("2023", 15.2)], target=None, forecast_periods=1)
    import pdfplumber

    deck = built(tmp_path / "gap", gap)
    number, _frame = _curve_frame(deck)
    with pdfplumber.open(convert_to_pdf(deck, tmp_path / "gap")) as pdf:
        words = pdf.pages[number - 1].extract_words()
    years = {w["text"]: (w["x0"] + w["x1"]) / 2 for w in words if re.fullmatch(r"20\d\d", w["text"])}
    assert sorted(years) == ["2019", "2020", "2021", "2022", "2023", "2024"], years
    xs = [years[year] for year in sorted(years)]
    gaps = [b - a for a, b in zip(xs, xs[1:])]
    assert max(gaps) - min(gaps) < 2, xs  # one equal step a year, the missing ones included
    dates = _curve_pack([("2024-01-15", 91), ("2024-02-01", 92), ("2024-05-20", 90)], target=None, forecast_periods=1)
    deck = built(tmp_path / "dates", dates)
    number, _frame = _curve_frame(deck)
    text = page_texts(convert_to_pdf(deck, tmp_path / "dates"))[number - 1]
    assert "Mar 2024" in text and "May 2024" in text, text  # months on the axis, not the data's labels alone
