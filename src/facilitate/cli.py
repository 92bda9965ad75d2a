"""The ``facilitate`` command line. Heavy libraries load only inside the commands that need them."""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from facilitate.errors import FacilitateError
from facilitate.model.steps import GROUPINGS

ISSUES_URL = "the facilitate issue tracker"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _is_stdout_error(error: OSError) -> bool:
    """True for a failure to write standard output: a closed pipe, or a full or broken output.

    Errors about named files carry the file's name; writing to standard output has none.
    """
    import errno

    if isinstance(error, BrokenPipeError):
        return True
    return error.filename is None and error.errno in (errno.ENOSPC, errno.EPIPE, errno.EBADF, errno.EIO)


def _stdout_failed(error: OSError) -> int:
    """Standard output is closed (a reader such as ``head`` stopped) or full: quiet, or one line.

    A closed pipe is a quiet exit (status 0: the reader has what it wanted). A full or
    broken output is one line on standard error and status 2.
    """
    try:
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's last flush cannot fail again
    except (OSError, ValueError, AttributeError):
        pass
    if isinstance(error, BrokenPipeError):
        return 0
    click.echo(f"error: cannot write the output: {error.strerror or error}", err=True)
    return 2


class FacilitateGroup(click.Group):
    """Turns FacilitateError into one line on stderr and exit 2; bugs get a short note.

    Usage errors (an unknown option, a value click refuses) are one line too, naming the
    command, instead of click's usage block.
    """

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as error:
            where = error.ctx.command_path if error.ctx else "facilitate"
            click.echo(f"error: {where}: {_one_line(error.format_message())} (see {where} --help)", err=True)
            sys.exit(error.exit_code)
        except click.ClickException as error:
            click.echo(f"error: {_one_line(error.format_message())}", err=True)
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo("Aborted.", err=True)
            sys.exit(1)
        except OSError as error:
            sys.exit(_stdout_failed(error))
        try:
            sys.stdout.flush()
        except OSError as error:
            sys.exit(_stdout_failed(error))
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx: click.Context):
        import warnings

        from facilitate.errors import FacilitateWarning

        def show(message, category, *args: Any, **kwargs: Any) -> None:
            if issubclass(category, FacilitateWarning):
                click.echo(f"warning: {message}", err=True)
            else:
                original(message, category, *args, **kwargs)

        original = warnings.showwarning
        warnings.showwarning = show
        try:
            return super().invoke(ctx)
        except FacilitateError as error:
            from facilitate.loaders.origins import located

            click.echo(f"error: {located(error).one_line()}", err=True)
            ctx.exit(error.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except OSError as error:
            if _is_stdout_error(error):
                ctx.exit(_stdout_failed(error))
            _report_bug(ctx, error)
        except Exception as error:  # an unexpected bug: short message, traceback on --debug
            _report_bug(ctx, error)
        finally:
            warnings.showwarning = original


def _report_bug(ctx: click.Context, error: BaseException) -> None:
    """An unexpected error: a short note saying where to report it (the traceback with --debug), exit 70."""
    if ctx.obj and ctx.obj.get("debug"):
        click.echo("".join(traceback.format_exception(error)), err=True, nl=False)
    else:
        click.echo(
            f"internal error: {type(error).__name__}: {_one_line(str(error))[:300]}\n"
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


#: ``facilitate list WHAT``: a kind of item, or its plural as people say it.
LIST_NAMES = {
    "agendas": "session", "sessions": "session", "decks": "deck", "ladders": "ladder", "curves": "curve",
    "rubrics": "rubric", "reflections": "reflection", "methods": "method", "themes": "theme", "clusters": "cluster",
}
_KIND_CHOICES = ["session", "deck", "ladder", "curve", "rubric", "reflection", "method", "theme", "cluster"]


class ExporterCommand(click.Command):
    """A command whose options are the option groups of the formats it builds (from the registry).

    The options are added when the command is first parsed or its help is shown, so
    ``facilitate --help`` loads no exporter.
    """

    def __init__(self, *args: Any, formats: tuple[str, ...] | None = None, exclude: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.formats = formats
        self.exclude = exclude
        self._added = False

    def groups(self) -> tuple[type, ...]:
        from facilitate import exporters

        return exporters.option_groups(self.formats)

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        if not self._added:
            self._added = True
            added = [param for group in self.groups() for param in _group_params(group, self.exclude)]
            # After the command's own arguments and options, before --force.
            at = next((index for index, param in enumerate(self.params) if param.name == "force"), len(self.params))
            self.params[at:at] = added
        return super().get_params(ctx)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.formats is None:
            from facilitate import exporters

            with formatter.section("Formats (-f)"):
                formatter.write_dl([(name, exporters.description(name)) for name in exporters.names()])
        super().format_epilog(ctx, formatter)

    def build_options(self, ctx: click.Context, values: dict[str, Any]) -> Any:
        """The options given on the command line (others keep their defaults), checked now."""
        from facilitate.options import BuildOptions, flags, make_group

        given: dict[str, Any] = {}
        for group in self.groups():
            for _field, flag in flags(group):
                if flag.display in self.exclude:
                    continue
                for name in (flag.dest, *(_alias_dest(flag, n) for n in range(len(flag.aliases)))):
                    source = ctx.get_parameter_source(name)
                    if source is not None and source.name != "DEFAULT":
                        given[flag.dest] = values[name]
                        break
        return BuildOptions(*(make_group(group, given) for group in self.groups()))


def _alias_dest(flag: Any, number: int) -> str:
    return f"{flag.dest}__alias{number}"


def _group_params(group: type, exclude: tuple[str, ...]) -> list[click.Parameter]:
    """Click options for a group's fields, as their flags describe them."""
    from facilitate.options import flags

    params: list[click.Parameter] = []
    for field, flag in flags(group):
        if flag.display in exclude:
            continue
        kwargs: dict[str, Any] = {"help": flag.help, "metavar": flag.metavar, "show_default": field.default not in (None, ())}
        if flag.is_flag:
            kwargs.update(is_flag=True, default=field.default)
        elif flag.multiple:
            kwargs.update(multiple=True, default=())
        else:
            kwargs.update(default=field.default, type=click.Choice(flag.choices) if flag.choices else str)
        params.append(click.Option([flag.name, flag.dest], **kwargs))
        for number, alias in enumerate(flag.aliases):
            hidden = {key: value for key, value in kwargs.items() if key not in ("help", "show_default")}
            params.append(click.Option([alias, _alias_dest(flag, number)], hidden=True, **hidden))
    return params


def _check_formats(formats: tuple[str, ...]) -> None:
    """Unknown format names, before anything is loaded, so a typo is reported first."""
    from facilitate import exporters

    for name in formats:
        exporters.exporter_name(name)


@main.command("list")
@click.argument("what", required=False, type=click.Choice(sorted({*LIST_NAMES, *_KIND_CHOICES, "icons"})), metavar="[WHAT]")
@click.option("--kind", type=click.Choice(_KIND_CHOICES), help="Only items of this kind (the same as WHAT).")
@click.option("--minutes-max", type=click.IntRange(1, 24 * 60), help="Methods that usually take at most this many minutes.")
@click.option("--grouping", type=click.Choice(GROUPINGS), help="Methods with a step for this grouping.")
@click.option("--group-size", type=click.IntRange(1, None), help="Methods that work for this many people.")
@click.option("--online", is_flag=True, help="Methods that can be run online.")
@click.option("--tag", help="Methods tagged with this rubric dimension or need (e.g. differing-views).")
def list_command(what, kind, minutes_max, grouping, group_size, online, tag) -> None:
    """List the bundled library: agendas, card decks, ladders, exercises, methods, themes.

    WHAT is a kind or its plural: agendas, decks, ladders, curves, rubrics, reflections,
    methods, themes; or icons, the names a card or deck's `icon:` may use. The other options choose methods, e.g.
    `facilitate list methods --minutes-max 20 --grouping tables --group-size 30 --online`.
    """
    from facilitate.loaders import library

    if what == "icons":
        from facilitate.layout import icons

        click.echo("\n".join(icons.names()))
        return
    wanted = LIST_NAMES.get(what, what) if what else kind
    if what and kind and wanted != kind:
        raise FacilitateError(f"list {what!r} or --kind {kind}, not both")
    filters = dict(minutes_max=minutes_max, grouping=grouping, people=group_size, online=online, tag=tag)
    if any(filters.values()):
        if wanted not in (None, "method"):
            raise FacilitateError("--minutes-max, --grouping, --group-size, --online and --tag choose methods: use 'facilitate list methods ...'")
        chosen = [m for m in library.methods() if m.suits(**filters)]
        if not chosen:
            click.echo("no bundled method fits all of that; try fewer options", err=True)
        _list_methods(chosen)
        return
    if wanted == "method":
        _list_methods(list(library.methods()))
        return
    rows = [e for e in library.entries() if wanted is None or e.kind == wanted]
    width = max((len(e.id) for e in rows), default=10)
    for entry in rows:
        click.echo(f"{entry.kind:<10}  {entry.id:<{width}}  {entry.title}")


def _list_methods(methods) -> None:
    """One line per method: id, name, usual minutes, groupings, group size, online or not."""
    width = max((len(m.id) for m in methods), default=10)
    for method in methods:
        facts = [f"{method.minutes} min", "/".join(method.groupings), method.group_size.phrase]
        if method.online:
            facts.append("online")
        click.echo(f"{method.id:<{width}}  {method.name} ({', '.join(facts)})")


@main.command()
@click.argument("name")
def show(name: str) -> None:
    """Describe a bundled item (or a content file): its contents in brief."""
    from facilitate.describe import describe
    from facilitate.loaders.content import load_object

    obj = load_object(_locate(None, name))
    click.echo(describe(obj))


def _deck_labels(source: str, deck: Any, chosen: str | None = None) -> Any:
    """The labels of a deck printed on its own: ``chosen`` (--language), else its language, else English,
    with any labels-LANG.po beside its file (or in this folder)."""
    from facilitate.labels import Labels, has_labels
    from facilitate.loaders.labels import label_files
    from facilitate.model.language import normalise, suggestion

    path = Path(source)
    own = label_files([path.resolve().parent if path.is_file() else path.resolve()])
    if chosen is not None and normalise(chosen) is None:
        raise FacilitateError(f"--language: {chosen!r} is not a language facilitate knows{suggestion(chosen)}")
    language = normalise(chosen) if chosen is not None else (deck.language if deck is not None else None)
    language = language or "en"
    if not has_labels(language, own):
        raise FacilitateError(
            f"{source if deck is not None else '--language'}: facilitate has no labels in {language!r}: write them in labels-{language}.po beside the deck"
            f" (facilitate labels --language {language} > labels-{language}.po)"
        )
    return Labels(language, None, own)


def _locate(kind: str | None, name: str) -> Path:
    """The file a NAME on the command line means: a file (a folder of that name does not
    count), NAME.yaml in this folder, or the bundled item; else a "did you mean"."""
    from facilitate.loaders import library

    try:
        return library.locate(kind, name, Path.cwd(), where="in this folder", any_file=True)
    except KeyError as error:
        raise FacilitateError(error.args[0]) from None


@main.command(cls=ExporterCommand)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--warn-closed", is_flag=True, help="Also warn (on stderr) about session prompts that are yes/no questions.")
@click.pass_context
def validate(ctx: click.Context, files: tuple[str, ...], warn_closed: bool, **values: Any) -> None:
    """Check content files as a build would: 'FILE: ok', or every problem, one line each.

    A session (or cluster) file is laid out in every format a build makes, in memory, with
    the build options given here: exit status 0 means building it succeeds.
    """
    from facilitate.loaders.content import parse_document, parsing_once
    from facilitate.loaders.tabular import suffix_is_table

    options = ctx.command.build_options(ctx, values)
    failed = 0
    for file in files:
        try:
            with parsing_once():  # the file's kind is read first, then it is loaded: one parse
                document = None if suffix_is_table(file) else parse_document(file)
                problems = _problems(file, document, options, warn_closed)
        except FacilitateError as error:
            problems = [error]
        if problems:
            failed += 1
            for problem in problems:
                click.echo(_located_line(problem), err=True)
        else:
            for warning in _flow_list_warnings(file, document):
                click.echo(warning, err=True)
            click.echo(f"{file}: ok")
    if failed:
        sys.exit(2)


def _located_line(error: FacilitateError) -> str:
    from facilitate.loaders.origins import located

    return located(error).one_line()


def _problems(file: str, document: Any, options: Any, warn_closed: bool) -> list[FacilitateError]:
    """Every problem a build of ``file`` would meet (an empty list: it builds)."""
    from facilitate.building import check
    from facilitate.loaders import library
    from facilitate.loaders.content import load_object

    kind = document.kind if document is not None else "deck"
    if kind == "session":
        pack = library.load(file)
        if warn_closed:
            for warning in _closed_prompt_warnings(file, document.lines, pack):
                click.echo(warning, err=True)
        return check(pack, options=options)
    if kind == "cluster":
        return _cluster_problems(file, options)
    loaded = load_object(file)
    if kind == "deck":
        from facilitate.exporters import cards_pdf
        from facilitate.layout.checking import collecting

        with collecting() as found:
            try:
                cards_pdf.check_decks_layout((loaded,), options, labels=_deck_labels(file, loaded))
            except FacilitateError as error:
                return [error]
        return list(found)
    return []


def _cluster_problems(file: str, options: Any) -> list[FacilitateError]:
    """Every problem of every partner's pack, each once.

    A problem in a member's own fields names its line of the cluster file. A problem in
    the session that only some partners' packs meet says whose, after the message; one that
    every pack meets is told once, as it is for the session alone.
    """
    from facilitate.cluster import partner_problems
    from facilitate.loaders import library

    cluster, pack, loading = library.load_cluster(file)
    found: dict[str, list[str]] = {}
    for index, member in enumerate(cluster.members):
        problems = [loading[index]] if index in loading else partner_problems(pack, member, cluster.organisation, options, cluster=cluster)
        for problem in problems:
            line = problem.one_line()
            owners = found.setdefault(line, [])
            if f"members[{index}]" not in line and member.name not in owners:
                owners.append(member.name)
    everyone = len(cluster.members)
    return [
        FacilitateError(line if not owners or len(owners) == everyone else f"{line} (in the pack for {', '.join(owners)})")
        for line, owners in found.items()
    ]


def _flow_list_warnings(file: str, document: Any = None) -> list[str]:
    """One "FILE:LINE: field: warning: ..." line per materials item that starts in lower case
    right after a comma of a flow list: most likely the rest of the item before it
    (``materials: [Our hopes cards, one deck per table]`` is two items). A ``document``
    already parsed that has no flow list of two items or more is not read again."""
    from facilitate.errors import format_field_path
    from facilitate.loaders.content import read_text
    from facilitate.loaders.yaml_source import flow_items

    if not file.lower().endswith((".yaml", ".yml")):
        return []
    if document is not None and not getattr(document.lines, "flow_lists", True):
        return []
    warnings = []
    for item in flow_items(read_text(file)):
        if len(item.field_path) >= 2 and item.field_path[-2] == "materials" and item.text[:1].islower():
            warnings.append(
                f"{file}:{item.line}: {format_field_path(item.field_path)}: warning: {item.text!r} is an item of its own"
                " (a comma ends an item in [...]); if it belongs to the item before, write the materials one per line"
            )
    return warnings


def _closed_prompt_warnings(file: str, lines: dict, pack) -> list[str]:
    """One "FILE:LINE: segments[i].prompts[j]: ..." line per yes/no prompt of the session.

    The prompts are read in the language of the session's ladder when it names one,
    else each prompt's language is detected.
    """
    from facilitate.errors import format_field_path
    from facilitate.loaders.yaml_source import line_for
    from facilitate.model.questions import classify

    language = next((ladder.language for ladder in pack.ladders if ladder.language), None)
    warnings = []
    for index, segment in enumerate(pack.session.segments):
        for number, prompt in enumerate(segment.prompts):
            result = classify(prompt, language=language)
            if result.role == "closed":
                path = ("segments", index, "prompts", number)
                line = line_for(lines, path)
                where = f"{file}:{line}" if line else file
                warnings.append(f"{where}: {format_field_path(path)}: warning: a yes/no question: {prompt!r}"
                                f" (try 'facilitate ladder' for stronger versions)")
    return warnings


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
@click.option("--language", "language", required=True, metavar="LANG",
              help="A language tag: cy, fr, es, de, en, or another (its labels start empty).")
def labels(language: str) -> None:
    """Print a starter labels-LANG.po for your content folder: every label facilitate writes,
    with its words in LANG where facilitate ships them.

    Save it beside your session (facilitate labels --language cy > labels-cy.po), then change
    the words you want; a language facilitate does not ship needs every msgstr filled in.
    """
    from facilitate.labels import starter

    try:
        data = starter(language)
    except ValueError as error:
        raise FacilitateError(f"--language: {error}") from None
    click.echo(data.decode("utf-8"), nl=False)


NEW_KINDS = ["agenda", "session", "deck", "ladder", "curve", "rubric", "reflection", "theme", "cluster", "method"]


@main.command()
@click.argument("what", type=click.Choice(NEW_KINDS), metavar="KIND")
@click.argument("name")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default NAME.yaml).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def new(what: str, name: str, output: str | None, force: bool) -> None:
    """Write a commented starter file of KIND, called NAME, to edit.

    KIND is agenda (or session), deck, ladder, curve, rubric, reflection, theme, cluster or method.
    """
    from facilitate.output import check_target, write_bytes
    from facilitate.starters import starter

    slug, text = starter(what, name)
    target = Path(output or f"{slug}.yaml")
    check_target(target, force)
    write_bytes(target, text.encode("utf-8"))
    click.echo(f"wrote {target}")


@main.command()
@click.argument("question", required=False)
@click.option("--file", "question_file", type=click.Path(dir_okay=False, allow_dash=True),
              help="Classify every question in FILE (one a line; blank lines and # comments skipped; - for stdin).")
@click.option("--format", "output_format", type=click.Choice(["text", "csv", "json"]), default="text", show_default=True,
              help="How to print the results.")
@click.option("--language", type=click.Choice(["auto", "en", "cy", "fr", "es"]), default="auto", show_default=True,
              help="The questions' language; auto detects it (cautiously) for each question.")
def ladder(question: str | None, question_file: str | None, output_format: str, language: str) -> None:
    """Place QUESTION (or each line of --file) on the powerful-question ladder and suggest stronger versions."""
    from facilitate.model import questions

    if (question is None) == (question_file is None):
        raise FacilitateError("give one QUESTION, or --file FILE with one question a line")
    if question_file is not None:
        items = _question_lines(question_file)
    else:
        items = [(question_file or "", 0, question or "")]
    if not any(text.strip() for _, _, text in items):
        raise FacilitateError(f"{question_file or 'QUESTION'}: no question to classify")
    chosen = None if language == "auto" else language
    rows = []
    for source, line, text in items:
        suggestions = questions.suggest(text, language=chosen)
        rows.append(_ladder_row(source, line, suggestions, len(questions.STANDARD_RUNGS)))
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif output_format == "csv":
        import csv
        import io

        buffer = io.StringIO()
        fields = ["line", "question", "language", "verdict", "rung", "level", "score", "scope", "assumptions", "notes", "stronger"]
        writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({**{k: row[k] for k in fields}, "assumptions": "; ".join(row["assumptions"]),
                             "notes": "; ".join(row["notes"]), "stronger": " | ".join(row["stronger"])})
        click.echo(buffer.getvalue(), nl=False)
    else:
        for number, row in enumerate(rows):
            if question_file is not None:
                if number:
                    click.echo("")
                click.echo(f"{row['source']}:{row['line']}: {row['question']}")
            _echo_ladder_row(row, indent="  " if question_file is not None else "")


def _question_lines(path: str) -> list[tuple[str, int, str]]:
    """(file, line number, question) for each question line of ``path`` ("-" is stdin)."""
    from facilitate.loaders.content import read_text

    text = sys.stdin.read() if path == "-" else read_text(path)
    label = "<stdin>" if path == "-" else path
    return [
        (label, number, line.strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def _ladder_row(source: str, line: int, suggestions, rung_count: int) -> dict:
    result = suggestions.question
    return {
        "source": source,
        "line": line,
        "question": result.question,
        "language": result.language,
        "verdict": result.verdict,
        "rung": result.rung.id if result.rung else None,
        "rung_label": result.rung.label if result.rung else None,
        "role": result.role,
        "level": result.level,
        "of": rung_count,
        "score": result.score,
        "scope": result.scope,
        "assumptions": list(result.assumptions),
        "notes": list(result.cautions),
        "parts": [{"question": p.question, "rung": p.rung.id if p.rung else None, "level": p.level} for p in result.parts],
        "stronger": list(suggestions.rewrites),
        "no_stronger_because": suggestions.reason,
    }


def _echo_ladder_row(row: dict, indent: str = "") -> None:
    if row["rung"] is None:
        click.echo(f"{indent}rung:  none ({row['verdict'].replace('-', ' ')})")
    else:
        click.echo(f"{indent}rung:  {row['rung_label']} ({row['level']} of {row['of']})")
        click.echo(f"{indent}score: {row['score']:g}")
    for part in row["parts"]:
        click.echo(f"{indent}part:  {part['question']} ({part['rung']}, {part['level']} of {row['of']})")
    for note in row["notes"]:
        click.echo(f"{indent}note:  {note}")
    if row["stronger"]:
        click.echo(f"{indent}stronger:")
        for text in row["stronger"]:
            click.echo(f"{indent}  - {text}")
    elif row["rung"] is not None:
        click.echo(f"{indent}stronger: {row['no_stronger_because']}")


@main.command(cls=ExporterCommand)
@click.argument("source", required=False)
@click.option("-o", "--output", "out_dir", default="pack", show_default=True, type=click.Path(file_okay=False), help="Folder for the pack.")
@click.option("-f", "--format", "formats", multiple=True, help="Only these formats (repeat); default: all.")
@click.option("--force", is_flag=True, help="Overwrite files in the folder that this build did not write.")
@click.pass_context
def build(ctx: click.Context, source: str | None, out_dir: str, formats: tuple[str, ...], force: bool, **values: Any) -> None:
    """Build a session pack from SOURCE (a session file or bundled agenda; default: the CEP day)."""
    from facilitate.building import build as run_build
    from facilitate.loaders import library

    _check_formats(formats)
    options = ctx.command.build_options(ctx, values)
    pack = library.load(source)
    written = run_build(pack, out_dir, formats or None, options, force=force)
    for path in written:
        click.echo(f"wrote {path}")


@main.command(cls=ExporterCommand)
@click.argument("session")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False),
              help="Also keep a pack in this folder, writing again only the files an edit changes.")
@click.option("-f", "--format", "formats", multiple=True, help="With -o: only these formats (repeat); default: all.")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Serve the preview on this port of 127.0.0.1 (default: a free one).")
@click.option("--open", "open_page", is_flag=True, help="Open the preview in your web browser.")
@click.option("--force", is_flag=True, help="With -o: overwrite files in the folder that facilitate did not write.")
@click.pass_context
def watch(ctx: click.Context, session: str, out_dir: str | None, formats: tuple[str, ...], port: int, open_page: bool, force: bool,
          **values: Any) -> None:
    """Show SESSION (a session file) in a web page that updates as you edit: slides, card faces, documents.

    Every file the session uses is watched (its theme, decks, spreadsheets, pictures); on a
    change only what depends on it is drawn again, and a problem shows on the page as
    FILE:LINE: field: what is wrong, with the last good build kept. The page is served on
    127.0.0.1 only. Ctrl-C stops.
    """
    import threading

    from facilitate.watching import Watcher, serve

    _check_formats(formats)
    if formats and out_dir is None:
        raise FacilitateError("-f chooses the formats of the pack written with -o; give -o DIR too")
    options = ctx.command.build_options(ctx, values)
    path = _locate("session", session)
    watcher = Watcher(path, options, out_dir, formats or None, force, say=lambda line: click.echo(line, err=True))
    server, thread = serve(watcher, port)
    stop = threading.Event()
    click.echo(f"preview of {path} at {server.url} (Ctrl-C to stop)", err=True)
    try:
        if open_page:
            click.launch(server.url)
        watcher.run(stop, freeze=True)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=2)
    click.echo("stopped watching", err=True)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out_dir", default="preview", show_default=True, type=click.Path(file_okay=False), help="Folder for the PNG pages.")
@click.option("--dpi", default=60, show_default=True, type=click.IntRange(20, 600), help="Resolution of the PNGs.")
@click.option("--force", is_flag=True, help="Overwrite PNGs in the folder that a preview did not write.")
def preview(file: str, out_dir: str, dpi: int, force: bool) -> None:
    """Render a .pptx or .docx (through LibreOffice) or a .pdf as PNG pages to look at.

    Pages go into the folder as a build's files do: a PNG you made is never overwritten
    without --force, and pages an earlier preview of the same file wrote beyond its last
    page are removed.
    """
    from facilitate.preview import render

    for page in render(file, out_dir, dpi, force):
        click.echo(f"wrote {page}")


@main.command("build-cluster", cls=ExporterCommand)
@click.argument("cluster_file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out_dir", default="packs", show_default=True, type=click.Path(file_okay=False), help="Folder for the packs and zips.")
@click.option("-f", "--format", "formats", multiple=True, help="Only these formats (repeat); default: all.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), help="Packs built at once (default: all cores).")
@click.option("--force", is_flag=True, help="Overwrite files in the packs that facilitate did not write.")
@click.pass_context
def build_cluster_command(ctx: click.Context, cluster_file: str, out_dir: str, formats: tuple[str, ...], jobs: int | None,
                          force: bool, **values: Any) -> None:
    """Build one personalised pack (and a zip) per partner listed in CLUSTER_FILE.

    Exit status 3 when some partners' packs failed (each is named); the others are built.
    """
    from facilitate.cluster import build_cluster
    from facilitate.loaders import library

    _check_formats(formats)
    options = ctx.command.build_options(ctx, values)
    cluster, pack, problems = library.load_cluster(cluster_file)
    failures = []
    with click.progressbar(length=len(cluster.members), label=f"Building {len(cluster.members)} packs", file=sys.stderr) as bar:

        def advance(result) -> None:
            bar.update(1)
            if not result.ok:
                failures.append(result)

        results = build_cluster(cluster, pack, out_dir, tuple(formats) or None, options, jobs, force, advance, problems)
    for result in results:
        for line in result.warnings:
            click.echo(f"warning: {result.member}: {line}", err=True)
        if result.ok:
            click.echo(f"{result.member}: {result.archive}")
    for result in failures:
        for line in (result.error or "").splitlines():
            click.echo(f"error: {result.member}: {line}", err=True)
    if failures and len(failures) == len(results):
        raise FacilitateError(f"none of the {len(results)} packs was built")
    if failures:
        from facilitate.errors import SomeFailed

        raise SomeFailed(f"{len(failures)} of {len(results)} packs failed")


@main.command(cls=ExporterCommand, formats=("cards",), exclude=("--deck",))
@click.argument("deck", required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="PDF to write (default DECK-cards.pdf).")
@click.option("--sheet", help="The sheet of an XLSX deck to read (default: the first).")
@click.option("--test-sheet", is_flag=True, help="Write the duplex test sheet (duplex-test.pdf) instead: it shows the --offset-x/--offset-y your printer needs.")
@click.option("--language", "language", metavar="LANG",
              help="The language of facilitate's words on the sheets: cy, fr, es, de... (default: the deck's own, else en).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.pass_context
def cards(ctx: click.Context, deck: str | None, output: str | None, sheet: str | None, test_sheet: bool, language: str | None, force: bool,
          **values: Any) -> None:
    """Print-ready card sheets for DECK (a bundled deck id, a deck file, or a CSV/XLSX table of cards) as one PDF."""
    from facilitate.exporters import cards_pdf
    from facilitate.loaders.content import load_object
    from facilitate.loaders.datafiles import deck_from_file
    from facilitate.loaders.tabular import suffix_is_table
    from facilitate.options import PaperOptions
    from facilitate.output import atomic_write, check_target

    options = ctx.command.build_options(ctx, values)
    chosen = options[cards_pdf.CardOptions]
    paper_name = options[PaperOptions].paper
    if test_sheet:
        if deck is not None:
            raise FacilitateError("--test-sheet prints the duplex test sheet, not a deck: leave out DECK")
        target = check_target(Path(output or cards_pdf.TEST_SHEET_NAME), force)
        words = _deck_labels(".", None, language)
        atomic_write(target, lambda handle: cards_pdf.write_test_sheet(handle, chosen, paper_name, labels=words))
        click.echo(f"wrote {target} (a front and its back: print it double-sided, then read the offsets off the back)")
        return
    if deck is None:
        raise FacilitateError("name a DECK (a bundled deck id, a deck file or a table of cards), or use --test-sheet")
    if sheet is not None and not deck.lower().endswith((".xlsx", ".xlsm")):
        raise FacilitateError(f"{deck}: --sheet chooses a sheet of an XLSX workbook, and this is not one")
    if suffix_is_table(deck):
        card_deck = deck_from_file(deck, sheet=sheet)
        source = deck
    else:
        source = str(_locate("deck", deck))
        card_deck = load_object(source, expected_kind="deck")
    target = Path(output or f"{card_deck.id}-cards.pdf")
    check_target(target, force)
    plan = cards_pdf.plan(chosen, paper_name)
    atomic_write(target, cards_pdf.deck_output(card_deck, options, name=target.name, labels=_deck_labels(source, card_deck, language)).write)
    click.echo(f"wrote {target} ({cards_pdf.summary(cards_pdf.runs((card_deck,), chosen, plan), plan)})")


@main.command()
@click.argument("name")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default NAME.yaml).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def copy(name: str, output: str | None, force: bool) -> None:
    """Copy a bundled item (agenda, deck, ladder, curve, rubric...) to a file you can edit.

    The copy's id is made from the file's name (-o our-hopes.yaml: id our-hopes), so that
    it does not clash with the bundled item.
    """
    from facilitate.loaders import library
    from facilitate.model._fields import slug as make_slug
    from facilitate.output import check_target, write_bytes

    try:
        entry = library.find(name)
    except KeyError as error:
        raise FacilitateError(error.args[0]) from None
    target = Path(output or entry.path.name)
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise FacilitateError(f"{target}: a copy is a YAML file; give it a name ending in .yaml")
    new_id = make_slug(target.stem)
    if not new_id:
        raise FacilitateError(f"{target}: no id can be made from this name; use letters or digits, e.g. our-{entry.id}.yaml")
    check_target(target, force)
    write_bytes(target, library.copy_text(entry, new_id).encode("utf-8"))
    as_id = f", with the id {new_id!r}" if new_id != entry.id else ""
    click.echo(f"wrote {target} (a copy of the bundled {entry.kind} {entry.id!r}{as_id})")


@main.command("import")
@click.argument("deck", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Session file to write (default: DECK's name, .yaml).")
@click.option("--force", is_flag=True, help="Overwrite an existing session file and pictures.")
def import_command(deck: str, output: str | None, force: bool) -> None:
    """Turn an existing PowerPoint DECK into a draft session file (and its pictures) to edit.

    Each slide becomes a segment: its title, its bullets as points, its speaker notes as
    your notes, its picture with its alt text; a slide that comes back as an agenda gives
    the conversation's parts. Guessed minutes are marked "# estimated" in the file.
    """
    from facilitate.loaders.pptx_import import read_deck
    from facilitate.output import check_target, write_bytes
    from facilitate.session_file import session_yaml

    target = Path(output or Path(deck).with_suffix(".yaml").name)
    folder = f"{target.stem}-pictures"
    imported = read_deck(deck, folder)
    pictures = [(target.parent / picture.name, picture) for picture in imported.pictures]
    for path in [target, *(p for p, _ in pictures)]:
        check_target(path, force)
    header = (
        f"A draft session imported by facilitate from {Path(deck).name}.\n"
        "Check each segment: its kind, its minutes (\"# estimated\" ones are guesses), and that a question\n"
        "is a prompt and a point a bullet. Then: facilitate validate, facilitate build."
    )
    if imported.from_facilitate:
        header = f"A session imported by facilitate from {Path(deck).name}, a deck facilitate made."
    text = session_yaml(imported.session, imported.estimated, [p.name for p in imported.pictures if not p.described], header)
    for path, picture in pictures:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, picture.data)
    write_bytes(target, text.encode("utf-8"))
    for line in imported.report:
        click.echo(f"{deck}: {line}", err=True)
    session = imported.session

    def count(number: int, noun: str) -> str:
        return f"{number} {noun}{'' if number == 1 else 's'}"

    click.echo(
        f"wrote {target} ({count(len(session.segments), 'segment')}, {count(len(session.conversation), 'part')},"
        f" {count(len(imported.pictures), 'picture')}; minutes of {count(len(imported.estimated), 'segment')} estimated)"
    )


@main.command()
@click.argument("rubric")
@click.argument("exports", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--by", "group_by", metavar="COLUMN", help="Compare the groups named in this column of the exports (e.g. \"Your school\").")
@click.option("--format", "format_", type=click.Choice(["text", "csv", "json"]), default="text", show_default=True, help="text for the terminal, csv for Excel, json for programs.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of the terminal.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.option("--suggest", "suggest_next", is_flag=True,
              help="Also propose methods, card decks and segments for the weakest dimension and where views differ most.")
def results(rubric: str, exports: tuple[str, ...], group_by: str | None, format_: str, output: str | None, force: bool,
            suggest_next: bool) -> None:
    """Results of a self-assessment: RUBRIC (a rubric file or bundled id) and the form EXPORTS.

    EXPORTS are Google Forms CSVs, Microsoft Forms XLSX files or tables of your own; with
    none, the responses the rubric file has (typed in, or its exports) are used. Several
    exports from different dates compare as waves.
    """
    from facilitate.exporters.results_table import render
    from facilitate.layout.results import results as plan
    from facilitate.loaders.content import parse_document
    from facilitate.loaders.datafiles import command_line_export, load_rubric
    from facilitate.output import check_target, write_bytes

    path = _locate("rubric", rubric)
    document = parse_document(path)
    if document.kind != "rubric":
        raise document.error(("kind",), f"expected a rubric file, this is a {document.kind}")
    references = [command_line_export(export) for export in exports] if exports else None
    loaded, _ = load_rubric(document, group_by, references)
    if not loaded.responses:
        raise FacilitateError(f"{rubric}: no responses yet; name the form exports after the rubric, or in its responses:")
    suggestions = ()
    if suggest_next:
        from facilitate.loaders.library import tagged
        from facilitate.model.suggestions import suggest

        suggestions = tuple(suggest(loaded.assess(), tagged()))
    data = render(plan(loaded, loaded.group_by), format_, suggestions)
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(output)
    check_target(target, force)
    write_bytes(target, data)
    click.echo(f"wrote {target}", err=True)


@main.command()
@click.argument("timings", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="report.pdf, report.docx, report.html or report.md (default: TIMINGS-report.pdf).")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True, help="Paper for a PDF report.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def report(timings: str, output: str | None, paper: str, force: bool) -> None:
    """How the day went, from the timings the live page saved: planned against actual."""
    from facilitate.reporting import SUFFIXES, render_report
    from facilitate.loaders.timings import load_timings
    from facilitate.output import check_target, write_bytes

    target = Path(output or f"{Path(timings).stem}-report.pdf")
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise FacilitateError(f"{target}: a report is .pdf, .docx, .html or .md, not {suffix or 'a file without a suffix'}")
    check_target(target, force)
    record = load_timings(timings)
    data = render_report(record, suffix, paper, where=target.name)
    write_bytes(target, data)
    ran = len(record.ran)
    click.echo(f"wrote {target} ({SUFFIXES[suffix]}, {ran} of {len(record.segments)} segments timed)")
