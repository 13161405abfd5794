"""Single sign-on: an organisation's OpenID Connect provider, and which account there is whom here.

The client secret is never stored in the database: a provider names the environment variable
that holds it (`client_secret_env`), so a database dump or the admin never shows it.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wijkennis.organisations.models import Organisation, Role


class SigningAlgorithm(models.TextChoices):
    RS256 = "RS256", "RS256"
    RS384 = "RS384", "RS384"
    RS512 = "RS512", "RS512"
    ES256 = "ES256", "ES256"
    ES384 = "ES384", "ES384"
    HS256 = "HS256", _("HS256 (signed with the client secret)")


# A first-time account never gets the beheerder role: that is given by hand, in the admin.
FIRST_LOGIN_ROLES = [(value, label) for value, label in Role.choices if value != Role.BEHEERDER]


class OidcProviderQuerySet(models.QuerySet):
    def enabled(self) -> "OidcProviderQuerySet":
        return self.filter(enabled=True)


class OidcProvider(models.Model):
    """The sign-in service of one organisation (a municipality's or care organisation's
    identity provider), registered there with Wijkennis's callback URL."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="oidc_provider",
        verbose_name=_("organisation"),
    )
    button_label = models.CharField(
        _("button label"),
        max_length=100,
        blank=True,
        help_text=_("Shown on the login page. Empty: the organisation's name."),
    )
    issuer = models.URLField(
        _("issuer"),
        help_text=_("Must equal the 'iss' claim in the provider's tokens."),
    )
    authorization_endpoint = models.URLField(_("authorization endpoint"))
    token_endpoint = models.URLField(_("token endpoint"))
    userinfo_endpoint = models.URLField(_("userinfo endpoint"))
    jwks_endpoint = models.URLField(
        _("JWKS endpoint"),
        blank=True,
        help_text=_("Where the provider publishes its public keys. Needed for RS and ES."),
    )
    end_session_endpoint = models.URLField(
        _("end-session endpoint"),
        blank=True,
        help_text=_("Optional. Logging out of Wijkennis then also logs out at the provider."),
    )
    client_id = models.CharField(_("client id"), max_length=255)
    client_secret_env = models.CharField(
        _("environment variable with the client secret"),
        max_length=100,
        help_text=_("The name of the variable, for example WIJKENNIS_OIDC_SECRET_TESTDAM."),
    )
    scopes = models.CharField(_("scopes"), max_length=200, default="openid email profile")
    signing_algorithm = models.CharField(
        _("signing algorithm"),
        max_length=10,
        choices=SigningAlgorithm.choices,
        default=SigningAlgorithm.RS256,
    )
    enabled = models.BooleanField(_("enabled"), default=True)
    default_role = models.CharField(
        _("role for a first-time account"),
        max_length=30,
        choices=FIRST_LOGIN_ROLES,
        default=Role.COLLEGA,
    )
    create_users = models.BooleanField(
        _("create accounts at first login"),
        default=False,
        help_text=_(
            "Off: only people who already have an account in this organisation, or an "
            "invitation, can log in this way."
        ),
    )
    from_environment = models.BooleanField(
        _("from the environment"),
        default=False,
        editable=False,
        help_text=_("Set by 'wijkennis sso_sync'; that command overwrites changes made here."),
    )

    objects = OidcProviderQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(default_role=Role.BEHEERDER), name="sso_no_beheerder_by_default"
            )
        ]
        verbose_name = _("sign-in provider")
        verbose_name_plural = _("sign-in providers")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.button_label or self.organisation.name

    def client_secret(self) -> str | None:
        """The secret from the environment; None when the variable is not set."""
        return os.environ.get(self.client_secret_env) or None

    def clean(self):
        if self.default_role == Role.BEHEERDER:
            raise ValidationError({"default_role": _("A first login never gives this role.")})
        if self.signing_algorithm[:2] in {"RS", "ES"} and not self.jwks_endpoint:
            raise ValidationError(
                {"jwks_endpoint": _("This signing algorithm needs the JWKS endpoint.")}
            )


class OidcIdentity(models.Model):
    """An account at a provider (its subject, 'sub') linked to a Wijkennis user."""

    provider = models.ForeignKey(OidcProvider, on_delete=models.CASCADE, related_name="identities")
    subject = models.CharField(_("subject"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="oidc_identities"
    )
    linked_at = models.DateTimeField(_("linked at"), auto_now_add=True)
    last_login_at = models.DateTimeField(_("last login"), null=True, blank=True)

    class Meta:
        ordering = ["provider", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "subject"], name="unique_oidc_identity_subject"
            )
        ]
        verbose_name = _("linked organisation account")
        verbose_name_plural = _("linked organisation accounts")

    def __str__(self) -> str:
        return f"{self.provider} · {self.subject}"
