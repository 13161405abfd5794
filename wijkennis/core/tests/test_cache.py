"""The Redis cache of production (core.cache): Django's behaviour, one client per pool."""

import pytest
import redis

from wijkennis.core.cache import ReusingRedisCache
from wijkennis.mydata.tests.marker import cache_containing

URL = "redis://127.0.0.1:6379/8"  # no other test uses database 8


@pytest.fixture
def redis_cache(settings):
    try:
        redis.Redis.from_url(URL, socket_connect_timeout=1).flushdb()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not reachable on 127.0.0.1:6379: the Redis cache test needs it")
    backend = ReusingRedisCache(URL, {"KEY_PREFIX": "test"})
    yield backend
    backend.clear()


def test_it_stores_reads_and_forgets_like_djangos_redis_cache(redis_cache):
    redis_cache.set("a", {"one": 1}, 60)
    redis_cache.set_many({"b": 2, "c": 3}, 60)
    assert redis_cache.get("a") == {"one": 1}
    assert redis_cache.get_many(["a", "b", "c", "d"]) == {"a": {"one": 1}, "b": 2, "c": 3}
    assert redis_cache.add("a", "other", 60) is False
    redis_cache.delete("a")
    assert redis_cache.get("a") is None
    redis_cache.clear()
    assert redis_cache.get("b") is None


def test_calls_share_one_client(redis_cache):
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client


def test_the_marker_scan_reads_it(redis_cache, settings):
    settings.CACHES = {
        "default": {"BACKEND": "wijkennis.core.cache.ReusingRedisCache", "LOCATION": URL}
    }
    redis_cache.set("probe", "iets met zqxmarker7731", 60)
    assert cache_containing("zqxmarker7731")
