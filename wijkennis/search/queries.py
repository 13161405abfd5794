"""The search itself: expand, scope, match, rank, count, facet, highlight. One function for the
page, the API and the command line."""

import difflib
import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, Max, OuterRef, Q

from wijkennis.core.generations import cached, per_person, tokens
from wijkennis.knowledge.models import KnowledgeItem
from wijkennis.stories.models import TEXT_FIELDS, Readership, Story, readable_q, readership
from wijkennis.vocabulary.models import Concept

from . import highlight, text
from .backends import get_backend
from .expansion import FACET_SCHEMES, ExpandedQuery, expand, facet_concepts, vocabulary_words
from .models import SearchEntry

# Originals are never shown in search results: they are not even loaded (nor the index columns).
ORIGINAL_FIELDS = tuple(f"story__published_version__original_{field}" for field in TEXT_FIELDS)

# Bounded work per query. Both SQL engines score every match they rank, about 1 µs each, so a
# common word in a large bank would cost seconds (docs/BENCHMARKS.md). A query therefore scores
# only the newest COUNT_CAP + 1 matches and keeps the best CANDIDATES of them (pages 1–10 and
# the facet counts); how many it found is the total, "more than 500" past COUNT_CAP.
# It looks at the newest RANK_WINDOW entries first, then at the rest of tenfold windows up to a
# tenth of all entries, then at all older entries; a window that the share matched so far
# predicts to hold too few is skipped, and that share tells the backend how to look. Scores do
# not depend on which entries are looked at together, so the result is the same either way.
CANDIDATES = 200
COUNT_CAP = 500
RANK_WINDOW = 5_000
# Wij-kennis is what many stories taught together: for the same match it comes first.
KNOWLEDGE_BOOST = 2.0


@dataclass
class Hit:
    story: Story | None  # exactly one of story and item
    score: float
    snippet: str
    via: list[tuple[str, str]]
    item: KnowledgeItem | None = None

    @property
    def title(self) -> str:
        return self.item.current.title if self.item else self.story.published_version.title

    @property
    def url(self) -> str:
        return self.item.get_absolute_url() if self.item else self.story.get_absolute_url()


@dataclass
class Facet:
    concept: Concept
    count: int
    selected: bool


@dataclass
class SearchResults:
    query: ExpandedQuery
    total: int = 0
    total_capped: bool = False  # there are more than `total`
    facet_basis: int = 0  # how many of the best results the facets count
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[Facet]] = field(default_factory=dict)
    suggestion: str = ""
    related: list[Concept] = field(default_factory=list)
    page: int = 1
    per_page: int = 20

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def search_stories(
    raw: str,
    user,
    *,
    concepts: list[str] | tuple[str, ...] = (),
    page: int = 1,
    per_page: int = 20,
    use_vocabulary: bool = True,
    include_knowledge: bool = False,
) -> SearchResults:
    """Published stories `user` may read that match `raw`, best first; with
    `include_knowledge`, wij-kennis items too, ranked above stories for the same match."""
    # NUL characters cannot be stored or compared in PostgreSQL text; they mean nothing here.
    raw = raw.replace("\x00", "")
    query = expand(raw, use_vocabulary=use_vocabulary)
    results = SearchResults(query=query, page=max(1, page), per_page=per_page)
    if query.is_empty():
        return results
    wanted = set(concepts)
    selected = list(Concept.objects.filter(slug__in=[s for s in wanted if "\x00" not in s]))
    if len(selected) < len(wanted):  # a subject that does not exist matches nothing
        return results
    readers = shared_readership(user)
    scope = SearchEntry.objects.readable_by(readers)
    if not include_knowledge:
        scope = scope.filter(story__isnull=False)
    for concept in selected:
        scope = scope.filter(
            Q(story__in=Story.objects.filter(concepts=concept))
            | Q(knowledge_item__in=KnowledgeItem.objects.filter(current__situations=concept))
        )
    offset = (results.page - 1) * per_page
    need = max(CANDIDATES, offset + per_page)
    key = _ranking_key(query.raw, readers, sorted(wanted), need, use_vocabulary, include_knowledge)
    # At most this long in the cache, stale much sooner: the key holds the generations of the
    # index and the vocabulary (core.generations). 0 switches the cache off.
    seconds = settings.WIJKENNIS_SEARCH_CACHE_SECONDS
    ranking = cache.get(key) if seconds else None
    if ranking is None:
        ranking = _rank(get_backend(), scope, query, need)
        if seconds:
            cache.set(key, ranking, seconds)
    results.total, results.total_capped = min(ranking.total, COUNT_CAP), ranking.total > COUNT_CAP
    results.facets = _facets(ranking.facet_counts, selected)
    results.facet_basis = len(ranking.candidates)
    results.suggestion = ranking.suggestion
    if offset < results.total:
        results.hits = build_hits(ranking.candidates[offset : offset + per_page], scope, query)
    if not results.total:
        results.related = _related(query)
    return results


