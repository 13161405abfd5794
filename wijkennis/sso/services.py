"""Who an organisation account is in Wijkennis, and the URLs around signing in and out.

`sign_in` decides, for verified claims of one provider, which user signs in (DESIGN: staff of
municipalities and care organisations log in with their organisation's account):
1. a linked account (`OidcIdentity`) → its user;
2. first time, with a valid invitation of the provider's organisation in the session → the
   invitation is accepted for the user with that e-mail address (made when there is none);
3. first time, a user with the provider's verified e-mail who is a member of the provider's
   organisation → linked;
4. first time, nobody with that e-mail → a new user and membership with the provider's
   default role, only when the provider allows it.
Anything else is refused with a reason (`SsoRefused`); nothing is created then.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkennis.core.models import record_event
from wijkennis.invitations import services as invitations
from wijkennis.organisations.models import Membership, Role

from .models import OidcIdentity, OidcProvider

# Session keys. The provider chosen at the start of the flow, and the invitation being accepted
# (the invitations app and `sso:start` both put it there).
SESSION_PROVIDER = "sso_provider_id"
SESSION_INVITATION = "invitation_token"
# Where mozilla-django-oidc stores the ID token (a session key, not a secret).
SESSION_ID_TOKEN = "oidc_id_token"  # noqa: S105

# What the person reads when a sign-in is refused (on the login page).
REFUSALS = {
    "rejected": _(
        "We could not check the sign-in from your organisation. You are not logged in. "
        "Try again, or log in with your e-mail address and password."
    ),
    "cancelled": _("Signing in at your organisation did not work or was cancelled."),
    "not_configured": _(
        "Logging in with this organisation's account does not work at the moment. "
        "Log in with your e-mail address and password, or try again later."
    ),
    "no_email": _(
        "Your organisation account did not give us an e-mail address, so we cannot find your "
        "account. Ask your coordinator for help."
    ),
    "email_not_verified": _(
        "Your organisation has not confirmed your e-mail address yet, so we cannot use it. "
        "Ask your organisation's IT helpdesk for help."
    ),
    "no_account": _(
        "There is no Wijkennis account for you in this organisation yet. "
        "Ask your coordinator for an invitation."
    ),
    "other_organisation": _(
        "This e-mail address already has a Wijkennis account, but not in this organisation. "
        "Log in with your e-mail address and password, or ask for an invitation."
    ),
    "inactive": _("This account has been switched off. Ask your coordinator for help."),
    "invitation_invalid": _(
        "This invitation can no longer be used. Ask for a new invitation. You are not logged in."
    ),
}


class SsoRefused(Exception):
    """Signing in is refused; `reason` is a key of REFUSALS. `message`, when given, says more
    than REFUSALS does (the invitations app's own explanation)."""

    def __init__(self, reason: str, message: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.message = message or REFUSALS[reason]


@dataclass
class SignIn:
    user: object
    outcome: str  # "identity", "linked", "created" or "invitation"


def _verified(claims: dict) -> bool:
    """`email_verified` when the provider sends it (some send the string "true")."""
    if "email_verified" not in claims:
        return True
    value = claims["email_verified"]
    return value is True or str(value).lower() == "true"


def _email(claims: dict) -> str:
    email = (claims.get("email") or "").strip().lower()
    if not email:
        raise SsoRefused("no_email")
    if not _verified(claims):
        raise SsoRefused("email_not_verified")
    return email


def _invitation(token: str | None, provider: OidcProvider):
    """The invitation in the session, when it is for the provider's organisation; None when
    there is no token or it belongs to another organisation; refused when it is not valid."""
    if not token:
        return None
    try:
        invitation = invitations.invitation_for_token(token)
    except invitations.InvitationError as error:
        raise SsoRefused("invitation_invalid", error.message) from error
    if invitation.organisation_id != provider.organisation_id:
        return None
    return invitation


def _accept(token: str, user) -> None:
    try:
        invitations.accept(token, user=user)
    except invitations.InvitationError as error:
        # For example: the invitation is for another e-mail address.
        raise SsoRefused("invitation_invalid", error.message) from error


def _new_user(claims: dict, email: str):
    return get_user_model().objects.create_user(
        email=email,
        password=None,  # unusable: this person logs in through the organisation
        first_name=str(claims.get("given_name") or "")[:150],
        last_name=str(claims.get("family_name") or "")[:150],
    )


def _link(provider: OidcProvider, subject: str, user, action: str) -> OidcIdentity:
    identity = OidcIdentity.objects.create(
        provider=provider, subject=subject, user=user, last_login_at=timezone.now()
    )
    record_event(user, action, identity, detail=f"provider={provider.pk}")
    return identity


@transaction.atomic
def sign_in(provider: OidcProvider, claims: dict, *, invitation_token: str | None = None) -> SignIn:
    """The user that verified `claims` of `provider` belong to (see the module docstring).
    Raises SsoRefused; then nothing was created or changed."""
    subject = str(claims.get("sub") or "")
    if not subject:
        raise SsoRefused("rejected")
    invitation = _invitation(invitation_token, provider)

    identity = (
        OidcIdentity.objects.select_for_update()
        .select_related("user")
        .filter(provider=provider, subject=subject)
        .first()
    )
    if identity is not None:
        if not identity.user.is_active:
            raise SsoRefused("inactive")
        identity.last_login_at = timezone.now()
        identity.save(update_fields=["last_login_at"])
        if invitation is not None:
            _accept(invitation_token, identity.user)
            return SignIn(identity.user, "invitation")
        return SignIn(identity.user, "identity")

    email = _email(claims)
    user = get_user_model().objects.filter(email__iexact=email).first()
    if user is not None and not user.is_active:
        raise SsoRefused("inactive")

    if invitation is not None:
        user = user or _new_user(claims, email)
        _accept(invitation_token, user)
        _link(provider, subject, user, "sso.linked")
        return SignIn(user, "invitation")

    if user is not None:
        if not Membership.objects.filter(user=user, organisation=provider.organisation).exists():
            # Another organisation's account: this provider may not take it over.
            raise SsoRefused("other_organisation")
        _link(provider, subject, user, "sso.linked")
        return SignIn(user, "linked")

    if not provider.create_users:
        raise SsoRefused("no_account")
    if provider.default_role == Role.BEHEERDER:  # also a database constraint
        raise SsoRefused("no_account")
    user = _new_user(claims, email)
    Membership.objects.create(
        user=user, organisation=provider.organisation, role=provider.default_role
    )
    _link(provider, subject, user, "sso.account_created")
    return SignIn(user, "created")


def enabled_provider(organisation_id) -> OidcProvider | None:
    return (
        OidcProvider.objects.enabled()
        .select_related("organisation")
        .filter(organisation_id=organisation_id)
        .first()
    )


def login_url_for_invitation(invitation, token: str) -> str | None:
    """Where an invited person starts signing in with their organisation account: `sso:start`
    of the invitation's organisation, carrying the token (the start view checks it and keeps it
    in the session). None when that organisation has no enabled provider."""
    if (
        not OidcProvider.objects.enabled()
        .filter(organisation_id=invitation.organisation_id)
        .exists()
    ):
        return None
    start = reverse("sso:start", args=[invitation.organisation_id])
    return f"{start}?{urlencode({'invitation': token})}"


def provider_logout_url(request) -> str:
    """After logging out here: the provider's end-session endpoint (RP-initiated logout) when
    this session signed in through a provider that has one, else the usual page.
    Reads the session, so call it before the session ends."""
    after = resolve_url(settings.LOGOUT_REDIRECT_URL or "/")
    provider_id = request.session.get(SESSION_PROVIDER)
    id_token = request.session.get(SESSION_ID_TOKEN)
    if not provider_id or not id_token:
        return after
    provider = OidcProvider.objects.filter(pk=provider_id).first()
    if provider is None or not provider.end_session_endpoint:
        return after
    query = urlencode(
        {
            "id_token_hint": id_token,
            "post_logout_redirect_uri": request.build_absolute_uri(after),
            "client_id": provider.client_id,
        }
    )
    separator = "&" if "?" in provider.end_session_endpoint else "?"
    return f"{provider.end_session_endpoint}{separator}{query}"
