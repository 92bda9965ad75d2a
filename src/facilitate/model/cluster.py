"""A cluster: the partners (schools, colleges, community groups) who each get their own pack."""

from __future__ import annotations

import datetime as dt

import attrs

from facilitate.errors import ModelError
from facilitate.model._fields import identifier, non_empty, slug, to_tuple
from facilitate.model.language import optional_canonical, optional_language


@attrs.frozen
class Member:
    """One partner in the cluster, with what makes its pack its own."""

    name: str = attrs.field(validator=non_empty)
    short_name: str = ""
    #: An image file (PNG or JPEG), relative to the cluster file.
    logo: str | None = None
    date: dt.date | None = None
    venue: str = ""
    contact: str = ""
    #: The language of this partner's pack (e.g. cy), when not the session's: a bilingual
    #: cluster gets each school's pack in its own language.
    language: str | None = attrs.field(default=None, converter=optional_canonical, validator=optional_language)

    @property
    def slug(self) -> str:
        return slug(self.short_name or self.name) or "partner"


@attrs.frozen
class Cluster:
    """The session to run and the partners to make a personalised pack for."""

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    #: A bundled session id, or a session file relative to the cluster file.
    session: str = attrs.field(validator=non_empty)
    members: tuple[Member, ...] = attrs.field(converter=to_tuple, validator=non_empty)
    #: The cluster's own organisation (its partnership, trust or local authority): host of
    #: every partner's pack with the partner, in place of the session's hosts.
    organisation: str = ""

    def __attrs_post_init__(self) -> None:
        seen: dict[str, int] = {}
        for index, member in enumerate(self.members):
            if member.slug in seen:
                raise ModelError(
                    f"{member.name!r} would share the folder {member.slug!r} with members[{seen[member.slug]}];"
                    " give one a different short_name",
                    ("members", index, "short_name"),
                )
            seen[member.slug] = index
