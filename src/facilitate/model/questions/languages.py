"""The languages the ladder reads: their question words, and a cautious detector.

English is read by its grammar (``english.py``). Welsh, French and Spanish are read by
their own question words: the word that opens the question (or, for words that can
only be interrogative, such as Spanish "¿qué?" with its accent, wherever it stands)
gives the role. Any other language is "not supported": it never gets a rung.

How the language is known, in order: an explicit ``language=`` argument; the
ladder's ``language``; else :func:`detect_language`, which counts words that only
one language uses and answers English unless another language clearly wins.
"""

from __future__ import annotations

import re

import attrs

from facilitate.model.questions.text import split_elisions, words

SUPPORTED: tuple[str, ...] = ("en", "cy", "fr", "es")
NAMES = {"en": "English", "cy": "Welsh", "fr": "French", "es": "Spanish"}
#: What :func:`detect_language` answers for text in a language it knows is none of ours.
OTHER = "other"


@attrs.frozen
class Language:
    """How one language other than English asks its questions."""

    code: str
    #: Question words or phrases (as words after splitting elisions) and their roles.
    wh: dict[tuple[str, ...], str]
    #: Question words that can only be interrogative, so count wherever they stand.
    anywhere: frozenset[str]
    #: Words or phrases that open a possibility frame ("imagine", "what if").
    possibility_openers: tuple[tuple[str, ...], ...]
    #: A conditional verb (English "would"): with ``if_words`` it marks a possibility.
    conditional: re.Pattern[str]
    #: Words for "if".
    if_words: frozenset[str]
    #: Words skipped at the start of a clause ("so", "and", "then").
    fillers: frozenset[str]

    def wh_at(self, tokens: list[str], start: int) -> tuple[str, int] | None:
        """The role and length of the longest question phrase at ``tokens[start]``."""
        best: tuple[str, int] | None = None
        for phrase, role in self.wh.items():
            end = start + len(phrase)
            if tuple(tokens[start:end]) == phrase and (best is None or len(phrase) > best[1]):
                best = (role, len(phrase))
        return best


def _phrases(table: dict[str, str]) -> dict[tuple[str, ...], str]:
    return {tuple(split_elisions(key.split())): role for key, role in table.items()}


FRENCH = Language(
    code="fr",
    wh=_phrases({
        "qu'est-ce que": "open", "qu'est-ce qui": "open", "que": "open", "qu'": "open", "quoi": "open",
        "c'est quoi": "open", "quel": "open", "quelle": "open", "quels": "open", "quelles": "open",
        "à quoi": "open", "de quoi": "open", "sur quoi": "open", "en quoi": "open", "avec quoi": "open",
        "à partir de quoi": "open",
        "qui": "facts", "à qui": "facts", "avec qui": "facts", "pour qui": "facts", "de qui": "facts",
        "où": "facts", "d'où": "facts", "par où": "facts", "jusqu'où": "facts", "quand": "facts",
        "quelle heure": "facts", "quel jour": "facts", "quelle date": "facts", "a qui": "facts", "a quoi": "open",
        "a partir de quoi": "open", "combien": "facts", "lequel": "facts", "laquelle": "facts", "lesquels": "facts", "lesquelles": "facts",
        "à quel point": "facts", "dans quelle mesure": "facts", "depuis combien": "facts", "depuis quand": "facts",
        "comment": "process", "de quelle manière": "process", "de quelle façon": "process",
        "pourquoi": "purpose", "pour quelle raison": "purpose", "dans quel but": "purpose",
        "et si": "possibility", "que se passerait-il si": "possibility",
    }),
    anywhere=frozenset({"quoi", "pourquoi", "comment", "combien", "quel", "quelle", "quels", "quelles", "où"}),
    possibility_openers=((("imaginez",), ("imagine",), ("imaginons",), ("supposons",), ("supposez",), ("et", "si"))),
    conditional=re.compile(r"\w+(?:rais|rait|rions|riez|raient)$"),
    if_words=frozenset({"si", "s'"}),
    fillers=frozenset({"alors", "et", "donc", "mais", "ensuite", "enfin", "bon", "ok", "du", "coup"}),
)

