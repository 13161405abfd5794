"""Two app processes (gunicorn) on one PostgreSQL database and one Redis, as in production
(docs/DEPLOY.md): a session made through one works in the other, the cache is shared, and a
story published through one is found through the other.

Real HTTP with `requests` against two `gunicorn wijkennis.config.wsgi` processes. The test
makes its own database (`wijkennis_two_processes`, dropped and made again) and uses Redis
database 14 (flushed at the start)."""

import os
import re
import secrets
import signal
import socket
import string
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
import requests
from django.conf import settings

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="two app processes share one database server: this runs in the PostgreSQL run "
    "(DATABASE_URL=postgres://...), SQLite is one file for one machine",
)

DATABASE = "wijkennis_two_processes"
REDIS_URL = "redis://127.0.0.1:6379/14"
PAGES_URL = "redis://127.0.0.1:6379/11"  # the rendered search results (search.pages)
PASSWORD = "een-lang-wachtwoord-voor-twee-processen"
EMAIL = "anouk@twee.test"
BIN = Path(sys.executable).parent

SETUP_USER = f"""
from wijkennis.accounts.models import User
from wijkennis.organisations.models import Membership, Organisation, OrganisationKind, Role
organisation = Organisation.objects.create(name="Welzijn Twee", kind=OrganisationKind.SOCIAL_WORK)
user = User.objects.create_user(email="{EMAIL}", password="{PASSWORD}", first_name="Anouk")
Membership.objects.create(user=user, organisation=organisation, role=Role.ERVARINGSWERKER)
"""


ADD_LAY_WORD = """
from wijkennis.vocabulary.models import AltLabel, Concept
concept = Concept.objects.create(slug="{0}", pref_label="{0}", scheme="levensgebied")
AltLabel.objects.create(concept=concept, label="{1}", kind="lekentaal")
"""


def _redis(url: str = REDIS_URL):
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not reachable on 127.0.0.1:6379: the two-process test needs it")
    return client


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _admin_connection():
    db = settings.DATABASES["default"]
    return psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def _database_url() -> str:
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{DATABASE}"


def _wait_until_up(base: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"gunicorn at {base} stopped (its log is printed below)")
        try:
            requests.get(base + "/account/inloggen/", timeout=10)
            return
        except requests.RequestException:  # not listening yet, or still starting
            time.sleep(0.2)
    raise AssertionError(f"gunicorn at {base} did not answer within {timeout} s")


