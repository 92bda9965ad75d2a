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


# --- the card sheets (exporters/cards_pdf.py) and the deck (exporters/pptx.py) ---------------
# Declared here with the other groups, so the CLI offers their flags without importing
# reportlab or python-pptx.

#: How a printer turns the sheet for the backs.
DUPLEX = ("long-edge", "short-edge", "none")
#: The most sets of a deck one file holds.
MAX_COPIES = 1000


def _millimetres(value: str | float) -> str:
    """A length: a bare number is millimetres, or give a unit ("0.1in"); checked now."""
    from facilitate.layout.units import length

    text = str(value).strip()
    try:
        text = f"{float(text)}mm"
    except ValueError:
        pass
    try:
        length(text)
    except FacilitateError:
        raise ValueError(f"{str(value)!r} is not a length like 3, 3mm or 0.125in") from None
    return text


def _bleed(value: str | float) -> str:
    from facilitate.layout.units import length

    text = _millimetres(value)
    if length(text) < 0:
        raise ValueError(f"{str(value)!r} must not be negative")
    return text


def _optional_length(value: str | float | None) -> str | None:
    return None if value is None or value == "" else _bleed(value)


def _copies(value: str | int | None) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValueError(f"{str(value)!r} is not a whole number of sets") from None
    if not 1 <= number <= MAX_COPIES:
        raise ValueError(f"must be from 1 to {MAX_COPIES} sets, got {number}")
    return number


def _card_size(value: str) -> str:
    from facilitate.layout.units import card_size

    try:
        card_size(str(value))
    except FacilitateError as error:
        raise ValueError(str(error)) from None
    return str(value)


@attrs.frozen
class CardOptions:
    """How card sheets are printed: size, bleed, duplex, folding, print shop, colours, copies, which decks."""

    size: str = option("poker", Flag("--size", "Card size: poker, bridge, tarot, a6, a7, business, or WxH like 63x88mm or 2.5x3.5in."), _card_size)
    landscape: bool = option(False, Flag("--landscape", "Cards wider than tall.", is_flag=True), bool)
    bleed: str = option("3mm", Flag("--bleed", "Background printed past the cut, in mm or with a unit (0 for none)."), _bleed)
    shared_cuts: bool = option(False, Flag("--shared-cuts", "Cards touch, one cut between neighbours (for a guillotine); bleed only round the outside.", is_flag=True), bool)
    margin: str = option("5mm", Flag("--margin", "Nothing is printed closer than this to the paper's edge (0 for a borderless printer)."), _bleed)
    cut_lines: bool = option(False, Flag("--cut-lines", "Also outline every card, for cutting with scissors.", is_flag=True), bool)
    duplex: str = option("long-edge", Flag("--duplex", "How your printer turns the sheet for the backs; none prints fronts only.", choices=DUPLEX))
    offset_x: str = option("0mm", Flag("--offset-x", "Move the backs right by this many mm (negative: left), to correct a printer."), _millimetres)
    offset_y: str = option("0mm", Flag("--offset-y", "Move the backs up by this many mm (negative: down)."), _millimetres)
    fold: bool = option(False, Flag("--fold", "Fronts and backs side by side on one sheet, to fold and glue (no duplex needed).", is_flag=True), bool)
    print_shop: bool = option(False, Flag("--print-shop", "One card per page at card size plus bleed, with TrimBox and BleedBox.", is_flag=True), bool)
    safe_zone: str | None = option(
        None, Flag("--safe-zone", "Keep text this far inside the cut (default 3 mm on sheets, 4 mm with --print-shop)."), _optional_length
    )
    cmyk: bool = option(False, Flag("--cmyk", "Every colour as CMYK, with FOGRA39 as the output intent (for a print shop).", is_flag=True), bool)
    copies: int | None = option(None, Flag("--copies", "Sets of each deck to print (default: the deck's copies, or one per table)."), _copies)
    instructions: bool = option(True, Flag("--instructions/--no-instructions", "Lead each deck with a page of how to use it.", is_flag=True), bool)
    #: Only these decks (by id), in this order; all the pack's decks if empty.
    decks: tuple[str, ...] = option((), Flag("--deck", "Only this deck in cards.pdf (repeat for more).", multiple=True, metavar="ID"), tuple)

    def __attrs_post_init__(self) -> None:
        if self.fold and self.print_shop:
            raise OptionError("--fold and --print-shop are different layouts; choose one")
        if self.shared_cuts and self.print_shop:
            raise OptionError("--shared-cuts is for sheets of cards; a print shop's file has one card per page")


def _template(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    from facilitate.errors import LoadError
    from facilitate.files import check_regular

    try:
        check_regular(str(value), what="PowerPoint template")
    except LoadError as error:
        raise ValueError(f"{str(value)!r}: {error.message}") from None
    return str(value)


@attrs.frozen
class DeckOptions:
    """The slide deck: its shape, a facilitator's own template, cards as slides."""

    #: Slide shape; None: the template's own shape (nearest of 16:9 and 4:3), else 16:9.
    aspect: str | None = option(None, Flag("--aspect", "Slide shape (default: the template's, else 16:9).", choices=("16:9", "4:3")))
    #: A facilitator's own .pptx whose layouts the deck uses.
    template: str | None = option(None, Flag("--template", "Your own .pptx whose layouts the deck uses.", metavar="PPTX"), _template)
    cards_as_slides: bool = option(False, Flag("--cards-as-slides", "One slide per card in the deck.", is_flag=True), bool)