@dataclass(frozen=True)
class Ranking:
    """What a search found, as ids and numbers (never story text, so an erased story leaves
    nothing readable in the cache): the best entries with their scores, how many matched, the
    facet counts over the best, and the "did you mean" (vocabulary and query words)."""

    candidates: list[tuple[int, float]]
    total: int
    facet_counts: dict[int, int]
    suggestion: str


def _rank(backend, scope, query: ExpandedQuery, need: int) -> Ranking:
    candidates, total = _rank_candidates(backend, scope, query.all_terms, need)
    counts: dict[int, int] = {}
    if candidates:
        facts = _entry_facts(candidates)
        candidates = _boost_knowledge(candidates, facts)
        counts = _facet_counts(facts)
    return Ranking(candidates, total, counts, _suggestion(query, backend))


def shared_readership(user) -> Readership:
    """The searcher's readership, without their own id where it adds nothing (all their own
    entries are readable by the same memberships anyway): then everyone with the same
    memberships shares one cached ranking, and the result is the same. The answer is kept
    until the index changes."""
    readers = readership(user)
    if readers.author_id is None:
        return readers
    shared = replace(readers, author_id=None)

    def own_entries_unshared() -> bool:
        own = SearchEntry.objects.filter(author_id=readers.author_id)
        return own.exclude(readable_q(shared, Q())).exists()

    # Kept with the readership it was worked out for: new memberships make it stale.
    _readers, unshared = cached(
        "search",
        lambda: (readers, own_entries_unshared()),
        settings.WIJKENNIS_SEARCH_CACHE_SECONDS,
        _own_unshared(readers.author_id),
        valid=lambda stored: stored[0] == readers,
    )
    return readers if unshared else shared


def _own_unshared(user_id: int) -> str:
    return f"search:own-unshared:{user_id}"


per_person(lambda _user_id: "search", _own_unshared)


def _ranking_key(raw: str, readers: Readership, *choices) -> str:
    # Hashed: the query words are not kept in the cache as they were typed.
    bounds = (CANDIDATES, COUNT_CAP, RANK_WINDOW, KNOWLEDGE_BOOST)
    parts = repr((*tokens("search", "vocabulary"), raw, readers, choices, bounds))
    return "search:ranking:" + hashlib.sha256(parts.encode()).hexdigest()


def _rank_candidates(backend, scope, terms, need: int) -> tuple[list[tuple[int, float]], int]:
    """The best `need` of the newest COUNT_CAP + 1 matches, and how many matches that found."""
    last_id = SearchEntry.objects.aggregate(last_id=Max("id"))["last_id"] or 0
    newest = max(need, COUNT_CAP + 1)
    ranked, matched, density, looked_above = [], 0, None, None
    window = RANK_WINDOW
    while matched < newest:
        # A window larger than a tenth of all entries costs PostgreSQL more than none.
        above = last_id - window if window <= last_id // 10 else None
        if above is None or density is None or density * window >= newest:
            ids = (above, looked_above)  # only entries not looked at yet
            more, found = backend.ranked(scope, terms, need, newest - matched, ids, density)
            ranked = sorted(ranked + more, key=lambda pair: (-pair[1], -pair[0]))[:need]
            matched += found
            if above is None:
                break
            density, looked_above = matched / window, above
        window *= 10
    return ranked, matched


@dataclass(frozen=True)
class EntryFacts:
    is_knowledge: bool
    concept_ids: list[int]


def _entry_facts(ranked: list[tuple[int, float]]) -> dict[int, EntryFacts]:
    """What the boost and the facets need of the ranked entries: one query, no join."""
    rows = SearchEntry.objects.filter(id__in=[entry_id for entry_id, _score in ranked])
    return {
        entry_id: EntryFacts(knowledge_item_id is not None, concept_ids)
        for entry_id, knowledge_item_id, concept_ids in rows.values_list(
            "id", "knowledge_item_id", "concept_ids"
        )
    }


