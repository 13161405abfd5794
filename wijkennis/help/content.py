"""Help texts as data: the "Hoe werkt dit?" panels, the task guides and the quick guide.

The texts live in TOML files under `content/<language>/` (Dutch and English), not in the
gettext catalogue: they are long, and a writer edits them as a whole. Layout:

- `panels.toml`: one table per URL name (`["stories:create"]`) and one per app namespace
  (`[stories]`) as the fallback, each with `text` (2–4 short sentences) and an optional
  `guide` (a guide's slug).
- `guides/<slug>.toml`: `title`, `intro`, `order` and `[[steps]]` with `text` and an optional
  `screenshot` (a file name in `static/help/screenshots/`, without `.png`) with its `alt`.
- `pages.toml`: the words of the help index (`[index]`) and the quick guide (`[quick_guide]`).

The language is `get_language()`; a language without content falls back to Dutch.
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

CONTENT = Path(__file__).resolve().parent / "content"
DEFAULT_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Step:
    text: str
    screenshot: str = ""
    alt: str = ""


@dataclass(frozen=True)
class Guide:
    slug: str
    title: str
    intro: str
    order: int
    steps: tuple[Step, ...]

    def plain_text(self) -> str:
        """Everything a reader reads, one sentence block per line: for the readability check."""
        parts = [self.title, self.intro]
        for step in self.steps:
            parts.append(step.text)
            if step.alt:
                parts.append(step.alt)
        return "\n".join(parts)


@dataclass(frozen=True)
class Panel:
    key: str  # the URL name or the namespace it was found under
    text: str
    guide: Guide | None = None


def language_code(language: str | None = None) -> str:
    """The content language for `language` (default: the active one), Dutch when we have none."""
    code = (language or get_language() or DEFAULT_LANGUAGE).split("-")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def _read(path: Path) -> dict:
    with path.open("rb") as file:
        return tomllib.load(file)


@cache
def panel_texts(language: str) -> dict[str, dict]:
    """The raw panel tables of one language, keyed by URL name or namespace."""
    return _read(CONTENT / language / "panels.toml")


@cache
def guides(language: str) -> tuple[Guide, ...]:
    """The task guides of one language, in reading order."""
    found = []
    for path in sorted((CONTENT / language / "guides").glob("*.toml")):
        data = _read(path)
        steps = tuple(Step(**step) for step in data["steps"])
        found.append(
            Guide(
                slug=path.stem,
                title=data["title"],
                intro=data["intro"],
                order=data["order"],
                steps=steps,
            )
        )
    return tuple(sorted(found, key=lambda guide: guide.order))


@cache
def pages(language: str) -> dict[str, dict]:
    return _read(CONTENT / language / "pages.toml")


def guide(slug: str, language: str | None = None) -> Guide | None:
    language = language_code(language)
    return next((g for g in guides(language) if g.slug == slug), None)


def panel_for(view_name: str | None, language: str | None = None) -> Panel | None:
    """The panel for a page: its own text, else its app's, else none."""
    if not view_name:
        return None
    language = language_code(language)
    texts = panel_texts(language)
    namespace = view_name.rpartition(":")[0]
    for key in (view_name, namespace):
        if key and key in texts:
            entry = texts[key]
            linked = guide(entry["guide"], language) if entry.get("guide") else None
            return Panel(key=key, text=entry["text"], guide=linked)
    return None


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def readable_texts(language: str) -> list[tuple[str, str]]:
    """(name, text) of every text a reader reads: each panel, each guide, each help page.

    Screenshot names are file names, not text, and are left out."""
    found = [(f"panel {key}", entry["text"]) for key, entry in panel_texts(language).items()]
    found += [(f"guide {g.slug}", g.plain_text()) for g in guides(language)]
    for name, page in pages(language).items():
        page = {k: v for k, v in page.items() if not k.endswith("screenshot")}
        found.append((f"page {name}", "\n".join(_strings(page))))
    return found
