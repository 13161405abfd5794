"""Django's Redis cache, with one Redis client per connection pool instead of one per call.

Django's `RedisCacheClient` builds a new `redis.Redis` object for every cache call. With
redis-py 8 that costs about 70 µs, and a search page makes six calls (session, memberships,
generations, results, message badge). A `redis.Redis` is thread-safe and only wraps the pool,
so one per pool does the same work (docs/BENCHMARKS.md, load).
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class _ClientPerPool(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if pool not in self._clients:
            self._clients[pool] = self._client(connection_pool=pool)
        return self._clients[pool]


class ReusingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ClientPerPool
