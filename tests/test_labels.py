"""facilitate's own words in the session's language: the catalogues, the translator, the user's own labels."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from babel.messages.pofile import read_po

import facilitate
from facilitate.errors import LoadError, ModelError
import gettext as _gettext

from facilitate.labels import shipped as shipped_catalogue
from facilitate.labels import ENGLISH, SHIPPED, Labels, catalogue_path, for_pack, labels_for, placeholders, starter, template_path
from facilitate.loaders.content import load_pack
from facilitate.loaders.library import load_cluster, resolve
from facilitate.model import CardDeck, Session
from tests.conftest import small_pack, small_session
from tests.test_language_packs import session_in

ROOT = Path(__file__).resolve().parents[1]


def catalogue(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def keys(catalog) -> set[tuple[str | None, str]]:
    return {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in catalog if m.id}


# --- the catalogues ---------------------------------------------------------------------


def test_the_template_holds_every_label_marked_in_the_code_and_templates():
    """Babel extracts the marked words again; the shipped template must hold exactly them."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "labels.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("language", SHIPPED)
def test_every_shipped_language_translates_every_label(language):
    shipped = catalogue(catalogue_path(language))
    assert keys(shipped) == keys(catalogue(template_path()))
    assert shipped.locale is not None and str(shipped.locale) == language
    for message in shipped:
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert not message.fuzzy and all(form.strip() for form in forms), f"{language}: {message.id!r} is not translated"
        if isinstance(message.id, tuple):
            assert len(forms) == shipped.num_plurals, f"{language}: {message.id!r} needs {shipped.num_plurals} forms"
        english = " ".join(message.id) if isinstance(message.id, tuple) else message.id
        for form in forms:
            # A translation gives only the values its label has, and every one of them
            # (the words of a plural may leave the count out: "un minuto" for 1).
            assert placeholders(form) <= placeholders(english), f"{language}: {form!r} names a value {message.id!r} does not give"
            if not isinstance(message.id, tuple):
                assert placeholders(form) == placeholders(english), f"{language}: {form!r} leaves out a value of {message.id!r}"
            form.format(**{name: "x" for name in placeholders(english)})


def test_english_is_the_labels_themselves():
    for message in catalogue(catalogue_path("en")):
        if message.id:
            assert message.string == message.id


def test_each_language_chooses_its_own_words_for_a_tracker_and_a_break():
    """Not word for word: what facilitators in each language put on these slides."""
    said = {language: Labels(language) for language in SHIPPED}
    assert said["en"].gettext("Our conversation today") == "Our conversation today"
    assert said["fr"].gettext("Our conversation today") == "Au programme"
    assert said["de"].gettext("Our conversation today") == "Ablauf heute"
    assert said["cy"].gettext("Back at {time}").format(time="11:00") == "Yn ôl am 11:00"
    assert said["fr"].gettext("Back at {time}").format(time="11:00") == "Reprise à 11:00"
    assert said["de"].pgettext("segment kind", "Input") == "Impuls"
    # Two labels with the same English, told apart by their context.
    assert said["fr"].gettext("Close") == "Fermer" and said["fr"].pgettext("segment kind", "Close") == "Clôture"


# --- the translator ------------------------------------------------------------------------


def test_plural_forms_follow_the_language():
    welsh, french = Labels("cy"), Labels("fr")
    assert welsh.ngettext("{count} card", "{count} cards", 1).format(count=1) == "1 cerdyn"
    assert welsh.ngettext("{count} card", "{count} cards", 12).format(count=12) == "12 o gardiau"
    # French counts 0 as singular; English and German do not.
    assert french.ngettext("{count} card", "{count} cards", 0).format(count=0) == "0 carte"
    assert ENGLISH.ngettext("{count} card", "{count} cards", 0).format(count=0) == "0 cards"


@pytest.mark.parametrize(
    ("language", "day", "clock", "number"),
    [
        ("en", "Thursday, 3 September 2026", "14:05", "2.5"),
        ("cy", "Dydd Iau, 3 Medi 2026", "14:05", "2.5"),
        ("fr", "jeudi 3 septembre 2026", "14:05", "2,5"),
        ("es", "jueves, 3 de septiembre de 2026", "14:05", "2,5"),
        ("de", "Donnerstag, 3. September 2026", "14:05", "2,5"),
        ("en-US", "Thursday, September 3, 2026", "2:05\u202fPM", "2.5"),
    ],
)
def test_dates_times_and_numbers_follow_the_locale(language, day, clock, number):
    labels = Labels(language)
    assert labels.date(dt.date(2026, 9, 3)) == day
    assert labels.time(dt.time(14, 5)).replace(" ", "\u202f") == clock
    assert labels.number(2.5, 1) == number


