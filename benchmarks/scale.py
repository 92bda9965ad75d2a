"""Benchmark: time and memory against input size, to show they grow in proportion (docs/reliability.md).

    python benchmarks/scale.py [--families notes lines prompts decks] [--quick]

Families (each size runs in a fresh process, through the Python API so sizes past the
per-field limit of content files can be measured too):

- notes:   one facilitator's note of N characters (sentences), built as the run-sheet PDF
- lines:   one note of N characters as short lines ("ab" and a line break): a row cut into many parts
- prompts: a session of N segments with three prompts each, built as the deck and the handouts
- decks:   a card deck of N cards, built as card sheets (benchmarks/cards.py measures more)

Printed per size: seconds, peak resident memory (MB), and the time per unit next to the
previous size's: a ratio near 1 means the work grows in proportion to the input. Nothing
here asserts a time; read the table.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

CHILD = r"""
import json, resource, sys, tempfile, time
import attrs
import facilitate
from facilitate.model import Card, CardDeck, Part, Segment, Session, SessionPack

family, size = sys.argv[1], int(sys.argv[2])
SENTENCE = "Keep the welcome short and let each table say why they came today. "

def session(segments):
    return Session(title="Scale", segments=tuple(segments), conversation=(Part("a", "A"), Part("b", "B"), Part("c", "C")))

if family in ("notes", "lines"):
    unit = SENTENCE if family == "notes" else "ab\n"
    text = (unit * (size // len(unit) + 1))[:size]
    pack = SessionPack(session([Segment("welcome", "Welcome", 20, notes=text)]))
    formats = ["handouts"]
elif family == "prompts":
    segments = [Segment(f"s{i}", f"Segment {i}", 1, prompts=(f"What does idea {i} change for us?", "Who else needs to hear it?", "What will we try first?")) for i in range(size)]
    pack = SessionPack(session(segments))
    formats = ["pptx", "handouts"]
else:
    cards = tuple(Card(f"c{i}", f"Card {i}", f"Imagine partnership idea {i} is simply how things are done") for i in range(size))
    pack = SessionPack(session([Segment("cards", "Cards", 30, deck="ideas")]), decks=(CardDeck("ideas", "Ideas", cards),))
    formats = ["cards"]

with tempfile.TemporaryDirectory() as out:
    start = time.perf_counter()
    facilitate.build(pack, out, formats)
    seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

SIZES = {
    "notes": [100_000, 300_000, 1_000_000],
    "lines": [100_000, 300_000, 1_000_000],
    "prompts": [50, 100, 200, 400],
    "decks": [250, 500, 1000, 2000],
}
QUICK = {"notes": [30_000, 100_000], "lines": [30_000, 100_000], "prompts": [25, 50], "decks": [100, 200]}
UNITS = {"notes": "characters", "lines": "characters", "prompts": "segments", "decks": "cards"}


def measure(family: str, size: int) -> dict:
    result = subprocess.run([sys.executable, "-c", CHILD, family, str(size)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", nargs="+", default=list(SIZES), choices=list(SIZES))
    parser.add_argument("--quick", action="store_true", help="Small sizes only (a smoke test).")
    args = parser.parse_args()
    sizes = QUICK if args.quick else SIZES
    print(f"{'family':<8} {'size':>10} {'unit':<11} {'seconds':>8} {'peak MB':>8} {'time per unit vs previous':>26}")
    for family in args.families:
        previous = None
        for size in sizes[family]:
            figures = measure(family, size)
            per_unit = figures["seconds"] / size
            ratio = f"{per_unit / previous:.2f}" if previous else "-"
            previous = per_unit
            print(f"{family:<8} {size:>10,} {UNITS[family]:<11} {figures['seconds']:>8.2f} {figures['peak_mb']:>8.0f} {ratio:>26}")


if __name__ == "__main__":
    main()
