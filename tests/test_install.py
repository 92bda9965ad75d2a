"""The package as installed: the bundled library ships inside it, and the CLI entry point works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import facilitate
from facilitate.loaders import library


@pytest.mark.skipif(not os.environ.get("FACILITATE_TEST_INSTALLED"), reason="only under scripts/test's fresh non-editable install")
def test_tests_run_against_a_real_install_not_the_source_tree():
    package = Path(facilitate.__file__).resolve()
    assert "site-packages" in package.parts
    bundled = Path(str(library.root()))
    assert not bundled.is_symlink()
    for folder in ("agendas", "card_decks", "exercises", "methods", "templates"):
        assert (bundled / folder).is_dir() and not (bundled / folder).is_symlink()


def test_bundled_library_is_found_through_importlib_resources():
    kinds = {entry.kind for entry in library.entries()}
    assert {"session", "deck", "method", "theme"} <= kinds


def test_console_script_runs():
    result = subprocess.run([sys.executable, "-m", "facilitate", "--version"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "0.1.0" in result.stdout
