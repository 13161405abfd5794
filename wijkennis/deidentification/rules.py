"""Rule-based annotators that close deduce's gaps on social-domain text.

Deduce (3.0.6) was built for medical records. On experience stories it misses
social-domain organisations and teams, streets without a house number, dates
without a year, ages written as "Daan (15)" or "de 15-jarige", and it only
partially catches IBANs and "+31 6 ..." numbers. Its first-name list is mostly
Dutch, so Polish, Eritrean or Arabic names slip through, and it has no notion of
nicknames, reference numbers with letters and dashes, or neighbourhoods. These
rules run on the raw text next to deduce; the engine merges both results.

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
    """A regex alternation of ``items`` as a prefix tree.

    Python's ``re`` tries a flat alternation one item at a time at every position;
    as a tree it fails on the first character, which keeps lists of hundreds of
    names cheap. Longer items are tried first ("Woonstad Rotterdam" before
    "Woonstad"), and a shorter one is still found when the longer does not fit.
    """
    trie: dict[str, dict] = {}
    for item in set(items):
        node = trie
        for ch in item:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # an item ends here: the longer continuation is optional
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


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
# Sector compounds and teams that become an organisation when a name follows:
# "Schoonmaakbedrijf Van Vliet", "Uitzendbureau Werkkracht", "Administratiekantoor
# Noord", "Mytylschool De Brug", "Buurthuis De Ontmoeting", "FACT-team Zuidoost",
# "Team Bemoeizorg Utrecht", "het crisisteam Zuid".
_COMPOUND_HEAD_RE = re.compile(
    r"(?i)(?<![\w-])(?:[^\W\d_][\w-]{2,}(?:bedrijf|bureau|kantoor|school|centrum|opvang|praktijk|"
    r"kliniek|huis)|(?:[^\W\d_][\w-]*)?team)(?!\w)"
)
# Names that end in their head: "Graafschap College", "Da Vinci College", "Radboud
# Universiteit", "Stedelijk Lyceum"; and compounds such as "Alfa-college".
_TAIL_HEAD_RE = re.compile(
    r"(?<![\w-])(?:College|Lyceum|Gymnasium|Academie|Scholengemeenschap|Hogeschool|"
    r"Universiteit|School|Ziekenhuis|Kliniek)(?!\w)"
)
_COLLEGE_WORD_RE = re.compile(r"(?<![\w-])[A-Z][\w]{2,}-?(?:college|College)(?!\w)")


def _institutions(text: str) -> Iterator[Candidate]:
    for m in _FIXED_INSTITUTION_RE.finditer(text):
        # "Kredietbank Rotterdam", "GGD Hollands Midden": include the region.
        yield Candidate("institution", m.start(), _extend_name_right(text, m.end(), 3))
    for regex in (_INSTITUTION_HEAD_RE, _COMPOUND_HEAD_RE):
        for m in regex.finditer(text):
            end = _extend_name_right(text, m.end(), 4)
            if end > m.end():
                yield Candidate("institution", m.start(), end)
            elif m.group(0) in _STANDALONE_HEADS:
                yield Candidate("institution", m.start(), m.end())
    for m in _TAIL_HEAD_RE.finditer(text):
        start = _street_start(text, m.start())
        # at least one real name word before the head: "het College van B&W" is none
        words = _WORD.findall(text, start, m.start())
        if any(w not in _CAPITALISED_PARTICLES and _name_word(w) for w in words):
            yield Candidate("institution", start, m.end())
    for m in _COLLEGE_WORD_RE.finditer(text):
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
    return _deduce_list("locations/lst_street")


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
# A BSN after its label, also when the 11-test fails or it is written 1234.56.789:
# "BSN 123456782", "haar BSN, 2406.91.374", "burgerservicenummer is: 123 456 782".
_BSN_RE = re.compile(
    r"(?i)(?<!\w)(?:bsn|burgerservicenummer|sofinummer|sofi-nummer)(?:[ \t-]*(?:nummer|nr\.?))?"
    r"[ \t]*[,:]?[ \t]*(?:(?:is|was|luidt|luidde)[ \t]*:?[ \t]*)?"
    r"(\d{9}|\d{3}[ .]\d{3}[ .]\d{3}|\d{4}[ .]\d{2}[ .]\d{3})(?!\d)"
)
# Without a label, a BSN in the grouping of official letters ("2406.91.374",
# "123 456 782") counts only when it passes the 11-test (9 plain digits: deduce).
_BSN_GROUPED_RE = re.compile(
    r"(?<![\w.,€-])(\d{4}([ .])\d{2}\2\d{3}|[1-9]\d{2}([ .])\d{3}\3\d{3})(?!\w|[.,-]\d)"
)
_AMOUNT_AFTER = re.compile(r"(?i)[ \t]*(?:euro|eur|€|,-|procent|%)")
# Reference numbers after a word for them: "dossiernummer ... was 2023-0456-KB",
# "Zaaknummer C/10/645321", "CJIB-kenmerk 3300 0012 3456 7890", "Cliëntnummer 45-7781-03".
# The label is any word ending in nummer/nr/kenmerk/referentie; up to six words may
# sit between it and the number ("klantnummer bij Vattenfall was ...").
_REF_LABEL_RE = re.compile(r"(?i)(?:nummer|nr|kenmerk|referentie)s?\.?(?!\w)")
_LABEL_PREFIX_RE = re.compile(r"[\w'’-]*$")
_NOT_REF_LABELS = frozenset(
    """
    telefoon tel mobiel mobiele gsm fax huis kamer bus lijn pagina artikel hoofdstuk
    paragraaf versie editie sterren muziek lied
    """.split()
)
_REF_AFTER_LABEL_RE = re.compile(
    r"(?:[ \t]*:)?(?:[ \t]+[^\W\d_][\w'’-]*){0,6}?[ \t]*:?[ \t]*"
    r"(?<![\w/.-])(?=[A-Za-z0-9/.-]*\d)"
    r"([A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*(?:[ ]\d{2,6}(?:[-/.][A-Za-z0-9]+)*)*)"
    r"(?![\w/-])"
)
# 16 digits in blocks of four: a CJIB payment reference or a card number.
_SIXTEEN_DIGITS_RE = re.compile(r"(?<![\w.,-])\d{4}(?:[ ]\d{4}){3}(?![\w]|[.,-]\d)")
# "huisnummer 17" (after a postcode, the street is not needed to find the house)
_HOUSE_NUMBER_LABEL_RE = re.compile(
    r"(?i)(?<!\w)(?:huisnummer|huisnr\.?)[ \t]*:?[ \t]*"
    r"(\d{1,5}(?:[ \t]?[a-zA-Z](?!\w)|-\d{1,4})?)(?!\d)"
)


def _digits(s: str) -> int:
    return sum(ch.isdigit() for ch in s)


def passes_eleven_test(number: str) -> bool:
    """The BSN 11-test on the nine digits of ``number`` (separators ignored)."""
    digits = [int(ch) for ch in number if ch.isdigit()]
    if len(digits) != 9:
        return False
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0 and total > 0


def _references(text: str) -> Iterator[Candidate]:
    for label in _REF_LABEL_RE.finditer(text):
        before = text[max(0, label.start() - 40) : label.start()]
        prefix = _LABEL_PREFIX_RE.search(before).group(0)  # type: ignore[union-attr]
        if prefix.casefold().rstrip("-") in _NOT_REF_LABELS or prefix[:1].isdigit():
            continue
        m = _REF_AFTER_LABEL_RE.match(text, label.end())
        if not m:
            continue
        ref = m.group(1)
        if _digits(ref) < 4 or re.fullmatch(r"(?:19|20)\d{2}", ref):
            continue  # "nummer 12", "dossier uit 2019"
        if (
            _AMOUNT_AFTER.match(text, m.end(1))
            or text[max(0, m.start(1) - 2) : m.start(1)].strip() == "€"
        ):
            continue
        yield Candidate("number", m.start(1), m.end(1))
    for m in _SIXTEEN_DIGITS_RE.finditer(text):
        yield Candidate("number", m.start(), m.end())


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
    for m in _BSN_GROUPED_RE.finditer(text):
        if passes_eleven_test(m.group(1)) and not _AMOUNT_AFTER.match(text, m.end()):
            yield Candidate("bsn", m.start(1), m.end(1))
    yield from _references(text)
    for m in _HOUSE_NUMBER_LABEL_RE.finditer(text):
        yield Candidate("address", m.start(1), m.end(1))


# --------------------------------------------------------------------------- #
# Dates without a year, month and year, ages
# --------------------------------------------------------------------------- #

_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_WEEKDAYS = (
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    # abbreviated, as in agendas and letters: "di 7 maart", "wo 3/4"
    r"(?:ma|di|wo|do|vr|za|zo)\.?"
)
_DAY = r"(?:[1-9]|0[1-9]|[12]\d|3[01])"
# "dinsdag 4 april", "di 7 maart", "4 april", "4e april", "4 april 2023" (deduce
# needs the year).
_DATE_RE = re.compile(
    rf"(?i)(?<!\w)(?:(?:{_WEEKDAYS})[ \t]+)?"
    rf"{_DAY}(?:e|ste|de)?[ \t]+(?:{_MONTHS})(?:\.(?=[ \t]+\d))?"
    rf"(?:[ \t]+(?:19|20)\d{{2}})?(?!\w)"
)
# "mei 2020", "in maart '21", "sept. 2019": a month in a given year narrows an event
# down as much as a date. A month alone ("In mei deed ik ...") does not.
_MONTH_YEAR_RE = re.compile(
    rf"(?i)(?<![\w-])(?:{_alternation(tuple(_MONTHS.split('|')))})\.?[ \t]+"
    r"(?:(?:19|20)\d{2}|['’]\d{2})(?![\w-])"
)
# "wo 3/4", "dinsdag 4-4": a weekday makes a short numeric date unambiguous.
_WEEKDAY_NUMERIC_RE = re.compile(
    # not "zo"/"ma": "zo 3/4 van de huur" is a fraction
    r"(?i)(?<!\w)(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    rf"(?:di|wo|do|vr|za)\.?)[ \t]+{_DAY}[/-](?:0?[1-9]|1[0-2])(?:[/-](?:\d{{4}}|\d{{2}}))?"
    r"(?![\w/-])"
)

# Dutch number words 2-120 ("zeventien", "drieëntachtig", "honderd"); "een" is left
# out, it is mostly the article.
_UNITS = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
_TEENS = {
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
}
_TENS = {
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "zestig": 60,
    "zeventig": 70,
    "tachtig": 80,
    "negentig": 90,
    "honderd": 100,
}
_NUMBER_WORDS: dict[str, int] = {**_UNITS, **_TEENS, **_TENS}
for _unit, _unit_value in {"een": 1, "één": 1, **_UNITS}.items():
    for _ten, _ten_value in _TENS.items():
        if _ten != "honderd":
            for _joiner in ("en", "ën"):
                _NUMBER_WORDS[_unit + _joiner + _ten] = _unit_value + _ten_value
# "zestiende", "eenentwintigste", "derde", "achtste"
_ORDINAL_WORDS: dict[str, int] = {
    word + ("ste" if value >= 20 or word.endswith("acht") else "de"): value
    for word, value in _NUMBER_WORDS.items()
}
_ORDINAL_WORDS["derde"] = 3
_NUMBER_WORD = _alternation(tuple(_NUMBER_WORDS))
_ORDINAL_WORD = _alternation(tuple(_ORDINAL_WORDS))


def _number_value(word: str) -> int | None:
    """12 for "12" or "twaalf", 83 for "drieëntachtig", 16 for "zestiende"."""
    word = word.casefold()
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word, _ORDINAL_WORDS.get(word))


_AGE = rf"(\d{{1,3}}|{_NUMBER_WORD})"
# "Daan (15)", "mijn zoon (15 jaar)": only after a name or a word for a person,
# so "de schulden (3)" stays.
_AGE_BRACKET_RE = re.compile(
    r"(?<![\w'’-])([^\W\d_][\w'’-]*)[ \t]?\([ \t]*(\d{1,3})[ \t]*(?:jaar|jr\.?)?[ \t]*\)"
)
_PERSON_WORDS = frozenset(
    """
    zoon dochter broer zus zusje broertje moeder vader kind kindje jongen meisje man vrouw
    vriend vriendin neef nicht opa oma partner cliënt client cliënte buurman buurvrouw baby
    stiefzoon stiefdochter pleegzoon pleegdochter pleegkind ex tante oom
    """.split()
)
_PERSON_NOUN = (
    r"(?:zoon|dochter|kind|jongen|meisje|man|vrouw|broer|zus|neef|nicht|baby|moeder|vader|"
    r"opa|oma|tiener|puber|tante|oom|buurman|buurvrouw|cliënt|cliënte|client)(?:tje|je)?"
)
# "een 4-jarige opleiding", "een tweejarig traject": a duration, not an age.
_NOT_AGED_NOUNS = (
    r"(?![ \t]+(?:opleiding|cursus|traject|contract|periode|relatie|huwelijk|studie|training|"
    r"looptijd|termijn|schuld|regeling|project|programma|straf|gevangenisstraf|celstraf|"
    r"verblijf|jubileum|bestaan|dienstverband|samenwerking|ervaring|behandeling|therapie|"
    r"strijd|zoektocht|wachttijd|wachtlijst|garantie|huurcontract|opname)\b)"
)
# Adverbs between the verb and an age: "is nu 18", "ze is inmiddels 88", "is pas zeventien".
_AGE_ADVERB = r"(?:nu|pas|inmiddels|intussen|ondertussen|net|bijna|al|toen|toen al|ook|amper|ruim)"
# What may follow an age in "ze is 29 en ...": the end of the clause, a conjunction, or
# "jaar (oud)" at the end of the clause ("hij was 15 jaar verslaafd" is a duration).
_AGE_END = (
    r"(?=[ \t]*(?:[,.;:!?)]|$|(?:en|toen|nu|inmiddels|pas|maar|dus|want|geworden|geweest|"
    r"oud|jong)(?!\w)|jaar(?:[ \t]+(?:oud|jong))?[ \t]*(?:[,.;:!?)]|$|(?:en|toen|maar)(?!\w))))"
)
_AGE_RES = (
    # "15-jarige", "de 15 jarige", "15-jarig", "zeventienjarige" (deduce skips "de 15-jarige")
    re.compile(rf"(?i)(?<![\w,.]){_AGE}[ \t-]?jarige?(?!\w){_NOT_AGED_NOUNS}"),
    # "40 jaar oud", "zeventien jaar oud"
    re.compile(rf"(?i)(?<![\w,.]){_AGE}[ \t]+jaar[ \t]+oud(?!\w)"),
    # "op mijn 16e", "sinds haar 12de", "vanaf zijn 15e", "op mijn zestiende"
    re.compile(
        r"(?i)(?<!\w)(?:op|sinds|vanaf|voor|na|rond|tot)[ \t]+(?:mijn|zijn|haar|je|jouw|hun)[ \t]+"
        rf"(?:(\d{{1,2}})(?:e|de|ste)|({_ORDINAL_WORD}))(?!\w)"
    ),
    # "haar dochter van 14", "een vrouw van 45", "een jongen van zestien jaar"
    # (not "een schuld van 40 euro")
    re.compile(
        rf"(?i)(?<!\w){_PERSON_NOUN}[ \t]+van[ \t]+{_AGE}(?!\w|[.,]\d)"
        r"(?![ \t]*(?:euro|procent|%|kilo|kg|uur|minuten|dagen|weken|maanden|keer|cent))"
    ),
    # "ze is 29 en ...", "ik was 16, toen ...", "Selam is pas zeventien": a bare number
    # after a subject and is/ben/was
    re.compile(
        r"(?i)(?<!\w)(?:ik[ \t]+(?:ben|was|werd)"
        r"|(?:hij|zij|ze|je|jij|u)[ \t]+(?:is|was|werd|bent|wordt)"
        rf"|(?:(?-i:[A-Z][\w'’-]+)|{_PERSON_NOUN})[ \t]+(?:is|was|werd|wordt))"
        rf"(?:[ \t]+{_AGE_ADVERB})?[ \t]+{_AGE}{_AGE_END}"
    ),
    # "... en is nu 18.", "was inmiddels 88": with an adverb the subject may be left out
    re.compile(rf"(?i)(?<!\w)(?:is|ben|was|werd|wordt)[ \t]+{_AGE_ADVERB}[ \t]+{_AGE}{_AGE_END}"),
    # "toen ik 16 was", "toen mijn zoon 12 jaar werd", "toen ik zeventien was"
    re.compile(
        r"(?i)(?<!\w)toen[ \t]+(?:ik|hij|zij|ze|jij|je|mijn[ \t]+\w+)[ \t]+"
        rf"{_AGE}[ \t]+(?:jaar[ \t]+)?(?:was|werd)(?!\w)"
    ),
)
_PARENT_OF_RE = re.compile(r"(?i)(?:moeder|vader|opa|oma)[ \t]+van[ \t]+\S+(?![ \t]+jaar)")
# Subjects that are no person: "Het is 5 ...", "Dat was 12, ..."
_NOT_SUBJECTS = frozenset("het dat dit er wat die deze alles niets iets".split())


# Every age rule needs a number (digits or a word). The rules run only in windows
# around the numbers in the text, which keeps them cheap on long stories. The
# margins are wider than the context any rule looks at.
_AGE_NUMBER_RE = re.compile(
    rf"(?i)(?<!\w)(?:\d{{1,3}}|{_NUMBER_WORD}|{_ORDINAL_WORD})(?:e|de|ste)?(?=[\W\d_]|jarig|$)"
)
_WINDOW_BEFORE, _WINDOW_AFTER = 80, 60


def _age_windows(text: str) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for m in _AGE_NUMBER_RE.finditer(text):
        start, end = max(0, m.start() - _WINDOW_BEFORE), min(len(text), m.end() + _WINDOW_AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _dates_and_ages(text: str, name_spans: Sequence[tuple[int, int]]) -> Iterator[Candidate]:
    for regex in (_DATE_RE, _MONTH_YEAR_RE, _WEEKDAY_NUMERIC_RE):
        for m in regex.finditer(text):
            yield Candidate("date", m.start(), m.end())
    for m in _AGE_BRACKET_RE.finditer(text):
        # The word before the bracket must be a name found elsewhere ("Daan (15)")
        # or a word for a person ("zoon (15)"): "Kinderen (2)" is a count.
        after_name = any(s <= m.start(1) and m.end(1) <= e for s, e in name_spans)
        if (after_name or m.group(1).lower() in _PERSON_WORDS) and int(m.group(2)) <= 120:
            yield Candidate("age", m.start(2), m.end(2))
    windows = _age_windows(text)
    for regex in _AGE_RES:
        for m in (m for start, end in windows for m in regex.finditer(text, start, end)):
            group = next(g for g in range(1, (m.lastindex or 0) + 1) if m.group(g))
            first_word = m.group(0).split(None, 1)[0].casefold()
            if first_word in _NOT_SUBJECTS:
                continue
            value = _number_value(m.group(group))
            if value is not None and value < 15 and _PARENT_OF_RE.match(m.group(0)):
                continue  # "moeder van drie": her children, not her age
            if value is not None and 2 <= value <= 120:
                yield Candidate("age", m.start(group), m.end(group))


# --------------------------------------------------------------------------- #
# Names deduce does not know
# --------------------------------------------------------------------------- #


def _deduce_list(relative: str) -> frozenset[str]:
    """A lookup list shipped with deduce (items minus exceptions), without importing it."""
    spec = importlib.util.find_spec("deduce")
    if spec is None or spec.origin is None:  # pragma: no cover - deduce is a dependency
        return frozenset()
    folder = Path(spec.origin).parent / "data/lookup/src" / relative
    try:
        items = (folder / "items.txt").read_text(encoding="utf-8").splitlines()
    except OSError:  # pragma: no cover - a trimmed install
        return frozenset()
    try:
        exceptions = (folder / "exceptions.txt").read_text(encoding="utf-8").splitlines()
    except OSError:
        exceptions = []
    return frozenset(i.strip() for i in items if i.strip()) - {e.strip() for e in exceptions}


@cache
def _own_first_names() -> frozenset[str]:
    return frozenset(load_list("first_names"))


@cache
def first_names() -> frozenset[str]:
    """Given names: deduce's list (mostly Dutch) plus ``data/first_names.txt``."""
    return _deduce_list("names/lst_first_name") | _own_first_names()


