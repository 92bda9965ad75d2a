"""The benchmark workloads, written as files every contender reads: the same slides, the same cards."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

NOTES = (
    "Open with the question on the slide and let tables talk for two minutes before"
    " taking answers; listen for examples from practice and note them on the flip chart"
    " so we can return to them after the break."
)  # 30+ words, like a facilitator's note


def slides(count: int) -> list[dict]:
    """``count`` content slides: a title, five bullets, 30 words of notes."""
    return [
        {
            "title": f"Segment {number}: what we learn together",
            "bullets": [f"Point {letter} of segment {number}, short enough to read" for letter in "ABCDE"],
            "notes": NOTES,
        }
        for number in range(1, count + 1)
    ]


def write_deck_inputs(folder: Path, count: int) -> dict[str, Path]:
    """The same deck as facilitate YAML, plain JSON for the floor, Markdown for pandoc."""
    folder.mkdir(parents=True, exist_ok=True)
    content = slides(count)
    session = {
        "kind": "session",
        "id": f"bench-{count}",
        "title": f"Benchmark deck of {count} slides",
        # One minute a segment: a deck of more than 16 hours of them starts at midnight (1,439 at most).
        "starts_at": "08:00" if count <= 960 else "00:00",
        "segments": [
            {"id": f"s{i}", "title": s["title"], "kind": "input", "minutes": 1, "bullets": s["bullets"], "notes": s["notes"]}
            for i, s in enumerate(content, 1)
        ],
    }
    paths = {
        "yaml": folder / f"deck-{count}.yaml",
        "json": folder / f"deck-{count}.json",
        "markdown": folder / f"deck-{count}.md",
    }
    paths["yaml"].write_text(yaml.safe_dump(session, sort_keys=False), "utf-8")
    paths["json"].write_text(json.dumps({"title": session["title"], "slides": content}), "utf-8")
    markdown = [f"% {session['title']}", ""]
    for s in content:
        markdown += [f"# {s['title']}", ""] + [f"- {b}" for b in s["bullets"]] + ["", "::: notes", s["notes"], ":::", ""]
    paths["markdown"].write_text("\n".join(markdown), "utf-8")
    return paths


#: A 40-word prompt, as long as a card's prompt usually gets (the "long" card workloads).
LONG_PROMPT = (
    "Imagine a system where partnership idea {i} is simply how things are done: families, staff and"
    " governors plan the term together, share what they learn each week, notice who is missing from"
    " the conversation and invite them in before any decision about the children is made"
)


def card_rows(count: int, long: bool = False) -> list[dict]:
    """``count`` poker cards: a category, a title and a prompt (about 14 words, or 40 with ``long``)."""
    prompt = LONG_PROMPT if long else "Imagine a system where partnership idea {i} is simply how things are done"
    return [
        {
            "id": f"c{i}",
            "title": f"Card {i}",
            "prompt": prompt.format(i=i),
            "category": ("Place", "People", "Purpose")[i % 3],
        }
        for i in range(1, count + 1)
    ]


def write_card_inputs(folder: Path, count: int, long: bool = False) -> dict[str, Path]:
    """A deck of ``count`` poker cards as facilitate YAML, as a CSV card table, and as JSON for the floors."""
    import csv

    folder.mkdir(parents=True, exist_ok=True)
    cards = card_rows(count, long)
    title = f"Benchmark deck of {count} cards"
    deck = {"kind": "deck", "id": f"bench-{count}", "title": title, "back": {"title": "Let's imagine", "colour": "#1f4e79"}, "cards": cards}
    stem = f"cards-{count}{'-long' if long else ''}"
    paths = {"yaml": folder / f"{stem}.yaml", "json": folder / f"{stem}.json", "csv": folder / f"{stem}.csv"}
    paths["yaml"].write_text(yaml.safe_dump(deck, sort_keys=False), "utf-8")
    paths["json"].write_text(json.dumps(deck), "utf-8")
    with paths["csv"].open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "title", "prompt", "category"])
        writer.writeheader()
        writer.writerows(cards)
    return paths
