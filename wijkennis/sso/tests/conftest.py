"""A real OpenID Connect provider for the SSO tests (tests/oidc_provider), started once per
test session. If it cannot start, every test that needs it errors with the reason: nothing
is skipped."""

import pytest

from tests.oidc_provider.server import running_provider
from wijkennis.sso.models import OidcProvider

from .helpers import BACKENDS, SECRET_ENV, provider_for


@pytest.fixture(scope="session")
def oidc_server(tmp_path_factory):
    with running_provider(tmp_path_factory.mktemp("oidc-provider")) as server:
        yield server


@pytest.fixture(autouse=True)
def sso_backend(settings):
    settings.AUTHENTICATION_BACKENDS = BACKENDS


@pytest.fixture
def provider(people, oidc_server, monkeypatch) -> OidcProvider:
    """Organisation A's provider: the test provider, client "wijkennis"."""
    monkeypatch.setenv(SECRET_ENV, "wijkennis-client-secret-1")
    return provider_for(people.org_a, oidc_server)
