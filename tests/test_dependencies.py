"""The dependency ranges facilitate states are the ones CI tests."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from facilitate.exporters import _reportlab
from facilitate.exporters._versions import release

ROOT = Path(__file__).resolve().parents[1]


def _requirements() -> dict[str, tuple[str, str]]:
    """name → (lowest, upper bound) of each runtime dependency in pyproject.toml."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    found = {}
    for requirement in data["project"]["dependencies"]:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([0-9.]+),<([0-9.]+)", requirement.split(";")[0].strip())
        assert match, f"{requirement!r}: every dependency states a tested range as >=LOWEST,<NEXT"
        found[match[1].lower().replace("_", "-")] = (match[2], match[3])
    return found


def _minimums() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints" / "minimum.txt").read_text("utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_the_minimum_constraints_pin_exactly_the_lower_bounds():
    requirements = _requirements()
    assert _minimums() == {name: lowest for name, (lowest, _) in requirements.items()}


def test_the_reportlab_internals_check_the_range_pyproject_allows():
    lowest, upper = _requirements()["reportlab"]
    assert _reportlab.TESTED == (release(lowest), release(upper))


def test_ci_runs_the_suite_at_the_minimum_versions_too():
    script = (ROOT / "scripts" / "test").read_text("utf-8")
    assert "constraints/minimum.txt" in script
