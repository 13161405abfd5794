"""Search benchmark: the real search path on a large demo corpus, next to a plain tantivy index.

    .venv/bin/python bench/search.py [--n 100000] [--backend sqlite|postgres|all]
                                     [--queries-only] [--repeat 5] [--json FILE]

Builds its own corpus (never touches var/wijkennis.sqlite3 or the `wijkennis` database):
SQLite in var/bench/search-<N>.sqlite3, PostgreSQL in the database `wijkennis_bench`. N published
stories come from the demo generator without identifiers (their text counts as already
de-identified; the de-identifier is not run), with the seed vocabulary loaded so that query
expansion is real. The corpus is kept between runs: a second run with the same N and seed only
times the queries.

For every query it times
  * `search_stories(query, user, include_knowledge=True)` — what the search page does:
    expansion, scoping, the newest 501 matches scored (their number is the total, "more than
    500" past that), the best 200 of them as candidates, the top 20 with snippets, facets over
    the candidates, "bedoelde je";
  * "ranked" — only the engine's part of that: the 501 newest matches and the 200 candidates;
  * tantivy 0.27 on the same stories (title, body; Dutch stemmer and stop words): the user's
    words OR-ed (no vocabulary expansion exists there), and, for comparison, the expanded terms
    handed over by our own expansion. Top 20 with the exact count.
and, once per query, where the page's time goes (expand, scope, rank, hits, facets,
suggestion). Latencies are warm: each query runs once before it is measured.
"""

import argparse
import json
import math
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import benchlib
from benchlib import BENCH_DIR, code_version, database_version, machine, mib, summary

ROOT = Path(__file__).resolve().parent.parent
PG_URL = "postgres://postgres@127.0.0.1:5432/wijkennis_bench"
CORPUS_FORMAT = 1  # bump when the way the corpus is generated changes
TARGET_P95_MS = 50.0
TARGETS = {"sqlite": 100_000, "postgres": 1_000_000}  # backend → N the target applies to

# Everyday Dutch, as ervaringswerkers type it. Expansion turns several of these into many terms
# (e.g. "dagvaarding" → the concept "Brief van de deurwaarder" and all its labels).
QUERIES: dict[str, list[str]] = {
    "common word": ["schulden", "hulp", "gemeente", "geld", "kinderen", "werk"],
    "2-4 words OR": [
        "brieven van de deurwaarder",
        "durf de post niet open te maken",
        "geen dak boven mijn hoofd",
        "achter met de huur",
        "alleen met de kinderen",
        "schaamte over schulden",
    ],
    # Typed with quotes: searched as one phrase, plus the phrases of any vocabulary label its
    # words match. tantivy gets the phrase.
    "phrase": [
        '"op straat"',
        '"rode brieven"',
        '"samen de post openen"',
        '"eerste gesprek"',
        '"nachtopvang"',
        '"ongeopende post"',
    ],
    "rare term": [
        "groenvoorziening",
        "noedelsoep",
        "viaduct",
        "zorgverzekering",
        "dagvaarding",
        "fietsenmakerij",
    ],
}

VISIBILITY_WEIGHTS = {"network": 60, "public": 20, "organisation": 15, "private": 5}
ORGANISATIONS = 20
WRITERS_PER_ORGANISATION = 10
BATCH = 5_000


# ---------------------------------------------------------------------------------------------
# Set-up


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="number of stories (100000)")
    parser.add_argument("--backend", choices=["sqlite", "postgres", "all"], default="all")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query (5)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--queries-only", action="store_true", help="only time queries; the corpus must exist"
    )
    parser.add_argument("--rebuild", action="store_true", help="build the corpus again")
    parser.add_argument("--build-only", action="store_true", help="build the corpus, time nothing")
    parser.add_argument(
        "--slow-ms",
        type=float,
        default=5000,
        help="a path whose warm-up run of a query takes longer is not repeated for that query: "
        "the warm-up run is its one sample (5000)",
    )
    parser.add_argument("--no-tantivy", action="store_true", help="skip the tantivy reference")
    parser.add_argument(
        "--timeout-s",
        type=float,
        default=30,
        help="cut a call off after this long and record it as a timeout (30; SQLite: the whole "
        "call, PostgreSQL: each statement)",
    )
    parser.add_argument("--label", default="", help="a name for this run in the output")
    parser.add_argument("--json", type=Path, help="write all figures to this file")
    return parser.parse_args(argv)


