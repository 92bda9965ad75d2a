"""Where loaded objects came from: a layout problem named in the user's file, line and field."""

from __future__ import annotations

import attrs

from facilitate.errors import ExportError
from facilitate.loaders import origins
from facilitate.loaders.content import load_object
from facilitate.model import Member


def test_a_borrowed_field_is_named_where_it_was_read(tmp_path):
    """A value copied into another object (a member's name as a session's host) names its own line."""
    session_file = tmp_path / "day.yaml"
    session_file.write_text("kind: session\ntitle: Day\nsegments:\n  - {id: a, title: A, minutes: 5}\n")
    cluster_file = tmp_path / "north.yaml"
    cluster_file.write_text(
        "kind: cluster\nid: north\ntitle: North\nsession: day.yaml\norganisation: North Trust\n"
        "members:\n  - name: Hill School\n  - name: Vale School\n    venue: Vale hall\n"
    )
    session = load_object(session_file)
    cluster = load_object(cluster_file)
    vale = cluster.members[1]
    personal = attrs.evolve(session, hosts=(vale.name, cluster.organisation), venue=vale.venue)
    origins.carry(session, personal)
    origins.borrow(personal, ("hosts", 0), vale, ("name",))
    origins.borrow(personal, ("hosts", 1), cluster, ("organisation",))
    origins.borrow(personal, ("venue",), vale, ("venue",))

    def where(field):
        return origins.located(ExportError("too long", personal, field)).one_line()

    assert where(("hosts", 0)) == f"{cluster_file}:8: members[1].name: too long"
    assert where(("hosts", 1)) == f"{cluster_file}:5: organisation: too long"
    assert where(("venue",)) == f"{cluster_file}:9: members[1].venue: too long"
    assert where(("title",)) == f"{session_file}:2: title: too long"  # the rest is still the session's


def test_an_object_known_only_for_what_it_borrowed_names_nothing_else():
    member = Member("Hill School")
    origins.note(member, origins.Origin("north.yaml", ("members", 0), {("members", 0, "name"): 7}))
    made = Member("copy")
    origins.borrow(made, ("name",), member, ("name",))
    assert origins.located(ExportError("bad", made, ("name",))).one_line() == "north.yaml:7: members[0].name: bad"
    assert origins.located(ExportError("bad", made, ("venue",))).one_line() == "member: venue: bad"  # not located, not wrongly located
