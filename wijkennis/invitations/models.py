"""Invitations: how people of an organisation get into Wijkennis.

A coordinator or beheerder invites someone by e-mail. The e-mail holds a single-use link with a
random token; only a SHA-256 hash of that token is stored, so a copy of the database cannot be
used to accept an invitation. The status (open, accepted, expired, revoked) follows from the
dates. Writes go through `services.py`.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkennis.organisations.models import (
    Membership,
    Organisation,
    Role,
    Team,
    has_role,
    organisation_ids_with_role,
)

# Who may invite: coordinators for the roles below, beheerders (and staff) for every role.
INVITER_ROLES = frozenset({Role.COORDINATOR, Role.BEHEERDER})
COORDINATOR_INVITES = (Role.ERVARINGSWERKER, Role.COLLEGA, Role.COORDINATOR, Role.MANAGER)


def invitation_days() -> int:
    return getattr(settings, "WIJKENNIS_INVITATION_DAYS", 14)


def default_expiry():
    return timezone.now() + timedelta(days=invitation_days())


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def manageable_organisation_ids(user) -> set[int] | None:
    """The organisations whose invitations `user` manages; None means all (staff)."""
    if not user.is_authenticated:
        return set()
    if user.is_staff:
        return None
    return organisation_ids_with_role(user, INVITER_ROLES)


def manageable_organisations(user):
    ids = manageable_organisation_ids(user)
    organisations = Organisation.objects.all()
    return organisations if ids is None else organisations.filter(pk__in=ids)


def invitable_roles(user, organisation) -> list[str]:
    """The roles `user` may invite people to in `organisation` (empty: none)."""
    if not user.is_authenticated:
        return []
    if user.is_staff:
        return list(Role.values)
    held = set(
        Membership.objects.filter(
            user=user, organisation=organisation, role__in=INVITER_ROLES
        ).values_list("role", flat=True)
    )
    if Role.BEHEERDER in held:
        return list(Role.values)
    if Role.COORDINATOR in held:
        return [str(role) for role in COORDINATOR_INVITES]
    return []


def can_invite(user) -> bool:
    """Whether to offer the invitations pages at all."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return has_role(user, INVITER_ROLES)


class InvitationStatus(models.TextChoices):
    PENDING = "open", _("Open")
    ACCEPTED = "accepted", _("Accepted")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


class InvitationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "InvitationQuerySet":
        """Coordinators and beheerders of the invitation's organisation, and staff."""
        ids = manageable_organisation_ids(user)
        if ids is None:
            return self.all()
        return self.filter(organisation_id__in=ids)

    def with_status(self, status: str, now=None) -> "InvitationQuerySet":
        now = now or timezone.now()
        if status == InvitationStatus.ACCEPTED:
            return self.filter(accepted_at__isnull=False)
        if status == InvitationStatus.REVOKED:
            return self.filter(accepted_at__isnull=True, revoked_at__isnull=False)
        unused = self.filter(accepted_at__isnull=True, revoked_at__isnull=True)
        if status == InvitationStatus.EXPIRED:
            return unused.filter(expires_at__lte=now)
        return unused.filter(expires_at__gt=now)

    def pending(self, now=None) -> "InvitationQuerySet":
        return self.with_status(InvitationStatus.PENDING, now)


class Invitation(models.Model):
    email = models.EmailField(_("e-mail address"))
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    team = models.ForeignKey(
        Team,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("team"),
    )
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_sent",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("invited on"), default=timezone.now)
    expires_at = models.DateTimeField(_("valid until"), default=default_expiry)
    # SHA-256 of the token in the link; the token itself is never stored.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    accepted_at = models.DateTimeField(_("accepted on"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_accepted",
        verbose_name=_("accepted by"),
    )
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)
    times_sent = models.PositiveSmallIntegerField(_("times sent"), default=0)
    last_sent_at = models.DateTimeField(_("last sent on"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "email"], name="invitation_org_email")]
        constraints = [
            models.CheckConstraint(
                condition=Q(email=models.functions.Lower("email")),
                name="invitation_email_lowercase",
            )
        ]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} – {self.get_role_display()} – {self.organisation}"

    @property
    def status(self) -> str:
        if self.accepted_at:
            return InvitationStatus.ACCEPTED
        if self.revoked_at:
            return InvitationStatus.REVOKED
        if self.expires_at <= timezone.now():
            return InvitationStatus.EXPIRED
        return InvitationStatus.PENDING

    def get_status_display(self) -> str:
        return InvitationStatus(self.status).label

    @property
    def can_resend(self) -> bool:
        return self.status in (InvitationStatus.PENDING, InvitationStatus.EXPIRED)

    @property
    def can_revoke(self) -> bool:
        return self.status in (InvitationStatus.PENDING, InvitationStatus.EXPIRED)
