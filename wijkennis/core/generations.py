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

from django.core.cache import cache
from django.db import transaction

PREFIX = "generation:"


def token(topic: str) -> str:
    """The current token of `topic` (made on first use)."""
    key = PREFIX + topic
    current = cache.get(key)
    if current is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        current = cache.get(key)
    return current


def bump(topic: str) -> None:
    """`topic` changed: every cache built under the old token is stale. Also once more after
    the commit, so a process that rebuilt in between from the old rows rebuilds again."""
    key = PREFIX + topic
    cache.set(key, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(lambda: cache.set(key, uuid.uuid4().hex, timeout=None))


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
