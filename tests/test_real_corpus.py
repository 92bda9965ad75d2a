"""The corpus of real-looking content (tests/fixtures/real/): validate's verdict is the build's.

Every session, deck and cluster file in the corpus, and every CSV table of cards, is
validated and built through the command line, as a facilitator would, with the options
``corpus.yaml`` records for it (4:3 slides, Letter paper). Either both succeed and the build
wrote every format's files, or validate refused it with exit status 2 and one line per
problem, ``FILE:LINE: field.path: message``, naming the facilitator's own file and a field
in it; the build then fails too, with no traceback, leaving nothing behind. A file meant to
be refused must be refused for the field ``corpus.yaml`` says. (A cluster whose problem lies
with some partners builds the others, as ``build-cluster`` promises; the partners refused
get no folder and no zip.)
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from facilitate.cli import main

REAL = Path(__file__).parent / "fixtures" / "real"
MANIFEST = yaml.safe_load((REAL / "corpus.yaml").read_text("utf-8"))["files"]
BUILT_KINDS = ("session", "deck", "cluster")

#: ``FILE:LINE: field.path: message``; the field is names, [indexes] and dots only.
PROBLEM = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+): (?P<field>[A-Za-z_][\w ()%-]*(?:\[\d+\]|\.[A-Za-z_][\w ()%-]*)*): (?P<message>\S.*)$")
DOCUMENT_SUFFIXES = ("pdf", "docx", "html", "md")


def _kind(path: Path) -> str | None:
    """What the file is to a facilitator: a session, deck or cluster file, or a table of cards."""
    if path.suffix == ".csv":  # a table of cards has a prompt column (Excel's exports: ; and Windows-1252 too)
        header = path.read_bytes().splitlines()[0].decode("utf-8-sig", errors="replace")
        return "deck" if "prompt" in re.split(r"[,;\t]", header) else None
    if path.suffix == ".toml":
        kind = tomllib.loads(path.read_text("utf-8")).get("kind")
    elif path.suffix == ".yaml" and path.name != "corpus.yaml":
        kind = (yaml.safe_load(path.read_text("utf-8")) or {}).get("kind")
    else:
        return None
    return kind if kind in BUILT_KINDS else None


SUBJECTS = sorted(path.name for path in REAL.iterdir() if _kind(path))


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _files(folder: Path) -> dict[str, int]:
    """Every file under ``folder`` (its path inside it, and its size); hidden files left out."""
    if not folder.exists():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    }


def _pack_files(pack) -> set[str]:
    """The files a build of ``pack`` in every format writes, as the README lists them."""
    stems = ["runsheet", "handout"]
    stems += [f"worksheet-{curve.id}" for curve in pack.curves]
    stems += [f"assessment-{rubric.id}" for rubric in pack.rubrics]
    for ladder in pack.ladders:
        stems += [f"ladder-{ladder.id}", f"ladder-worksheet-{ladder.id}"]
    if pack.reflections:
        stems.append("reflection-cards")
    names = {f"{stem}.{suffix}" for stem in stems for suffix in DOCUMENT_SUFFIXES}
    names |= {"deck.pptx", "session.html"}
    if pack.decks:
        names.add("cards.pdf")
    return names


def _walk(data, field: str) -> bool:
    """Whether ``field`` (``segments[1].prompts[0]``) starts at a key the file has."""
    first = re.match(r"[^.\[]+", field)
    return isinstance(data, dict) and first is not None and first.group(0) in data


def _names_a_field_of_its_file(file: str, line: int, field: str) -> bool:
    path = Path(file)
    if not path.is_absolute():
        path = REAL / path
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    if not 1 <= line <= len(text.splitlines()):
        return False
    if path.suffix == ".csv":
        return field in re.split(r"[,;\t]", text.splitlines()[0])
    return _walk(tomllib.loads(text) if path.suffix == ".toml" else yaml.safe_load(text), field)


def _problems(output: str) -> list[re.Match]:
    lines = output.splitlines()
    assert lines, "validate refused the file without saying why"
    matches = []
    for line in lines:
        match = PROBLEM.match(line)
        assert match, f"not one line naming FILE:LINE: field: {line!r}"
        path = Path(match["file"])
        path = path if path.is_absolute() else REAL / path
        assert path.resolve().parent == REAL.resolve(), f"names a file that is not the facilitator's: {line!r}"
        assert _names_a_field_of_its_file(match["file"], int(match["line"]), match["field"]), f"names no field of its file: {line!r}"
        matches.append(match)
    return matches


def _build(name: str, kind: str, options: list[str], out: Path):
    source = str(REAL / name)
    if kind == "session":
        return _run("build", source, "-o", str(out), *options)
    if kind == "deck":
        out.mkdir()
        return _run("cards", source, "-o", str(out / "cards.pdf"), *options)
    return _run("build-cluster", source, "-o", str(out), "-j", "2", *options)


def test_the_corpus_is_what_the_issue_asks_for():
    """At least 25 sessions, decks and clusters, some refused; every manifest entry is a file of it."""
    assert len(SUBJECTS) >= 30
    assert sum("rejects" in entry for entry in MANIFEST.values()) >= 8
    assert set(MANIFEST) <= set(SUBJECTS), set(MANIFEST) - set(SUBJECTS)
    kinds = {_kind(REAL / name) for name in SUBJECTS}
    assert kinds == set(BUILT_KINDS)
    readme = (REAL / "README.md").read_text("utf-8")
    undescribed = [p.name for p in REAL.iterdir() if p.name != "README.md" and f"`{p.name}`" not in readme and not p.name.startswith("logo-")]
    assert not undescribed, f"say what these are in {REAL / 'README.md'}: {undescribed}"


@pytest.mark.parametrize("name", SUBJECTS)
def test_validate_and_build_agree(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # anything written by mistake lands here, not in the corpus
    kind = _kind(REAL / name)
    entry = MANIFEST.get(name, {})
    options = [str(option) for option in entry.get("options", [])]
    verdict = _run("validate", str(REAL / name), *options)
    out = tmp_path / "out"
    built = _build(name, kind, options, out)
    for result in (verdict, built):
        assert "Traceback" not in result.output and result.exit_code != 70, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception

    if "rejects" not in entry:
        assert verdict.exit_code == 0, verdict.output
        assert verdict.stdout.strip() == f"{REAL / name}: ok"
        assert built.exit_code == 0, built.output
        _assert_everything_built(name, kind, out)
        return

    assert verdict.exit_code == 2, f"validate accepted a file it must refuse:\n{verdict.output}"
    assert verdict.stdout == ""
    problems = _problems(verdict.stderr)
    named = {f"{Path(match['file']).name}: {match['field']}" for match in problems}
    assert entry["rejects"] in named, named
    assert built.exit_code != 0, f"validate refused it but the build succeeded:\n{verdict.output}"
    if kind != "cluster":
        assert built.exit_code == 2, built.output
        assert _files(out) == {}, "a refused build left files behind"
        return
    _assert_refused_partners_left_nothing(name, problems, built, out)


def _assert_everything_built(name: str, kind: str, out: Path) -> None:
    from facilitate.loaders import library

    written = _files(out)
    assert all(size > 0 for size in written.values()), [file for file, size in written.items() if not size]
    if kind == "deck":
        assert set(written) == {"cards.pdf"}
        return
    if kind == "session":
        assert set(written) == _pack_files(library.load(REAL / name))
        return
    cluster, pack, _ = library.load_cluster(REAL / name)
    expected = set()
    for member in cluster.members:
        expected |= {f"{member.slug}/{file}" for file in _pack_files(pack)} | {f"{member.slug}.zip"}
    assert set(written) == expected, set(written) ^ expected


def _assert_refused_partners_left_nothing(name: str, problems: list[re.Match], built, out: Path) -> None:
    """The partners validate refused get no folder and no zip; when only some were refused, the others are built."""
    from facilitate.loaders import library

    cluster, pack, _ = library.load_cluster(REAL / name)
    refused = {
        int(index)
        for match in problems
        if Path(match["file"]).name == name
        for index in re.findall(r"^members\[(\d+)\]", match["field"])
    }
    partner_only = all(Path(match["file"]).name == name and match["field"].startswith("members[") for match in problems)
    written = _files(out)
    for index, member in enumerate(cluster.members):
        mine = {file for file in written if file.split("/")[0] in (member.slug, f"{member.slug}.zip")}
        if index in refused or not partner_only:
            assert not mine, f"refused partner {member.name!r} left {sorted(mine)}"
        else:
            assert mine == {f"{member.slug}/{file}" for file in _pack_files(pack)} | {f"{member.slug}.zip"}
    if partner_only and len(refused) < len(cluster.members):
        assert built.exit_code == 3, built.output  # some packs failed, the others were built
    else:
        assert built.exit_code == 2, built.output
