"""Generations: one shared token per topic ("vocabulary", "search") that changes whenever what
the topic covers changes, so that caches in *every* app process know when they are stale.

A process keeps a built value (the vocabulary's label index, say) next to the token it was built
under, and rebuilds when the shared token differs. The token lives in the default cache: Redis
in production, so a change in one gunicorn worker reaches the others; the embedded default is
one process with its local-memory cache. Tokens are random, not counters: a Redis restart that
forgets them makes every process rebuild, never trust an old value.
"""

import functools
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

PREFIX = "generation:"
VALUE_PREFIX = "generation-value:"
T = TypeVar("T")


def token(topic: str) -> str:
    """The current token of `topic` (made on first use)."""
    key = PREFIX + topic
    current = cache.get(key)
    if current is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        current = cache.get(key)
    return current


def tokens(*topics: str) -> tuple[str, ...]:
    """The current tokens of `topics`, read in one round trip where they exist."""
    found = cache.get_many([PREFIX + topic for topic in topics])
    return tuple(found.get(PREFIX + topic) or token(topic) for topic in topics)


def bump(topic: str) -> None:
    """`topic` changed: every cache built under the old token is stale. Also once more after
    the commit, so a process that rebuilt in between from the old rows rebuilds again."""
    key = PREFIX + topic
    cache.set(key, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(lambda: cache.set(key, uuid.uuid4().hex, timeout=None))


def cached(topic: str, build: Callable[[], T], seconds: int, name: str = "") -> T:
    """`build()`, kept in the shared cache (under `name`, default the topic) while `topic`'s
    token stays the same: one round trip (the token and the value together) when it does.
    A value built while the token moved (from rows that changed meanwhile) is not stored."""
    token_key, value_key = PREFIX + topic, VALUE_PREFIX + (name or topic)
    found = cache.get_many([token_key, value_key])
    current = found.get(token_key) or token(topic)
    stored = found.get(value_key)
    if stored is not None and stored[0] == current:
        return stored[1]
    value = build()
    if token(topic) == current:
        cache.set(value_key, (current, value), seconds)
    return value


def cached_per_generation(topic: str) -> Callable:
    """Like `functools.lru_cache(maxsize=1)` for a function without arguments, rebuilt when the
    topic's token changes; `.cache_clear()` forgets the value in this process."""

    def decorate(build: Callable) -> Callable:
        held: dict = {}  # "built": (token, value), replaced in one step for other threads

        @functools.wraps(build)
        def get():
            current = token(topic)
            built = held.get("built")
            if built is None or built[0] != current:
                built = (current, build())
                held["built"] = built
            return built[1]

        get.cache_clear = held.clear
        return get

    return decorate
