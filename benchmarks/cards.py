"""Benchmark: card sheets (cards.pdf) at 100, 1,000 and 10,000 cards: time and peak memory.

    python benchmarks/cards.py [--sizes 100 1000 10000] [--paper a4]

Each size runs in a fresh process, which builds the deck in Python (the model) and then
writes the PDF to a temporary file. Printed per size: wall time of the export, the
process's peak resident memory (ru_maxrss) before the export (interpreter, libraries and
the deck itself) and after it, the growth the export added, pages and file size. The
export's growth should stay flat as the deck grows: pages are streamed, not kept.
A second table times the whole command (``facilitate cards FILE.yaml``), where loading
the YAML deck is part of the cost. Nothing here asserts a time; read the tables.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

CHILD = r"""
import json, os, resource, sys, time
from facilitate.exporters import cards_pdf
from facilitate.model import Card, CardBack, CardDeck

count, paper, path = int(sys.argv[1]), sys.argv[2], sys.argv[3]

def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

from facilitate.exporters._reportlab import register_fonts

register_fonts()
deck = CardDeck(
    f"bench-{count}", f"Benchmark deck of {count} cards",
    tuple(
        Card(f"c{i}", f"Card {i}", f"Imagine a system where partnership idea {i} is simply how things are done",
             detail=f"Detail line for card {i}." if i % 2 else "", category=("Place", "People", "Purpose")[i % 3])
        for i in range(1, count + 1)
    ),
    instructions=("Lay the cards face down.", "Turn one at a time."),
    back=CardBack(title="Let's imagine", pattern="dots"),
)
# Warm up: fit and draw a small deck once, so the figures compare the export alone.
with open(os.devnull, "wb") as sink:
    cards_pdf.write_pdf((CardDeck("warm", "Warm", deck.cards[:9]),), sink, paper_name=paper)
before = peak_mb()
started = time.perf_counter()
with open(path, "wb") as handle:
    cards_pdf.write_pdf((deck,), handle, paper_name=paper)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "before_mb": before, "peak_mb": peak_mb(), "bytes": os.path.getsize(path)}))
"""


def run(count: int, paper: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="facilitate-cards-bench-") as folder:
        path = os.path.join(folder, "cards.pdf")
        result = subprocess.run([sys.executable, "-c", CHILD, str(count), paper, path], capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"{count} cards failed:\n{result.stderr}")
        figures = json.loads(result.stdout)
        from pypdf import PdfReader

        figures["pages"] = len(PdfReader(path).pages)
        return figures


def run_command(count: int, paper: str) -> tuple[float, float]:
    """Wall time and peak memory (MB) of the whole ``facilitate cards FILE`` command, YAML to PDF."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import time
    from pathlib import Path

    import workloads

    with tempfile.TemporaryDirectory(prefix="facilitate-cards-bench-") as folder:
        deck = workloads.write_card_inputs(Path(folder), count)["yaml"]
        command = [sys.executable, "-m", "facilitate", "cards", str(deck), "-o", os.path.join(folder, "cards.pdf"), "--paper", paper]
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode(errors='replace')}")
        return wall, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000])
    parser.add_argument("--paper", choices=["a4", "letter"], default="a4")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, poker 9-up on {args.paper}, backs (dots pattern), crop marks")
    print(f"{'cards':>7}  {'export':>9}  {'per card':>9}  {'peak before':>11}  {'peak after':>10}  {'growth':>7}  {'pages':>6}  {'file':>8}")
    for count in args.sizes:
        f = run(count, args.paper)
        growth = f["peak_mb"] - f["before_mb"]
        print(
            f"{count:>7,}  {f['seconds']:>7.2f} s  {f['seconds'] / count * 1000:>6.2f} ms  {f['before_mb']:>8.1f} MB"
            f"  {f['peak_mb']:>7.1f} MB  {growth:>4.1f} MB  {f['pages']:>6,}  {f['bytes'] / 1e6:>5.1f} MB",
            flush=True,
        )
    print()
    print("The whole command, facilitate cards FILE.yaml (loading the YAML deck included):")
    print(f"{'cards':>7}  {'wall':>9}  {'peak memory':>11}")
    for count in args.sizes:
        wall, peak = run_command(count, args.paper)
        print(f"{count:>7,}  {wall:>7.2f} s  {peak:>8.1f} MB", flush=True)


if __name__ == "__main__":
    main()
