"""The ``facilitate`` command line. Heavy libraries load only inside the commands that need them."""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

import click

from facilitate.errors import FacilitateError

ISSUES_URL = "the facilitate issue tracker"


class FacilitateGroup(click.Group):
    """Turns FacilitateError into one line on stderr and exit 2; bugs get a short note."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except FacilitateError as error:
            click.echo(f"error: {error.one_line()}", err=True)
            ctx.exit(error.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except Exception as error:  # an unexpected bug: short message, traceback on --debug
            if ctx.obj and ctx.obj.get("debug"):
                traceback.print_exc()
            else:
                click.echo(
                    f"internal error: {type(error).__name__}: {error}\n"
                    f"This is a bug in facilitate; please report it to {ISSUES_URL} with the"
                    " command you ran (run again with --debug for the traceback).",
                    err=True,
                )
            ctx.exit(70)


@click.group(cls=FacilitateGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show the traceback of unexpected errors.")
@click.version_option(package_name="facilitate")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Workshop session packs from data: slide decks, card sheets, worksheets and handouts."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


@main.command("list")
@click.option("--kind", type=click.Choice(["session", "deck", "ladder", "curve", "rubric", "reflection", "theme", "cluster"]), help="Only items of this kind.")
def list_command(kind: str | None) -> None:
    """List the bundled library: agendas, card decks, ladders, exercises, themes."""
    from facilitate.loaders import library

    rows = [e for e in library.entries() if kind is None or e.kind == kind]
    width = max((len(e.id) for e in rows), default=10)
    for entry in rows:
        click.echo(f"{entry.kind:<10}  {entry.id:<{width}}  {entry.title}")


@main.command()
@click.argument("name")
def show(name: str) -> None:
    """Describe a bundled item (or a content file): its contents in brief."""
    from facilitate.describe import describe
    from facilitate.loaders import library
    from facilitate.loaders.content import SUFFIXES, load_object

    if name.endswith(SUFFIXES) or os.path.exists(name):
        obj = load_object(name)
    else:
        try:
            entry = library.find(name)
        except KeyError as error:
            raise FacilitateError(error.args[0]) from None
        obj = load_object(entry.path)
    click.echo(describe(obj))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def validate(files: tuple[str, ...]) -> None:
    """Check content files; prints 'FILE: ok' or the first problem in each."""
    from facilitate.loaders import library
    from facilitate.loaders.content import load_object, parse_document

    failed = 0
    for file in files:
        try:
            if parse_document(file).kind == "session":
                library.load(file)
            else:
                load_object(file)
        except FacilitateError as error:
            failed += 1
            click.echo(error.one_line(), err=True)
        else:
            click.echo(f"{file}: ok")
    if failed:
        sys.exit(2)


@main.command()
@click.argument("what", type=click.Choice(["content", "timings"]), default="content")
def schema(what: str) -> None:
    """Print the JSON Schema of content files (for editor completion), or of timings files."""
    if what == "timings":
        from facilitate.loaders.timings import schema as timings_schema

        click.echo(json.dumps(timings_schema(), indent=2))
        return
    from facilitate.schema import content_schema

    click.echo(json.dumps(content_schema(), indent=2))


@main.command()
@click.argument("what", type=click.Choice(["agenda", "deck"]))
@click.argument("name")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default NAME.yaml).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def new(what: str, name: str, output: str | None, force: bool) -> None:
    """Write a commented starter agenda or deck to edit."""
    import re

    from facilitate.output import write_bytes
    from facilitate.starters import STARTERS

    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or what
    target = Path(output or f"{slug}.yaml")
    if target.exists() and not force:
        raise FacilitateError(f"{target}: already exists; use --force to overwrite it")
    text = STARTERS[what].format(name=slug, title=json.dumps(name.strip() or slug))
    write_bytes(target, text.encode("utf-8"))
    click.echo(f"wrote {target}")


@main.command()
@click.argument("question")
def ladder(question: str) -> None:
    """Place QUESTION on the powerful-question ladder and suggest stronger versions."""
    from facilitate.model.questions import classify, strengthen

    result = classify(question)
    click.echo(f"rung:  {result.rung.label} ({result.level} of 6)")
    click.echo(f"score: {result.score:g}")
    for caution in result.cautions:
        click.echo(f"note:  {caution}")
    stronger = strengthen(question)
    if stronger:
        click.echo("stronger:")
        for text in stronger:
            click.echo(f"  - {text}")
    else:
        click.echo("stronger: already on the top rung")


def _millimetres(value: str) -> str:
    """A length from the command line: a bare number is millimetres, or give a unit ("0.1in")."""
    try:
        return f"{float(value)}mm"
    except ValueError:
        return value


#: Card printing options, shared by ``cards`` and ``build`` (for the pack's cards.pdf).
_CARD_PRINT_OPTIONS = (
    click.option("--size", "card_size", default="poker", show_default=True, help="Card size: poker, bridge, tarot, a6, a7, business, or WxH like 63x88mm or 2.5x3.5in."),
    click.option("--landscape", is_flag=True, help="Cards wider than tall."),
    click.option("--bleed", default="3mm", show_default=True, help="Background printed past the cut (0 for none)."),
    click.option("--cut-lines", is_flag=True, help="Also outline every card, for cutting with scissors."),
    click.option("--duplex", type=click.Choice(["long-edge", "short-edge", "none"]), default="long-edge", show_default=True, help="How your printer turns the sheet for the backs; none prints fronts only."),
    click.option("--offset-x", default="0", show_default=True, help="Move the backs right by this many mm (negative: left), to correct a printer."),
    click.option("--offset-y", default="0", show_default=True, help="Move the backs up by this many mm (negative: down)."),
    click.option("--fold", is_flag=True, help="Fronts and backs side by side on one sheet, to fold and glue (no duplex needed)."),
    click.option("--print-shop", is_flag=True, help="One card per page at card size plus bleed, with TrimBox and BleedBox."),
    click.option("--instructions/--no-instructions", default=True, show_default=True, help="Lead each deck with a page of how to use it."),
)


def card_print_options(command):
    """Add the card printing options to a command."""
    for option in reversed(_CARD_PRINT_OPTIONS):
        command = option(command)
    return command


def _card_printing(card_size, landscape, bleed, cut_lines, duplex, offset_x, offset_y, fold, print_shop, instructions) -> dict:
    """BuildOptions fields from the card printing options."""
    if fold and print_shop:
        raise FacilitateError("--fold and --print-shop are different layouts; choose one")
    return dict(
        card_size=card_size, landscape=landscape, bleed=_millimetres(bleed), cut_lines=cut_lines, duplex=duplex,
        back_offset_x=_millimetres(offset_x), back_offset_y=_millimetres(offset_y), fold=fold,
        print_shop=print_shop, instructions_sheet=instructions,
    )


def _build_options(**kwargs):
    """BuildOptions from the command's options that were given (None means not given)."""
    from facilitate.options import BuildOptions

    return BuildOptions(**{k: v for k, v in kwargs.items() if v is not None})