@pytest.fixture(scope="module")
def two_apps(tmp_path_factory):
    """(base URL of A, base URL of B, Redis client, their environment); both processes are
    stopped afterwards."""
    cache = _redis()
    cache.flushdb()
    _redis(PAGES_URL).flushdb()
    with _admin_connection() as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {DATABASE}")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wijkennis.config.settings",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": REDIS_URL,
        "REDIS_SEARCH_PAGES_URL": PAGES_URL,
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "WIJKENNIS_DATA_DIR": str(tmp_path_factory.mktemp("data")),
        # The de-identifier's lookup cache of this checkout: the processes load, not rebuild.
        "WIJKENNIS_DEDUCE_CACHE": str(settings.DEDUCE_CACHE_DIR),
        "WIJKENNIS_TASKS": "inprocess",
    }
    env.pop("CELERY_BROKER_URL", None)
    wijkennis = str(BIN / "wijkennis")
    subprocess.run([wijkennis, "migrate", "--noinput", "-v", "0"], env=env, check=True)
    subprocess.run([wijkennis, "shell", "-c", SETUP_USER], env=env, check=True)

    processes, bases, logs, handles = [], [], [], []
    try:
        for name in ("A", "B"):
            port = _free_port()
            logs.append(tmp_path_factory.mktemp("logs") / f"gunicorn-{name}.log")
            handles.append(logs[-1].open("w"))
            processes.append(
                subprocess.Popen(
                    [str(BIN / "gunicorn"), "wijkennis.config.wsgi", "-b", f"127.0.0.1:{port}"]
                    + ["--workers", "1", "--timeout", "120"],
                    env=env,
                    stdout=handles[-1],
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
            bases.append(f"http://127.0.0.1:{port}")
        for base, process in zip(bases, processes, strict=True):
            _wait_until_up(base, process)
        yield bases[0], bases[1], cache, env
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        for handle in handles:
            handle.close()
        for log in logs:  # shown by pytest when the test failed
            print(f"--- {log.name}", log.read_text()[-5000:], sep="\n")
        cache.flushdb()
        with _admin_connection() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def _log_in(browser: requests.Session, base: str) -> None:
    page = browser.get(base + "/account/inloggen/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    answer = browser.post(
        base + "/account/inloggen/",
        data={"csrfmiddlewaretoken": token, "username": EMAIL, "password": PASSWORD},
        allow_redirects=False,
        timeout=30,
    )
    assert answer.status_code == 302, answer.text[:500]


def _signed_in(browser: requests.Session, base: str) -> bool:
    """The personal page answers 200 when signed in, redirects to the login page when not."""
    answer = browser.get(base + "/mijn-gegevens/", allow_redirects=False, timeout=30)
    assert answer.status_code in (200, 302)
    return answer.status_code == 200


def _api(browser: requests.Session, base: str, method: str, path: str, **kwargs):
    headers = {"X-CSRFToken": browser.cookies["csrftoken"], "Accept": "application/json"}
    return browser.request(method, base + path, headers=headers, timeout=120, **kwargs)


def test_sessions_cache_and_stories_are_shared_by_two_processes(two_apps):
    a, b, redis_client, env = two_apps
    browser = requests.Session()
    assert not _signed_in(browser, b)

    _log_in(browser, a)
    session_key = browser.cookies["sessionid"]
    assert _signed_in(browser, b)  # the session made by A works in B

    # A story written and published through A is found through B (search page and API), also
    # when B has just cached its empty ranking and its rendered empty result list.
    marker = "tuinbank" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(8))
    empty = _api(browser, b, "GET", "/api/stories/search/", params={"q": marker})
    assert empty.status_code == 200 and empty.json()["results"] == [], empty.text[:500]
    empty_page = browser.get(b + "/zoeken/", params={"q": marker}, timeout=30)
    assert empty_page.status_code == 200 and not re.search(r"/verhalen/\d+/", empty_page.text)
    pages = _redis(PAGES_URL)
    assert pages.dbsize() == 1
    draft = _api(
        browser,
        a,
        "POST",
        "/api/stories/",
        json={
            "title": f"Samen op de {marker}",
            "body": f"Elke week zat ik met de buurvrouw op de {marker} bij het plein. "
            "Dat hielp mij om weer naar buiten te gaan.",
        },
    )
    assert draft.status_code == 201, draft.text[:500]
    story_id = draft.json()["id"]
    published = _api(
        browser,
        a,
        "POST",
        f"/api/stories/{story_id}/publish/",
        json={"visibility": "network", "consent": True},
    )
    assert published.status_code == 200, published.text[:500]
    assert pages.dbsize() == 0  # A emptied the rendered lists of every process

    found = _api(browser, b, "GET", "/api/stories/search/", params={"q": marker})
    assert found.status_code == 200, found.text[:500]
    assert [hit["story"]["id"] for hit in found.json()["results"]] == [story_id], found.json()
    page = browser.get(b + "/zoeken/", params={"q": marker}, timeout=30)
    assert page.status_code == 200 and f"/verhalen/{story_id}/" in page.text

    # A word added to the vocabulary by a third process counts in B's search at once, though B
    # had built its vocabulary index (and cached the ranking) before.
    lay_word = "bankhangen" + marker[-8:]
    before = _api(browser, b, "GET", "/api/stories/search/", params={"q": lay_word})
    assert before.json()["results"] == [], before.text[:500]
    subprocess.run(
        [str(BIN / "wijkennis"), "shell", "-c", ADD_LAY_WORD.format(marker, lay_word)],
        env=env,
        check=True,
    )
    after = _api(browser, b, "GET", "/api/stories/search/", params={"q": lay_word})
    assert [hit["story"]["id"] for hit in after.json()["results"]] == [story_id], after.text

    # The session is in the shared Redis (cached_db): remove the database row, and B still
    # knows the person from the cache that A filled.
    keys = [key.decode() for key in redis_client.keys("*")]
    assert any(key.endswith(session_key) for key in keys), keys
    with psycopg.connect(_database_url(), autocommit=True) as conn:
        deleted = conn.execute(
            "DELETE FROM django_session WHERE session_key = %s", (session_key,)
        ).rowcount
    assert deleted == 1
    assert _signed_in(browser, b)

    # Signing out through B ends the session in A too.
    token = browser.cookies["csrftoken"]
    browser.post(b + "/account/uitloggen/", data={"csrfmiddlewaretoken": token}, timeout=30)
    browser.cookies.set("sessionid", session_key)  # even with the old cookie kept
    assert not _signed_in(browser, a)


SET_ACTIVE = """
from wijkennis.accounts.models import User
user = User.objects.get(email="{email}")
user.is_active = {active}
user.save()
"""


def test_an_account_deactivated_elsewhere_is_signed_out_in_both(two_apps):
    """Each process keeps the account of a session in the shared cache (accounts.backends): a
    change made in a third process, here a command, must count in both at the next request."""
    a, b, _redis_client, env = two_apps
    browser = requests.Session()
    _log_in(browser, a)
    assert _signed_in(browser, a) and _signed_in(browser, b)  # both have read the account
    shell = [str(BIN / "wijkennis"), "shell", "-c"]
    subprocess.run([*shell, SET_ACTIVE.format(email=EMAIL, active=False)], env=env, check=True)
    try:
        assert not _signed_in(browser, a)
        assert not _signed_in(browser, b)
    finally:
        subprocess.run([*shell, SET_ACTIVE.format(email=EMAIL, active=True)], env=env, check=True)
