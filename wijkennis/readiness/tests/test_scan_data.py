"""Integrity of the Kwartiermaakscan content file, read directly (no database)."""

import copy
import json
import re
from collections import Counter
from pathlib import Path

import pytest

SCAN_FILE = Path(__file__).resolve().parents[1] / "data" / "scan.json"

TOP_KEYS = {"version", "scale", "themes", "statements"}
THEME_FIELDS = {"key", "title", "question", "advice"}
ADVICE_FIELDS = {"text", "source"}
STATEMENT_FIELDS = {"key", "theme", "text", "source"}
SCALE = [
    {"value": 1, "label": "Klopt niet"},
    {"value": 2, "label": "Klopt een beetje"},
    {"value": 3, "label": "Klopt grotendeels"},
    {"value": 4, "label": "Klopt helemaal"},
]
THEME_KEYS = [
    "draagvlak",
    "plan_en_aantallen",
    "functie_en_beloning",
    "inbedding_en_begeleiding",
    "collectieve_kennis",
    "leren_en_evalueren",
    "motieven",
]
STATEMENTS_PER_THEME = range(4, 8)
STATEMENTS_TOTAL = range(30, 46)
ADVICE_PER_THEME = range(2, 5)
MAX_ADVICE_SENTENCES = 3
MAX_STATEMENT_LENGTH = 160

# The seed texts (shared/seeds/001-004), each as it is cited, with the places in it that a
# citation may point at. A source is one citation or several joined by "; ".
SOURCE_PREFIXES = {
    # 003: the research report, by recommendation (12 has twelve numbered points) or section
    "Movisie 2020": (
        r"aanbeveling (?:[1-9]|1[01])"
        r"|aanbeveling 12(?:, punt (?:[1-9]|1[0-2]))?"
        r"|§(?:1(?:\.[1-3])?|2(?:\.(?:[1-9]|1[0-3]))?|3|4)"
    ),
    # 001: the five steps towards employment, in the order the article gives them
    "Movisie, Meer betaalde ervaringswerkers in het sociale domein": r"stap [1-5]",
    # 002: the do's and don'ts, numbered in the order the article gives them
    "Movisie, Handreiking voor gemeenten die aan de slag gaan met ervaringsdeskundigheid (2021)": (
        r"do [1-5]|don't [12]"
    ),
    # 004: the four preconditions, in the order the page gives them
    "Gemeente Utrecht, Ervaringsdeskundige ziet het gezichtspunt van de hulpvrager": (
        r"randvoorwaarde [1-4]"
    ),
}
CITATION = re.compile(
    "|".join(f"(?:{re.escape(title)}, (?:{places}))" for title, places in SOURCE_PREFIXES.items())
)
_M, _B, _H, _U = SOURCE_PREFIXES
# What the statements together must cover: every point of recommendation 12, every do and
# don't, every step, every precondition, and recommendations 1-3, 7, 8 and 10.
REQUIRED_CITATIONS = (
    [f"{_M}, aanbeveling 12, punt {n}" for n in range(1, 13)]
    + [f"{_M}, aanbeveling {n}" for n in (1, 2, 3, 7, 8, 10)]
    + [f"{_B}, stap {n}" for n in range(1, 6)]
    + [f"{_H}, do {n}" for n in range(1, 6)]
    + [f"{_H}, don't {n}" for n in (1, 2)]
    + [f"{_U}, randvoorwaarde {n}" for n in range(1, 5)]
)
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


@pytest.fixture(scope="module")
def scan() -> dict:
    return json.loads(SCAN_FILE.read_text(encoding="utf-8"))


def citations(source: str) -> list[str]:
    return source.split("; ")


def text_problems(label: str, field: str, value) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return [f"{label}: empty {field}"]
    if value != value.strip() or "  " in value:
        return [f"{label}: untidy whitespace in {field}"]
    return []


def source_problems(label: str, source) -> list[str]:
    found = text_problems(label, "source", source)
    if found:
        return found
    return [
        f"{label}: unknown source {part!r}"
        for part in citations(source)
        if not CITATION.fullmatch(part)
    ]


