"""Token checks the library leaves out (audience, issuer), on genuine tokens of the test
provider: a token for another application of the same organisation is not for Wijkennis."""

import pytest
from django.core.exceptions import SuspiciousOperation

from tests.oidc_provider.accounts import CLIENTS
from wijkennis.sso.auth import OrganisationOIDCBackend, _audience_ok

from .helpers import id_token_for


def backend_for(provider):
    backend = OrganisationOIDCBackend()
    backend.use_provider(provider, provider.client_secret())
    return backend


def test_token_for_wijkennis_passes(provider, oidc_server):
    token = id_token_for(oidc_server, "wijkennis", CLIENTS["wijkennis"], "anouk@a.test", "n-1")
    payload = backend_for(provider).verify_token(token, nonce="n-1")
    assert payload["aud"] == "wijkennis" and payload["iss"] == oidc_server.issuer


def test_token_for_another_application_is_rejected(provider, oidc_server):
    token = id_token_for(oidc_server, "andere-app", CLIENTS["andere-app"], "anouk@a.test", "n-2")
    with pytest.raises(SuspiciousOperation, match="not issued to this client"):
        backend_for(provider).verify_token(token, nonce="n-2")


def test_token_with_another_nonce_is_rejected(provider, oidc_server):
    token = id_token_for(oidc_server, "wijkennis", CLIENTS["wijkennis"], "anouk@a.test", "n-3")
    with pytest.raises(SuspiciousOperation, match="Nonce"):
        backend_for(provider).verify_token(token, nonce="another")


@pytest.mark.parametrize(
    ("payload", "ok"),
    [
        ({"aud": "wijkennis"}, True),
        ({"aud": ["wijkennis"]}, True),
        ({"aud": ["wijkennis", "andere-app"], "azp": "wijkennis"}, True),
        ({"aud": ["wijkennis", "andere-app"], "azp": "andere-app"}, False),
        ({"aud": ["wijkennis", "andere-app"]}, False),
        ({"aud": "andere-app"}, False),
        ({}, False),
    ],
)
def test_audience_rule(payload, ok):
    assert _audience_ok(payload, "wijkennis") is ok