def configure(backend: str, n: int) -> None:
    """Point Django at the benchmark's own database, then set it up."""
    benchlib.configure_django(PG_URL if backend == "postgres" else f"sqlite:///{sqlite_path(n)}")


def sqlite_path(n: int) -> Path:
    return BENCH_DIR / f"search-{n}.sqlite3"


def marker_path(backend: str, n: int) -> Path:
    return BENCH_DIR / (f"search-{n}.json" if backend == "sqlite" else "postgres-corpus.json")


def corpus_ready(backend: str, n: int, seed: int) -> dict | None:
    """The build record of the cached corpus when it is the one asked for, else None."""
    from django.db import connection

    path = marker_path(backend, n)
    if not path.exists():
        return None
    record = json.loads(path.read_text())
    if (record.get("n"), record.get("seed"), record.get("format")) != (n, seed, CORPUS_FORMAT):
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM search_searchentry")
            count = cursor.fetchone()[0]
    except Exception:  # noqa: BLE001 - no tables yet
        return None
    return record if count == n else None


# ---------------------------------------------------------------------------------------------
# Corpus


def reset_database(backend: str, n: int) -> None:
    from django.core.management import call_command
    from django.db import connection

    if backend == "sqlite":
        connection.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_path(n)}{suffix}").unlink(missing_ok=True)
    else:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0, interactive=False)


def create_people(rng: random.Random):
    """Organisations, writers and the reader whose searches are timed (an ervaringswerker)."""
    from wijkennis.accounts.models import User
    from wijkennis.organisations.models import Membership, Organisation, OrganisationKind, Role

    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Bench-organisatie {i:02d}", kind=OrganisationKind.SOCIAL_WORK)
        for i in range(ORGANISATIONS)
    )
    users = [User(email="lezer@bench.example", first_name="Lezer")]
    users += [
        User(email=f"schrijver{i:03d}@bench.example", first_name=f"Schrijver {i}")
        for i in range(ORGANISATIONS * WRITERS_PER_ORGANISATION)
    ]
    for user in users:
        user.set_unusable_password()
    users = User.objects.bulk_create(users)
    reader, writers = users[0], users[1:]
    memberships = [
        Membership(user=reader, organisation=organisations[0], role=Role.ERVARINGSWERKER)
    ]
    pairs = []
    for index, writer in enumerate(writers):
        organisation = organisations[index % ORGANISATIONS]
        memberships.append(
            Membership(user=writer, organisation=organisation, role=Role.ERVARINGSWERKER)
        )
        pairs.append((writer.id, organisation.id))
    Membership.objects.bulk_create(memberships)
    return reader, pairs


def create_stories(n: int, rng: random.Random, writers: list[tuple[int, int]]) -> None:
    """N published stories with one version each and their search entries (no index yet)."""
    from django.db import transaction

    from wijkennis.demo.content import generate_story
    from wijkennis.search.models import SearchEntry
    from wijkennis.stories.models import Story, StoryVersion
    from wijkennis.vocabulary.models import Concept

    concepts = dict(Concept.objects.values_list("slug", "id"))
    visibilities = list(VISIBILITY_WEIGHTS)
    weights = list(VISIBILITY_WEIGHTS.values())
    start = datetime(2021, 1, 1, tzinfo=UTC)
    span = 5 * 365 * 86_400
    through = Story.concepts.through
    done = 0
    started = time.perf_counter()
    for first in range(1, n + 1, BATCH):
        stories, versions, entries, links = [], [], [], []
        for pk in range(first, min(first + BATCH, n + 1)):
            content = generate_story(rng, with_identifiers=False)
            author_id, organisation_id = writers[rng.randrange(len(writers))]
            visibility = rng.choices(visibilities, weights)[0]
            published_at = start + timedelta(seconds=rng.randrange(span))
            stories.append(
                Story(
                    id=pk,
                    author_id=author_id,
                    organisation_id=organisation_id,
                    visibility=visibility,
                    status="published",
                    current_version_id=pk,
                    published_version_id=pk,
                    published_at=published_at,
                )
            )
            texts = {
                "title": content["title"],
                "body": content["text"],
                "what_helped": content["what_helped"],
                "what_did_not_help": content["what_did_not_help"],
            }
            versions.append(
                StoryVersion(
                    id=pk,
                    story_id=pk,
                    number=1,
                    **texts,
                    **{f"original_{field}": value for field, value in texts.items()},
                )
            )
            concept_ids = sorted({concepts[s] for s in content["concepts"][:6] if s in concepts})
            entries.append(
                SearchEntry(
                    id=pk,
                    story_id=pk,
                    visibility=visibility,
                    organisation_id=organisation_id,
                    author_id=author_id,
                    published_at=published_at,
                    concept_ids=concept_ids,
                )
            )
            links += [through(story_id=pk, concept_id=concept_id) for concept_id in concept_ids]
        with transaction.atomic():  # foreign keys are checked at commit: both sides exist then
            Story.objects.bulk_create(stories, batch_size=1000)
            StoryVersion.objects.bulk_create(versions, batch_size=1000)
            SearchEntry.objects.bulk_create(entries, batch_size=1000)
            through.objects.bulk_create(links, batch_size=5000)
        done += len(stories)
        rate = done / (time.perf_counter() - started)
        print(f"\r  stories {done:>9,}/{n:,} ({rate:,.0f}/s)", end="", file=sys.stderr)
    print(file=sys.stderr)
    reset_sequences()


