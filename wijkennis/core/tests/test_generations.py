"""Generations: a value cached in this process is rebuilt when any process moves the token."""

import pytest
from django.core.cache import cache

from wijkennis.core.generations import PREFIX, bump, cached_per_generation, token

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
