"""Cluster packs: one personalised pack per partner; one partner's mistake does not stop the rest."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

from facilitate.cli import main

SESSION = """\
kind: session
id: cluster-day
title: Cluster day
date: 2026-09-03
venue: Default venue
segments:
  - id: welcome
    title: Welcome
    minutes: 20
    notes: facilitator only
"""

CLUSTER = """\
kind: cluster
id: north
title: North cluster
session: cluster-day
members:
  - name: Hill Primary School
    short_name: Hill
    date: 2026-10-01
    venue: Hill hall
    contact: head@hill.example
  - name: Vale Academy
    logo: vale.png
  - name: River College
"""


def write_cluster(folder: Path) -> Path:
    (folder / "cluster-day.yaml").write_text(SESSION)
    (folder / "cluster.yaml").write_text(CLUSTER)
    return folder / "cluster.yaml"


def test_each_partner_gets_a_personalised_pack_and_zip_and_failures_are_named(tmp_path):
    cluster = write_cluster(tmp_path)
    result = CliRunner().invoke(main, ["build-cluster", str(cluster), "-o", str(tmp_path / "packs"), "-f", "markdown", "-j", "2"])
    assert result.exit_code == 3
    assert f"error: Vale Academy: {cluster}:12: members[1].logo: no such image 'vale.png'" in result.output
    assert "1 of 3 packs failed" in result.output
    packs = tmp_path / "packs"
    assert sorted(p.name for p in packs.iterdir()) == [".facilitate-manifest.json", "hill", "hill.zip", "river-college", "river-college.zip"]
    hill = (packs / "hill" / "handout.md").read_text()
    assert "Hill Primary School" in hill and "Hill hall" in hill and "1 October 2026" in hill
    river = (packs / "river-college" / "handout.md").read_text()
    assert "River College" in river and "Default venue" in river
    with zipfile.ZipFile(packs / "hill.zip") as bundle:
        assert sorted(bundle.namelist()) == ["hill/handout.md", "hill/runsheet.md"]
        assert bundle.read("hill/handout.md").decode() == hill


def test_cluster_zips_are_deterministic(tmp_path):
    cluster = write_cluster(tmp_path)
    for out in ("a", "b"):
        CliRunner().invoke(main, ["build-cluster", str(cluster), "-o", str(tmp_path / out), "-f", "markdown", "-j", "1"])
    assert (tmp_path / "a" / "hill.zip").read_bytes() == (tmp_path / "b" / "hill.zip").read_bytes()


def test_all_good_exits_zero(tmp_path):
    cluster = write_cluster(tmp_path)
    cluster.write_text(CLUSTER.replace("    logo: vale.png\n", ""))
    result = CliRunner().invoke(main, ["build-cluster", str(cluster), "-o", str(tmp_path / "packs"), "-f", "html"])
    assert result.exit_code == 0, result.output
    assert "Vale Academy: " in result.output


def test_two_members_in_one_folder_is_a_load_error(tmp_path):
    cluster = write_cluster(tmp_path)
    cluster.write_text(CLUSTER.replace("River College", "Hill"))
    result = CliRunner().invoke(main, ["build-cluster", str(cluster), "-o", str(tmp_path / "packs")])
    assert result.exit_code == 2
    assert f"{cluster}:13: members[2].short_name: 'Hill' would share the folder 'hill'" in result.output


def test_partner_name_is_on_the_card_backs_and_the_deck(tmp_path):
    import pypdf
    from pptx import Presentation

    from facilitate.cluster import personalise
    from facilitate.model import Member
    from tests.conftest import small_pack

    pack = personalise(small_pack(), Member("Hill Primary School", venue="Hill hall"))
    import facilitate

    facilitate.build(pack, tmp_path, ["cards", "pptx"])
    reader = pypdf.PdfReader(tmp_path / "cards.pdf")
    backs = [page.extract_text() for page in reader.pages if "Hill Primary School" in page.extract_text()]
    assert backs, "no card back names the partner"
    deck = Presentation(tmp_path / "deck.pptx")
    title_text = " ".join(shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame)
    assert "Hill Primary School" in title_text


def test_a_partners_pack_is_hosted_by_the_partner_and_the_clusters_organisation(tmp_path):
    """Never by the bundled session's hosts ("Hosted by CEP" in every partner's pack)."""
    from pptx import Presentation

    from facilitate.loaders import library

    assert "CEP" in library.load("power-of-partnerships").session.hosts  # what the bundled day says
    cluster = tmp_path / "cluster.yaml"
    cluster.write_text(
        "kind: cluster\nid: riverside\ntitle: Riverside days\nsession: power-of-partnerships\n"
        "organisation: Riverside Learning Partnership\nmembers:\n  - name: Hill Primary School\n    short_name: Hill\n"
    )
    result = CliRunner().invoke(main, ["build-cluster", str(cluster), "-o", str(tmp_path / "packs"), "-f", "markdown", "-f", "pptx"])
    assert result.exit_code == 0, result.output
    runsheet = (tmp_path / "packs" / "hill" / "runsheet.md").read_text()
    assert "Hosts: Hill Primary School, Riverside Learning Partnership" in runsheet
    assert "CEP" not in runsheet.split("Hosts:")[1].splitlines()[0]
    deck = Presentation(tmp_path / "packs" / "hill" / "deck.pptx")
    title_text = " ".join(shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame)
    assert "Hosted by Hill Primary School, Riverside Learning Partnership" in title_text
    assert "CEP" not in title_text


def test_without_an_organisation_the_partner_alone_hosts():
    from facilitate.cluster import personalise
    from facilitate.loaders import library
    from facilitate.model import Member

    pack = personalise(library.load("power-of-partnerships"), Member("Vale Academy"))
    assert pack.session.hosts == ("Vale Academy",)
    assert personalise(pack, Member("Vale Academy"), "Vale Academy").session.hosts == ("Vale Academy",)


PROMPT = " ".join(["Which of the families we serve would notice first if we stopped sharing what we know?"] * 24)


def test_validate_names_each_partners_own_field_in_the_cluster_file(tmp_path):
    """A member's name the font cannot print, a missing logo: the cluster file's line and field, one line each."""
    cluster = write_cluster(tmp_path)
    cluster.write_text(CLUSTER.replace("River College", "River College 河畔学院"))
    result = CliRunner().invoke(main, ["validate", str(cluster)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines
    assert lines[0] == f"{cluster}:12: members[1].logo: no such image 'vale.png'"
    assert lines[1].startswith(f"{cluster}:13: members[2].name: the bundled font (DejaVu Sans) has no glyph for '河'")


def test_a_problem_in_the_session_is_told_once_and_no_partner_is_built(tmp_path):
    """Every pack meets it: one line naming the session's field (never the worker's unlocated
    'segment ...'), exit 2, and nothing written, whatever the number of jobs."""
    cluster = write_cluster(tmp_path)
    cluster.write_text(CLUSTER.replace("    logo: vale.png\n", ""))
    session = tmp_path / "cluster-day.yaml"
    session.write_text(SESSION + f"    prompts:\n      - {PROMPT}\n")
    where = f"{session}:12: segments[0].prompts[0]: too long for slide"
    checked = CliRunner().invoke(main, ["validate", str(cluster)])
    assert checked.exit_code == 2
    assert len(checked.stderr.splitlines()) == 1 and checked.stderr.startswith(where), checked.stderr
    built = CliRunner().invoke(main, ["build-cluster", str(cluster), "-o", str(tmp_path / "packs"), "-j", "2"])
    assert built.exit_code == 2, built.output
    errors = [line for line in built.stderr.splitlines() if line.startswith("error: ") and "packs" not in line]
    assert len(errors) == 3 and all(where in line for line in errors), built.stderr
    assert not (tmp_path / "packs").exists()


def test_a_partner_refused_by_the_check_leaves_nothing_and_the_organisation_is_named_in_the_cluster_file(tmp_path):
    from facilitate.cluster import build_cluster, partner_problems
    from facilitate.loaders import library

    cluster_file = write_cluster(tmp_path)
    cluster_file.write_text(CLUSTER.replace("title: North cluster\n", "title: North cluster\norganisation: 北方信托\n"))
    cluster, pack, _ = library.load_cluster(cluster_file)
    problems = [p.one_line() for p in partner_problems(pack, cluster.members[0], cluster.organisation, cluster=cluster)]
    assert problems and all(p.startswith(f"{cluster_file}:4: organisation: the bundled font") for p in problems), problems
    results = build_cluster(cluster, pack, tmp_path / "packs", ("handouts",), jobs=1)
    assert not any(result.ok for result in results)
    assert not (tmp_path / "packs").exists()


def test_validate_says_whose_pack_meets_a_problem_that_only_some_partners_meet(tmp_path, monkeypatch):
    """A problem outside the members' own fields that not every pack meets names the partners it concerns."""
    from facilitate import cluster as cluster_module
    from facilitate.errors import LoadError

    cluster = write_cluster(tmp_path)
    cluster.write_text(CLUSTER.replace("    logo: vale.png\n", ""))

    def problems(pack, member, *args, **kwargs):
        if member.name == "River College":
            return []
        return [LoadError("cluster-day.yaml", 3, ("title",), "too long for the title slide beside this partner's logo")]

    monkeypatch.setattr(cluster_module, "partner_problems", problems)
    result = CliRunner().invoke(main, ["validate", str(cluster)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "cluster-day.yaml:3: title: too long for the title slide beside this partner's logo"
        " (in the pack for Hill Primary School, Vale Academy)"
    ]
def zipped(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as bundle:
        return sorted(bundle.namelist())


def test_a_partner_zip_holds_exactly_this_builds_files(tmp_path):
    """Not a stray file, not a stale one from a build with other formats, never a link's target."""
    cluster = write_cluster(tmp_path)
    cluster.write_text(CLUSTER.replace("    logo: vale.png\n", ""))
    packs = tmp_path / "packs"
    assert CliRunner().invoke(main, ["build-cluster", str(cluster), "-o", str(packs), "-f", "html", "-j", "1"]).exit_code == 0
    secret = tmp_path / "id_rsa"
    secret.write_text("-----BEGIN PRIVATE KEY-----")
    (packs / "hill" / "notes.md").symlink_to(secret)
    (packs / "hill" / "stray.txt").write_text("left by someone")
    result = CliRunner().invoke(main, ["build-cluster", str(cluster), "-o", str(packs), "-f", "markdown", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert zipped(packs / "hill.zip") == ["hill/handout.md", "hill/runsheet.md"]
    assert (packs / "hill" / "handout.html").exists()  # the earlier build's file stays in the folder, not in the zip
    with zipfile.ZipFile(packs / "hill.zip") as bundle:
        assert all(b"PRIVATE KEY" not in bundle.read(name) for name in bundle.namelist())


def test_a_partner_folder_that_is_a_link_is_not_written_through_without_force(tmp_path):
    cluster = write_cluster(tmp_path)
    cluster.write_text(CLUSTER.replace("    logo: vale.png\n", ""))
    packs = tmp_path / "packs"
    packs.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (packs / "hill").symlink_to(elsewhere)
    result = CliRunner().invoke(main, ["build-cluster", str(cluster), "-o", str(packs), "-f", "markdown", "-j", "1"])
    assert result.exit_code == 3
    assert f"error: Hill Primary School: {packs / 'hill'}: is a symbolic link; facilitate will not write through it" in result.output
    assert list(elsewhere.iterdir()) == [] and not (packs / "hill.zip").exists()
    assert (packs / "vale-academy.zip").exists() and (packs / "river-college.zip").exists()
    result = CliRunner().invoke(main, ["build-cluster", str(cluster), "-o", str(packs), "-f", "markdown", "-j", "1", "--force"])
    assert result.exit_code == 0, result.output
    assert list(elsewhere.iterdir()) == [] and (packs / "hill").is_dir() and not (packs / "hill").is_symlink()


def test_a_zip_the_user_wrote_is_not_overwritten_without_force(tmp_path):
    cluster = write_cluster(tmp_path)
    cluster.write_text(CLUSTER.replace("    logo: vale.png\n", ""))
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "hill.zip").write_bytes(b"the user's own zip")
    result = CliRunner().invoke(main, ["build-cluster", str(cluster), "-o", str(packs), "-f", "markdown", "-j", "1"])
    assert result.exit_code == 3
    assert f"error: Hill Primary School: {packs / 'hill.zip'}: already exists and was not written by this build" in result.output
    assert (packs / "hill.zip").read_bytes() == b"the user's own zip"
    assert CliRunner().invoke(main, ["build-cluster", str(cluster), "-o", str(packs), "-f", "markdown", "--force"]).exit_code == 0
    assert zipped(packs / "hill.zip") == ["hill/handout.md", "hill/runsheet.md"]


def test_one_partners_bad_data_stops_only_that_partner_and_leaves_nothing_of_it(tmp_path):
    cluster = write_cluster(tmp_path)
    long_name = "The Federation of " + "Saint Augustine and " * 14 + "Schools"
    cluster.write_text(CLUSTER.replace("    logo: vale.png\n", "").replace("River College", long_name))
    assert len(long_name) > 290
    validate = CliRunner().invoke(main, ["validate", str(cluster)])
    assert validate.exit_code == 2
    assert validate.output.startswith(f"{cluster}:12: members[2].name: makes a folder name of ")
    packs = tmp_path / "packs"
    result = CliRunner().invoke(main, ["build-cluster", str(cluster), "-o", str(packs), "-f", "markdown", "-j", "2"])
    assert result.exit_code == 3
    assert f"error: {long_name}: {cluster}:12: members[2].name: makes a folder name of" in result.output
    assert "1 of 3 packs failed" in result.output
    assert sorted(p.name for p in packs.iterdir()) == [".facilitate-manifest.json", "hill", "hill.zip", "vale-academy", "vale-academy.zip"]


def test_a_partner_whose_pack_fails_while_it_is_drawn_leaves_no_folder_and_no_zip(tmp_path):
    import os

    from facilitate.cluster import build_cluster
    from facilitate.model import Cluster, Member
    from tests.conftest import small_pack

    fifo = tmp_path / "logo.png"
    os.mkfifo(fifo)
    cluster = Cluster("north", "North", "s", (Member("Hill"), Member("Vale", logo=str(fifo))))
    results = build_cluster(cluster, small_pack(), tmp_path / "packs", ("pptx", "markdown"), jobs=1)
    assert [r.ok for r in results] == [True, False]
    assert results[1].error.endswith(f"logo: image {str(fifo)!r} is a named pipe (FIFO), not an image")
    assert sorted(p.name for p in (tmp_path / "packs").iterdir()) == [".facilitate-manifest.json", "hill", "hill.zip"]