@main.command()
@click.argument("source", required=False)
@click.option("-o", "--output", "out_dir", default="pack", show_default=True, type=click.Path(file_okay=False), help="Folder for the pack.")
@click.option("-f", "--format", "formats", multiple=True, help="Only these formats (repeat); default: all.")
@click.option("--page-size", type=click.Choice(["a4", "letter"]), help="Paper for PDFs (default a4).")
@click.option("--aspect", type=click.Choice(["16:9", "4:3"]), help="Slide shape (default 16:9).")
@click.option("--template", type=click.Path(exists=True, dir_okay=False), help="Your own .pptx whose layouts the deck uses.")
@click.option("--template-dir", type=click.Path(exists=True, file_okay=False), help="Your own jinja2 templates for HTML/Markdown.")
@click.option("--cards-as-slides", is_flag=True, default=None, help="One slide per card in the deck.")
@card_print_options
@click.option("--force", is_flag=True, help="Overwrite files in the folder that this build did not write.")
def build(source, out_dir, formats, page_size, aspect, template, template_dir, cards_as_slides, force, **printing) -> None:
    """Build a session pack from SOURCE (a session file or bundled agenda; default: the CEP day)."""
    from facilitate import exporters
    from facilitate.building import build as run_build
    from facilitate.loaders import library

    for name in formats:  # before loading anything, so a typo is reported first
        exporters.exporter_name(name)

    options = _build_options(
        page_size=page_size, aspect=aspect, template=template, template_dir=template_dir,
        cards_as_slides=cards_as_slides, **_card_printing(**printing),
    )
    pack = library.load(source)
    written = run_build(pack, out_dir, formats or None, options, force=force)
    for path in written:
        click.echo(f"wrote {path}")


@main.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out_dir", default="preview", show_default=True, type=click.Path(file_okay=False), help="Folder for the PNG pages.")
@click.option("--dpi", default=60, show_default=True, type=click.IntRange(20, 600), help="Resolution of the PNGs.")
def preview(file: str, out_dir: str, dpi: int) -> None:
    """Render a .pptx (through LibreOffice) or .pdf as PNG pages to look at."""
    from facilitate.preview import render

    for page in render(file, out_dir, dpi):
        click.echo(f"wrote {page}")


