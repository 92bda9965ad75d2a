"""``facilitate watch``: rebuild what an edit changed, and show it on a page that reloads itself.

A :class:`Watcher` holds the last good build of a session. Each build:

1. loads the pack again, noting every file the loaders read or look for
   (``loaders.origins.recording_files``): the session, its theme, decks, spreadsheets,
   pictures, a file beside the session that would take over a bundled item;
2. makes the plans again as a build does (the slide model, each card's face, the list of
   documents): tens of milliseconds;
3. draws again only the parts of the preview whose plan changed (each slide as SVG, each
   card face as SVG, each document as the HTML exporter writes it), with the pictures
   they show: an edited prompt redraws its slide and the documents that list it, nothing
   else;
4. publishes the preview (the version goes up, and the page reloads itself);
5. checks the whole pack as ``facilitate validate`` does, and with an output folder writes
   again each file of the pack whose plan changed, through ``output.OutputFolder`` (so a
   file the user wrote is never overwritten), one file at a time, stopping early when the
   next edit arrives.

A problem at any step (``FILE:LINE: field: message``) is shown at the top of the page, and
the last good slides, cards and documents stay. Files are watched by polling their
modification times (every twentieth of a second), which needs no dependency and works on every
file system, network drives and editors that save by renaming included.

:class:`PreviewServer` serves the page on 127.0.0.1 only (never another interface), and
answers only requests addressed to it by that name (so a web page elsewhere cannot reach
it by rebinding its own name). The page runs only its own script; documents are shown in
sandboxed frames; slides and cards are SVG with every text escaped and no script.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import attrs

from facilitate.errors import ContentProblems, FacilitateError
from facilitate.options import BuildOptions, CardOptions

#: How often the files are looked at, in seconds (a stat of each: cheap).
POLL_SECONDS = 0.05
#: How long a request for the next version waits before answering "nothing new".
WAIT_SECONDS = 20.0
#: Build records kept (and served at /build.json).
LOG_LENGTH = 100

Stamp = tuple[int, int] | None


def stamp(path: str) -> Stamp:
    """A file's modification time and size, or None when it is missing."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size


@attrs.frozen
class Part:
    """One drawn piece of the preview: a slide or a card face (SVG), or a document (HTML)."""

    name: str
    label: str
    content: str


@attrs.frozen
class CardSet:
    """A deck's card faces, in order."""

    id: str
    title: str
    faces: tuple[Part, ...]


#: A preview's slides, card sets and documents.
Drawn = tuple[tuple[Part, ...], tuple[CardSet, ...], tuple[Part, ...]]


@attrs.frozen
class Preview:
    """What the page shows: one version of the session's slides, card faces and documents, and any problems."""

    version: int = 0
    title: str = ""
    source: str = ""
    built_at: str = ""
    language: str = "en"
    slides: tuple[Part, ...] = ()
    cards: tuple[CardSet, ...] = ()
    documents: tuple[Part, ...] = ()
    problems: tuple[str, ...] = ()

    def part(self, kind: str, name: str) -> Part | None:
        found: Iterable[Part] = {"slides": self.slides, "documents": self.documents}.get(kind, ())
        if kind == "cards":
            found = (face for deck in self.cards for face in deck.faces)
        return next((part for part in found if part.name == name), None)


@attrs.frozen
class BuildRecord:
    """What one build did: the files that changed, the parts drawn again, the pack files written, the problems."""

    version: int
    changed: tuple[str, ...]
    drawn: tuple[str, ...]
    written: tuple[str, ...]
    problems: tuple[str, ...]
    seconds: float
    #: Seconds from the start of the build to the new preview.
    preview_seconds: float

    def as_json(self) -> dict[str, Any]:
        return attrs.asdict(self)


def _one_line(error: FacilitateError) -> str:
    from facilitate.loaders.origins import located

    return located(error).one_line()


def _problem_lines(error: FacilitateError) -> list[str]:
    if isinstance(error, ContentProblems):
        return [_one_line(problem) for problem in error.problems]
    return [_one_line(error)]


