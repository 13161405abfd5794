"""Writes and checks of job descriptions: templates, create and change (with a version), the
parity check against the comparable regular function, and the exports."""

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkennis.core.exports import csv_text
from wijkennis.core.models import record_event
from wijkennis.organisations.models import (
    KWARTIER_ROLES,
    Organisation,
    organisation_ids_with_role,
)

from .models import FACILITIES, TRAINING_BUDGET_LABEL, JobDescription, JobDescriptionVersion

TEMPLATES_FILE = Path(__file__).parent / "data" / "templates.json"
TEXT_FIELDS = (
    "specialisation",
    "purpose",
    "tasks_primary",
    "tasks_secondary",
    "tasks_tertiary",
    "required_experience",
    "required_training",
    "cao",
    "regular_function",
)
FACILITY_FIELDS = tuple(name for name, _label in FACILITIES)
CONTENT_FIELDS = (
    *TEXT_FIELDS,
    "hours_per_week",
    "scale",
    "regular_scale",
    "training_budget",
    "regular_training_budget",
    *FACILITY_FIELDS,
    *(f"regular_{name}" for name in FACILITY_FIELDS),
)
REQUIRED_TEXT = ("specialisation", "purpose", "tasks_primary", "regular_function")
MAX_HOURS = Decimal("40")
MAX_SCALE = 20
MAX_BUDGET = 100_000


# Templates ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    """Default texts for a common specialisation (`data/templates.json`), with their source."""

    key: str
    specialisation: str
    summary: str
    purpose: str
    tasks_primary: str
    tasks_secondary: str
    tasks_tertiary: str
    required_experience: str
    required_training: str
    regular_function: str
    source: str

    def initial(self) -> dict:
        """Values that prefill the editor. Facilities start equal to the regular function's."""
        fields = {name: getattr(self, name) for name in TEXT_FIELDS if hasattr(self, name)}
        return {**fields, "template": self.key}


@cache
def templates() -> dict[str, Template]:
    with TEMPLATES_FILE.open(encoding="utf-8") as file:
        return {row["key"]: Template(**row) for row in json.load(file)}


# Who may write -----------------------------------------------------------------------------


def organisations_for(user):
    """Organisations whose job descriptions `user` may write: where they are coordinator
    (kwartiermaker) or manager."""
    return Organisation.objects.filter(pk__in=organisation_ids_with_role(user, KWARTIER_ROLES))


def can_write(user) -> bool:
    return bool(organisation_ids_with_role(user, KWARTIER_ROLES))


def _check(fields: dict) -> dict:
    """Clean the fields or raise a ValidationError naming each wrong one in plain words."""
    errors = {}
    cleaned = {name: fields.get(name) for name in CONTENT_FIELDS}
    for name in TEXT_FIELDS:
        cleaned[name] = (cleaned[name] or "").strip()
    for name in REQUIRED_TEXT:
        if not cleaned[name]:
            errors[name] = _("Please fill this in.")
    hours = cleaned["hours_per_week"]
    if hours is None:
        errors["hours_per_week"] = _("Write the hours per week as a number, for example 24.")
    elif not (0 < Decimal(hours) <= MAX_HOURS):
        errors["hours_per_week"] = _("Hours per week must be more than 0 and at most 40.")
    for name in ("scale", "regular_scale"):
        value = cleaned[name]
        if value is None or not isinstance(value, int):
            errors[name] = _("Write the scale as a number, for example 8.")
        elif not 1 <= value <= MAX_SCALE:
            errors[name] = _("A scale is a number from 1 to 20.")
    for name in ("training_budget", "regular_training_budget"):
        value = cleaned[name] or 0
        if not isinstance(value, int) or not 0 <= value <= MAX_BUDGET:
            errors[name] = _("The training budget is an amount in euros of 0 or more.")
        cleaned[name] = value
    for name in (*FACILITY_FIELDS, *(f"regular_{n}" for n in FACILITY_FIELDS)):
        cleaned[name] = bool(cleaned[name])
    if errors:
        raise ValidationError(errors)
    return cleaned