def test_a_session_chooses_a_twelve_or_twenty_four_hour_clock():
    assert Labels("en", "12h").time(dt.time(14, 5)) == "2:05\u202fpm" or Labels("en", "12h").time(dt.time(14, 5)) == "2:05 pm"
    assert Labels("en", "12h").times(dt.time(9, 0), dt.time(10, 30)).startswith("9:00")
    assert Labels("en-US", "24h").time(dt.time(14, 5)) == "14:05"
    assert Labels("es").time(dt.time(9, 0)) == "9:00"
    pack = attrs.evolve(small_pack(), session=small_session(clock="12h"))
    from facilitate.layout.document import run_sheet

    sheet = run_sheet(pack)
    assert "9:00" in str(sheet.subtitle) and "am" in str(sheet.subtitle).lower()


def test_a_deck_speaks_its_own_language():
    labels = Labels("en").in_language("cy")
    assert labels.language == "cy" and labels.gettext("Printing and cutting") == "Argraffu a thorri"
    assert Labels("en").in_language(None).language == "en"


def test_a_region_falls_back_to_its_language():
    assert Labels("fr-CA").gettext("Agenda") == "Déroulé"
    assert Labels("de-CH").number(1234.5).endswith("234.5")  # the Swiss write a decimal point


# --- language on the model --------------------------------------------------------------


def test_language_and_clock_are_checked_and_spelt_the_usual_way():
    assert small_session(language="FR_ca").language == "fr-CA"
    with pytest.raises(ModelError, match=r"'welsh' is not a language .*did you mean 'cy'"):
        small_session(language="welsh")
    with pytest.raises(ModelError, match="clock"):
        small_session(clock="13h")
    with pytest.raises(ModelError, match="language"):
        CardDeck("d", "D", cards=small_pack().decks[0].cards, language="xx-nowhere")


def test_a_bad_language_in_a_session_file_names_its_line(tmp_path):
    path = session_in("cy", tmp_path)
    path.write_text(path.read_text("utf-8").replace("language: cy", "language: cymraegg"), "utf-8")
    with pytest.raises(LoadError) as caught:
        load_pack(path, resolve)
    assert str(caught.value).startswith(f"{path}:2: language: 'cymraegg' is not a language facilitate knows")
    assert "did you mean 'cy'" in str(caught.value)


def test_a_language_facilitate_does_not_ship_needs_labels_beside_the_session(tmp_path):
    path = session_in("it", tmp_path)
    with pytest.raises(LoadError, match=r":2: language: facilitate has no labels in 'it'.*labels-it.po"):
        load_pack(path, resolve)


# --- the user's own labels --------------------------------------------------------------


def test_a_labels_file_beside_the_session_changes_a_label(tmp_path):
    path = session_in("cy", tmp_path)
    (tmp_path / "labels-cy.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Our conversation today"\nmsgstr "Ein taith heddiw"\n\n'
        'msgid "Back at {time}"\nmsgstr "Nôl erbyn {time}"\n',
        "utf-8",
    )
    pack = load_pack(path, resolve)
    labels = for_pack(pack)
    assert labels.gettext("Our conversation today") == "Ein taith heddiw"
    assert labels.gettext("Agenda") == "Rhaglen"  # the rest keep facilitate's Welsh
    written = facilitate.build(pack, tmp_path / "pack", formats=["handouts"])
    from tests import tools

    handout = tools.pdftotext(next(p for p in written if p.name == "handout.pdf"))
    assert "Ein taith heddiw" in handout and "Ein sgwrs heddiw" not in handout


