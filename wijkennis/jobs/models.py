"""Functieomschrijving: a job description for an ervaringswerker, with the comparable regular
function beside it so that pay and facilities can be checked for parity (Movisie 2020, §2.3–2.4,
recommendations 1–3, 7 and 8)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkennis.organisations.models import KWARTIER_ROLES, organisation_ids_with_role

# Facilities asked for both functions: (field name, label). The comparable function's field is
# "regular_" + the name. A yes/no facility, except the training budget (euros a year).
FACILITIES = (
    ("laptop", _("Laptop from work")),
    ("phone", _("Phone from work")),
    ("dossier_access", _("Access to client files")),
    ("own_workplace", _("Own desk or workplace in the team")),
)
TRAINING_BUDGET_LABEL = _("Training budget per year")


class JobDescriptionQuerySet(models.QuerySet):
    def visible_to(self, user) -> "JobDescriptionQuerySet":
        """Coordinators (kwartiermakers) and managers see the job descriptions of their own
        organisations; nobody else sees any."""
        return self.filter(organisation_id__in=organisation_ids_with_role(user, KWARTIER_ROLES))


class JobDescription(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="job_descriptions",
        verbose_name=_("organisation"),
    )
    template = models.CharField(max_length=40, blank=True)  # the template it started from
    specialisation = models.CharField(_("specialisation"), max_length=100)
    purpose = models.TextField(_("purpose of the function"))
    tasks_primary = models.TextField(_("tasks in the primary process"))
    tasks_secondary = models.TextField(_("tasks in the secondary process"), blank=True)
    tasks_tertiary = models.TextField(_("tasks in the tertiary process"), blank=True)
    required_experience = models.TextField(_("required lived experience"), blank=True)
    required_training = models.TextField(_("required training"), blank=True)
    hours_per_week = models.DecimalField(_("hours per week"), max_digits=4, decimal_places=1)
    cao = models.CharField(_("collective agreement (CAO)"), max_length=120, blank=True)
    scale = models.PositiveSmallIntegerField(_("salary scale"))
    laptop = models.BooleanField(_("laptop from work"), default=False)
    phone = models.BooleanField(_("phone from work"), default=False)
    dossier_access = models.BooleanField(_("access to client files"), default=False)
    own_workplace = models.BooleanField(_("own desk or workplace"), default=False)
    training_budget = models.PositiveIntegerField(_("training budget per year"), default=0)
    regular_function = models.CharField(_("comparable regular function"), max_length=120)
    regular_scale = models.PositiveSmallIntegerField(_("salary scale of the comparable function"))
    regular_laptop = models.BooleanField(_("laptop from work"), default=False)
    regular_phone = models.BooleanField(_("phone from work"), default=False)
    regular_dossier_access = models.BooleanField(_("access to client files"), default=False)
    regular_own_workplace = models.BooleanField(_("own desk or workplace"), default=False)
    regular_training_budget = models.PositiveIntegerField(_("training budget per year"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = JobDescriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("job description")
        verbose_name_plural = _("job descriptions")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("jobs:detail", kwargs={"job_pk": self.pk})

    @property
    def title(self) -> str:
        # Recommendation 1: call the ervaringswerker by that name, with a specialisation.
        return f"Ervaringswerker {self.specialisation}".strip()

    def task_lines(self, level: str) -> list[str]:
        """The tasks of one process level (primary, secondary, tertiary), one per line."""
        text = getattr(self, f"tasks_{level}")
        return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]


class JobDescriptionVersion(models.Model):
    """A snapshot of every field after each save: a simple history of what was agreed when."""

    job = models.ForeignKey(JobDescription, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    data = models.JSONField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["job", "number"], name="one_number_per_job_version")
        ]

    def __str__(self) -> str:
        return f"{self.job_id} v{self.number}"
