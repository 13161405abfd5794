"""Rule-based annotators that close deduce's gaps on social-domain text.

Deduce (3.0.6) was built for medical records. On experience stories it misses
social-domain organisations and teams, streets without a house number, dates
without a year, ages written as "Daan (15)" or "de 15-jarige", and it only
partially catches IBANs and "+31 6 ..." numbers. These rules run on the raw
text next to deduce; the engine merges both results.

The functions here return ``Candidate`` objects (offsets + kind) and never log
or keep the text they look at.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Candidate:
    kind: str
    start: int
    end: int
    source: str = "rule"


@cache
def load_list(name: str) -> tuple[str, ...]:
    """Lines of ``data/<name>.txt`` without comments and blanks (editable lists)."""
    lines = (_DATA_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _alternation(items: tuple[str, ...]) -> str:
    # Longest first, so "Woonstad Rotterdam" wins over "Woonstad".
    return "|".join(re.escape(i) for i in sorted(set(items), key=len, reverse=True))


# --------------------------------------------------------------------------- #
# Word helpers
# --------------------------------------------------------------------------- #

# A word: letters of any script, digits, apostrophes, inner hyphens, the middle dot
# (Com·wonen), optionally a trailing period (abbreviations such as "Dr.").
_WORD = re.compile(r"[^\W_][\w'’·]*(?:-[^\W_][\w'’·]*)*\.?")
_NAME_GAP = re.compile(r"[ \t]{1,2}|-")

# Lowercase particles inside multi-word names ("Reinier van Arkel", "Ipse de Bruggen").
_PARTICLES = frozenset({"de", "der", "den", "van", "het", "'t", "’t", "ter", "ten"})
# Capitalised particles belong to a name only when a capitalised word follows
# ("Stichting De Hoop", "Van Ostadestraat").
_CAPITALISED_PARTICLES = frozenset({"De", "Het", "Van", "Den", "Der", "'t", "’t", "Ter", "Ten"})

# Capitalised words that start sentences or are generic; they never extend a name
# ("In de Kanaalstraat", "Buurtteam Zuid. Ik ...").
_STOP_CAPITALISED = frozenset(
    """
    aan achter af al als bij daar daarna dan dat de deze die dit door een en er ergens
    hier hij hem haar hun ik in inmiddels je jij later langs maar me mijn met na naar
    nabij nee niet nog nu of om omdat onder ons onze ook op over richting rond samen
    sinds soms te tegenover toch toen tot uit van vanaf vanuit via vlakbij voor wat waar
    want we wel wij ze zij zijn zo zonder zoals het jullie gemeente
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart
    april mei juni juli augustus september oktober november december
    """.split()
)


# Abbreviations whose period belongs to the word ("Dr. Schaepmanlaan", "St. Jozef").
_ABBREVIATIONS = frozenset("dr mr st sint burg mgr ir drs prof ds pr jhr mevr dhr mw".split())


def _strip_sentence_period(word: str) -> str:
    """Drop a period that ends a sentence; keep it on initials and abbreviations."""
    if word.endswith(".") and len(word) > 2 and word[:-1].lower() not in _ABBREVIATIONS:
        return word[:-1]
    return word


def _is_capitalised(word: str) -> bool:
    # "inGeest" (GGZ inGeest) and "'s" count as name-like as well.
    return word[:1].isupper() or bool(re.match(r"[a-z]+[A-Z]", word)) or word in {"'s", "’s"}


def _name_word(word: str) -> bool:
    return _is_capitalised(word) and word.lower().rstrip(".") not in _STOP_CAPITALISED


def _extend_name_right(text: str, pos: int, max_tokens: int = 4) -> int:
    """End offset after up to ``max_tokens`` capitalised words that follow ``pos``.

    Words are separated by one or two spaces or a hyphen. Particles ("de", "van",
    "De") count only before a later capitalised word, never at the end, and a
    lowercase particle directly after ``pos`` stops the walk (so "het welzijn van
    Fatima" is no organisation). Returns ``pos`` when nothing name-like follows.
    """
    end = cursor = pos
    taken = 0
    while taken < max_tokens:
        gap = _NAME_GAP.match(text, cursor)
        word_match = _WORD.match(text, gap.end()) if gap else None
        if not word_match:
            break
        word = _strip_sentence_period(word_match.group(0))
        word_end = word_match.start() + len(word)
        if word in _CAPITALISED_PARTICLES or (word in _PARTICLES and taken > 0):
            cursor = word_end  # pending: kept only if a capitalised word follows
            continue
        if not _name_word(word):
            break
        end = cursor = word_end
        taken += 1
    return end


# --------------------------------------------------------------------------- #
# Institutions and teams
# --------------------------------------------------------------------------- #

_FIXED_INSTITUTION_RE = re.compile(
    r"(?<![\w'’])(?:" + _alternation(load_list("institutions")) + r")(?!\w)"
)
_INSTITUTION_HEAD_RE = re.compile(
    r"(?<![\w-])(?:(?i:"
    + _alternation(load_list("institution_heads"))
    # Capitalised only: "Welzijn Lokaal" is an organisation, "het welzijn van" is not.
    + r")|Welzijn|Zorggroep|Zorgcentrum)(?!\w)"
)
# Heads that name one organisation on their own ("de Kredietbank", "de GGD").
_STANDALONE_HEADS = frozenset({"Kredietbank", "GGD"})


def _institutions(text: str) -> Iterator[Candidate]:
    for m in _FIXED_INSTITUTION_RE.finditer(text):
        # "Kredietbank Rotterdam", "GGD Hollands Midden": include the region.
        yield Candidate("institution", m.start(), _extend_name_right(text, m.end(), 3))
    for m in _INSTITUTION_HEAD_RE.finditer(text):
        end = _extend_name_right(text, m.end(), 4)
        if end > m.end():
            yield Candidate("institution", m.start(), end)
        elif m.group(0) in _STANDALONE_HEADS:
            yield Candidate("institution", m.start(), m.end())


# --------------------------------------------------------------------------- #
# Streets (with or without a house number) and neighbourhoods
# --------------------------------------------------------------------------- #

_STREET_SUFFIXES = (
    "straat|straatweg|laan|weg|plein|gracht|kade|singel|dreef|hof|pad|steeg|dijk|markt|park|"
    "plantsoen|baan|wal|burgwal|boulevard|allee|erf|haven|wetering|passage|promenade"
)
# Capitalised words with a street suffix that are no street (sentence-initial
# nouns and adverbs).
_NOT_STREETS = frozenset(
    """
    onderweg halfweg midweg snelweg zijweg rijksweg spoorweg autosnelweg omweg uitweg
    overweg toegangsweg ringweg fietspad voetpad wandelpad zandpad levenspad zorgpad
    kerkhof gerechtshof voorhof arbeidsmarkt woningmarkt supermarkt weekmarkt jaarmarkt
    luchthaven thuishaven woonerf speelplein schoolplein winkelstraat hoofdstraat zijstraat
    loopbaan ijsbaan renbaan werkbaan pretpark attractiepark vakantiepark bungalowpark
    bedrijvenpark wagenpark
    """.split()
)
_STREET_WORD_RE = re.compile(r"(?<![\w-])[^\W\d_][\w'’-]+?(?:" + _STREET_SUFFIXES + r")(?!\w)")
# " 12", " 12a", " 12 A", " 12-3", " 12 bis", " 12-hs", " 12 II"
_HOUSE_NUMBER_RE = re.compile(
    r"[ \t]{1,2}\d{1,5}(?:[ \t]?[a-zA-Z](?!\w)|-\d{1,4}(?!\w)"
    r"|[ -]?(?:bis|hs|huis|bg|I{1,3}|zw|rd|boven|beneden)(?!\w))?(?!\d)"
)
_PLACE_SUFFIX_RE = re.compile(r"(?:park|plantsoen|haven)$")
_STREET_PARTICLES = frozenset({"de", "der", "den", "van", "'t", "’t", "ter", "ten", "la", "le"})


def _street_start(text: str, start: int) -> int:
    """Walk left over the rest of a multi-word street name
    ("Van Ostadestraat", "Willem de Zwijgerlaan", "Dr. Schaepmanlaan")."""
    kept: list[re.Match[str]] = []
    cursor = start
    for w in reversed(list(_WORD.finditer(text, max(0, start - 80), start))):
        if not re.fullmatch(r"[ \t]{1,2}", text[w.end() : cursor]):
            break
        token = w.group(0)
        if token != _strip_sentence_period(token):
            break  # a sentence ends here
        if token in _STREET_PARTICLES:
            kept.append(w)
        elif token in _CAPITALISED_PARTICLES:
            kept.append(w)
            break  # "Van Ostadestraat", "De Ruyterkade": the name starts here
        elif _name_word(token):
            kept.append(w)
        else:
            break
        cursor = w.start()
        if len(kept) >= 5:
            break
    while kept and kept[-1].group(0) in _STREET_PARTICLES:
        kept.pop()  # "aan de Kanaalstraat" -> "Kanaalstraat"
    return kept[-1].start() if kept else start


# "Laan van Meerdervoort", "Laan van de Vrijheid", "Weg der Verenigde Naties", "Plein 1944"
_STREET_FIRST_RE = re.compile(
    r"(?<![\w-])(?:Laan|Weg|Plein|Kade|Dreef|Singel|Hof|Pad|Straat|Park|Burgwal)"
    r"(?:(?:[ \t]+(?:van|der|de|den|het|'t|op|naar|in|aan))+(?=[ \t]+[A-Z])|(?=[ \t]+\d{4}\b))"
)
# "aan de Gooioord", "op de Heuvel": a capitalised word after "aan/op de" that is a
# street in deduce's own street list (deduce only reports streets with a number).
_AAN_DE_RE = re.compile(r"(?<!\w)(?:aan|op)[ \t]+(?:de|het|'t)[ \t]+(?=[A-Z])")


@cache
def _street_names() -> frozenset[str]:
    spec = importlib.util.find_spec("deduce")  # the file, without importing deduce
    if spec is None or spec.origin is None:  # pragma: no cover - deduce is a dependency
        return frozenset()
    path = Path(spec.origin).parent / "data/lookup/src/locations/lst_street/items.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:  # pragma: no cover - a trimmed install
        return frozenset()
    return frozenset(line.strip() for line in lines if line.strip())


def _streets(text: str) -> Iterator[Candidate]:
    for m in _STREET_FIRST_RE.finditer(text):
        end = _extend_name_right(text, m.end(), 4)
        number = _HOUSE_NUMBER_RE.match(text, end)
        if number:
            end = number.end()
        if end > m.end():
            yield Candidate("address", m.start(), end)
    streets = _street_names()
    for m in _AAN_DE_RE.finditer(text):
        # the longest run of 1-3 capitalised words that is a known street
        best = 0
        for n in (1, 2, 3):
            end = _extend_name_right(text, m.end() - 1, n)
            if end > m.end() and text[m.end() : end] in streets:
                best = end
        if best:
            number = _HOUSE_NUMBER_RE.match(text, best)
            yield Candidate("address", m.end(), number.end() if number else best)
    for m in _STREET_WORD_RE.finditer(text):
        word = m.group(0)
        if not word[:1].isupper() or word.lower() in _NOT_STREETS:
            continue
        end = m.end()
        number = _HOUSE_NUMBER_RE.match(text, end)
        if number:
            end = number.end()
        # A park or harbour without a number is a place one goes, not an address.
        kind = "place" if not number and _PLACE_SUFFIX_RE.search(word) else "address"
        yield Candidate(kind, _street_start(text, m.start()), end)


_PLACE_RE = re.compile(r"(?<![\w-])(?:" + _alternation(load_list("places")) + r")(?![\w-])")
# "de wijk Tarwewijk", "buurt De Kolk", "in stadsdeel Nieuw-West"
_AREA_HEAD_RE = re.compile(r"(?<![\w-])(?i:wijk|woonwijk|buurt|stadsdeel|dorp|woonplaats)(?!\w)")
# "Rotterdam-Zuid", "Amsterdam Nieuw-West"
_CITY_DISTRICT_RE = re.compile(
    r"(?<![\w-])([A-Z][a-zà-ÿ]+)[ -]"
    r"(?:Nieuw-West|Zuidoost|Zuidwest|Noordoost|Noordwest|Zuid|Noord|Oost|West|Centrum)(?![\w-])"
)


# "Vogelwijk", "Transvaalbuurt": a capitalised word ending in -wijk/-buurt is a
# neighbourhood (or a town such as Katwijk, also a place).
_AREA_WORD_RE = re.compile(r"(?<![\w-])[A-Z][a-zà-ÿ]+(?:wijk|buurt)(?![\w-])")


def _places(text: str) -> Iterator[Candidate]:
    for regex in (_PLACE_RE, _AREA_WORD_RE):
        for m in regex.finditer(text):
            yield Candidate("place", m.start(), m.end())
    for m in _AREA_HEAD_RE.finditer(text):
        end = _extend_name_right(text, m.end(), 3)
        if end > m.end():
            name_start = _WORD.search(text, m.end()).start()  # type: ignore[union-attr]
            yield Candidate("place", name_start, end)
    for m in _CITY_DISTRICT_RE.finditer(text):
        if m.group(1).lower() not in _STOP_CAPITALISED:
            yield Candidate("place", m.start(), m.end())


# --------------------------------------------------------------------------- #
# Numbers and contact details
# --------------------------------------------------------------------------- #

# Dutch postcodes; SA, SD and SS are never issued.
_POSTCODE_RE = re.compile(r"(?<!\w)[1-9]\d{3}[ \t]?(?!SA|SD|SS)[A-Z]{2}(?!\w)")
_POSTCODE_LOWER_RE = re.compile(r"(?<!\w)[1-9]\d{3}(?!mg|gr|ie|kg|km|cm|mm|ml)[a-z]{2}(?!\w)")
# Full IBAN, with or without spaces ("NL91 ABNA 0417 1643 00"); deduce only sees digits.
_IBAN_RE = re.compile(
    r"(?<!\w)(?i:[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?)(?!\w)"
)
# "+31 6 12345678", "+31 (0)20-1234567", "0031 6 1234 5678": deduce drops the prefix.
_PHONE_INTL_RE = re.compile(r"(?<![\w+])(?:\+|00)[ ]?\d{2}(?:[ -]?\(0\))?(?:[ .-]?\d){7,11}(?!\d)")
# "06-12345678", "020 123 45 67", "(020) 1234567": exactly ten digits.
_PHONE_NATIONAL_RE = re.compile(r"(?<![\w+/.-])(?:\(0\d{1,3}\)|0\d{1,3})(?:[ .-]?\d){6,8}(?!\d)")
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}(?!\w)")
_URL_RE = re.compile(
    r"(?<![\w@.])(?i:https?://|www\.)[^\s<>\"']+"
    # bare domains: lowercase only, so a missing space ("echt.Nu") is no website
    r"|(?<![\w@.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:nl|com|org|net|eu|be|info)(?:/[^\s<>\"']*)?"
    r"(?![\w@])"
)
# A BSN after its label, also when the 11-test fails or it is written 1234.56.789.
_BSN_RE = re.compile(
    r"(?i)(?<!\w)(?:bsn|burgerservicenummer|sofinummer|sofi-nummer)(?:[ \t]*(?:nummer|nr\.?))?"
    r"[ \t]*(?:is|was)?[ \t]*:?[ \t]*"
    r"(\d{9}|\d{3}[ .]\d{3}[ .]\d{3}|\d{4}[ .]\d{2}[ .]\d{3})(?!\d)"
)


def _digits(s: str) -> int:
    return sum(ch.isdigit() for ch in s)


def _numbers(text: str) -> Iterator[Candidate]:
    for regex in (_POSTCODE_RE, _POSTCODE_LOWER_RE):
        for m in regex.finditer(text):
            yield Candidate("postcode", m.start(), m.end())
    for m in _IBAN_RE.finditer(text):
        if _digits(m.group(0)) >= 10 and m.group(0)[:2].isalpha():
            yield Candidate("iban", m.start(), m.end())
    for m in _PHONE_INTL_RE.finditer(text):
        yield Candidate("phone", m.start(), m.end())
    for m in _PHONE_NATIONAL_RE.finditer(text):
        if _digits(m.group(0)) == 10:
            yield Candidate("phone", m.start(), m.end())
    for m in _EMAIL_RE.finditer(text):
        yield Candidate("email", m.start(), m.end())
    for m in _URL_RE.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?)]}":
            end -= 1  # sentence punctuation after a link
        if end > m.start():
            yield Candidate("url", m.start(), end)
    for m in _BSN_RE.finditer(text):
        yield Candidate("bsn", m.start(1), m.end(1))


# --------------------------------------------------------------------------- #
# Dates without a year, ages
# --------------------------------------------------------------------------- #

_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_WEEKDAYS = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
# "dinsdag 4 april", "4 april", "4e april", "4 april 2023" (deduce needs the year).
_DATE_RE = re.compile(
    rf"(?i)(?<!\w)(?:(?:{_WEEKDAYS})[ \t]+)?"
    rf"(?:[1-9]|0[1-9]|[12]\d|3[01])(?:e|ste|de)?[ \t]+(?:{_MONTHS})(?:\.(?=[ \t]+\d))?"
    rf"(?:[ \t]+(?:19|20)\d{{2}})?(?!\w)"
)
# "Daan (15)", "mijn zoon (15 jaar)": only after a name or a word for a person,
# so "de schulden (3)" stays.
_AGE_BRACKET_RE = re.compile(
    r"([^\W\d_][\w'’-]*)[ \t]?\([ \t]*(\d{1,3})[ \t]*(?:jaar|jr\.?)?[ \t]*\)"
)
_PERSON_WORDS = frozenset(
    """
    zoon dochter broer zus zusje broertje moeder vader kind kindje jongen meisje man vrouw
    vriend vriendin neef nicht opa oma partner cliënt client cliënte buurman buurvrouw baby
    stiefzoon stiefdochter pleegzoon pleegdochter pleegkind ex
    """.split()
)
_AGE_RES = (
    # "15-jarige", "de 15 jarige", "15-jarig" (deduce skips "de 15-jarige")
    re.compile(r"(?i)(?<![\w,.])(\d{1,3})[ \t-]?jarige?(?!\w)"),
    # "40 jaar oud"
    re.compile(r"(?i)(?<![\w,.])(\d{1,3})[ \t]+jaar[ \t]+oud(?!\w)"),
    # "op mijn 16e", "sinds haar 12de", "vanaf zijn 15e"
    re.compile(
        r"(?i)(?<!\w)(?:op|sinds|vanaf|voor|na|rond|tot)[ \t]+(?:mijn|zijn|haar|je|jouw|hun)[ \t]+"
        r"(\d{1,2})(?:e|de|ste)(?!\w)"
    ),
    # "haar dochter van 14", "een jongen van 16 jaar" (not "een schuld van 40 euro")
    re.compile(
        r"(?i)(?<!\w)(?:zoon|dochter|kind|jongen|meisje|man|vrouw|broer|zus|neef|nicht|baby|"
        r"moeder|vader|opa|oma|tiener|puber)(?:tje|je)?[ \t]+van[ \t]+(\d{1,3})(?!\d|[.,]\d)"
        r"(?![ \t]*(?:euro|procent|%|kilo|kg|uur|minuten|dagen|weken|maanden|keer|cent))"
    ),
    # "ze is 29 en ...", "ik was 16, toen ...": a bare number after "is/ben/was"
    re.compile(
        r"(?i)(?<!\w)(?:ik[ \t]+(?:ben|was|werd)|(?:hij|zij|ze|je|jij)[ \t]+(?:is|was|werd|bent))"
        r"[ \t]+(\d{1,2})(?=[ \t]*(?:[,.;:!?)]|$|(?:en|toen|nu|inmiddels|pas)(?!\w)))"
    ),
    # "toen ik 16 was", "toen mijn zoon 12 jaar werd"
    re.compile(
        r"(?i)(?<!\w)toen[ \t]+(?:ik|hij|zij|ze|jij|je|mijn[ \t]+\w+)[ \t]+(\d{1,2})[ \t]+"
        r"(?:jaar[ \t]+)?(?:was|werd)(?!\w)"
    ),
)


def _dates_and_ages(text: str, name_spans: Sequence[tuple[int, int]]) -> Iterator[Candidate]:
    for m in _DATE_RE.finditer(text):
        yield Candidate("date", m.start(), m.end())
    for m in _AGE_BRACKET_RE.finditer(text):
        # The word before the bracket must be a name found elsewhere ("Daan (15)")
        # or a word for a person ("zoon (15)"): "Kinderen (2)" is a count.
        after_name = any(s <= m.start(1) and m.end(1) <= e for s, e in name_spans)
        if (after_name or m.group(1).lower() in _PERSON_WORDS) and int(m.group(2)) <= 120:
            yield Candidate("age", m.start(2), m.end(2))
    for regex in _AGE_RES:
        for m in regex.finditer(text):
            if int(m.group(1)) <= 120:
                yield Candidate("age", m.start(1), m.end(1))


def find_candidates(text: str, name_spans: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """Run every rule over ``text``; candidates may overlap each other.

    ``name_spans`` are (start, end) offsets of person names found by deduce or known
    to the system; some rules only fire next to a name.
    """
    found: list[Candidate] = []
    for finder in (_institutions, _streets, _places, _numbers):
        found.extend(finder(text))
    found.extend(_dates_and_ages(text, name_spans))
    return found
