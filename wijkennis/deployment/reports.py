"""What a plan shows and exports: the planned-vs-actual timeline (chart geometry and the table
with the same numbers) and the CSV and JSON exports."""

import datetime
import json
from dataclasses import dataclass

from django.utils.translation import gettext as _

from wijkennis.core.exports import csv_text

from .checks import checks
from .models import DeploymentPlan, HeadcountRecord, PhaseKind

PHASE_ORDER = list(PhaseKind.values)


def ordered_phases(plan: DeploymentPlan) -> list:
    return sorted(plan.phases.all(), key=lambda phase: PHASE_ORDER.index(phase.kind))


@dataclass
class TimelineRow:
    day: datetime.date
    label: str  # the phase ("now", "in 2 years") or "" for a monthly count
    planned: int | None
    actual: int | None


def timeline(plan: DeploymentPlan) -> list[TimelineRow]:
    """Planned targets at the phases' dates and the recorded actual headcount per month, by date
    (one row when a count and a target fall on the same day)."""
    rows: dict[datetime.date, TimelineRow] = {}
    for phase in ordered_phases(plan):
        rows[phase.target_date] = TimelineRow(
            phase.target_date, str(phase.get_kind_display()), phase.paid_headcount, None
        )
    for record in HeadcountRecord.objects.filter(organisation_id=plan.organisation_id):
        row = rows.setdefault(record.month, TimelineRow(record.month, "", None, None))
        row.actual = record.count
    return [rows[day] for day in sorted(rows)]


# Chart size in SVG units; the page scales it to the column's width.
WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 44


def chart(rows: list[TimelineRow]) -> dict | None:
    """Coordinates for an inline SVG line chart of `rows` (None without rows)."""
    if not rows:
        return None
    first, last = rows[0].day, rows[-1].day
    span = max((last - first).days, 1)
    top_value = max([r.planned or 0 for r in rows] + [r.actual or 0 for r in rows] + [1])
    step = max(1, -(-top_value // 5))  # at most about five grid lines
    y_max = step * -(-top_value // step)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day):
        return round(LEFT + plot_w * (day - first).days / span, 1)

    def y(value):
        return round(TOP + plot_h * (1 - value / y_max), 1)

    def points(attr):
        return [
            {
                "x": x(r.day),
                "y": y(getattr(r, attr)),
                "corner_x": round(x(r.day) - 5, 1),  # the square marker of an actual count
                "corner_y": round(y(getattr(r, attr)) - 5, 1),
                "value": getattr(r, attr),
                "day": r.day,
            }
            for r in rows
            if getattr(r, attr) is not None
        ]

    planned, actual = points("planned"), points("actual")
    years = range(first.year + (first.month > 1 or first.day > 1), last.year + 1)
    year_step = max(1, -(-len(years) // 8))
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": HEIGHT - BOTTOM,
        "label_y": HEIGHT - BOTTOM + 20,
        "tick_end": HEIGHT - BOTTOM + 6,
        "value_x": LEFT - 8,
        "planned": planned,
        "actual": actual,
        "planned_line": " ".join(f"{p['x']},{p['y']}" for p in planned),
        "actual_line": " ".join(f"{p['x']},{p['y']}" for p in actual),
        "y_ticks": [{"value": v, "y": y(v)} for v in range(0, y_max + 1, step)],
        "x_ticks": [
            {"label": str(year), "x": x(datetime.date(year, 1, 1))}
            for year in list(years)[::year_step]
        ],
    }


def _number(value):
    return None if value is None else float(value)


def plan_data(plan: DeploymentPlan) -> dict:
    """The whole plan as plain data (the JSON export)."""
    return {
        "organisation": plan.organisation.name,
        "title": plan.title,
        "starts_on": plan.starts_on.isoformat(),
        "updated_at": plan.updated_at.isoformat(),
        "onboarding": plan.onboarding,
        "phases": [phase_row(phase) for phase in ordered_phases(plan)],
        "workers": [
            {
                "name": w.name,
                "content_supervisor": w.content_supervisor,
                "personal_supervisor": w.personal_supervisor,
            }
            for w in plan.workers.all()
        ],
        "regional_partners": [
            {"kind": p.kind, "name": p.name, "notes": p.notes} for p in plan.partners.all()
        ],
        "warnings": [warning.as_dict() for warning in checks(plan)],
        "actual_headcount": [
            {"month": record.month.strftime("%Y-%m"), "count": record.count}
            for record in HeadcountRecord.objects.filter(organisation_id=plan.organisation_id)
        ],
    }


def phase_row(phase) -> dict:
    return {
        "phase": phase.kind,
        "target_date": phase.target_date.isoformat(),
        "paid_headcount": phase.paid_headcount,
        "hours_per_week": _number(phase.hours_per_week),
        "mbo_share": phase.mbo_share,
        "hbo_share": phase.hbo_share,
        "budget_per_year": _number(phase.budget_per_year),
        "budget_kind": phase.budget_kind,
        "natural_attrition": phase.natural_attrition,
        "growth": phase.growth,
        "job_carving": phase.job_carving,
        "primary_tasks": phase.primary_tasks,
        "secondary_tasks": phase.secondary_tasks,
        "tertiary_tasks": phase.tertiary_tasks,
    }


def as_csv(plan: DeploymentPlan) -> str:
    """One row per phase, with the organisation and plan in the first columns."""
    return csv_text(
        [
            {"organisation": plan.organisation.name, "plan": plan.title, **phase_row(phase)}
            for phase in ordered_phases(plan)
        ]
    )


def as_json(plan: DeploymentPlan) -> str:
    return json.dumps(plan_data(plan), ensure_ascii=False, indent=1)


def chart_summary(rows: list[TimelineRow]) -> str:
    """One sentence for screen readers; the table beside the chart has every number."""
    planned = [r for r in rows if r.planned is not None]
    actual = [r for r in rows if r.actual is not None]
    parts = []
    if planned:
        parts.append(
            _("planned from %(first)s to %(last)s paid experience workers")
            % {"first": planned[0].planned, "last": planned[-1].planned}
        )
    if actual:
        parts.append(_("now %(count)s registered") % {"count": actual[-1].actual})
    return "; ".join(parts)
