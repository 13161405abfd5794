"""Two full-text backends behind one interface, chosen by the database in use.

SQLite: an FTS5 table `search_fts` (rowid = SearchEntry.id) holding Dutch stems, ranked with
bm25. PostgreSQL: a tsvector column with a GIN index, the `dutch` configuration, ts_rank.
Both get the same expanded query and return the same shapes; scoping always comes from
`SearchEntry.objects.visible_to(user)`, passed in as a queryset.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Value
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

    def matching(self, entries, terms: list[Term]):
        matches = RawSQL(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [self._match(terms)]
        )
        return entries.filter(id__in=matches)

    def ranked(
        self, entries, terms: list[Term], limit: int, offset: int
    ) -> list[tuple[int, float]]:
        scope_sql, scope_params = entries.values("id").query.sql_with_params()
        # bm25 column weights (title, body, concepts): a title word counts most, then a
        # concept. Only the scope's SQL is interpolated: it comes from the ORM, with params.
        select = "SELECT rowid, bm25(search_fts, 5.0, 1.0, 3.0) AS score FROM search_fts"
        # The unary + keeps SQLite from driving the query by the scope's rowids (one full-text
        # lookup per visible story: 50 s at 100 000 stories instead of 80 ms; bench/search.py).
        where = f"WHERE search_fts MATCH %s AND +rowid IN ({scope_sql})"
        sql = f"{select} {where} ORDER BY score LIMIT %s OFFSET %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [self._match(terms), *scope_params, limit, offset])
            # bm25 is lower-is-better; turn it around so higher is better on both backends.
            return [(row[0], -row[1]) for row in cursor.fetchall()]

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

    def matching(self, entries, terms: list[Term]):
        return entries.filter(search_vector=self._query(terms))

    def ranked(
        self, entries, terms: list[Term], limit: int, offset: int
    ) -> list[tuple[int, float]]:
        query = self._query(terms)
        rows = (
            entries.filter(search_vector=query)
            .annotate(score=SearchRank(F("search_vector"), query))
            .order_by("-score", "-published_at")
            .values_list("id", "score")[offset : offset + limit]
        )
        return list(rows)

    def has_term(self, term: Term) -> bool:
        return SearchEntry.objects.filter(search_vector=self._query([term])).exists()


def get_backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
