"""Sessions with Redis (`REDIS_URL` set → `cached_db`): deleting an account removes the
person's sessions from the database AND from the cache; other people stay signed in
(docs/DEPLOY.md, section 6)."""

from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.test import Client

from wijkennis.mydata.services import delete_account


def _signed_in_session(user) -> str:
    browser = Client()
    browser.force_login(user)
    return browser.session.session_key


def test_deleting_an_account_ends_its_cached_sessions(people, settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    cache = caches[settings.SESSION_CACHE_ALIAS]
    anouk, bram = _signed_in_session(people.anouk), _signed_in_session(people.bram)
    for key in (anouk, bram):
        assert cache.get(KEY_PREFIX + key) is not None
        assert Session.objects.filter(pk=key).exists()

    delete_account(people.anouk)

    assert cache.get(KEY_PREFIX + anouk) is None
    assert not Session.objects.filter(pk=anouk).exists()
    assert cache.get(KEY_PREFIX + bram) is not None
    assert Session.objects.filter(pk=bram).exists()
