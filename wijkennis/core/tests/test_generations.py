"""Generations: a value cached in this process is rebuilt when any process moves the token."""

import pytest
from django.core.cache import cache

from wijkennis.core.generations import PREFIX, bump, cached, cached_per_generation, token, tokens

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
