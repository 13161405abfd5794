"""The inzetplan: how one organisation plans paid experience work now, in 2 and in 5 years."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkennis.organisations.models import KWARTIER_ROLES, Organisation, organisation_ids_with_role


class PhaseKind(models.TextChoices):
    NOW = "now", _("Now")
    TWO_YEARS = "two_years", _("In 2 years")
    FIVE_YEARS = "five_years", _("In 5 years")


# Years after the plan's start date at which each phase's target applies.
PHASE_YEARS = {PhaseKind.NOW: 0, PhaseKind.TWO_YEARS: 2, PhaseKind.FIVE_YEARS: 5}


class BudgetKind(models.TextChoices):
    STRUCTURAL = "structural", _("Structural money (in the regular budget)")
    PROJECT = "project", _("Project money (temporary)")


class PartnerKind(models.TextChoices):
    RECRUITMENT = "recruitment", _("Joint recruitment")
    TRAINING = "training", _("Training")
    MBO_COURSE = "mbo_course", _("MBO course with a regional college")
    OTHER = "other", _("Other")


class DeploymentPlanQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DeploymentPlanQuerySet":
        """Plans of the organisations where the user is coordinator or manager (they read and
        write them). Nobody else sees a plan, staff included."""
        return self.filter(organisation_id__in=organisation_ids_with_role(user, KWARTIER_ROLES))


class DeploymentPlan(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="deployment_plans"
    )
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("start date"), default=timezone.localdate)
    onboarding = models.TextField(_("onboarding programme"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DeploymentPlanQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "-updated_at"]
        verbose_name = _("deployment plan")
        verbose_name_plural = _("deployment plans")

    def __str__(self) -> str:
        return f"{self.title} ({self.organisation})"

    def get_absolute_url(self) -> str:
        return reverse("deployment:detail", kwargs={"plan_pk": self.pk})

    def phase_dict(self) -> dict[str, "Phase"]:
        return {phase.kind: phase for phase in self.phases.all()}


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class Phase(models.Model):
    plan = models.ForeignKey(DeploymentPlan, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("phase"), max_length=12, choices=PhaseKind.choices)
    paid_headcount = models.PositiveIntegerField(_("paid experience workers"), default=0)
    hours_per_week = models.DecimalField(
        _("hours per week, all together"), max_digits=7, decimal_places=1, default=0
    )
    mbo_share = models.PositiveSmallIntegerField(_("share with MBO level (%)"), default=0)
    hbo_share = models.PositiveSmallIntegerField(_("share with HBO level (%)"), default=0)
    natural_attrition = models.TextField(_("natural attrition"), blank=True)
    growth = models.TextField(_("growth"), blank=True)
    job_carving = models.TextField(_("job carving"), blank=True)
    budget_per_year = models.DecimalField(
        _("budget per year (euro)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    budget_kind = models.CharField(
        _("kind of money"), max_length=12, choices=BudgetKind.choices, blank=True
    )
    primary_tasks = models.TextField(_("tasks in the primary process"), blank=True)
    secondary_tasks = models.TextField(_("tasks in the secondary process"), blank=True)
    tertiary_tasks = models.TextField(_("tasks in the tertiary process"), blank=True)

    class Meta:
        ordering = ["plan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "kind"], name="unique_phase_per_plan")
        ]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self) -> str:
        return f"{self.plan} – {self.get_kind_display()}"

    @property
    def target_date(self) -> datetime.date:
        return add_years(self.plan.starts_on, PHASE_YEARS[self.kind])


class PlannedWorker(models.Model):
    """One (planned) experience worker and who supervises them. The worker need not have an
    account: a name or a function ("ervaringswerker schuldhulp 1") is enough."""

    plan = models.ForeignKey(DeploymentPlan, on_delete=models.CASCADE, related_name="workers")
    name = models.CharField(_("name or function"), max_length=200)
    content_supervisor = models.CharField(_("content supervisor"), max_length=200, blank=True)
    personal_supervisor = models.CharField(_("personal supervisor"), max_length=200, blank=True)

    class Meta:
        ordering = ["plan", "id"]
        verbose_name = _("planned worker")
        verbose_name_plural = _("planned workers")

    def __str__(self) -> str:
        return self.name


class RegionalPartner(models.Model):
    plan = models.ForeignKey(DeploymentPlan, on_delete=models.CASCADE, related_name="partners")
    kind = models.CharField(_("kind of cooperation"), max_length=12, choices=PartnerKind.choices)
    name = models.CharField(_("partner"), max_length=200)
    notes = models.CharField(_("what you do together"), max_length=500, blank=True)

    class Meta:
        ordering = ["plan", "id"]
        verbose_name = _("regional partner")
        verbose_name_plural = _("regional partners")

    def __str__(self) -> str:
        return self.name


class HeadcountRecord(models.Model):
    """The organisation's registered experience workers, counted at most once a month (memberships
    have no dates, so these points are the "actual" line of the timeline)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="headcount_records"
    )
    month = models.DateField(_("month"))  # always the first day of the month
    count = models.PositiveIntegerField(_("registered experience workers"))
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation", "month"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "month"], name="unique_headcount_per_month"
            )
        ]
        verbose_name = _("headcount record")
        verbose_name_plural = _("headcount records")

    def __str__(self) -> str:
        return f"{self.organisation} {self.month:%Y-%m}: {self.count}"
