"""The dashboard's figures: pure functions over QuerySets the caller has scoped (`access.py`),
each returning `FigureTable`s whose cells already passed the small-group rule
(`suppression.py`). The page, its charts and the CSV and XLSX exports all show these tables.
"""

import datetime

from django.db.models import Count, Max, Min, QuerySet
from django.db.models.functions import Coalesce, TruncDate, TruncQuarter
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkennis.accounts.models import User
from wijkennis.deployment.models import DeploymentPlan, HeadcountRecord, PhaseKind
from wijkennis.inbreng.models import (
    CHANGE_VALUES,
    CLOSED_STATUSES,
    Contribution,
    Level,
    Satisfaction,
    Status,
)
from wijkennis.inbreng.stats import accountability_figures
from wijkennis.knowledge.models import ItemStatus, KnowledgeItem
from wijkennis.referrals.figures import referral_tables
from wijkennis.referrals.models import Referral
from wijkennis.stories.models import Status as StoryStatus
from wijkennis.stories.models import Story, Visibility
from wijkennis.trajectories.models import DEBT_TYPE_NAME, Trajectory, TrajectoryType

from .suppression import (
    count,
    over_group,
    percentage,
    protect_funnel,
    protect_partition,
)
from .tables import FigureTable, Period, Row, Section


def default_trajectory_type(among: list[TrajectoryType] | None = None) -> TrajectoryType | None:
    """The debt trajectory shipped with Wijkennis (the Utrecht comparison), from `among` where
    those were read already."""
    if among is not None:
        return next(
            (t for t in among if t.organisation_id is None and t.name == DEBT_TYPE_NAME), None
        )
    return TrajectoryType.objects.filter(organisation=None, name=DEBT_TYPE_NAME).first()


# (a) Retention per step ---------------------------------------------------------------------


def funnel_counts(trajectories: QuerySet, trajectory_type, period: Period | None = None) -> dict:
    """Raw counts before the small-group rule: {involved (bool): [started, reached step 1, …]}.

    A trajectory belongs to the period when it started in it: the date of its earliest dated
    step, or the day it was recorded when no step has a date. It *reached* a step when that step
    or a later one has a date (a worker may skip filling in a step), also after the period: the
    group that started is followed up to today."""
    steps = list(trajectory_type.steps.order_by("order").values_list("order", flat=True))
    rows = trajectories.filter(type=trajectory_type).annotate(
        started_on=Coalesce(Min("step_dates__date"), TruncDate("created_at")),
        furthest=Max("step_dates__step__order"),
    )
    if period is not None:
        rows = rows.filter(started_on__gte=period.start, started_on__lte=period.end)
    result = {True: [0] * (len(steps) + 1), False: [0] * (len(steps) + 1)}
    for involved, furthest in rows.order_by().values_list("experience_worker_involved", "furthest"):
        counts = result[involved]
        counts[0] += 1
        for index, order in enumerate(steps, 1):
            if furthest is not None and furthest >= order:
                counts[index] += 1
    return result


def funnel(trajectories: QuerySet, trajectory_type, period: Period | None = None) -> FigureTable:
    """How many trajectories reached each step, with and without an experience worker, and the
    percentage of the starting group that is still there."""
    raw = funnel_counts(trajectories, trajectory_type, period)
    columns = {involved: protect_funnel(counts) for involved, counts in raw.items()}
    labels = [_("Started")] + [step.name for step in trajectory_type.steps.order_by("order")]
    rows = []
    for index, label in enumerate(labels):
        cells = []
        for involved in (True, False):
            figure = columns[involved][index]
            cells += [figure, percentage(figure, columns[involved][0])]
        rows.append(Row(label, cells))
    return FigureTable(
        key="funnel",
        caption=_("Residents still in the trajectory per step (%(type)s)")
        % {"type": trajectory_type.name},
        row_header=_("Step"),
        columns=[
            _("With experience worker"),
            _("With experience worker, percentage of start"),
            _("Without experience worker"),
            _("Without experience worker, percentage of start"),
        ],
        rows=rows,
        chart_columns=(1, 3),
        chart_max=100,
    )


# (c) Headcount vs plan ----------------------------------------------------------------------