def _boost_knowledge(
    ranked: list[tuple[int, float]], facts: dict[int, EntryFacts]
) -> list[tuple[int, float]]:
    if not any(fact.is_knowledge for fact in facts.values()):
        return ranked
    boosted = [
        (i, score * KNOWLEDGE_BOOST if i in facts and facts[i].is_knowledge else score)
        for i, score in ranked
    ]
    return sorted(boosted, key=lambda pair: -pair[1])


def build_hits(ranked: list[tuple[int, float]], scope, query: ExpandedQuery) -> list[Hit]:
    """The stories and items behind ranked entry ids, with snippets and "gevonden via".

    `scope` is the searcher's `SearchEntry.objects.visible_to(user)`: checked again here, in SQL,
    so a story withdrawn or restricted since the ranking is never shown.
    """
    # Look the 20 entries up by id and check the scope per entry: with the scope as a plain
    # filter SQLite walks every visible entry instead (8.5 ms against 0.6 at 100 000 stories).
    entries = {
        entry.id: entry
        for entry in SearchEntry.objects.filter(id__in=[entry_id for entry_id, _score in ranked])
        .filter(Exists(scope.filter(pk=OuterRef("pk"))))
        .select_related(
            "story__published_version", "story__organisation", "knowledge_item__current"
        )
        .defer("search_vector", "concept_ids", *ORIGINAL_FIELDS)
    }
    stories = {i: entry.story for i, entry in entries.items() if entry.story_id}
    items = {i: entry.knowledge_item for i, entry in entries.items() if entry.knowledge_item_id}
    hits = []
    for entry_id, score in ranked:
        if entry_id in items:
            version = items[entry_id].current
            body, others = version.insight, [version.title, version.what_helped]
        elif entry_id in stories:
            version = stories[entry_id].published_version
            body = version.body
            others = [version.title, version.what_helped, version.what_did_not_help]
        else:  # not readable any more: never shown, never counted twice
            continue
        stems = highlight.body_stems(body)
        hits.append(
            Hit(
                story=stories.get(entry_id),
                item=items.get(entry_id),
                score=score,
                snippet=highlight.snippet(body, query.all_terms, stems=stems),
                via=highlight.matched_via(stems + text.stems("\n".join(others)), query.expansions),
            )
        )
    return hits


def _facet_counts(facts: dict[int, EntryFacts]) -> dict[int, int]:
    """How many of the ranked entries carry each concept of the facet schemes."""
    concepts = facet_concepts()
    return dict(
        Counter(
            concept_id
            for fact in facts.values()
            for concept_id in fact.concept_ids
            if concept_id in concepts
        )
    )


def _facets(counts: dict[int, int], selected: list[Concept]) -> dict[str, list[Facet]]:
    """The counted concepts per facet scheme, most first."""
    concepts = facet_concepts()
    selected_ids = {concept.pk for concept in selected}
    scheme_names = {scheme: str(scheme.label) for scheme in FACET_SCHEMES}
    facets: dict[str, list[Facet]] = {}
    # The counts were made under the same vocabulary (its generation is in the ranking's key).
    ordered = sorted(counts.items(), key=lambda c: (-c[1], concepts[c[0]].pref_label))
    for concept_id, count in ordered:
        concept = concepts[concept_id]
        facets.setdefault(scheme_names[concept.scheme], []).append(
            Facet(concept, count, concept_id in selected_ids)
        )
    return facets


def _suggestion(query: ExpandedQuery, backend) -> str:
    """The query with unknown words replaced by a close vocabulary word, or ""."""
    vocabulary = vocabulary_words()
    changed, words = False, []
    for term in query.terms:
        folded = text.fold(term.label)
        if (
            len(term.stems) == 1
            and folded not in vocabulary
            and len(folded) > 3
            and not backend.has_term(term)
        ):
            close = difflib.get_close_matches(folded, vocabulary.keys(), n=1, cutoff=0.8)
            if close:
                words.append(vocabulary[close[0]])
                changed = True
                continue
        words.append(term.label)
    return " ".join(words) if changed else ""


def _related(query: ExpandedQuery) -> list[Concept]:
    """For an empty result: concepts named in the query or close to its words."""
    if query.concepts:
        return query.concepts[:5]
    words = {text.stem(term.label) for term in query.terms}
    related = [c for c in Concept.objects.all() if words & set(text.stems(c.pref_label))]
    return related[:5]
