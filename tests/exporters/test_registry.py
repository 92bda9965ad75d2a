"""The exporter registry: facilitate's formats and other packages' formats, and their options on the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitate import exporters
from facilitate.cli import main
from facilitate.errors import FacilitateError
from facilitate.exporters.cards_pdf import CardOptions
from facilitate.options import BuildOptions, OptionError, PaperOptions


@pytest.mark.parametrize("name", exporters.DEFAULT_FORMATS)
def test_each_format_is_an_exporter_of_that_name(name):
    exporter = exporters.exporter(name)
    assert isinstance(exporter, exporters.Exporter)
    assert exporter.name == name
    assert exporter.description and all(isinstance(group, type) for group in exporter.options)


def test_an_unknown_format_names_the_known_ones():
    with pytest.raises(FacilitateError, match=r"unknown format 'odt' \(formats: markdown, html, docx"):
        exporters.exporter("odt")


def test_every_option_of_a_format_is_offered_wherever_it_is_built():
    flags = {}
    for command in ("build", "build-cluster", "cards"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0, result.output
        flags[command] = result.output
    for flag in ("--duplex", "--size", "--bleed", "--template", "--aspect", "--paper", "--template-dir", "--cards-as-slides"):
        assert flag in flags["build"] and flag in flags["build-cluster"], flag
    for flag in ("--duplex", "--size", "--bleed", "--paper", "--fold"):
        assert flag in flags["cards"], flag
    assert "--aspect" not in flags["cards"] and "--deck" not in flags["cards"]


def test_an_option_value_is_checked_even_when_its_format_is_not_built(tmp_path):
    result = CliRunner().invoke(main, ["build", "-f", "markdown", "--bleed", "lots", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output == "error: --bleed: 'lots' is not a length like 3, 3mm or 0.125in\n"
    assert not (tmp_path / "out").exists()


def test_a_choice_click_refuses_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["build", "--duplex", "sideways", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "'sideways' is not one of" in result.output


def test_the_old_page_size_name_still_works(tmp_path):
    result = CliRunner().invoke(main, ["build", "-f", "handouts", "--page-size", "letter", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    from pypdf import PdfReader

    page = PdfReader(tmp_path / "out" / "handout.pdf").pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)


def test_option_groups_check_their_values():
    with pytest.raises(OptionError, match="--bleed: '-2' must not be negative"):
        CardOptions(bleed="-2")
    with pytest.raises(OptionError, match="--size: unknown card size 'huge'"):
        CardOptions(size="huge")
    with pytest.raises(OptionError, match="--fold and --print-shop"):
        CardOptions(fold=True, print_shop=True)
    assert CardOptions(bleed="2").bleed == "2.0mm"
    options = BuildOptions(PaperOptions("letter"))
    assert options[PaperOptions].paper == "letter" and options[CardOptions] == CardOptions()
    with pytest.raises(OptionError, match="--paper: 'a3' is not one of a4, letter"):
        PaperOptions("a3")


def test_another_package_adds_a_format_and_its_options(tmp_path):
    """A format registered under the entry-point group builds, and its option is on the command line."""
    site = tmp_path / "site"
    (site / "shout_exporter-1.0.dist-info").mkdir(parents=True)
    (site / "shout_exporter-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: shout-exporter\nVersion: 1.0\n")
    (site / "shout_exporter-1.0.dist-info" / "entry_points.txt").write_text("[facilitate.exporters]\nshout = shout_exporter\n")
    (site / "shout_exporter.py").write_text(textwrap.dedent('''
        import attrs
        from facilitate.options import Flag, option
        from facilitate.output import Output

        @attrs.frozen
        class ShoutOptions:
            word: str = option("HELLO", Flag("--shout-word", "The word to shout."), str.upper)

        name = "shout"
        description = "shout.txt: the session title, loudly"
        options = (ShoutOptions,)

        def outputs(pack, options):
            text = f"{options[ShoutOptions].word} {pack.session.title.upper()}\\n"
            return [Output("shout.txt", lambda handle: handle.write(text.encode()))]
    '''))
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = lambda *args: subprocess.run([sys.executable, "-m", "facilitate", *args], capture_output=True, text=True, env=env, cwd=tmp_path)  # noqa: E731
    helped = run("build", "--help")
    assert "--shout-word" in helped.stdout and "shout.txt: the session title" in helped.stdout
    built = run("build", "-f", "shout", "--shout-word", "hey", "-o", "out")
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "out" / "shout.txt").read_text() == "HEY THE POWER OF PARTNERSHIPS\n"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".facilitate-manifest.json", "shout.txt"]


def test_a_broken_plugin_is_named_and_does_not_break_other_builds(tmp_path):
    site = tmp_path / "site"
    (site / "broken-1.0.dist-info").mkdir(parents=True)
    (site / "broken-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: broken\nVersion: 1.0\n")
    (site / "broken-1.0.dist-info" / "entry_points.txt").write_text("[facilitate.exporters]\nbroken = no_such_module\n")
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = lambda *args: subprocess.run([sys.executable, "-m", "facilitate", *args], capture_output=True, text=True, env=env, cwd=tmp_path)  # noqa: E731
    asked = run("build", "-f", "broken", "-o", "out")
    assert asked.returncode == 2
    assert asked.stderr.startswith("error: format 'broken': its exporter 'no_such_module' cannot be loaded")
    others = run("build", "-f", "markdown", "-o", "out")
    assert others.returncode == 0, others.stderr
    assert Path(tmp_path / "out" / "handout.md").exists()
