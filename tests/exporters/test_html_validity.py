"""Every HTML page facilitate writes is valid HTML: the Nu HTML Checker (vnu) finds no error in any.

The pages: every bundled agenda's documents and live page (runsheet, handout, curve
worksheets, assessments, ladders, reflection cards, session.html), every session and
cluster of the real-looking corpus (tests/fixtures/real: Welsh, French, Māori, US Letter,
logos, pictures) that the corpus means to build, an assessment with results (bands, groups
and waves from form exports), the day's report (``facilitate report``), the ``facilitate
watch`` preview page (with and without problems), a pack drawn with a facilitator's own
template folder, and a pack of hostile text. They are all checked by one run of vnu (one
Java start): errors fail the test, each as ``file:line:col: message``; warnings are printed.

vnu comes from the npm package ``vnu-jar``: scripts/test installs it and names the jar in
FACILITATE_VNU_JAR. Without it the test is skipped on a developer's machine, and fails under
scripts/test or CI.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from facilitate.building import build
from facilitate.cli import main
from facilitate.loaders import library
from tests import tools
from tests.exporters.test_live import hostile_pack
from tests.spreadsheets import RUBRIC_YAML, google_forms_csv, microsoft_forms_xlsx
from tests.test_real_corpus import MANIFEST, REAL, SUBJECTS, _kind
from tests.test_results_cli import ANSWERS, BANDS

TESTS = Path(__file__).resolve().parents[1]
TIMINGS = TESTS / "fixtures" / "timings" / "power-of-partnerships-2026-09-03.json"
#: A page vnu must find fault with (a duplicate id, a div inside a p): proof the checker runs and is read.
BROKEN = '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>broken</title></head>\n<body>\n<p id="x"><div id="x">x</div></p>\n</body>\n</html>\n'
#: A web address with a pipe, brackets, braces, a lone % and a second #, as SharePoint and
#: search pages write them: the handout's link must still be a valid href.
PASTED_ADDRESS = "https://example.sharepoint.com/sites/x/Doc.aspx?sourcedoc={5A1B}&a[]=1|2&p=50%#page#2"
HTML_FORMATS = ("-f", "html", "-f", "live")


@pytest.fixture(scope="module")
def vnu() -> list[str]:
    """The command that runs the Nu HTML Checker."""
    path = os.environ.get("FACILITATE_VNU_JAR", "")
    if not path or not Path(path).is_file():
        message = "vnu is missing: set FACILITATE_VNU_JAR to vnu.jar (scripts/test installs it with npm: vnu-jar)"
        if os.environ.get("CI") or os.environ.get("FACILITATE_TEST_INSTALLED"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return [tools.tool("java"), "-jar", path]


def _cli(*args: object) -> None:
    result = CliRunner().invoke(main, [str(arg) for arg in args])
    assert result.exit_code == 0, result.output


def _bundled_agendas(out: Path) -> None:
    for entry in library.entries():
        if entry.kind == "session":
            _cli("build", entry.id, "-o", out / f"agenda-{entry.id}", *HTML_FORMATS)


def _corpus(out: Path) -> None:
    for name in SUBJECTS:
        entry = MANIFEST.get(name, {})
        kind = _kind(REAL / name)
        if "rejects" in entry or kind == "deck":
            continue
        command = "build" if kind == "session" else "build-cluster"
        jobs = ("-j", "1") if kind == "cluster" else ()
        _cli(command, REAL / name, "-o", out / f"real-{Path(name).stem}", *entry.get("options", ()), *HTML_FORMATS, *jobs)


def _in_their_languages(work: Path, out: Path) -> None:
    """The Welsh and French sessions of the corpus built in their own languages (lang="cy", lang="fr": labels, dates)."""
    folder = work / "real"
    shutil.copytree(REAL, folder)
    for name, language in (("clwstwr-dyffryn-tywi.yaml", "cy"), ("concertation-ecoles-quartier.yaml", "fr")):
        path = folder / name
        text = path.read_text("utf-8")
        assert "\nkind: session\n" in text and "\nlanguage:" not in text
        path.write_text(text.replace("\nkind: session\n", f"\nkind: session\nlanguage: {language}\n", 1), "utf-8")
        _cli("build", path, "-o", out / f"{language}-{path.stem}", *HTML_FORMATS)


def _results(work: Path, out: Path) -> None:
    """A session whose rubric has responses: the assessment page with its results, per group and wave."""
    (work / "our-rubric.yaml").write_text(RUBRIC_YAML + BANDS + "group_by: Your school\nresponses: [autumn.csv, spring.xlsx]\n", "utf-8")
    google_forms_csv(work / "autumn.csv", ANSWERS, [dt.datetime(2024, 10, 7, 9)] * 3, "us")
    microsoft_forms_xlsx(work / "spring.xlsx", ANSWERS[:2], [dt.datetime(2025, 3, 3, 9)] * 2)
    session = work / "rating.yaml"
    session.write_text(
        "kind: session\ntitle: Rating our partnership\nstarts_at: '09:00'\nsegments:\n"
        "  - {id: rate, title: Rate the partnership, minutes: 20, rubric: our-rubric}\n",
        "utf-8",
    )
    _cli("build", session, "-o", out / "results", *HTML_FORMATS)


def _watch_pages(work: Path, out: Path) -> None:
    """The page ``facilitate watch`` serves: after a good build, then with a problem shown above the last good one."""
    from facilitate.watching import Watcher, page

    session = work / "riverside.yaml"
    session.write_text(library.copy_text(library.find(library.DEFAULT_SESSION, "session"), "riverside"), "utf-8")
    watcher = Watcher(session)
    watcher.build()
    (out / "watch").mkdir()
    (out / "watch" / "preview.html").write_text(page(watcher.preview), "utf-8")
    for part in watcher.preview.documents:
        (out / "watch" / f"document-{part.name}.html").write_text(part.content, "utf-8")
    text = session.read_text("utf-8")
    assert "    minutes: 20\n" in text
    session.write_text(text.replace("    minutes: 20\n", "    minutes: twenty\n", 1), "utf-8")
    watcher.build()
    assert watcher.preview.problems, "the broken edit should show as a problem"
    (out / "watch" / "preview-with-problems.html").write_text(page(watcher.preview), "utf-8")


def _own_templates(work: Path, out: Path) -> None:
    """A facilitator's own template folder: the bundled templates, copied and restyled as a facilitator would."""
    from facilitate.resources import templates_folder

    folder = work / "my-templates"
    folder.mkdir()
    for name in ("document.html.j2", "session.html.j2"):
        text = (templates_folder() / name).read_text("utf-8")
        (folder / name).write_text(text.replace("<style>", "<style>\nbody { letter-spacing: .01em; }", 1), "utf-8")
    _cli("build", "-o", out / "own-templates", "--template-dir", folder, *HTML_FORMATS)


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    """Every kind of HTML page facilitate writes, in one folder."""
    out = tmp_path_factory.mktemp("pages")
    work = tmp_path_factory.mktemp("work")
    _bundled_agendas(out)
    _corpus(out)
    _in_their_languages(work, out)
    _results(work, out)
    _watch_pages(work, out)
    _own_templates(work, out)
    hostile = hostile_pack()
    # A web address as a facilitator may paste it: characters an href may not hold unescaped.
    hostile = attrs.evolve(hostile, session=attrs.evolve(hostile.session, url=PASTED_ADDRESS))
    build(hostile, out / "hostile", ["html", "live"])
    _cli("report", TIMINGS, "-o", out / "report.html")
    return out


