"""Writes of trajecten. Errors are one `ValidationError` whose keys name the form field; a user
outside the trajectory's organisation gets `PermissionDenied`.

Who writes: ervaringswerkers, coordinators and managers of the organisation
(`models.TRAJECTORY_ROLES`); only coordinators and managers (`KWARTIER_ROLES`) define types.
"""

import re
from collections.abc import Mapping, Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wijkennis.core.models import record_event
from wijkennis.organisations.models import (
    KWARTIER_ROLES,
    Organisation,
    organisation_ids_with_role,
)

from .models import (
    TRAJECTORY_ROLES,
    Creditor,
    Outcome,
    StepDate,
    StepType,
    Trajectory,
    TrajectoryType,
)

_EMAIL = re.compile(r"\S+@\S+")
_LONG_NUMBER = re.compile(r"\d[\d\s.\-]{6,}\d")  # BSN, phone number (8+ digits in a row)
_PHONE = re.compile(r"(\+|00)\d")


def writable_organisations(user):
    return Organisation.objects.filter(pk__in=organisation_ids_with_role(user, TRAJECTORY_ROLES))


def type_organisations(user):
    """The organisations for which `user` may define trajectory types."""
    return Organisation.objects.filter(pk__in=organisation_ids_with_role(user, KWARTIER_ROLES))


def check_code(code: str) -> str:
    """A pseudonym: refuse anything that looks like a BSN, an e-mail address or a phone number."""
    code = (code or "").strip()
    if not code:
        raise ValidationError({"code": _("Choose a code, for example SD-2024-07.")})
    digits = re.sub(r"\D", "", code)
    if _EMAIL.search(code):
        raise ValidationError(
            {"code": _("This looks like an e-mail address. Choose a code without personal data.")}
        )
    if _LONG_NUMBER.search(code) or _PHONE.search(code) or len(digits) >= 8:
        raise ValidationError(
            {
                "code": _(
                    "This looks like a BSN or a phone number. Choose a code without personal "
                    "data, with at most 7 digits."
                )
            }
        )
    return code


def _check_writer(user, organisation) -> None:
    if organisation.pk not in organisation_ids_with_role(user, TRAJECTORY_ROLES):
        raise PermissionDenied


@transaction.atomic
def create_trajectory(
    user,
    organisation: Organisation,
    *,
    type: TrajectoryType,
    code: str,
    birth_year_range: str = "",
    experience_worker_involved: bool = True,
) -> Trajectory:
    _check_writer(user, organisation)
    if type.organisation_id not in (None, organisation.pk):
        raise ValidationError({"type": _("Choose a type of this organisation.")})
    code = check_code(code)
    trajectory = Trajectory.objects.create(
        organisation=organisation,
        type=type,
        code=code,
        birth_year_range=birth_year_range,
        experience_worker_involved=experience_worker_involved,
        created_by=user,
    )
    record_event(user, "trajectory.created", trajectory)
    return trajectory


@transaction.atomic
def update_trajectory(user, trajectory: Trajectory, **data) -> Trajectory:
    """Change code, year of birth, involvement and outcome. Dropping out needs a reason."""
    _check_writer(user, trajectory.organisation)
    errors = {}
    if "code" in data:
        try:
            data["code"] = check_code(data["code"])
        except ValidationError as error:
            errors.update(error.message_dict)
    outcome = data.get("outcome", trajectory.outcome)
    reason = (data.get("dropout_reason", trajectory.dropout_reason) or "").strip()
    if outcome == Outcome.DROPPED_OUT and not reason:
        errors["dropout_reason"] = [_("Say why the trajectory stopped; a few words are enough.")]
    if errors:
        raise ValidationError(errors)
    if outcome != Outcome.DROPPED_OUT:
        reason = ""
    data["dropout_reason"] = reason
    for field, value in data.items():
        setattr(trajectory, field, value)
    trajectory.save()
    record_event(user, "trajectory.updated", trajectory, outcome)
    return trajectory


@transaction.atomic
def set_step_dates(user, trajectory: Trajectory, dates: Mapping[int, object]) -> None:
    """`dates` maps a step id to a date, or to None to clear it."""
    _check_writer(user, trajectory.organisation)
    steps = {step.pk for step in trajectory.type.steps.all()}
    for step_id, date in dates.items():
        if step_id not in steps:
            continue
        if date is None:
            StepDate.objects.filter(trajectory=trajectory, step_id=step_id).delete()
        else:
            StepDate.objects.update_or_create(
                trajectory=trajectory, step_id=step_id, defaults={"date": date}
            )
    record_event(user, "trajectory.steps_dated", trajectory)


@transaction.atomic
def save_creditor(user, trajectory: Trajectory, creditor: Creditor | None = None, **data):
    _check_writer(user, trajectory.organisation)
    if not (data.get("name") or "").strip():
        raise ValidationError({"name": _("Fill in who the letter is from.")})
    letter, deadline = data.get("letter_date"), data.get("deadline")
    if letter and deadline and deadline < letter:
        raise ValidationError({"deadline": _("The deadline is before the date of the letter.")})
    if creditor is None:
        creditor = Creditor(trajectory=trajectory)
    for field, value in data.items():
        setattr(creditor, field, value)
    creditor.save()
    record_event(user, "trajectory.creditor_saved", trajectory)
    return creditor


@transaction.atomic
def delete_creditor(user, creditor: Creditor) -> None:
    trajectory = creditor.trajectory
    _check_writer(user, trajectory.organisation)
    creditor.delete()
    record_event(user, "trajectory.creditor_deleted", trajectory)


@transaction.atomic
def create_type(user, organisation: Organisation, *, name: str, steps: Sequence[str]):
    """A coordinator's or manager's own trajectory type with its steps in the order given."""
    if organisation.pk not in organisation_ids_with_role(user, KWARTIER_ROLES):
        raise PermissionDenied
    errors = {}
    name = (name or "").strip()
    steps = [s.strip() for s in steps if s and s.strip()]
    if not name:
        errors["name"] = [_("Give the type a name.")]
    if len(steps) < 2:
        errors["steps"] = [_("A trajectory has at least two steps, one per line.")]
    if errors:
        raise ValidationError(errors)
    trajectory_type = TrajectoryType.objects.create(
        organisation=organisation, name=name, created_by=user
    )
    StepType.objects.bulk_create(
        StepType(type=trajectory_type, order=i, name=step) for i, step in enumerate(steps, 1)
    )
    record_event(user, "trajectory.type_created", trajectory_type)
    return trajectory_type
