"""Cluster packs: one personalised pack (and zip) per partner, built in parallel.

Each partner's pack carries its name, logo, date, venue and language; one partner's bad
data is reported with its name while the others still build. A partner's zip holds
exactly the files its build wrote (the list the build returns, never what happens to be
in the folder), and is written into the cluster folder through its own manifest, so a zip
the user wrote there is not replaced without ``--force``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import attrs

from facilitate.errors import ExportError, FacilitateError
from facilitate.model import Cluster, Member, SessionPack
from facilitate.options import BuildOptions
from facilitate.output import Output, OutputFolder, read_output, write_zip


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
    #: The files the member's build wrote, in the order it wrote them.
    files: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


def _partner_folder(out_dir: str, member: Member, force: bool) -> Path:
    """The member's folder in ``out_dir``; a link (or a file) there is refused, or with ``force`` removed (never followed)."""
    folder = Path(out_dir) / member.slug
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        what = "a symbolic link" if folder.is_symlink() else "not a folder"
        if not force:
            raise FacilitateError(f"{folder}: is {what}; facilitate will not write through it (use --force to replace it)")
        if folder.is_symlink() or folder.is_file():
            folder.unlink()
        else:
            raise FacilitateError(f"{folder}: is {what}, which facilitate never replaces; move it away")
    return folder


def build_member(pack: SessionPack, member: Member, out_dir: str, formats: tuple[str, ...] | None, options: BuildOptions, force: bool,
                 organisation: str = "") -> MemberResult:
    """Build one partner's pack; any FacilitateError becomes that partner's error (and leaves no folder)."""
    import warnings

    from facilitate.building import build
    from facilitate.errors import FacilitateWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FacilitateWarning)
        try:
            logo = logo_problem(member)
            if logo is not None:
                raise logo
            folder = _partner_folder(out_dir, member, force)
            written = build(personalise(pack, member, organisation), folder, formats, options, force=force)
            result = MemberResult(member.name, str(folder), files=tuple(str(path) for path in written))
        except FacilitateError as error:
            result = MemberResult(member.name, error=error.one_line())
    told = tuple(dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, FacilitateWarning)))
    return attrs.evolve(result, warnings=told)


def _zip(result: MemberResult, member: Member, out_dir: Path, force: bool) -> MemberResult:
    """The member's zip, written into the cluster folder: exactly the files its build wrote."""
    def write(handle) -> None:
        entries = sorted((f"{member.slug}/{Path(path).name}", path) for path in result.files)
        write_zip(handle, ((name, read_output(path)) for name, path in entries))

    name = f"{member.slug}.zip"
    try:
        OutputFolder(out_dir, force=force).write([Output(name, write)])
    except (FacilitateError, OSError) as error:
        message = error.one_line() if isinstance(error, FacilitateError) else f"cannot zip the pack: {error}"
        return attrs.evolve(result, error=message)
    return attrs.evolve(result, archive=str(out_dir / name))


def build_cluster(
    cluster: Cluster,
    pack: SessionPack,
    out_dir: str | os.PathLike,
    formats: tuple[str, ...] | None = None,
    options: BuildOptions | None = None,
    jobs: int | None = None,
    force: bool = False,
    progress: Callable[[MemberResult], None] | None = None,
    problems: Mapping[int, FacilitateError] | None = None,
) -> list[MemberResult]:
    """Build every member's pack, ``jobs`` at a time (default: all cores); results in member order.

    Every member is checked first, in this process (as ``facilitate validate`` does):
    ``problems`` (member index → error, from loading the cluster file: a name too long for
    a folder...) and whatever its pack would meet. A member that would fail is not built,
    so it leaves no folder and no zip, and its error names the user's file, line and field;
    the others are built and zipped.
    """
    options = options or BuildOptions()
    jobs = max(1, jobs or os.cpu_count() or 1)
    refused: dict[int, MemberResult] = {}
    for index, member in enumerate(cluster.members):
        found: list[FacilitateError] = [problems[index]] if problems and index in problems else []
        if not found:
            found = partner_problems(pack, member, cluster.organisation, options, formats, cluster)
        if found:
            refused[index] = MemberResult(member.name, error="\n".join(dict.fromkeys(problem.one_line() for problem in found)))
    arguments = [
        (pack, member, str(out_dir), formats, options, force, cluster.organisation)
        for index, member in enumerate(cluster.members) if index not in refused
    ]
    out = Path(out_dir)
    if arguments:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            from facilitate.files import reason

            raise FacilitateError(f"{out}: cannot create the folder: {reason(error)}") from None
    built = _run(arguments, jobs)
    results: list[MemberResult] = []
    for index, member in enumerate(cluster.members):
        if index in refused:
            result = refused[index]
        else:
            result = next(built)
            if result.ok:
                result = _zip(result, member, out, force)
        results.append(result)
        if progress:
            progress(result)
    return results


def _run(arguments: list[tuple], jobs: int) -> Iterator[MemberResult]:
    if jobs == 1 or len(arguments) <= 1:
        for args in arguments:
            yield build_member(*args)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(arguments))) as pool:
        futures = [pool.submit(build_member, *args) for args in arguments]
        for future in futures:
            yield future.result()
