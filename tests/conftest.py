"""Shared fixtures: small packs built in Python, and a CLI runner."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, settings

from facilitate.model import (
    Card,
    CardDeck,
    Part,
    Prompt,
    Quote,
    Reflection,
    Segment,
    Session,
    SessionPack,
)

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.register_profile("dev", max_examples=25, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def small_session(**changes) -> Session:
    fields = dict(
        title="Small session",
        date=dt.date(2026, 9, 3),
        starts_at=dt.time(9, 0),
        venue="Town hall",
        conversation=(Part("one", "Part one"), Part("two", "Part two"), Part("three", "Part three")),
        segments=(
            Segment("welcome", "Welcome", 15, kind="welcome", prompts=("Why am I here?",), notes="SECRET-NOTE-welcome"),
            Segment("talk", "A short talk", 20, kind="input", part="one", bullets=("Point A", "Point B"), materials=("Projector",)),
            Segment("cards", "Let's imagine", 30, kind="activity", part="two", grouping="tables", deck="imagine", materials=("Cards", "projector")),
            Segment("coffee", "Coffee", 15, kind="break"),
            Segment("close", "Taking stock", 20, kind="reflection", part="three", reflection="stock", notes="SECRET-NOTE-close"),
        ),
    )
    fields.update(changes)
    return Session(**fields)


def small_deck(cards: int = 12, deck_id: str = "imagine") -> CardDeck:
    return CardDeck(
        id=deck_id,
        title="Let's imagine",
        instructions=("Lay the cards face down.", "Turn one at a time."),
        cards=tuple(
            Card(f"c{i}", f"Card {i}", f"A system where idea number {i} is already happening", category=("Place", "People")[i % 2])
            for i in range(1, cards + 1)
        ),
    )


def small_pack(**changes) -> SessionPack:
    fields = dict(
        session=small_session(),
        decks=(small_deck(),),
        reflections=(
            Reflection("stock", "Taking stock", (Prompt("A discovery"), Prompt("A disturbance"), Prompt("A delight")), (Prompt("My commitment"),)),
        ),
    )
    fields.update(changes)
    return SessionPack(**fields)


@pytest.fixture
def pack() -> SessionPack:
    return small_pack()


__all__ = ["Quote", "small_deck", "small_pack", "small_session"]


@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core's script (scripts/test installs it with npm and names it in FACILITATE_AXE_CORE)."""
    from pathlib import Path

    path = os.environ.get("FACILITATE_AXE_CORE", "")
    if not path or not Path(path).is_file():
        message = "axe-core is missing: set FACILITATE_AXE_CORE to axe.min.js (scripts/test installs it with npm)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return Path(path).read_text("utf-8")


#: Debian's Chromium, which Playwright drives (never a browser of its own download).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium through Playwright, one per test module."""
    import shutil
    from pathlib import Path

    from tests import tools

    try:
        from playwright import sync_api
    except ImportError:
        tools.missing("the playwright package (pip install playwright)")
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        tools.missing(f"{CHROMIUM} (apt-get install -y chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
