"""Commented starter files for ``facilitate new``."""

from __future__ import annotations

AGENDA = """\
# A facilitate session. Build it with:  facilitate build {name}.yaml -o pack/
# Every key is described by 'facilitate schema'; times are 24-hour clock times.
kind: session
id: {name}
title: {title}
subtitle: ""
# date: YYYY-MM-DD        # the day itself, once it is fixed (shown on every page)
starts_at: "09:00"
ends_by: "12:30"          # optional: the build refuses an agenda that runs past it
venue: ""
hosts: []
facilitators: []
audience: ""
# Why the group meets: it opens the handout and the run-sheet. Say it in your own words.
purpose: >-
  To agree why our partnership matters now, to see honestly where we are, and to choose
  one thing we will do next, together.

# The 3 to 7 parts listed on the "Our conversation today" slide.
conversation:
  - id: why
    title: Why partnership, and why now
  - id: where
    title: Where we are today
  - id: next
    title: What we will do next

# Library items used by the pack (see 'facilitate list'). Segments can name them too.
uses:
  decks: [lets-imagine]
  ladders: [powerful-questions]
  reflections: [taking-stock]

segments:
  - id: welcome
    title: Welcome and introductions
    kind: welcome            # welcome, input, activity, discussion, break, reflection, close
    minutes: 20
    grouping: tables         # whole-room, tables, pairs, individual
    prompts:
      - Why am I here?
      - What can I offer the group?
    # notes: are for you alone (run-sheet, speaker notes), never shown to participants.
    notes: >-
      Keep your own welcome to five minutes, then give each person a minute at their table.
    materials: [name badges]
  - id: imagine
    title: Let's imagine
    part: why
    kind: activity
    minutes: 30
    grouping: tables
    deck: lets-imagine
    description: Turn the cards one at a time and talk about what each one sparks.
  - id: coffee
    title: Coffee
    kind: break
    minutes: 15
  - id: stock-take
    title: Taking stock
    part: next
    kind: reflection
    minutes: 20
    reflection: taking-stock
"""

DECK = """\
# A facilitate card deck. Print it with:  facilitate cards {name}.yaml
kind: deck
id: {name}
title: {title}
description: What the deck is for.
instructions:
  - Lay the cards face down on the table.
  - Turn them over one at a time.
  - What thoughts does each card stimulate?
back:
  title: {title}
  colour: "#1f4e79"
cards:
  - id: first
    title: A first card
    prompt: The question or statement, in large type.
    detail: An optional line of detail.
    category: Ideas
  - id: second
    title: A second card
    prompt: Another prompt for the table to talk about.
    category: Ideas
"""

STARTERS = {"agenda": AGENDA, "deck": DECK}
