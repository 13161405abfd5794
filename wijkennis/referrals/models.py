"""Verwijzen: experience profiles of ervaringswerkers and referrals of clients to them.

Privacy: an ExperienceProfile is special-category data (AVG art. 9). Only its owner reads it in
full; a coordinator of the worker's organisation sees it only when the worker allowed that
(`share_with_coordinator`). Matching uses only profiles with `consent_matching`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkennis.organisations.models import Organisation, Role, organisation_ids_with_role
from wijkennis.vocabulary.models import Concept

CONSENT_TEXT = (
    "I agree that Wijkennis stores the life domains I have experience with, my languages, "
    "wijken and availability, to match me with clients. I choose who sees it and can withdraw "
    "this at any time."
)
REFERRER_ROLES = frozenset({Role.COLLEGA, Role.COORDINATOR, Role.ERVARINGSWERKER})


class ExperienceProfileQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ExperienceProfileQuerySet":
        """The worker's own profile, and profiles the worker shared with the coordinators of
        their organisation. Nobody else: not colleagues, other organisations or staff."""
        if not user.is_authenticated:
            return self.none()
        coordinated = organisation_ids_with_role(user, {Role.COORDINATOR})
        return self.filter(
            Q(user=user)
            | Q(
                organisation_id__in=coordinated,
                consent_given_at__isnull=False,
                share_with_coordinator=True,
            )
        )

    def matchable(self) -> "ExperienceProfileQuerySet":
        return self.filter(consent_given_at__isnull=False, consent_matching=True)


class ExperienceProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="experience_profile"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="experience_profiles"
    )
    domains = models.ManyToManyField(
        Concept, blank=True, related_name="+", verbose_name=_("life domains")
    )
    languages = models.CharField(_("languages and dialects"), max_length=300, blank=True)
    wijken = models.CharField(_("neighbourhoods"), max_length=300, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(_("hours available per week"), default=0)
    extra_caseload = models.PositiveSmallIntegerField(_("extra clients"), default=0)
    consent_given_at = models.DateTimeField(null=True, blank=True)
    consent_text = models.TextField(blank=True)
    consent_withdrawn_at = models.DateTimeField(null=True, blank=True)
    share_with_coordinator = models.BooleanField(_("my coordinator may see this"), default=False)
    consent_matching = models.BooleanField(_("use this to suggest me for clients"), default=False)

    objects = ExperienceProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("experience profile")
        verbose_name_plural = _("experience profiles")

    def __str__(self) -> str:
        return str(self.user)

    @staticmethod
    def split(text: str) -> list[str]:
        return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]

    @property
    def language_list(self) -> list[str]:
        return self.split(self.languages)

    @property
    def wijk_list(self) -> list[str]:
        return self.split(self.wijken)

    @property
    def open_referrals(self) -> int:
        return Referral.objects.filter(worker=self.user, status__in=OPEN_FOR_WORKER).count()

    @property
    def caseload(self) -> int:
        return self.open_referrals + self.extra_caseload


class Urgency(models.TextChoices):
    NORMAL = "normaal", _("Normal")
    SOON = "snel", _("Soon")
    VERY_SOON = "zeer_snel", _("Very soon")


class Status(models.TextChoices):
    FILED = "ingediend", _("Filed")
    OFFERED = "aangeboden", _("Offered to an experience worker")
    ACCEPTED = "geaccepteerd", _("Waiting for the client's choice")
    CLIENT_DECLINED = "andere_hulp", _("Client wants other help")
    CHOSEN = "gekozen", _("Client chose an experience worker")
    CONTACT = "contact", _("Contact made")
    CLOSED = "afgesloten", _("Closed")


OPEN_FOR_WORKER = (Status.CHOSEN, Status.CONTACT)


class ReferralQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ReferralQuerySet":
        """The filer (limited view), the coordinators of the receiving organisation (full) and
        the workers it was offered to. Everyone else sees nothing."""
        if not user.is_authenticated:
            return self.none()
        coordinated = organisation_ids_with_role(user, {Role.COORDINATOR})
        return self.filter(
            Q(filed_by=user) | Q(organisation_id__in=coordinated) | Q(offers__worker=user)
        ).distinct()


class Referral(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="referrals"
    )
    code = models.CharField(_("client code"), max_length=40)
    question = models.TextField(_("question in plain words"))
    domains = models.ManyToManyField(Concept, related_name="+", verbose_name=_("life domains"))
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    language = models.CharField(_("preferred language"), max_length=60, blank=True)
    wijk = models.CharField(_("neighbourhood"), max_length=100, blank=True)
    client_agreed_at = models.DateTimeField()
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.FILED)
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals_as_worker",
    )
    trajectory = models.OneToOneField(
        "trajectories.Trajectory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referral",
    )
    outcome = models.CharField(_("outcome"), max_length=200, blank=True)
    filed_at = models.DateTimeField(default=timezone.now)
    offered_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    client_chose_at = models.DateTimeField(null=True, blank=True)
    client_declined_at = models.DateTimeField(null=True, blank=True)
    first_contact_on = models.DateField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-filed_at", "-id"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("referrals:detail", kwargs={"referral_pk": self.pk})

    @property
    def days_to_first_contact(self) -> int | None:
        if not self.first_contact_on:
            return None
        return (self.first_contact_on - timezone.localdate(self.filed_at)).days


class OfferStatus(models.TextChoices):
    PENDING = "open", _("Waiting for an answer")
    ACCEPTED = "ja", _("Accepted")
    DECLINED = "nee", _("Declined")


class Offer(models.Model):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="offers")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        max_length=5, choices=OfferStatus.choices, default=OfferStatus.PENDING
    )
    decline_reason = models.CharField(_("reason"), max_length=300, blank=True)
    offered_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["offered_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["referral", "worker"], name="unique_offer_worker")
        ]

    def __str__(self) -> str:
        return f"{self.referral} → {self.worker}"


class ReferralNotification(models.Model):
    """Tells the filer THAT contact was made; its wording never includes the question."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="referral_notifications"
    )
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.referral}: {self.user}"
