"""Query expansion with the shared vocabulary.

A part of the query that matches a concept label (preferred or alternative, compared by
stems) also searches for the concept's other labels and the labels of narrower concepts:
"deurwaarder" finds "incasso", "durf de post niet open te maken" finds "schoenendoos".
"""

import re
from dataclasses import dataclass, field

from wijkennis.core.generations import cached_per_generation
from wijkennis.vocabulary.models import AltLabel, Concept, Scheme

from . import text


@dataclass(frozen=True)
class Term:
    """One thing to look for: a word or a phrase, as stems."""

    label: str  # as the user or the vocabulary wrote it
    stems: tuple[str, ...]
    via: str = ""  # the query words that led here, when found by expansion


@dataclass
class ExpandedQuery:
    raw: str
    terms: list[Term] = field(default_factory=list)  # what the user typed
    expansions: list[Term] = field(default_factory=list)  # added from the vocabulary
    concepts: list[Concept] = field(default_factory=list)  # concepts named in the query

    @property
    def all_terms(self) -> list[Term]:
        return self.terms + self.expansions

    def is_empty(self) -> bool:
        return not self.terms


@cached_per_generation("vocabulary")
def _label_index() -> dict[tuple[str, ...], set[int]]:
    """Stemmed label → concept ids; rebuilt when the vocabulary changes (in any process)."""
    index: dict[tuple[str, ...], set[int]] = {}
    labels = list(Concept.objects.values_list("id", "pref_label"))
    labels += list(AltLabel.objects.values_list("concept_id", "label"))
    for concept_id, label in labels:
        key = tuple(text.stems(label, drop_stopwords=True)) or tuple(text.stems(label))
        if key:
            index.setdefault(key, set()).add(concept_id)
    return index


@cached_per_generation("vocabulary")
def vocabulary_words() -> dict[str, str]:
    """Folded word → word, from every label: the dictionary for "bedoelde je …"."""
    labels = list(Concept.objects.values_list("pref_label", flat=True))
    labels += list(AltLabel.objects.values_list("label", flat=True))
    return {text.fold(w): w.lower() for label in labels for w in text.words(label) if len(w) > 3}


# The schemes search results are counted by.
FACET_SCHEMES = (Scheme.LEVENSGEBIED, Scheme.SLEUTELSITUATIE, Scheme.METHODIEK, Scheme.SECTOR)


@cached_per_generation("vocabulary")
def facet_concepts() -> dict[int, Concept]:
    """Concept id → concept (slug, label, scheme), for the facet schemes only."""
    rows = Concept.objects.filter(scheme__in=FACET_SCHEMES).only("slug", "pref_label", "scheme")
    return {concept.pk: concept for concept in rows}


@cached_per_generation("vocabulary")
def _concept_labels() -> dict[int, list[str]]:
    """Concept id → its labels plus the labels of its narrower concepts."""
    own: dict[int, list[str]] = {}
    for concept_id, label in Concept.objects.values_list("id", "pref_label"):
        own.setdefault(concept_id, []).append(label)
    for concept_id, label in AltLabel.objects.values_list("concept_id", "label"):
        own.setdefault(concept_id, []).append(label)
    labels = {concept_id: list(values) for concept_id, values in own.items()}
    for concept_id, broader_id in Concept.objects.filter(broader__isnull=False).values_list(
        "id", "broader_id"
    ):
        labels.setdefault(broader_id, []).extend(own.get(concept_id, []))
    return labels


QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”')


def _typed_terms(raw: str, found: list[re.Match], meaningful: list[str]) -> list[Term]:
    """What the user typed: each word on its own, words "between quotes" as one phrase."""
    quotes = [m.span() for m in QUOTED.finditer(raw)]
    terms, seen = [], set()
    phrases: dict[tuple[int, int], list[str]] = {}
    for match, stem in zip(found, meaningful, strict=True):
        span = next((q for q in quotes if q[0] < match.start() < q[1]), None)
        if span is None:
            if (stem,) not in seen:
                seen.add((stem,))
                terms.append(Term(match.group(), (stem,)))
        else:
            phrases.setdefault(span, []).append(stem)
    for (start, end), stems in phrases.items():
        if tuple(stems) not in seen:
            seen.add(tuple(stems))
            terms.append(Term(raw[start + 1 : end - 1].strip(), tuple(stems)))
    return terms


def expand(raw: str, use_vocabulary: bool = True) -> ExpandedQuery:
    query = ExpandedQuery(raw=raw.strip()[:500])
    # The meaningful words with their place in the query, so "via" can quote the user.
    found = [m for m in text.WORD.finditer(query.raw) if text.fold(m.group()) not in text.STOPWORDS]
    meaningful = [text.stem(m.group()) for m in found]
    query.terms = _typed_terms(query.raw, found, meaningful)
    seen = {term.stems for term in query.terms}
    if not use_vocabulary or not meaningful:
        return query
    index = _label_index()
    concept_ids: dict[int, str] = {}
    # Longest label matches first, over the query's meaningful stems.
    for size in range(min(len(meaningful), 6), 0, -1):
        for start in range(len(meaningful) - size + 1):
            key = tuple(meaningful[start : start + size])
            if len(key) > 1:
                seen.add(key)  # the user's own phrase is no expansion
            for concept_id in index.get(key, ()):
                via = query.raw[found[start].start() : found[start + size - 1].end()]
                concept_ids.setdefault(concept_id, via)
    labels = _concept_labels()
    for concept_id, via in concept_ids.items():
        for label in labels.get(concept_id, []):
            stems = tuple(text.stems(label, drop_stopwords=True)) or tuple(text.stems(label))
            if stems and stems not in seen:
                seen.add(stems)
                query.expansions.append(Term(label, stems, via=via))
    query.concepts = list(Concept.objects.filter(id__in=concept_ids))
    return query
