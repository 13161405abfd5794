"""Accountability figures about inbreng: what an organisation did with the input it received.

`accountability_figures(contributions)` is pure (it only reads the QuerySet it is given; the
caller decides visibility, normally with `Contribution.objects.visible_to(user)` and a filter on
`recipient_organisation`). Dashboards reuse it.

Small groups are never shown: every figure computed over fewer than `MIN_GROUP` inputs
(`settings.WIJKENNIS_MIN_GROUP`, 5) is `None`, which pages show as "fewer than 5". Use
`suppress(value, n)` for the same rule elsewhere and the `figure` template filter
(`{% load inbreng %}`) to display it.
"""

import statistics

from django.conf import settings
from django.db.models import Count, QuerySet
from django.utils import timezone

from .models import CHANGE_VALUES, Level, Satisfaction, Status

MIN_GROUP = settings.WIJKENNIS_MIN_GROUP


def suppress(value, n: int, min_group: int | None = None):
    """`value` when it was computed over at least `min_group` (default `MIN_GROUP`) inputs,
    else `None`: too few to show without pointing at a person."""
    return value if n >= (MIN_GROUP if min_group is None else min_group) else None


def suppress_count(count: int, min_group: int | None = None) -> int | None:
    """A count is a figure over itself: counts below the minimum group become `None`."""
    return suppress(count, count, min_group)


def accountability_figures(contributions: QuerySet, now=None) -> dict:
    """Figures over `contributions` (a Contribution QuerySet). Returns a plain dict:

    - `total`: number of inputs;
    - `by_status`: {status value: count} for every `Status` (e.g. "verwerkt");
    - `by_level`: {level value: count} for every `Level` (e.g. "tertiair");
    - `responded`: inputs with a first answer;
    - `median_response_days`: median days from recording to the first answer (one decimal),
      over the answered inputs;
    - `closed`: inputs closed (processed or not adopted);
    - `changed_share`: share (0–1, two decimals) of closed inputs that led to a change made or
      planned, over the closed inputs;
    - `rated`: closed inputs whose contributor gave an opinion on the answer;
    - `satisfaction_share`: share (0–1) of those opinions that said "clear and fair";
    - `overdue`: open inputs without an answer after the response period;
    - `min_group`: the minimum group size used.

    Every number computed over fewer than `MIN_GROUP` inputs is `None` (counts included).
    """
    now = now or timezone.now()
    rows = list(
        contributions.order_by().values_list(
            "status", "level", "created_at", "first_response_at", "change", "satisfaction"
        )
    )
    total = len(rows)
    by_status = dict.fromkeys(Status.values, 0)
    by_level = dict.fromkeys(Level.values, 0)
    response_days = []
    closed = changed = rated = satisfied = 0
    for status, level, created_at, first_response_at, change, satisfaction in rows:
        by_status[status] = by_status.get(status, 0) + 1
        by_level[level] = by_level.get(level, 0) + 1
        if first_response_at is not None:
            response_days.append((first_response_at - created_at).total_seconds() / 86400)
        if status in (Status.PROCESSED, Status.NOT_ADOPTED):
            closed += 1
            changed += change in CHANGE_VALUES
            if satisfaction:
                rated += 1
                satisfied += satisfaction == Satisfaction.YES
    overdue = contributions.overdue(now).aggregate(n=Count("pk"))["n"]
    median = round(statistics.median(response_days), 1) if response_days else None
    return {
        "total": suppress_count(total),
        "by_status": {key: suppress_count(value) for key, value in by_status.items()},
        "by_level": {key: suppress_count(value) for key, value in by_level.items()},
        "responded": suppress_count(len(response_days)),
        "median_response_days": suppress(median, len(response_days)),
        "closed": suppress_count(closed),
        "changed_share": suppress(round(changed / closed, 2) if closed else None, closed),
        "rated": suppress_count(rated),
        "satisfaction_share": suppress(round(satisfied / rated, 2) if rated else None, rated),
        "overdue": suppress_count(overdue),
        "min_group": MIN_GROUP,
    }