SPANISH = Language(
    code="es",
    wh=_phrases({
        "qué": "open", "cuál": "open", "cuáles": "open", "a qué": "open", "de qué": "open", "en qué": "open",
        "con qué": "open",
        "quién": "facts", "quiénes": "facts", "a quién": "facts", "con quién": "facts", "de quién": "facts",
        "para quién": "facts", "dónde": "facts", "adónde": "facts", "de dónde": "facts", "a dónde": "facts",
        "cuándo": "facts", "cuánto": "facts", "cuánta": "facts", "cuántos": "facts", "cuántas": "facts",
        "hasta qué punto": "facts", "en qué medida": "facts",
        "cómo": "process", "de qué manera": "process", "de qué forma": "process",
        "por qué": "purpose", "para qué": "purpose",
        "y si": "possibility", "qué pasaría si": "possibility", "qué sucedería si": "possibility",
    }),
    anywhere=frozenset({"qué", "cuál", "cuáles", "quién", "quiénes", "dónde", "cuándo", "cuánto", "cuánta", "cuántos",
                        "cuántas", "cómo"}),
    possibility_openers=((("imagina",), ("imagínate",), ("imaginemos",), ("imaginen",), ("imagine",), ("supongamos",),
                          ("y", "si"))),
    conditional=re.compile(r"\w+(?:ría|rías|ríamos|ríais|rían)$"),
    if_words=frozenset({"si"}),
    fillers=frozenset({"y", "entonces", "pues", "bueno", "ahora", "pero", "e"}),
)

WELSH = Language(
    code="cy",
    wh=_phrases({
        "beth": "open", "be'": "open", "pa beth": "open",
        "pwy": "facts", "bwy": "facts", "i bwy": "facts", "gyda pwy": "facts", "efo pwy": "facts",
        "pryd": "facts", "ble": "facts", "lle": "facts", "o ble": "facts", "i ble": "facts", "faint": "facts",
        "pa": "facts", "ba": "facts", "pa mor": "facts", "i ba raddau": "facts", "pa un": "facts",
        "sut": "process", "ym mha ffordd": "process", "ym mha ffyrdd": "process",
        "pam": "purpose", "i beth": "purpose", "beth yw'r rheswm": "purpose",
        "beth os": "possibility", "beth petai": "possibility", "beth pe bai": "possibility",
    }),
    anywhere=frozenset({"beth", "pwy", "pryd", "ble", "faint", "sut", "pam"}),
    possibility_openers=((("dychmygwch",), ("dychmyga",), ("dychmygwn",), ("beth", "os"))),
    conditional=re.compile(r"(?:fyddai|byddai|fydden|bydden|fyddech|byddech|allech|gallech|allen|gallen|hoffech|hoffet)$"),
    if_words=frozenset({"petai", "petaech", "pe", "petawn", "petaen"}),
    fillers=frozenset({"felly", "a", "ac", "ond", "wedyn", "nawr", "rŵan", "iawn"}),
)

FOREIGN: dict[str, Language] = {"fr": FRENCH, "es": SPANISH, "cy": WELSH}

#: English question words, for reading a rung's stems (see Rung.kind).
ENGLISH_STEMS = {
    "what if": "possibility", "imagine": "possibility", "suppose": "possibility", "supposing": "possibility",
    "what": "open", "how": "process", "why": "purpose",
    "which": "facts", "who": "facts", "whom": "facts", "whose": "facts", "when": "facts", "where": "facts",
    "how much": "facts", "how many": "facts",
}
AUXILIARIES = frozenset(
    "is are am was were do does did can could will would should shall have has had may might must".split()
)


def role_of_stem(stem: str) -> str | None:
    """The role a rung's opening words suggest ("how" -> process), or None."""
    text = stem.lower().strip()
    if text in ENGLISH_STEMS:
        return ENGLISH_STEMS[text]
    tokens = split_elisions(words(text))
    if tokens and tokens[0] in AUXILIARIES:
        return "closed"
    for language in FOREIGN.values():
        found = language.wh_at(tokens, 0)
        if found and found[1] == len(tokens):
            return found[0]
    return None


