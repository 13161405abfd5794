"""Policy language (beleidstaal) in a text, with the everyday words the vocabulary offers for it.

A policy term is an alternative label of kind "beleidstaal" or "afkorting". Preferred labels are
not marked: they are the shared name of a concept and mostly plain already ("Schulden",
"Huurachterstand"). Every other kind of label, such as hidden misspellings, is never matched and
never shown: only the kinds named here are read.

- Words are compared by their Dutch stems (`search.text`), so inflected forms count
  ("beslagleggingen", "toeslag"); a final "s" is also tried, because the stemmer keeps it after a
  vowel ("incassobureaus").
- A label of several words matches only as that phrase, word for word.
- Where labels overlap, the longest match wins; matches never overlap.
- An abbreviation matches when written with at least as many capitals as in the vocabulary:
  "WMO" and "Wmo" match "Wmo", "wmo" does not; "Ed" (a name) does not match "ED".
"""

import re
from dataclasses import dataclass

from wijkennis.core.generations import cached_per_generation
from wijkennis.search.text import WORD, fold, stem
from wijkennis.vocabulary.models import AltLabel, Concept, LabelKind

POLICY_KINDS = (LabelKind.BELEIDSTAAL, LabelKind.AFKORTING)
EVERYDAY_KIND = LabelKind.LEKENTAAL
# One or two everyday words are enough next to a term; more would bury the text.
MAX_EVERYDAY_LABELS = 2
POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class Suggestion:
    """What a concept offers instead of the policy term."""

    concept_id: int
    pref_label: str
    everyday: tuple[str, ...]  # lekentaal labels in the vocabulary's order, at most two
    definition: str


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    text: str  # as written in the text
    label: str  # the label it matched
    kind: str  # "beleidstaal" or "afkorting"
    suggestions: tuple[Suggestion, ...]

    @property
    def everyday(self) -> tuple[str, ...]:
        """The everyday words of all matched concepts, first the first concept's."""
        seen: dict[str, None] = {}
        for suggestion in self.suggestions:
            seen.update(dict.fromkeys(suggestion.everyday))
        return tuple(seen)[:MAX_EVERYDAY_LABELS]


@dataclass(frozen=True)
class _Entry:
    keys: tuple[str, ...]  # stems, or folded words for an abbreviation
    words: tuple[str, ...]  # the label's words as written
    label: str
    kind: str
    concept_ids: tuple[int, ...]


@dataclass(frozen=True)
class _Index:
    by_first_key: dict[str, tuple[_Entry, ...]]
    suggestions: dict[int, Suggestion]


@cached_per_generation("vocabulary")
def _index() -> _Index:
    """The policy labels of the vocabulary, keyed by their first word; rebuilt on any change."""
    entries: dict[tuple[str, tuple[str, ...]], dict] = {}
    rows = AltLabel.objects.filter(kind__in=POLICY_KINDS).values_list("concept_id", "label", "kind")
    for concept_id, label, kind in rows.order_by("id"):
        words = tuple(WORD.findall(label))
        if not words:
            continue
        if kind == LabelKind.AFKORTING:
            keys = tuple(fold(POSSESSIVE.sub("", w)) for w in words)
        else:
            keys = tuple(stem(w) for w in words)
        entry = entries.setdefault(
            (kind, keys), {"words": words, "label": label, "concept_ids": []}
        )
        if concept_id not in entry["concept_ids"]:
            entry["concept_ids"].append(concept_id)
    by_first_key: dict[str, list[_Entry]] = {}
    for (kind, keys), entry in entries.items():
        by_first_key.setdefault(keys[0], []).append(
            _Entry(keys, entry["words"], entry["label"], kind, tuple(entry["concept_ids"]))
        )

    everyday: dict[int, list[str]] = {}
    lay_rows = AltLabel.objects.filter(kind=EVERYDAY_KIND).order_by("id")
    for concept_id, label in lay_rows.values_list("concept_id", "label"):
        everyday.setdefault(concept_id, []).append(label)
    wanted = {cid for found in entries.values() for cid in found["concept_ids"]}
    suggestions = {
        concept_id: Suggestion(
            concept_id=concept_id,
            pref_label=pref_label,
            # Without an everyday label, the preferred label is the plainest word we have.
            everyday=tuple(everyday.get(concept_id, [pref_label])[:MAX_EVERYDAY_LABELS]),
            definition=definition,
        )
        for concept_id, pref_label, definition in Concept.objects.filter(id__in=wanted).values_list(
            "id", "pref_label", "definition"
        )
    }
    return _Index(
        by_first_key={key: tuple(found) for key, found in by_first_key.items()},
        suggestions=suggestions,
    )


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    stems: frozenset[str]
    folded: str

    @classmethod
    def of(cls, match: re.Match, offset: int) -> "_Token":
        word = match.group()
        bare = POSSESSIVE.sub("", word)
        stems = {stem(word), stem(bare)}
        if len(bare) > 4 and bare[-1] in "sS":
            stems.add(stem(bare[:-1]))
        return cls(offset + match.start(), offset + match.end(), word, frozenset(stems), fold(bare))


def _capitals(word: str) -> int:
    return sum(c.isupper() for c in word)


def _matches(entry: _Entry, tokens: list[_Token]) -> bool:
    if entry.kind == LabelKind.AFKORTING:
        return all(
            token.folded == key and _capitals(POSSESSIVE.sub("", token.text)) >= _capitals(word)
            for token, key, word in zip(tokens, entry.keys, entry.words, strict=True)
        )
    return all(key in token.stems for token, key in zip(tokens, entry.keys, strict=True))


def find_policy_terms(text: str, start: int = 0, end: int | None = None) -> list[TermMatch]:
    """The policy terms in text[start:end], left to right, with offsets into `text`."""
    end = len(text) if end is None else end
    index = _index()
    if not index.by_first_key:
        return []
    tokens = [_Token.of(m, start) for m in WORD.finditer(text[start:end])]
    found: list[TermMatch] = []
    position = 0
    while position < len(tokens):
        token = tokens[position]
        candidates = {
            entry
            for key in (*token.stems, token.folded)
            for entry in index.by_first_key.get(key, ())
        }
        match = next(
            (
                entry
                for entry in sorted(candidates, key=lambda e: (-len(e.keys), e.label))
                if position + len(entry.keys) <= len(tokens)
                and _matches(entry, tokens[position : position + len(entry.keys)])
            ),
            None,
        )
        if match is None:
            position += 1
            continue
        last = tokens[position + len(match.keys) - 1]
        found.append(
            TermMatch(
                start=token.start,
                end=last.end,
                text=text[token.start : last.end],
                label=match.label,
                kind=match.kind,
                suggestions=tuple(
                    index.suggestions[cid] for cid in match.concept_ids if cid in index.suggestions
                ),
            )
        )
        position += len(match.keys)
    return found