def test_a_new_language_from_a_starter_file(tmp_path):
    """Italian is not shipped: the starter file, filled in, makes an Italian pack."""
    text = starter("it").decode("utf-8")
    assert 'msgstr ""' in text and "Language: it" in text
    path = session_in("it", tmp_path)
    labels_file = tmp_path / "labels-it.po"
    labels_file.write_text(text, "utf-8")
    with pytest.raises(LoadError) as caught:
        load_pack(path, resolve)
    assert str(caught.value).startswith(f"{labels_file}:") and "has no words in 'it' yet" in str(caught.value)
    catalog = catalogue(labels_file)
    for message in catalog:
        if message.id:
            if isinstance(message.id, tuple):
                message.string = tuple("IT " + message.id[min(i, 1)] for i in range(catalog.num_plurals))
            else:
                message.string = "IT " + message.id
    import io

    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog)
    labels_file.write_bytes(buffer.getvalue())
    pack = load_pack(path, resolve)
    assert for_pack(pack).gettext("Agenda") == "IT Agenda"
    assert Labels("it", None, pack.label_files).date(dt.date(2026, 9, 3)) == "giovedì 3 settembre 2026"


def test_the_starter_file_holds_the_shipped_words(tmp_path):
    text = starter("fr").decode("utf-8")
    assert 'msgstr "Au programme"' in text and "labels-fr.po" in text
    path = tmp_path / "labels-fr.po"
    path.write_bytes(starter("fr"))
    assert labels_for("fr", [path]).gettext("Our conversation today") == "Au programme"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('msgid "Agenda"\nmsgstr "Rhaglen"\nmsgid "Break\n', 3, 'not a readable .po file: the text in quotes does not end with a closing "'),
        ('msgid "Agenda"\nmsgstr "Rhaglen"\n\nmsgid "Break"\nmsgtsr "Egwyl"\n', 5, "'msgtsr' is not a .po keyword"),
        ('msgid "Agendaa"\nmsgstr "Rhaglen"\n', 1, "facilitate has no label 'Agendaa' (did you mean 'Agenda'?)"),
        ('msgid "Back at {time}"\nmsgstr "Yn ôl am {amser}"\n', 1, "{amser} is not a value this label gives (it gives: {time})"),
    ],
)
def test_a_broken_labels_file_is_one_line_naming_file_and_line(tmp_path, text, line, message):
    path = session_in("cy", tmp_path)
    labels_file = tmp_path / "labels-cy.po"
    labels_file.write_text(text, "utf-8")
    with pytest.raises(LoadError) as caught:
        load_pack(path, resolve)
    assert caught.value.path == str(labels_file) and caught.value.line == line
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_labels_file_named_for_no_language(tmp_path):
    path = session_in("cy", tmp_path)
    (tmp_path / "labels-welsh.po").write_text('msgid "Agenda"\nmsgstr "Rhaglen"\n', "utf-8")
    with pytest.raises(LoadError, match=r"labels-welsh.po: 'welsh' in the file's name is not a language .*did you mean 'cy'"):
        load_pack(path, resolve)


def test_the_labels_command_prints_a_starter():
    from click.testing import CliRunner

    from facilitate.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["labels", "--language", "cy"])
    assert result.exit_code == 0 and 'msgstr "Ein sgwrs heddiw"' in result.output
    result = runner.invoke(main, ["labels", "--language", "klingonish"])
    assert result.exit_code == 2 and result.output.startswith("error: --language:")


# --- cluster partners and decks in their own languages ---------------------------------------


def test_each_partner_gets_its_pack_in_its_own_language(tmp_path):
    from facilitate.cluster import personalise

    session_in("en", tmp_path)
    cluster_file = tmp_path / "cluster.yaml"
    cluster_file.write_text(
        "kind: cluster\nid: bilingual\ntitle: A bilingual cluster\nsession: power-of-partnerships.yaml\nmembers:\n"
        "  - name: Ysgol y Bryn\n    language: cy\n  - name: Hillside School\n",
        "utf-8",
    )
    cluster, pack, _ = load_cluster(cluster_file)
    welsh, english = (personalise(pack, member) for member in cluster.members)
    assert welsh.session.language == "cy" and english.session.language == "en"
    from facilitate.layout.document import run_sheet

    assert run_sheet(welsh).title.startswith("Amserlen:") and run_sheet(english).title.startswith("Run-sheet:")


