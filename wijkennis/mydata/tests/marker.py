"""Find a marker string anywhere in the database: every table, every column, as text.

Reusable for any "is it really gone?" test (account deletion here; story erasure later).
SQLite: every table in `sqlite_master`, including FTS5 virtual tables such as `search_fts` and
their shadow tables (`search_fts_data`, `_idx`, `_content`, `_docsize`, `_config`); blobs are
read as bytes. PostgreSQL: every table of the current schema, each row cast to text (so
`tsvector` columns are included). Comparison is in lower case: full-text indexes store
lower-cased (and stemmed) words, so use a marker that stems to itself, such as
"zqxmarker7731" (letters then digits: no Dutch suffix to strip).
"""

import pickle

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection

from wijkennis.search import pages


def _sqlite_tables(cursor) -> list[str]:
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    return [row[0] for row in cursor.fetchall()]


def _text(value) -> str:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("latin-1")
    return "" if value is None else str(value)


def tables_containing(marker: str) -> dict[str, int]:
    """{table: number of rows that contain `marker`}, for every table with at least one."""
    needle = marker.lower()
    hits: dict[str, int] = {}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            names = set(_sqlite_tables(cursor)) | set(connection.introspection.table_names())
            for table in sorted(names):
                cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (names from the catalogue)
                count = sum(
                    1
                    for row in cursor.fetchall()
                    if any(needle in _text(value).lower() for value in row)
                )
                if count:
                    hits[table] = count
        elif connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "ORDER BY tablename"
            )
            for (table,) in cursor.fetchall():
                cursor.execute(
                    f'SELECT count(*) FROM "{table}" AS t WHERE lower(t::text) LIKE %s',  # noqa: S608
                    ["%" + needle + "%"],
                )
                count = cursor.fetchone()[0]
                if count:
                    hits[table] = count
        else:  # pragma: no cover
            raise NotImplementedError(connection.vendor)
    return hits


def cache_containing(marker: str, alias: str = "default") -> list[str]:
    """Keys of Django's cache whose key or (pickled) value contains `marker`.

    Local memory: the dict behind the cache. Redis: every key, read back raw. Any other backend
    cannot be listed, so the test fails rather than pass without looking. "search_pages" also
    includes this process's own copies of those lists (`search.pages`), as "memory:<key>".
    """
    backend = caches[alias]
    needle = marker.lower().encode()
    found = []
    if alias == "search_pages":
        recent = pages._recent.texts().items()
        found += [f"memory:{key}" for key, html in recent if needle in html.lower().encode()]
    if hasattr(backend, "_cache") and isinstance(backend._cache, dict):  # LocMemCache
        for key, value in list(backend._cache.items()):
            raw = value if isinstance(value, bytes) else pickle.dumps(value)
            if needle in key.lower().encode() or needle in raw.lower():
                found.append(key)
        return found
    if isinstance(backend, RedisCache):
        client = backend._cache.get_client()
        for key in client.scan_iter():
            raw = client.get(key) or b""
            if needle in key.lower() or needle in raw.lower():
                found.append(key.decode("latin-1"))
        return found
    if type(backend).__name__ == "DummyCache":
        return found
    raise NotImplementedError(f"cannot list the keys of {type(backend).__name__}")
