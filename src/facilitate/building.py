"""Building a pack: run the chosen exporters and write their files safely; or check that a build would work."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from facilitate import exporters
from facilitate._types import StrPath
from facilitate.errors import ContentProblems, ExportError, FacilitateError
from facilitate.model.pack import SessionPack
from facilitate.options import BuildOptions
from facilitate.output import OutputFolder, source_date_epoch


def build(
    pack: SessionPack,
    out_dir: StrPath = "pack",
    formats: Iterable[str] | None = None,
    options: BuildOptions | None = None,
    force: bool = False,
) -> list[Path]:
    """Export ``pack`` into ``out_dir`` in each format; returns the files written.

    Every file is rendered to a temporary file first and renamed into place only when
    all succeeded, so a failing exporter leaves the folder as it was. A problem in the
    user's content names their file, line and field (loaders.origins).
    """
    from facilitate.loaders.origins import located

    source_date_epoch()  # a SOURCE_DATE_EPOCH no file can hold is one error, whichever formats are built
    options = options or BuildOptions()
    chosen = list(formats) if formats else list(exporters.DEFAULT_FORMATS)
    try:
        outputs = []
        for name in chosen:
            outputs.extend(exporters.exporter(name).outputs(pack, options))
        folder = OutputFolder(out_dir, force=force)
        return folder.write(outputs)
    except ExportError as error:
        raise located(error) from None


def check(pack: SessionPack, formats: Iterable[str] | None = None, options: BuildOptions | None = None) -> list[FacilitateError]:
    """Every problem a build of ``pack`` would meet, in memory, writing nothing: one error each, in the user's terms.

    Each format lays out everything it would write (the slides, every card, every PDF's
    pages, the templates) and notes each problem rather than stopping at the first
    (layout.checking). An empty list means the build succeeds.
    """
    from facilitate.layout.checking import collecting
    from facilitate.loaders.origins import located

    options = options or BuildOptions()
    found: list[FacilitateError] = []
    with collecting() as noted:
        for name in list(formats) if formats else list(exporters.DEFAULT_FORMATS):
            try:
                exporters.check(name, pack, options)
            except ExportError as error:
                noted.append(error)
    seen: set[str] = set()
    for problem in noted:
        for one in problem.problems if isinstance(problem, ContentProblems) else (problem,):
            line = located(one).one_line()
            if line not in seen:
                seen.add(line)
                found.append(located(one))
    return found