def test_a_partner_language_without_labels_names_its_line(tmp_path):
    session_in("en", tmp_path)
    cluster_file = tmp_path / "cluster.yaml"
    cluster_file.write_text(
        "kind: cluster\nid: c\ntitle: C\nsession: power-of-partnerships.yaml\nmembers:\n  - name: Scuola\n    language: it\n", "utf-8"
    )
    with pytest.raises(LoadError, match=r"cluster.yaml:7: members\[0\].language: facilitate has no labels in 'it'"):
        load_cluster(cluster_file)


def test_a_decks_own_language_wins_for_its_cards(tmp_path):
    from tests import tools

    pack = small_pack()
    deck = attrs.evolve(pack.decks[0], language="fr")
    pack = attrs.evolve(pack, decks=(deck,))
    written = facilitate.build(pack, tmp_path / "pack", formats=["cards"])
    text = tools.pdftotext(written[0])
    assert "Impression et découpe" in text and "Printing and cutting" not in text


def test_the_pack_language_reaches_every_pdf_property():
    pack = attrs.evolve(small_pack(), session=small_session(language="de"))
    from facilitate.layout.properties import cards_properties, session_language

    assert session_language(pack.session) == "de"
    said = cards_properties(pack.decks, pack.theme, pack.session)
    assert said.language == "de" and said.title.endswith("– Karten")


def test_the_session_json_schema_knows_the_language_fields():
    from facilitate.schema import content_schema

    schema = content_schema()
    text = str(schema)
    assert "language" in text and "clock" in text
    assert isinstance(Session.__attrs_attrs__.language.default, str)


# --- the report on the day -----------------------------------------------------------------


def test_the_report_on_the_day_is_in_the_sessions_language(tmp_path):
    """The live page saves the session's language with its timings; the report is written in it."""
    import json

    from facilitate.loaders.timings import load_timings
    from facilitate.reporting import render_report

    example = ROOT / "tests" / "fixtures" / "timings" / "power-of-partnerships-2026-09-03.json"
    data = json.loads(example.read_text("utf-8"))
    data["session"]["language"] = "fr"
    data["session"]["clock"] = "24h"
    path = tmp_path / "timings.json"
    path.write_text(json.dumps(data, indent=2), "utf-8")
    record = load_timings(path)
    assert record.language == "fr"
    report = render_report(record, ".md").decode("utf-8")
    assert report.startswith("# Bilan de la journée\u00a0: The Power of Partnerships") and "jeudi 3 septembre 2026" in report
    assert "Prévu et réel" in report and "Planned and actual" not in report
    data["session"]["language"] = "xx-nowhere"
    path.write_text(json.dumps(data, indent=2), "utf-8")
    with pytest.raises(LoadError, match=r"timings.json:\d+: session.language: 'xx-nowhere' is not a language"):
        load_timings(path)


def test_cards_on_their_own_and_the_duplex_test_sheet_take_a_language(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from facilitate.cli import main
    from tests import tools

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["cards", "--test-sheet", "--language", "cy"])
    assert result.exit_code == 0, result.output
    sheet = tools.pdftotext(tmp_path / "duplex-test.pdf")
    assert "Taflen brawf ddeuochrog: blaen" in sheet and "Duplex test sheet" not in sheet
    result = runner.invoke(main, ["cards", "lets-imagine", "--language", "fr"])
    assert result.exit_code == 0, result.output
    cards = tools.pdftotext(tmp_path / "lets-imagine-cards.pdf")
    assert "Impression et découpe" in cards and "Printing and cutting" not in cards
    result = runner.invoke(main, ["cards", "lets-imagine", "--language", "klingon-x", "-o", "k.pdf"])
    assert result.exit_code == 2 and "--language" in result.output


@pytest.mark.parametrize("language", sorted(SHIPPED))
def test_each_compiled_catalogue_says_what_its_po_file_says(language):
    """facilitate reads the compiled twin; it must hold exactly the .po file's translations (run scripts/labels.py)."""
    from facilitate.labels import parse_po

    # What the .mo says, not its bytes: Babel writes its own version into the .mo's header.
    read = parse_po(catalogue_path(language).read_bytes(), language)
    catalogue = shipped_catalogue(language)
    assert catalogue.messages == read.messages, "stale: run python scripts/labels.py"
    assert [catalogue.plural(n) for n in range(12)] == [_gettext.c2py(read.plural)(n) for n in range(12)]
