"""Writes of the inzetplan: the whole plan in one transaction, and the monthly headcount record.

Only coordinators and managers (`KWARTIER_ROLES`) of the plan's organisation write. Input errors
are raised as one `ValidationError` whose keys name the form field: `title`, `<phase>-<field>`
(e.g. `five_years-paid_headcount`), `workers-<n>-<field>`, `partners-<n>-<field>`.
"""

import datetime
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkennis.core.models import record_event
from wijkennis.organisations.models import (
    KWARTIER_ROLES,
    Membership,
    Organisation,
    Role,
    organisation_ids_with_role,
)

from .checks import PlanWarning, checks  # noqa: F401  (services.checks is the public name)
from .models import (
    BudgetKind,
    DeploymentPlan,
    HeadcountRecord,
    PartnerKind,
    Phase,
    PhaseKind,
    PlannedWorker,
    RegionalPartner,
)

NUMBER_FIELDS = ("paid_headcount", "hours_per_week", "mbo_share", "hbo_share", "budget_per_year")
TEXT_FIELDS = (
    "natural_attrition",
    "growth",
    "job_carving",
    "primary_tasks",
    "secondary_tasks",
    "tertiary_tasks",
)
WORKER_FIELDS = ("name", "content_supervisor", "personal_supervisor")
PARTNER_FIELDS = ("kind", "name", "notes")
MAX_HEADCOUNT = 100_000
MAX_HOURS = Decimal("999999")
MAX_BUDGET = Decimal("9999999999")


def writable_organisations(user):
    """The organisations whose plans `user` may make and change."""
    return Organisation.objects.filter(pk__in=organisation_ids_with_role(user, KWARTIER_ROLES))


def can_plan(user, organisation: Organisation) -> bool:
    return organisation.pk in organisation_ids_with_role(user, KWARTIER_ROLES)


def _number(value) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise ValueError(value) from None
    if not number.is_finite():
        raise ValueError(value)
    return number


def _clean_phase(kind: str, data: Mapping, errors: dict) -> dict:
    """The phase's values, ready to store; problems go into `errors` under `<kind>-<field>`."""

    def error(field, message):
        errors.setdefault(f"{kind}-{field}", []).append(message)

    values = {name: str(data.get(name) or "").strip() for name in TEXT_FIELDS}
    numbers = {}
    for name in NUMBER_FIELDS:
        try:
            numbers[name] = _number(data.get(name))
        except ValueError:
            error(name, _("Fill in a number."))
            numbers[name] = None

    headcount = numbers["paid_headcount"]
    if headcount is None:
        if f"{kind}-paid_headcount" not in errors:
            error("paid_headcount", _("Fill in how many paid experience workers (0 if none)."))
    elif headcount < 0:
        error("paid_headcount", _("The number of experience workers cannot be below 0."))
    elif headcount != headcount.to_integral_value():
        error("paid_headcount", _("Count whole people; put part-time work in the hours."))
    elif headcount > MAX_HEADCOUNT:
        error("paid_headcount", _("That number is too large."))
    values["paid_headcount"] = int(headcount) if headcount is not None else 0

    hours = numbers["hours_per_week"] or Decimal(0)
    if hours < 0:
        error("hours_per_week", _("Hours per week cannot be below 0."))
    elif hours > MAX_HOURS:
        error("hours_per_week", _("That number is too large."))
    values["hours_per_week"] = hours.quantize(Decimal("0.1"))

    for name in ("mbo_share", "hbo_share"):
        share = numbers[name] or Decimal(0)
        if share < 0:
            error(name, _("A share cannot be below 0 %."))
        elif share > 100:
            error(name, _("A share cannot be above 100 %."))
        elif share != share.to_integral_value():
            error(name, _("Give the share as a whole percentage."))
        values[name] = int(share) if 0 <= share <= 100 else 0
    total = (numbers["mbo_share"] or 0) + (numbers["hbo_share"] or 0)
    if total > 100 and not any(f"{kind}-{n}" in errors for n in ("mbo_share", "hbo_share")):
        error(
            "hbo_share",
            _("MBO and HBO together make %(total)s %%; together they can be at most 100 %%.")
            % {"total": total},
        )

    budget = numbers["budget_per_year"]
    if budget is not None and budget < 0:
        error("budget_per_year", _("The budget cannot be below 0."))
    elif budget is not None and budget > MAX_BUDGET:
        error("budget_per_year", _("That number is too large."))
    values["budget_per_year"] = budget.quantize(Decimal("0.01")) if budget is not None else None

    budget_kind = str(data.get("budget_kind") or "")
    if budget_kind and budget_kind not in BudgetKind.values:
        error("budget_kind", _("Choose structural or project money."))
    elif budget and not budget_kind:
        error("budget_kind", _("Say whether this budget is structural or project money."))
    values["budget_kind"] = budget_kind
    return values


