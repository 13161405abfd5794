"""The issue's unique-marker test: after deleting an account, the marker is nowhere."""

import io

from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from conftest import PASSWORD
from wijkennis.knowledge.services import recognition_counts
from wijkennis.search.queries import search_stories

from .helpers import MARKER, everything_else_with_marker, person_with_marker, stories_with_marker
from .marker import cache_containing, tables_containing

SEARCH_TABLE = {"sqlite": "search_fts_content", "postgresql": "search_searchentry"}


def test_after_deleting_an_account_the_marker_is_in_no_table(client, people):
    person = person_with_marker(people)
    stories_with_marker(person, people)
    world = everything_else_with_marker(person, people)
    version = world["item"].current
    counts_before = recognition_counts(version)
    client.force_login(people.admin)  # the public story's result, rendered and cached
    assert MARKER in client.get(reverse("search:search"), {"q": "schulden"}).content.decode()
    cached_lists = cache_containing(MARKER, "search_pages")
    assert len(cached_lists) == 2 and "memory:" in cached_lists[0]  # this process's copy too
    client.force_login(person)

    found = tables_containing(MARKER)
    # The scan sees the marker where it was put: the account, the stories, the search index.
    expected = {
        "accounts_user",
        "stories_storyversion",
        "invitations_invitation",
        "sso_oidcidentity",
    }
    assert expected | {SEARCH_TABLE[connection.vendor]} <= set(found)
    assert search_stories(MARKER, people.admin).total == 1  # the public story
    assert MARKER in _exported()

    response = client.post(
        reverse("mydata:delete"),
        {"step": "confirm", "stories": "erase", "confirmation": PASSWORD},
    )

    assert response.status_code == 302
    assert tables_containing(MARKER) == {}
    assert search_stories(MARKER, people.admin).total == 0
    assert search_stories(MARKER, people.anouk).total == 0
    assert recognition_counts(version) == counts_before
    assert MARKER not in _exported()
    assert cache_containing(MARKER) == []
    assert cache_containing(MARKER, "search_pages") == []


def _exported() -> str:
    """What `wijkennis export stories` writes: every published story."""
    out = io.StringIO()
    call_command("export", "stories", stdout=out)
    return out.getvalue()


def test_withdraw_keeps_only_the_text_without_names_and_no_trace_of_the_person(client, people):
    """With "withdraw", a shared story stays as its de-identified text only; the person's name
    (here the marker, replaced by the de-identifier in what others read) is nowhere."""
    from wijkennis.stories.models import Status, Story, Visibility

    from .helpers import story_of

    person = person_with_marker(people)
    story = story_of(
        person,
        people.org_a,
        visibility=Visibility.NETWORK,
        status=Status.PUBLISHED,
        title="Schulden",
        body="De schoenendoos stond vol brieven.",
    )
    version = story.current_version
    version.original_body = f"De schoenendoos van {MARKER} stond vol brieven."
    version.save()
    client.force_login(person)

    response = client.post(
        reverse("mydata:delete"),
        {"step": "confirm", "stories": "withdraw", "confirmation": PASSWORD},
    )

    assert response.status_code == 302
    assert tables_containing(MARKER) == {}
    kept = Story.objects.get(pk=story.pk)
    assert kept.status == Status.WITHDRAWN
    assert kept.author.is_active is False and kept.author.first_name == ""
    assert kept.versions.get().original_body == "De schoenendoos stond vol brieven."
    assert search_stories("schoenendoos", people.admin).total == 0
