"""Commented starter files for ``facilitate new``."""

from __future__ import annotations

AGENDA = """\
# A facilitate session. Build it with:  facilitate build {name}.yaml -o pack/
# Every key is described by 'facilitate schema'; times are 24-hour clock times.
kind: session
id: {id}
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
id: {id}
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

METHOD = """\
# A facilitate method. A segment uses it with  method: {name}  and takes its steps,
# materials and grouping (unless the segment states its own); the segment's minutes
# scale the steps' minutes in proportion. Check it with:  facilitate validate {name}.yaml
kind: method
id: {id}
name: {title}
purpose: One sentence on what the method is for.
grouping: tables             # whole-room, tables, pairs, individual: who works together most
group_size:
  min: 4
  max: 40                    # leave out for no upper limit
steps:                       # minutes are the usual length; a segment scales them
  - title: Set the scene
    minutes: 5
    grouping: whole-room     # optional: this step's grouping, if not the method's
    instructions: What people do in this step, in a sentence or two, for the room.
  - title: Round
    minutes: 10
    rounds: 2                # optional: the step runs this many times in a row
    cue: move tables         # optional: what people do as each later round starts
    instructions: Talk about the question at your table.
  - title: Share
    minutes: 5
    grouping: whole-room
    instructions: Each table says the one thing everyone should hear.
materials: [sticky notes, pens]
room_setup:
  - Tables of four to six.
online: How to run it online (breakout rooms, a shared board); leave empty if it does not work online.
variations:
  - Another way to run it.
cautions:
  - What goes wrong, and how to avoid it.
tags: [involvement]          # rubric dimensions (ids) or needs it helps with
source:
  credit: Who created the method, and where they published it.
  url: https://example.org/where-to-read-more
  licence: The licence of that source's own text.
licence: The licence of this description's text.
"""

STARTERS = {"agenda": AGENDA, "deck": DECK, "method": METHOD}


def yaml_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that reads back as exactly ``text``.

    Characters YAML may not hold as they are (controls, U+FEFF...) and every kind of line
    break (which YAML would fold into a space) are written as escapes; everything else,
    emoji included, is written as it is.
    """
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char == " " or (char.isprintable() and code not in (0x85, 0x2028, 0x2029, 0xFEFF)):
            out.append(char)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def starter(what: str, name: str) -> tuple[str, str]:
    """The id and the text of a starter file of kind ``what`` ("agenda", "deck" or "method") titled ``name``.

    A name that could not be a field's value (a control character, more than a field
    holds) is refused, so the file written always validates.
    """
    from facilitate.errors import FacilitateError
    from facilitate.loaders.limits import text_problem
    from facilitate.model._fields import MAX_ID_CHARS, slug as make_slug

    problem = text_problem(name)
    if problem:
        raise FacilitateError(f"the name {problem}")
    slug = make_slug(name)[:MAX_ID_CHARS].strip("-") or what
    # The id is quoted too: "true", "null" or "2026" would otherwise read as a yes/no, nothing or a number.
    return slug, STARTERS[what].format(name=slug, id=yaml_quoted(slug), title=yaml_quoted(" ".join(name.split()) or slug))
