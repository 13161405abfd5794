"""De-identification of Dutch experience stories: the public interface.

Pipeline: deduce (names, places, numbers, care institutions) + our own rules for
the social domain (``rules.py``: names of other origins, nicknames, organisations,
neighbourhoods, reference numbers, ages and dates) + the names the system itself
knows. The candidate spans are merged, person names get consistent numbered
placeholders, and the author reviews the result before anything is published.

Privacy rule of the project: this module never logs the text or any span's
original; only counts and timings.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import re
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from .rules import (
    Candidate,
    extend_surname,
    find_candidates,
    find_names,
    first_names,
    is_not_a_name,
    load_list,
)

if TYPE_CHECKING:  # importing deduce costs ~1 s and configures logging; keep it lazy
    import deduce

logger = logging.getLogger(__name__)

__all__ = [
    "KINDS",
    "PLACEHOLDERS",
    "KnownName",
    "Result",
    "Span",
    "cache_dir",
    "deidentify",
    "get_deducer",
    "placeholder",
    "render",
    "warm_up",
]

KINDS = (
    "name",
    "place",
    "address",
    "postcode",
    "phone",
    "email",
    "bsn",
    "number",
    "iban",
    "date",
    "age",
    "institution",
    "url",
)

# Dutch placeholders shown to readers; names get a number ("[naam 1]").
PLACEHOLDERS: dict[str, str] = {
    "name": "[naam]",
    "place": "[plaats]",
    "address": "[adres]",
    "postcode": "[postcode]",
    "phone": "[telefoonnummer]",
    "email": "[e-mailadres]",
    "bsn": "[BSN]",
    "number": "[nummer]",
    "iban": "[IBAN]",
    "date": "[datum]",
    "age": "[leeftijd]",
    "institution": "[instelling]",
    "url": "[website]",
}

SOURCES = ("deduce", "rule", "system")


@dataclass(frozen=True)
class Span:
    kind: str  # one of KINDS
    start: int  # offsets into the input text
    end: int
    original: str
    replacement: str  # Dutch placeholder shown to readers, e.g. "[naam 1]"
    source: str  # "deduce" | "rule" | "system"


@dataclass(frozen=True)
class KnownName:
    """A name the system itself knows (users, organisations, teams)."""

    text: str
    kind: str  # "name" or "institution"


@dataclass(frozen=True)
class Result:
    text: str  # the de-identified text
    spans: list[Span]  # sorted, non-overlapping


def placeholder(kind: str, number: int | None = None) -> str:
    """The reader-facing placeholder for ``kind`` ("[naam 2]" when numbered)."""
    if kind not in PLACEHOLDERS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {KINDS}")
    if kind == "name" and number is not None:
        return f"[naam {number}]"
    return PLACEHOLDERS[kind]


# --------------------------------------------------------------------------- #
# Deduce: one instance per process, loaded lazily
# --------------------------------------------------------------------------- #

_deducer: deduce.Deduce | None = None
_deducer_lock = threading.Lock()

# Processors we skip: we resolve overlaps, merge and redact ourselves, together
# with our own rules. Deduce's adjacent-merge would glue "3511 AB" to "Utrecht"
# into one location, and its overlap resolver throws away the place inside a
# false name ("aan de rand van Deventer") before we can see it.
_DEDUCE_DISABLED = frozenset({"overlap_resolver", "merge_adjacent_annotations", "redactor"})

# Errors a truncated or foreign pickle cache can raise; we rebuild on them.
_CACHE_ERRORS = (
    pickle.UnpicklingError,
    EOFError,
    ValueError,
    KeyError,
    AttributeError,
    ImportError,
    IndexError,
    TypeError,
)


def cache_dir() -> Path:
    """Where deduce's lookup cache (~83 MB) lives.

    ``settings.DEDUCE_CACHE_DIR`` when Django settings are available, else the
    environment variable ``WIJKENNIS_DEDUCE_CACHE``, else ``<repo>/var/cache/deduce``.
    """
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        configured = getattr(settings, "DEDUCE_CACHE_DIR", None)
    except ImproperlyConfigured:  # used outside Django (scripts, plain pytest)
        configured = None
    if configured:
        return Path(configured)
    if os.environ.get("WIJKENNIS_DEDUCE_CACHE"):
        return Path(os.environ["WIJKENNIS_DEDUCE_CACHE"])
    return Path(__file__).resolve().parents[2] / "var" / "cache" / "deduce"


def _import_deduce() -> ModuleType:
    """Import deduce without its side effect on logging.

    deduce 3.0.6 calls ``logging.basicConfig(stream=sys.stdout, level=DEBUG)`` at
    import time, which would send every library's debug output to stdout (and
    into the CLI's JSON output). Undo exactly what it added.
    """
    root = logging.getLogger()
    handlers_before = list(root.handlers)
    level_before = root.level
    import deduce as deduce_module

    for handler in list(root.handlers):
        if handler not in handlers_before:
            root.removeHandler(handler)
    root.setLevel(level_before)
    return deduce_module


def _load_deducer() -> deduce.Deduce:
    deduce_module = _import_deduce()
    path = cache_dir()
    path.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        deducer = deduce_module.Deduce(cache_path=path)
    except _CACHE_ERRORS:
        # A half-written cache (an interrupted first build) fails to unpickle:
        # rebuild it. Without a cache file the error is something else: raise it.
        if not (path / "cache" / "lookup_structs.pickle").exists():
            raise
        logger.warning("deduce cache in %s is unreadable; rebuilding (~1-2 min)", path)
        deducer = deduce_module.Deduce(cache_path=path, build_lookup_structs=True)
    # Move the ~1 GB of lookup structures out of the garbage collector's sight:
    # otherwise every full collection walks them, and exit takes ~9 s.
    gc.freeze()
    logger.info("deduce loaded in %.1f s (cache: %s)", time.perf_counter() - started, path)
    return deducer


def get_deducer() -> deduce.Deduce:
    """The process-wide Deduce instance, built on first use (thread-safe)."""
    global _deducer
    if _deducer is None:
        with _deducer_lock:
            if _deducer is None:  # another thread may have won the race
                _deducer = _load_deducer()
    return _deducer


def warm_up() -> None:
    """Build or load deduce's cache and run one tiny text through everything.

    Called by ``make``/``manage.py deidentify --warm`` at install time, so the
    first real request does not pay the ~1-2 minute build.
    """
    deidentify("Op 4 april sprak Jan de Vries met Buurtteam Overvecht.")


# --------------------------------------------------------------------------- #
# Candidates from deduce and from known names
# --------------------------------------------------------------------------- #

_DEDUCE_TAG_KINDS = {
    "persoon": "name",
    "patient": "name",
    "ziekenhuis": "institution",
    "zorginstelling": "institution",
    "datum": "date",
    "leeftijd": "age",
    "bsn": "bsn",
    # 7+ digit numbers that fail the BSN 11-test (client, dossier, account numbers).
    # Internal kind "id": it loses every tie (a phone number is more specific) and
    # is reported as a generic "number".
    "id": "id",
    "telefoonnummer": "phone",
    "emailadres": "email",
    "url": "url",
}
_POSTCODE_ONLY = re.compile(r"[1-9]\d{3}\s?[A-Za-z]{2}")
_STREETISH = re.compile(
    r"(?i)(straat|laan|weg|plein|gracht|kade|singel|dreef|hof|pad|steeg|dijk|markt|park|"
    r"plantsoen|baan|wal|boulevard|allee|postbus)\b"
)


def _location_kind(original: str) -> str:
    # Deduce tags places, streets with numbers, postcodes and PO boxes all "locatie".
    if _POSTCODE_ONLY.fullmatch(original.strip()):
        return "postcode"
    if any(ch.isdigit() for ch in original) or _STREETISH.search(original):
        return "address"
    return "place"


def _deduce_candidates(text: str) -> list[Candidate]:
    doc = get_deducer().deidentify(text, disabled=set(_DEDUCE_DISABLED))
    found: list[Candidate] = []
    for annotation in doc.annotations:
        tag = annotation.tag
        if tag == "locatie":
            kind = _location_kind(annotation.text)
        elif tag in _DEDUCE_TAG_KINDS:
            kind = _DEDUCE_TAG_KINDS[tag]
        elif "straat" in tag or "huisnummer" in tag:
            kind = "address"
        else:
            # An unmapped composite tag from deduce's name pipeline: keep it hidden.
            kind = "name"
        if kind == "age" and _is_duration(text, annotation.start_char, annotation.end_char):
            continue
        found.append(Candidate(kind, annotation.start_char, annotation.end_char, "deduce"))
    return found


# "Ik heb 15 jaar gedronken", "al ruim 20 jaar op straat": a duration, not an age.
# Deduce's own pseudo-word lists are medical ("gerookt", "gestopt").
_DURATION_BEFORE = re.compile(
    r"(?i)(?:\b(?:heb|had|hebben|hadden|ruim|bijna|zo'n|circa|ca\.|ongeveer|afgelopen|laatste|"
    r"eerste|jarenlang|meer dan|minder dan|al|nog|sinds|na|over|binnen|gedurende))\s+$"
)
_DURATION_AFTER = re.compile(
    r"(?i)^\s*(?:jaar|jr\.?)\s+(?:ge\w+(?:d|t|en)|lang|geleden|later|eerder|daarvoor|daarna|"
    r"op straat|in de|bij|met|zonder|schulden|schuld|verslaafd|dakloos|clean|nuchter|droog)\b"
)


def _is_duration(text: str, start: int, end: int) -> bool:
    return bool(
        _DURATION_BEFORE.search(text[max(0, start - 20) : start])
        or _DURATION_AFTER.match(text[end : end + 30])
    )


# Prepositions deduce's interfix list lets into a name ("Marco de Jong bij de
# Kredietbank", "Elif in het Sophia ..."). We cut there when the rest of the name
# is something else we found (an institution, a place).
_NAME_CUT = re.compile(
    r"\s+(?:bij|in|op|aan|uit|tot|met|naar|voor|onder|over|tegen|door)"
    r"(?:\s+(?:de|den|der|het|'t))?\s+"
)
# "Roos van het Leger des Heils": "van" is a surname particle too ("Jan van der
# Berg"), so the name is cut there only when an organisation starts right after it.
_NAME_CUT_BEFORE_INSTITUTION = re.compile(r"\s+van(?:\s+(?:de|den|der|het|'t))?\s+")
_LEADING_PARTICLE = re.compile(
    r"(?:(?:van|aan|in|uit|op|bij)\s+)?(?:de|der|den|het|'t)\s+|(?:van|aan|in|uit|op|bij)\s+"
)
_TRAILING_JUNK = re.compile(r"(?:[\s,;:]+|\s+(?:van|de|der|den|het|'t|in|op|bij|aan|uit))+$")


_FIRST_WORD = re.compile(r"([^\W\d_]+)\s+")
_NOT_NAME_STARTS = frozenset(
    """
    bel belde vraag vroeg zeg zei stuur mail app appte geef gaf laat help neem ga kom zie
    bedank groet hoi hallo beste lieve dank en maar want dus toen daarna ook samen met
    volgens via zonder zoals
    """.split()
)


def _repair_names(text: str, candidates: list[Candidate]) -> list[Candidate]:
    others = [c for c in candidates if c.kind != "name"]

    def covered(pos: int) -> bool:
        return any(o.start <= pos < o.end for o in others)

    repaired: list[Candidate] = []
    for c in candidates:
        if c.kind != "name" or c.source != "deduce":
            repaired.append(c)
            continue
        start, end = c.start, c.end
        # "rand van Deventer", "aan de Heuvel 12": a lowercase particle followed by a
        # place or street we found is no surname.
        lead = _LEADING_PARTICLE.match(text, start, end)
        if lead and any(o.start == lead.end() for o in others):
            continue
        # "Bel Fatima ...", "Vraag Jan ...": deduce glues a sentence-initial verb to
        # the name after it.
        first = _FIRST_WORD.match(text, start, end)
        if first and first.group(1).casefold() in _NOT_NAME_STARTS and first.end() < end:
            start = first.end()
        for cut in _NAME_CUT.finditer(text, start, end):
            if covered(cut.end()):
                end = cut.start()
                break
        for cut in _NAME_CUT_BEFORE_INSTITUTION.finditer(text, start, end):
            if any(o.kind == "institution" and o.start == cut.end() for o in others):
                end = cut.start()
                break
        trailing = _TRAILING_JUNK.search(text, start, end)
        if trailing:
            end = trailing.start()
        # "langs de Maas", "Roos, tulp, zonnebloem": a river or a flower, no person.
        if end > start and not is_not_a_name(text, start, end):
            repaired.append(Candidate("name", start, end, c.source))
    return repaired


_LAST_WORD = re.compile(r"[^\W\d_][\w'’-]*$")


def _extend_surnames(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A capitalised word after a given name is its surname: "Rami Al-Khatib",
    "Tesfay Gebremedhin" (deduce stops at short or hyphenated surname parts and
    at surnames that are also common words)."""
    blocked = [(c.start, c.end) for c in candidates if c.kind != "name"]
    names = first_names()
    out: list[Candidate] = []
    for c in candidates:
        if c.kind == "name" and c.source != "system":
            last = _LAST_WORD.search(text, c.start, c.end)
            if last and last.group(0) in names:
                end = extend_surname(text, c.end, blocked)
                if end > c.end:
                    c = Candidate("name", c.start, end, c.source)
        out.append(c)
    return out