def _files_in(value: object, files: Mapping[str, Stamp], found: dict[str, Stamp]) -> None:
    """The watched files named anywhere inside ``value`` (a picture's path, a logo), with their stamps."""
    if isinstance(value, str):
        if value in files:
            found[value] = files[value]
    elif isinstance(value, tuple):
        for item in value:
            _files_in(item, files, found)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]  # an attrs class, checked above
            _files_in(getattr(value, field.name), files, found)
    elif isinstance(value, dict):
        for item in value.values():
            _files_in(item, files, found)


class Watcher:
    """The last good build of a session: rebuilt, part by part, when a file it uses changes."""

    def __init__(
        self,
        source: str | Path,
        options: BuildOptions | None = None,
        out_dir: str | Path | None = None,
        formats: Sequence[str] | None = None,
        force: bool = False,
        say: Callable[[str], None] | None = None,
    ) -> None:
        from facilitate import exporters

        self.source = Path(source)
        self.options = options or BuildOptions()
        self.out_dir = Path(out_dir) if out_dir is not None else None
        self.formats = tuple(formats) if formats else tuple(exporters.DEFAULT_FORMATS)
        self.force = force
        self.say = say or (lambda line: None)
        self.preview = Preview()
        self.log: list[BuildRecord] = []
        #: Every file the last builds used, and its stamp when it was read.
        self.stamps: dict[str, Stamp] = {str(self.source.absolute()): None}
        self._good_files: set[str] = set()
        #: Each part's plan (and pictures) when it was last drawn, and the part.
        self._drawn: dict[str, tuple[object, Part]] = {}
        #: Each pack file's plan when it was last written.
        self._written: dict[str, object] = {}
        self._lock = threading.Condition()
        self._problems: tuple[str, ...] = ()

    # -- files --

    def files(self) -> list[str]:
        """The files watched now."""
        return sorted(self.stamps)

    def changed(self) -> list[str]:
        """The watched files whose stamp differs from when they were last read."""
        return [path for path, known in self.stamps.items() if stamp(path) != known]

    def _deck_template(self) -> tuple[str, ...]:
        """The PowerPoint template the options name, if any (its absolute path)."""
        from facilitate.options import DeckOptions

        template = self.options[DeckOptions].template
        return (os.path.abspath(template),) if template else ()

    def _template_folder(self) -> tuple[str, ...]:
        """The user's template folder the options name, if any, and every file in it (absolute paths)."""
        from facilitate.options import TemplateOptions

        folder = self.options[TemplateOptions].template_dir
        if not folder:
            return ()
        found = [os.path.abspath(folder)]
        for root, _, names in os.walk(folder):
            found += sorted(os.path.abspath(os.path.join(root, name)) for name in names)
        return tuple(found)

    def _extra_files(self) -> list[str]:
        """Files the options name: a PowerPoint template, the files of a template folder."""
        return [*self._deck_template(), *self._template_folder()]

    # -- one build --

    def build(self, changed: Sequence[str] = ()) -> BuildRecord:
        """Build now: load, plan, draw what changed, publish the preview; then check and write the pack."""
        started = time.perf_counter()
        before = {path: stamp(path) for path in self.stamps}
        drawn: list[str] = []
        problems: list[str] = []
        pack = None
        from facilitate.loaders import library, origins

        library.entries()  # the bundled library's index, read once, outside the recording
        with origins.recording_files() as read:
            try:
                pack = library.load(str(self.source))
            except FacilitateError as error:
                problems += _problem_lines(error)
        used = read | set(self._extra_files()) | {str(self.source.absolute())}
        if pack is not None:
            self._good_files = used
        watched = used | self._good_files
        self.stamps = {path: before[path] if path in before else stamp(path) for path in sorted(watched)}
        plans = None
        parts = None
        if pack is not None:
            plans = self._plans(pack, problems)
            parts = self._draw(pack, plans, drawn, problems)
        preview_seconds = time.perf_counter() - started
        self._problems = tuple(dict.fromkeys(problems))
        self._publish(pack, parts)
        written: list[str] = []
        if pack is not None and plans is not None:
            later = self._check(pack)
            if later:
                self._problems = tuple(dict.fromkeys((*self._problems, *later)))
                self._publish(pack)
            if self.out_dir is not None:
                written = self._write_pack(pack, plans)
        record = BuildRecord(
            self.preview.version, tuple(changed), tuple(drawn), tuple(written), self._problems,
            round(time.perf_counter() - started, 4), round(preview_seconds, 4),
        )
        self.log = [*self.log[-(LOG_LENGTH - 1):], record]
        return record

    def _plans(self, pack: Any, problems: list[str]) -> dict[str, Any]:
        """The plans every part is drawn from: the slide model, each deck's card faces, the documents."""
        from facilitate.exporters import pptx
        from facilitate.layout.documents import pack_documents

        plans: dict[str, Any] = {"deck": None, "cards": None, "documents": None}
        try:
            plans["deck"] = pptx.deck_model(pack, self.options)
        except FacilitateError as error:
            problems += _problem_lines(error)
        try:
            plans["cards"] = self._card_faces(pack)
        except FacilitateError as error:
            problems += _problem_lines(error)
        try:
            plans["documents"] = pack_documents(pack)
        except FacilitateError as error:
            problems += _problem_lines(error)
        return plans

    def _card_faces(self, pack: Any) -> list[tuple[Any, list[tuple[Any, Any, Any, dict[str, Any]]]]]:
        """Each chosen deck and, for each of its cards, the face as the card sheets plan it and how to draw it."""
        from facilitate.exporters import cards_pdf
        from facilitate.layout import checking
        from facilitate.layout.card_face import band_height, card_face, category_colours
        from facilitate.layout.checking import collecting
        from facilitate.options import PaperOptions

        chosen = self.options[CardOptions]
        decks = cards_pdf.chosen_decks(pack, chosen.decks)
        card = cards_pdf.plan(chosen, self.options[PaperOptions].paper).card
        safe = cards_pdf.safe_zone(chosen)
        out = []
        with collecting() as noted:
            cards_pdf.check_decks(decks)
            for deck in decks:
                band = band_height(deck, card.width - 2 * safe, safe)
                colours = category_colours(deck, pack.theme)
                faces = []
                for number, item in enumerate(deck.cards, start=1):
                    with checking.item():
                        face = card_face(deck, item, number, card, pack.theme, band, colours[item.category], safe)
                        drawing = dict(background=pack.theme.background, band=band, band_colour=colours[item.category],
                                       safe=safe, picture=item.image)
                        faces.append((item, face, card, drawing))
                out.append((deck, faces))
        if noted:
            raise ContentProblems(tuple(noted)) if len(noted) > 1 else noted[0]
        return out

    def _part(self, name: str, key: object, draw: Callable[[], Part], drawn: list[str]) -> Part:
        """The part called ``name``: as drawn before when its key is unchanged, else drawn now."""
        full = self._key(key)
        known = self._drawn.get(name)
        if known is not None and known[0] == full:
            return known[1]
        part = draw()
        self._drawn[name] = (full, part)
        drawn.append(name)
        return part

    def _draw(self, pack: Any, plans: dict[str, Any], drawn: list[str], problems: list[str]) -> Drawn:
        """The preview's slides, card sets and documents: each part as drawn before unless its plan changed;
        the last good ones of a kind whose plans failed."""

        slides, cards, documents = self.preview.slides, self.preview.cards, self.preview.documents
        deck = plans["deck"]
        if deck is not None:
            try:
                slides = tuple(
                    self._part(f"slide {number}", (number, slide, deck.width, deck.height, deck.font),
                               functools.partial(_slide_part, deck, slide, number), drawn)
                    for number, slide in enumerate(deck.slides, start=1)
                )
            except FacilitateError as error:
                problems += _problem_lines(error)
        if plans["cards"] is not None:
            try:
                cards = tuple(self._card_set(card_deck, faces, drawn) for card_deck, faces in plans["cards"])
            except FacilitateError as error:
                problems += _problem_lines(error)
        if plans["documents"] is not None:
            try:
                documents = self._documents(pack, plans["documents"], drawn)
            except FacilitateError as error:
                problems += _problem_lines(error)
        return slides, cards, documents

    def _card_set(self, deck: Any, faces: list[tuple[Any, Any, Any, dict[str, Any]]], drawn: list[str]) -> CardSet:
        parts = []
        for number, (card, face, size, drawing) in enumerate(faces, start=1):
            label = f"Card {number} of {len(faces)}: {card.title}"
            parts.append(self._part(
                f"card {deck.id} {number}", (label, face, size, tuple(sorted(drawing.items()))),
                functools.partial(_card_part, f"{deck.id}/{number}", label, face, size, drawing), drawn,
            ))
        return CardSet(deck.id, deck.title, tuple(parts))

    def _documents(self, pack: Any, documents: Sequence[Any], drawn: list[str]) -> tuple[Part, ...]:
        """Each document as the HTML exporter writes it (rendered only when its plan changed)."""
        from facilitate import exporters

        outputs: dict[str, Any] | None = None
        parts = []
        for entry in documents:
            name = f"{entry.stem}.html"

            def draw(entry: Any = entry, name: str = name) -> Part:
                nonlocal outputs
                if outputs is None:
                    outputs = {output.name: output for output in exporters.exporter("html").outputs(pack, self.options)}
                buffer = io.BytesIO()
                outputs[name].write(buffer)
                return Part(entry.stem, entry.document.title, buffer.getvalue().decode("utf-8"))

            parts.append(self._part(f"document {entry.stem}", self._document_key(pack, entry, "html"), draw, drawn))
        return tuple(parts)

    def _publish(self, pack: Any, parts: Drawn | None = None) -> None:
        """A new version of the preview: ``parts`` (else the parts shown now) and the problems."""
        from facilitate.layout.properties import session_language

        slides, cards, documents = parts or (self.preview.slides, self.preview.cards, self.preview.documents)
        with self._lock:
            session = pack.session if pack is not None else None
            self.preview = Preview(
                version=self.preview.version + 1,
                title=session.title if session is not None else self.preview.title or self.source.name,
                source=str(self.source),
                built_at=dt.datetime.now().strftime("%H:%M:%S"),
                language=session_language(session) if session is not None else self.preview.language,
                slides=slides,
                cards=cards,
                documents=documents,
                problems=self._problems,
            )
            self._lock.notify_all()

    def wait(self, after: int, timeout: float = WAIT_SECONDS) -> Preview:
        """The preview once its version is not ``after`` (or as it is after ``timeout`` seconds)."""
        with self._lock:
            self._lock.wait_for(lambda: self.preview.version != after, timeout)
            return self.preview

    # -- the whole pack --

    def _check(self, pack: Any) -> list[str]:
        """Every problem ``facilitate validate`` would report for the pack (laid out in memory)."""
        from facilitate.building import check

        try:
            return [problem.one_line() for problem in check(pack, self.formats, self.options)]
        except FacilitateError as error:
            return _problem_lines(error)

    def _document_key(self, pack: Any, entry: Any, suffix: str) -> object:
        """What a document's file is drawn from: the document, the theme, the session's own details (author,
        language: not its segments), and a user's template folder for the formats that use one."""
        session = pack.session
        details = tuple((field.name, getattr(session, field.name)) for field in attrs.fields(type(session)) if field.name != "segments")
        templates = self._template_folder() if suffix in ("html", "md") else ()
        return (suffix, entry.document, pack.theme, details, templates)

    def _pack_files(self, pack: Any, plans: dict[str, Any]) -> dict[str, dict[str, object]]:
        """For each of facilitate's formats, each file it writes and what the file is drawn from.

        A format not listed (another package's) has each of its files drawn from the whole pack,
        and so is written again after any change.
        """
        from facilitate.exporters import cards_pdf
        from facilitate.layout.imposition import sets_to_print
        from facilitate.layout.properties import cards_properties

        files: dict[str, dict[str, object]] = {"live": {"session.html": ("pack", pack, self._template_folder())}}
        if plans["deck"] is not None:
            files["pptx"] = {"deck.pptx": ("pptx", plans["deck"], self._deck_template())}
        chosen = self.options[CardOptions]
        try:
            decks = cards_pdf.chosen_decks(pack, chosen.decks)
            sets = tuple(sets_to_print(deck, pack.session, chosen.copies) for deck in decks)
            properties = cards_properties(decks, pack.theme, pack.session)
            files["cards"] = {cards_pdf.FILE_NAME: ("cards", decks, pack.theme, sets, properties)} if decks else {}
        except FacilitateError:
            pass  # the exporter itself reports it
        if plans["documents"] is not None:
            for name, suffix in (("handouts", "pdf"), ("docx", "docx"), ("html", "html"), ("markdown", "md")):
                files[name] = {f"{entry.stem}.{suffix}": self._document_key(pack, entry, suffix) for entry in plans["documents"]}
        return files

    def _write_pack(self, pack: Any, plans: dict[str, Any]) -> list[str]:
        """Write each pack file whose plan changed, one at a time; stop when another edit arrives.

        A format all of whose files are as last written is not even planned again.
        """
        from facilitate import exporters
        from facilitate.output import OutputFolder

        assert self.out_dir is not None
        known = self._pack_files(pack, plans)
        written: list[str] = []
        problems: list[str] = []
        folder = self.out_dir

        def current(file: str, key: object) -> bool:
            """The file is in the folder, as last written from this same plan."""
            return self._written.get(file) == key and (folder / file).is_file()

        for name in self.formats:
            files = known.get(name)
            if files is not None and all(current(file, self._key(key)) for file, key in files.items()):
                continue
            try:
                for output in exporters.exporter(name).outputs(pack, self.options):
                    key = self._key((files or {}).get(output.name, ("pack", pack, self._extra_files())))
                    if current(output.name, key):
                        continue
                    if self.changed():
                        return written  # the next build writes the rest
                    OutputFolder(folder, force=self.force).write([output])
                    self._written[output.name] = key
                    written.append(output.name)
            except FacilitateError as error:
                problems += _problem_lines(error)
        if problems and set(problems) - set(self._problems):
            self._problems = tuple(dict.fromkeys((*self._problems, *problems)))
            self._publish(pack)
        return written

    def _key(self, key: object) -> object:
        """``key`` with the stamps of the watched files named in it (a picture edited in place changes it)."""
        found: dict[str, Stamp] = {}
        _files_in(key, self.stamps, found)
        return (key, tuple(sorted(found.items())))

    # -- running --

    def run(self, stop: threading.Event, poll: float = POLL_SECONDS, freeze: bool = False) -> None:
        """Build, then build again whenever a watched file changes, until ``stop`` is set.

        ``freeze`` (for a process that only watches, as ``facilitate watch`` is): what the
        first build loaded (libraries, fonts, templates, caches) lives as long as the process,
        so it is kept out of the garbage collector's full passes, which would otherwise scan
        it all in the middle of a later build.
        """
        import gc

        self._report(self.build())
        if freeze:
            gc.collect()
            gc.freeze()
        while not stop.wait(poll):
            changed = self.changed()
            if changed:
                self._report(self.build(changed))

    def _report(self, record: BuildRecord) -> None:
        """One line on the terminal for a build."""
        now = dt.datetime.now().strftime("%H:%M:%S")
        what = (", ".join(_short(path) for path in record.changed) + " changed: ") if record.changed else ""
        if record.drawn:
            drawn = f"drew {_summary(record.drawn)}"
        else:
            drawn = "nothing to draw again"
        wrote = f"; wrote {len(record.written)} file{'s' if len(record.written) != 1 else ''} to {self.out_dir}" if record.written else ""
        self.say(f"{now} {what}{drawn} ({record.preview_seconds * 1000:.0f} ms){wrote}")
        for problem in record.problems:
            self.say(f"  error: {problem}")


