"""Benchmark: the question ladder over the labelled set (classification runs on every prompt).

    python benchmarks/questions.py [--repeat 5]

Prints the time per question of ``classify()`` and of ``strengthen()`` (which classifies
each candidate rewrite again), best of the repeats. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from facilitate.model.questions import classify, strengthen

SET = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "questions" / "labelled.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with SET.open(encoding="utf-8", newline="") as handle:
        questions = [row["question"] for row in csv.DictReader(handle)]
    for name, function in (("classify", classify), ("strengthen", strengthen)):
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            for question in questions:
                function(question)
            best = min(best, time.perf_counter() - start)
        print(f"{name:<10}  {len(questions)} questions  {best * 1000 / len(questions):.3f} ms per question")


if __name__ == "__main__":
    main()
