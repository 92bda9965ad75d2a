"""Benchmarks: facilitate against the simplest scripts (the floors) and pandoc, in one table.

    python benchmarks/run.py [--runs 5] [--quick] [--markdown]

Run it with facilitate installed normally (``pip install .`` in a fresh virtual
environment, bytecode compiled), not as an editable install: an editable install under
PYTHONDONTWRITEBYTECODE recompiles facilitate's modules in every process.

Every figure is a whole process (except validate's load phase, timed inside one process
by benchmarks/validate.py), timed with time.perf_counter and measured for peak memory with
GNU time (``/usr/bin/time``, else os.wait4's rusage). The contenders of a workload run
after one warm-up each, then in rounds, every contender once a round, the order turning
round by round (A B C, B C A, C A B, ...), so a drift in the machine's speed touches them
alike. Printed for each: median, min and max time and median peak memory; for each
contender that is not facilitate, facilitate's time divided by its time round by round
(paired): the median ratio and its min-max, and the ratio of the memory medians. The
fastest floor of a workload is marked. The machine's load average (1 minute) is printed
as each workload starts and ends. Nothing here asserts a time: read the table
(docs/performance.md records it and says which floor is which).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import workloads  # noqa: E402

PYTHON = sys.executable
FONT = str(resources.files("facilitate") / "fonts" / "DejaVuSans.ttf")
FLOORS = HERE / "floors"
GNU_TIME = Path("/usr/bin/time").exists()


def facilitate(*args: str) -> list[str]:
    script = Path(PYTHON).with_name("facilitate")
    return [str(script), *args] if script.exists() else [PYTHON, "-m", "facilitate", *args]


def floor(script: str, *args: str) -> list[str]:
    return [PYTHON, str(FLOORS / script), *args]


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
        assert process.stderr is not None
        if os.waitstatus_to_exitcode(status) != 0:
            error = process.stderr.read().decode(errors="replace").strip().splitlines()[-1:]
            raise RuntimeError(f"{' '.join(command)} failed: {error}")
        peak_kb = float(rss.read().strip().splitlines()[-1]) if GNU_TIME else usage.ru_maxrss
    return wall, peak_kb / 1024


@dataclass
class Contender:
    name: str
    command: list[str]
    #: facilitate itself (ratios are taken against the others); a floor (the fastest is marked); a peer (pandoc).
    role: str = "floor"
    walls: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.walls)


@dataclass
class Workload:
    label: str
    contenders: list[Contender]
    runs: int
    warm_up: bool = True
    load: tuple[float, float] = (0.0, 0.0)

    def run(self) -> Workload:
        before = os.getloadavg()[0]
        if self.warm_up:
            for contender in self.contenders:
                run_once(contender.command)
        count = len(self.contenders)
        for round_ in range(self.runs):
            for offset in range(count):
                contender = self.contenders[(round_ + offset) % count]
                wall, peak = run_once(contender.command)
                contender.walls.append(wall)
                contender.peaks.append(peak)
        self.load = (before, os.getloadavg()[0])
        return self


def seconds(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} s ({min(values):.3f}–{max(values):.3f})"


def ratio_cell(ours: Contender, other: Contender) -> str:
    paired = [a / b for a, b in zip(ours.walls, other.walls)]
    memory = statistics.median(ours.peaks) / statistics.median(other.peaks)
    return f"{statistics.median(paired):.2f}x ({min(paired):.2f}–{max(paired):.2f}), memory {memory:.2f}x"


def print_workload(workload: Workload) -> None:
    ours = [c for c in workload.contenders if c.role == "facilitate"]
    floors = [c for c in workload.contenders if c.role == "floor"]
    fastest = min(floors, key=lambda c: c.median) if floors else None
    load = f"{workload.load[0]:.2f}–{workload.load[1]:.2f}"
    for contender in workload.contenders:
        name = contender.name + (" (fastest floor)" if contender is fastest else "")
        if contender.role == "facilitate":
            ratios = ""
        else:
            ratios = "; ".join(f"{mine.name}: {ratio_cell(mine, contender)}" for mine in ours)
        print(
            f"| {workload.label} | {name} | {seconds(contender.walls)} | {statistics.median(contender.peaks):.0f} MB | {ratios} | {load} |",
            flush=True,
        )


def header(title: str) -> None:
    print()
    print(f"**{title}**")
    print()
    print("| workload | contender | time: median (min–max) | peak memory | facilitate ÷ it, paired: median (min–max) | load |")
    print("| --- | --- | --- | --- | --- | --- |")


def cards(work: Path, runs: int, quick: bool) -> None:
    header("Cards: poker, 8 up on A4, mirrored backs, crop marks (facilitate from YAML and from CSV)")
    sizes = (1_000,) if quick else (1_000, 10_000)
    for count in sizes:
        for long in (False, True):
            inputs = workloads.write_card_inputs(work, count, long)
            out = work / f"cards-{count}-{long}"
            label = f"cards, {count:,}, {'40-word' if long else 'short'} prompts"
            print_workload(Workload(label, [
                Contender("facilitate, YAML", facilitate("cards", str(inputs["yaml"]), "-o", f"{out}-yaml.pdf", "--force", "--no-instructions"), "facilitate"),
                Contender("facilitate, CSV", facilitate("cards", str(inputs["csv"]), "-o", f"{out}-csv.pdf", "--force", "--no-instructions"), "facilitate"),
                Contender("simplest script, JSON", floor("cards_simple.py", str(inputs["json"]), f"{out}-simple.pdf", FONT)),
                Contender("simplest script, same YAML (libyaml)", floor("cards_simple.py", str(inputs["yaml"]), f"{out}-simple-yaml.pdf", FONT)),
                Contender("Paragraph script, JSON", floor("cards_floor.py", str(inputs["json"]), f"{out}-paragraph.pdf", FONT)),
            ], runs if count < 10_000 else max(3, runs // 2)).run())


def decks(work: Path, runs: int, quick: bool) -> None:
    header("Decks: a title and N slides of a title, five bullets and 30 words of notes")
    sizes = (10, 40) if quick else (10, 40, 400, 1_439)
    for count in sizes:
        inputs = workloads.write_deck_inputs(work, count)
        contenders = [
            Contender("facilitate", facilitate("build", str(inputs["yaml"]), "-f", "pptx", "-o", str(work / f"deck-{count}"), "--force"), "facilitate"),
            Contender("simplest script", floor("pptx_floor.py", str(inputs["json"]), str(work / f"script-{count}.pptx"))),
        ]
        if shutil.which("pandoc") and count <= 400:
            contenders.append(Contender("pandoc", ["pandoc", str(inputs["markdown"]), "-o", str(work / f"pandoc-{count}.pptx")], "peer"))
        big = count > 400  # the script takes about 16 s at 1,439 slides: three rounds, no warm-up
        print_workload(Workload(f"deck, {count:,} slides", contenders, 3 if big else runs, warm_up=not big).run())


def validate(work: Path, runs: int, quick: bool) -> None:
    header("validate: the load phase (in one process; the ratio is facilitate ÷ a bare libyaml load of the same files)")
    files = [
        str(Path(str(resources.files("facilitate") / "bundled" / "agendas" / "power-of-partnerships.yaml"))),
        str(HERE.parent / "tests" / "fixtures" / "real" / "riverside-cluster-day.yaml"),
        str(workloads.write_deck_inputs(work, 40)["yaml"]),
        str(workloads.write_deck_inputs(work, 400)["yaml"]),
        str(workloads.write_card_inputs(work, 1_000)["yaml"]),
    ]
    if not quick:
        files.append(str(workloads.write_card_inputs(work, 10_000)["yaml"]))
    before = os.getloadavg()[0]
    result = subprocess.run([PYTHON, str(HERE / "validate.py"), "--json", "--runs", str(max(runs * 4, 9)), *files],
                            capture_output=True, text=True, check=True)
    after = os.getloadavg()[0]
    for line in result.stdout.splitlines():
        one = json.loads(line)
        ours, bare, ratio = one["facilitate"], one["libyaml"], one["ratio"]
        name = Path(one["file"]).name
        print(
            f"| load {name} ({one['yaml_files']} YAML files) | facilitate / bare libyaml |"
            f" {ours[1] * 1000:.1f} ms ({ours[0] * 1000:.1f}–{ours[2] * 1000:.1f}) / {bare[1] * 1000:.1f} ms ({bare[0] * 1000:.1f}–{bare[2] * 1000:.1f})"
            f" | | {ratio[1]:.2f}x ({ratio[0]:.2f}–{ratio[2]:.2f}) | {before:.2f}–{after:.2f} |",
            flush=True,
        )
    header("validate: the whole command (every format laid out in memory) against the build it predicts")
    session = workloads.write_deck_inputs(work, 40)["yaml"]
    for label, target in (("the default session", []), ("deck, 40 slides", [str(session)])):
        print_workload(Workload(f"validate, {label}", [
            Contender("facilitate validate", facilitate("validate", *(target or [str(files[0])])), "facilitate"),
            Contender("facilitate build (every format)", facilitate("build", *target, "-o", str(work / f"predicted-{len(target)}"), "--force"), "peer"),
        ], runs).run())


def pack_and_startup(work: Path, runs: int) -> None:
    header("The default pack (every format, 14 files and their Word, web and Markdown twins), cold; start-up")
    print_workload(Workload("default pack", [
        Contender("facilitate build", facilitate("build", "-o", str(work / "pack"), "--force"), "facilitate"),
        Contender("importing its libraries alone", floor("pack_imports.py")),
    ], runs).run())
    print_workload(Workload("start-up", [
        Contender("facilitate --help", facilitate("--help"), "facilitate"),
        Contender("python -c pass", [PYTHON, "-c", "pass"]),
    ], runs).run())


def cluster(work: Path) -> None:
    header("Batch: 20 packs of one cluster, --jobs 1 and --jobs 2")
    file = work / "cluster.yaml"
    members = "".join(f"  - name: School {n}\n" for n in range(1, 21))
    file.write_text(f"kind: cluster\nid: bench\ntitle: Bench cluster\nsession: power-of-partnerships\nmembers:\n{members}", "utf-8")
    batch = Workload("20 packs", [
        Contender("--jobs 1", facilitate("build-cluster", str(file), "-o", str(work / "packs-1"), "--jobs", "1", "--force"), "facilitate"),
        Contender("--jobs 2", facilitate("build-cluster", str(file), "-o", str(work / "packs-2"), "--jobs", "2", "--force"), "peer"),
    ], 1, warm_up=False).run()
    print_workload(batch)
    one, two = batch.contenders
    print(f"\nSpeed-up with two jobs: {one.median / two.median:.2f}x (one round; the machine's other work shows in the load)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, 3 runs: a smoke test of the harness")
    parser.add_argument("--only", choices=("cards", "decks", "validate", "pack", "cluster"), action="append",
                        help="run only these parts (repeat); default: all")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    parts = args.only or ["cards", "decks", "validate", "pack", "cluster"]
    work = Path(tempfile.mkdtemp(prefix="facilitate-bench-"))
    pandoc = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.split("\n")[0] if shutil.which("pandoc") else "no pandoc"
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {runs} rounds a workload, {pandoc}; work in {work}")
    try:
        if "cards" in parts:
            cards(work, runs, args.quick)
        if "decks" in parts:
            decks(work, runs, args.quick)
        if "validate" in parts:
            validate(work, runs, args.quick)
        if "pack" in parts:
            pack_and_startup(work, runs)
        if "cluster" in parts:
            cluster(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
