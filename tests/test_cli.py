"""The command line, driven through click's CliRunner."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import facilitate
import facilitate.loaders.library
from facilitate.layout.documents import pack_documents
from click.testing import CliRunner

from facilitate.cli import main

BAD = Path(__file__).parent / "fixtures" / "bad"


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


def test_every_command_has_help(run):
    for command in ["list", "show", "validate", "schema", "new", "ladder", "build", "cards", "copy", "preview", "build-cluster", "results", "report"]:
        result = run(command, "--help")
        assert result.exit_code == 0, command
        assert "Usage:" in result.output


def test_list_shows_the_bundled_default_session(run):
    result = run("list", "--kind", "session")
    assert result.exit_code == 0
    assert "power-of-partnerships" in result.output


def test_new_agenda_validates_and_refuses_to_overwrite(run, tmp_path):
    assert run("new", "agenda", "Cluster day").exit_code == 0
    starter = tmp_path / "cluster-day.yaml"
    text = starter.read_text()
    assert text.startswith("# A facilitate session")
    result = run("validate", str(starter))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"{starter}: ok"
    starter.write_text(text + "# my edit\n")
    again = run("new", "agenda", "Cluster day")
    assert again.exit_code == 2
    assert "already exists" in again.output
    assert starter.read_text().endswith("# my edit\n")


def test_the_agenda_starter_puts_nothing_made_up_on_a_run_sheet(run, tmp_path):
    """A starter built unchanged must not print a real-looking date or a note about notes."""
    import facilitate
    from facilitate.layout.document import run_sheet

    assert run("new", "agenda", "Cluster day").exit_code == 0
    pack = facilitate.load(tmp_path / "cluster-day.yaml")
    assert pack.session.date is None
    sheet = run_sheet(pack)
    words = " ".join(str(block) for block in sheet.blocks) + str(sheet.subtitle)
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    assert not re.search(rf"\b({months})\b|\d{{4}}-\d\d-\d\d", words), "a date facilitators did not choose"
    assert str(sheet.subtitle) == "09:00–10:25"
    for segment in pack.session.segments:
        assert "never shown" not in segment.notes and "notes" not in segment.notes.lower()
    assert "One or two sentences" not in pack.session.purpose


@pytest.mark.parametrize("kind", ["agenda", "session", "deck", "ladder", "curve", "rubric", "reflection", "theme", "cluster", "method"])
def test_every_kind_has_a_commented_starter_that_validates(run, tmp_path, kind):
    from facilitate.loaders.content import load_object

    assert run("new", kind, "Our thing").exit_code == 0
    starter = tmp_path / "our-thing.yaml"
    text = starter.read_text()
    assert text.startswith("# A facilitate ") or text.startswith("# Facilitate ")
    result = run("validate", str(starter))
    assert result.exit_code == 0 and result.output == f"{starter}: ok\n", result.output  # no warnings either
    assert load_object(starter).id == "our-thing"
    # Nothing of it looks like a date someone chose (a date is a comment until it is real).
    data = "\n".join(line.split("#")[0] for line in text.splitlines())
    assert not re.search(r"\d{4}-\d\d-\d\d", data), data


def test_the_agenda_starter_builds_every_format(run, tmp_path):
    assert run("new", "agenda", "Our day").exit_code == 0
    result = run("build", "our-day.yaml", "-o", "pack")
    assert result.exit_code == 0, result.output
    assert {"deck.pptx", "runsheet.pdf", "handout.pdf", "session.html"} <= {p.name for p in (tmp_path / "pack").iterdir()}


def test_the_curve_and_cluster_starters_make_packs(run, tmp_path):
    assert run("new", "curve", "Our curve").exit_code == 0
    assert run("new", "agenda", "Our day").exit_code == 0
    day = tmp_path / "our-day.yaml"
    day.write_text(day.read_text().replace("    reflection: taking-stock\n", "    reflection: taking-stock\n"
                                            "  - {id: curve, title: Turn the curve, minutes: 30, curve: our-curve}\n"))
    result = run("build", "our-day.yaml", "-o", "pack", "-f", "markdown")
    assert result.exit_code == 0, result.output
    worksheet = (tmp_path / "pack" / "worksheet-our-curve.md").read_text()
    assert "Illustrative figures for practice, not real data." in worksheet
    assert run("new", "cluster", "Our cluster").exit_code == 0
    built = run("build-cluster", "our-cluster.yaml", "-o", "packs", "-f", "markdown", "-j", "1")
    assert built.exit_code == 0, built.output
    assert (tmp_path / "packs" / "first.zip").is_file() and (tmp_path / "packs" / "second-partner-school.zip").is_file()


def test_new_deck_validates(run, tmp_path):
    assert run("new", "deck", "My cards").exit_code == 0
    assert run("validate", str(tmp_path / "my-cards.yaml")).exit_code == 0


def test_validate_reports_one_line_per_bad_file_and_exit_2(run):
    files = [str(BAD / "segment-zero-minutes.yaml"), str(BAD / "deck-card-typo.yaml")]
    result = CliRunner().invoke(main, ["validate", *files])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line]
    assert lines == [
        f"{files[0]}:15: segments[0].minutes: must be at least 1 minute, got 0",
        f"{files[1]}:8: cards[0].catgory: unknown key 'catgory' (did you mean 'category'?)",
    ]
    assert "Traceback" not in result.output


def test_build_error_is_one_line_and_writes_nothing(run, tmp_path):
    result = run("build", str(BAD / "session-overrun.yaml"), "-o", "out")
    assert result.exit_code == 2
    assert result.output.startswith("error: ") and result.output.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_build_markdown_and_html_then_refuse_to_clobber_a_user_edit(run, tmp_path):
    result = run("build", "-f", "markdown", "-f", "html", "-o", "pack")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "pack").iterdir())
    # Every document of the pack, in both formats: the same list the PDFs have.
    documents = [entry.stem for entry in pack_documents(facilitate.load())]
    assert names == sorted([".facilitate-manifest.json", *(f"{stem}.{suffix}" for stem in documents for suffix in ("html", "md"))])
    assert {"handout", "runsheet", "reflection-cards", "worksheet-attendance-curve"} <= set(documents)
    # Rebuilding over our own unchanged output is fine.
    assert run("build", "-f", "markdown", "-o", "pack").exit_code == 0
    # A file the user edited is never overwritten without --force.
    handout = tmp_path / "pack" / "handout.md"
    handout.write_text("my own notes")
    refused = run("build", "-f", "markdown", "-o", "pack")
    assert refused.exit_code == 2 and "--force" in refused.output
    assert handout.read_text() == "my own notes"
    assert run("build", "-f", "markdown", "-o", "pack", "--force").exit_code == 0
    assert handout.read_text() != "my own notes"


def test_build_refuses_a_file_it_did_not_write(run, tmp_path):
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "runsheet.md").write_text("mine")
    result = run("build", "-f", "markdown", "-o", "pack")
    assert result.exit_code == 2
    assert (tmp_path / "pack" / "runsheet.md").read_text() == "mine"
    assert not (tmp_path / "pack" / "handout.md").exists()


def test_unknown_format_is_a_clear_error(run):
    result = run("build", "-f", "odt")
    assert result.exit_code == 2
    assert result.output.startswith("error: unknown format 'odt' (formats: markdown, html, docx, pptx")


def test_ladder_command(run):
    result = run("ladder", "Is our partnership working?")
    assert result.exit_code == 0
    assert "rung:  Yes/no (1 of 6)" in result.output
    assert "How might we find out whether our partnership is working?" in result.output


def test_show_a_bundled_item_and_an_unknown_one(run):
    result = run("show", "power-of-partnerships")
    assert result.exit_code == 0
    assert "Our conversation today:" in result.output
    assert "12:20–13:05   45 min  break       Lunch  (fixed at 12:20)" in result.output
    assert "Let's imagine  (can shrink to 21 min)" in result.output
    missing = run("show", "power-of-partnership")
    assert missing.exit_code == 2
    assert "did you mean 'power-of-partnerships'" in missing.output


def test_schema_is_json_and_covers_every_kind(run):
    schema = json.loads(run("schema").output)
    kinds = [branch["if"]["properties"]["kind"]["const"] for branch in schema["allOf"]]
    assert kinds == ["session", "deck", "ladder", "curve", "rubric", "reflection", "method", "theme", "cluster"]
    segment = schema["$defs"]["Segment"]
    assert segment["properties"]["kind"]["enum"][0] == "welcome"
    assert set(segment["required"]) == {"id", "title", "minutes"}
    assert segment["properties"]["min_minutes"]["anyOf"][0] == {"type": "integer"}
    assert segment["properties"]["fixed"]["anyOf"][0]["pattern"] == r"^\d{1,2}[:.]\d{2}$"


def test_schema_accepts_every_bundled_file_and_rejects_a_typo():
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    from facilitate.loaders import library
    from facilitate.schema import content_schema

    validator = jsonschema.Draft202012Validator(content_schema())
    for entry in library.entries():
        data = yaml.safe_load(entry.path.read_text("utf-8"))
        data = json.loads(json.dumps(data, default=str))
        errors = list(validator.iter_errors(data))
        assert not errors, (entry.path, errors[0].message)
    typo = yaml.safe_load((BAD / "deck-card-typo.yaml").read_text())
    assert list(validator.iter_errors(typo))


def test_unexpected_bug_gives_short_message_and_traceback_only_with_debug(run, monkeypatch):
    import facilitate.model.questions as questions

    def broken(question, rungs=None, **options):
        raise RuntimeError("boom")

    monkeypatch.setattr(questions, "suggest", broken)
    result = CliRunner().invoke(main, ["ladder", "Why?"])
    assert result.exit_code == 70
    assert "internal error: RuntimeError: boom" in result.output
    assert "Traceback" not in result.output
    debug = CliRunner().invoke(main, ["--debug", "ladder", "Why?"])
    assert "Traceback" in debug.output


HEAVY = ("pptx", "reportlab", "jinja2", "PIL", "fontTools", "lxml", "openpyxl")


@pytest.mark.parametrize(
    "args",
    [["--help"], ["validate", str(BAD.parent.parent.parent / "agendas" / "power-of-partnerships.yaml")], ["list"]],
    ids=["help", "validate", "list"],
)
def test_start_up_commands_do_not_import_heavy_libraries(args):
    code = (
        "import sys\n"
        "from facilitate.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit as done:\n    assert not done.code, done.code\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "HEAVY:"


def test_copy_a_bundled_item_to_edit_it(run, tmp_path):
    result = run("copy", "partnership-depth")
    assert result.exit_code == 0, result.output
    copied = tmp_path / "partnership-depth.yaml"
    assert copied.read_text().startswith("kind: rubric")
    assert run("validate", str(copied)).exit_code == 0
    copied.write_text(copied.read_text() + "# mine\n")
    again = run("copy", "partnership-depth")
    assert again.exit_code == 2 and copied.read_text().endswith("# mine\n")
    assert run("copy", "no-such-thing").exit_code == 2


def test_a_copy_takes_its_id_from_its_file_name(run, tmp_path):
    result = run("copy", "lets-imagine", "-o", "our-hopes.yaml")
    assert result.exit_code == 0, result.output
    assert "with the id 'our-hopes'" in result.output
    copied = (tmp_path / "our-hopes.yaml").read_text()
    bundled = facilitate.loaders.library.find("lets-imagine").path.read_text()
    # Only the id line differs: comments and everything else are as the library has them.
    assert copied.replace("id: our-hopes\n", "id: lets-imagine\n", 1) == bundled
    # The copy and the bundled deck can both be used, side by side, in one session.
    (tmp_path / "day.yaml").write_text(
        "kind: session\nid: day\ntitle: Day\nuses:\n  decks: [lets-imagine, our-hopes]\n"
        "segments:\n  - {id: a, title: Hopes, minutes: 20, deck: our-hopes}\n"
    )
    assert run("validate", "day.yaml").exit_code == 0
    assert {deck.id for deck in facilitate.load(tmp_path / "day.yaml").decks} == {"lets-imagine", "our-hopes"}
    assert run("copy", "lets-imagine", "-o", "ours.toml").exit_code == 2


def test_every_bundled_item_can_be_copied_under_a_new_name(tmp_path):
    from facilitate.loaders import library
    from facilitate.loaders.content import load_object

    for entry in library.entries():
        copy = tmp_path / f"my-{entry.id}.yaml"
        copy.write_text(library.copy_text(entry, f"my-{entry.id}"))
        assert load_object(copy, expected_kind=entry.kind).id == f"my-{entry.id}"


def test_build_takes_the_card_printing_options(run, tmp_path):
    import pypdf

    result = run("build", "-f", "cards", "-o", "pack", "--print-shop", "--size", "bridge", "--no-instructions")
    assert result.exit_code == 0, result.output
    page = pypdf.PdfReader(tmp_path / "pack" / "cards.pdf").pages[0]
    trim = page.trimbox
    assert round(float(trim.width) / 72 * 25.4) == 57 and round(float(trim.height) / 72 * 25.4) == 89
    clash = run("build", "-f", "cards", "-o", "pack2", "--print-shop", "--fold")
    assert clash.exit_code == 2 and "choose one" in clash.output


# --- names: the user's own files and the bundled library -----------------------------------

OWN_DECK = "kind: deck\nid: our-hopes\ntitle: Our hopes\ncards:\n  - {id: one, title: One, prompt: Every child reads.}\n"
OWN_RUBRIC = (
    "kind: rubric\nid: our-rubric\ntitle: Our rubric\ndimensions:\n  - id: trust\n    title: Trust\n"
    "    levels:\n      - {label: Low}\n      - {label: High}\n"
)
OWN_CURVE = (
    "kind: curve\nid: reading-curve\ntitle: Reading\nissue: Reading at eleven.\n"
    "indicator: {name: Reading, unit: '%'}\nbaseline:\n  - {period: '2023', value: 70}\n"
)


def test_did_you_mean_considers_the_files_beside_the_session(run, tmp_path):
    (tmp_path / "our-hopes.yaml").write_text(OWN_DECK)
    (tmp_path / "reading-curve.yaml").write_text(OWN_CURVE)
    (tmp_path / "our-hope.yaml").write_text(OWN_RUBRIC.replace("our-rubric", "our-hope"))  # close, but not a deck
    session = tmp_path / "day.yaml"
    session.write_text(
        "kind: session\nid: day\ntitle: Day\nsegments:\n"
        "  - {id: a, title: Hopes, minutes: 20, deck: our-hopess}\n"
        "  - {id: b, title: Curve, minutes: 20, curve: readng-curve}\n"
    )
    result = run("validate", str(session))
    assert result.exit_code == 2
    assert f"{session}:5: segments[0].deck: no deck named 'our-hopess' beside the session or bundled (did you mean 'our-hopes'?)" in result.output
    session.write_text(session.read_text().replace("our-hopess", "our-hopes"))
    result = run("validate", str(session))
    assert "segments[1].curve: no curve named 'readng-curve' beside the session or bundled (did you mean 'reading-curve'?)" in result.output


def test_did_you_mean_on_the_command_line_considers_the_files_in_this_folder(run, tmp_path):
    (tmp_path / "our-hopes.yaml").write_text(OWN_DECK)
    (tmp_path / "our-rubric.yaml").write_text(OWN_RUBRIC)
    cards = run("cards", "our-hopess")
    assert cards.exit_code == 2 and "no deck named 'our-hopess' in this folder or bundled (did you mean 'our-hopes'?)" in cards.output
    results = run("results", "our-rubrc")
    assert results.exit_code == 2 and "did you mean 'our-rubric'?" in results.output
    # The bundled library is still searched: a near miss of a bundled deck names it.
    assert "did you mean 'lets-imagine'?" in run("cards", "lets-imagin").output
    # And a name of a file here, without its .yaml, is that file.
    shown = run("show", "our-hopes")
    assert shown.exit_code == 0 and "Our hopes" in shown.output


def test_a_folder_named_like_a_bundled_item_does_not_hide_it(run, tmp_path):
    for name in ("lets-imagine", "power-of-partnerships", "partnership-depth"):
        (tmp_path / name).mkdir()
    shown = run("show", "lets-imagine")
    assert shown.exit_code == 0, shown.output
    cards = run("cards", "lets-imagine", "-o", "cards.pdf")
    assert cards.exit_code == 0, cards.output
    built = run("build", "power-of-partnerships", "-f", "markdown", "-o", "pack")
    assert built.exit_code == 0, built.output
    assert (tmp_path / "pack" / "runsheet.md").is_file()
    results = run("results", "partnership-depth")
    assert "no responses yet" in results.output  # the bundled rubric was found and read


@pytest.mark.parametrize("fmt", ["pptx", "cards", "markdown"])
def test_building_one_format_loads_no_other_exporter(fmt, tmp_path):
    """`build -f pptx` offers every flag of the command, yet loads no other format's exporter."""
    from facilitate.exporters import BUILTIN

    session = BAD.parent.parent.parent / "agendas" / "power-of-partnerships.yaml"
    args = ["build", str(session), "-f", fmt, "-o", str(tmp_path / "out")]
    others = sorted(entry.module for name, entry in BUILTIN.items() if name != fmt)
    code = (
        "import sys\n"
        "from facilitate.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit as done:\n    assert not done.code, done.code\n"
        f"print('LOADED:' + ','.join(m for m in {others!r} if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "LOADED:"
