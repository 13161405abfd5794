import logging

from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.generic import View
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
    OIDCLogoutView,
    get_next_url,
)

from wijkennis.invitations import services as invitations

from . import services
from .auth import ProviderSettingsMixin
from .models import OidcProvider

logger = logging.getLogger(__name__)


def _refuse(request, refusal: services.SsoRefused):
    messages.error(request, refusal.message)
    return redirect("accounts:login")


def choose(request):
    """The organisations whose staff can log in with their organisation account."""
    providers = OidcProvider.objects.enabled().select_related("organisation")
    return render(
        request,
        "sso/choose.html",
        {"providers": providers, "next": get_next_url(request, "next") or ""},
    )


class StartView(ProviderSettingsMixin, OIDCAuthenticationRequestView):
    """`sso:start`: remembers the organisation's provider (and an invitation) in the session,
    then sends the browser to the provider's authorization endpoint."""

    def __init__(self, **kwargs):
        # The library reads the endpoint and client id from settings here; they come from the
        # provider, which is known only in get().
        View.__init__(self, **kwargs)

    def get(self, request, organisation_pk):
        provider = services.enabled_provider(organisation_pk)
        if provider is None:
            return render(request, "sso/unavailable.html", status=404)
        if provider.client_secret() is None:
            logger.error("SSO: the client secret of provider %s is not set", provider.pk)
            return _refuse(request, services.SsoRefused("not_configured"))
        token = request.GET.get("invitation")
        if token:
            try:
                invitation = invitations.invitation_for_token(token)
            except invitations.InvitationError as error:
                return _refuse(request, services.SsoRefused("invitation_invalid", error.message))
            if invitation.organisation_id != provider.organisation_id:
                return _refuse(request, services.SsoRefused("invitation_invalid"))
            request.session[services.SESSION_INVITATION] = token
        self.provider = provider
        self.OIDC_OP_AUTH_ENDPOINT = provider.authorization_endpoint
        self.OIDC_RP_CLIENT_ID = provider.client_id
        request.session[services.SESSION_PROVIDER] = provider.pk
        return super().get(request)


class CallbackView(ProviderSettingsMixin, OIDCAuthenticationCallbackView):
    """`sso:callback`: the provider sends the browser back here with a code; the backend
    exchanges it for tokens, checks them and finds the user (`services.sign_in`)."""

    def get(self, request):
        try:
            return super().get(request)
        except SuspiciousOperation:
            # An unknown state: an old or forged link, or a second use of the same one.
            return self.login_failure()

    def login_failure(self):
        request = self.request
        refusal = getattr(request, "sso_failure", None) or services.SsoRefused(
            "cancelled" if request.GET.get("error") else "rejected"
        )
        request.session.pop(services.SESSION_PROVIDER, None)
        # A retry from the login page should not stumble over the same invitation again.
        if refusal.reason == "invitation_invalid":
            request.session.pop(services.SESSION_INVITATION, None)
        return _refuse(request, refusal)

    def login_success(self):
        session = self.request.session
        # login() empties the session when someone else was logged in; keep what logout needs.
        kept = {
            key: session[key]
            for key in (services.SESSION_PROVIDER, services.SESSION_ID_TOKEN)
            if key in session
        }
        response = super().login_success()
        self.request.session.update(kept)
        outcome = getattr(self.request, "sso_outcome", "")
        if outcome == "invitation":
            self.request.session.pop(services.SESSION_INVITATION, None)
            messages.success(self.request, _("Welcome! You accepted the invitation."))
        elif outcome == "created":
            messages.success(
                self.request, _("Welcome! We made your account with your organisation account.")
            )
        return response


class LogoutView(ProviderSettingsMixin, OIDCLogoutView):
    """`sso:logout` (POST): ends the Wijkennis session and, when the person signed in through
    a provider with an end-session endpoint, sends them there to log out too. Works for
    everyone, so the site's logout button can post here."""

    http_method_names = ["post"]
