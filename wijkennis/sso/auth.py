"""mozilla-django-oidc, configured per organisation instead of by Django settings.

mozilla-django-oidc reads its configuration through `get_settings(name)` and instance
attributes set in `__init__`. Here both come from the `OidcProvider` chosen when the flow
started (its id is in the session), so one Wijkennis serves many organisations' providers.

Add the backend to AUTHENTICATION_BACKENDS after django-axes and the password backend:
    "wijkennis.sso.auth.OrganisationOIDCBackend",
"""

import logging

import jwt
import requests
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from wijkennis.accounts.backends import AccountFromCache

from . import services
from .models import OidcProvider

logger = logging.getLogger(__name__)

# The same for every provider; the rest falls back to Django settings and the library defaults.
FIXED_SETTINGS = {
    "OIDC_AUTHENTICATION_CALLBACK_URL": "sso:callback",
    "OIDC_USE_NONCE": True,
    "OIDC_USE_PKCE": True,
    "OIDC_STORE_ID_TOKEN": True,  # for id_token_hint at logout
    "OIDC_STORE_ACCESS_TOKEN": False,
    "OIDC_ALLOW_UNSECURED_JWT": False,
    "OIDC_TOKEN_USE_BASIC_AUTH": False,
    "OIDC_CREATE_USER": False,  # services.sign_in decides
    "OIDC_OP_LOGOUT_URL_METHOD": "wijkennis.sso.services.provider_logout_url",
    "LOGIN_REDIRECT_URL_FAILURE": "accounts:login",
}


class ProviderSettingsMixin:
    """`get_settings` from the chosen provider; an instance method where the library has a
    static one, which works because the library always calls it on `self`."""

    provider: OidcProvider | None = None

    def get_settings(self, attr, *args):
        if attr == "OIDC_RP_SCOPES" and self.provider is not None:
            return self.provider.scopes
        if attr == "OIDC_TIMEOUT":
            return import_from_settings("WIJKENNIS_OIDC_TIMEOUT", 10)
        if attr in FIXED_SETTINGS:
            return FIXED_SETTINGS[attr]
        return import_from_settings(attr, *args)


def _audience_ok(payload: dict, client_id: str) -> bool:
    audience = payload.get("aud")
    audiences = [audience] if isinstance(audience, str) else list(audience or [])
    if client_id not in audiences:
        return False
    # With more than one audience the token must have been issued to us (OIDC Core 3.1.3.7).
    return len(audiences) == 1 or payload.get("azp") == client_id


class OrganisationOIDCBackend(AccountFromCache, ProviderSettingsMixin, OIDCAuthenticationBackend):
    """Signs in on the callback of a flow that `sso:start` began; ignores every other call
    (password logins pass by it). A refusal is left in `request.sso_failure` (an SsoRefused)."""

    def __init__(self, *args, **kwargs):
        # The library reads settings here; the provider is only known in authenticate().
        self.UserModel = get_user_model()

    def use_provider(self, provider: OidcProvider, client_secret: str) -> None:
        self.provider = provider
        self.OIDC_OP_TOKEN_ENDPOINT = provider.token_endpoint
        self.OIDC_OP_USER_ENDPOINT = provider.userinfo_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = provider.jwks_endpoint or None
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.OIDC_RP_CLIENT_SECRET = client_secret
        self.OIDC_RP_SIGN_ALGO = provider.signing_algorithm
        self.OIDC_RP_IDP_SIGN_KEY = None

    def authenticate(self, request, **kwargs):
        if request is None or "nonce" not in kwargs:
            return None
        if not (request.GET.get("code") and request.GET.get("state")):
            return None
        provider_id = request.session.get(services.SESSION_PROVIDER)
        provider = (
            OidcProvider.objects.enabled()
            .select_related("organisation")
            .filter(pk=provider_id)
            .first()
            if provider_id
            else None
        )
        if provider is None:
            return None
        secret = provider.client_secret()
        if secret is None:
            logger.error("SSO: the client secret of provider %s is not set", provider.pk)
            request.sso_failure = services.SsoRefused("not_configured")
            return None
        self.use_provider(provider, secret)
        try:
            return super().authenticate(request, **kwargs)
        except services.SsoRefused as refusal:
            request.sso_failure = refusal
        except (
            SuspiciousOperation,
            requests.RequestException,
            jwt.PyJWTError,
            KeyError,
            TypeError,
            ValueError,
        ) as error:
            # The error says what was wrong with the token or the call; never a claim's value.
            logger.warning(
                "SSO: sign-in rejected for provider %s: %s: %s",
                provider.pk,
                type(error).__name__,
                str(error)[:300],
            )
            request.sso_failure = services.SsoRefused("rejected")
        return None

    def verify_token(self, token, **kwargs):
        """The library checks signature, algorithm, expiry and nonce; this adds issuer and
        audience (it skips both) and requires an expiry on the ID token."""
        payload = super().verify_token(token, **kwargs)
        issuer = str(payload.get("iss") or "").rstrip("/")
        if issuer != self.provider.issuer.rstrip("/"):
            raise SuspiciousOperation("The token's issuer is not the provider's.")
        if not _audience_ok(payload, self.provider.client_id):
            raise SuspiciousOperation("The token was not issued to this client.")
        if "nonce" in kwargs and ("exp" not in payload or not payload.get("sub")):
            raise SuspiciousOperation("The ID token has no expiry or subject.")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        if str(claims.get("sub")) != str(payload.get("sub")):
            raise SuspiciousOperation("The userinfo is about someone else.")
        # The ID token's claims, completed by the userinfo endpoint.
        result = services.sign_in(
            self.provider,
            {**payload, **claims},
            invitation_token=self.request.session.get(services.SESSION_INVITATION),
        )
        self.request.sso_outcome = result.outcome
        return result.user
