"""Build options: small groups of settings, each declared by the exporters that read it.

An exporter names the option groups it reads (``options = (PaperOptions, CardOptions)``);
a group is a frozen attrs class whose fields say how they appear on the command line
(:func:`option`). The CLI makes its flags from the groups of the exporters a command can
build, so every option a format has is available wherever that format is built, and a
third-party exporter's options appear without touching facilitate.

Values are checked when a group is made (at the edge): ``CardOptions(bleed="lots")`` and
``facilitate build --bleed lots`` are the same one-line error, whichever formats are built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from facilitate.errors import FacilitateError

G = TypeVar("G")

PAPERS = ("a4", "letter")


class OptionError(FacilitateError):
    """An option value that cannot be used: names the option as it is written on the command line."""


@attrs.frozen
class Flag:
    """How a group's field appears on the command line."""

    #: The option's name, e.g. "--bleed"; an on/off flag may give "--x/--no-x".
    name: str
    help: str
    #: The allowed values, if the option is a choice.
    choices: tuple[str, ...] = ()
    #: A switch that takes no value.
    is_flag: bool = False
    #: May be given more than once (the field holds a tuple).
    multiple: bool = False
    #: Older names still accepted, not shown in --help.
    aliases: tuple[str, ...] = ()
    metavar: str | None = None

    @property
    def dest(self) -> str:
        """The keyword the command receives: ``--offset-x`` → ``offset_x``."""
        return self.name.split("/")[0].lstrip("-").replace("-", "_")

    @property
    def display(self) -> str:
        return self.name.split("/")[0]


def option(default: Any, flag: Flag, parse: Callable[[Any], Any] | None = None) -> Any:
    """A group field shown on the command line as ``flag``; ``parse`` checks and converts a value.

    ``parse`` raises ValueError with a short reason; the error the user sees names the flag.
    """
    choices = flag.choices

    def convert(value: Any) -> Any:
        if choices and value is not None and value not in choices:
            raise OptionError(f"{flag.display}: {value!r} is not one of {', '.join(choices)}")
        if parse is None:
            return value
        try:
            return parse(value)
        except (ValueError, TypeError) as error:
            raise OptionError(f"{flag.display}: {error}") from None

    return attrs.field(default=default, converter=convert, metadata={"flag": flag})


def flags(group: type) -> list[tuple[attrs.Attribute[Any], Flag]]:
    """The group's fields with their command-line flags, in declaration order."""
    return [(field, field.metadata["flag"]) for field in attrs.fields(group) if "flag" in field.metadata]


def make_group(group: type[G], values: dict[str, Any]) -> G:
    """The group from command-line values by flag keyword (unknown keywords are ignored)."""
    given = {field.name: values[flag.dest] for field, flag in flags(group) if flag.dest in values}
    return group(**given)


@attrs.frozen
class PaperOptions:
    """The paper every printed document goes on (PDF handouts, card sheets, Word documents)."""

    paper: str = option("a4", Flag("--paper", "Paper for PDFs and Word documents.", choices=PAPERS, aliases=("--page-size",)))


def _folder(value: str | None) -> str | None:
    return None if value in (None, "") else str(value)


@attrs.frozen
class TemplateOptions:
    """A facilitator's own jinja2 templates for the HTML and Markdown documents and the live page."""

    template_dir: str | None = option(
        None, Flag("--template-dir", "Your own jinja2 templates for HTML, Markdown and the live page.", metavar="DIR"), _folder
    )


@attrs.frozen(init=False)
class BuildOptions:
    """How to build: one instance of each option group given; any other group has its defaults.

    ``BuildOptions(PaperOptions("letter"), CardOptions(size="bridge"))``; an exporter reads
    its groups with ``options[CardOptions]``.
    """

    groups: tuple[Any, ...]

    def __init__(self, *groups: Any) -> None:
        by_class: dict[type, Any] = {}
        for group in groups:
            if not attrs.has(type(group)):
                raise TypeError(f"BuildOptions takes option groups, not {type(group).__name__}")
            by_class[type(group)] = group
        self.__attrs_init__(tuple(by_class.values()))

    def __getitem__(self, group: type[G]) -> G:
        for given in self.groups:
            if type(given) is group:
                return given
        return group()

    def replace(self, *groups: Any) -> BuildOptions:
        """These options with ``groups`` given instead of (or as well as) the ones they had."""
        return BuildOptions(*self.groups, *groups)


def unique_groups(groups: Iterable[type]) -> tuple[type, ...]:
    """Option groups without repeats, in first-seen order."""
    return tuple(dict.fromkeys(groups))
