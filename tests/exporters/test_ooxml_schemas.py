"""Decks and Word documents are valid against the ISO/IEC 29500 schemas.

Every XML part of every .pptx and .docx facilitate writes is validated (tests/ooxml_validate.py,
after Markup Compatibility processing as Office does it) against the transitional schemas
vendored in tests/fixtures/ooxml-schemas/: the bundled session's deck and every document, decks
and documents from the real-looking corpus (pictures, logos, charts, rubrics, Welsh, French and
Māori, a 4:3 deck, US Letter, a cluster's per-partner packs, cards as slides) and decks built on
templates as PowerPoint's French edition, Google Slides and LibreOffice save them. Each build
is made once, through the command line, as a facilitator would.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitate.cli import main
from tests import office_decks, ooxml_validate

REAL = Path(__file__).parent.parent / "fixtures" / "real"

#: name: the command line (the output folder and formats are added).
BUILDS: dict[str, list[str]] = {
    "bundled session": ["build"],
    "every segment kind, deck, ladder, curve, rubric, reflection": ["build", str(REAL / "riverside-cluster-day.yaml")],
    "4:3 deck": ["build", str(REAL / "inset-day-northgate.yaml"), "--aspect", "4:3"],
    "Welsh": ["build", str(REAL / "clwstwr-dyffryn-tywi.yaml")],
    "Māori": ["build", str(REAL / "kahui-ako-hui.yaml")],
    "French": ["build", str(REAL / "concertation-ecoles-quartier.yaml")],
    "theme, logo, photo, quotations": ["build", str(REAL / "reading-for-pleasure-morning.yaml")],
    "charts": ["build", str(REAL / "attendance-and-reading.yaml")],
    "rubric at 4:3": ["build", str(REAL / "transition-review.yaml"), "--aspect", "4:3"],
    "cards as slides": ["build", str(REAL / "cluster-health-check.yaml"), "--cards-as-slides"],
    "4:3 and Letter, QR code": ["build", str(REAL / "governors-twilight.yaml"), "--aspect", "4:3", "--paper", "letter"],
    "cluster with a partner's logo": ["build-cluster", str(REAL / "dyffryn-tywi-cluster.yaml"), "--aspect", "4:3", "-j", "1"],
}

#: name: a function writing the template to a path.
TEMPLATES: dict[str, Callable[[Path], Path]] = {
    "PowerPoint (French edition)": office_decks.french_template,
    "Google Slides": office_decks.google_template,
    "LibreOffice Impress": lambda path: office_decks.libreoffice_pptx(office_decks.odp_page("Our template"), path),
}


@pytest.fixture(scope="session")
def template(tmp_path_factory) -> Callable[[str], Path]:
    made: dict[str, Path] = {}

    def make(name: str) -> Path:
        if name not in made:
            made[name] = TEMPLATES[name](tmp_path_factory.mktemp("template") / "template.pptx")
        return made[name]

    return make


@pytest.fixture(scope="session")
def built(tmp_path_factory, template) -> Callable[[str], list[Path]]:
    """The .pptx and .docx files of a build (made once a session), by its name in BUILDS or TEMPLATES."""
    made: dict[str, list[Path]] = {}

    def make(name: str) -> list[Path]:
        if name not in made:
            out = tmp_path_factory.mktemp("build") / "pack"
            if name in BUILDS:
                arguments = [*BUILDS[name], "-f", "pptx", "-f", "docx"]
            else:
                arguments = ["build", "--template", str(template(name)), "-f", "pptx"]
            result = CliRunner().invoke(main, [*arguments, "-o", str(out)])
            assert result.exit_code == 0, result.output
            made[name] = sorted(path for path in out.rglob("*") if path.suffix in (".pptx", ".docx"))
            assert made[name], f"{name}: nothing built"
        return made[name]

    return make


def _report(files: dict[str, list[str]]) -> str:
    return "\n".join(f"{name}: {line}" for name, lines in files.items() for line in lines)


@pytest.mark.parametrize("name", BUILDS)
def test_every_part_of_a_build_is_valid(name, built):
    files = built(name)
    found = {path.name: ooxml_validate.violations(path) for path in files}
    assert not any(found.values()), "\n" + _report(found)
    assert any(path.suffix == ".pptx" for path in files)
    assert name.startswith("cards") or any(path.suffix == ".docx" for path in files)


def test_the_report_on_a_day_is_valid(tmp_path):
    """``facilitate report`` writes Word too (planned against actual, from the live page's timings)."""
    timings = Path(__file__).parent.parent / "fixtures" / "timings" / "power-of-partnerships-2026-09-03.json"
    report = tmp_path / "report.docx"
    result = CliRunner().invoke(main, ["report", str(timings), "-o", str(report)])
    assert result.exit_code == 0, result.output
    assert ooxml_validate.violations(report) == []


def test_the_builds_cover_every_kind_of_part(built):
    """What was validated holds every kind of part the issue names, so no check above is vacuous."""
    names: set[str] = set()
    for build in BUILDS:
        for path in built(build):
            with zipfile.ZipFile(path) as package:
                xml_parts, packages = ooxml_validate.parts(package)
                names |= {re.sub(r"\d+(?=\.xml)", "", part) for part in xml_parts + packages}
    wanted = {
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
        "ppt/presentation.xml", "ppt/slides/slide.xml", "ppt/slideLayouts/slideLayout.xml", "ppt/slideMasters/slideMaster.xml",
        "ppt/notesSlides/notesSlide.xml", "ppt/notesMasters/notesMaster.xml", "ppt/theme/theme.xml", "ppt/charts/chart.xml",
        "ppt/slides/_rels/slide.xml.rels", "ppt/presProps.xml", "ppt/viewProps.xml", "ppt/tableStyles.xml",
        "word/document.xml", "word/styles.xml", "word/settings.xml", "word/numbering.xml", "word/fontTable.xml",
        "word/header.xml", "word/footer.xml", "word/webSettings.xml", "word/theme/theme.xml",
    }
    assert wanted <= names, wanted - names
    assert any(name.startswith("ppt/embeddings/") for name in names), "no chart workbook was validated"


@pytest.mark.parametrize("name", TEMPLATES)
def test_a_deck_on_a_users_template_adds_no_violation(name, template, built):
    """Only what the template itself carries may be invalid: facilitate adds nothing (see the README)."""
    own = {_unlocated(line) for line in ooxml_validate.violations(template(name))}
    (deck,) = built(name)
    added = [line for line in ooxml_validate.violations(deck) if _unlocated(line) not in own]
    assert not added, "\n" + "\n".join(added)
    if name != "LibreOffice Impress":  # both are python-pptx's default template, renamed
        assert not own, "\n" + "\n".join(own)


def _unlocated(line: str) -> str:
    """A violation without its line number (a part can move when python-pptx saves it again)."""
    part, _, rest = line.partition(": ")
    return f"{part}: {rest.partition(': ')[2]}"


def test_the_libraries_default_templates(tmp_path):
    """python-pptx's default deck is valid; python-docx's lacks only the zoom percentage, which
    facilitate's documents add (test_every_part_of_a_build_is_valid)."""
    import docx
    import pptx

    deck, document = tmp_path / "default.pptx", tmp_path / "default.docx"
    pptx.Presentation().save(str(deck))
    docx.Document().save(str(document))
    assert ooxml_validate.violations(deck) == []
    (only,) = ooxml_validate.violations(document)
    assert only.startswith("word/settings.xml: ") and "'{http://schemas.openxmlformats.org/wordprocessingml/2006/main}percent' is required" in only


# --- the validator finds what it must ---------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = ooxml_validate.MC


def _changed(path: Path, part: str, change: Callable[[bytes], bytes]) -> io.BytesIO:
    """The package at ``path`` with ``part`` changed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as copy:
        for item in source.infolist():
            data = source.read(item)
            copy.writestr(item, change(data) if item.filename == part else data)
    buffer.seek(0)
    return buffer


def test_the_validator_reports_a_wrong_order_and_a_bad_value(built):
    deck = next(path for path in built("bundled session") if path.suffix == ".pptx")
    out_of_order = _changed(deck, "ppt/presentation.xml", lambda xml: re.sub(rb"(<p:sldSz[^>]*/>)(<p:notesSz[^>]*/>)", rb"\2\1", xml))
    (line,) = ooxml_validate.violations(out_of_order)
    assert line.startswith("ppt/presentation.xml: ") and "sldSz': This element is not expected" in line, line
    negative = _changed(deck, "ppt/presentation.xml", lambda xml: xml.replace(b'<p:sldSz cx="', b'<p:sldSz cx="-', 1))
    (line,) = ooxml_validate.violations(negative)
    assert "sldSz', attribute 'cx'" in line and "(at /p:presentation/p:sldSz)" in line, line
    document = next(path for path in built("bundled session") if path.name == "handout.docx")
    numbered_first = _changed(document, "word/document.xml", lambda xml: re.sub(rb"(<w:pStyle [^>]*/>)(<w:numPr>.*?</w:numPr>)", rb"\2\1", xml, count=1))
    assert any(line.startswith("word/document.xml: ") and "pStyle': This element is not expected" in line for line in ooxml_validate.violations(numbered_first))


def test_markup_compatibility_is_processed_as_office_does():
    """A Choice the schemas cannot read falls back; ignorable markup goes; other unknown markup stays an error."""
    from lxml import etree

    def settings(inner: str, ignorable: str = "w14") -> etree._Element:
        root = etree.fromstring(
            f'<w:settings xmlns:w="{W}" xmlns:mc="{MC}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
            f' xmlns:x="urn:example:unknown" mc:Ignorable="{ignorable}">{inner}</w:settings>'
        )
        return ooxml_validate.process_markup_compatibility(root)

    schema = ooxml_validate.schema()
    chosen = settings('<mc:AlternateContent><mc:Choice Requires="w14"><w14:docId w14:val="1"/></mc:Choice>'
                      '<mc:Fallback><w:defaultTabStop w:val="720"/></mc:Fallback></mc:AlternateContent>')
    assert [etree.QName(child).localname for child in chosen] == ["defaultTabStop"]
    assert schema.validate(chosen)
    ignored = settings('<w:zoom w:percent="100" w14:extra="1"/><w14:docId w14:val="1"/>')
    assert schema.validate(ignored), schema.error_log
    assert not schema.validate(settings('<x:unknown/>'))
    assert not schema.validate(settings('<w:zoom w:percent="100" x:extra="1"/>'))
