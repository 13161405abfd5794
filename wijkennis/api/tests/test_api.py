"""The JSON API: same permissions and services as the pages; 4xx with a reason, never 500."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import AltLabelFactory, ConceptFactory, StoryFactory
from wijkennis.search.indexing import update_story
from wijkennis.stories.models import Status, Story, Visibility

STORY = "Ik belde met Kees de Boer op 06-12345678 over zijn schulden."


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.credentials(
            HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}"
        )
    return client


def test_write_publish_and_read_through_the_api(people):
    ConceptFactory(slug="schulden", pref_label="Schulden")
    anouk = api(people.anouk)
    created = anouk.post("/api/stories/", {"title": "Bellen", "body": STORY}, format="json")
    assert created.status_code == 201
    draft = created.json()
    assert "Kees" not in draft["body"] and draft["status"] == Status.DRAFT
    assert {span["original"] for span in draft["spans"]} >= {"Kees de Boer", "06-12345678"}

    refused = anouk.post(
        f"/api/stories/{draft['id']}/publish/",
        {"visibility": "network", "consent": False},
        format="json",
    )
    assert refused.status_code == 400 and "Vink het vakje aan" in str(refused.json())
    published = anouk.post(
        f"/api/stories/{draft['id']}/publish/",
        {"visibility": "network", "consent": True, "concepts": ["schulden"]},
        format="json",
    )
    assert published.status_code == 200 and published.json()["status"] == Status.PUBLISHED

    read = api(people.bram).get(f"/api/stories/{draft['id']}/").json()
    assert "Kees" not in read["body"] and "spans" not in read
    assert read["concepts"] == ["schulden"]
    assert api(people.policy_officer).get(f"/api/stories/{draft['id']}/").status_code == 404

    assert anouk.post(f"/api/stories/{draft['id']}/withdraw/").status_code == 200
    assert api(people.bram).get(f"/api/stories/{draft['id']}/").status_code == 404


def test_search_endpoint_is_scoped_and_explains_matches(people):
    incasso = ConceptFactory(slug="incasso", pref_label="Incasso")
    AltLabelFactory(concept=incasso, label="deurwaarder")
    for visibility in (Visibility.NETWORK, Visibility.ORGANISATION):
        story = StoryFactory(
            author=people.anouk,
            organisation=people.org_a,
            published=True,
            visibility=visibility,
            body=f"Een incasso ({visibility}).",
        )
        update_story(story)
    page = api(people.bram).get("/api/stories/search/", {"q": "deurwaarder"}).json()
    assert page["total"] == 1
    assert page["results"][0]["found_via"] == [{"query": "deurwaarder", "label": "Incasso"}]
    assert (
        api(people.colleague).get("/api/stories/search/", {"q": "deurwaarder"}).json()["total"] == 2
    )
    assert api().get("/api/stories/search/", {"q": "deurwaarder"}).json()["total"] == 0


def test_story_list_is_counted_once_per_state_of_the_index(people):
    stories = {}
    for visibility in (Visibility.NETWORK, Visibility.ORGANISATION):
        stories[visibility] = StoryFactory(
            author=people.anouk, organisation=people.org_a, published=True, visibility=visibility
        )
        update_story(stories[visibility])
    bram = api(people.bram)
    assert bram.get("/api/stories/").json()["count"] == 1
    with CaptureQueriesContext(connection) as queries:
        assert bram.get("/api/stories/").json()["count"] == 1
    assert not [query for query in queries if "COUNT(" in query["sql"].upper()]
    # Another readership has a count of its own.
    assert api(people.colleague).get("/api/stories/").json()["count"] == 2
    # A withdrawal changes the index: counted again.
    network = stories[Visibility.NETWORK]
    assert api(people.anouk).post(f"/api/stories/{network.pk}/withdraw/").status_code == 200
    assert bram.get("/api/stories/").json()["count"] == 0
    assert api(people.colleague).get("/api/stories/").json()["count"] == 1


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"body": "   "}, 400),
        ({"body": "x" * 100_001}, 400),
        ({"title": ["geen", "tekst"], "body": "Tekst"}, 400),
        ({}, 400),
    ],
)
def test_bad_drafts_get_a_reason(people, body, status):
    response = api(people.anouk).post("/api/stories/", body, format="json")
    assert response.status_code == status
    assert response.json()
    assert not Story.objects.exists()


def test_who_may_not_write_is_told_so(people):
    assert (
        api(people.colleague).post("/api/stories/", {"body": "x"}, format="json").status_code == 403
    )
    assert api().post("/api/stories/", {"body": "x"}, format="json").status_code == 401
    bad_token = APIClient()
    bad_token.credentials(HTTP_AUTHORIZATION="Token verkeerd")
    assert bad_token.get("/api/stories/").status_code == 401


def test_malformed_requests_are_4xx(people):
    anouk = api(people.anouk)
    assert (
        anouk.post("/api/stories/", "{niet json", content_type="application/json").status_code
        == 400
    )
    assert anouk.get("/api/stories/99999999999999999999999/").status_code == 404
    assert anouk.get("/api/stories/search/", {"q": "x", "page": "twee"}).status_code == 400
    assert anouk.get("/api/stories/", {"page": "999"}).status_code == 404


def test_schema_and_docs_are_served(client, db):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"openapi: 3" in schema.content
    docs = client.get("/api/docs/")
    assert docs.status_code == 200 and b"swagger-ui" in docs.content


def test_nul_and_huge_numbers_are_refused_with_a_reason(people):
    anouk = api(people.anouk)
    story = StoryFactory(author=people.anouk, organisation=people.org_a)
    response = anouk.post(
        f"/api/stories/{story.pk}/publish/",
        {"visibility": "network", "consent": True, "concepts": ["a\x00b"]},
        format="json",
    )
    assert response.status_code == 400
    response = anouk.post("/api/stories/", {"body": "Tekst", "organisation": 10**30}, format="json")
    assert response.status_code == 400
    assert anouk.get("/api/stories/search/", {"q": "a\x00b", "concept": "x\x00"}).status_code == 200