def theme_problems(theme: dict) -> list[str]:
    label = f"theme {theme.get('key')}"
    if set(theme) != THEME_FIELDS:
        return [f"{label}: wrong fields {sorted(set(theme) ^ THEME_FIELDS)}"]
    found = text_problems(label, "title", theme["title"])
    bad_question = text_problems(label, "question", theme["question"])
    found += bad_question
    if not bad_question and not theme["question"].endswith("?"):
        found.append(f"{label}: question does not end with '?'")
    advice = theme["advice"]
    if not isinstance(advice, list) or len(advice) not in ADVICE_PER_THEME:
        return [*found, f"{label}: needs 2-4 pieces of advice"]
    for i, item in enumerate(advice, 1):
        where = f"{label} advice {i}"
        if not isinstance(item, dict) or set(item) != ADVICE_FIELDS:
            found.append(f"{where}: wrong fields")
            continue
        found += source_problems(where, item["source"])
        text = item["text"]
        bad_text = text_problems(where, "text", text)
        found += bad_text
        if bad_text:
            continue
        if not text.endswith("."):
            found.append(f"{where}: text does not end with '.'")
        if len(SENTENCE_END.findall(text)) > MAX_ADVICE_SENTENCES:
            found.append(f"{where}: more than {MAX_ADVICE_SENTENCES} sentences")
    return found


def statement_problems(statement: dict, key_counts: Counter) -> list[str]:
    key = statement.get("key")
    label = f"statement {key}"
    if set(statement) != STATEMENT_FIELDS:
        return [f"{label}: wrong fields {sorted(set(statement) ^ STATEMENT_FIELDS)}"]
    found = []
    if key_counts[key] > 1:
        found.append(f"{label}: duplicate key")
    theme = statement["theme"]
    if theme not in THEME_KEYS:
        found.append(f"{label}: unknown theme {theme!r}")
    if not isinstance(key, str) or not re.fullmatch(rf"{re.escape(str(theme))}_[1-9]\d*", key):
        found.append(f"{label}: key is not '<theme>_<number>'")
    text = statement["text"]
    bad_text = text_problems(label, "text", text)
    found += bad_text
    if not bad_text:
        if len(text) > MAX_STATEMENT_LENGTH:
            found.append(f"{label}: text longer than {MAX_STATEMENT_LENGTH} characters")
        if not text.endswith("."):
            found.append(f"{label}: text does not end with '.'")
    found += source_problems(label, statement["source"])
    return found


def problems(scan: dict) -> list[str]:
    """Everything wrong with the scan content; empty when the file is sound."""
    if set(scan) != TOP_KEYS:
        return [f"wrong top-level keys {sorted(set(scan) ^ TOP_KEYS)}"]
    found = []
    if scan["version"] != 1:
        found.append(f"version is {scan['version']!r}, not 1")
    if [s.get("value") for s in scan["scale"]] != [1, 2, 3, 4]:
        found.append("scale values are not 1-4")
    if scan["scale"] != SCALE:
        found.append("scale differs from the four 'Klopt ...' steps")

    themes = scan["themes"]
    if [t.get("key") for t in themes] != THEME_KEYS:
        found.append(f"theme keys are not {THEME_KEYS} in that order")
    for theme in themes:
        found += theme_problems(theme)

    statements = scan["statements"]
    key_counts = Counter(s.get("key") for s in statements)
    for statement in statements:
        found += statement_problems(statement, key_counts)
    per_theme = Counter(s.get("theme") for s in statements)
    for key in THEME_KEYS:
        if per_theme[key] not in STATEMENTS_PER_THEME:
            found.append(f"theme {key}: {per_theme[key]} statements, needs 4-7")
    if len(statements) not in STATEMENTS_TOTAL:
        found.append(f"{len(statements)} statements in total, needs 30-45")

    cited = {part for s in statements for part in citations(str(s.get("source")))}
    found += [f"not cited by any statement: {c}" for c in REQUIRED_CITATIONS if c not in cited]
    return found


def test_scan_file_is_sound(scan):
    assert problems(scan) == []


def test_scan_file_is_written_in_house_style(scan):
    text = SCAN_FILE.read_text(encoding="utf-8")
    assert text == json.dumps(scan, indent=2, ensure_ascii=False) + "\n"


def test_required_citations_are_themselves_valid():
    assert all(CITATION.fullmatch(c) for c in REQUIRED_CITATIONS)


# Each check above, shown to fail: a mutation of the real file and a fragment of the
# problem it must produce.


def _statements_of(scan, theme):
    return [s for s in scan["statements"] if s["theme"] == theme]


def _keep_per_theme(scan, n):
    kept = []
    for key in THEME_KEYS:
        kept += _statements_of(scan, key)[:n]
    scan["statements"] = kept


def _keep_in_theme(scan, theme, n):
    others = [s for s in scan["statements"] if s["theme"] != theme]
    scan["statements"] = others + _statements_of(scan, theme)[:n]


def _keep_advice(scan, theme_index, n):
    del scan["themes"][theme_index]["advice"][n:]


def _grow_every_theme_to(scan, n):
    for key in THEME_KEYS:
        own = _statements_of(scan, key)
        for i in range(len(own) + 1, n + 1):
            scan["statements"].append({**own[0], "key": f"{key}_{i}"})


