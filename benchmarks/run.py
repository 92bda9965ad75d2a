"""Benchmarks: facilitate against the floor (bare python-pptx / reportlab scripts) and a peer (pandoc).

    python benchmarks/run.py [--runs 5] [--quick]

Run it with facilitate installed normally (``pip install .`` in a fresh virtual
environment, bytecode compiled), not as an editable install: an editable install under
PYTHONDONTWRITEBYTECODE recompiles facilitate's modules in every process.

Every figure is a whole process, timed with time.perf_counter and measured for peak
memory with GNU time (``/usr/bin/time``, else os.wait4's rusage); contenders of a row run alternately (A B A B ...) so the
ratio holds when the machine's speed drifts. Medians are printed. Nothing here asserts a
time: read the table (docs/performance.md records it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import workloads  # noqa: E402

PYTHON = sys.executable
FONT = str(resources.files("facilitate") / "fonts" / "DejaVuSans.ttf")


def facilitate(*args: str) -> list[str]:
    script = Path(PYTHON).with_name("facilitate")
    return [str(script), *args] if script.exists() else [PYTHON, "-m", "facilitate", *args]


GNU_TIME = shutil.which("time") if Path("/usr/bin/time").exists() else None


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one run of ``command``.

    Peak memory comes from GNU time (``/usr/bin/time -f %M``) when it is installed: a child
    forked straight from this Python would be charged this process's own memory too.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        wrapped = ["/usr/bin/time", "-f", "%M", "-o", rss.name, *command] if GNU_TIME else command
        started = time.perf_counter()
        process = subprocess.Popen(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            error = process.stderr.read().decode(errors="replace").strip().splitlines()[-1:]
            raise RuntimeError(f"{' '.join(command)} failed: {error}")
        peak_kb = float(rss.read().strip().splitlines()[-1]) if GNU_TIME else usage.ru_maxrss
    return wall, peak_kb / 1024


def compare(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Median wall time and median peak memory per contender, run alternately after a warm-up."""
    for command in commands.values():
        run_once(command)
    walls: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            wall, peak = run_once(command)
            walls[name].append(wall)
            peaks[name].append(peak)
    return {name: (statistics.median(walls[name]), statistics.median(peaks[name])) for name in commands}


def row(label: str, results: dict[str, tuple[float, float]], reference: str | None = None, per: int | None = None) -> None:
    ours = results["facilitate"]
    cells = [f"{label:<34}", f"{ours[0]:8.3f} s", f"{ours[1]:6.0f} MB"]
    for name, (wall, peak) in results.items():
        if name == "facilitate":
            continue
        cells.append(f"{name} {wall:7.3f} s {peak:5.0f} MB  ratio {ours[0] / wall:5.2f}x")
    if per:
        cells.append(f"{ours[0] / per * 1000:6.3f} ms/item")
    print("  ".join(cells), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, 3 runs: a smoke test of the harness")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    work = Path(tempfile.mkdtemp(prefix="facilitate-bench-"))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {runs} runs each, medians; work in {work}")
    print()
    try:
        print("1. Deck: facilitate vs the bare python-pptx floor and pandoc (title + N slides, 5 bullets, notes)")
        for count in (40,) if args.quick else (40, 400):
            inputs = workloads.write_deck_inputs(work, count)
            commands = {
                "facilitate": facilitate("build", str(inputs["yaml"]), "-f", "pptx", "-o", str(work / f"deck-{count}"), "--force"),
                "floor": [PYTHON, str(HERE / "floors" / "pptx_floor.py"), str(inputs["json"]), str(work / f"floor-{count}.pptx")],
            }
            if shutil.which("pandoc"):
                commands["pandoc"] = ["pandoc", str(inputs["markdown"]), "-o", str(work / f"pandoc-{count}.pptx")]
            row(f"deck, {count} slides", compare(commands, runs))
        print()
        print("2. Cards: poker 9-up on A4 with mirrored backs and crop marks vs the bare reportlab floor")
        for count in (100,) if args.quick else (100, 1_000, 10_000):
            inputs = workloads.write_card_inputs(work, count)
            commands = {
                "facilitate": facilitate("cards", str(inputs["yaml"]), "-o", str(work / f"cards-{count}.pdf"), "--force", "--no-instructions"),
                "floor": [PYTHON, str(HERE / "floors" / "cards_floor.py"), str(inputs["json"]), str(work / f"floor-{count}.pdf"), FONT],
            }
            row(f"cards, {count:,}", compare(commands, 1 if count >= 10_000 else runs), per=count)
        print()
        print("3. Whole pack: facilitate build of the default session, cold process")
        row("default pack", compare({"facilitate": facilitate("build", "-o", str(work / "pack"), "--force")}, runs))
        print()
        print("4. Start-up, vs a bare Python start")
        bare = [PYTHON, "-c", "pass"]
        row("facilitate --help", compare({"facilitate": facilitate("--help"), "python": bare}, runs))
        session = workloads.write_deck_inputs(work, 10)["yaml"]
        row("facilitate validate FILE", compare({"facilitate": facilitate("validate", str(session)), "python": bare}, runs))
        print()
        print("5. Batch: 20 packs, --jobs 1 vs --jobs 2")
        cluster = work / "cluster.yaml"
        members = "".join(f"  - name: School {n}\n" for n in range(1, 21))
        cluster.write_text(f"kind: cluster\nid: bench\ntitle: Bench cluster\nsession: power-of-partnerships\nmembers:\n{members}", "utf-8")
        batch = compare(
            {
                "facilitate": facilitate("build-cluster", str(cluster), "-o", str(work / "packs-1"), "--jobs", "1", "--force"),
                "jobs-2": facilitate("build-cluster", str(cluster), "-o", str(work / "packs-2"), "--jobs", "2", "--force"),
            },
            1 if not args.quick else 1,
        )
        row("20 packs, --jobs 1 (vs --jobs 2)", batch)
        print(f"{'':34}  speed-up with 2 jobs: {batch['facilitate'][0] / batch['jobs-2'][0]:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