# Dutch pet forms of a given name: "Kimmie" (Kim), "Jantje" (Jan), "Anneke" (Anne).
_DIMINUTIVES = ("tje", "pje", "kje", "mie", "pie", "je", "ke", "ie", "y")


def looks_like_first_name(word: str) -> bool:
    if word in first_names():
        return True
    for suffix in _DIMINUTIVES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 2:
            if stem in first_names():
                return True
            if len(stem) >= 3 and stem[-1] == stem[-2] and stem[:-1] in first_names():
                return True  # "Kimmie" -> "Kimm" -> "Kim"
    return False


_WORD_TOKEN_RE = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")
# Particles inside surnames of many origins: "Al-Khatib", "el Amrani", "Ait Bouchta",
# "bin Laden", "da Silva", "van der Laan".
_SURNAME_PARTICLES = _PARTICLES | frozenset(
    "el al ben bin ibn abu ait ould da di do dos das du la le von zu d'".split()
)
_SURNAME_WORD_RE = re.compile(
    r"(?:(?:al|el|ad|ar|as|at|az|ash|ben|bin|abu|ibn|ould|ait|o)['’-])?"
    r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*"
)


def _is_surname_word(word: str) -> bool:
    core = re.sub(r"^(?:al|el|ad|ar|as|at|az|ash|ben|bin|abu|ibn|ould|ait|o)['’-]", "", word)
    return _name_word(word) or (core != word and core[:1].isupper())


