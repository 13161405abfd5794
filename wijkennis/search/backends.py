"""Two full-text backends behind one interface, chosen by the database in use.

SQLite: an FTS5 table `search_fts` (rowid = SearchEntry.id) holding Dutch stems, ranked with
bm25. PostgreSQL: a tsvector column with a GIN index, the `dutch` configuration, ts_rank.
Both get the same expanded query and return the same shapes; scoping always comes from
`SearchEntry.objects.visible_to(user)`, passed in as a queryset.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count, F, Value, Window
from django.db.models.expressions import RawSQL

from . import text
from .expansion import Term
from .models import SearchEntry

FTS_TABLE = "search_fts"


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

    def delete(self, entry_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [entry_id])

    def _scoped(self, entries, terms: list[Term], above_id: int | None) -> tuple[str, list]:
        """The WHERE clause for matches in scope, newer than `above_id` when given.

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
        if above_id is not None:
            where += " AND rowid > %s"
            params.append(above_id)
        return where, params

    def ranked(
        self, entries, terms: list[Term], limit: int, above_id: int | None, newest: int
    ) -> tuple[list[tuple[int, float]], int]:
        """The best `limit` of the `newest` matches in scope (newer than `above_id` when
        given), best first, and how many matches were scored."""
        where, params = self._scoped(entries, terms, above_id)
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

    def delete(self, entry_id: int) -> None:
        """The vector lives on the entry itself: deleting the entry is enough."""

    def ranked(
        self, entries, terms: list[Term], limit: int, above_id: int | None, newest: int
    ) -> tuple[list[tuple[int, float]], int]:
        query = self._query(terms)
        matches = entries.filter(search_vector=query)
        if above_id is not None:
            matches = matches.filter(id__gt=above_id)
        # ts_rank reads each match's whole vector, so only the `newest` matches are scored:
        # PostgreSQL finds them walking the primary key backwards, or through the GIN index
        # for a rarer term.
        newest_matches = matches.order_by("-id").values("id")[:newest]
        rows = list(
            SearchEntry.objects.filter(id__in=newest_matches)
            .annotate(score=SearchRank(F("search_vector"), query), matched=Window(Count("id")))
            .order_by("-score", "-id")
            .values_list("id", "score", "matched")[:limit]
        )
        return [(entry_id, score) for entry_id, score, _n in rows], rows[0][2] if rows else 0

    def has_term(self, term: Term) -> bool:
        return SearchEntry.objects.filter(search_vector=self._query([term])).exists()


def get_backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
