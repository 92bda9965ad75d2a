"""Cluster packs: one personalised pack (and zip) per partner, built in parallel.

Each partner's pack carries its name, logo, date and venue; one partner's bad data is
reported with its name while the others still build.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import attrs

from facilitate.errors import FacilitateError
from facilitate.model import Cluster, Member, SessionPack
from facilitate.options import BuildOptions
from facilitate.output import atomic_write, write_zip


def personalise(pack: SessionPack, member: Member, organisation: str = "") -> SessionPack:
    """The pack as ``member`` receives it: their name, logo, date, venue and language.

    Its hosts are the member and the cluster's ``organisation``: the session's own hosts
    (a bundled session's are the organisation that wrote it) never host a partner's pack.
    The member is the pack's partner: its name and logo sit beside the organisation's
    (the theme's own name and logo), on the title slide, the handouts and the card backs.
    """
    hosts = (member.name,) + ((organisation,) if organisation.strip() and organisation != member.name else ())
    session = attrs.evolve(
        pack.session,
        date=member.date or pack.session.date,
        venue=member.venue or pack.session.venue,
        hosts=hosts,
        language=member.language or pack.session.language,
    )
    theme = attrs.evolve(pack.theme, partner=member.name, partner_logo=member.logo)
    return attrs.evolve(pack, session=session, theme=theme)


@attrs.frozen
class MemberResult:
    member: str
    folder: str | None = None
    archive: str | None = None
    error: str | None = None
    #: Warnings of this member's build, one line each (told in the parent process, named by member).
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


def _zip_folder(folder: Path, archive: Path) -> None:
    """A deterministic zip of the pack: sorted names, fixed timestamps."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    entries = ((f"{folder.name}/{path.relative_to(folder).as_posix()}", path.read_bytes()) for path in files)
    atomic_write(archive, lambda handle: write_zip(handle, entries))


def build_member(pack: SessionPack, member: Member, out_dir: str, formats: tuple[str, ...] | None, options: BuildOptions, force: bool,
                 organisation: str = "") -> MemberResult:
    """Build one partner's pack and zip; any FacilitateError becomes that partner's error."""
    import warnings

    from facilitate.building import build
    from facilitate.errors import FacilitateWarning
    from facilitate.images import ImageProblem, inspect_image

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FacilitateWarning)
        try:
            if member.logo is not None and not Path(member.logo).is_file():
                raise FacilitateError(f"logo: no such image {member.logo!r}")
            if member.logo is not None:
                try:
                    inspect_image(member.logo)
                except ImageProblem as problem:
                    raise FacilitateError(f"logo: image {member.logo!r} {problem}") from None
            folder = Path(out_dir) / member.slug
            build(personalise(pack, member, organisation), folder, formats, options, force=force)
            archive = Path(out_dir) / f"{member.slug}.zip"
            _zip_folder(folder, archive)
            result = MemberResult(member.name, str(folder), str(archive))
        except FacilitateError as error:
            result = MemberResult(member.name, error=error.one_line())
    told = tuple(dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, FacilitateWarning)))
    return attrs.evolve(result, warnings=told)


def build_cluster(
    cluster: Cluster,
    pack: SessionPack,
    out_dir: str | os.PathLike,
    formats: tuple[str, ...] | None = None,
    options: BuildOptions | None = None,
    jobs: int | None = None,
    force: bool = False,
    progress: Callable[[MemberResult], None] | None = None,
) -> list[MemberResult]:
    """Build every member's pack, ``jobs`` at a time (default: all cores); results in member order."""
    options = options or BuildOptions()
    jobs = max(1, jobs or os.cpu_count() or 1)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    arguments = [(pack, member, str(out_dir), formats, options, force, cluster.organisation) for member in cluster.members]
    results: list[MemberResult] = []
    for result in _run(arguments, jobs):
        results.append(result)
        if progress:
            progress(result)
    return results


def _run(arguments: list[tuple], jobs: int) -> Iterator[MemberResult]:
    if jobs == 1 or len(arguments) == 1:
        for args in arguments:
            yield build_member(*args)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(arguments))) as pool:
        futures = [pool.submit(build_member, *args) for args in arguments]
        for future in futures:
            yield future.result()