def _checked(vnu: list[str], files: list[Path]) -> list[dict]:
    """vnu's messages about ``files``, from one run."""
    result = subprocess.run([*vnu, "--format", "json", "--stdout", *map(str, files)], capture_output=True, text=True, timeout=600)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["messages"]


def _line(message: dict, folder: Path) -> str:
    url = message.get("url", "")
    path = Path(url.removeprefix("file:")) if url.startswith("file:") else Path(url)
    where = path.relative_to(folder) if path.is_relative_to(folder) else path
    line = message.get("lastLine", message.get("firstLine", 0))
    column = message.get("firstColumn", message.get("lastColumn", 0))
    return f"{where}:{line}:{column}: {message['message']}"


def test_every_page_facilitate_writes_is_valid_html(pages, vnu, tmp_path):
    files = sorted(pages.rglob("*.html"))
    names = {path.name for path in files}
    # Every kind of page is here: the check cannot pass by checking nothing.
    assert {"runsheet.html", "handout.html", "session.html", "reflection-cards.html", "report.html", "preview.html"} <= names
    assert any(name.startswith("worksheet-") for name in names) and any(name.startswith("ladder-worksheet-") for name in names)
    results_page = (pages / "results" / "assessment-our-rubric.html").read_text("utf-8")
    assert "Results by wave and Your school" in results_page and "<meter" in results_page
    assert {'<html lang="cy">', '<html lang="fr">'} <= {path.read_text("utf-8").split("\n", 2)[1] for path in files}
    handout = (pages / "hostile" / "handout.html").read_text("utf-8")
    assert PASTED_ADDRESS.replace("&", "&amp;") in handout  # shown as written, and in the QR code's label
    broken = tmp_path / "broken.html"
    broken.write_text(BROKEN, "utf-8")

    messages = _checked(vnu, [broken, *files])

    about_broken = [m for m in messages if m.get("url", "").endswith("/broken.html")]
    assert any("Duplicate ID" in m["message"] for m in about_broken), about_broken
    messages = [m for m in messages if m not in about_broken]
    errors = [_line(m, pages) for m in messages if m["type"] != "info"]
    warnings = [_line(m, pages) for m in messages if m["type"] == "info"]
    print(f"vnu checked {len(files)} pages: {len(errors)} errors, {len(warnings)} warnings")
    print("\n".join(warnings))
    assert errors == [], "\n".join(errors)



# --- accessibility of the documents (axe-core) -------------------------------------------------------
# The live page is checked in each of its states by tests/exporters/test_live.py; here every
# other kind of page: one of each document (by its file name, ids left out) in each folder.


def _one_of_each_kind(folder: Path) -> list[Path]:
    import re

    chosen: dict[tuple[str, str], Path] = {}
    for page in sorted(folder.rglob("*.html")):
        if page.name == "session.html":
            continue
        kind = re.sub(r"-.*", "", page.stem)  # worksheet-attendance-curve → worksheet
        chosen.setdefault((str(page.parent.relative_to(folder)), kind), page)
    return list(chosen.values())


def test_axe_finds_nothing_on_any_kind_of_document_page(pages, axe_source, browser):
    checked = _one_of_each_kind(pages)
    assert len(checked) >= 20
    found: dict[str, list[str]] = {}
    page = browser.new_page()
    try:
        for path in checked:
            page.goto(path.as_uri())
            page.evaluate(axe_source)  # through DevTools: the documents' CSP allows no script
            violations = page.evaluate(
                "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
                ".map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)"
            )
            if violations:
                found[str(path.relative_to(pages))] = violations
    finally:
        page.close()
    assert found == {}
