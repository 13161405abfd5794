"""Opleidingen: a catalogue of trainings for experience workers and each worker's development
record (ontwikkeldossier) (Movisie 2020, §2.11, recommendations 3 and 11).

A fact the sources do not support is stored as unknown: NULL for numbers, text and choices,
`Diploma.UNKNOWN` for recognition. Never 0 or "", so "free" and "we don't know" stay apart.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from wijkennis.organisations.models import (
    KWARTIER_ROLES,
    Membership,
    Role,
    organisation_ids_with_role,
)


class Level(models.TextChoices):
    # In rising order: the team overview shows the highest completed level.
    COURSE = "cursus", _("Course")
    MBO3 = "mbo3", _("MBO level 3")
    MBO4 = "mbo4", _("MBO level 4")
    ASSOCIATE = "ad", _("Associate degree")
    HBO = "hbo", _("HBO (higher professional education)")
    POST_HBO = "post_hbo", _("Post-HBO")


LEVEL_RANK = {level: rank for rank, level in enumerate(Level.values)}


class Format(models.TextChoices):
    CLASSROOM = "klassikaal", _("In a classroom")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended (classroom and online)")
    DUAL = "duaal", _("Work and learn (duaal)")


class Diploma(models.TextChoices):
    YES = "ja", _("Yes")
    NO = "nee", _("No")
    UNKNOWN = "onbekend", _("Unknown")


class StudyLoadUnit(models.TextChoices):
    HOURS = "uren", _("hours")
    EC = "ec", _("EC")


@dataclass(frozen=True)
class Fact:
    """One row of a training's facts: `text` is None when the fact is unknown."""

    key: str
    label: str
    text: str | None


class Training(models.Model):
    """A training or programme. Nullable fields: NULL means unknown (see the module)."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)
    summary = models.TextField(_("what it is"))
    provider = models.CharField(_("provider"), max_length=200, null=True, blank=True)  # noqa: DJ001
    level = models.CharField(  # noqa: DJ001
        _("level"), max_length=20, choices=Level.choices, null=True, blank=True
    )
    duration = models.CharField(_("duration"), max_length=100, null=True, blank=True)  # noqa: DJ001
    study_load = models.PositiveIntegerField(_("study load"), null=True, blank=True)
    study_load_unit = models.CharField(  # noqa: DJ001
        _("unit of study load"),
        max_length=10,
        choices=StudyLoadUnit.choices,
        null=True,
        blank=True,
    )
    cost = models.DecimalField(
        _("cost in euros"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    format = models.CharField(  # noqa: DJ001
        _("format"), max_length=20, choices=Format.choices, null=True, blank=True
    )
    region = models.CharField(_("region"), max_length=100, null=True, blank=True)  # noqa: DJ001
    diploma = models.CharField(
        _("leads to a recognised diploma"),
        max_length=10,
        choices=Diploma.choices,
        default=Diploma.UNKNOWN,
    )
    themes = models.ManyToManyField(
        "vocabulary.Concept", blank=True, related_name="trainings", verbose_name=_("themes")
    )
    url = models.URLField(_("website"), null=True, blank=True)  # noqa: DJ001
    source = models.CharField(
        _("source"),
        max_length=300,
        help_text=_("Which source text and section supports these facts."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("trainings:detail", kwargs={"training_slug": self.slug})

    @property
    def cost_text(self) -> str | None:
        if self.cost is None:
            return None
        return f"€ {number_format(self.cost, decimal_pos=0 if self.cost == int(self.cost) else 2)}"

    @property
    def study_load_text(self) -> str | None:
        if self.study_load is None:
            return None
        unit = self.get_study_load_unit_display() if self.study_load_unit else ""
        return f"{self.study_load} {unit}".strip()

    def facts(self) -> list[Fact]:
        """The facts in the order the detail page and the comparison show them."""
        upcoming = ", ".join(date.strftime("%d-%m-%Y") for date in self.upcoming_dates())
        return [
            Fact("provider", _("Provider"), self.provider),
            Fact("level", _("Level"), self.get_level_display() if self.level else None),
            Fact("duration", _("Duration"), self.duration),
            Fact("study_load", _("Study load"), self.study_load_text),
            Fact("cost", _("Cost"), self.cost_text),
            Fact("format", _("Format"), self.get_format_display() if self.format else None),
            Fact("region", _("Region"), self.region),
            Fact(
                "diploma",
                _("Recognised diploma"),
                None if self.diploma == Diploma.UNKNOWN else self.get_diploma_display(),
            ),
            Fact("start_dates", _("Start dates"), upcoming or None),
        ]

    def upcoming_dates(self):
        return [start.starts_on for start in self.start_dates.all()]


class StartDate(models.Model):
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="start_dates")
    starts_on = models.DateField(_("starts on"))

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["training", "starts_on"], name="unique_training_start")
        ]

    def __str__(self) -> str:
        return f"{self.training} – {self.starts_on}"


class RecordStatus(models.TextChoices):
    COMPLETED = "afgerond", _("Completed")
    PLANNED = "gepland", _("Planned")


def team_worker_ids(user):
    """Ids of the ervaringswerkers in the organisations where `user` is coordinator or
    manager (a subquery)."""
    return Membership.objects.filter(
        organisation_id__in=organisation_ids_with_role(user, KWARTIER_ROLES),
        role=Role.ERVARINGSWERKER,
    ).values("user_id")


class TrainingRecordQuerySet(models.QuerySet):
    def visible_to(self, user) -> "TrainingRecordQuerySet":
        """A worker sees their own entries; coordinators and managers see the entries of the
        ervaringswerkers of their own organisations. Nobody else, staff included."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(models.Q(worker=user) | models.Q(worker_id__in=team_worker_ids(user)))

    def own(self, user) -> "TrainingRecordQuerySet":
        """The entries the user may change: only their own."""
        return self.visible_to(user).filter(worker=user)


class TrainingRecord(models.Model):
    """One entry in a worker's development record: a training completed or planned."""

    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_records"
    )
    status = models.CharField(_("status"), max_length=10, choices=RecordStatus.choices)
    training = models.ForeignKey(
        Training,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="records",
        verbose_name=_("training from the catalogue"),
    )
    title = models.CharField(_("other training"), max_length=200, blank=True)
    year_completed = models.PositiveSmallIntegerField(_("year completed"), null=True, blank=True)
    level_obtained = models.CharField(  # noqa: DJ001
        _("level obtained"), max_length=20, choices=Level.choices, null=True, blank=True
    )
    diploma_obtained = models.CharField(_("diploma or certificate"), max_length=200, blank=True)
    planned_start = models.DateField(_("intended start"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TrainingRecordQuerySet.as_manager()

    class Meta:
        ordering = ["status", "-year_completed", "planned_start", "id"]
        verbose_name = _("training record entry")
        verbose_name_plural = _("training record entries")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("trainings:dossier")

    @property
    def name(self) -> str:
        return self.training.name if self.training_id else self.title

    @property
    def level(self) -> str | None:
        """The level obtained, else the catalogue level of the training."""
        if self.level_obtained:
            return self.level_obtained
        return self.training.level if self.training_id else None

    def get_level_display(self) -> str | None:
        return Level(self.level).label if self.level else None