#: Words that, in a short question, point to one language and no other we know.
_MARKERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the and of to is are was were do does did you we they our your their what how why who when where which "
        "this that it for with on be can could would should will have has had about not if or from at by i my "
        "me us there these those so as most more what's how's don't it's we're you're".split()
    ),
    "fr": frozenset(
        "vous tu nous je est sont les des du le la une et pour avec dans sur ce cette ces votre vos ton ta tes mon "
        "ma mes pas ne qui quoi quel quelle quels quelles comment pourquoi où quand combien c' qu' est-ce t' m' "
        "j' l' d' n' s' y a-t-il peux pouvez faites as avez êtes sommes suis aux au cela ça il elle ils elles on".split()
    ),
    "es": frozenset(
        "qué cuál cuáles cómo quién quiénes dónde cuándo cuánto cuántos el los las y es son está estás con del al "
        "lo que se me te tu tus su sus hay más muy esto eso este esta usted nosotros para por pero también tienes "
        "puedes quieres crees sientes algo puedo podemos hacer tengo tiene estoy mucho nada".split()
    ),
    "cy": frozenset(
        "beth pwy pryd ble pam sut faint mae yw ydy ydych ydyn wyt oes sydd sy' mae' chi ti nhw eich ein hyn "
        "hynny rydych rwyt maen yn gyda efo ynglŷn dros allwch allech gallwn fyddai byddai ei eu dy yr pa mor "
        "rhai eraill pobl gwneud ddim iawn dweud i'r o'r a'r hwn hon fod bod gan".split()
    ),
    # Languages we know to be none of ours: reported as "language not supported".
    "de": frozenset(
        "der die das und ist sind wie was warum wer wo wann ich du wir ihr nicht ein eine mit für auf es zu den "
        "dem welche können haben wird werden sich auch noch dir dich mir mich euch uns unser unsere ihnen geht gibt "
        "heute sein kann könnte würde sollen müssen wollen machen denkst denken glaubst wichtig".split()
    ),
    "nl": frozenset("het een en zijn wat hoe waarom wie waar wanneer ik jij wij niet van voor met op dit dat".split()),
    "it": frozenset(
        "il gli che cosa come perché chi dove quando quale è sono non per con di della un una voi noi io quanto "
        "quanti quale quali dura usare ho hai bisogno".split()
    ),
    "pt": frozenset(
        "os que como porque quem onde quando qual é são não para com do da um uma você vocês nós eu".split()
    ),
}
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> str:
    """The language of ``text``: en, cy, fr, es, or "other" for a language we do not read.

    Cautious: a language other than English must win on words that mark it, by at
    least two, and more than English has; text in a non-Latin script is "other";
    anything else is English.
    """
    letters = _LETTER.findall(text)
    if letters and sum(1 for c in letters if _LATIN.match(c)) < len(letters) / 2:
        return OTHER
    tokens = split_elisions(words(text.replace("\u2019", "'")))
    plain = set(tokens)
    scores = {code: sum(1 for t in tokens if t in marks) for code, marks in _MARKERS.items()}
    # Words written the same in several languages ("a", "que", "de") say little.
    for code, marks in _MARKERS.items():
        shared = {t for t in plain if t in marks and any(t in other for c, other in _MARKERS.items() if c != code)}
        scores[code] -= sum(1 for t in tokens if t in shared) // 2
    best = max((code for code in _MARKERS if code != "en"), key=lambda code: (scores[code], code == "cy"))
    if scores[best] >= 2 and scores[best] > scores["en"]:
        return best if best in SUPPORTED else OTHER
    if "¿" in text and scores["es"] >= scores["en"]:
        return "es"  # the opening question mark is Spanish's own
    if scores["en"] <= 0 and scores[best] >= 1:
        # No English word at all, and one that marks another language ("Pam?").
        return best if best in SUPPORTED else OTHER
    return "en"
