"""Integrity of the seed vocabulary file, read directly (no database)."""

import copy
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from wijkennis.demo.content import concept_slugs_used

SEED_FILE = Path(__file__).resolve().parents[1] / "data" / "concepts.json"
KEYS = {
    "slug",
    "scheme",
    "pref_label",
    "definition",
    "source",
    "status",
    "broader",
    "related",
    "alt_labels",
    "matches",
}
SCHEMES = {
    "levensgebied",
    "sleutelsituatie",
    "rol",
    "methodiek",
    "sector",
    "procesniveau",
    "ondersteuningsvorm",
}
LABEL_KINDS = {"lekentaal", "beleidstaal", "afkorting", "verborgen"}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MATCH_URI = re.compile(
    r"https://nl\.wikipedia\.org/wiki/\S+|https?://www\.wikidata\.org/(?:entity|wiki)/Q\d+"
)


@pytest.fixture(scope="module")
def concepts() -> list[dict]:
    return json.loads(SEED_FILE.read_text(encoding="utf-8"))


def fold(label: str) -> str:
    """Lowercase without diacritics: how labels are compared."""
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def problems(concepts: list[dict]) -> list[str]:
    """Everything wrong with a list of seed concepts; empty when the file is sound."""
    found = []
    slug_counts = Counter(c.get("slug") for c in concepts)
    by_slug = {c.get("slug"): c for c in concepts}
    label_owner: dict[str, str] = {}
    for c in concepts:
        slug = c.get("slug")
        if set(c) != KEYS:
            found.append(f"{slug}: wrong keys {sorted(set(c) ^ KEYS)}")
            continue
        if not isinstance(slug, str) or not SLUG.fullmatch(slug):
            found.append(f"{slug}: malformed slug")
        if slug_counts[slug] > 1:
            found.append(f"{slug}: duplicate slug")
        if c["scheme"] not in SCHEMES:
            found.append(f"{slug}: unknown scheme {c['scheme']}")
        if c["status"] != "actief":
            found.append(f"{slug}: status {c['status']}")
        for field in ("pref_label", "definition", "source"):
            if not c[field].strip() or c[field] != c[field].strip():
                found.append(f"{slug}: empty or untrimmed {field}")
        for alt in c["alt_labels"]:
            if set(alt) != {"label", "kind"} or alt["kind"] not in LABEL_KINDS:
                found.append(f"{slug}: bad alt label {alt}")
            elif not alt["label"].strip() or alt["label"] != alt["label"].strip():
                found.append(f"{slug}: empty or untrimmed alt label {alt['label']!r}")
        folded = [fold(c["pref_label"])] + [fold(a.get("label", "")) for a in c["alt_labels"]]
        if len(set(folded)) < len(folded):
            found.append(f"{slug}: label repeats another label of the concept")
        for label in set(folded):
            owner = label_owner.setdefault(label, slug)
            if owner != slug:
                found.append(f"{slug}: label {label!r} also on {owner}")
        kinds = {a.get("kind") for a in c["alt_labels"]}
        if kinds & {"beleidstaal", "afkorting"} and "lekentaal" not in kinds:
            found.append(f"{slug}: policy label without lekentaal")
        broader = c["broader"]
        if broader is not None and broader not in by_slug:
            found.append(f"{slug}: unknown broader {broader}")
        elif broader is not None and by_slug[broader].get("scheme") != c["scheme"]:
            found.append(f"{slug}: broader {broader} in another scheme")
        for other in c["related"]:
            if other not in by_slug:
                found.append(f"{slug}: unknown related {other}")
            elif other == slug:
                found.append(f"{slug}: related to itself")
            elif broader == other or by_slug[other].get("broader") == slug:
                found.append(f"{slug}: related to its broader or narrower {other}")
        for m in c["matches"]:
            if set(m) != {"kind", "uri"} or m["kind"] not in {"exact", "close"}:
                found.append(f"{slug}: bad match {m}")
            elif not MATCH_URI.fullmatch(m["uri"]):
                found.append(f"{slug}: match outside nl.wikipedia/wikidata {m['uri']}")
    for slug in by_slug:
        seen, current = {slug}, by_slug[slug].get("broader")
        while current in by_slug:
            if current in seen:
                found.append(f"{slug}: broader cycle")
                break
            seen.add(current)
            current = by_slug[current].get("broader")
    return found


def test_seed_file_is_consistent(concepts):
    assert problems(concepts) == []