def _known_name_candidates(text: str, known_names: Iterable[KnownName]) -> list[Candidate]:
    found: list[Candidate] = []
    for known in known_names:
        needle = known.text.strip()
        if not needle:
            continue
        if known.kind not in ("name", "institution"):
            raise ValueError(f"KnownName.kind must be 'name' or 'institution', got {known.kind!r}")
        # Exact, case-sensitive, on word boundaries: "Jan" must not hit "Janssen".
        for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text):
            found.append(Candidate(known.kind, m.start(), m.end(), "system"))
    return found


# --------------------------------------------------------------------------- #
# Merging and numbering
# --------------------------------------------------------------------------- #

# Tie-break on equal length: the more specific kind wins (lower index).
_SPECIFICITY = (
    "email",
    "iban",
    "bsn",
    "phone",
    "url",
    "postcode",
    "date",
    "age",
    "number",  # a reference after its label ("dossiernummer ...")
    "address",
    "institution",
    "place",  # "Den Haag" is found as a place and (wrongly) as a name
    "name",
    "id",
)
_SOURCE_PREFERENCE = ("system", "rule", "deduce")


def _generic_terms() -> frozenset[str]:
    return frozenset(t.casefold() for t in load_list("generic_terms"))


def _drop_generic(text: str, candidates: list[Candidate]) -> list[Candidate]:
    generic = _generic_terms()
    kept = []
    for c in candidates:
        if c.end <= c.start or not text[c.start : c.end].strip():
            continue
        # "Jeugdzorg", "gemeente", "wijkteam" alone identify nobody. Known names
        # are deliberate, so they are never dropped.
        if c.source != "system" and text[c.start : c.end].strip().casefold() in generic:
            continue
        kept.append(c)
    return kept


