"""The standard intervision methods, shipped as data in `data/methods.json`.

Each method has ordered steps with a short explanation in plain Dutch. The texts are content
(like the vocabulary), written in Dutch; a session stores the method's slug.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "methods.json"


@dataclass(frozen=True)
class Step:
    number: int  # 1-based, as shown on screen
    title: str
    explanation: str


@dataclass(frozen=True)
class Method:
    slug: str
    name: str
    summary: str
    steps: tuple[Step, ...]

    def step(self, index: int) -> Step:
        return self.steps[index]


@cache
def methods() -> dict[str, Method]:
    """Every method by slug, in the order of the data file."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    return {
        entry["slug"]: Method(
            slug=entry["slug"],
            name=entry["name"],
            summary=entry["summary"],
            steps=tuple(
                Step(number, step["title"], step["explanation"])
                for number, step in enumerate(entry["steps"], start=1)
            ),
        )
        for entry in raw
    }


def get_method(slug: str) -> Method:
    return methods()[slug]


def method_choices() -> list[tuple[str, str]]:
    return [(method.slug, method.name) for method in methods().values()]
