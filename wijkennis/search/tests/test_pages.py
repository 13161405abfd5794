"""The rendered result list (search.pages): shared by people who read the same stories, never
shown to anyone who may not read them, and gone whole from the cache on any change."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import AltLabelFactory
from wijkennis.mydata.tests.marker import cache_containing
from wijkennis.search import pages
from wijkennis.stories.models import Visibility

from .test_search import publish


def search_page(user, query="schulden", language="nl") -> tuple[str, list[str]]:
    """The page's HTML and the SQL it ran."""
    user.language = language
    user.save()
    browser = Client()
    browser.force_login(user)
    with CaptureQueriesContext(connection) as captured:
        response = browser.get(reverse("search:search"), {"q": query})
    assert response.status_code == 200
    return response.content.decode(), [entry["sql"] for entry in captured]


def read_stories(sql: list[str]) -> bool:
    return any("stories_storyversion" in statement for statement in sql)


def test_people_who_read_the_same_stories_share_the_rendered_list(people, vocabulary):
    publish(people, "Schulden en een schoenendoos vol post.")
    first, first_sql = search_page(people.bram)
    again, again_sql = search_page(people.colleague_b)  # same organisation: same readership
    assert "schoenendoos" in first and "schoenendoos" in again
    assert read_stories(first_sql) and not read_stories(again_sql)
    # One list: in the shared store, and in this process's memory.
    stored = cache_containing("schoenendoos", "search_pages")
    assert sorted(key.startswith("memory:") for key in stored) == [False, True]


def test_a_story_for_one_organisation_never_reaches_another_through_the_cache(people, vocabulary):
    publish(people, "Schulden, alleen voor organisatie A.", Visibility.ORGANISATION)
    inside, _sql = search_page(people.coordinator)
    outside, _sql = search_page(people.bram)
    assert "alleen voor organisatie A" in inside
    assert "alleen voor organisatie A" not in outside


def test_a_new_story_shows_at_once_and_the_old_list_is_gone(people, vocabulary):
    publish(people, "Schulden bij de energieleverancier.")
    search_page(people.bram)
    publish(people, "Schulden bij de zorgverzekeraar.")
    assert cache_containing("energieleverancier", "search_pages") == []
    page, _sql = search_page(people.bram)
    assert "energieleverancier" in page and "zorgverzekeraar" in page


def test_each_language_has_its_own_list(people, vocabulary):
    publish(people, "Schulden en een schoenendoos vol post.")
    dutch, _sql = search_page(people.bram, language="nl")
    english, _sql = search_page(people.bram, language="en")
    assert "1 verhaal gevonden" in dutch and '<html lang="nl">' in dutch
    assert "1 verhaal gevonden" not in english and '<html lang="en">' in english


def test_a_renamed_organisation_shows_at_once(people, vocabulary):
    publish(people, "Schulden en een schoenendoos vol post.")
    assert "Welzijn Testdam" in search_page(people.bram)[0]
    people.org_a.name = "Welzijn Nieuwdam"
    people.org_a.save()
    assert "Welzijn Nieuwdam" in search_page(people.bram)[0]


def test_a_list_rendered_while_the_index_changed_is_not_kept(people, vocabulary, monkeypatch):
    publish(people, "Schulden en een schoenendoos vol post.")
    search = pages.search_stories

    def search_while_someone_publishes(*args, **kwargs):
        results = search(*args, **kwargs)
        publish(people, "Schulden bij de zorgverzekeraar.")  # after these rows were read
        return results

    monkeypatch.setattr(pages, "search_stories", search_while_someone_publishes)
    assert "schoenendoos" in search_page(people.bram)[0]
    assert cache_containing("schoenendoos", "search_pages") == []


def test_without_cache_seconds_nothing_is_kept(people, vocabulary, settings):
    settings.WIJKENNIS_SEARCH_CACHE_SECONDS = 0
    publish(people, "Schulden en een schoenendoos vol post.")
    assert "schoenendoos" in search_page(people.bram)[0]
    assert cache_containing("schoenendoos", "search_pages") == []


def test_a_new_word_in_the_vocabulary_shows_at_once(people, vocabulary):
    link = publish(people, "Er kwam weer een incasso binnen.").get_absolute_url()
    assert link not in search_page(people.bram, "aanmaning")[0]
    AltLabelFactory(concept=vocabulary["incasso"], label="aanmaning", kind="lekentaal")
    assert link in search_page(people.bram, "aanmaning")[0]


def test_a_list_asked_again_comes_from_this_process_memory(people, vocabulary, monkeypatch):
    publish(people, "Schulden en een schoenendoos vol post.")
    search_page(people.bram)
    store = caches["search_pages"]
    monkeypatch.setattr(store, "get", lambda *args, **kwargs: pytest.fail("read the store"))
    assert "schoenendoos" in search_page(people.colleague_b)[0]  # same readership


def test_a_change_in_another_process_empties_this_process_memory(people, vocabulary, monkeypatch):
    publish(people, "Schulden bij de energieleverancier.")
    assert "zorgverzekeraar" not in search_page(people.bram)[0]
    # Another process publishes: it moves the generation and empties the shared store, but
    # cannot reach this process's memory.
    monkeypatch.setattr(pages._recent, "clear", lambda: None)
    publish(people, "Schulden bij de zorgverzekeraar.")
    assert "zorgverzekeraar" in search_page(people.bram)[0]