def _slide_part(deck: Any, slide: Any, number: int) -> Part:
    from facilitate.exporters import svg

    return Part(str(number), svg.slide_label(slide, number), svg.slide_svg(deck, slide, number))


def _card_part(name: str, label: str, face: Any, size: Any, drawing: dict[str, Any]) -> Part:
    from facilitate.exporters import svg

    return Part(name, label, svg.card_face_svg(face, size, label, **drawing))


def _short(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return path


def _summary(drawn: Sequence[str]) -> str:
    """"3 slides (4, 5, 9), 2 documents (runsheet, handout)": the parts a build drew."""
    groups: dict[str, list[str]] = {}
    for name in drawn:
        kind, _, rest = name.partition(" ")
        groups.setdefault(kind, []).append(rest)
    out = []
    for kind, names in groups.items():
        shown = ", ".join(names[:6]) + (", ..." if len(names) > 6 else "")
        out.append(f"{len(names)} {kind}{'s' if len(names) != 1 else ''} ({shown})")
    return ", ".join(out)


# --- the page and its server -------------------------------------------------------------------

#: Each response's security headers: nothing cached, nothing sniffed, no referrer.
_HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
#: The page runs only its own script and shows only what the server sends.
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
    " connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
#: A document or a picture runs nothing at all (sandboxed), and may be framed only by the page.
PART_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"
STATIC = {
    "/watch.js": ("watch.js", "text/javascript; charset=utf-8"),
    "/watch.css": ("watch.css", "text/css; charset=utf-8"),
}
FONTS = {"/fonts/DejaVuSans.ttf": "DejaVuSans.ttf", "/fonts/DejaVuSans-Bold.ttf": "DejaVuSans-Bold.ttf"}


def page(preview: Preview) -> str:
    """The preview page (templates/watch.html.j2): problems, slides, card faces, documents."""
    from markupsafe import Markup

    from facilitate.exporters._jinja import render

    def inline(parts: Iterable[Part]) -> list[dict[str, Any]]:
        return [{"name": part.name, "label": part.label, "svg": Markup(part.content)} for part in parts]

    return render(
        "html", "watch.html.j2", None, preview=preview, slides=inline(preview.slides),
        decks=[{"id": deck.id, "title": deck.title, "faces": inline(deck.faces)} for deck in preview.cards],
        card_count=sum(len(deck.faces) for deck in preview.cards),
    )


class PreviewServer(ThreadingHTTPServer):
    """The preview page and its parts, for one watcher, on 127.0.0.1 only."""

    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, watcher: Watcher, port: int = 0) -> None:
        self.watcher = watcher
        super().__init__(("127.0.0.1", port), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that goes away mid-answer (a reload, a closed tab) is no error; anything else is reported."""
        import sys

        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass  # the terminal shows builds, not requests

    def _send(self, status: int, body: bytes, kind: str, policy: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in _HEADERS.items():
            self.send_header(name, value)
        if policy:
            self.send_header("Content-Security-Policy", policy)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", PART_POLICY)

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's name
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]").lower()
        if host not in ("127.0.0.1", "localhost"):
            self._text(421, "this preview answers only at 127.0.0.1")
            return
        url = urlsplit(self.path)
        path = url.path
        watcher = self.server.watcher
        if path == "/version.json":
            query = parse_qs(url.query)
            preview = watcher.preview
            if "after" in query:
                try:
                    after = int(query["after"][0])
                except ValueError:
                    after = -1
                preview = watcher.wait(after)
            body = json.dumps({"version": preview.version, "problems": list(preview.problems)}).encode("utf-8")
            self._send(200, body, "application/json")
            return
        if path == "/build.json":
            body = json.dumps([record.as_json() for record in watcher.log], indent=1).encode("utf-8")
            self._send(200, body, "application/json")
            return
        if path in ("/", "/index.html"):
            self._send(200, page(watcher.preview).encode("utf-8"), "text/html; charset=utf-8", PAGE_POLICY)
            return
        if path in STATIC:
            from facilitate.resources import templates_folder

            file, kind = STATIC[path]
            self._send(200, (templates_folder() / file).read_bytes(), kind)
            return
        if path in FONTS:
            from facilitate.resources import font_file

            self._send(200, font_file(FONTS[path]).read_bytes(), "font/ttf")
            return
        for prefix, kind, suffix, media in (("/slides/", "slides", ".svg", "image/svg+xml"), ("/cards/", "cards", ".svg", "image/svg+xml"),
                                            ("/documents/", "documents", ".html", "text/html; charset=utf-8")):
            if path.startswith(prefix) and path.endswith(suffix):
                part = watcher.preview.part(kind, path[len(prefix):-len(suffix)])
                if part is not None:
                    self._send(200, part.content.encode("utf-8"), media, PART_POLICY)
                    return
        self._text(404, "not found")


def serve(watcher: Watcher, port: int = 0) -> tuple[PreviewServer, threading.Thread]:
    """Serve ``watcher``'s preview on 127.0.0.1 (a free port unless ``port``), in a thread of its own."""
    try:
        server = PreviewServer(watcher, port)
    except OSError as error:
        raise FacilitateError(f"cannot serve the preview on 127.0.0.1:{port}: {error.strerror or error}") from None
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, name="facilitate-preview", daemon=True)
    thread.start()
    return server, thread