def headcount_counts(organisations: QuerySet, period: Period) -> dict:
    """Raw numbers: the planned paid experience workers per phase, added over each
    organisation's most recently changed plan, and `actual`: each organisation's latest
    recorded headcount in the period, added up."""
    planned = dict.fromkeys(PhaseKind.values, 0)
    seen = set()
    plans = (
        DeploymentPlan.objects.filter(organisation__in=organisations)
        .order_by("organisation_id", "-updated_at", "-pk")
        .prefetch_related("phases")
    )
    for plan in plans:
        if plan.organisation_id in seen:
            continue
        seen.add(plan.organisation_id)
        for phase in plan.phases.all():
            planned[phase.kind] += phase.paid_headcount
    latest = {}
    records = HeadcountRecord.objects.filter(
        organisation__in=organisations,
        month__gte=period.start.replace(day=1),
        month__lte=period.end,
    ).order_by("organisation_id", "month")
    for organisation_id, value in records.values_list("organisation_id", "count"):
        latest[organisation_id] = value  # ordered by month: the last one wins
    return {"planned": planned, "actual": sum(latest.values()), "plans": len(seen)}


def headcount_vs_plan(organisations: QuerySet, period: Period) -> FigureTable:
    raw = headcount_counts(organisations, period)
    rows = [
        Row(_("Planned: %(phase)s") % {"phase": label}, [count(raw["planned"][kind])])
        for kind, label in PhaseKind.choices
    ]
    rows.append(Row(_("Registered (latest count in the period)"), [count(raw["actual"])]))
    return FigureTable(
        key="headcount",
        caption=_("Paid experience workers: planned and registered"),
        row_header=_("What"),
        columns=[_("Experience workers")],
        rows=rows,
        note=_("Deployment plans counted: %(plans)s. Registered: the monthly headcount.")
        % {"plans": raw["plans"]},
    )


# (d) Stories and wij-kennis -----------------------------------------------------------------


