"""Cluster packs: one personalised pack (and zip) per partner, built in parallel.

Each partner's pack carries its name, logo, date and venue; one partner's bad data is
reported with its name while the others still build.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import attrs

from facilitate.errors import ExportError, FacilitateError
from facilitate.model import Cluster, Member, SessionPack
from facilitate.options import BuildOptions
from facilitate.output import atomic_write, write_zip


def personalise(pack: SessionPack, member: Member, organisation: str = "", cluster: Cluster | None = None) -> SessionPack:
    """The pack as ``member`` receives it: their name, logo, date, venue and language.

    Its hosts are the member and the cluster's ``organisation``: the session's own hosts
    (a bundled session's are the organisation that wrote it) never host a partner's pack.
    The member is the pack's partner: its name and logo sit beside the organisation's
    (the theme's own name and logo), on the title slide, the handouts and the card backs.

    A problem with what came from the cluster file (a member's name the font cannot print,
    the ``cluster``'s organisation) names that line of the cluster file (loaders.origins).
    """
    from facilitate.loaders import origins

    with_organisation = bool(organisation.strip()) and organisation != member.name
    hosts = (member.name,) + ((organisation,) if with_organisation else ())
    session = attrs.evolve(
        pack.session,
        date=member.date or pack.session.date,
        venue=member.venue or pack.session.venue,
        hosts=hosts,
        language=member.language or pack.session.language,
    )
    origins.carry(pack.session, session)
    origins.borrow(session, ("hosts", 0), member, ("name",))
    if with_organisation and cluster is not None and cluster.organisation == organisation:
        origins.borrow(session, ("hosts", 1), cluster, ("organisation",))
    for field in ("date", "venue", "language"):
        if getattr(member, field):
            origins.borrow(session, (field,), member, (field,))
    theme = attrs.evolve(pack.theme, partner=member.name, partner_logo=member.logo)
    origins.carry(pack.theme, theme)
    origins.borrow(theme, ("partner",), member, ("name",))
    origins.borrow(theme, ("partner_logo",), member, ("logo",))
    return attrs.evolve(pack, session=session, theme=theme)


def logo_problem(member: Member) -> ExportError | None:
    """Why ``member``'s logo cannot be used (no such file, not an image...), naming its field; None if it can."""
    from facilitate.images import ImageProblem, inspect_image

    if member.logo is None:
        return None
    try:
        inspect_image(member.logo)
    except ImageProblem as problem:
        shown = _as_written(member, member.logo)
        if str(problem) == "no such file":
            return ExportError(f"no such image {shown!r}", member, ("logo",))
        return ExportError(f"image {shown!r} {problem}", member, ("logo",))
    return None


def _as_written(member: Member, path: str) -> str:
    """``path`` (resolved when the cluster file was loaded) as written there: relative to the cluster file."""
    from facilitate.loaders.origins import origin_of

    origin = origin_of(member)
    if origin is None or not origin.path:
        return path
    try:
        return os.path.relpath(path, Path(origin.path).resolve().parent)
    except ValueError:  # another drive
        return path


def partner_problems(
    pack: SessionPack, member: Member, organisation: str = "", options: BuildOptions | None = None,
    formats: Iterable[str] | None = None, cluster: Cluster | None = None,
) -> list[FacilitateError]:
    """Every problem building ``member``'s pack would meet (its logo, its personalised text), in
    memory, writing nothing, each in the user's terms (file, line and field); empty: it builds."""
    from facilitate.building import check
    from facilitate.loaders.origins import located

    logo = logo_problem(member)
    found: list[FacilitateError] = [located(logo)] if logo is not None else []
    return found + check(personalise(pack, member, organisation, cluster), formats, options)


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

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FacilitateWarning)
        try:
            logo = logo_problem(member)
            if logo is not None:
                raise logo
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
    """Build every member's pack, ``jobs`` at a time (default: all cores); results in member order.

    Every member is checked first, in this process (as ``facilitate validate`` does): a member
    whose pack would fail is not built, so it leaves no folder and no zip, and its error names
    the user's file, line and field; the others are built.
    """
    options = options or BuildOptions()
    jobs = max(1, jobs or os.cpu_count() or 1)
    refused: dict[int, MemberResult] = {}
    for index, member in enumerate(cluster.members):
        problems = partner_problems(pack, member, cluster.organisation, options, formats, cluster)
        if problems:
            refused[index] = MemberResult(member.name, error="\n".join(dict.fromkeys(problem.one_line() for problem in problems)))
    arguments = [
        (pack, member, str(out_dir), formats, options, force, cluster.organisation)
        for index, member in enumerate(cluster.members) if index not in refused
    ]
    if arguments:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
    built = _run(arguments, jobs)
    results: list[MemberResult] = []
    for index in range(len(cluster.members)):
        result = refused[index] if index in refused else next(built)
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
