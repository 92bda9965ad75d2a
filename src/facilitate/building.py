"""Building a pack: run the chosen exporters and write their files safely."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from facilitate import exporters
from facilitate.model import SessionPack
from facilitate.options import BuildOptions
from facilitate.output import OutputFolder, source_date_epoch


def build(
    pack: SessionPack,
    out_dir: str | os.PathLike = "pack",
    formats: Iterable[str] | None = None,
    options: BuildOptions | None = None,
    force: bool = False,
) -> list[Path]:
    """Export ``pack`` into ``out_dir`` in each format; returns the files written.

    Every file is rendered to a temporary file first and renamed into place only when
    all succeeded, so a failing exporter leaves the folder as it was.
    """
    source_date_epoch()  # a SOURCE_DATE_EPOCH no file can hold is one error, whichever formats are built
    options = options or BuildOptions()
    chosen = list(formats) if formats else list(exporters.DEFAULT_FORMATS)
    outputs = []
    for name in chosen:
        outputs.extend(exporters.exporter(name).outputs(pack, options))
    folder = OutputFolder(out_dir, force=force)
    return folder.write(outputs)
