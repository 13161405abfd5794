"""The database goes away mid-request or mid-import: a clear message, nothing half-written,
and the next request works again."""

import io
import json
import sqlite3

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import ConceptFactory
from wijkennis.core.models import AuditEvent
from wijkennis.core.tests.faults import (
    backend_pid,
    kill_connection_before,
    requires_postgres,
    terminate,
)
from wijkennis.invitations.models import Invitation
from wijkennis.knowledge.models import KnowledgeItem, KnowledgeVersion
from wijkennis.search.models import SearchEntry
from wijkennis.stories.models import Story, StoryVersion

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def situation(db):
    return ConceptFactory(slug="ongeopende-post", pref_label="Ongeopende post")


def new_item(situation):
    return {"title": "Samen de post openen", "situations": [situation.slug], "insight": "Samen."}


def assert_unavailable_page(response):
    assert response.status_code == 503
    assert response["Retry-After"]
    page = response.content.decode()
    assert 'id="database-unavailable"' in page and page.count("<h1") == 1
    assert 'class="site-header' in page  # the normal layout, shown as to a visitor


@requires_postgres
def test_connection_killed_during_a_write_gives_503_and_stores_nothing(people, situation):
    client = Client()
    client.force_login(people.anouk)
    with kill_connection_before('INSERT INTO "knowledge_knowledgeversion"') as killed:
        response = client.post(reverse("knowledge:create"), new_item(situation))
    assert killed, "the connection was never killed: the test did not test anything"
    assert_unavailable_page(response)
    # The item row was inserted before the kill; the transaction took it away with it.
    assert KnowledgeItem.objects.count() == 0 and KnowledgeVersion.objects.count() == 0
    assert not AuditEvent.objects.filter(action="knowledge.proposed").exists()
    # Recovery: the same person, the same session, the next request.
    response = client.post(reverse("knowledge:create"), new_item(situation))
    assert response.status_code == 302 and KnowledgeItem.objects.count() == 1


@requires_postgres
def test_database_gone_before_the_session_is_read_gives_503_then_recovers(people):
    client = Client(raise_request_exception=False)  # the error happens in middleware
    client.force_login(people.anouk)
    terminate(backend_pid())  # e.g. the database server restarted between two requests
    assert_unavailable_page(client.get(reverse("knowledge:list")))
    assert client.get(reverse("knowledge:list")).status_code == 200


@requires_postgres
def test_the_api_answers_503_json_with_a_reason(people):
    client = Client(raise_request_exception=False)
    client.force_login(people.anouk)
    terminate(backend_pid())
    response = client.get("/api/stories/")
    assert response.status_code == 503
    assert response.json()["reason"] == "database_unavailable"
    assert client.get("/api/stories/").status_code == 200


def story_line(number):
    return json.dumps(
        {
            "title": f"Verhaal {number}",
            "text": "We openden samen de brieven van de deurwaarder.",
            "author": "anouk@a.test",
            "organisation": "Welzijn Testdam",
            "visibility": "network",
            "consent": True,
        }
    )


@requires_postgres
def test_import_killed_part_way_stores_nothing_and_can_be_run_again(people, tmp_path):
    path = tmp_path / "verhalen.jsonl"
    path.write_text("\n".join(story_line(n) for n in range(4)) + "\n", encoding="utf-8")
    with kill_connection_before('INSERT INTO "stories_story"', nth=3) as killed:
        with pytest.raises(CommandError) as failed, translation.override("en"):
            call_command("import", "stories", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert killed
    assert failed.value.returncode == 3
    assert "Nothing was imported" in str(failed.value)
    connection.close()  # the command's process would exit here; the test goes on
    assert Story.objects.count() == 0 and StoryVersion.objects.count() == 0
    assert SearchEntry.objects.count() == 0
    out = io.StringIO()
    call_command("import", "stories", str(path), stdout=out, stderr=io.StringIO())
    assert Story.objects.count() == 4 and SearchEntry.objects.count() == 4


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own locking")
def test_a_locked_sqlite_database_gives_the_same_503_page(people):
    client = Client()
    client.force_login(people.anouk)
    # Another process holds a write lock on the shared test database (shared-cache memory):
    # SQLite answers "database table is locked" to our connection.
    connection.ensure_connection()
    name = connection.settings_dict["NAME"]
    other = sqlite3.connect(name, uri=name.startswith("file:"), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("DELETE FROM knowledge_knowledgeitem WHERE id < 0")
        assert_unavailable_page(client.get(reverse("knowledge:list")))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert client.get(reverse("knowledge:list")).status_code == 200


@requires_postgres
def test_invitations_csv_killed_part_way_invites_nobody_and_can_be_sent_again(people, mailoutbox):
    rows = "".join(f"persoon{n}@a.test,ervaringswerker\n" for n in range(4))
    upload = "email,role\n" + rows
    client = Client(raise_request_exception=False)
    client.force_login(people.coordinator)
    url = reverse("invitations:import")

    def send():
        csv = SimpleUploadedFile("mensen.csv", upload.encode(), content_type="text/csv")
        return client.post(url, {"organisation": people.org_a.pk, "file": csv})

    with kill_connection_before('INSERT INTO "invitations_invitation"', nth=3) as killed:
        response = send()
    assert killed
    assert_unavailable_page(response)
    assert not Invitation.objects.exists() and mailoutbox == []
    response = send()
    assert response.status_code == 302, response.content.decode()[:500]
    assert Invitation.objects.count() == 4 and len(mailoutbox) == 4