def _clean_rows(prefix: str, rows: Sequence[Mapping], fields, errors: dict) -> list[dict]:
    """Rows of a repeating group; empty rows are skipped (they keep their index for errors)."""
    cleaned = []
    for index, row in enumerate(rows):
        values = {name: str(row.get(name) or "").strip() for name in fields}
        if not any(values.values()):
            continue
        if not values["name"]:
            message = (
                _("Give the name or the function of the worker.")
                if prefix == "workers"
                else _("Give the name of the partner.")
            )
            errors.setdefault(f"{prefix}-{index}-name", []).append(message)
        if prefix == "partners" and values["kind"] not in PartnerKind.values:
            errors.setdefault(f"{prefix}-{index}-kind", []).append(
                _("Choose what you do together.")
            )
        cleaned.append(values)
    return cleaned


def validate_plan(
    *, title: str, phases: Mapping[str, Mapping], workers=(), partners=()
) -> tuple[dict, list, list]:
    """Clean everything at once, so the person sees every problem in one go."""
    errors: dict[str, list] = {}
    if not (title or "").strip():
        errors["title"] = [_("Give the plan a title.")]
    cleaned = {kind: _clean_phase(kind, phases.get(kind) or {}, errors) for kind in PhaseKind}
    now_key, five_key = f"{PhaseKind.NOW}-paid_headcount", f"{PhaseKind.FIVE_YEARS}-paid_headcount"
    now = cleaned[PhaseKind.NOW]["paid_headcount"]
    five = cleaned[PhaseKind.FIVE_YEARS]["paid_headcount"]
    if now_key not in errors and five_key not in errors and five < now:
        errors[five_key] = [
            _(
                "In 5 years you plan fewer paid experience workers (%(five)s) than today "
                "(%(now)s). Aim for at least as many as today."
            )
            % {"five": five, "now": now}
        ]
    worker_rows = _clean_rows("workers", workers, WORKER_FIELDS, errors)
    partner_rows = _clean_rows("partners", partners, PARTNER_FIELDS, errors)
    if errors:
        raise ValidationError(errors)
    return cleaned, worker_rows, partner_rows


@transaction.atomic
def save_plan(
    user,
    organisation: Organisation,
    *,
    plan: DeploymentPlan | None = None,
    title: str,
    starts_on: datetime.date | None = None,
    onboarding: str = "",
    phases: Mapping[str, Mapping],
    workers: Sequence[Mapping] = (),
    partners: Sequence[Mapping] = (),
) -> DeploymentPlan:
    """Make a plan (`plan=None`) or replace its contents: the three phases, the workers with
    their supervisors and the regional partners. Nothing is stored when anything is wrong."""
    if plan is not None and plan.organisation_id != organisation.pk:
        raise PermissionDenied
    if not can_plan(user, organisation):
        raise PermissionDenied
    cleaned, worker_rows, partner_rows = validate_plan(
        title=title, phases=phases, workers=workers, partners=partners
    )
    created = plan is None
    if created:
        plan = DeploymentPlan(organisation=organisation, created_by=user)
    plan.title = title.strip()[:200]
    plan.starts_on = starts_on or plan.starts_on or timezone.localdate()
    plan.onboarding = (onboarding or "").strip()
    plan.save()
    for kind, values in cleaned.items():
        Phase.objects.update_or_create(plan=plan, kind=kind, defaults=values)
    plan.workers.all().delete()
    PlannedWorker.objects.bulk_create(PlannedWorker(plan=plan, **row) for row in worker_rows)
    plan.partners.all().delete()
    RegionalPartner.objects.bulk_create(RegionalPartner(plan=plan, **row) for row in partner_rows)
    record_headcount(organisation)
    record_event(user, "deployment.created" if created else "deployment.changed", plan)
    return plan


def registered_headcount(organisation: Organisation) -> int:
    """People registered as ervaringswerker in the organisation today."""
    return (
        Membership.objects.filter(organisation=organisation, role=Role.ERVARINGSWERKER)
        .values("user")
        .distinct()
        .count()
    )


def record_headcount(
    organisation: Organisation, today: datetime.date | None = None
) -> HeadcountRecord:
    """The month's actual headcount: counted the first time a plan is shown or saved in a month,
    then kept, so each month has at most one point."""
    month = (today or timezone.localdate()).replace(day=1)
    record = HeadcountRecord.objects.filter(organisation=organisation, month=month).first()
    if record is not None:
        return record
    try:
        with transaction.atomic():
            return HeadcountRecord.objects.create(
                organisation=organisation, month=month, count=registered_headcount(organisation)
            )
    except IntegrityError:  # another request counted this month at the same moment
        return HeadcountRecord.objects.get(organisation=organisation, month=month)
