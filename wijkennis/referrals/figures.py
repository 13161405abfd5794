"""Figures about verwijzingen for the dashboards: pure functions over a referral QuerySet the
caller has scoped. Counts below the minimum group (`dashboards.suppression`) are suppressed.
"""

import statistics
from collections import Counter

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkennis.dashboards.suppression import count, over_group, percentage, protect_partition
from wijkennis.dashboards.tables import FigureTable, Period, Row

from .models import OPEN_FOR_WORKER, Status

MATCHED = (Status.CHOSEN, Status.CONTACT, Status.CLOSED)


def referral_counts(referrals: QuerySet, period: Period) -> dict:
    """Raw numbers for the referrals filed in `period` (by filing date)."""
    rows = [
        r
        for r in referrals.only("filed_at", "status", "first_contact_on", "client_declined_at")
        if timezone.localdate(r.filed_at) in period
    ]
    per_month = Counter(timezone.localdate(r.filed_at).strftime("%Y-%m") for r in rows)
    days = [
        (r.first_contact_on - timezone.localdate(r.filed_at)).days
        for r in rows
        if r.first_contact_on
    ]
    return {
        "total": len(rows),
        "per_month": dict(sorted(per_month.items())),
        "matched": sum(r.status in MATCHED or r.first_contact_on is not None for r in rows),
        "client_declined": sum(r.client_declined_at is not None for r in rows),
        "contacted": len(days),
        "median_days": statistics.median(days) if days else None,
    }


def caseloads(referrals: QuerySet) -> list[int]:
    """Open clients per worker (chosen or in contact), largest first."""
    per_worker = Counter(
        referrals.filter(status__in=OPEN_FOR_WORKER, worker__isnull=False).values_list(
            "worker_id", flat=True
        )
    )
    return sorted(per_worker.values(), reverse=True)


def referral_tables(referrals: QuerySet, period: Period) -> list[FigureTable]:
    figures = referral_counts(referrals, period)
    months = list(figures["per_month"].items())
    month_figures, total = protect_partition([n for _m, n in months], figures["total"])
    rows = [Row(month, [f]) for (month, _n), f in zip(months, month_figures, strict=True)]
    rows.append(Row(_("All referrals"), [total]))
    tables = [
        FigureTable(
            key="referrals_per_month",
            caption=_("Referrals per month"),
            row_header=_("Month"),
            columns=[_("Referrals")],
            rows=rows,
        )
    ]
    whole = figures["total"]
    shares = []
    for label, part in (
        (_("Matched to an experience worker, %"), figures["matched"]),
        (_("Client wanted other help, %"), figures["client_declined"]),
    ):
        (shown_part, _rest), shown_whole = protect_partition([part, whole - part], whole)
        shares.append(Row(label, [percentage(shown_part, shown_whole)]))
    shares.append(
        Row(
            _("Median days until first contact"),
            [over_group(figures["median_days"], figures["contacted"], unit="days")],
        )
    )
    tables.append(
        FigureTable(
            key="referrals_key_figures",
            caption=_("Referrals: key figures"),
            row_header=_("What"),
            columns=[_("Figure")],
            rows=shares,
            chart_columns=(),
        )
    )
    loads = caseloads(referrals)
    tables.append(
        FigureTable(
            key="referrals_caseload",
            caption=_("Open clients per experience worker"),
            row_header=_("Experience worker"),
            columns=[_("Clients")],
            rows=[
                Row(_("Experience worker %(number)s") % {"number": i}, [count(n)])
                for i, n in enumerate(loads, start=1)
            ],
        )
    )
    return tables
