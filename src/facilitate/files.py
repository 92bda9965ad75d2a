"""Opening the files a user names: regular files only, checked before they are opened.

Every file facilitate reads because a user named it (a content file, a table, an image, a
template, a manifest) goes through :func:`check_regular` or :func:`read_bytes`. A named
pipe, a socket, a device, a folder or a symlink loop is refused before anything opens it
(opening a FIFO would wait for a writer for ever); the file is then opened without
blocking and checked again, so nothing swapped in between is read either. Sizes are
limited when the file is measured, and again while it is read.
"""

from __future__ import annotations

import errno
import os
import stat
import zipfile
from collections.abc import Iterable

from facilitate.errors import LoadError

#: What a path that is not a regular file is, as a user would say it.
_NOT_REGULAR = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)

_REASONS = {
    errno.ENOENT: "no such file",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "a symbolic link that loops (too many levels of links)",
    errno.ENAMETOOLONG: "the name is too long for the file system",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EIO: "cannot read it: input/output error",
}


def reason(error: OSError) -> str:
    """A short phrase for an operating-system error, without the path (the caller names it)."""
    return _REASONS.get(error.errno or 0, (error.strerror or str(error)).lower())


def kind_of(mode: int) -> str | None:
    """"a folder", "a named pipe (FIFO)"... for anything that is not a regular file; None for one."""
    if stat.S_ISREG(mode):
        return None
    for test, name in _NOT_REGULAR:
        if test(mode):
            return name
    return "not a regular file"


def check_regular(path: str | os.PathLike[str], label: str | None = None, what: str = "file") -> os.stat_result:
    """The status of the regular file at ``path`` (links followed); a LoadError naming it otherwise."""
    label = label or str(path)
    try:
        info = os.stat(path)
    except OSError as error:
        raise LoadError(label, None, (), reason(error)) from None
    except ValueError:  # a NUL in the name
        raise LoadError(label, None, (), "the name holds a NUL character") from None
    kind = kind_of(info.st_mode)
    if kind is not None:
        raise LoadError(label, None, (), f"is {kind}, not {_a(what)}")
    return info


def _a(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def too_large(label: str, size: int, limit: int, what: str) -> LoadError:
    return LoadError(label, None, (), f"the file is {size / 1e6:.1f} MB; {what} are limited to {limit // (1024 * 1024)} MB")


def read_bytes(path: str | os.PathLike[str], label: str | None = None, limit: int | None = None, what: str = "file",
               kinds: str = "content files") -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them; a LoadError naming it otherwise.

    ``what`` says what the file should be ("content file", "image"...), ``kinds`` the plural
    used in the size message.
    """
    from facilitate.loaders.limits import MAX_FILE_BYTES

    label = label or str(path)
    limit = MAX_FILE_BYTES if limit is None else limit
    info = check_regular(path, label, what)
    if info.st_size > limit:
        raise too_large(label, info.st_size, limit, kinds)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise LoadError(label, None, (), reason(error)) from None
    try:
        opened = os.fstat(descriptor)
        kind = kind_of(opened.st_mode)
        if kind is not None:  # swapped for something else since it was checked
            raise LoadError(label, None, (), f"is {kind}, not {_a(what)}")
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            try:
                chunk = os.read(descriptor, min(1 << 20, limit + 1 - total))
            except OSError as error:
                raise LoadError(label, None, (), f"cannot read it: {reason(error).removeprefix('cannot read it: ')}") from None
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise too_large(label, max(total, opened.st_size), limit, kinds)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


#: A zip (PPTX template, XLSX workbook) may unpack to at most this many bytes in all.
MAX_UNZIPPED_BYTES = 256 * 1024 * 1024


def check_zip(data: bytes | os.PathLike[str] | str, label: str, what: str, limit: int = MAX_UNZIPPED_BYTES) -> None:
    """Refuse a zip whose parts would unpack to more than ``limit`` bytes, before any is unpacked.

    The sizes come from the zip's directory; a part that says it is small but unpacks to
    more is stopped by zipfile itself (it checks each part's size as it reads).
    """
    import io

    source = io.BytesIO(data) if isinstance(data, bytes) else data
    try:
        with zipfile.ZipFile(source) as archive:
            entries: Iterable[zipfile.ZipInfo] = archive.infolist()
            total = 0
            for entry in entries:
                total += entry.file_size
                if total > limit:
                    raise LoadError(
                        label, None, (),
                        f"this {what} unpacks to more than {limit // (1024 * 1024)} MB (its part {entry.filename[:80]!r}"
                        f" alone is {entry.file_size / 1e6:.1f} MB); refusing to open it",
                    )
    except zipfile.BadZipFile as error:
        raise LoadError(label, None, (), f"cannot read it as a {what} (it is not a zip archive: {error})") from None


# --- PowerPoint's packages -------------------------------------------------------------------

_PML = "application/vnd.openxmlformats-officedocument.presentationml."
#: The main part of a .pptx; a template (.potx) and a show (.ppsx) hold the same parts and
#: differ only in this content type.
PRESENTATION_MAIN = _PML + "presentation.main+xml"
_SAME_PARTS = (_PML + "template.main+xml", _PML + "slideshow.main+xml")
#: Macro-enabled packages (.pptm, .potm, .ppsm): their macros have no place in a .pptx.
_MACRO_ENABLED = tuple(
    f"application/vnd.ms-powerpoint.{kind}.macroEnabled.main+xml" for kind in ("presentation", "template", "slideshow")
)


def as_presentation(data: bytes, label: str, what: str) -> bytes:
    """A PowerPoint package as the .pptx presentation it holds: a template (.potx) or a show
    (.ppsx) with its main part's content type made a presentation's, every other byte kept;
    a .pptx as it is. A macro-enabled file is refused with how to save it without macros.

    ``data`` has passed :func:`check_zip`.
    """
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            types = archive.read("[Content_Types].xml")
        except KeyError:
            raise LoadError(label, None, (), f"cannot read it as a {what} (it has no [Content_Types].xml: not a PowerPoint file)") from None
        if any(kind.encode() in types for kind in _MACRO_ENABLED):
            raise LoadError(
                label, None, (),
                f"this {what} is macro-enabled (.pptm, .potm or .ppsm); facilitate does not open files with macros:"
                " save it as a PowerPoint presentation (.pptx) or template (.potx) and use that",
            )
        found = next((kind for kind in _SAME_PARTS if kind.encode() in types), None)
        if found is None:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as copy:
            for entry in archive.infolist():
                part = archive.read(entry)
                if entry.filename == "[Content_Types].xml":
                    part = part.replace(found.encode(), PRESENTATION_MAIN.encode())
                copy.writestr(entry, part)
        return out.getvalue()
