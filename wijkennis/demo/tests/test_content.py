"""The fictional demo content and the seed vocabulary (plain pytest, no database)."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from wijkennis.demo.content import (
    FICTIONAL_MUNICIPALITY,
    FICTIONAL_ORGANISATIONS,
    FICTIONAL_PEOPLE,
    FICTIONAL_REGION,
    FICTIONAL_STREETS,
    VISIBILITIES,
    concept_slugs_used,
    generate_story,
)

CONCEPTS_FILE = Path(__file__).resolve().parents[2] / "vocabulary" / "data" / "concepts.json"
LABEL_KINDS = {"lekentaal", "beleidstaal", "afkorting"}
ORG_KINDS = {
    "gemeente",
    "sociaal_werk",
    "maatschappelijke_opvang",
    "schuldhulp",
    "ggz",
    "verslavingszorg",
    "onderzoek",
}
# People named in the source texts; they must never appear in demo data.
REAL_NAMES = (
    "Braams",
    "Voortman",
    "Keuzenkamp",
    "Hoorn",
    "Meulen",
    "Yperen",
    "Bluijs",
    "Erp",
    "Marijke",
    "Cynthia",
    "Rob",
    "Saskia",
    "Margit",
    "Janny",
    "Martin",
    "Linda",
    "Habermas",
)
EURO_AMOUNT = re.compile(r"€ \d{1,3}(?:\.\d{3})?")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?]')\s+")


@pytest.fixture(scope="module")
def concepts() -> list[dict]:
    return json.loads(CONCEPTS_FILE.read_text(encoding="utf-8"))


def _stories(n: int, seed: int, with_identifiers: bool, **kwargs) -> list[dict]:
    rng = random.Random(seed)
    return [generate_story(rng, with_identifiers, **kwargs) for _ in range(n)]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w'-]+", text))


# ------------------------------------------------------------------ concepts.json
def test_concepts_cover_the_source_texts(concepts):
    slugs = {c["slug"] for c in concepts}
    for slug in (
        "bron-van-hoop",
        "brug-systeemwereld-leefwereld",
        "gids-collectieve-ervaringskennis",
        "schoenendoos-ongeopende-post",
        "brief-van-de-deurwaarder",
        "uitval-uit-schuldentraject",
        "primair-proces",
        "secundair-proces",
        "tertiair-proces",
        "kwartiermaker",
        "presentie",
        "twaalf-stappen",
        "stress-sensitief-werken",
        "motiverende-gespreksvoering",
    ):
        assert slug in slugs
    labels = {a["label"] for c in concepts for a in c["alt_labels"]}
    for label in (
        "beslagvrije voet",
        "WSNP",
        "Wmo-indicatie",
        "toeslagen",
        "incasso",
        "rood staan",
    ):
        assert label in labels


# ------------------------------------------------------------------ fictional world
def test_fictional_world():
    assert FICTIONAL_MUNICIPALITY["name"] == f"Gemeente {FICTIONAL_MUNICIPALITY['city']}"
    assert 4 <= len(FICTIONAL_ORGANISATIONS) <= 6
    for org in FICTIONAL_ORGANISATIONS:
        assert org["kind"] in ORG_KINDS and org["name"] and org["teams"]
    kinds = [org["kind"] for org in FICTIONAL_ORGANISATIONS]
    assert "onderzoek" in kinds and "gemeente" in kinds
    elsewhere = [o for o in FICTIONAL_ORGANISATIONS if o["city"] != FICTIONAL_MUNICIPALITY["city"]]
    assert [o["city"] for o in elsewhere] == [FICTIONAL_REGION["city"]]
    assert len(FICTIONAL_PEOPLE) >= 20
    assert all(set(p) == {"first_name", "last_name"} for p in FICTIONAL_PEOPLE)
    assert any(p["last_name"][0].islower() for p in FICTIONAL_PEOPLE), "no tussenvoegsel"
    names = " ".join(f"{p['first_name']} {p['last_name']}" for p in FICTIONAL_PEOPLE)
    names += " " + " ".join(o["name"] for o in FICTIONAL_ORGANISATIONS)
    assert not _words(names) & set(REAL_NAMES)


# ------------------------------------------------------------------ stories
def test_story_shape_and_word_counts():
    stories = _stories(1500, 1, True) + _stories(1500, 2, False)
    counts = [len(s["text"].split()) for s in stories]
    mean = sum(counts) / len(counts)
    print(f"\nwords per story: min {min(counts)}, mean {mean:.0f}, max {max(counts)}")
    for story in stories:
        assert set(story) == {
            "title",
            "text",
            "what_helped",
            "what_did_not_help",
            "concepts",
            "visibility",
        }
        assert 150 <= len(story["text"].split()) <= 300
        assert story["title"] and story["what_helped"] and story["what_did_not_help"]
        assert story["visibility"] in VISIBILITIES
        assert story["concepts"] and len(story["concepts"]) == len(set(story["concepts"]))
        for field in ("title", "text", "what_helped", "what_did_not_help"):
            assert not re.search(r"[{}\[\]|]", story[field]), story[field]
            assert "  " not in story[field]
        paragraphs = story["text"].split("\n\n")
        assert len(paragraphs) == 3 and all(paragraphs)
        for sentence in SENTENCE_END.split(story["text"].replace("\n\n", " ")):
            assert sentence[0].isupper() or sentence[0] in "'€", sentence
    assert Counter(s["visibility"] for s in stories).keys() == set(VISIBILITIES)


def test_story_concepts_exist_in_vocabulary(concepts):
    slugs = {c["slug"] for c in concepts}
    assert concept_slugs_used() <= slugs, concept_slugs_used() - slugs
    used = Counter(slug for s in _stories(2000, 3, True) for slug in s["concepts"])
    assert set(used) <= slugs
    assert len(used) >= 60, "stories should touch a broad part of the vocabulary"


def test_deterministic_for_a_seed():
    assert _stories(50, 42, True) == _stories(50, 42, True)
    assert _stories(50, 42, False) == _stories(50, 42, False)
    assert _stories(50, 42, True) != _stories(50, 43, True)


def test_deterministic_across_processes():
    """Same output whatever the interpreter's hash seed (no set or dict-order surprises)."""
    code = (
        "import random, hashlib, json;"
        "from wijkennis.demo.content import generate_story as g;"
        "r = random.Random(7);"
        "print(hashlib.sha256(json.dumps([g(r) for _ in range(200)]).encode()).hexdigest())"
    )
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        result = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            cwd=Path(__file__).resolve().parents[3],
        )
        digests.add(result.stdout.strip())
    assert len(digests) == 1