def _uncite(scan, citation, replacement):
    for s in scan["statements"]:
        parts = [replacement if p == citation else p for p in citations(s["source"])]
        s["source"] = "; ".join(parts)


def _set(path, value):
    def mutate(scan):
        target = scan
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return mutate


MUTATIONS = [
    ("missing-top-key", lambda s: s.pop("version"), "wrong top-level keys"),
    ("version", _set(["version"], 2), "version is 2"),
    ("scale-value", _set(["scale", 3, "value"], 5), "scale values are not 1-4"),
    ("scale-label", _set(["scale", 0, "label"], "Nee"), "scale differs"),
    ("theme-order", lambda s: s["themes"].reverse(), "in that order"),
    ("theme-missing", lambda s: s["themes"].pop(), "in that order"),
    ("theme-field", _set(["themes", 0, "extra"], "x"), "theme draagvlak: wrong fields"),
    ("theme-title", _set(["themes", 1, "title"], " "), "empty title"),
    ("theme-question", _set(["themes", 2, "question"], "Geregeld."), "question does not end"),
    ("advice-few", lambda s: _keep_advice(s, 0, 1), "theme draagvlak: needs 2-4 pieces"),
    ("advice-many", lambda s: s["themes"][0]["advice"].extend([{}] * 4), "needs 2-4 pieces"),
    ("advice-field", _set(["themes", 0, "advice", 0, "extra"], "x"), "advice 1: wrong fields"),
    ("advice-source-empty", _set(["themes", 0, "advice", 0, "source"], ""), "empty source"),
    (
        "advice-source-unknown",
        _set(["themes", 3, "advice", 1, "source"], "Wikipedia, Ervaringsdeskundige"),
        "unknown source 'Wikipedia",
    ),
    ("advice-text", _set(["themes", 0, "advice", 0, "text"], "Zorg ervoor"), "does not end"),
    ("advice-long", _set(["themes", 0, "advice", 0, "text"], "Een. Twee. Drie. Vier."), "more"),
    ("statement-field", lambda s: s["statements"][0].pop("source"), "wrong fields"),
    (
        "statement-duplicate",
        lambda s: s["statements"].append(dict(s["statements"][0])),
        "draagvlak_1: duplicate key",
    ),
    ("statement-prefix", _set(["statements", 0, "key"], "draagvlak"), "not '<theme>_<number>'"),
    (
        "statement-other-prefix",
        _set(["statements", 0, "key"], "motieven_9"),
        "statement motieven_9: key is not",
    ),
    ("statement-theme", _set(["statements", 0, "theme"], "geld"), "unknown theme 'geld'"),
    ("statement-long", _set(["statements", 0, "text"], "Wij " * 40 + "ook."), "longer than 160"),
    ("statement-stop", _set(["statements", 0, "text"], "We hebben een plan"), "does not end"),
    ("statement-empty", _set(["statements", 0, "text"], ""), "empty text"),
    ("statement-source-empty", _set(["statements", 0, "source"], ""), "empty source"),
    (
        "statement-source-place",
        _set(["statements", 0, "source"], "Movisie 2020, aanbeveling 13"),
        "unknown source 'Movisie 2020, aanbeveling 13'",
    ),
    (
        "statement-source-joined",
        _set(["statements", 0, "source"], "Movisie 2020, aanbeveling 1, Movisie 2020, §2.2"),
        "unknown source",
    ),
    ("theme-too-few", lambda s: _keep_in_theme(s, "motieven", 3), "theme motieven: 3 statements"),
    ("theme-too-many", lambda s: _grow_every_theme_to(s, 8), "8 statements, needs 4-7"),
    ("total-too-few", lambda s: _keep_per_theme(s, 4), "28 statements in total"),
    ("total-too-many", lambda s: _grow_every_theme_to(s, 7), "49 statements in total"),
    (
        "coverage",
        lambda s: _uncite(s, f"{_U}, randvoorwaarde 2", f"{_U}, randvoorwaarde 1"),
        "not cited by any statement: Gemeente Utrecht",
    ),
    (
        "coverage-punt",
        lambda s: _uncite(s, f"{_M}, aanbeveling 12, punt 7", f"{_M}, aanbeveling 12"),
        "not cited by any statement: Movisie 2020, aanbeveling 12, punt 7",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [pytest.param(mutate, expected, id=name) for name, mutate, expected in MUTATIONS],
)
def test_each_check_catches_breakage(scan, mutate, expected):
    broken = copy.deepcopy(scan)
    mutate(broken)
    found = problems(broken)
    assert any(expected in problem for problem in found), found