def test_seed_file_is_formatted(concepts):
    text = SEED_FILE.read_text(encoding="utf-8")
    assert text == json.dumps(concepts, ensure_ascii=False, indent=2) + "\n"


def test_counts(concepts):
    schemes = Counter(c["scheme"] for c in concepts)
    kinds = Counter(a["kind"] for c in concepts for a in c["alt_labels"])
    assert set(schemes) == SCHEMES
    assert len(concepts) >= 170
    assert kinds.total() >= 420
    assert kinds.total() - kinds["verborgen"] >= 380
    assert kinds["verborgen"] >= 40
    assert schemes["ondersteuningsvorm"] >= 10
    processes = {c["slug"] for c in concepts if c["scheme"] == "procesniveau"}
    assert {"primair-proces", "secundair-proces", "tertiair-proces"} <= processes


def test_slugs_used_by_the_demo_exist(concepts):
    assert concept_slugs_used() - {c["slug"] for c in concepts} == set()


def _concept(concepts, slug):
    return next(c for c in concepts if c["slug"] == slug)


def _alt(label, kind="lekentaal"):
    return {"label": label, "kind": kind}


# (what breaks, a change to a copy of the file, a fragment of the problem it must cause)
BREAKAGES = [
    ("missing key", lambda cs: _concept(cs, "schulden").pop("matches"), "wrong keys"),
    ("unknown scheme", lambda cs: _concept(cs, "schulden").update(scheme="thema"), "scheme"),
    ("bad slug", lambda cs: _concept(cs, "armoede").update(slug="Armoede_2"), "malformed"),
    ("duplicate slug", lambda cs: _concept(cs, "armoede").update(slug="schulden"), "duplicate"),
    ("no definition", lambda cs: _concept(cs, "schulden").update(definition=" "), "definition"),
    (
        "pref label twice",
        lambda cs: _concept(cs, "armoede").update(pref_label="SCHULDEN"),
        "also on",
    ),
    (
        "label twice, diacritics aside",
        lambda cs: _concept(cs, "schulden")["alt_labels"].append(
            _alt("coordinator ervaringsdeskundigheid")
        ),
        "also on",
    ),
    (
        "alt repeats pref",
        lambda cs: _concept(cs, "schulden")["alt_labels"].append(_alt("Schulden")),
        "repeats",
    ),
    (
        "unknown label kind",
        lambda cs: _concept(cs, "schulden")["alt_labels"].append(_alt("x-y", "jargon")),
        "bad alt label",
    ),
    (
        "policy word without everyday word",
        lambda cs: _concept(cs, "beslagvrije-voet").update(
            alt_labels=[_alt("beslagvrije voet", "beleidstaal")]
        ),
        "without lekentaal",
    ),
    ("unknown broader", lambda cs: _concept(cs, "schulden").update(broader="nope"), "unknown"),
    (
        "broader in other scheme",
        lambda cs: _concept(cs, "schulden").update(broader="gemeente"),
        "another scheme",
    ),
    (
        "broader cycle",
        lambda cs: _concept(cs, "armoede").update(broader="generatiearmoede"),
        "cycle",
    ),
    (
        "related to itself",
        lambda cs: _concept(cs, "schulden")["related"].append("schulden"),
        "itself",
    ),
    (
        "related to broader",
        lambda cs: _concept(cs, "alcoholverslaving")["related"].append("verslaving"),
        "broader or narrower",
    ),
    (
        "related to narrower",
        lambda cs: _concept(cs, "verslaving")["related"].append("gokverslaving"),
        "broader or narrower",
    ),
    ("unknown related", lambda cs: _concept(cs, "schulden")["related"].append("nope"), "unknown"),
    (
        "invented match",
        lambda cs: _concept(cs, "schulden")["matches"].append(
            {"kind": "close", "uri": "https://example.org/schulden"}
        ),
        "match outside",
    ),
    (
        "bad match kind",
        lambda cs: _concept(cs, "schulden")["matches"].append(
            {"kind": "broad", "uri": "https://nl.wikipedia.org/wiki/Schuld"}
        ),
        "bad match",
    ),
]


@pytest.mark.parametrize(
    ("change", "expected"), [b[1:] for b in BREAKAGES], ids=[b[0] for b in BREAKAGES]
)
def test_a_broken_file_is_caught(concepts, change, expected):
    broken = copy.deepcopy(concepts)
    change(broken)
    assert any(expected in problem for problem in problems(broken)), problems(broken)