@main.command("build-cluster")
@click.argument("cluster_file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out_dir", default="packs", show_default=True, type=click.Path(file_okay=False), help="Folder for the packs and zips.")
@click.option("-f", "--format", "formats", multiple=True, help="Only these formats (repeat); default: all.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), help="Packs built at once (default: all cores).")
@click.option("--page-size", type=click.Choice(["a4", "letter"]), help="Paper for PDFs (default a4).")
@click.option("--force", is_flag=True, help="Overwrite files in the packs that facilitate did not write.")
def build_cluster_command(cluster_file, out_dir, formats, jobs, page_size, force) -> None:
    """Build one personalised pack (and a zip) per partner listed in CLUSTER_FILE.

    Exit status 3 when some partners' packs failed (each is named); the others are built.
    """
    from facilitate import exporters
    from facilitate.cluster import build_cluster
    from facilitate.loaders import library

    for name in formats:
        exporters.exporter_name(name)
    cluster, pack = library.load_cluster(cluster_file)
    options = _build_options(page_size=page_size)
    failures = []
    with click.progressbar(length=len(cluster.members), label=f"Building {len(cluster.members)} packs", file=sys.stderr) as bar:

        def advance(result) -> None:
            bar.update(1)
            if not result.ok:
                failures.append(result)

        results = build_cluster(cluster, pack, out_dir, tuple(formats) or None, options, jobs, force, advance)
    for result in results:
        if result.ok:
            click.echo(f"{result.member}: {result.archive}")
    for result in failures:
        click.echo(f"error: {result.member}: {result.error}", err=True)
    if failures:
        click.echo(f"{len(failures)} of {len(results)} packs failed", err=True)
        sys.exit(3)


@main.command()
@click.argument("deck")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="PDF to write (default DECK-cards.pdf).")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True, help="Paper size.")
@card_print_options
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def cards(deck, output, paper, force, **printing) -> None:
    """Print-ready card sheets for DECK (a bundled deck id or a deck file) as one PDF."""
    from facilitate.exporters import cards_pdf
    from facilitate.loaders import library
    from facilitate.loaders.content import SUFFIXES, load_object
    from facilitate.options import BuildOptions
    from facilitate.output import atomic_write

    if deck.endswith(SUFFIXES) or os.path.exists(deck):
        card_deck = load_object(deck, expected_kind="deck")
    else:
        try:
            card_deck = load_object(library.find(deck, "deck").path, expected_kind="deck")
        except KeyError as error:
            raise FacilitateError(error.args[0]) from None
    options = BuildOptions(page_size=paper, **_card_printing(**printing))
    target = Path(output or f"{card_deck.id}-cards.pdf")
    if target.exists() and not force:
        raise FacilitateError(f"{target}: already exists; use --force to overwrite it")
    plan = cards_pdf.plan(options)
    atomic_write(target, cards_pdf.deck_output(card_deck, options, name=target.name).write)
    unit = "page" if options.print_shop else "sheet"
    sheets = plan.sheets(len(card_deck.cards))
    click.echo(f"wrote {target} ({len(card_deck.cards)} cards, {plan.per_sheet} per {unit}, {sheets} {unit}{'s' if sheets != 1 else ''})")


@main.command()
@click.argument("name")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default NAME.yaml).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def copy(name: str, output: str | None, force: bool) -> None:
    """Copy a bundled item (agenda, deck, ladder, curve, rubric...) to a file you can edit."""
    from facilitate.loaders import library
    from facilitate.output import write_bytes

    try:
        entry = library.find(name)
    except KeyError as error:
        raise FacilitateError(error.args[0]) from None
    target = Path(output or entry.path.name)
    if target.exists() and not force:
        raise FacilitateError(f"{target}: already exists; use --force to overwrite it")
    write_bytes(target, entry.path.read_bytes())
    click.echo(f"wrote {target} (a copy of the bundled {entry.kind} {entry.id!r})")


@main.command()
@click.argument("timings", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="report.pdf, report.html or report.md (default: TIMINGS-report.pdf).")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True, help="Paper for a PDF report.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def report(timings: str, output: str | None, paper: str, force: bool) -> None:
    """How the day went, from the timings the live page saved: planned against actual."""
    from facilitate.exporters.timings_report import SUFFIXES, render_report
    from facilitate.loaders.timings import load_timings
    from facilitate.output import write_bytes

    target = Path(output or f"{Path(timings).stem}-report.pdf")
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise FacilitateError(f"{target}: a report is .pdf, .html or .md, not {suffix or 'a file without a suffix'}")
    if target.exists() and not force:
        raise FacilitateError(f"{target}: already exists; use --force to overwrite it")
    record = load_timings(timings)
    data = render_report(record, suffix, paper, where=target.name)
    write_bytes(target, data)
    ran = len(record.ran)
    click.echo(f"wrote {target} ({SUFFIXES[suffix]}, {ran} of {len(record.segments)} segments timed)")
