"""Scoring the kwartiermaakscan: a score per theme, advice for weak themes, and where the
people of one organisation differ. The questions live in data/scan.json (with their sources)."""

import json
import statistics
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

CONTENT_FILE = Path(__file__).parent / "data" / "scan.json"
DONT_KNOW = 0
# Below this a theme gets its advice: fewer than two thirds of the way from "klopt niet" to
# "klopt helemaal" means at least one real gap. A theme needs half its statements answered.
WEAK_BELOW = 60
MIN_ANSWERED_SHARE = 0.5
# Two people differ on a statement when their answers are two or more steps apart.
DIFFERENCE = 2


@lru_cache(maxsize=1)
def content() -> dict:
    return json.loads(CONTENT_FILE.read_text(encoding="utf-8"))


def themes() -> list[dict]:
    return content()["themes"]


def statements(theme_key: str | None = None) -> list[dict]:
    return [s for s in content()["statements"] if theme_key in (None, s["theme"])]


@dataclass
class ThemeScore:
    theme: dict
    score: float | None  # 0–100, None when too few statements were answered
    answered: int
    dont_know: int
    total: int

    @property
    def weak(self) -> bool:
        return self.score is not None and self.score < WEAK_BELOW

    @property
    def advice(self) -> list[dict]:
        return self.theme["advice"] if self.weak else []


def score_theme(theme: dict, answers: list[dict[str, int]]) -> ThemeScore:
    """The mean of every answer given (1–4) over one or more people, as 0–100."""
    keys = [s["key"] for s in statements(theme["key"])]
    values = [a[k] for a in answers for k in keys if a.get(k, DONT_KNOW) != DONT_KNOW]
    dont_know = sum(1 for a in answers for k in keys if a.get(k) == DONT_KNOW)
    possible = len(keys) * max(len(answers), 1)
    score = None
    if values and len(values) >= MIN_ANSWERED_SHARE * possible:
        score = round((statistics.fmean(values) - 1) / 3 * 100, 1)
    return ThemeScore(theme, score, len(values), dont_know, possible)


def scores(answers: list[dict[str, int]]) -> list[ThemeScore]:
    return [score_theme(theme, answers) for theme in themes()]


@dataclass
class Difference:
    statement: dict
    counts: dict[int, int] = field(default_factory=dict)  # answer value → how many people


def differences(answers: list[dict[str, int]]) -> list[Difference]:
    """Statements on which people of the organisation are two or more steps apart."""
    found = []
    for statement in statements():
        given = [a[statement["key"]] for a in answers if a.get(statement["key"], 0) != DONT_KNOW]
        if given and max(given) - min(given) >= DIFFERENCE:
            counts = {value: given.count(value) for value in range(1, 5)}
            found.append(Difference(statement, counts))
    return found


def clean_answers(raw: dict[str, object]) -> dict[str, int]:
    """Only known statements and values 0–4; anything else is dropped."""
    known = {s["key"] for s in statements()}
    cleaned = {}
    for key, value in raw.items():
        if key in known and str(value) in {"0", "1", "2", "3", "4"}:
            cleaned[key] = int(value)
    return cleaned
