"""The whole sign-in against a real OpenID Connect provider (django-oauth-toolkit in a
subprocess): Wijkennis's test client starts, `requests` plays the browser at the provider,
and mozilla-django-oidc calls the provider's token, JWKS and userinfo endpoints over HTTP."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from wijkennis.core.models import AuditEvent
from wijkennis.organisations.models import Membership, Role
from wijkennis.sso.models import OidcIdentity
from wijkennis.sso.services import REFUSALS, SESSION_PROVIDER

from .helpers import log_in_at_provider, logged_in_user_id, sign_in


def refusal(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_first_login_links_a_member_by_email(client, people, provider):
    response = sign_in(client, people.org_a, "anouk@a.test")

    assert response.status_code == 302 and response["Location"] == reverse("core:home")
    assert logged_in_user_id(client) == str(people.anouk.pk)
    identity = OidcIdentity.objects.get(provider=provider)
    assert identity.user == people.anouk and identity.last_login_at is not None
    assert AuditEvent.objects.filter(action="sso.linked", object_id=identity.pk).exists()
    assert client.session[SESSION_PROVIDER] == provider.pk


def test_linked_account_logs_in_by_its_subject_not_its_email(client, people, provider):
    sign_in(client, people.org_a, "anouk@a.test")
    client.logout()
    # Anouk changed her e-mail address in Wijkennis: the link still finds her.
    people.anouk.email = "anouk.verbeek@a.test"
    people.anouk.save()

    response = sign_in(client, people.org_a, "anouk@a.test")

    assert response.status_code == 302
    assert logged_in_user_id(client) == str(people.anouk.pk)
    assert OidcIdentity.objects.count() == 1


def test_next_page_after_login(client, people, provider):
    response = sign_in(client, people.org_a, "anouk@a.test", query="?next=/verhalen/")
    assert response["Location"] == "/verhalen/"


def test_first_login_creates_account_with_the_default_role(client, people, provider):
    provider.create_users = True
    provider.default_role = Role.COLLEGA
    provider.save()

    response = sign_in(client, people.org_a, "nieuw@a.test")

    assert response.status_code == 302 and response["Location"] == reverse("core:home")
    identity = OidcIdentity.objects.select_related("user").get(provider=provider)
    user = identity.user
    assert logged_in_user_id(client) == str(user.pk)
    assert (user.email, user.first_name, user.last_name) == (
        "nieuw@a.test",
        "Nadia",
        "Nieuwenhuis",
    )
    assert not user.has_usable_password() and not user.is_staff
    assert list(Membership.objects.filter(user=user).values_list("organisation", "role")) == [
        (people.org_a.pk, Role.COLLEGA)
    ]


@pytest.mark.parametrize(
    ("email", "reason", "create_users"),
    [
        ("nieuw@a.test", "no_account", False),  # creating accounts is off
        ("bram@b.test", "other_organisation", True),  # an account of organisation B
        ("onbevestigd@a.test", "email_not_verified", True),
    ],
)
def test_first_login_refused_makes_nothing(client, people, provider, email, reason, create_users):
    provider.create_users = create_users
    provider.save()
    users = people.anouk.__class__.objects.count()

    response = sign_in(client, people.org_a, email)

    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
    assert refusal(response) == [str(REFUSALS[reason])]
    assert logged_in_user_id(client) is None
    assert people.anouk.__class__.objects.count() == users
    assert not OidcIdentity.objects.exists()
    assert SESSION_PROVIDER not in client.session


def test_refusal_is_shown_on_the_login_page(client, people, provider):
    start = client.get(reverse("sso:start", args=[people.org_a.pk]))
    callback, _browser = log_in_at_provider(start["Location"], "nieuw@a.test")
    page = client.get(urlsplit(callback).path + "?" + urlsplit(callback).query, follow=True)

    assert page.redirect_chain[-1][0] == reverse("accounts:login")
    html = page.content.decode()
    assert 'class="message message--error"' in html
    assert str(REFUSALS["no_account"]) in html


@pytest.mark.parametrize(
    ("change", "logged"),
    [
        # keys with the right key id but other key material
        ("bad_signature", "JWS token verification failed"),
        ("wrong_issuer", "issuer is not the provider's"),
        # we expect HS256, the provider signs RS256
        ("wrong_algorithm", "'RS256' does not match"),
        # the provider refuses to exchange the code
        ("wrong_secret", "invalid_client"),
    ],
)
def test_rejected_token_signs_nobody_in(
    client, people, provider, oidc_server, monkeypatch, caplog, change, logged
):
    provider.create_users = True  # even so, nothing may be created
    if change == "bad_signature":
        provider.jwks_endpoint = f"{oidc_server.url}/other-jwks.json"
    elif change == "wrong_issuer":
        provider.issuer = f"{oidc_server.url}/andere-issuer"
    elif change == "wrong_algorithm":
        provider.signing_algorithm = "HS256"
    else:
        monkeypatch.setenv(provider.client_secret_env, "niet-het-goede-geheim")
    provider.save()

    response = sign_in(client, people.org_a, "nieuw@a.test")

    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
    assert refusal(response) == [str(REFUSALS["rejected"])]
    assert logged_in_user_id(client) is None
    assert not OidcIdentity.objects.exists()
    assert not people.anouk.__class__.objects.filter(email="nieuw@a.test").exists()
    assert logged in caplog.text  # rejected for this reason, not another


def test_expired_id_token_is_rejected(client, people, provider, caplog):
    start = client.get(reverse("sso:start", args=[people.org_a.pk]))
    callback, _browser = log_in_at_provider(start["Location"], "anouk@a.test")
    # The provider's ID tokens live 10 hours; this callback arrives 11 hours "later".
    with time_machine.travel(timezone.now() + timedelta(hours=11)):
        response = client.get(urlsplit(callback).path + "?" + urlsplit(callback).query)

    assert response["Location"] == reverse("accounts:login")
    assert refusal(response) == [str(REFUSALS["rejected"])]
    assert logged_in_user_id(client) is None
    assert not OidcIdentity.objects.exists()
    assert "ExpiredSignatureError" in caplog.text


def test_callback_used_twice_is_refused(client, people, provider):
    start = client.get(reverse("sso:start", args=[people.org_a.pk]))
    callback, _browser = log_in_at_provider(start["Location"], "anouk@a.test")
    path = urlsplit(callback).path + "?" + urlsplit(callback).query
    client.get(path)
    client.logout()

    again = client.get(path)

    assert again["Location"] == reverse("accounts:login")
    assert logged_in_user_id(client) is None


def test_provider_refusal_is_shown(client, people, provider):
    start = client.get(reverse("sso:start", args=[people.org_a.pk]))
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]

    response = client.get(reverse("sso:callback"), {"error": "access_denied", "state": state})

    assert response["Location"] == reverse("accounts:login")
    assert refusal(response) == [str(REFUSALS["cancelled"])]
    assert logged_in_user_id(client) is None


def test_logout_ends_the_session_here_and_at_the_provider(client, people, provider):
    start = client.get(reverse("sso:start", args=[people.org_a.pk]))
    callback, browser = log_in_at_provider(start["Location"], "anouk@a.test")
    client.get(urlsplit(callback).path + "?" + urlsplit(callback).query)
    assert logged_in_user_id(client) == str(people.anouk.pk)

    response = client.post(reverse("sso:logout"))

    assert logged_in_user_id(client) is None
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == (
        provider.end_session_endpoint
    )
    query = parse_qs(location.query)
    assert query["post_logout_redirect_uri"] == ["http://testserver/"]
    assert query["client_id"] == ["wijkennis"] and query["id_token_hint"][0].count(".") == 2
    # The provider accepts the hint and sends the browser back to Wijkennis ...
    at_provider = browser.get(response["Location"], allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302
    assert at_provider.headers["Location"] == "http://testserver/"
    # ... and has ended its own session: a new sign-in asks for the password again.
    again = client.get(reverse("sso:start", args=[people.org_a.pk]))
    assert "/login/" in browser.get(again["Location"], allow_redirects=False).headers["Location"]


def test_logout_after_a_password_login_goes_home(client, people, provider):
    client.force_login(people.anouk)
    response = client.post(reverse("sso:logout"))
    assert response["Location"] == "/"
    assert logged_in_user_id(client) is None
    assert client.get(reverse("sso:logout")).status_code == 405


def test_switching_from_another_account_keeps_what_logout_needs(client, people, provider):
    client.force_login(people.colleague)

    sign_in(client, people.org_a, "anouk@a.test")

    assert logged_in_user_id(client) == str(people.anouk.pk)
    response = client.post(reverse("sso:logout"))
    assert response["Location"].startswith(provider.end_session_endpoint)