def _winner(cluster: list[Candidate]) -> Candidate:
    return min(
        cluster,
        key=lambda c: (
            -(c.end - c.start),
            _SPECIFICITY.index(c.kind),
            _SOURCE_PREFERENCE.index(c.source),
        ),
    )


def _merge(candidates: list[Candidate]) -> list[Candidate]:
    """Resolve overlaps: longest wins, then the more specific kind.

    The merged span covers the union of the overlapping candidates, so a partial
    overlap never leaves part of an identifier in the clear.
    """
    merged: list[Candidate] = []
    cluster: list[Candidate] = []
    cluster_end = -1
    for c in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if cluster and c.start < cluster_end:
            cluster.append(c)
            cluster_end = max(cluster_end, c.end)
            continue
        if cluster:
            merged.append(_close(cluster))
        cluster, cluster_end = [c], c.end
    if cluster:
        merged.append(_close(cluster))
    return merged


def _close(cluster: list[Candidate]) -> Candidate:
    win = _winner(cluster)
    kind = "number" if win.kind == "id" else win.kind
    return Candidate(kind, min(c.start for c in cluster), max(c.end for c in cluster), win.source)


# What may sit between two name parts of one person: a space, a hyphen, an initial's
# period, or a short hyphenated particle ("Tjon-A-Fong").
_NAME_JOINER = re.compile(r"[ \t]?[.-]?[ \t]?|-[A-Za-z]{1,3}-")


