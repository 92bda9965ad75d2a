"""``facilitate ladder`` on one question or a file of them, and ``validate --warn-closed``."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitate.cli import main

FACILITATE = Path(sys.executable).with_name("facilitate")
QUESTIONS = "\n".join([
    "# prompts for the cluster morning",
    "Is our partnership working?",
    "",
    "When you say 'difficult', what do you mean?",
    "What happened? What did you notice?",
    "Our next meeting is on Tuesday.",
    "Wie geht es dir?",
    "¿Por qué es importante?",
]) + "\n"


@pytest.fixture
def questions_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "questions.txt"
    path.write_text(QUESTIONS, encoding="utf-8")
    return path


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_text_names_each_question_by_file_and_line(questions_file):
    result = invoke("ladder", "--file", "questions.txt")
    assert result.exit_code == 0
    out = result.stdout
    assert "questions.txt:2: Is our partnership working?" in out
    assert "questions.txt:4: When you say 'difficult', what do you mean?" in out
    assert "rung:  none (not a question)" in out
    assert "rung:  none (language not supported)" in out
    assert "part:  What did you notice?" in out
    assert "rewrites in Spanish are not available yet" in out


def test_csv_has_one_row_per_question(questions_file):
    result = invoke("ladder", "--file", "questions.txt", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["line"] for row in rows] == ["2", "4", "5", "6", "7", "8"]
    assert rows[0]["rung"] == "yes-no" and "whether our partnership is working" in rows[0]["stronger"]
    assert rows[1]["rung"] == "what"
    assert rows[3]["verdict"] == "not-a-question" and rows[3]["rung"] == ""
    assert rows[4]["verdict"] == "language-not-supported"
    assert rows[5]["language"] == "es" and rows[5]["rung"] == "why"


def test_json_carries_parts_notes_and_rewrites(questions_file):
    result = invoke("ladder", "--file", "questions.txt", "--format", "json")
    rows = json.loads(result.stdout)
    several = rows[2]
    assert several["verdict"] == "several-questions"
    assert [part["rung"] for part in several["parts"]] == ["what", "what"]
    assert rows[0]["level"] == 1 and rows[0]["of"] == 6 and len(rows[0]["stronger"]) == 5


def test_one_question_or_a_file_not_both_nor_neither(questions_file):
    for args in (["ladder"], ["ladder", "Why?", "--file", "questions.txt"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2 and "give one QUESTION" in result.output


def test_a_missing_file_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["ladder", "--file", "nope.txt"])
    assert result.exit_code == 2
    assert "nope.txt" in result.output and "Traceback" not in result.output


def test_questions_from_stdin():
    result = CliRunner().invoke(main, ["ladder", "--file", "-", "--format", "json"], input="Why?\n")
    assert json.loads(result.stdout)[0]["rung"] == "why"


def test_an_explicit_language(questions_file):
    result = invoke("ladder", "Pam?", "--language", "cy")
    assert "rung:  Why (5 of 6)" in result.stdout


@pytest.mark.skipif(not FACILITATE.exists(), reason="needs the installed facilitate command")
def test_a_broken_pipe_exits_quietly(questions_file):
    many = questions_file.parent / "many.txt"
    many.write_text("Is our partnership working?\n" * 3000, encoding="utf-8")
    result = subprocess.run(f"{FACILITATE} ladder --file many.txt | head -1", shell=True, capture_output=True,
                            text=True, cwd=questions_file.parent, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert result.stdout == "many.txt:1: Is our partnership working?\n"
    assert result.stderr == ""


SESSION = """\
kind: session
title: Cluster morning
segments:
  - id: open
    title: Opening
    minutes: 10
    prompts:
      - What brings you here today?
      - Is our partnership working?
  - id: close
    title: Close
    minutes: 5
    prompts:
      - Will you come back next term?
"""


def test_validate_warns_on_yes_no_prompts_only_when_asked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "morning.yaml").write_text(SESSION, encoding="utf-8")
    quiet = invoke("validate", "morning.yaml")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    result = invoke("validate", "--warn-closed", "morning.yaml")
    assert result.exit_code == 0
    assert result.stdout == "morning.yaml: ok\n"
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("morning.yaml:9: segments[0].prompts[1]: warning: a yes/no question: 'Is our partnership working?'")
    assert lines[1].startswith("morning.yaml:14: segments[1].prompts[0]: warning:")
