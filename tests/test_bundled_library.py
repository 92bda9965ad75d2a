"""The bundled library: every agenda, deck, exercise and theme loads, and the content keeps its promises.

These tests read the library through the installed package (``library.root()``), so they
check what a user gets from ``pip install``, not only the files in the repository.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

import facilitate
from facilitate.loaders import library
from facilitate.loaders.content import SUFFIXES, load_object, parse_document
from facilitate.model import CardDeck, MaturityRubric, QuestionLadder, Session, SessionPack
from facilitate.model.questions import classify
from facilitate.model.theme import contrast_ratio

#: Cards are 63 x 88 mm: longer text does not fit.
CARD_LIMITS = {"title": 40, "prompt": 140, "detail": 160}
#: Slides must fit: short bullets, and not too many of them.
MAX_ITEM_CHARS = 100
MAX_ITEMS = 6

ENTRIES = library.entries()
SESSIONS = [entry for entry in ENTRIES if entry.kind == "session"]
DECKS = [entry for entry in ENTRIES if entry.kind == "deck"]


def _library_files() -> list[Path]:
    files = []
    for folder in library.FOLDERS:
        node = library.root()
        for part in folder.split("/"):
            node = node / part
        if node.is_dir():
            files += [Path(str(child)) for child in node.iterdir() if child.is_file() and child.name.endswith(SUFFIXES)]
    return sorted(files)


FILES = _library_files()


def _load(path: Path):
    """As ``facilitate validate`` does: a session with everything it uses, anything else alone."""
    if parse_document(path).kind == "session":
        return library.load(path)
    return load_object(path)


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def test_the_library_has_every_required_item():
    have = {(entry.kind, entry.id) for entry in ENTRIES}
    required = {
        ("session", "power-of-partnerships"),
        ("session", "partnership-kickoff"),
        ("session", "leadership-for-partnership"),
        ("session", "innovation-partnerships"),
        ("deck", "lets-imagine"),
        ("deck", "five-insights"),
        ("deck", "ways-of-partnering"),
        ("deck", "partnership-ideas"),
        ("deck", "leadership-qualities"),
        ("deck", "steps-to-partnering"),
        ("deck", "what-it-takes"),
        ("deck", "partnership-structures"),
        ("ladder", "powerful-questions"),
        ("rubric", "ways-of-partnering-rubric"),
        ("rubric", "partnership-depth"),
        ("rubric", "five-insights-rubric"),
        ("rubric", "mature-partnerships-rubric"),
        ("reflection", "taking-stock"),
        ("theme", "default"),
    }
    assert required <= have, sorted(required - have)
    assert any(entry.kind == "curve" for entry in ENTRIES)


def test_every_library_file_is_listed():
    assert len(FILES) == len(ENTRIES)
    assert sorted(entry.path.name for entry in ENTRIES) == sorted(path.name for path in FILES)


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_every_library_file_loads(path):
    loaded = _load(path)
    assert loaded is not None


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_every_library_file_has_an_id(path):
    document = parse_document(path)
    assert document.data.get("id"), f"{path} has no id"


def test_ids_are_unique_within_each_kind():
    counts = Counter((entry.kind, entry.id) for entry in ENTRIES)
    repeated = [key for key, count in counts.items() if count > 1]
    assert not repeated


@pytest.mark.parametrize("entry", SESSIONS, ids=lambda e: e.id)
def test_agenda_files_are_named_after_their_id(entry):
    assert entry.path.stem == entry.id


# --- the default session: the CEP day ----------------------------------------------------


@pytest.fixture(scope="module")
def cep() -> SessionPack:
    return facilitate.load()


def test_the_default_session_is_the_cep_day(cep):
    assert cep.session.id == library.DEFAULT_SESSION == "power-of-partnerships"
    assert cep.session.ends_by is not None
    assert cep.session.ends_at <= cep.session.ends_by


def test_the_cep_day_has_five_parts_each_with_a_segment(cep):
    session = cep.session
    assert len(session.conversation) == 5
    for part in session.conversation:
        assert session.segments_in(part.id), f"part {part.id!r} has no segments"


def test_the_cep_day_references_resolve(cep):
    references = {
        "deck": cep.deck,
        "ladder": cep.ladder,
        "curve": cep.curve,
        "rubric": cep.rubric,
        "reflection": cep.reflection,
    }
    used = set()
    for segment in cep.session.segments:
        for field, find in references.items():
            wanted = getattr(segment, field)
            if wanted is not None:
                assert find(wanted).id == wanted
                used.add((field, wanted))
    assert {
        ("deck", "lets-imagine"),
        ("deck", "five-insights"),
        ("ladder", "powerful-questions"),
        ("rubric", "mature-partnerships-rubric"),
        ("reflection", "taking-stock"),
    } <= used
    assert any(field == "curve" for field, _ in used)


def test_the_cep_day_follows_the_source_decks_order(cep):
    """Features (part 2) before rating them (part 3); the five insights (part 4) after both."""
    session = cep.session
    assert [part.id for part in session.conversation] == ["envision", "features", "maturity", "strategies", "curve"]
    order = [segment.part for segment in session.segments if segment.part]
    assert order == sorted(order, key=[part.id for part in session.conversation].index), "parts run out of order"
    assert session.segment("silver-bullet").part == "envision", "Hattie's challenge closes part 1, as in the deck"
    (rating,) = [s for s in session.segments if s.rubric]
    assert rating.part == "maturity"
    rubric = cep.rubric(rating.rubric)
    strands = {dimension.title.split(":")[0] for dimension in rubric.dimensions}
    assert strands == {"Strengthen relationships", "Focus on learning", "Be determined"}
    taught = " ".join(session.segment("mature-features").bullets).casefold()
    assert all(strand.casefold() in taught for strand in strands), "every strand rated is taught first"
    # Nobody rates the five insights before meeting them: that rubric waits for a later session.
    assert "five-insights-rubric" not in {r.id for r in cep.rubrics}
    assert session.segments.index(rating) < session.segments.index(session.segment("five-insights"))


def test_the_cep_day_keeps_every_feature_of_strengthen_relationships(cep):
    """"Every opportunity to find learning spaces and places" was once dropped from the day."""
    bullets = " ".join(cep.session.segment("mature-features").bullets)
    assert "every opportunity to find learning spaces and places" in bullets
    row = cep.rubric("mature-partnerships-rubric").dimensions[1]
    assert row.title.startswith("Strengthen relationships")
    assert "learning spaces and places" in " ".join(level.descriptor for level in row.levels)


def test_the_cep_day_gives_each_part_the_time_its_work_needs(cep):
    session = cep.session
    minutes = {part.id: sum(s.minutes for s in session.segments_in(part.id)) for part in session.conversation}
    # The turn-the-curve worksheet: curve, story, partners, what works, essentials, actions.
    assert session.segment("turn-the-curve").minutes >= 60
    # Rating alone, then comparing ratings at tables.
    assert session.segment("self-assessment").minutes >= 15
    assert session.segment("compare-ratings").minutes >= 20
    assert minutes["maturity"] >= 40
    assert minutes == {"envision": 65, "features": 35, "maturity": 40, "strategies": 40, "curve": 60}


def test_the_cep_day_runs_nine_to_half_past_three_with_breaks_where_people_expect_them(cep):
    session = cep.session
    placed = {item.segment.id: item for item in session.schedule}
    assert (session.starts_at, session.ends_at, session.ends_by) == (dt.time(9, 0), dt.time(15, 30), dt.time(15, 30))
    assert session.total_minutes == 390
    assert (placed["morning-break"].starts_at, placed["morning-break"].ends_at) == (dt.time(10, 50), dt.time(11, 5))
    assert (placed["lunch"].starts_at, placed["lunch"].ends_at) == (dt.time(12, 20), dt.time(13, 5))
    assert (placed["afternoon-break"].starts_at, placed["afternoon-break"].ends_at) == (dt.time(13, 45), dt.time(13, 55))
    assert (placed["turn-the-curve"].starts_at, placed["turn-the-curve"].ends_at) == (dt.time(13, 55), dt.time(14, 55))
    # No stretch of work longer than two hours without a break.
    stretch = 0
    for item in session.schedule:
        stretch = 0 if item.segment.kind == "break" else stretch + item.segment.minutes
        assert stretch <= 120, f"{stretch} min without a break by {item.ends_at:%H:%M}"


def test_the_cep_day_has_breaks_lunch_and_credited_quotes(cep):
    session = cep.session
    breaks = [s for s in session.segments if s.kind == "break"]
    assert len(breaks) >= 2
    assert max(s.minutes for s in breaks) >= 30, "a full day needs a lunch break"
    authors = {quote.author for quote in session.quotes}
    assert {"Jim Collins", "John Hattie", "Margaret Wheatley"} <= authors
    assert any("Fullan" in author for author in authors)
    assert session.segments[-1].kind == "close"
    assert session.segments[-1].quote is not None


def test_every_cep_segment_is_described_for_the_room_and_the_facilitator(cep):
    for segment in cep.session.segments:
        if segment.kind == "break":
            continue
        assert segment.description, segment.id
        assert segment.notes, segment.id
        assert segment.method, segment.id


# --- every agenda -------------------------------------------------------------------------


@pytest.fixture(scope="module", params=[entry.id for entry in SESSIONS])
def pack(request) -> SessionPack:
    return library.load(request.param)


def test_every_agenda_has_parts_with_segments_and_an_end_time(pack):
    session = pack.session
    assert 3 <= len(session.conversation) <= 7
    for part in session.conversation:
        assert session.segments_in(part.id), f"{session.id}: part {part.id!r} has no segments"
    assert session.ends_by is not None
    # A realistic half or full day.
    assert 150 <= session.total_minutes <= 420


def test_agenda_bullets_and_prompts_fit_a_slide(pack):
    for segment in pack.session.segments:
        for field in ("bullets", "prompts"):
            items = getattr(segment, field)
            assert len(items) <= MAX_ITEMS, f"{pack.session.id}/{segment.id}: {len(items)} {field}"
            for item in items:
                assert len(item) < MAX_ITEM_CHARS, f"{pack.session.id}/{segment.id}: {item!r}"


def test_agenda_segment_ids_resolve_to_items_of_the_pack(pack):
    for segment in pack.session.segments:
        if segment.deck:
            assert pack.deck(segment.deck).cards
        if segment.ladder:
            assert pack.ladder(segment.ladder).rungs
        if segment.rubric:
            assert pack.rubric(segment.rubric).dimensions
        if segment.reflection:
            assert pack.reflection(segment.reflection).prompts
        if segment.curve:
            assert pack.curve(segment.curve).baseline


# --- decks --------------------------------------------------------------------------------


def _deck(deck_id: str) -> CardDeck:
    return load_object(library.find(deck_id, "deck").path, expected_kind="deck")


def test_lets_imagine_has_at_least_twelve_cards():
    deck = _deck("lets-imagine")
    assert len(deck.cards) >= 12
    assert any("face down" in step for step in deck.instructions)


def test_five_insights_has_five_credited_cards():
    deck = _deck("five-insights")
    assert len(deck.cards) == 5
    assert "Education Development Trust" in deck.source


@pytest.mark.parametrize("entry", DECKS, ids=lambda e: e.id)
def test_every_card_fits_the_card_size(entry):
    deck = _deck(entry.id)
    for card in deck.cards:
        for field, limit in CARD_LIMITS.items():
            text = getattr(card, field)
            assert len(text) <= limit, f"{deck.id}/{card.id}: {field} has {len(text)} characters (limit {limit})"


@pytest.mark.parametrize("entry", DECKS, ids=lambda e: e.id)
def test_every_deck_back_reads_in_white_and_has_instructions(entry):
    deck = _deck(entry.id)
    assert contrast_ratio("#ffffff", deck.back.colour) >= 4.5
    assert deck.back.title
    assert deck.instructions
    assert deck.source


def test_lets_imagine_credits_the_cep_deck_for_the_activity():
    deck = _deck("lets-imagine")
    assert "CEP" in deck.source and "face down" in deck.source


def test_the_structures_deck_sets_out_the_three_wested_structures():
    deck = _deck("partnership-structures")
    assert [card.id for card in deck.cards] == ["limited", "coalition", "collaborative"]
    assert "Berliner" in deck.source and "Tushnet" in deck.source
    limited, coalition, collaborative = (f"{card.prompt} {card.detail}" for card in deck.cards)
    assert "lead organisation sets the vision and the agenda" in limited
    assert "does not easily move on" in limited
    assert "divide the work" in coalition
    assert "pool their funds" in collaborative and "readily turns to new concerns" in collaborative


def test_the_kickoff_weighs_the_structures_before_the_ways_of_working():
    kickoff = library.load("partnership-kickoff").session
    ids = [segment.id for segment in kickoff.segments]
    structure = kickoff.segment("which-structure")
    assert structure.deck == "partnership-structures" and structure.part == "structure"
    assert ids.index("which-structure") < ids.index("how-closely")
    why = " ".join(kickoff.segment("why-together").bullets)
    assert "new markets" in why and "clients" in why


def test_the_five_insights_keep_the_force_of_their_source():
    data_wise = _deck("five-insights").cards[0]
    assert "obsess" in data_wise.prompt


def test_the_ladder_credits_both_of_its_sources():
    ladder = load_object(library.find("powerful-questions", "ladder").path)
    for name in ("Vogt", "Brown", "Isaacs", "CEP"):
        assert name in ladder.source
    assert "What if" in ladder.source
    assert "CEP" in ladder.description and "Vogt" in ladder.description


# --- exercises ----------------------------------------------------------------------------


def test_ladder_examples_sit_on_the_rung_they_are_filed_under():
    ladder = load_object(library.find("powerful-questions", "ladder").path)
    assert isinstance(ladder, QuestionLadder)
    assert [rung.id for rung in ladder.rungs] == ["yes-no", "which-who-when-where", "what", "how", "why", "what-if"]
    assert ladder.qualities and ladder.cautions
    for rung in ladder.rungs:
        questions = ladder.questions_for(rung.id)
        assert 1 <= len(questions) <= 3, rung.id
        for question in questions:
            assert classify(question, ladder.rungs).rung.id == rung.id, question


def test_the_curve_is_a_complete_illustrative_example():
    entry = next(entry for entry in ENTRIES if entry.kind == "curve")
    curve = load_object(entry.path)
    assert "illustrative" in curve.description.lower()
    assert 5 <= len(curve.baseline) <= 6
    assert curve.target is not None
    assert {cause.effect for cause in curve.story} == {"helping", "hurting"}
    assert curve.partners and all(partner.role for partner in curve.partners)
    assert any(idea.cost in ("no-cost", "low-cost") for idea in curve.what_works)
    assert 1 <= len(curve.essentials) <= 3
    assert curve.actions and all(action.who and action.by_when for action in curve.actions)


def test_rubrics_have_consistent_scales_and_ship_no_made_up_scores():
    rubrics = [load_object(entry.path) for entry in ENTRIES if entry.kind == "rubric"]
    assert all(isinstance(rubric, MaturityRubric) for rubric in rubrics)
    for rubric in rubrics:
        for dimension in rubric.dimensions:
            assert [level.label for level in dimension.levels] == list(rubric.scale), f"{rubric.id}/{dimension.id}"
            assert all(level.descriptor for level in dimension.levels)
    # A bundled pack goes into the room unchanged: it must not show invented "our scores".
    assert [rubric.id for rubric in rubrics if rubric.responses] == []


def test_the_continuum_rubrics_run_from_least_to_most_mature():
    scales = {
        entry.id: load_object(entry.path).scale for entry in ENTRIES if entry.kind == "rubric"
    }
    assert scales["ways-of-partnering-rubric"] == ("Networking", "Coordinating", "Cooperating", "Collaborating")
    assert scales["partnership-depth"] == ("Transactional", "Relational", "Transformative")
    assert scales["five-insights-rubric"] == ("Emerging", "Developing", "Established", "Leading")
    assert scales["mature-partnerships-rubric"] == scales["five-insights-rubric"]


def test_taking_stock_asks_for_a_discovery_a_disturbance_and_a_delight():
    reflection = load_object(library.find("taking-stock", "reflection").path)
    assert [prompt.label for prompt in reflection.prompts] == ["A discovery", "A disturbance", "A delight"]
    assert [prompt.label for prompt in reflection.commitments] == [
        "My commitment",
        "Who I can help",
        "Who I need help from",
    ]


def test_sessions_load_as_plain_sessions_too():
    for entry in SESSIONS:
        assert isinstance(load_object(entry.path), Session)
