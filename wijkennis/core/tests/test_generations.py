"""Generations: a value cached in this process is rebuilt when any process moves the token."""

import pytest
from django.core.cache import cache

from wijkennis.core import generations
from wijkennis.core.generations import (
    PREFIX,
    VALUE_PREFIX,
    bump,
    cached,
    cached_per_generation,
    per_person,
    read_ahead_for,
    read_along,
    token,
    token_as_read,
    tokens,
)

pytestmark = pytest.mark.django_db  # bump() also moves the token again after the commit


def test_a_cached_value_is_rebuilt_when_the_token_moves():
    builds = []

    @cached_per_generation("test-topic")
    def value():
        builds.append(1)
        return len(builds)

    assert value() == value() == 1
    bump("test-topic")
    assert value() == 2
    # Another process moves the token in the shared cache; this one sees it on the next call.
    cache.set(PREFIX + "test-topic", "set-by-another-process")
    assert value() == value() == 3
    # The shared cache forgot the token (a Redis restart): rebuild rather than trust.
    cache.delete(PREFIX + "test-topic")
    assert value() == 4


def test_a_token_is_made_once_and_kept():
    first = token("another-topic")
    assert token("another-topic") == first
    bump("another-topic")
    assert token("another-topic") != first


def test_a_shared_value_is_built_once_per_token():
    builds = []

    def build():
        builds.append(1)
        return len(builds)

    assert cached("shared-topic", build, 60) == cached("shared-topic", build, 60) == 1
    bump("shared-topic")
    assert cached("shared-topic", build, 60) == 2


def test_a_shared_value_built_while_the_token_moved_is_not_used_again():
    def build_while_someone_changes_it():
        bump("racing-topic")  # another process changed the rows after they were read
        return "old rows"

    assert cached("racing-topic", build_while_someone_changes_it, 60) == "old rows"
    assert cached("racing-topic", lambda: "new rows", 60) == "new rows"


def test_tokens_reads_several_and_makes_missing_ones():
    first = token("topic-one")
    assert tokens("topic-one", "topic-two") == (first, token("topic-two"))


def test_a_stored_value_that_is_no_longer_valid_is_built_again():
    assert cached("valid-topic", lambda: ("readers A", True), 60) == ("readers A", True)
    rebuilt = cached(
        "valid-topic", lambda: ("readers B", False), 60, valid=lambda v: v[0] == "readers B"
    )
    assert rebuilt == ("readers B", False)
    assert cached("valid-topic", lambda: "not built", 60) == ("readers B", False)  # stored


@pytest.fixture
def counted_reads(monkeypatch):
    """Every key list the shared cache is asked for, in order (the real cache still answers)."""
    reads = []
    real_get_many = cache.get_many

    def get_many(keys, *args, **kwargs):
        reads.append(list(keys))
        return real_get_many(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", get_many)
    return reads


def test_read_ahead_serves_registered_values_from_one_round_trip(counted_reads, monkeypatch):
    monkeypatch.setattr("wijkennis.core.generations._per_person", [])
    monkeypatch.setattr("wijkennis.core.generations._read_along", [])
    per_person(lambda user_id: f"ahead-a:{user_id}")
    per_person(lambda user_id: "ahead-b", lambda user_id: f"ahead-b:{user_id}")
    read_along("ahead-shared")
    cached("ahead-a:7", lambda: "a", 60)
    cached("ahead-b", lambda: "b", 60, "ahead-b:7")
    shared = token("ahead-shared")
    counted_reads.clear()
    with read_ahead_for(7):
        assert counted_reads == []  # a page that asks nothing (a health check) reads nothing
        assert cached("ahead-a:7", lambda: "not built", 60) == "a"
        assert cached("ahead-b", lambda: "not built", 60, "ahead-b:7") == "b"
        assert token_as_read("ahead-shared") == shared
    assert counted_reads == [
        [
            PREFIX + "ahead-shared",
            PREFIX + "ahead-a:7",
            VALUE_PREFIX + "ahead-a:7",
            PREFIX + "ahead-b",
            VALUE_PREFIX + "ahead-b:7",
        ]
    ]


def test_a_change_inside_the_block_is_seen_at_once(monkeypatch):
    monkeypatch.setattr("wijkennis.core.generations._per_person", [])
    per_person(lambda user_id: f"badge:{user_id}")
    count = {"unread": 3}
    cached("badge:7", lambda: count["unread"], 60)
    with read_ahead_for(7):
        assert cached("badge:7", lambda: count["unread"], 60) == 3
        count["unread"] = 0  # the page marks the messages read …
        bump("badge:7")
        assert cached("badge:7", lambda: count["unread"], 60) == 0  # … and its menu says so
        assert cached("badge:7", lambda: "not built", 60) == 0  # rebuilt once, then kept


def test_a_token_read_along_is_fresh_after_a_change_inside_the_block(monkeypatch):
    monkeypatch.setattr("wijkennis.core.generations._read_along", [])
    read_along("shared-list")
    before = token("shared-list")
    with read_ahead_for(7):
        assert token_as_read("shared-list") == before
        bump("shared-list")
        assert token_as_read("shared-list") == token("shared-list") != before


def test_a_process_cache_of_a_token_read_along_costs_no_round_trip(counted_reads, monkeypatch):
    monkeypatch.setattr("wijkennis.core.generations._per_person", [])
    monkeypatch.setattr("wijkennis.core.generations._read_along", [])
    read_along("kept-list")
    builds = []

    @cached_per_generation("kept-list")
    def kept():
        builds.append(1)
        return len(builds)

    assert kept() == 1
    token_reads = []
    real_token = generations.token
    monkeypatch.setattr(generations, "token", lambda t: token_reads.append(t) or real_token(t))
    counted_reads.clear()
    with read_ahead_for(7):
        assert kept() == 1
        assert kept() == 1
    assert counted_reads == [[PREFIX + "kept-list"]] and token_reads == []
    bump("kept-list")  # in another process: seen at the next request
    with read_ahead_for(7):
        assert kept() == 2


def test_a_page_reads_what_it_asks_about_its_person_in_one_round_trip(
    client, people, counted_reads
):
    client.force_login(people.anouk)
    client.get("/zoeken/", {"q": "schulden"})  # stores the values
    counted_reads.clear()
    client.get("/zoeken/", {"q": "schulden"})
    person_keys = [
        VALUE_PREFIX + f"memberships:{people.anouk.pk}",
        VALUE_PREFIX + f"inbreng-unread:{people.anouk.pk}",
        VALUE_PREFIX + f"search:own-unshared:{people.anouk.pk}",
    ]
    reading = [keys for keys in counted_reads if any(key in keys for key in person_keys)]
    assert len(reading) == 1 and set(person_keys) <= set(reading[0])
