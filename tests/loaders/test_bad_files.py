"""Every broken file in tests/fixtures/bad gives one line naming the file, the line and the field."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from facilitate.errors import LoadError, format_field_path
from facilitate.loaders import library
from facilitate.loaders.content import load_object, parse_document

BAD = Path(__file__).parent.parent / "fixtures" / "bad"

#: file, line (None: no line applies), field path ("" for the file as a whole), words in the message
CASES = [
    ('alias-bomb.yaml', 2, '', 'alias bomb'),
    ('alias-deep-chain.yaml', 6, 'a47[0][0]', 'nest more than 48 deep here (through aliases)'),
    ('alias-text-bomb.yaml', 6, '', 'expands (through aliases) to more than 67,108,864 characters'),
    ('cluster-member-name-too-long.yaml', 7, 'members[1].name', 'makes a folder name of 290 characters, more than 64; give the member a shorter short_name'),
    ('curve-baseline-inf.yaml', 7, 'baseline[1].value', 'must be a number from -1,000,000,000,000 to 1,000,000,000,000, got -inf'),
    ('curve-forecast-periods.yaml', 5, 'forecast_periods', 'must be from 0 to 20, got 10000000'),
    ('curve-huge-value.yaml', 6, 'baseline[0].value', 'got 1e+308'),
    ('curve-target-nan.yaml', 8, 'target.value', 'got nan'),
    ('deck-id-too-long.yaml', 2, 'id', 'is 75 characters long; an id names files, so it has at most 64'),
    ('kind-list.yaml', 1, 'kind', 'expected one of session, deck, ladder, curve, rubric, reflection, method, theme, cluster, got a list'),
    ('kind-mapping.yaml', 1, 'kind', 'got a mapping'),
    ('segment-control-char.yaml', 8, 'segments[0].notes', 'holds the control character U+0007 at character 14, which documents cannot contain'),
    ('segment-minutes-a-week.yaml', 7, 'segments[0].minutes', 'must be at most 1440 minutes (a day), got 10,080'),
    ('theme-font-css.yaml', 4, 'font', 'is not one of: Arial, Calibri, Liberation Sans, Carlito, DejaVu Sans'),
    ('theme-font-nul.yaml', 3, 'font', 'holds the control character U+0000'),
    ('curve-bad-cost.yaml', 14, 'what_works[0].cost', 'not one of'),
    ('curve-bad-direction.yaml', 6, 'indicator.direction', 'not one of: less-of, more-of'),
    ('curve-cause-effect.yaml', 14, 'story[0].effect', 'not one of: helping, hurting'),
    ('curve-empty-baseline.yaml', 7, 'baseline', 'must not be empty'),
    ('curve-four-essentials.yaml', 16, 'essentials[3]', 'agree up to 3'),
    ('curve-no-baseline.yaml', 1, 'baseline', 'is required'),
    ('curve-no-cheap-idea.yaml', 12, 'what_works', 'no-cost or low-cost'),
    ('curve-value-text.yaml', 11, 'baseline[1].value', 'expected a number'),
    ('custom-tag.yaml', 3, 'title', "YAML tag '!shout'"),
    ('deck-back-colour.yaml', 9, 'back.colour', 'not a colour'),
    ('deck-back-pattern.yaml', 9, 'back.pattern', ''),
    ('deck-card-bad-url.yaml', 8, 'cards[0].url', "not a web address"),
    ('deck-card-empty-prompt.yaml', 7, 'cards[0].prompt', 'must not be empty'),
    ('deck-card-image-no-alt.yaml', 8, 'cards[0].image.alt', 'write the picture as {path: picture.png, alt: what it shows}'),
    ('deck-card-no-prompt.yaml', 5, 'cards[0].prompt', 'is required'),
    ('deck-card-typo.yaml', 8, 'cards[0].catgory', "did you mean 'category'"),
    ('deck-card-unknown-icon.yaml', 8, 'cards[0].icon', "no bundled icon 'light-bulp' (did you mean 'light-bulb'?)"),
    ('deck-cards-mapping.yaml', 4, 'cards', 'expected a list'),
    ('deck-duplicate-card.yaml', 8, 'cards[1].id', "duplicate id 'one'"),
    ('deck-image-escapes.yaml', 5, 'back.image.path', 'is outside the content folder'),
    ('deck-image-missing.yaml', 5, 'back.image.path', "no such image 'no-such-logo.png'"),
    ('deck-instructions-mapping.yaml', 8, 'instructions', 'expected a list'),
    ('deck-missing-cards.yaml', 1, 'cards', 'is required'),
    ('deck-no-cards.yaml', 4, 'cards', 'must not be empty'),
    ('deck-zero-copies.yaml', 4, 'copies', 'at least 1, got 0'),
    ('empty.yaml', 1, '', 'the file is empty'),
    ('ladder-examples-empty.yaml', 6, 'examples[0].questions', 'must not be empty'),
    ('ladder-unknown-rung.yaml', 5, 'examples[0].rung', "no rung 'sideways'"),
    ('merge-key.yaml', 6, 'cards[0]', 'merge keys'),
    ('method-bad-tag.yaml', 8, 'tags[1]', "'Data wise' is not a valid tag"),
    ('method-group-size-inverted.yaml', 7, 'group_size.max', 'must be at least min (12), got 6'),
    ('method-no-steps.yaml', 5, 'steps', 'must not be empty'),
    ('method-source-typo.yaml', 10, 'source.licnce', "did you mean 'licence'"),
    ('method-step-bad-grouping.yaml', 8, 'steps[0].grouping', "'trios' is not one of"),
    ('method-step-zero-minutes.yaml', 9, 'steps[1].minutes', 'at least 1 minute'),
    ('method-too-many-rounds.yaml', 8, 'steps[0].rounds', 'from 1 to 12, got 40'),
    ('no-kind.yaml', 1, 'kind', 'is required'),
    ('not-utf8.yaml', 3, '', 'not valid UTF-8'),
    ('only-comments.yaml', 1, '', 'the file is empty'),
    ('python-name-tag.yaml', 5, 'cards[0]', 'YAML tag'),
    ('python-object-tag.yaml', 3, 'title', 'YAML tag'),
    ('reflection-no-prompts.yaml', 4, 'prompts', 'must not be empty'),
    ('reflection-prompt-no-label.yaml', 5, 'prompts[0].label', 'is required'),
    ('rubric-duplicate-dimension.yaml', 10, 'dimensions[1].id', "duplicate id 'trust'"),
    ('rubric-one-level.yaml', 7, 'dimensions[0].levels', 'at least 2 levels'),
    ('rubric-rating-out-of-range.yaml', 14, 'responses[0].ratings[0].level', 'from 1 to 2'),
    ('rubric-rating-unknown-dimension.yaml', 13, 'responses[0].ratings[0].dimension', "no dimension 'courage'"),
    ('segment-bad-grouping.yaml', 16, 'segments[0].grouping', 'not one of'),
    ('segment-bad-id.yaml', 13, 'segments[0].id', 'not a valid id'),
    ('segment-bad-kind.yaml', 16, 'segments[0].kind', "'lecture' is not one of"),
    ('segment-bullet-mapping.yaml', 17, 'segments[0].bullets[0]', 'expected text'),
    ('segment-bullets-string.yaml', 16, 'segments[0].bullets', 'expected a list'),
    ('segment-duplicate-id.yaml', 16, 'segments[1].id', "duplicate id 'welcome'"),
    ('segment-lowercase-free-text-method.yaml', 16, 'segments[0].method', "write it with a capital letter or a space, e.g. 'Lecture'"),
    ('segment-fixed-not-a-time.yaml', 16, 'segments[0].fixed', "expected a clock time like 09:30, got 'half past nine'"),
    ('segment-fixed-not-reached.yaml', 20, 'segments[1].fixed', 'reaches this segment at 09:20, not at its fixed time 12:30'),
    ('segment-min-minutes-too-many.yaml', 16, 'segments[0].min_minutes', "not be more than the segment's minutes (20), got 25"),
    ('segment-image-alt-file-name.yaml', 18, 'segments[0].image.alt', "is the file's name ('hall.jpg')"),
    ('segment-image-alt-missing.yaml', 16, 'segments[0].image.alt', 'is required but missing'),
    ('segment-image-gif.yaml', 16, 'segments[0].image.path', "image 'hall.gif' must be a PNG, JPEG or SVG file"),
    ('segment-image-no-alt.yaml', 16, 'segments[0].image.alt', 'write the picture as {path: hall.jpg, alt: what it shows}'),
    ('segment-minutes-fraction.yaml', 15, 'segments[0].minutes', 'whole number'),
    ('segment-minutes-text.yaml', 15, 'segments[0].minutes', "expected a whole number, got 'ten'"),
    ('segment-missing-minutes.yaml', 13, 'segments[0].minutes', 'is required but missing'),
    ('segment-negative-minutes.yaml', 18, 'segments[1].minutes', 'at least 1 minute'),
    ('segment-quote-no-author.yaml', 16, 'segments[0].quote.author', 'is required'),
    ('segment-step-no-title.yaml', 17, 'segments[0].steps[0].title', 'is required but missing'),
    ('segment-title-yes.yaml', 14, 'segments[0].title', 'put it in quotes'),
    ('segment-typo-key.yaml', 16, 'segments[0].notse', "did you mean 'notes'"),
    ('segment-unknown-deck.yaml', 16, 'segments[0].deck', "did you mean 'lets-imagine'"),
    ('segment-unknown-method.yaml', 16, 'segments[0].method', "no method named 'world-caffe' (did you mean 'world-cafe'?)"),
    ('segment-unknown-part.yaml', 16, 'segments[0].part', "no conversation part 'later'"),
    ('segment-zero-minutes.yaml', 15, 'segments[0].minutes', 'at least 1 minute'),
    ('session-bad-date.yaml', 4, 'date', 'expected a date'),
    ('session-bad-start.yaml', 4, 'starts_at', 'clock time'),
    ('session-duplicate-part.yaml', 10, 'conversation[2].id', "duplicate id 'why'"),
    ('session-eight-parts.yaml', 5, 'conversation', '3 to 7'),
    ('session-hosts-number.yaml', 12, 'hosts', 'expected a list'),
    ('session-missing-title.yaml', 1, 'title', 'is required but missing'),
    ('session-no-segments.yaml', 12, 'segments', 'must not be empty'),
    ('session-overrun.yaml', 19, 'segments[1].minutes', 'overruns by 5 min'),
    ('session-past-midnight.yaml', 15, 'segments[0].minutes', 'past midnight'),
    ('session-room-setup-null.yaml', 14, 'room_setup[1]', 'expected text'),
    ('session-segments-not-list.yaml', 12, 'segments', 'expected a list'),
    ('session-two-parts.yaml', 5, 'conversation', '3 to 7'),
    ('session-unknown-key.yaml', 3, 'titel', "did you mean 'title'"),
    ('session-uses-missing-deck.yaml', 13, 'uses.decks[0]', "no deck named 'no-such-deck' beside the session or bundled"),
    ('session-uses-unknown-collection.yaml', 13, 'uses.games', 'unknown collection'),
    ('syntax-bad-indent.yaml', 3, '', 'YAML syntax'),
    ('syntax-duplicate-key.yaml', 4, 'title', "duplicate key 'title' (first at line 3)"),
    ('syntax-tab-indent.yaml', 5, '', 'tabs are not allowed'),
    ('syntax-unclosed-bracket.yaml', 4, '', 'YAML syntax'),
    ('syntax-unterminated-quote.yaml', 5, '', 'YAML syntax'),
    ('theme-bad-colour.yaml', 3, 'primary', 'not a colour'),
    ('theme-logo-not-image.yaml', 3, 'logo', 'must be a PNG, JPEG or SVG'),
    ('theme-low-contrast.yaml', 3, 'text', 'below WCAG AA'),
    ('theme-unknown-key.yaml', 3, 'font_size', 'unknown key'),
    ('toml-syntax.toml', 3, '', 'TOML syntax'),
    ('toml-unknown-key.toml', 7, 'cards[0].titel', "did you mean 'title'"),
    ('toml-zero-minutes.toml', 12, 'segments[1].minutes', 'at least 1 minute'),
    ('top-level-list.yaml', 1, '', 'must be a mapping'),
    ('top-level-scalar.yaml', 1, '', 'must be a mapping'),
    ('unknown-kind.yaml', 1, 'kind', "did you mean 'deck'"),
    ('utf16.yaml', 1, '', 'not valid UTF-8'),
]


def load_any(path: Path):
    """Load as the CLI's validate does: sessions with their library items, others alone."""
    if not str(path).endswith((".csv", ".xlsx")) and parse_document(path).kind == "session":
        return library.load(path)
    return load_object(path)