def reset_sequences() -> None:
    from django.core.management.color import no_style
    from django.db import connection

    from wijkennis.search.models import SearchEntry
    from wijkennis.stories.models import Story, StoryVersion

    statements = connection.ops.sequence_reset_sql(no_style(), [Story, StoryVersion, SearchEntry])
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def build_index_sqlite() -> dict:
    """Stemmed text into the FTS5 table with executemany, as SqliteBackend.write would."""
    from django.db import connection, transaction

    from wijkennis.search.text import stemmed_text

    select = """
        SELECT e.id, v.title,
               v.body || char(10) || v.what_helped || char(10) || v.what_did_not_help,
               (SELECT group_concat(pref_label, ' ') FROM (
                   SELECT c.pref_label FROM stories_story_concepts sc
                   JOIN vocabulary_concept c ON c.id = sc.concept_id
                   WHERE sc.story_id = s.id ORDER BY c.scheme, c.pref_label))
        FROM search_searchentry e
        JOIN stories_story s ON s.id = e.story_id
        JOIN stories_storyversion v ON v.id = s.published_version_id
        ORDER BY e.id"""
    insert = "INSERT INTO search_fts (rowid, title, body, concepts) VALUES (%s, %s, %s, %s)"
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as reader, connection.cursor() as writer:
        reader.execute(select)
        while rows := reader.fetchmany(10_000):
            writer.executemany(
                insert,
                [
                    (pk, stemmed_text(title), stemmed_text(body), stemmed_text(concepts or ""))
                    for pk, title, body, concepts in rows
                ],
            )
    inserted = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
        cursor.execute("ANALYZE")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {
        "index_insert_s": round(inserted - started, 1),
        "index_optimize_s": round(time.perf_counter() - inserted, 1),
    }


def build_index_postgres() -> dict:
    """One UPDATE over all entries with the weights of PostgresBackend.write, then the indexes.

    The indexes are dropped during the UPDATE and built afterwards (much faster than maintaining
    them row by row); VACUUM FULL removes the old row versions the UPDATE leaves behind.
    """
    from django.db import connection

    update = """
        UPDATE search_searchentry e SET search_vector =
            setweight(to_tsvector('dutch'::regconfig, COALESCE(v.title, '')), 'A')
            || setweight(to_tsvector('dutch'::regconfig, COALESCE(c.labels, '')), 'B')
            || setweight(to_tsvector('dutch'::regconfig, COALESCE(v.body || E'\\n'
                 || v.what_helped || E'\\n' || v.what_did_not_help, '')), 'C')
        FROM stories_story s
        JOIN stories_storyversion v ON v.id = s.published_version_id
        LEFT JOIN (
            SELECT sc.story_id, string_agg(k.pref_label, ' ' ORDER BY k.scheme, k.pref_label)
                AS labels
            FROM stories_story_concepts sc JOIN vocabulary_concept k ON k.id = sc.concept_id
            GROUP BY sc.story_id
        ) c ON c.story_id = s.id
        WHERE s.id = e.story_id"""
    timings = {}
    with connection.cursor() as cursor:
        # The GIN index, and the RUM index where the extension is installed (migration 0003).
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN "
            "('search_entry_vector_gin', 'search_entry_vector_rum')"
        )
        indexes = cursor.fetchall()
        for name, _sql in indexes:
            cursor.execute(f"DROP INDEX {name}")
        started = time.perf_counter()
        cursor.execute(update)
        timings["index_update_s"] = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        cursor.execute("VACUUM FULL search_searchentry")
        timings["index_vacuum_s"] = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        cursor.execute("SET maintenance_work_mem = '1GB'")
        for name, index_sql in indexes:
            started = time.perf_counter()
            cursor.execute(index_sql)
            timings[f"index_{name.rsplit('_', 1)[1]}_s"] = round(time.perf_counter() - started, 1)
        cursor.execute("VACUUM ANALYZE")
    return timings


