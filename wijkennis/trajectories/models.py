"""Trajecten: a pseudonymous client trajectory of a type with ordered steps, and the
schoenendoos-overzicht (the creditors a worker and resident put in order).

A trajectory holds no name and no BSN: a code the worker chooses and at most a decade of birth.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkennis.organisations.models import (
    KWARTIER_ROLES,
    STORY_WRITER_ROLES,
    Organisation,
    organisation_ids_with_role,
)

# Ervaringswerkers and coordinators work with residents; managers see their organisation's.
TRAJECTORY_ROLES = STORY_WRITER_ROLES | KWARTIER_ROLES
DEBT_TYPE_NAME = "Schuldhulptraject"
# The debt trajectory of source text 000 (Utrecht), in order.
DEBT_STEPS = (
    "Eerste contact",
    "Schoenendoos geordend",
    "Schuldeisers in kaart",
    "Aanmelding schuldhulp",
    "Schuldregeling",
    "Schuldenvrij",
)
BIRTH_YEAR_RANGES = [(f"{d}–{d + 9}", f"{d}–{d + 9}") for d in range(1930, 2020, 10)]


class Outcome(models.TextChoices):
    OPEN = "open", _("Still running")
    COMPLETED = "afgerond", _("Completed")
    DROPPED_OUT = "uitgevallen", _("Dropped out")


class TrajectoryTypeQuerySet(models.QuerySet):
    def visible_to(self, user) -> "TrajectoryTypeQuerySet":
        """The shipped types (no organisation) and those of the user's organisations."""
        if not user.is_authenticated:
            return self.none()
        own = organisation_ids_with_role(user, TRAJECTORY_ROLES)
        return self.filter(Q(organisation__isnull=True) | Q(organisation_id__in=own))


class TrajectoryType(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="trajectory_types",
        help_text=_("Empty for a type shipped with Wijkennis, for everyone."),
    )
    name = models.CharField(_("name"), max_length=120)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TrajectoryTypeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("trajectory type")
        verbose_name_plural = _("trajectory types")

    def __str__(self) -> str:
        return self.name


class StepType(models.Model):
    type = models.ForeignKey(TrajectoryType, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["type", "order"]
        constraints = [
            models.UniqueConstraint(fields=["type", "order"], name="unique_step_order_per_type")
        ]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self) -> str:
        return self.name


class TrajectoryQuerySet(models.QuerySet):
    def visible_to(self, user) -> "TrajectoryQuerySet":
        """Trajectories of the organisations where the user is ervaringswerker, coordinator or
        manager. Nobody else sees one: not colleagues, policy officers, researchers or staff."""
        return self.filter(organisation_id__in=organisation_ids_with_role(user, TRAJECTORY_ROLES))


class Trajectory(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="trajectories"
    )
    type = models.ForeignKey(TrajectoryType, on_delete=models.PROTECT, related_name="trajectories")
    code = models.CharField(_("code"), max_length=40)
    birth_year_range = models.CharField(
        _("year of birth"), max_length=12, choices=BIRTH_YEAR_RANGES, blank=True
    )
    experience_worker_involved = models.BooleanField(
        _("an experience worker was involved"), default=True
    )
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.OPEN
    )
    dropout_reason = models.TextField(_("reason for dropping out"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TrajectoryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("trajectory")
        verbose_name_plural = _("trajectories")

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("trajectories:detail", kwargs={"trajectory_pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.outcome == Outcome.OPEN

    def steps_with_dates(self) -> list[tuple[StepType, object]]:
        dates = {d.step_id: d.date for d in self.step_dates.all()}
        return [(step, dates.get(step.pk)) for step in self.type.steps.all()]

    def creditor_total(self) -> Decimal:
        return self.creditors.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")


class StepDate(models.Model):
    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="step_dates")
    step = models.ForeignKey(StepType, on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))

    class Meta:
        ordering = ["step__order"]
        constraints = [
            models.UniqueConstraint(fields=["trajectory", "step"], name="unique_step_date")
        ]

    def __str__(self) -> str:
        return f"{self.step}: {self.date:%Y-%m-%d}"


class CreditorQuerySet(models.QuerySet):
    def for_overview(self) -> "CreditorQuerySet":
        """Sorted for the debt counsellor: the nearest deadline first (none last), then by
        letter date."""
        return self.order_by(
            models.F("deadline").asc(nulls_last=True),
            models.F("letter_date").asc(nulls_last=True),
            "name",
            "pk",
        )


class Creditor(models.Model):
    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="creditors")
    name = models.CharField(_("creditor"), max_length=200)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    letter_date = models.DateField(_("date of the letter"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    objects = CreditorQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("creditor")
        verbose_name_plural = _("creditors")

    def __str__(self) -> str:
        return self.name
