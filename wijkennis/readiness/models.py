"""The kwartiermaakscan: an organisation's rounds of the readiness questionnaire and the
answers of each person who filled it in."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkennis.organisations.models import (
    KWARTIER_ROLES,
    STORY_READER_ROLES,
    organisation_ids_with_role,
)

# Who of an organisation answers the scan and sees its results: everyone who works with or
# prepares for experience work there (not policy officers, researchers or the beheerder).
SCAN_ROLES = STORY_READER_ROLES | KWARTIER_ROLES


class ScanRoundQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ScanRoundQuerySet":
        return self.filter(organisation_id__in=organisation_ids_with_role(user, SCAN_ROLES))


class ScanRound(models.Model):
    """One moment the organisation takes the scan; repeating it shows progress."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="scan_rounds"
    )
    title = models.CharField(_("name of this round"), max_length=120)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScanRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("readiness:round", args=[self.pk])


class ScanResponse(models.Model):
    """One person's answers in one round: statement key → 1–4, or 0 for "weet niet"."""

    round = models.ForeignKey(ScanRound, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    answers = models.JSONField(default=dict)
    content_version = models.PositiveIntegerField()
    submitted_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "respondent"], name="one_response_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.round} / {self.respondent_id}"
