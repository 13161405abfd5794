"""Issue 11, point 5: an erased story is gone from every table, index, aggregate, export and cache.

A unique marker (letters then digits, so Dutch stemming leaves it as it is) is put in every text
of one story: title, body, "what helped", "what did not help", original and de-identified, two
versions, a de-identification span. The story is published (search index, consent record),
cited by wij-kennis, counted on the dashboard, exported, read through the API and searched
(which fills caches, if any). After `stories:erase` the test looks for the marker everywhere.
"""

import datetime
import io
import json

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import ConceptFactory, StoryFactory, name_span
from wijkennis.core.models import AuditEvent
from wijkennis.dashboards.figures import contribution_counts
from wijkennis.dashboards.tables import Period
from wijkennis.knowledge import research
from wijkennis.knowledge import services as knowledge_services
from wijkennis.knowledge.models import KnowledgeItem
from wijkennis.mydata.tests.marker import cache_containing, tables_containing
from wijkennis.search.queries import search_stories
from wijkennis.stories import services as story_services
from wijkennis.stories.models import Story, StoryVersion, Visibility
from wijkennis.stories.transfer import export_rows

MARKER = "zqxstorymark4417"


def test_the_cache_scan_finds_a_marker_in_a_key_or_a_value():
    cache.set("erasure-scan-probe", {"text": f"iets met {MARKER}"})
    try:
        assert cache_containing(MARKER) == ["erasure-scan-probe"] or any(
            "erasure-scan-probe" in key for key in cache_containing(MARKER)
        )
    finally:
        cache.delete("erasure-scan-probe")
    assert cache_containing(MARKER) == []


def _story_with_marker(people):
    """A network story of Anouk with the marker in every text, two versions and a span."""
    story = StoryFactory(
        author=people.anouk,
        organisation=people.org_a,
        title=f"Schulden en {MARKER}",
        body=f"De schoenendoos van {MARKER} stond vol brieven.",
    )
    first = story.current_version
    first.original_what_helped = first.what_helped = f"Samen bellen met {MARKER}."
    first.original_what_did_not_help = first.what_did_not_help = f"Alleen {MARKER} bellen."
    first.save()
    second = StoryVersion.objects.create(
        story=story,
        number=2,
        original_title=f"Nieuwe versie {MARKER}",
        original_body=f"Aangepast door {MARKER}.",
        original_what_helped=f"Post openen met {MARKER}.",
        original_what_did_not_help=f"Wachten op {MARKER}.",
        title=f"Nieuwe versie {MARKER}",
        body="Aangepast door [naam 1].",
        what_helped=f"Post openen met {MARKER}.",
        what_did_not_help=f"Wachten op {MARKER}.",
    )
    name_span(second, MARKER, start=14, source="known")
    story.current_version = second
    story.save()
    situation = ConceptFactory(slug="schulden", pref_label="Schulden")
    story_services.publish_story(
        people.anouk,
        story,
        visibility=Visibility.NETWORK,
        consent_given=True,
        concepts=[situation],
    )
    return story, situation


def _exported_text() -> str:
    out = io.StringIO()
    call_command("export", "stories", stdout=out)
    return out.getvalue() + json.dumps(export_rows(Story.objects.all()))


def _research_text(user) -> str:
    return "".join(research.as_json(research.rows_for(name, user)) for name in research.DATASETS)


@pytest.mark.django_db(transaction=False)
def test_an_erased_story_leaves_no_trace_anywhere(client, people):
    story, situation = _story_with_marker(people)
    item = knowledge_services.propose_item(
        people.coordinator, situations=[situation], title="Samen de post openen", insight="Vast."
    )
    item.current.stories.add(story)
    year = timezone.localdate().year
    period = Period(datetime.date(year - 1, 1, 1), datetime.date(year, 12, 31))
    organisation_stories = Story.objects.filter(organisation=people.org_a)

    def shared_count() -> int:
        return sum(
            contribution_counts(organisation_stories, KnowledgeItem.objects.none(), period)[
                "stories"
            ].values()
        )

    # It is everywhere a story can be: tables, search, API, export, aggregates, citations.
    found = tables_containing(MARKER)
    assert {"stories_storyversion", "stories_deidentificationspan"} <= set(found)
    assert found.keys() & {"search_fts_content", "search_searchentry"}
    assert search_stories(MARKER, people.bram).total == 1
    client.force_login(people.bram)  # another organisation, network reader
    api_search = client.get("/api/stories/search/", {"q": MARKER})
    assert api_search.status_code == 200 and MARKER in api_search.content.decode()
    assert MARKER in client.get(f"/api/stories/{story.pk}/").content.decode()
    page = client.get(reverse("search:search"), {"q": MARKER}).content.decode()
    assert reverse("stories:detail", args=[story.pk]) in page
    assert cache_containing(MARKER, "search_pages")  # the rendered result list
    assert MARKER in _exported_text()
    assert shared_count() == 1
    assert list(item.current.stories.all()) == [story]

    client.force_login(people.anouk)
    response = client.post(reverse("stories:erase", args=[story.pk]))

    assert response.status_code == 302
    assert not Story.objects.filter(pk=story.pk).exists()
    assert tables_containing(MARKER) == {}
    assert search_stories(MARKER, people.bram).total == 0
    assert search_stories(MARKER, people.anouk).total == 0
    assert shared_count() == 0
    assert item.current.stories.count() == 0
    assert MARKER not in _exported_text()
    assert MARKER not in _research_text(people.researcher)
    client.force_login(people.bram)
    assert client.get(f"/api/stories/{story.pk}/").status_code == 404
    assert MARKER not in client.get("/api/stories/").content.decode()
    assert client.get("/api/stories/search/", {"q": MARKER}).json()["total"] == 0
    page = client.get(reverse("search:search"), {"q": MARKER}).content.decode()
    assert reverse("stories:detail", args=[story.pk]) not in page  # the query is echoed, no hit
    assert cache_containing(MARKER) == []
    assert cache_containing(MARKER, "search_pages") == []
    erased = AuditEvent.objects.get(action="story.erased")
    assert erased.object_id == story.pk and MARKER not in erased.detail