def test_every_fixture_has_an_expectation_and_the_corpus_is_large():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(case[0] for case in CASES)
    assert len(CASES) >= 60


@pytest.mark.parametrize(("name", "line", "field", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_gives_one_line_with_file_line_field(name, line, field, words):
    path = BAD / name
    with pytest.raises(LoadError) as caught:
        load_any(path)
    error = caught.value
    message = error.one_line()
    assert "\n" not in message
    assert error.path == str(path)
    assert error.line == line, message
    assert format_field_path(error.field_path) == field, message
    location = f"{path}:{line}: " if line else f"{path}: "
    assert message.startswith(location + (field + ": " if field else "")), message
    assert words in message, message


def test_alias_bomb_is_refused_without_expanding_it(monkeypatch):
    """The loader stops after MAX_ALIAS_VALUES values repeated through aliases instead of expanding 10^9 of them.

    Checked by what it does (how many values it built, how much memory it took), not by
    a clock: the benchmarks time it (docs/reliability.md).
    """
    from facilitate.loaders import yaml_source

    built = []
    original = yaml_source._Builder.build

    def counting(self, node, path):
        built.append(1)
        return original(self, node, path)

    monkeypatch.setattr(yaml_source._Builder, "build", counting)
    tracemalloc.start()
    with pytest.raises(LoadError, match="alias bomb"):
        load_any(BAD / "alias-bomb.yaml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    written = (BAD / "alias-bomb.yaml").read_text().count('"lol"') + 20  # values written out, at most
    assert yaml_source.MAX_ALIAS_VALUES < len(built) <= yaml_source.MAX_ALIAS_VALUES + written
    assert peak < 64 * 1024 * 1024


@pytest.mark.parametrize("suffix", [".yaml", ".csv", ".xlsx"])
def test_a_file_over_64_mb_is_refused_before_it_is_read(tmp_path, suffix):
    big = tmp_path / f"huge{suffix}"
    with open(big, "wb") as handle:
        handle.write(b"kind: deck\n")
        handle.seek(70_000_000)
        handle.write(b"\n")
    tracemalloc.start()
    with pytest.raises(LoadError, match=r"70\.\d MB; content files are limited to 64 MB") as caught:
        load_any(big)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert caught.value.path == str(big)
    assert peak < 1024 * 1024


def test_a_large_yaml_file_loads_past_the_alias_limit(tmp_path):
    """Values written out in the file are not limited: only those repeated through aliases are."""
    from facilitate.loaders import yaml_source

    count = yaml_source.MAX_ALIAS_VALUES // 15 + 1  # fifteen values a card: more values than the alias limit
    tags = ", ".join("abcdefghij")
    lines = ["kind: deck", "id: big", "title: Big", "cards:"]
    lines += [f"  - {{id: c{i}, title: Card {i}, prompt: Prompt {i}, tags: [{tags}]}}" for i in range(count)]
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    deck = load_object(path)
    assert len(deck.cards) == count and deck.cards[-1].prompt == f"Prompt {count - 1}"


def test_missing_file(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_any(tmp_path / "nope.yaml")