def build_corpus(backend: str, n: int, seed: int) -> dict:
    from django.db import connection

    from wijkennis.vocabulary.services import load_seed_vocabulary

    record = {"n": n, "seed": seed, "format": CORPUS_FORMAT, "backend": backend}
    started = time.perf_counter()
    reset_database(backend, n)
    load_seed_vocabulary()
    rng = random.Random(seed)
    _reader, writers = create_people(rng)
    record["setup_s"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    create_stories(n, rng, writers)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    record["stories_s"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    record |= build_index_sqlite() if backend == "sqlite" else build_index_postgres()
    record["index_s"] = round(time.perf_counter() - started, 1)
    record["built_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    marker_path(backend, n).write_text(json.dumps(record, indent=2))
    return record


def index_size(backend: str, n: int) -> dict:
    from django.db import connection

    sizes = {}
    with connection.cursor() as cursor:
        if backend == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.execute(
                "SELECT name, SUM(pgsize) FROM dbstat WHERE name LIKE 'search_fts%' GROUP BY name"
            )
            parts = dict(cursor.fetchall())
            sizes["search_fts_bytes"] = sum(parts.values())
            sizes["search_fts_parts"] = parts
            cursor.execute(
                "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'search_searchentry%' "
                "OR name LIKE 'sqlite_autoindex_search_searchentry%'"
            )
            sizes["search_entry_bytes"] = cursor.fetchone()[0] or 0
            sizes["database_file_bytes"] = sqlite_path(n).stat().st_size
        else:
            cursor.execute(
                "SELECT pg_relation_size('search_entry_vector_gin'), "
                "pg_relation_size('search_searchentry'), "
                "pg_table_size('search_searchentry'), "
                "pg_total_relation_size('search_searchentry'), "
                "pg_database_size(current_database())"
            )
            gin, heap, table, total, database = cursor.fetchone()
            sizes |= {
                "gin_index_bytes": gin,
                "search_entry_heap_bytes": heap,
                "search_entry_table_with_toast_bytes": table,
                "search_entry_total_bytes": total,
                "database_bytes": database,
            }
    return sizes


# ---------------------------------------------------------------------------------------------
# tantivy, the reference


def _tantivy_analyzer():
    import tantivy

    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stopword("dutch"))
        .filter(tantivy.Filter.stemmer("dutch"))
        .build()
    )


def tantivy_index(n: int, seed: int):
    """Open (or build from the benchmark database) a tantivy index of the same stories."""
    import tantivy
    from django.db import connection

    path = BENCH_DIR / f"tantivy-{n}-s{seed}-f{CORPUS_FORMAT}"
    record_path = path / "bench.json"
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", tokenizer_name="nl_stem")
    builder.add_text_field("body", tokenizer_name="nl_stem")
    builder.add_integer_field("id", stored=True)
    schema = builder.build()
    if record_path.exists():
        index = tantivy.Index(schema, path=str(path), reuse=True)
        index.register_tokenizer("nl_stem", _tantivy_analyzer())  # not stored with the index
        return index, json.loads(record_path.read_text())
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    started = time.perf_counter()
    index = tantivy.Index(schema, path=str(path), reuse=False)
    index.register_tokenizer("nl_stem", _tantivy_analyzer())
    writer = index.writer(heap_size=512_000_000, num_threads=2)
    body_sql = "v.body || '\n' || v.what_helped || '\n' || v.what_did_not_help"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.id, v.title, {body_sql} FROM search_searchentry e "  # noqa: S608
            "JOIN stories_storyversion v ON v.story_id = e.story_id ORDER BY e.id"
        )
        while rows := cursor.fetchmany(10_000):
            for pk, title, body in rows:
                writer.add_document(tantivy.Document(id=pk, title=title, body=body))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    record = {"build_s": round(time.perf_counter() - started, 1), "size_bytes": size}
    record_path.write_text(json.dumps(record))
    return index, record


def tantivy_query_text(raw: str) -> str:
    """The user's words OR-ed; a quoted part stays a phrase (tantivy's own syntax)."""
    from wijkennis.search import text

    parts, quoted = [], raw.split('"')
    for position, piece in enumerate(quoted):
        words = text.words(piece)
        if position % 2 and words:
            parts.append('"' + " ".join(words) + '"')
        else:
            parts += [f'"{w}"' for w in words]
    return " OR ".join(parts)


