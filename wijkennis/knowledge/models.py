"""Wij-kennis: knowledge items distilled from stories and recognised by peers, and experience
reports whose counts become collective patterns (DESIGN §5)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkennis.organisations.models import NETWORK_READER_ROLES, OrganisationKind, Role, has_role


class ItemStatus(models.TextChoices):
    VOORSTEL = "voorstel", _("proposal")
    IN_REVIEW = "in_review", _("in review")
    VASTGESTELD = "vastgesteld", _("established")


class KnowledgeItemQuerySet(models.QuerySet):
    def visible_to(self, user) -> "KnowledgeItemQuerySet":
        """Items are the network's shared work: network readers and reviewers see every item,
        other members established ones, authors their own. Anonymous visitors see none."""
        if not user.is_authenticated:
            return self.none()
        if has_role(user, NETWORK_READER_ROLES | {Role.BEHEERDER}) or user.has_perm(
            "knowledge.review_knowledge"
        ):
            return self
        return self.filter(Q(status=ItemStatus.VASTGESTELD) | Q(created_by=user))


class KnowledgeItem(models.Model):
    status = models.CharField(max_length=12, choices=ItemStatus.choices, default="voorstel")
    current = models.ForeignKey(
        "KnowledgeVersion", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    established_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    established_at = models.DateTimeField(null=True, blank=True)

    objects = KnowledgeItemQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("knowledge item")
        verbose_name_plural = _("knowledge items")
        permissions = [("review_knowledge", "Can establish knowledge items")]

    def __str__(self) -> str:
        return self.current.title if self.current_id else f"wij-kennis {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("knowledge:item", args=[self.pk])


class KnowledgeVersion(models.Model):
    """What the item says at one moment. Recognitions belong to the version they were given on."""

    item = models.ForeignKey(KnowledgeItem, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=200)
    situations = models.ManyToManyField(
        "vocabulary.Concept", related_name="knowledge_versions", verbose_name=_("situation")
    )
    insight = models.TextField(_("what people in this situation did"))
    what_helped = models.TextField(_("what helped"), blank=True)
    what_made_worse = models.TextField(_("what made it worse"), blank=True)
    for_whom = models.TextField(_("for whom this applies"), blank=True)
    cautions = models.TextField(_("be careful with"), blank=True)
    stories = models.ManyToManyField(
        "stories.Story", blank=True, related_name="knowledge_versions", verbose_name=_("stories")
    )
    change_note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="one_number_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.title} (versie {self.number})"


class Recognition(models.Model):
    """A peer's "herken ik" / "herken ik niet", one per person per version."""

    version = models.ForeignKey(
        KnowledgeVersion, on_delete=models.CASCADE, related_name="recognitions"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Where the person works, as it was when they recognised it (counts per organisation kind).
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recognises = models.BooleanField()
    comment = models.TextField(_("comment"), blank=True, max_length=1000)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "user"], name="one_recognition_per_version")
        ]

    def __str__(self) -> str:
        return "herken ik" if self.recognises else "herken ik niet"


class Outcome(models.TextChoices):
    HELPED = "hielp", _("it helped")
    NO_DIFFERENCE = "maakte_niet_uit", _("it made no difference")
    WORSE = "maakte_erger", _("it made things worse")


class ExperienceReportQuerySet(models.QuerySet):
    def own(self, user) -> "ExperienceReportQuerySet":
        """A report is linked to its reporter only for their own view; others see aggregates."""
        return self.filter(reporter=user) if user.is_authenticated else self.none()


class ExperienceReport(models.Model):
    """A one-minute report: in situation X, I (or the person I support) tried Y, outcome Z."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    situation = models.ForeignKey(
        "vocabulary.Concept",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("situation"),
    )
    tried = models.ForeignKey(
        "vocabulary.Concept",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("what was tried"),
    )
    tried_text = models.CharField(_("what was tried, in your words"), max_length=120, blank=True)
    outcome = models.CharField(_("how did it go?"), max_length=20, choices=Outcome.choices)
    for_whom = models.CharField(_("for whom (optional)"), max_length=120, blank=True)
    organisation_kind = models.CharField(max_length=30, choices=OrganisationKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ExperienceReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.situation} / {self.tried or self.tried_text}: {self.outcome}"


class PatternCell(models.Model):
    """Counts of reports per situation × what was tried × organisation kind, kept up to date in
    the report's transaction (services.submit_report), so a pattern page reads a few rows."""

    situation = models.ForeignKey("vocabulary.Concept", on_delete=models.CASCADE, related_name="+")
    tried_key = models.CharField(max_length=140)  # "c:<concept id>" or "t:<folded text>"
    tried = models.ForeignKey(
        "vocabulary.Concept", on_delete=models.CASCADE, null=True, related_name="+"
    )
    tried_text = models.CharField(max_length=120, blank=True)
    organisation_kind = models.CharField(max_length=30, choices=OrganisationKind.choices)
    helped = models.PositiveIntegerField(default=0)
    no_difference = models.PositiveIntegerField(default=0)
    worse = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["situation", "tried_key", "organisation_kind"], name="one_cell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.situation_id}/{self.tried_key}/{self.organisation_kind}"
