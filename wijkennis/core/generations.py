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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

PREFIX = "generation:"
VALUE_PREFIX = "generation-value:"
T = TypeVar("T")

# The keys `read_ahead_for` will fetch together for the request being served: cache key →
# value (None: absent; _UNREAD: not fetched yet, for pages that ask nothing).
_ahead: ContextVar[dict | None] = ContextVar("generations_read_ahead", default=None)
_UNREAD = object()
# The topic and name, by user id, of the values every page may ask about a person (`per_person`).
_per_person: list[tuple[Callable[[int], str], Callable[[int], str] | None]] = []
# Topics whose token is read along with those values (`read_along`).
_read_along: list[str] = []


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
    if (ahead := _ahead.get()) is not None:
        ahead.pop(key, None)  # read again, not from before the change
    transaction.on_commit(lambda: cache.set(key, uuid.uuid4().hex, timeout=None))


def forget(name: str) -> None:
    """Removes the `cached` value stored under `name` (its topic where it has no name of its
    own), now and after the commit: for a value holding what an erasure must remove, which a
    moved token only leaves unused until it expires."""
    key = VALUE_PREFIX + name
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def cached(
    topic: str,
    build: Callable[[], T],
    seconds: int,
    name: str = "",
    valid: Callable[[T], bool] = lambda value: True,
) -> T:
    """`build()`, kept in the shared cache (under `name`, default the topic) while `topic`'s
    token stays the same: one round trip (the token and the value together) when it does, none
    when `read_ahead_for` fetched both. A value built while the token moved (from rows that changed
    meanwhile) is not stored; a stored value that is not `valid` is built again."""
    token_key, value_key = PREFIX + topic, VALUE_PREFIX + (name or topic)
    ahead = _ahead.get()
    if ahead is not None and token_key in ahead and value_key in ahead:
        _read(ahead)
        found = {token_key: ahead[token_key], value_key: ahead[value_key]}
    else:
        found = cache.get_many([token_key, value_key])
    current = found.get(token_key) or token(topic)
    stored = found.get(value_key)
    if stored is not None and stored[0] == current and valid(stored[1]):
        return stored[1]
    value = build()
    if token(topic) == current:
        cache.set(value_key, (current, value), seconds)
        if ahead is not None and value_key in ahead:
            ahead[token_key], ahead[value_key] = current, (current, value)
    return value


def per_person(
    topic: Callable[[int], str], name: Callable[[int], str] | None = None
) -> Callable[[int], str]:
    """Register a `cached` value about one person: its topic (and name, default the topic) by
    user id, read ahead on every request of a signed-in person (`read_ahead_for`). Usable as a
    decorator of the topic function."""
    _per_person.append((topic, name))
    return topic


def read_along(topic: str) -> None:
    """Register a shared topic whose token `read_ahead_for` fetches with the person's values,
    for `token_as_read`."""
    _read_along.append(topic)


def token_as_read(topic: str) -> str:
    """The token of a `read_along` topic as fetched with the person's values: no round trip of
    its own. To see whether the token moved while something was built, ask `token` again."""
    key = PREFIX + topic
    ahead = _ahead.get()
    if ahead is None or key not in ahead:  # no person, or bumped within this request
        return token(topic)
    _read(ahead)
    return ahead[key] or token(topic)


def _read(ahead: dict) -> None:
    if unread := [key for key, value in ahead.items() if value is _UNREAD]:
        fetched = cache.get_many(unread)
        ahead.update({key: fetched.get(key) for key in unread})


@contextmanager
def read_ahead_for(user_id: int) -> Iterator[None]:
    """Within the block, the first `cached` call for one of the person's registered values
    (memberships, unread messages, …) or `token_as_read` fetches them all and their tokens in
    one round trip, instead of one trip each; a block that asks for none makes no trip."""
    keys = [PREFIX + topic for topic in _read_along]
    for topic, name in _per_person:
        keys += [PREFIX + topic(user_id), VALUE_PREFIX + (name or topic)(user_id)]
    reset = _ahead.set(dict.fromkeys(keys, _UNREAD))
    try:
        yield
    finally:
        _ahead.reset(reset)


def cached_per_generation(topic: str) -> Callable:
    """Like `functools.lru_cache(maxsize=1)` for a function without arguments, rebuilt when the
    topic's token changes; `.cache_clear()` forgets the value in this process. The token costs
    no round trip of its own where the topic is `read_along`."""

    def decorate(build: Callable) -> Callable:
        held: dict = {}  # "built": (token, value), replaced in one step for other threads

        @functools.wraps(build)
        def get():
            current = token_as_read(topic)
            built = held.get("built")
            if built is None or built[0] != current:
                built = (current, build())
                held["built"] = built
            return built[1]

        get.cache_clear = held.clear
        return get

    return decorate