def tantivy_expanded_text(terms) -> str:
    """The terms our own expansion produced, each a word or a phrase, OR-ed."""
    from wijkennis.search import text

    return " OR ".join('"' + " ".join(text.words(t.label)) + '"' for t in terms if t.label)


# ---------------------------------------------------------------------------------------------
# Timing


class Timeout(Exception):
    """A call ran past --timeout-s and was cut off."""


_deadline = [math.inf]


def install_timeout(seconds: float) -> None:
    """SQLite: interrupt a call past its deadline; PostgreSQL: statement_timeout."""
    from django.db import connection

    connection.ensure_connection()
    if connection.vendor == "sqlite":
        connection.connection.set_progress_handler(
            lambda: int(time.monotonic() > _deadline[0]), 10_000
        )
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statement_timeout', %s, false)", [f"{seconds}s"])


def clock(function, *args, timeout_s: float = math.inf):
    """(ms, result) of one call; raises Timeout when the database cut it off."""
    from django.db import OperationalError

    started = time.perf_counter()
    _deadline[0] = time.monotonic() + timeout_s
    try:
        result = function(*args)
    except OperationalError as error:  # sqlite "interrupted", PostgreSQL "canceling statement"
        if "interrupt" in str(error) or "statement timeout" in str(error):
            raise Timeout((time.perf_counter() - started) * 1000) from error
        raise
    finally:
        _deadline[0] = math.inf
    return (time.perf_counter() - started) * 1000, result


def breakdown(raw: str, user, timeout_s: float, rank_cut_ms=None) -> dict[str, float | None]:
    """search_stories step by step (same calls, same order), in ms per step.

    A step cut off by the timeout is recorded as its time so far; the steps after it as None.
    With `rank_cut_ms` (the ranked path already timed out after that long) the ranking is not
    run again: it counts as timed out.
    """
    from wijkennis.search import queries
    from wijkennis.search.backends import get_backend
    from wijkennis.search.expansion import expand
    from wijkennis.search.models import SearchEntry
    from wijkennis.search.queries import build_hits

    state: dict = {}

    def expand_step():
        state["query"] = expand(raw)
        state["terms"] = state["query"].all_terms
        state["backend"] = get_backend()

    def scope_step():
        state["scope"] = SearchEntry.objects.visible_to(user)

    def rank_step():
        state["ranked"], state["total"] = queries._rank_candidates(
            state["backend"], state["scope"], state["terms"], queries.CANDIDATES
        )

    def facets_step():
        if state["ranked"]:
            facts = queries._entry_facts(state["ranked"])
            state["ranked"] = queries._boost_knowledge(state["ranked"], facts)
            queries._facets(facts, [])

    def hits_step():
        build_hits(state["ranked"][:20], state["scope"], state["query"])

    def suggestion_step():
        queries._suggestion(state["query"], state["backend"])
        if not state["total"]:
            queries._related(state["query"])

    steps = [
        ("expand", expand_step),
        ("scope", scope_step),
        ("rank", rank_step),
        ("facets", facets_step),
        ("hits", hits_step),
        ("suggestion", suggestion_step),
    ]
    parts: dict[str, float | None] = {}
    for name, step in steps:
        if name == "rank" and rank_cut_ms is not None:
            parts[name], parts["rank (timed out)"], state["ranked"] = rank_cut_ms, 1, []
            continue
        try:
            parts[name] = clock(step, timeout_s=timeout_s)[0]
        except Timeout as cut:
            parts[name] = cut.args[0]
            parts[name + " (timed out)"] = 1
            if name in ("expand", "scope"):
                break
            state.setdefault("total", 1)
            state.setdefault("ranked", [])
    return parts


