"""Measure the question ladder on the labelled set and write the figures into docs/questions.md.

    python scripts/question_accuracy.py          # rewrite the figures in the page
    python scripts/question_accuracy.py --check  # exit 1 if the page's figures are not a fresh run's

The set is tests/fixtures/questions/labelled.csv (question, rung, language, source);
questions a facilitator would hesitate over are in ambiguous.csv and not counted.
Each question is classified as the command line would, with its language detected.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

from facilitate.model.questions import STANDARD_RUNGS, classify, suggest

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "fixtures" / "questions" / "labelled.csv"
AMBIGUOUS = ROOT / "tests" / "fixtures" / "questions" / "ambiguous.csv"
PAGE = ROOT / "docs" / "questions.md"
START, END = "<!-- figures:start (scripts/question_accuracy.py) -->", "<!-- figures:end -->"
LABELS = [rung.id for rung in STANDARD_RUNGS] + ["none"]
CONSTRUCTED = "facilitate (constructed)"


def rows(path: Path = SET) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def predicted(question: str) -> str:
    result = classify(question)
    return result.rung.id if result.rung else "none"


def figures() -> str:
    """The page's generated section, as Markdown."""
    labelled = rows()
    english = [row for row in labelled if row["language"] == "en"]
    guesses = {row["question"]: predicted(row["question"]) for row in labelled}
    right = sum(1 for row in english if guesses[row["question"]] == row["rung"])
    lines = [
        f"Measured on {len(labelled)} questions ({len(english)} in English), "
        f"{sum(1 for r in labelled if r['source'] == CONSTRUCTED)} of them written for facilitate's tests "
        f"and the rest quoted from {len({r['source'] for r in labelled if r['source'] != CONSTRUCTED})} published "
        f"pages; {len(rows(AMBIGUOUS))} more that a facilitator would hesitate over are kept apart and not counted.",
        "",
        f"**English accuracy: {right} of {len(english)} ({100 * right / len(english):.1f}%).**",
        "",
        "| rung (label) | questions | right | accuracy |",
        "| --- | ---: | ---: | ---: |",
    ]
    for label in LABELS:
        group = [row for row in english if row["rung"] == label]
        if group:
            hits = sum(1 for row in group if guesses[row["question"]] == label)
            lines.append(f"| {label} | {len(group)} | {hits} | {100 * hits / len(group):.1f}% |")
    lines += ["", "Confusion matrix (English; rows are the labels, columns what the ladder said):", ""]
    counts = Counter((row["rung"], guesses[row["question"]]) for row in english)
    lines.append("| label \\ said | " + " | ".join(LABELS) + " |")
    lines.append("| --- |" + " ---: |" * len(LABELS))
    for label in LABELS:
        if any(row["rung"] == label for row in english):
            lines.append(f"| {label} | " + " | ".join(str(counts[(label, said)]) for said in LABELS) + " |")
    lines += ["", "| language | questions | right |", "| --- | ---: | ---: |"]
    for language in sorted({row["language"] for row in labelled}):
        group = [row for row in labelled if row["language"] == language]
        hits = sum(1 for row in group if guesses[row["question"]] == row["rung"])
        lines.append(f"| {language} | {len(group)} | {hits} |")
    rewrites = [text for row in english for text in suggest(row["question"]).rewrites]
    lines += ["", f"Rewrites of the English questions: {len(rewrites)}, each checked by the grammar rules in "
              "`tests/model/grammar_rules.py`."]
    return "\n".join(lines)


def render(page: str) -> str:
    head, rest = page.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{figures()}\n{END}{tail}"


def main() -> int:
    page = PAGE.read_text("utf-8")
    fresh = render(page)
    if "--check" in sys.argv:
        if fresh != page:
            print(f"{PAGE.relative_to(ROOT)} is out of date: run python scripts/question_accuracy.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(fresh, "utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