def _join_names(text: str, spans: list[Candidate]) -> list[Candidate]:
    # Deduce may return "Jan" and "de Vries" separately: one person, one placeholder.
    out: list[Candidate] = []
    for c in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "name"
            and c.kind == "name"
            and _NAME_JOINER.fullmatch(text[prev.end : c.start])
        ):
            out[-1] = Candidate("name", prev.start, c.end, prev.source)
        else:
            out.append(c)
    return out


# Titles and particles do not identify a person: "mevrouw Bakker" = "Bakker".
_TITLES = frozenset(
    "mevrouw mevr mw meneer mnr dhr heer de van der den het ten ter dokter dr juf meester "
    "mr ir drs ing prof zuster broeder".split()
)


def _name_key(original: str) -> tuple[str, ...]:
    tokens = re.findall(r"[^\W\d_][\w'’-]*", original.casefold())
    key = tuple(t for t in tokens if t not in _TITLES)
    return key or tuple(tokens) or (original.casefold(),)


def _name_numbers(originals: list[str]) -> dict[tuple[str, ...], int]:
    """Number persons by first appearance; the same person gets the same number.

    Equal names (ignoring case and titles) are one person. A shorter form
    ("Fatima") joins a fuller one ("Fatima el Amrani") when exactly one fuller name
    in the text contains all its words; if two would fit ("Jan de Vries", "Jan
    Bakker") the short form gets its own number rather than a wrong guess.
    """
    keys: list[tuple[str, ...]] = []
    for original in originals:
        key = _name_key(original)
        if key not in keys:
            keys.append(key)
    owner: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key in keys:
        fuller = [k for k in keys if len(k) > len(key) and set(key) <= set(k)]
        owner[key] = fuller[0] if len(fuller) == 1 else key
    for _ in keys:  # resolve chains: "Jan" -> "Jan Bakker" -> "Jan Bakker Smit"
        owner = {k: owner[v] for k, v in owner.items()}
    numbers: dict[tuple[str, ...], int] = {}
    group_numbers: dict[tuple[str, ...], int] = {}
    for original in originals:  # first appearance decides the number
        key = _name_key(original)
        group = owner[key]
        if group not in group_numbers:
            group_numbers[group] = len(group_numbers) + 1
        numbers[key] = group_numbers[group]
    return numbers