def count_matches(engine, scope, terms) -> int:
    """Every match in scope, without ranking (for the report; not timed)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return scope.filter(search_vector=engine._query(terms)).count()
    where, params = engine._scoped(scope, terms)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM search_fts WHERE {where}", params)  # noqa: S608
        return cursor.fetchone()[0]


def run_queries(
    backend: str, repeat: int, tantivy_index_=None, slow_ms: float = 5000, timeout_s: float = 30
) -> dict:
    from wijkennis.accounts.models import User
    from wijkennis.search import queries
    from wijkennis.search.backends import get_backend
    from wijkennis.search.expansion import expand
    from wijkennis.search.models import SearchEntry
    from wijkennis.search.queries import search_stories

    user = User.objects.get(email="lezer@bench.example")
    engine = get_backend()
    searcher = tantivy_index_.searcher() if tantivy_index_ else None
    boosts = {"title": 5.0, "body": 1.0}
    install_timeout(timeout_s)

    def full(raw):
        return search_stories(raw, user, include_knowledge=True)  # as the page does

    def ranked(raw):
        terms = expand(raw).all_terms
        scope = SearchEntry.objects.visible_to(user)

        def rank_and_count():
            return queries._rank_candidates(engine, scope, terms, queries.CANDIDATES)

        return clock(rank_and_count, timeout_s=timeout_s)[0]

    def tantivy_search(query_text):
        query = tantivy_index_.parse_query(query_text, ["title", "body"], field_boosts=boosts)
        return searcher.search(query, limit=20, count=True)

    def measure(plan, path, function, record=True):
        """One sample of `path`; a timeout counts as a sample and stops further runs."""
        try:
            ms, result = function()
        except Timeout as cut:
            plan["timeouts"][path] = plan["timeouts"].get(path, 0) + 1
            plan["slow"].add(path)
            plan[path].append(cut.args[0])
            return None
        if record:
            plan[path].append(ms)
        return ms, result

    plans = []
    for query_class, raws in QUERIES.items():
        for raw in raws:
            expanded = expand(raw)
            plan = {
                "class": query_class,
                "query": raw,
                "terms": len(expanded.all_terms),
                "tantivy_plain": tantivy_query_text(raw),
                "tantivy_expanded": tantivy_expanded_text(expanded.all_terms),
                "full": [],
                "ranked": [],
                "tantivy": [],
                "tantivy_expanded_ms": [],
                "slow": set(),
                "timeouts": {},
                "total": None,
            }
            # Warm-up: caches, plans, pages. A very slow path keeps its warm-up as its only
            # sample, so that a slow configuration still finishes in reasonable time.
            outcome = measure(
                plan, "full", lambda raw=raw: clock(full, raw, timeout_s=timeout_s), False
            )
            if outcome:
                page_ms, results = outcome
                plan["total"] = results.total
                # Not timed: every match in scope, for the report (the page stops at 500).
                plan["matches"] = count_matches(
                    engine, SearchEntry.objects.visible_to(user), expanded.all_terms
                )
                if page_ms > slow_ms:
                    plan["slow"].add("full")
                    plan["full"].append(page_ms)
            outcome = measure(plan, "ranked", lambda raw=raw: (ranked(raw), None), False)
            if outcome and outcome[0] > slow_ms:
                plan["slow"].add("ranked")
                plan["ranked"].append(outcome[0])
            if searcher:
                plan["tantivy_count"] = tantivy_search(plan["tantivy_plain"]).count
                plan["tantivy_expanded_count"] = tantivy_search(plan["tantivy_expanded"]).count
            print(
                f"  warm-up {query_class:<14} {raw[:34]:<34} page "
                f"{(plan['full'] or [0])[0]:,.0f} ms (0 = fast, measured below), ranked "
                f"{(plan['ranked'] or [0])[0]:,.0f} ms, matches {plan.get('matches')}, "
                f"timeouts {plan['timeouts']}",
                file=sys.stderr,
            )
            plans.append(plan)
    for round_ in range(repeat):
        print(f"\r  round {round_ + 1}/{repeat}", end="", file=sys.stderr)
        for plan in plans:
            raw = plan["query"]
            if "full" not in plan["slow"]:
                measure(plan, "full", lambda raw=raw: clock(full, raw, timeout_s=timeout_s))
            if "ranked" not in plan["slow"]:
                measure(plan, "ranked", lambda raw=raw: (ranked(raw), None))
            if searcher:
                plan["tantivy"].append(clock(tantivy_search, plan["tantivy_plain"])[0])
                plan["tantivy_expanded_ms"].append(
                    clock(tantivy_search, plan["tantivy_expanded"])[0]
                )
    print(file=sys.stderr)
    for plan in plans:
        cut = plan["ranked"][0] if "ranked" in plan["timeouts"] else None
        plan["breakdown"] = breakdown(plan["query"], user, timeout_s, rank_cut_ms=cut)

    classes = {}
    paths = ["full", "ranked"] + (["tantivy", "tantivy_expanded_ms"] if searcher else [])
    steps = ("expand", "scope", "rank", "hits", "facets", "suggestion")
    for query_class in QUERIES:
        rows = [p for p in plans if p["class"] == query_class]
        classes[query_class] = {
            path: summary([ms for p in rows for ms in p[path]])
            | {"timeouts": sum(p["timeouts"].get(path, 0) for p in rows)}
            for path in paths
        }
        medians = {}
        for step in steps:
            values = [p["breakdown"].get(step) for p in rows]
            values = [v for v in values if v is not None]
            medians[step] = round(statistics.median(values), 2) if values else None
        classes[query_class]["breakdown_median"] = medians
        classes[query_class]["breakdown_timed_out"] = sorted(
            {step for p in rows for step in steps if f"{step} (timed out)" in p["breakdown"]}
        )
    for plan in plans:
        plan["slow"] = sorted(plan["slow"])
        for path in paths:
            plan[path] = summary(plan[path])
        plan["breakdown"] = {
            step: None if ms is None else round(ms, 2) for step, ms in plan["breakdown"].items()
        }
    return {"classes": classes, "queries": plans}


# ---------------------------------------------------------------------------------------------
# Report


PATH_NAMES = {
    "full": "search_stories (page)",
    "ranked": "500 newest matches, 200 candidates",
    "tantivy": "tantivy, user words",
    "tantivy_expanded_ms": "tantivy, expanded",
}


def print_report(result: dict) -> None:
    backend, n = result["backend"], result["n"]
    build, sizes = result["build"], result["sizes"]
    print()
    print(f"== {backend}, N = {n:,} stories, {result['database']}, {result['date']}")
    print(f"   code: {result['code']}" + (f", run: {result['label']}" if result["label"] else ""))
    print(
        f"   machine: {result['machine']['cpu']}, {result['machine']['cores']} cores, "
        f"{result['machine']['memory_gib']} GiB"
    )
    print(
        "   build: "
        + ", ".join(f"{k} {v}" for k, v in build.items() if k.endswith("_s"))
        + (" (cached corpus)" if result["cached"] else "")
    )
    print("   size: " + ", ".join(f"{k} {mib(v)}" for k, v in sizes.items() if k.endswith("bytes")))
    if result.get("tantivy"):
        print(
            f"   tantivy 0.27: build {result['tantivy']['build_s']} s, "
            f"size {mib(result['tantivy']['size_bytes'])}"
        )
    print(
        f"   {result['repeat']} timed runs per query after one warm-up; ms; vocabulary expansion "
        "on for our backend; tantivy has no expansion: 'user words' = the typed words OR-ed "
        "(quotes kept as a phrase), 'expanded' = our expanded terms handed to it."
    )
    target = TARGETS[backend] == n
    header = (
        f"   {'class':<14} {'path':<24} {'p50':>9} {'p95':>9} {'max':>9} {'runs':>5} "
        f"{'p95/tantivy':>11}"
    )
    print(header + ("   target p95 <= 50 ms" if target else ""))
    for query_class, paths in result["classes"].items():
        reference = paths.get("tantivy", {}).get("p95")
        for path, figures in paths.items():
            if path.startswith("breakdown"):
                continue
            cut = ">" if figures.get("timeouts") else " "  # a timeout: at least this long
            ratio = ""
            if reference and path in ("full", "ranked"):
                ratio = f"{cut}{figures['p95'] / max(reference, 0.001):,.0f}x"
            verdict = ""
            if target and path == "full":
                verdict = "   met" if figures["p95"] <= TARGET_P95_MS else "   NOT met"
            print(
                f"   {query_class:<14} {PATH_NAMES[path]:<24} {figures['p50']:>9.1f} "
                f"{cut}{figures['p95']:>8.1f} {cut}{figures['max']:>8.1f} "
                f"{figures['samples']:>5} {ratio:>11}{verdict}"
            )
    if any(
        isinstance(p, dict) and p.get("timeouts")
        for c in result["classes"].values()
        for p in c.values()
    ):
        print(f"   > : cut off after {result['timeout_s']} s at least once (a lower bound)")
    steps = list(next(iter(result["classes"].values()))["breakdown_median"])
    print("\n   where the page's time goes (median ms per step over the class, one run per query):")
    print(f"   {'class':<14} " + " ".join(f"{s:>10}" for s in steps))
    for query_class, paths in result["classes"].items():
        values, cut = paths["breakdown_median"], paths["breakdown_timed_out"]
        print(
            f"   {query_class:<14} "
            + " ".join(
                "         -"
                if values[s] is None
                else f"{'>' if s in cut else ' '}{values[s]:>9.1f}"
                for s in steps
            )
        )
    print(
        "\n   per query (ms): page p50 / p95, count + candidates p50, tantivy p50; "
        "matches ours (scoped) / tantivy (user words, unscoped)"
    )
    for q in result["queries"]:
        tv = q.get("tantivy", {}).get("p50", float("nan"))
        total = "?" if q.get("matches") is None else f"{q['matches']:,}"
        flags = ", ".join(f"{path} timed out" for path in q["timeouts"]) or (
            "slow: warm-up run only" if q["slow"] else ""
        )
        print(
            f"   {q['class']:<14} {q['query'][:34]:<34} terms {q['terms']:>3} "
            f"{q['full']['p50']:>9.1f} {q['full']['p95']:>9.1f} {q['ranked']['p50']:>9.1f} "
            f"{tv:>6.2f} {total:>8} / {q.get('tantivy_count', 0):>8,}"
            + (f"  ({flags})" if flags else "")
        )


def run_backend(args: argparse.Namespace, backend: str) -> dict:
    configure(backend, args.n)
    record = None if args.rebuild else corpus_ready(backend, args.n, args.seed)
    cached = record is not None
    if record is None:
        if args.queries_only:
            sys.exit(f"No {backend} corpus of {args.n:,} stories yet: run without --queries-only.")
        print(f"Building the {backend} corpus of {args.n:,} stories …", file=sys.stderr)
        record = build_corpus(backend, args.n, args.seed)
    if args.build_only:
        print(f"Corpus ready: {json.dumps(record)}", file=sys.stderr)
        return {"backend": backend, "n": args.n, "build": record}
    index = tantivy_record = None
    if not args.no_tantivy:
        index, tantivy_record = tantivy_index(args.n, args.seed)
    print(f"Timing {sum(map(len, QUERIES.values()))} queries on {backend} …", file=sys.stderr)
    timings = run_queries(backend, args.repeat, index, args.slow_ms, args.timeout_s)
    result = {
        "backend": backend,
        "n": args.n,
        "seed": args.seed,
        "repeat": args.repeat,
        "timeout_s": args.timeout_s,
        "label": args.label,
        "code": code_version("wijkennis/search"),
        "date": datetime.now(UTC).astimezone().isoformat(timespec="seconds"),
        "machine": machine(),
        "database": database_version(),
        "cached": cached,
        "build": {k: v for k, v in record.items() if k.endswith("_s") or k == "built_at"},
        "sizes": index_size(backend, args.n),
        "tantivy": tantivy_record,
        "target_p95_ms": TARGET_P95_MS if TARGETS[backend] == args.n else None,
        **timings,
    }
    if args.json and args.backend != "all":
        args.json.write_text(json.dumps([result], indent=2, ensure_ascii=False))
    print_report(result)
    return result


def main(argv=None) -> None:
    args = parse_args(argv)
    if args.backend != "all":
        run_backend(args, args.backend)
        return
    # One Django set-up per database: each backend runs in its own process.
    results, failed = [], []
    for backend in ("sqlite", "postgres"):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            command = [sys.executable, __file__, *(argv or sys.argv[1:])]
            command = _without_option(command, "--backend") + ["--backend", backend]
            command = _without_option(command, "--json") + ["--json", out.name]
            if subprocess.run(command, check=False).returncode:  # noqa: S603 - our own script
                failed.append(backend)
                continue
            results += json.loads(Path(out.name).read_text())
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    timed = [r for r in results if "classes" in r]
    if timed:
        print("\n== summary: page p95 in ms (p95 / tantivy p95, typed words)")
        for result in timed:
            cells = []
            for query_class, paths in result["classes"].items():
                page, reference = paths["full"], paths.get("tantivy", {}).get("p95")
                ratio = f" ({page['p95'] / max(reference, 0.001):,.0f}x)" if reference else ""
                cells.append(f"{query_class} {page['p95']:,.1f}{ratio}")
            print(f"   {result['backend']:<8} N={result['n']:,}: " + "; ".join(cells))
    if failed:
        sys.exit(f"failed: {', '.join(failed)}")


def _without_option(command: list[str], option: str) -> list[str]:
    cleaned, skip = [], False
    for part in command:
        if skip:
            skip = False
            continue
        if part == option:
            skip = True
            continue
        if part.startswith(option + "="):
            continue
        cleaned.append(part)
    return cleaned


if __name__ == "__main__":
    main()
