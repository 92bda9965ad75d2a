"""Cluster packs: one personalised pack (and zip) per partner, built in parallel.

Each partner's pack carries its name, logo, date and venue; one partner's bad data is
reported with its name while the others still build. A partner's zip holds exactly the
files its build wrote (the list the build returns, never what happens to be in the
folder), and is written into the cluster folder through its own manifest, so a zip the
user wrote there is not replaced without ``--force``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import attrs

from facilitate.errors import FacilitateError
from facilitate.model import Cluster, Member, SessionPack
from facilitate.options import BuildOptions
from facilitate.output import Output, OutputFolder, read_output, write_zip


def personalise(pack: SessionPack, member: Member) -> SessionPack:
    """The pack as ``member`` receives it: their name, logo, date and venue."""
    session = attrs.evolve(
        pack.session,
        date=member.date or pack.session.date,
        venue=member.venue or pack.session.venue,
        hosts=(member.name,) + tuple(h for h in pack.session.hosts if h != member.name),
    )
    theme = attrs.evolve(pack.theme, organisation=member.name, logo=member.logo or pack.theme.logo)
    return attrs.evolve(pack, session=session, theme=theme)


@attrs.frozen
class MemberResult:
    member: str
    folder: str | None = None
    archive: str | None = None
    error: str | None = None
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


def build_member(pack: SessionPack, member: Member, out_dir: str, formats: tuple[str, ...] | None, options: BuildOptions, force: bool) -> MemberResult:
    """Build one partner's pack; any FacilitateError becomes that partner's error (and leaves no folder)."""
    from facilitate.building import build

    try:
        folder = _partner_folder(out_dir, member, force)
        written = build(personalise(pack, member), folder, formats, options, force=force)
        return MemberResult(member.name, str(folder), files=tuple(str(path) for path in written))
    except FacilitateError as error:
        return MemberResult(member.name, error=error.one_line())


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

    ``problems`` (member index → error, from loading the cluster file) names members left
    out before anything is written; every other member is built and zipped.
    """
    options = options or BuildOptions()
    problems = problems or {}
    jobs = max(1, jobs or os.cpu_count() or 1)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        from facilitate.files import reason

        raise FacilitateError(f"{out}: cannot create the folder: {reason(error)}") from None
    chosen = [(index, member) for index, member in enumerate(cluster.members) if index not in problems]
    arguments = [(pack, member, str(out), formats, options, force) for _, member in chosen]
    built = iter(_run(arguments, jobs))
    results: list[MemberResult] = []
    for index, member in enumerate(cluster.members):
        if index in problems:
            result = MemberResult(member.name, error=problems[index].one_line())
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