def extend_surname(text: str, end: int, blocked: Sequence[tuple[int, int]] = ()) -> int:
    """End offset after the surname that follows a first name ending at ``end``.

    Up to two capitalised words, with particles between ("Paweł Kowalczyk",
    "Rami Al-Khatib", "Khadija Ait Bouchta", "Hodan Abdi Warsame"). A word that
    starts another identifier in ``blocked`` (a place, an institution) stops it.
    """
    result = cursor = end
    taken = 0
    while taken < 2:
        gap = re.match(r"[ \t]", text[cursor : cursor + 1])
        if not gap:
            break
        m = _SURNAME_WORD_RE.match(text, cursor + 1)
        if not m:
            break
        word = _strip_sentence_period(m.group(0))
        word_end = m.start() + len(word)
        if any(s <= m.start() < e for s, e in blocked):
            break
        if word.casefold() in _SURNAME_PARTICLES and word[:1].islower():
            cursor = word_end  # kept only when a surname word follows
            continue
        if word in _CAPITALISED_PARTICLES:
            cursor = word_end
            continue
        if not _is_surname_word(word) or word.casefold() in _PERSON_WORDS:
            break
        result = cursor = word_end
        taken += 1
        if word != m.group(0):
            break  # the sentence ends here
    return result


# Where a nickname is introduced: "noemde hij zich 'Mister D'", "heet Bram",
# "haar roepnaam is Riet", "bekend als Kapitein".
_NICKNAME_CUE_RE = re.compile(
    r"(?i)(?<!\w)(?:(?:noemde|noemt|noemden|noemen|noem|kende|kenden|kent|kennen)[ \t]+"
    r"(?:(?:hij|zij|ze|ik|je|jij|we|wij|men|iedereen)[ \t]+)?"
    r"(?:zich(?:zelf)?|hem|haar|mij|me|mijzelf)(?:[ \t]+als)?|heet|heette|heten|genaamd|"
    r"bijnaam|roepnaam|koosnaam|straatnaam|artiestennaam|alias|bekend[ \t]+als)"
    r"(?:[ \t]+(?:is|was|werd))?(?:[ \t]+(?:altijd|gewoon|ook|vaak|steeds|nog|toen|eigenlijk|"
    r"alleen|liever))?[ \t]*:?[ \t]+"
)
_QUOTED_NAME_RE = re.compile(
    r"['‘’\"“”]([A-Z][\w'’.-]*(?:[ \t][A-Z0-9][\w'’.-]*){0,2})['’\"”](?!\w)"
)
# ... and after it: "Mister D, zo noemde hij zich", "'Lady K', zo heette ze op straat".
_NICKNAME_BEFORE_CUE_RE = re.compile(
    r"(?:['‘’\"“”]([A-Z][\w'’.-]*(?:[ \t][A-Z0-9][\w'’.-]*){0,2})['’\"”]"
    r"|(?<![\w'’-])([A-Z][\w'’.-]*(?:[ \t][A-Z0-9][\w'’.-]*){0,2}))"
    r",?[ \t]+(?i:zo[ \t]+(?:noemde|noemt|noemden|heette|heet))(?!\w)"
)
_BARE_NICKNAME_RE = re.compile(r"[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*){0,1}(?![\w'’-])")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:;\n\"'“”‘’(]|--|—)[ \t]*$")


