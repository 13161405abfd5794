"""Providers from the environment: `WIJKENNIS_OIDC_PROVIDERS` (JSON), applied by
`wijkennis sso_sync`. A list of objects, one per organisation:

    [{"organisation": "Gemeente Testdam",            # name or id
      "issuer": "https://login.testdam.nl",
      "client_id": "wijkennis",
      "client_secret_env": "WIJKENNIS_OIDC_SECRET_TESTDAM",
      "button_label": "Medewerkers Gemeente Testdam",  # optional
      "create_users": false, "default_role": "collega", "enabled": true,  # optional
      "signing_algorithm": "RS256", "scopes": "openid email profile"}]    # optional

Endpoints that are left out are read from the issuer's discovery document
(`<issuer>/.well-known/openid-configuration`). All entries are checked first; one bad entry
changes nothing and is named in the error.
"""

import json
import os

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from wijkennis.organisations.models import Organisation

from .models import OidcProvider

FIELDS = {
    "button_label",
    "issuer",
    "authorization_endpoint",
    "token_endpoint",
    "userinfo_endpoint",
    "jwks_endpoint",
    "end_session_endpoint",
    "client_id",
    "client_secret_env",
    "scopes",
    "signing_algorithm",
    "enabled",
    "default_role",
    "create_users",
}
# Discovery document key → our field.
DISCOVERED = {
    "authorization_endpoint": "authorization_endpoint",
    "token_endpoint": "token_endpoint",
    "userinfo_endpoint": "userinfo_endpoint",
    "jwks_uri": "jwks_endpoint",
    "end_session_endpoint": "end_session_endpoint",
}
ENDPOINTS = ("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_endpoint")


class ConfigurationError(Exception):
    pass


def configured_text() -> str:
    """The JSON from the setting, or else straight from the environment."""
    value = getattr(settings, "WIJKENNIS_OIDC_PROVIDERS", None)
    if value is None:
        value = os.environ.get("WIJKENNIS_OIDC_PROVIDERS", "")
    return value if isinstance(value, str) else json.dumps(value)


def discover(issuer: str) -> dict:
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    try:
        response = requests.get(url, timeout=getattr(settings, "WIJKENNIS_OIDC_TIMEOUT", 10))
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        raise ConfigurationError(f"discovery at {url} failed: {error}") from error
    if str(document.get("issuer", "")).rstrip("/") != issuer.rstrip("/"):
        raise ConfigurationError(f"{url} names another issuer: {document.get('issuer')!r}")
    return {ours: document[theirs] for theirs, ours in DISCOVERED.items() if theirs in document}


def _organisation(value) -> Organisation:
    by_id = Q(pk=value) if isinstance(value, int) and not isinstance(value, bool) else Q()
    organisation = Organisation.objects.filter(by_id | Q(name=str(value))).first()
    if organisation is None:
        raise ConfigurationError(f"unknown organisation {value!r}")
    return organisation


def _provider(entry) -> OidcProvider:
    if not isinstance(entry, dict):
        raise ConfigurationError("each entry must be an object")
    unknown = set(entry) - FIELDS - {"organisation"}
    if unknown:
        raise ConfigurationError(f"unknown keys: {', '.join(sorted(unknown))}")
    if "organisation" not in entry or not entry.get("issuer"):
        raise ConfigurationError("'organisation' and 'issuer' are required")
    organisation = _organisation(entry["organisation"])
    values = {key: value for key, value in entry.items() if key in FIELDS}
    if any(not values.get(name) for name in ENDPOINTS):
        found = discover(values["issuer"])
        values = {**found, **{key: value for key, value in values.items() if value}}
    provider = OidcProvider.objects.filter(organisation=organisation).first() or OidcProvider(
        organisation=organisation
    )
    for key, value in values.items():
        setattr(provider, key, value)
    provider.from_environment = True
    try:
        provider.full_clean()
    except ValidationError as error:
        problems = error.message_dict.items()
        raise ConfigurationError(
            "; ".join(f"{field}: {' '.join(messages)}" for field, messages in problems)
        ) from error
    return provider


def parse(text: str) -> list[OidcProvider]:
    """Unsaved providers for every entry; ConfigurationError naming the first bad entry."""
    try:
        entries = json.loads(text) if text.strip() else []
    except json.JSONDecodeError as error:
        raise ConfigurationError(f"not valid JSON: {error}") from error
    if not isinstance(entries, list):
        raise ConfigurationError("expected a JSON list of providers")
    providers = []
    for number, entry in enumerate(entries, start=1):
        try:
            providers.append(_provider(entry))
        except ConfigurationError as error:
            name = entry.get("organisation") if isinstance(entry, dict) else None
            raise ConfigurationError(f"entry {number} ({name}): {error}") from error
    organisations = [provider.organisation_id for provider in providers]
    if len(set(organisations)) != len(organisations):
        raise ConfigurationError("an organisation is listed twice")
    return providers


@transaction.atomic
def sync(text: str) -> dict[str, list[OidcProvider]]:
    """Save the providers of `text`; providers that came from the environment before but are
    no longer listed are switched off (not deleted: their linked accounts stay)."""
    providers = parse(text)
    result = {"created": [], "updated": [], "disabled": []}
    for provider in providers:
        result["updated" if provider.pk else "created"].append(provider)
        provider.save()
    gone = OidcProvider.objects.filter(from_environment=True, enabled=True).exclude(
        pk__in=[provider.pk for provider in providers]
    )
    result["disabled"] = list(gone)
    gone.update(enabled=False)
    return result