def test_variety():
    stories = _stories(1000, 5, False)
    texts = {s["text"] for s in stories}
    sentences = Counter(
        sentence for s in stories for sentence in SENTENCE_END.split(s["text"].replace("\n\n", " "))
    )
    words = set().union(*(_words(s["text"].lower()) for s in stories))
    titles = {s["title"] for s in stories}
    print(
        f"\n1000 stories: {len(texts)} distinct texts, {len(sentences)} distinct sentences, "
        f"{len(words)} distinct words, {len(titles)} titles"
    )
    assert len(texts) >= 900
    assert len(sentences) >= 2500
    assert len(words) >= 1200
    assert len(titles) >= 40
    # No single sentence dominates the corpus.
    assert sentences.most_common(1)[0][1] < 250


def test_stories_mix_everyday_and_policy_words(concepts):
    text = " ".join(s["text"] for s in _stories(500, 6, False)).lower()
    kinds = Counter()
    for concept in concepts:
        for alt in concept["alt_labels"]:
            if re.search(rf"(?<!\w){re.escape(alt['label'].lower())}(?!\w)", text):
                kinds[alt["kind"]] += 1
    print(f"\nalt labels found in 500 stories: {dict(kinds)}")
    assert kinds["lekentaal"] >= 10 and kinds["beleidstaal"] >= 10


def _identifier_patterns() -> list[re.Pattern]:
    people = {p["first_name"] for p in FICTIONAL_PEOPLE}
    for p in FICTIONAL_PEOPLE:
        people.update(w for w in p["last_name"].split() if w[0].isupper() or "-" in w)
    places = {FICTIONAL_MUNICIPALITY["city"], FICTIONAL_REGION["city"], *FICTIONAL_STREETS}
    return [
        re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(people | places))) + r")\b"),
        re.compile(r"\b06[- ]?\d|\+31"),  # phone
        re.compile(r"@"),  # e-mail
        re.compile(r"\b\d{4} ?[A-Z]{2}\b"),  # postcode
        re.compile(r"\d{5,}"),  # BSN and other long numbers
        re.compile(r"\b\d{1,2}[-/ ]"),  # dates, house numbers, ages
    ]


def test_no_identifiers_when_not_asked():
    patterns = _identifier_patterns()
    for story in _stories(3000, 8, False):
        for field in ("title", "text", "what_helped", "what_did_not_help"):
            value = EURO_AMOUNT.sub("", story[field])
            assert not re.search(r"\d", value), value
            for pattern in patterns:
                assert not pattern.search(value), (pattern.pattern, value)


def test_about_half_the_stories_carry_identifiers():
    stories = _stories(2000, 9, True, annotate=True)
    with_ids = [s for s in stories if s["identifiers"]]
    share = len(with_ids) / len(stories)
    kinds = Counter(i["kind"] for s in with_ids for i in s["identifiers"])
    print(f"\n{share:.0%} of stories carry identifiers: {dict(kinds)}")
    assert 0.4 <= share <= 0.6
    assert {"name", "address", "postcode", "place", "phone", "email", "bsn", "date", "age"} <= set(
        kinds
    )
    assert "institution" in kinds
    patterns = _identifier_patterns()
    for story in stories:
        if story["identifiers"]:
            assert any(i["kind"] == "name" for i in story["identifiers"])
            for identifier in story["identifiers"]:
                assert identifier["text"] in story["text"]
        else:
            text = EURO_AMOUNT.sub("", story["text"])
            assert not any(p.search(text) for p in patterns), text
        assert story["title"] == EURO_AMOUNT.sub("", story["title"])
        assert not re.search(r"\d", story["what_helped"] + story["what_did_not_help"])


def test_bsn_like_numbers_pass_the_eleven_test():
    numbers = [
        i["text"]
        for s in _stories(3000, 10, True, annotate=True)
        for i in s["identifiers"]
        if i["kind"] == "bsn"
    ]
    assert numbers
    for number in numbers:
        digits = [int(d) for d in number]
        assert len(digits) == 9
        total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
        assert total % 11 == 0


def test_annotate_is_opt_in():
    rng = random.Random(11)
    assert "identifiers" not in generate_story(rng)
    assert "identifiers" in generate_story(rng, annotate=True)


def test_generation_speed():
    """Prints the speed (best of a few runs, as other tests may share the machine)."""
    for with_identifiers in (True, False):
        best = 0.0
        for repeat in range(5):
            rng = random.Random(repeat)
            n = 4_000
            start = time.perf_counter()
            for _ in range(n):
                generate_story(rng, with_identifiers)
            best = max(best, n / (time.perf_counter() - start))
        print(f"\n{best:,.0f} stories/s on one core (with_identifiers={with_identifiers})")
        assert best > 2_000  # the target is 20 000/s; only gross regressions fail here