def _is_sentence_start(text: str, pos: int) -> bool:
    return bool(_SENTENCE_START_BEFORE.search(text[max(0, pos - 4) : pos]))


def _names(text: str, name_spans: Sequence[tuple[int, int]]) -> Iterator[Candidate]:
    # Given names of origins deduce's list lacks. The engine adds the surname after
    # them (``extend_surname``) once it knows which words are places or organisations.
    own = _own_first_names()
    for m in _WORD_TOKEN_RE.finditer(text):
        if m.group(0) in own:
            yield Candidate("name", m.start(), m.end())
    # Nicknames after a cue, quoted or not.
    for cue in _NICKNAME_CUE_RE.finditer(text):
        m = _QUOTED_NAME_RE.match(text, cue.end()) or _BARE_NICKNAME_RE.match(text, cue.end())
        if m is None:
            continue
        group = 1 if m.re is _QUOTED_NAME_RE else 0
        words = [w.casefold() for w in m.group(group).split()]
        if words[0] in _STOP_CAPITALISED or all(w in _PERSON_WORDS for w in words):
            continue  # "noemde hem Opa"; but "noemde haar 'Tante Sien'" is a nickname
        yield Candidate("name", m.start(group), m.end(group))
    for m in _NICKNAME_BEFORE_CUE_RE.finditer(text):
        group = 1 if m.group(1) else 2
        if m.group(group).split()[0].casefold() not in _STOP_CAPITALISED:
            yield Candidate("name", m.start(group), m.end(group))
    # A quoted nickname right after or before a name: "Hendrika 'Riet' van der Laan".
    for m in _QUOTED_NAME_RE.finditer(text):
        before = text[: m.start()].rstrip(" \t")
        after_start = len(text) - len(text[m.end() :].lstrip(" \t"))
        next_to_name = any(e == len(before) or s == after_start for s, e in name_spans if e - s > 1)
        if next_to_name and m.group(1).split()[0].casefold() not in _STOP_CAPITALISED:
            yield Candidate("name", m.start(1), m.end(1))
    # A capitalised word right before an age in brackets: "Kimmie (19) zet ...". At
    # the start of a sentence every noun is capitalised ("Kinderen (2), schulden (5)"),
    # so there it must look like a given name.
    for m in _AGE_BRACKET_RE.finditer(text):
        word = m.group(1)
        if (
            not word[:1].isupper()
            or not _name_word(word)
            or word.casefold() in _PERSON_WORDS
            or int(m.group(2)) > 120
        ):
            continue
        if _is_sentence_start(text, m.start(1)) and not looks_like_first_name(word):
            continue
        yield Candidate("name", m.start(1), m.end(1))


