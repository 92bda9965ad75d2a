"""Commented starter files for ``facilitate new``."""

from __future__ import annotations

AGENDA = """\
# A facilitate session. Build it with:  facilitate build {name}.yaml -o pack/
# Every key is described by 'facilitate schema'; times are 24-hour clock times.
kind: session
id: {name}
title: {title}
subtitle: ""
date: 2026-09-03          # YYYY-MM-DD
starts_at: "09:00"
ends_by: "12:30"          # optional: the build refuses an agenda that runs past it
venue: ""
hosts: []
facilitators: []
audience: ""
purpose: >-
  One or two sentences on why the group is meeting.

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
    notes: Facilitator-only notes; never shown to participants.
    materials: [name badges]
  - id: imagine
    title: Let's imagine
    part: why
    kind: activity
    minutes: 30
    min_minutes: 20          # if the day runs late, the live page may shrink it to this
    grouping: tables
    deck: lets-imagine
    description: Turn the cards one at a time and talk about what each one sparks.
  - id: coffee
    title: Coffee
    kind: break
    minutes: 15
    # fixed: "09:50"         # pins it to a clock time the agenda must reach (the live page catches up to it)
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
