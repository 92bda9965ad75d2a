"""The command line for methods: list with filters, show, new method, validate."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from facilitate.cli import main
from facilitate.loaders import library


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


def listed(output: str) -> list[str]:
    return [line.split()[0] for line in output.splitlines() if line.strip()]


def test_list_methods_lists_every_bundled_method(run):
    result = run("list", "methods")
    assert result.exit_code == 0, result.output
    assert listed(result.output) == [method.id for method in library.methods()]
    assert "World Café (80 min, tables/whole-room, 12 or more people, online)" in result.output


def test_list_methods_filters_as_the_issue_asks(run):
    result = run("list", "methods", "--minutes-max", "20", "--grouping", "tables", "--group-size", "30", "--online")
    assert result.exit_code == 0, result.output
    expected = [
        m.id for m in library.methods()
        if m.minutes <= 20 and "tables" in m.groupings and m.group_size.admits(30) and m.online
    ]
    assert listed(result.output) == expected
    assert "1-2-4-all" in expected and "world-cafe" not in expected and "dot-voting" not in expected


@pytest.mark.parametrize(
    ("option", "value", "kept", "dropped"),
    [
        ("--minutes-max", "15", "dot-voting", "world-cafe"),
        ("--grouping", "pairs", "think-pair-share", "fishbowl"),
        ("--group-size", "40", "fishbowl", "lean-coffee"),
        ("--tag", "differing-views", "spectrogram", "five-whys"),
    ],
)
def test_each_filter_keeps_and_drops(run, option, value, kept, dropped):
    names = listed(run("list", "methods", option, value).output)
    assert kept in names and dropped not in names


def test_filters_imply_methods_and_refuse_other_kinds(run):
    assert listed(run("list", "--minutes-max", "12").output) == listed(run("list", "methods", "--minutes-max", "12").output)
    refused = run("list", "decks", "--online")
    assert refused.exit_code == 2
    assert "use 'facilitate list methods" in refused.output


def test_list_takes_a_plural_or_a_kind(run):
    assert run("list", "decks").output == run("list", "--kind", "deck").output
    assert "lets-imagine" in run("list", "decks").output
    assert run("list", "agendas").output == run("list", "--kind", "session").output


def test_nothing_fits_says_so(run):
    result = run("list", "methods", "--minutes-max", "1")
    assert result.exit_code == 0
    assert "no bundled method fits" in result.output


def test_show_prints_a_method_with_its_steps_and_credit(run):
    result = run("show", "world-cafe")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("World Café (80 min; tables, whole-room; 12 or more people)")
    assert "2. Round (3 rounds of 20 min)" in out
    assert "Between rounds: move tables; the host stays" in out
    assert "Juanita Brown and David Isaacs" in out
    assert "https://theworldcafe.com/" in out
    assert "This description: MIT" in out


def test_new_method_writes_a_starter_that_validates_and_a_session_can_use(run, tmp_path):
    result = run("new", "method", "Silent brainstorm")
    assert result.exit_code == 0, result.output
    starter = tmp_path / "silent-brainstorm.yaml"
    assert starter.read_text("utf-8").startswith("# A facilitate method.")
    assert run("validate", str(starter)).output.strip() == f"{starter}: ok"
    assert run("show", str(starter)).output.startswith('Silent brainstorm (30 min;')
    session = tmp_path / "day.yaml"
    session.write_text(
        "kind: session\nid: day\ntitle: Day\nsegments:\n"
        "  - id: ideas\n    title: Ideas\n    minutes: 20\n    method: silent-brainstorm\n",
        "utf-8",
    )
    assert run("validate", str(session)).exit_code == 0


def test_validate_points_at_an_unknown_method_id(run, tmp_path):
    session = tmp_path / "day.yaml"
    session.write_text(
        "kind: session\nid: day\ntitle: Day\nsegments:\n  - id: cafe\n    title: Café\n    minutes: 60\n    method: world-caffe\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(session)])
    assert result.exit_code == 2
    assert f"{session}:8: segments[0].method: no method named 'world-caffe' (did you mean 'world-cafe'?)" in result.output


def test_copy_a_bundled_method_to_edit_it(run, tmp_path):
    result = run("copy", "world-cafe")
    assert result.exit_code == 0, result.output
    copied = tmp_path / "world-cafe.yaml"
    assert copied.read_text("utf-8").startswith("# Described in facilitate's own words")
    assert run("validate", str(copied)).exit_code == 0