def find_names(text: str, name_spans: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """Person names the rules find next to deduce's (``name_spans``)."""
    return list(_names(text, name_spans))


# --------------------------------------------------------------------------- #
# Words deduce takes for names that are none
# --------------------------------------------------------------------------- #


@cache
def _river_re() -> re.Pattern[str]:
    return re.compile(r"(?:de|het|'t|De|Het)[ \t]+(?:" + _alternation(load_list("rivers")) + ")")


@cache
def _flower_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_list("flowers"))


_LIST_JOINER = r"[ \t]*(?:,|;|/|&|\ben\b|\bof\b)[ \t]*"


@cache
def _sentence_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_list("sentence_words"))


def is_not_a_name(text: str, start: int, end: int) -> bool:
    """A name candidate that is a river ("langs de Maas"), a flower in a list of
    flowers ("Roos, tulp, zonnebloem") or an ordinary word opening a sentence
    ("Pas toen ...")."""
    original = text[start:end]
    if _river_re().fullmatch(original):
        return True
    if original.casefold() in _sentence_words() and _is_sentence_start(text, start):
        return True
    if original.casefold() not in _flower_words():
        return False
    flowers = _flower_words()
    after = re.match(_LIST_JOINER + r"([^\W\d_]+)", text[end : end + 40])
    before = re.search(r"([^\W\d_]+)" + _LIST_JOINER + r"$", text[max(0, start - 40) : start])
    return any(
        m is not None and m.group(1).islower() and m.group(1) in flowers for m in (after, before)
    )


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
