"""`wijkennis backup` / `wijkennis restore`: a restore into an empty database gives the same
rows in every table (counts and content hashes), and search still finds the stories."""

import io
import json
import tarfile
import uuid

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.db.utils import load_backend

from tests.factories import ConceptFactory, StoryFactory
from wijkennis.core.backup import MANIFEST, compare, read_manifest, table_manifest
from wijkennis.knowledge import services as knowledge
from wijkennis.search.indexing import update_story
from wijkennis.search.models import SearchEntry
from wijkennis.stories.models import Visibility

pytestmark = pytest.mark.django_db(transaction=True)

MARKER = "zeldzaamwoordxq"


def _admin_connection(settings):
    return psycopg.connect(
        dbname="postgres",
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        autocommit=True,
    )


@pytest.fixture
def empty_database(tmp_path):
    """A second, empty database of the same engine, reachable as a connection alias."""
    alias = f"restore_{uuid.uuid4().hex[:8]}"
    settings = dict(connections["default"].settings_dict)
    if connection.vendor == "sqlite":
        settings["NAME"] = str(tmp_path / "hersteld.sqlite3")
    else:
        settings["NAME"] = f"{settings['NAME']}_{alias}"
        with _admin_connection(settings) as admin:
            admin.execute(f'CREATE DATABASE "{settings["NAME"]}"')
    # Not in settings.DATABASES: a dynamically made connection, as an operator's would be.
    connections[alias] = load_backend(settings["ENGINE"]).DatabaseWrapper(settings, alias)
    yield alias
    connections[alias].close()
    del connections[alias]
    if connection.vendor == "postgresql":
        with _admin_connection(settings) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{settings["NAME"]}" WITH (FORCE)')


@pytest.fixture
def filled(people):
    """A little of everything: people, concepts, indexed stories, a knowledge item."""
    debts = ConceptFactory(slug="schulden", pref_label="Schulden", definition="Geld dat je moet.")
    stories = [
        StoryFactory(
            author=people.anouk,
            organisation=people.org_a,
            published=True,
            visibility=Visibility.NETWORK,
            body=f"De schoenendoos met brieven, {MARKER} nummer {number}.",
        )
        for number in range(3)
    ]
    for story in stories:
        story.concepts.add(debts)
        update_story(story)
    knowledge.propose_item(
        people.anouk, situations=[debts], title="Samen de post openen", insight="Samen."
    )
    return stories


def found_entries(alias) -> set[int]:
    """Ask the restored database's own full-text index (FTS5 on SQLite, tsvector on PG)."""
    target = connections[alias]
    with target.cursor() as cursor:
        if target.vendor == "sqlite":
            cursor.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [MARKER])
        else:
            cursor.execute(
                "SELECT id FROM search_searchentry "
                "WHERE search_vector @@ plainto_tsquery('dutch', %s)",
                [MARKER],
            )
        return {row[0] for row in cursor.fetchall()}


def test_backup_then_restore_into_an_empty_database_is_identical(filled, empty_database, tmp_path):
    path = tmp_path / "wijkennis.tar"
    out = io.StringIO()
    call_command("backup", str(path), stdout=out)
    assert str(path) in out.getvalue()
    with tarfile.open(path) as archive:
        assert MANIFEST in archive.getnames()
    manifest = read_manifest(path)
    source = table_manifest(connection)
    assert manifest.tables == source  # the manifest describes the database as it was
    assert manifest.tables["stories_story"]["rows"] == 3
    assert manifest.tables["search_searchentry"]["rows"] == 4  # three stories and an item
    if connection.vendor == "sqlite":
        assert manifest.tables["search_fts"]["rows"] == 4

    out = io.StringIO()
    call_command("restore", str(path), database=empty_database, stdout=out)
    assert "stories_story: 3 rows" in out.getvalue()
    restored = table_manifest(connections[empty_database])
    assert set(restored) == set(source) and compare(source, restored) == {}
    story_entries = set(SearchEntry.objects.filter(story__in=filled).values_list("id", flat=True))
    assert found_entries("default") == story_entries
    assert found_entries(empty_database) == story_entries  # search works on the copy


def test_restore_refuses_a_database_that_is_not_empty(filled, empty_database, tmp_path):
    path = tmp_path / "wijkennis.tar"
    call_command("backup", str(path), stdout=io.StringIO())
    call_command("restore", str(path), database=empty_database, stdout=io.StringIO())
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(path), database=empty_database, stdout=io.StringIO())
    assert refused.value.returncode == 2
    out = io.StringIO()
    call_command("restore", str(path), database=empty_database, force=True, stdout=out)
    assert compare(read_manifest(path).tables, table_manifest(connections[empty_database])) == {}


def test_restore_notices_a_backup_that_does_not_match_its_manifest(
    filled, empty_database, tmp_path
):
    path = tmp_path / "wijkennis.tar"
    call_command("backup", str(path), stdout=io.StringIO())
    with tarfile.open(path) as archive:
        members = {m.name: archive.extractfile(m).read() for m in archive.getmembers()}
    manifest = json.loads(members[MANIFEST])
    manifest["tables"]["stories_story"]["rows"] = 99  # as if a story went missing
    tampered = tmp_path / "gewijzigd.tar"
    with tarfile.open(tampered, "w") as archive:
        for name, content in members.items():
            content = json.dumps(manifest).encode() if name == MANIFEST else content
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    with pytest.raises(CommandError) as failed:
        call_command(
            "restore",
            str(tampered),
            database=empty_database,
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    assert failed.value.returncode == 3
