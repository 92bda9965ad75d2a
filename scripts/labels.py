#!/usr/bin/env python3
"""Keep facilitate's message catalogues in step with the words marked in its code and templates.

    python scripts/labels.py            # extract the marked words into src/facilitate/locale/facilitate.pot
                                        # and merge them into every LANG/LC_MESSAGES/facilitate.po
    python scripts/labels.py --check    # exit 1 if the template is out of date (the tests run this)

Each catalogue is also compiled to gettext's ``facilitate.mo`` beside it (Babel's write_mo),
which facilitate reads at run time instead of parsing the ``.po``.

Words are marked in Python as ``labels.gettext("...")`` (``_``, ``ngettext``, ``pgettext``,
``N_``) and in the jinja2 templates as ``{{ _("...") }}``; Babel extracts them. A merge keeps
every translation; a new label arrives untranslated (the tests then name it), an old one is
dropped. The English catalogue's words are the labels themselves.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from facilitate.labels import compiled, compiled_path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "facilitate"
TEMPLATES = ROOT / "templates"
LOCALE = PACKAGE / "locale"
POT = LOCALE / "facilitate.pot"
#: A fixed date in the header, so the files change only when their words do.
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
COMMENT_TAGS = ("Translators:",)


def extract() -> Catalog:
    """Every marked word in the package's Python and the bundled templates, as a template catalogue."""
    catalog = Catalog(project="facilitate", version="", creation_date=STAMP, revision_date=STAMP, fuzzy=False,
                      msgid_bugs_address="", copyright_holder="The facilitate developers")
    sources = [
        (PACKAGE, [("**.py", "python")], {}),
        (TEMPLATES, [("**.j2", "jinja2.ext:babel_extract")],
         {"**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}}),
    ]
    for folder, methods, options in sources:
        found = extract_from_dir(str(folder), method_map=methods, options_map=options, keywords=DEFAULT_KEYWORDS,
                                 comment_tags=COMMENT_TAGS, strip_comment_tags=True)
        for filename, lineno, message, comments, context in found:
            where = (folder.relative_to(ROOT) / filename).as_posix()
            catalog.add(message, None, [(where, lineno)], auto_comments=comments, context=context,
                        flags=("python-brace-format",) if "{" in str(message) else ())
    return catalog


def written(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, include_lineno=False)
    return buffer.getvalue()


def keys(catalog: Catalog) -> set[tuple[str | None, str]]:
    """Each message as (context, English words) (a plural message by its singular)."""
    return {(message.context, message.id[0] if isinstance(message.id, (tuple, list)) else message.id) for message in catalog if message.id}


def update(template: Catalog) -> list[Path]:
    """Merge ``template`` into every shipped catalogue; English gets its own words."""
    changed = []
    for path in sorted(LOCALE.glob("*/LC_MESSAGES/facilitate.po")):
        language = path.parent.parent.name
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.revision_date = STAMP
        if language == "en":
            for message in catalog:
                if message.id and not any(message.string if isinstance(message.string, tuple) else (message.string,)):
                    message.string = tuple(message.id) if isinstance(message.id, (tuple, list)) else message.id
        data = written(catalog)
        if path.read_bytes() != data:
            path.write_bytes(data)
            changed.append(path)
        twin = compiled_path(language)
        packed = compiled(data, language)
        if not twin.is_file() or twin.read_bytes() != packed:
            twin.write_bytes(packed)
            changed.append(twin)
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if facilitate.pot does not hold exactly the marked words")
    args = parser.parse_args()
    template = extract()
    if args.check:
        with POT.open("rb") as handle:
            shipped = read_po(handle)
        missing, extra = keys(template) - keys(shipped), keys(shipped) - keys(template)
        for context, words in sorted(missing, key=str):
            print(f"not in facilitate.pot: {words!r}" + (f" (context {context!r})" if context else ""), file=sys.stderr)
        for context, words in sorted(extra, key=str):
            print(f"in facilitate.pot but no longer in the code: {words!r}" + (f" (context {context!r})" if context else ""), file=sys.stderr)
        if missing or extra:
            print("run: python scripts/labels.py", file=sys.stderr)
            return 1
        return 0
    LOCALE.mkdir(parents=True, exist_ok=True)
    POT.write_bytes(written(template))
    for path in update(template):
        print(f"updated {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