def _snapshot(user, job: JobDescription) -> JobDescriptionVersion:
    number = (job.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return JobDescriptionVersion.objects.create(
        job=job, number=number, data=as_dict(job), created_by=user
    )


@transaction.atomic
def create_job(user, *, organisation: Organisation, template: str = "", **fields) -> JobDescription:
    if not organisations_for(user).filter(pk=organisation.pk).exists():
        raise PermissionDenied
    if template and template not in templates():
        template = ""
    job = JobDescription.objects.create(
        organisation=organisation, template=template, created_by=user, **_check(fields)
    )
    _snapshot(user, job)
    record_event(user, "jobs.created", job)
    return job


@transaction.atomic
def update_job(user, job: JobDescription, **fields) -> JobDescription:
    if not JobDescription.objects.visible_to(user).filter(pk=job.pk).exists():
        raise PermissionDenied
    for name, value in _check(fields).items():
        setattr(job, name, value)
    job.save()
    version = _snapshot(user, job)
    record_event(user, "jobs.updated", job, f"versie {version.number}")
    return job


# Parity ------------------------------------------------------------------------------------

WHY_PAY = gettext_lazy(
    "Equal work deserves equal pay. Experience workers are colleagues with their own expertise, "
    "not cheaper helpers (Movisie 2020, §2.4 and recommendation 3)."
)
WHY_FACILITY = gettext_lazy(
    "An experience worker needs the same facilities as colleagues to work as an equal member of "
    "the team (gelijkwaardig). The research found organisations where professionals got a "
    "laptop and phone from work and experience workers did not (Movisie 2020, §2.4)."
)
WHY_DOSSIER = gettext_lazy(
    "Without access to the client files the experience worker cannot prepare or follow up as an "
    "equal member of the team. Problems with file access were found in the research "
    "(Movisie 2020, §2.4)."
)
WHY_WORKPLACE = gettext_lazy(
    "A place in the team is part of working as an equal colleague: experience workers need the "
    "room and facilities to do their work (Utrechtse randvoorwaarden ervaringsdeskundigheid)."
)
WHY_TRAINING = gettext_lazy(
    "Experience workers need room to develop their expertise, just like colleagues: clear "
    "(further) training arrangements are part of good kwartier making (Movisie 2020, §2.4 and "
    "recommendation 12)."
)


@dataclass(frozen=True)
class Difference:
    """Where the ervaringswerker gets less than the comparable regular function."""

    key: str
    label: str
    own: str
    regular: str
    message: str
    why: str


@dataclass(frozen=True)
class ComparedItem:
    """One line of the parity table. `difference` is None when equal or better."""

    key: str
    label: str
    own: str
    regular: str
    difference: Difference | None


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def _euros(amount: int) -> str:
    return f"€ {amount:,}".replace(",", ".")


def comparison(job: JobDescription) -> list[ComparedItem]:
    """Scale and each facility of the ervaringswerker beside those of the regular function."""
    rows = []

    def add(key, label, own, regular, worse, message, why):
        difference = Difference(key, str(label), own, regular, message, str(why)) if worse else None
        rows.append(ComparedItem(key, str(label), own, regular, difference))

    add(
        "scale",
        _("Salary scale"),
        str(job.scale),
        str(job.regular_scale),
        job.scale < job.regular_scale,
        _("Lower scale than the comparable function: %(own)s against %(regular)s")
        % {"own": job.scale, "regular": job.regular_scale},
        WHY_PAY,
    )
    why = {"dossier_access": WHY_DOSSIER, "own_workplace": WHY_WORKPLACE}
    for name, label in FACILITIES:
        own, regular = getattr(job, name), getattr(job, f"regular_{name}")
        add(
            name,
            label,
            _yes_no(own),
            _yes_no(regular),
            regular and not own,
            _("%(facility)s: the comparable function has it, the ervaringswerker does not")
            % {"facility": label},
            why.get(name, WHY_FACILITY),
        )
    add(
        "training_budget",
        TRAINING_BUDGET_LABEL,
        _euros(job.training_budget),
        _euros(job.regular_training_budget),
        job.training_budget < job.regular_training_budget,
        _("Smaller training budget than the comparable function: %(own)s against %(regular)s")
        % {"own": _euros(job.training_budget), "regular": _euros(job.regular_training_budget)},
        WHY_TRAINING,
    )
    return rows


def parity(job: JobDescription) -> list[Difference]:
    """Each way in which the ervaringswerker gets less than the comparable regular function.
    Equal or better is not flagged."""
    return [row.difference for row in comparison(job) if row.difference is not None]


# Exports -----------------------------------------------------------------------------------


def as_dict(job: JobDescription) -> dict:
    """Every field of the job description as plain JSON-able values (exports and versions)."""
    data = {
        "title": job.title,
        "organisation": job.organisation.name,
        "template": job.template,
    }
    for name in CONTENT_FIELDS:
        value = getattr(job, name)
        data[name] = str(value) if isinstance(value, Decimal) else value
    return data


def export_json(job: JobDescription) -> str:
    data = as_dict(job)
    data["updated_at"] = job.updated_at.isoformat()
    data["parity"] = [
        {"key": d.key, "ervaringswerker": d.own, "regular": d.regular, "message": d.message}
        for d in parity(job)
    ]
    return json.dumps(data, ensure_ascii=False, indent=1)


def export_csv(job: JobDescription) -> str:
    """One header row and one row of values, the same keys as the JSON export; the parity
    differences in one column, separated by " | "."""
    data = as_dict(job)
    data["updated_at"] = job.updated_at.isoformat()
    data["parity"] = " | ".join(d.message for d in parity(job))
    return csv_text([data])
