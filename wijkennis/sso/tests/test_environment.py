"""`wijkennis sso_sync`: providers from WIJKENNIS_OIDC_PROVIDERS (JSON), all or nothing."""

import json

import pytest
from django.core.management import CommandError, call_command

from wijkennis.organisations.models import Role
from wijkennis.sso.models import OidcProvider

from .helpers import provider_for


def entry(people, server, **extra):
    return {
        "organisation": people.org_a.name,
        "issuer": server.issuer,
        "client_id": "wijkennis",
        "client_secret_env": "WIJKENNIS_OIDC_SECRET_A",
        **extra,
    }


def test_sync_reads_endpoints_from_discovery(people, oidc_server, settings):
    settings.WIJKENNIS_OIDC_PROVIDERS = json.dumps(
        [entry(people, oidc_server, create_users=True, default_role="ervaringswerker")]
    )

    call_command("sso_sync", verbosity=0)

    provider = OidcProvider.objects.get(organisation=people.org_a)
    expected = oidc_server.endpoints()
    assert provider.token_endpoint == expected["token_endpoint"]
    assert provider.jwks_endpoint == expected["jwks_endpoint"]
    assert provider.end_session_endpoint == expected["end_session_endpoint"]
    assert provider.from_environment and provider.create_users
    assert provider.default_role == Role.ERVARINGSWERKER


def test_sync_updates_and_switches_off_providers_no_longer_listed(people, oidc_server, settings):
    by_id = entry(people, oidc_server, organisation=people.org_b.pk, button_label="B")
    settings.WIJKENNIS_OIDC_PROVIDERS = json.dumps([entry(people, oidc_server), by_id])
    call_command("sso_sync", verbosity=0)
    admin_made = provider_for(people.municipality, oidc_server)

    settings.WIJKENNIS_OIDC_PROVIDERS = json.dumps([{**by_id, "button_label": "Team B"}])
    call_command("sso_sync", verbosity=0)

    assert OidcProvider.objects.get(organisation=people.org_b).button_label == "Team B"
    assert not OidcProvider.objects.get(organisation=people.org_a).enabled
    admin_made.refresh_from_db()
    assert admin_made.enabled  # made in the admin: the environment does not touch it


@pytest.mark.parametrize(
    ("bad", "named"),
    [
        ({"organisation": "Bestaat Niet"}, "unknown organisation"),
        ({"default_role": "beheerder"}, "default_role"),
        ({"colour": "blue"}, "unknown keys: colour"),
        ({"issuer": "http://127.0.0.1:9/nergens"}, "discovery"),
    ],
)
def test_one_bad_entry_changes_nothing(people, oidc_server, settings, bad, named):
    good = entry(people, oidc_server)
    wrong = {**entry(people, oidc_server, organisation=people.org_b.name), **bad}
    settings.WIJKENNIS_OIDC_PROVIDERS = json.dumps([good, wrong])

    with pytest.raises(CommandError) as raised:
        call_command("sso_sync", verbosity=0)

    assert "entry 2" in str(raised.value) and named in str(raised.value)
    assert not OidcProvider.objects.exists()


def test_sync_from_a_file_and_check_only(people, oidc_server, tmp_path):
    path = tmp_path / "providers.json"
    path.write_text(json.dumps([entry(people, oidc_server)]))

    call_command("sso_sync", file=path, check=True, verbosity=0)
    assert not OidcProvider.objects.exists()
    call_command("sso_sync", file=path, verbosity=0)
    assert OidcProvider.objects.filter(organisation=people.org_a, enabled=True).exists()


def test_not_json_is_refused(db, settings):
    settings.WIJKENNIS_OIDC_PROVIDERS = "[{"
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("sso_sync", verbosity=0)
