"""Benchmark: validate's load phase (parse + model) against a bare libyaml load of the same files.

    python benchmarks/validate.py FILE... [--runs 9] [--json]

For each session or deck file, in this one process after a warm-up: facilitate's load of
it as ``facilitate validate`` loads it (the content file parsed once, the model built, the
files it names read: a session's bundled decks, ladders, curves...), against
``yaml.load(text, Loader=yaml.CSafeLoader)`` of the text of every YAML file that load
reads (found with loaders.origins.recording_files; the index of the bundled library,
read once a process, is left out of both), run alternately (A B A B ...). Printed:
median, min and max of each, and the paired ratio (facilitate ÷ bare, round by round):
median and min–max. The full validate (every format laid out) is timed as a whole
process by benchmarks/run.py. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import yaml


def facilitate_load(path: str) -> set[str]:
    """Load ``path`` as validate does (parse once, then the pack or the object), and the files it read."""
    from facilitate.loaders import library, origins
    from facilitate.loaders.content import load_object, parse_document, parsing_once

    with origins.recording_files() as read, parsing_once():
        document = parse_document(path)
        if document.kind == "session":
            library.load(path)
        else:
            load_object(path)
    return read


def bare_load(texts: list[str]) -> None:
    for text in texts:
        yaml.load(text, Loader=yaml.CSafeLoader)


def measure(path: str, runs: int) -> dict[str, object]:
    facilitate_load(path)  # warm-up: imports, the library's index, cattrs' generated code
    read = facilitate_load(path)  # the files a warm load reads (the bundled library's index is read once a process)
    texts = [Path(file).read_text("utf-8") for file in sorted(read) if file.endswith((".yaml", ".yml")) and Path(file).is_file()]
    bare_load(texts)
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        facilitate_load(path)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        bare_load(texts)
        bare.append(time.perf_counter() - started)
    ratios = [a / b for a, b in zip(ours, bare)]
    return {
        "file": path,
        "yaml_files": len(texts),
        "facilitate": (min(ours), statistics.median(ours), max(ours)),
        "libyaml": (min(bare), statistics.median(bare), max(bare)),
        "ratio": (min(ratios), statistics.median(ratios), max(ratios)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--json", action="store_true", help="one JSON object per file (for benchmarks/run.py)")
    args = parser.parse_args()
    for file in args.files:
        result = measure(file, args.runs)
        if args.json:
            print(json.dumps(result), flush=True)
            continue
        ours, bare, ratio = result["facilitate"], result["libyaml"], result["ratio"]
        print(
            f"{file} ({result['yaml_files']} YAML files): facilitate {ours[1] * 1000:.1f} ms ({ours[0] * 1000:.1f}-{ours[2] * 1000:.1f}),"  # type: ignore[index]
            f" libyaml {bare[1] * 1000:.1f} ms ({bare[0] * 1000:.1f}-{bare[2] * 1000:.1f}),"  # type: ignore[index]
            f" ratio {ratio[1]:.2f}x ({ratio[0]:.2f}-{ratio[2]:.2f})",  # type: ignore[index]
            flush=True,
        )


if __name__ == "__main__":
    main()
