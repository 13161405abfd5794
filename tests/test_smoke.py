"""Site-wide checks: pages render with one <h1>, a <title> and lang="nl"; no pending
migrations; production settings pass `check --deploy`; the Dutch catalogue is complete."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from .factories import StoryFactory

ROOT = Path(__file__).resolve().parent.parent


def pages(story):
    return [
        reverse("core:home"),
        reverse("stories:list"),
        reverse("stories:mine"),
        reverse("stories:create"),
        reverse("stories:detail", args=[story.pk]),
        reverse("stories:edit", args=[story.pk]),
        reverse("stories:review", args=[story.pk]),
        reverse("stories:publish", args=[story.pk]),
        reverse("stories:withdraw", args=[story.pk]),
        reverse("stories:erase", args=[story.pk]),
        reverse("accounts:password_reset"),
    ]


def test_pages_have_one_h1_a_title_and_dutch_language(client, people):
    story = StoryFactory(author=people.anouk, organisation=people.org_a, published=True)
    client.force_login(people.anouk)
    for url in pages(story):
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert len(re.findall(r"<h1[ >]", page)) == 1, url
        assert re.search(r"<title>[^<]+</title>", page), url
        assert '<html lang="nl">' in page, url
    client.logout()
    page = client.get(reverse("accounts:login")).content.decode()
    assert len(re.findall(r"<h1[ >]", page)) == 1 and "Inloggen" in page


def test_not_found_page_is_dutch(client, db):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_english_is_available(client, people):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("core:home")).content.decode()
    assert '<html lang="en">' in page and "Read stories" in page


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_production_settings_pass_check_deploy():
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-value-9f8e7d6c5b4a",
        "ALLOWED_HOSTS": "wijkennis.example.nl",
        "SECURE_COOKIES": "1",
        "SECURE_SSL_REDIRECT": "1",
        "SECURE_HSTS_SECONDS": "31536000",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dutch_catalogue_has_no_untranslated_or_fuzzy_entries():
    po = (ROOT / "wijkennis/locale/nl/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    entries = po.split("\n\n")[1:]
    untranslated = [
        e for e in entries if re.search(r'msgstr ""\Z', e.strip()) and "msgid_plural" not in e
    ]
    fuzzy = [e for e in entries if "#, fuzzy" in e]
    assert not untranslated, untranslated[:3]
    assert not fuzzy, fuzzy[:3]


def test_sqlite_database_file_uses_wal(tmp_path):
    env = {**os.environ, "WIJKENNIS_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    code = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**env, "DJANGO_SETTINGS_MODULE": "wijkennis.config.settings"},
    )
    assert result.stdout.strip() == "wal", result.stderr


def test_dutch_even_when_the_browser_asks_for_english(client, db):
    page = client.get(reverse("core:home"), headers={"Accept-Language": "en-US,en;q=0.9"})
    assert '<html lang="nl">' in page.content.decode()