def quarters(period: Period) -> list[tuple[int, int]]:
    """(year, quarter) for every quarter the period touches."""
    year, quarter = period.start.year, (period.start.month - 1) // 3 + 1
    found = []
    while (year, quarter) <= (period.end.year, (period.end.month - 1) // 3 + 1):
        found.append((year, quarter))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return found


def _quarter(moment) -> tuple[int, int]:
    day = timezone.localtime(moment).date() if isinstance(moment, datetime.datetime) else moment
    return day.year, (day.month - 1) // 3 + 1


SAFE_FIRST_DAY, SAFE_LAST_DAY = datetime.date(1, 1, 2), datetime.date(9999, 12, 30)


def _per_quarter(rows: QuerySet, field: str, period: Period) -> dict[tuple[int, int], int]:
    """How many rows have `field` on a day of the period, per quarter (local time); counted by
    the database, not by loading every date (50 000 stories took a second)."""
    zone = timezone.get_current_timezone()
    # A day away from the ends of the calendar: the bounds must still convert to UTC.
    first, last = max(period.start, SAFE_FIRST_DAY), min(period.end, SAFE_LAST_DAY)
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(last, datetime.time.max, tzinfo=zone)
    grouped = (
        rows.filter(**{f"{field}__gte": start, f"{field}__lte": end})
        .order_by()
        .values(quarter=TruncQuarter(field, tzinfo=zone))
        .annotate(count=Count("pk"))
    )
    counts = dict.fromkeys(quarters(period), 0)
    for row in grouped:
        counts[_quarter(row["quarter"])] += row["count"]
    return counts


def contribution_counts(stories: QuerySet, knowledge_items: QuerySet, period: Period) -> dict:
    """Raw counts per quarter: stories shared (published, not private, not withdrawn) and
    wij-kennis items established, by the date they were shared or established."""
    shared = stories.filter(status=StoryStatus.PUBLISHED, published_at__isnull=False).exclude(
        visibility=Visibility.PRIVATE
    )
    established = knowledge_items.filter(
        status=ItemStatus.VASTGESTELD, established_at__isnull=False
    )
    return {
        "stories": _per_quarter(shared, "published_at", period),
        "knowledge": _per_quarter(established, "established_at", period),
    }


def contributions_overview(
    stories: QuerySet, knowledge_items: QuerySet, period: Period
) -> FigureTable:
    """Per quarter and for the whole period. Quarters add up to the total, so each column is
    protected as a partition (rule 3 of `suppression.py`)."""
    raw = contribution_counts(stories, knowledge_items, period)
    keys = quarters(period)
    columns = {}
    for name in ("stories", "knowledge"):
        values = [raw[name][key] for key in keys]
        columns[name] = protect_partition(values, sum(values))
    rows = [
        Row(
            _("Q%(quarter)s %(year)s") % {"quarter": quarter, "year": year},
            [columns["stories"][0][i], columns["knowledge"][0][i]],
        )
        for i, (year, quarter) in enumerate(keys)
    ]
    rows.append(Row(_("Whole period"), [columns["stories"][1], columns["knowledge"][1]]))
    return FigureTable(
        key="contributions",
        caption=_("Stories shared and wij-kennis established"),
        row_header=_("Quarter"),
        columns=[_("Stories shared"), _("Wij-kennis established")],
        rows=rows,
        chart_columns=(0, 1),
    )


# (b) Inbreng --------------------------------------------------------------------------------


def inbreng_tables(contributions: QuerySet, period: Period, key: str, caption: str) -> list:
    """Inbreng given in the period (by `given_on`): by status and by level (each a partition of
    the total) and the key figures of `wijkennis.inbreng.stats.accountability_figures`."""
    given = contributions.filter(given_on__gte=period.start, given_on__lte=period.end)
    figures = accountability_figures(given)
    tables = []
    for part, choices, title in (
        ("by_status", Status, _("by status")),
        ("by_level", Level, _("by level")),
    ):
        values, total = protect_partition(
            [figures[part].get(value) for value in choices.values], figures["total"]
        )
        rows = [Row(str(label), [v]) for label, v in zip(choices.labels, values, strict=True)]
        rows.append(Row(_("All inbreng"), [total]))
        tables.append(
            FigureTable(
                key=f"{key}_{part}",
                caption=f"{caption}: {title}",
                row_header=_("What"),
                columns=[_("Inbreng")],
                rows=rows,
            )
        )
    rows = [
        Row(_("Answered"), [count(figures["responded"])]),
        Row(
            _("Median days until the first answer"),
            [over_group(figures["median_response_days"], figures["responded"], unit="days")],
        ),
    ]
    closed = given.filter(status__in=CLOSED_STATUSES)
    rated = closed.exclude(satisfaction="")
    rows.append(Row(_("Closed"), [count(figures["closed"])]))
    for label, part, whole in (
        (
            _("Closed with a change made or planned, %"),
            closed.filter(change__in=CHANGE_VALUES).count(),
            closed.count(),
        ),
        (
            _("Contributors who found the answer clear and fair, %"),
            rated.filter(satisfaction=Satisfaction.YES).count(),
            rated.count(),
        ),
    ):
        # Both the part and the rest are protected, so a share never gives a small group away.
        (shown_part, _rest), shown_whole = protect_partition([part, whole - part], whole)
        rows.append(Row(label, [percentage(shown_part, shown_whole)]))
    rows.append(Row(_("Waiting too long for an answer"), [count(figures["overdue"])]))
    tables.append(
        FigureTable(
            key=f"{key}_answers",
            caption=_("%(caption)s: answers") % {"caption": caption},
            row_header=_("What"),
            columns=[_("Figure")],
            rows=rows,
            chart_columns=(),
        )
    )
    return tables


# The whole dashboard ------------------------------------------------------------------------


def dashboard_sections(scope, period: Period, trajectory_type=None) -> list[Section]:
    """Every section for `scope` (`access.Scope`) over `period`, in page order."""
    organisations = scope.organisations
    sections = []
    trajectory_type = trajectory_type or default_trajectory_type()
    if trajectory_type is not None:
        sections.append(
            Section(
                "funnel",
                _("Who stays in the trajectory"),
                _(
                    "For each step: how many residents who started in this period got that far, "
                    "with and without an experience worker. In Utrecht, before there were "
                    "experience workers, 6 of 7 residents dropped out."
                ),
                [
                    funnel(
                        Trajectory.objects.filter(organisation__in=organisations),
                        trajectory_type,
                        period,
                    )
                ],
            )
        )
    sections.append(
        Section(
            "inbreng",
            _("Inbreng and what was done with it"),
            _("Input experience workers gave, and input the receiving side answered."),
            inbreng_tables(
                Contribution.objects.filter(organisation__in=organisations),
                period,
                "inbreng_given",
                _("Inbreng given by experience workers"),
            )
            + inbreng_tables(
                Contribution.objects.filter(recipient_organisation__in=scope.receivers),
                period,
                "inbreng_received",
                _("Inbreng received"),
            ),
        )
    )
    sections.append(
        Section(
            "headcount",
            _("Experience workers: plan and reality"),
            _("The paid experience workers in the deployment plans, and how many are registered."),
            [headcount_vs_plan(organisations, period)],
        )
    )
    sections.append(
        Section(
            "contributions",
            _("Stories and wij-kennis"),
            _("Stories shared with others and wij-kennis established, per quarter."),
            [
                contributions_overview(
                    Story.objects.filter(organisation__in=organisations),
                    KnowledgeItem.objects.filter(
                        created_by__in=User.objects.filter(
                            memberships__organisation__in=organisations
                        )
                    ),
                    period,
                )
            ],
        )
    )
    sections.append(
        Section(
            "referrals",
            _("Referrals to experience workers"),
            _("Clients referred to an experience worker, and how soon there was contact."),
            referral_tables(Referral.objects.filter(organisation__in=organisations), period),
        )
    )
    return sections