def _to_spans(text: str, merged: list[Candidate]) -> list[Span]:
    name_originals = [text[c.start : c.end] for c in merged if c.kind == "name"]
    numbers = _name_numbers(name_originals)
    spans = []
    for c in merged:
        original = text[c.start : c.end]
        number = numbers[_name_key(original)] if c.kind == "name" else None
        spans.append(Span(c.kind, c.start, c.end, original, placeholder(c.kind, number), c.source))
    return spans


# --------------------------------------------------------------------------- #
# Public functions
# --------------------------------------------------------------------------- #


def deidentify(text: str, known_names: Iterable[KnownName] = ()) -> Result:
    """Find the direct identifiers in ``text`` and replace them with placeholders.

    The result is a proposal: the author reviews and edits the spans, and
    ``render`` applies the edited list.
    """
    if not text.strip():
        return Result(text=text, spans=[])
    started = time.perf_counter()
    candidates = _deduce_candidates(text) + _known_name_candidates(text, known_names)
    name_spans = [(c.start, c.end) for c in candidates if c.kind == "name"]
    candidates += find_names(text, name_spans)
    name_spans = [(c.start, c.end) for c in candidates if c.kind == "name"]
    candidates += find_candidates(text, name_spans)
    candidates = _repair_names(text, _drop_generic(text, candidates))
    candidates = _extend_surnames(text, candidates)
    merged = _join_names(text, _merge(candidates))
    spans = _to_spans(text, merged)
    logger.debug(
        "deidentified %d chars: %d spans in %.0f ms",
        len(text),
        len(spans),
        (time.perf_counter() - started) * 1000,
    )
    return Result(text=render(text, spans), spans=spans)


def render(text: str, spans: Sequence[Span]) -> str:
    """Apply the spans' replacements to ``text`` (after an author edited them).

    Raises ``ValueError`` when spans overlap, fall outside the text, or no longer
    match it (their ``original`` differs from the text at their offsets), so stale
    spans can never silently leave an identifier in place.
    """
    parts: list[str] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if not 0 <= span.start <= span.end <= len(text):
            raise ValueError(f"span {span.start}-{span.end} lies outside the text")
        if span.start < cursor:
            raise ValueError(f"span {span.start}-{span.end} overlaps the previous span")
        if text[span.start : span.end] != span.original:
            # Offsets only in the message: the original itself must not be logged.
            raise ValueError(f"span {span.start}-{span.end} does not match the text")
        parts.append(text[cursor : span.start])
        parts.append(span.replacement)
        cursor = span.end
    parts.append(text[cursor:])
    return "".join(parts)
