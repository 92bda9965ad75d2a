"""Same input, same bytes: building a bundled pack twice gives identical files in every format."""

from __future__ import annotations

import hashlib

import pytest

import facilitate
from facilitate import exporters
from facilitate.loaders import library

AGENDAS = [entry.id for entry in library.entries() if entry.kind == "session"]


def digests(folder) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


@pytest.mark.parametrize("agenda", AGENDAS)
def test_bundled_pack_twice_gives_identical_bytes_in_every_format(agenda, tmp_path):
    pack = facilitate.load(agenda)
    first = tmp_path / "first"
    second = tmp_path / "second"
    facilitate.build(pack, first)
    facilitate.build(facilitate.load(agenda), second)
    a, b = digests(first), digests(second)
    assert a == b
    # Every registered format contributed at least one file.
    assert len(a) > len(exporters.DEFAULT_FORMATS)
    assert {"deck.pptx", "cards.pdf", "handout.pdf", "runsheet.pdf", "handout.html", "session.html"} <= set(a)


def test_every_bundled_agenda_is_tested():
    assert len(AGENDAS) >= 4 and "power-of-partnerships" in AGENDAS


def test_source_date_epoch_is_honoured_and_still_deterministic(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    pack = facilitate.load()
    facilitate.build(pack, tmp_path / "a")
    facilitate.build(pack, tmp_path / "b")
    assert digests(tmp_path / "a") == digests(tmp_path / "b")


def test_separate_processes_with_different_hash_seeds_give_identical_bytes(tmp_path):
    import os
    import subprocess
    import sys

    for seed, out in (("1", "a"), ("4242", "b")):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-m", "facilitate", "build", "-o", str(tmp_path / out)], env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
    assert digests(tmp_path / "a") == digests(tmp_path / "b")
