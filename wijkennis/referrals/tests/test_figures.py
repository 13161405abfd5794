"""Dashboard figures, against hand-computed numbers, with small groups suppressed."""

import datetime

from django.utils import timezone

from wijkennis.dashboards.tables import Period
from wijkennis.referrals.figures import caseloads, referral_counts, referral_tables
from wijkennis.referrals.models import Referral, Status

from .helpers import worker


def make(people, n, *, month, status=Status.FILED, contact_after=None, declined=False, who=None):
    filed = timezone.make_aware(datetime.datetime(2026, month, 10, 12))
    for _ in range(n):
        Referral.objects.create(
            organisation=people.org_a,
            code="VW-1",
            question="q",
            client_agreed_at=filed,
            filed_at=filed,
            status=status,
            worker=who,
            first_contact_on=(filed.date() + datetime.timedelta(days=contact_after))
            if contact_after is not None
            else None,
            client_declined_at=filed if declined else None,
        )


PERIOD = Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


def test_counts_by_hand(people):
    kees = worker(people.org_a, "Kees")
    make(people, 4, month=3)
    make(people, 3, month=4, status=Status.CONTACT, contact_after=2, who=kees)
    make(people, 2, month=4, status=Status.CONTACT, contact_after=6, who=people.anouk)
    make(people, 1, month=4, status=Status.CLIENT_DECLINED, declined=True)

    figures = referral_counts(Referral.objects.all(), PERIOD)

    assert figures["total"] == 10
    assert figures["per_month"] == {"2026-03": 4, "2026-04": 6}
    assert figures["matched"] == 5
    assert figures["client_declined"] == 1
    assert figures["median_days"] == 2  # 2, 2, 2, 6, 6
    assert caseloads(Referral.objects.all()) == [3, 2]


def test_small_groups_are_suppressed(people):
    make(people, 5, month=3)
    make(people, 6, month=4, status=Status.CONTACT, contact_after=3, who=people.anouk)
    make(people, 2, month=5)

    per_month, key, load = referral_tables(Referral.objects.all(), PERIOD)

    # May (2) is small; March is hidden too, or 13 - 6 would give May away.
    cells = [row.cells[0] for row in per_month.rows]
    assert [c.value for c in cells] == [None, 6, None, 13]
    assert [c.state for c in cells][0] == "hidden" and str(cells[2]) == "< 5"
    # Matched 6 of 13 (46 %); nobody declined (0: small); median 3 days over 6 contacts.
    assert [row.cells[0].value for row in key.rows] == [46, None, 3]
    assert [row.cells[0].value for row in load.rows] == [6]


def test_median_hidden_for_fewer_than_five_contacts(people):
    make(people, 4, month=4, status=Status.CONTACT, contact_after=3, who=people.anouk)
    _per_month, key, load = referral_tables(Referral.objects.all(), PERIOD)
    assert str(key.rows[2].cells[0]) == "< 5"
    assert str(load.rows[0].cells[0]) == "< 5"
