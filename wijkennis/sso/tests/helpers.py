from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import requests
from django.urls import reverse
from mozilla_django_oidc.utils import generate_code_challenge

from tests.oidc_provider.accounts import CALLBACK, PASSWORD
from wijkennis.sso.models import OidcProvider

BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "wijkennis.accounts.backends.AccountBackend",
    "wijkennis.sso.auth.OrganisationOIDCBackend",
]
SECRET_ENV = "WIJKENNIS_TEST_OIDC_SECRET"


def provider_for(organisation, server, **changes) -> OidcProvider:
    values = {
        **server.endpoints(),
        "client_id": "wijkennis",
        "client_secret_env": SECRET_ENV,
        "button_label": "Medewerkers Welzijn Testdam",
        **changes,
    }
    return OidcProvider.objects.create(organisation=organisation, **values)


def offline_provider_for(organisation, host="login.example.test", **changes) -> OidcProvider:
    """A provider that is never called (sign_in only gets claims), with endpoints on `host`."""
    base = f"https://{host}"
    values = {
        "issuer": base,
        "authorization_endpoint": f"{base}/authorize",
        "token_endpoint": f"{base}/token",
        "userinfo_endpoint": f"{base}/userinfo",
        "jwks_endpoint": f"{base}/jwks",
        "client_id": "wijkennis",
        "client_secret_env": "UNUSED",
        **changes,
    }
    return OidcProvider.objects.create(organisation=organisation, **values)


def log_in_at_provider(authorize_url: str, email: str, session=None):
    """What a browser does at the provider: the login form, then the authorization (skipped
    for this client). Returns the provider's redirect (to Wijkennis's callback) and the
    browser session at the provider."""
    browser = session or requests.Session()
    answer = browser.get(authorize_url, allow_redirects=False, timeout=10)
    if answer.status_code == 302 and "/login/" in answer.headers["Location"]:
        login_url = urljoin(authorize_url, answer.headers["Location"])
        form = browser.get(login_url, timeout=10)
        assert form.status_code == 200, form.text[:500]
        answer = browser.post(
            login_url,
            data={
                "username": email,
                "password": PASSWORD,
                "csrfmiddlewaretoken": browser.cookies["csrftoken"],
            },
            allow_redirects=False,
            timeout=10,
        )
        assert answer.status_code == 302, answer.text[:500]  # logged in at the provider
        answer = browser.get(
            urljoin(login_url, answer.headers["Location"]), allow_redirects=False, timeout=10
        )
    assert answer.status_code == 302, answer.text[:500]
    return answer.headers["Location"], browser


def as_test_client_path(url: str) -> str:
    parts = urlsplit(url)
    assert parts.netloc == "testserver", url
    return f"{parts.path}?{parts.query}"


def sign_in(client, organisation, email, *, query="", session=None):
    """Wijkennis `sso:start` → provider → back to `sso:callback`: the callback's response."""
    start = client.get(reverse("sso:start", args=[organisation.pk]) + query)
    assert start.status_code == 302, start.status_code
    callback, _browser = log_in_at_provider(start["Location"], email, session)
    assert urlsplit(callback).path == reverse("sso:callback"), callback
    assert "code" in parse_qs(urlsplit(callback).query), callback
    return client.get(as_test_client_path(callback))


def logged_in_user_id(client):
    return client.session.get("_auth_user_id")


def id_token_for(server, client_id: str, secret: str, email: str, nonce: str) -> str:
    """A genuine ID token from the provider for `client_id`, fetched the way that client would
    (code flow with PKCE)."""
    verifier = "v" * 64
    challenge = generate_code_challenge(verifier, "S256")
    query = urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": CALLBACK,
            "scope": "openid email",
            "state": "state-1",
            "nonce": nonce,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
    )
    callback, _browser = log_in_at_provider(f"{server.issuer}/authorize/?{query}", email)
    code = parse_qs(urlsplit(callback).query)["code"][0]
    answer = requests.post(
        f"{server.issuer}/token/",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": CALLBACK,
            "client_id": client_id,
            "client_secret": secret,
            "code_verifier": verifier,
        },
        timeout=10,
    )
    answer.raise_for_status()
    return answer.json()["id_token"]
