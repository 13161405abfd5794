"""Two full-text backends behind one interface, chosen by the database in use.

SQLite: an FTS5 table `search_fts` (rowid = SearchEntry.id) holding Dutch stems, ranked with
bm25. PostgreSQL: a tsvector column with a GIN index, the `dutch` configuration, ts_rank.
Both get the same expanded query and return the same shapes; scoping always comes from
`SearchEntry.objects.visible_to(user)`, passed in as a queryset.
"""

from dataclasses import dataclass
from functools import cache

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Func, Value, Window
from django.db.models.expressions import RawSQL

from . import text
from .expansion import Term
from .models import SearchEntry

FTS_TABLE = "search_fts"
# Entries with `above < id <= up_to`; None: no bound.
IdRange = tuple[int | None, int | None]
ALL: IdRange = (None, None)


@dataclass(frozen=True)
class Document:
    title: str
    body: str
    concepts: str


class SqliteBackend:
    @staticmethod
    def _match(terms: list[Term]) -> str:
        return " OR ".join('"' + " ".join(term.stems) + '"' for term in terms)

    def write(self, entry_id: int, document: Document) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [entry_id])
            cursor.execute(
                "INSERT INTO search_fts (rowid, title, body, concepts) VALUES (%s, %s, %s, %s)",
                [
                    entry_id,
                    text.stemmed_text(document.title),
                    text.stemmed_text(document.body),
                    text.stemmed_text(document.concepts),
                ],
            )

    def _scoped(self, entries, terms: list[Term], ids: IdRange = ALL) -> tuple[str, list]:
        """The WHERE clause for matches in scope with an id in `ids`.

        The scope is a correlated EXISTS: SQLite walks the full-text matches and checks each
        against the scope's indexed columns, instead of first listing every visible entry
        (bench/search.py: 40 ms of the 66 for a rare word at 100 000 stories). Only the scope's
        SQL is interpolated: it comes from the ORM, with params.
        """
        scope_sql, scope_params = (
            entries.filter(pk=RawSQL("search_fts.rowid", [])).values("id").query.sql_with_params()
        )
        where = f"search_fts MATCH %s AND EXISTS ({scope_sql})"
        params = [self._match(terms), *scope_params]
        above, up_to = ids
        if above is not None:
            where += " AND rowid > %s"
            params.append(above)
        if up_to is not None:
            where += " AND rowid <= %s"
            params.append(up_to)
        return where, params

    def ranked(
        self,
        entries,
        terms: list[Term],
        limit: int,
        newest: int,
        ids: IdRange = ALL,
        density: float | None = None,
    ) -> tuple[list[tuple[int, float]], int]:
        """The best `limit` of the `newest` matches in scope with an id in `ids`, best first,
        and how many matches were scored. FTS5 needs no `density`."""
        where, params = self._scoped(entries, terms, ids)
        # bm25 column weights (title, body, concepts): a title word counts most, then a concept.
        # FTS5 walks a doclist newest first and stops after `newest` matches, so only those
        # are scored.
        select = "SELECT rowid, bm25(search_fts, 5.0, 1.0, 3.0) AS score FROM search_fts"
        sql = f"{select} WHERE {where} ORDER BY rowid DESC LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, newest])
            # bm25 is lower-is-better; turn it around so higher is better on both backends.
            rows = [(row[0], -row[1]) for row in cursor.fetchall()]
        return sorted(rows, key=lambda row: (-row[1], -row[0]))[:limit], len(rows)

    def has_term(self, term: Term) -> bool:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM search_fts WHERE search_fts MATCH %s LIMIT 1", [self._match([term])]
            )
            return cursor.fetchone() is not None


class PostgresBackend:
    config = "dutch"

    def _query(self, terms: list[Term]) -> SearchQuery:
        query = None
        for term in terms:
            kind = "phrase" if " " in term.label.strip() else "plain"
            part = SearchQuery(term.label, config=self.config, search_type=kind)
            query = part if query is None else query | part
        return query

    def write(self, entry_id: int, document: Document) -> None:
        vector = (
            SearchVector(Value(document.title), weight="A", config=self.config)
            + SearchVector(Value(document.concepts), weight="B", config=self.config)
            + SearchVector(Value(document.body), weight="C", config=self.config)
        )
        SearchEntry.objects.filter(id=entry_id).update(search_vector=vector)

    def ranked(
        self,
        entries,
        terms: list[Term],
        limit: int,
        newest: int,
        ids: IdRange = ALL,
        density: float | None = None,
    ) -> tuple[list[tuple[int, float]], int]:
        """As SqliteBackend.ranked. `density`, the share of the entries looked at so far that
        matched, chooses how to find the newest matches (docs/BENCHMARKS.md); ts_rank reads each
        match's whole vector, so only those are scored."""
        query = self._query(terms)
        # Walk the primary key back for a first look at the newest entries (at most a window's
        # rows) and for a common word, whose newest matches lie within a few thousand rows
        # where an index would hand over all of them. The function form of @@ keeps the
        # planner off the indexes.
        above, up_to = ids
        walk = density >= WALK_DENSITY if density is not None else above is not None
        if walk:
            matching = ExpressionWrapper(
                Func(F("search_vector"), query, function="ts_match_vq"), BooleanField()
            )
            matches = entries.alias(hit=matching).filter(hit=True)
        else:
            matches = entries.filter(search_vector=query)
        if above is not None:
            matches = matches.filter(id__gt=above)
        if up_to is not None:
            matches = matches.filter(id__lte=up_to)
        if density is not None and not walk and above is None and has_rum_index():
            # A rare word: the RUM index hands out its matches newest first.
            order = Func(F("id"), Value(NEWEST_ID), arg_joiner=" <=| ", template="%(expressions)s")
            newest_matches = matches.order_by(order.asc())
        else:
            newest_matches = matches.order_by("-id")
        rows = list(
            SearchEntry.objects.filter(id__in=newest_matches.values("id")[:newest])
            .annotate(score=SearchRank(F("search_vector"), query), matched=Window(Count("id")))
            .order_by("-score", "-id")
            .values_list("id", "score", "matched")[:limit]
        )
        return [(entry_id, score) for entry_id, score, _n in rows], rows[0][2] if rows else 0

    def has_term(self, term: Term) -> bool:
        return SearchEntry.objects.filter(search_vector=self._query([term])).exists()


# The share of the newest entries that match from which walking the primary key back beats the
# indexes (docs/BENCHMARKS.md).
WALK_DENSITY = 0.03
# RUM orders by the distance `NEWEST_ID - id` as a float: above every id, and small enough
# (under 2**53) for the distance to stay exact.
NEWEST_ID = 2**40


@cache
def _rum_index_in(database: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'search_entry_vector_rum'")
        return cursor.fetchone() is not None


def has_rum_index() -> bool:
    """Whether migration 0003 could build the RUM index (the extension is optional)."""
    return _rum_index_in(connection.settings_dict["NAME"])


def get_backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
