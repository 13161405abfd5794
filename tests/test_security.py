"""Security across the whole site (issue 11, point 6): production settings pass
`check --deploy`, every response has a Content-Security-Policy, every form post needs a CSRF
token, and the login is rate limited per IP address next to django-axes."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD
from wijkennis.knowledge import services as knowledge_services
from wijkennis.readiness.models import ScanRound
from wijkennis.stories.models import Visibility
from wijkennis.vocabulary.models import Concept, Proposal

from .factories import ConceptFactory, StoryFactory, name_span
from .test_permission_matrix import ADMIN_SAMPLE, ROUTES, url_kwargs

ROOT = Path(__file__).resolve().parents[1]

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "SECURE_COOKIES": "1",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "ALLOWED_HOSTS": "wijkennis.example.nl",
    "BEHIND_TLS_PROXY": "1",
}


def run_deploy_check(extra_env: dict) -> subprocess.CompletedProcess:
    # A clean environment: the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process,
    # which a production server never has (check --deploy reports it: async.E001).
    leave_out = {*PRODUCTION_ENV, "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in leave_out}
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_deploy_check({**PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(64)})
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output and "ERRORS" not in output, output
    assert "no issues" in output


def test_check_deploy_fails_without_a_secret_key_and_https():
    """The same check notices a production that forgot its secret key and TLS settings."""
    result = run_deploy_check({"DJANGO_DEBUG": "0", "ALLOWED_HOSTS": "wijkennis.example.nl"})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for check_id in ("security.W009", "security.W004", "security.W008", "security.W012"):
        assert check_id in output, output


def test_cookies_and_headers_for_a_local_demo_work_on_plain_http():
    # The defaults (no production variables): the demo keeps working on http://127.0.0.1.
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.X_FRAME_OPTIONS == "DENY"


@pytest.mark.django_db
def test_pages_have_a_strict_content_security_policy(client):
    response = client.get(reverse("core:home"))
    policy = response.headers["Content-Security-Policy"]
    directives = dict(
        (part.split(" ", 1) + [""])[:2] for part in (p.strip() for p in policy.split(";"))
    )
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"  # no inline scripts, no eval
    assert directives["style-src"] == "'self'"
    assert "style-src-attr" not in directives  # falls back to style-src: no style attributes
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_templates_have_no_inline_scripts_event_handlers_or_styles():
    """CSP refuses inline scripts and styles, so none may exist: they come from static files.
    (PDF templates go to WeasyPrint, not to a browser.)"""
    found = []
    for template in (ROOT / "wijkennis").glob("*/templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        if "pdf" not in template.name and re.search(r"\sstyle\s*=", text):
            found.append(f"{template.relative_to(ROOT)}: style attribute")
        for match in re.finditer(r"<script\b[^>]*>", text):
            if "src=" not in match.group(0):
                found.append(f"{template.relative_to(ROOT)}: inline <script>")
        if re.search(r"\son[a-z]+\s*=", text) or "javascript:" in text or "hx-on" in text:
            found.append(f"{template.relative_to(ROOT)}: event handler attribute")
    assert not found, found


@pytest.mark.django_db
def test_sso_sign_out_may_post_to_the_organisations_provider(client, people):
    """Someone who signed in through their organisation signs out there too: that provider
    joins form-action on their pages, for nobody else."""
    from wijkennis.sso.services import SESSION_ID_TOKEN, SESSION_PROVIDER
    from wijkennis.sso.tests.helpers import offline_provider_for

    provider = offline_provider_for(
        people.org_a,
        host="login.testdam.example",
        end_session_endpoint="https://login.testdam.example/logout?x=1",
    )
    client.force_login(people.anouk)
    policy = client.get(reverse("core:home")).headers["Content-Security-Policy"]
    assert "login.testdam.example" not in policy
    session = client.session
    session[SESSION_PROVIDER] = provider.pk
    session[SESSION_ID_TOKEN] = "id-token"
    session.save()
    policy = client.get(reverse("core:home")).headers["Content-Security-Policy"]
    assert "form-action 'self' https://login.testdam.example;" in policy + ";"


# CSRF ------------------------------------------------------------------------------------

# POST without a CSRF token is refused (403) everywhere, with these exceptions and reasons:
# (token-authenticated API calls carry no cookie, so there is nothing to forge; a session
# user posting to the API is still refused by DRF's own CSRF check, as this walk shows).
CSRF_EXCEPTIONS = {
    # csrf_exempt on purpose: unknown API paths answer 404 in JSON for every method and
    # change nothing.
    "api:not-found",
}


def _matrix_objects(people):
    ConceptFactory(slug="schulden")
    story = StoryFactory(
        author=people.anouk,
        organisation=people.org_a,
        published=True,
        visibility=Visibility.ORGANISATION,
    )
    span = name_span(story.current_version)
    concept = Concept.objects.get(slug="schulden")
    proposal = Proposal.objects.create(kind="uitleg", concept=concept, definition="Anders.")
    item = knowledge_services.propose_item(
        people.anouk, situations=[concept], title="Samen de post openen", insight="Een dag."
    )
    scan_round = ScanRound.objects.create(organisation=people.org_a, title="Scan")
    return story, span, proposal, item, scan_round


@pytest.mark.django_db
def test_every_post_without_csrf_token_is_refused(people):
    """Walks the URL conf (the permission matrix's routes and arguments) and posts to every
    URL without a CSRF token, signed in (as the author, a coordinator and the beheerder) and
    anonymous. Every answer must be 403: a forged form from another site changes nothing."""
    objects = _matrix_objects(people)
    routes = [(n, g) for n, g in ROUTES if not n.startswith("admin:") or n in ADMIN_SAMPLE]
    wrong, known = [], {}
    for name, groups in routes:
        if name in CSRF_EXCEPTIONS:
            continue
        missing = tuple(g for g in groups if g not in known)
        if missing:  # each object once: some (an invitation) cannot be made twice
            known.update(url_kwargs(missing, *objects, people))
        url = reverse(name, kwargs={g: known[g] for g in groups})
        for person in ("anouk", "coordinator", "admin", "anonymous"):
            if person == "anonymous" and name.startswith("api:"):
                continue  # no session: DRF asks for credentials (401), nothing to forge
            client = Client(enforce_csrf_checks=True)
            user = getattr(people, person)
            if user.is_authenticated:
                client.force_login(user)
            response = client.post(url, {"title": "x", "body": "x", "code": "123456"})
            if response.status_code != 403:
                wrong.append(f"{person} POST {url} ({name}): {response.status_code}")
    assert len(routes) > 100
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
def test_csrf_failure_page_uses_the_site_template(client, people):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "a@a.test", "password": "x"})
    assert response.status_code == 403
    assert b"data-csrf-failure" in response.content
    assert b'lang="nl"' in response.content


@pytest.mark.django_db
def test_the_same_post_with_a_token_is_accepted(people):
    """The walk above fails for the right reason: with the token the login works."""
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("accounts:login"))
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    response = client.post(
        reverse("accounts:login"),
        {"username": "anouk@a.test", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
