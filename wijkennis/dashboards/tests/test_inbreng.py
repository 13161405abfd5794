"""Section (b): inbreng by status and level, median response time, shares; small groups hidden."""

import datetime

import pytest
from django.urls import reverse

from wijkennis.dashboards.access import municipality_scope, organisation_scope
from wijkennis.dashboards.figures import Period, dashboard_sections, inbreng_tables
from wijkennis.dashboards.suppression import HIDDEN, SHOWN, SMALL
from wijkennis.inbreng import services
from wijkennis.inbreng.models import Contribution
from wijkennis.inbreng.tests.helpers import inbreng_for

pytestmark = pytest.mark.django_db
YEAR_2026 = Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
CREATED = datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC)


@pytest.fixture
def six_inputs(people):
    """Anouk gives the municipality 6 inputs on 10 March 2026. Five are answered and processed
    with a change after 2, 4, 6, 8 and 10 days; she finds 3 answers clear and fair, 2 not.
    The sixth is never answered (overdue). Bram's input is from another year."""
    for n, days in enumerate((2, 4, 6, 8, 10, None)):
        contribution = inbreng_for(
            people, now=CREATED, given_on=CREATED.date(), title=f"Inbreng {n}"
        )
        if days is None:
            continue
        services.add_update(
            people.policy_officer,
            contribution,
            text="Het leespanel leest voortaan mee.",
            status="verwerkt",
            change="doorgevoerd",
            now=CREATED + datetime.timedelta(days=days),
        )
        services.rate_answer(people.anouk, contribution, "ja" if n < 3 else "nee")
    inbreng_for(people, people.bram, to=people.org_b, given_on=datetime.date(2025, 5, 1))
    return people


def by_label(table):
    return {row.label: row.cells[0] for row in table.rows}


def test_inbreng_figures_by_hand(six_inputs):
    status, level, answers = inbreng_tables(
        Contribution.objects.filter(organisation=six_inputs.org_a), YEAR_2026, "given", "Given"
    )
    # Status: received 1, being handled 0, processed 5, not adopted 0; total 6. Showing 5 and
    # 6 would give the single open one away, so "processed" is hidden as well.
    assert [row.cells[0].state for row in status.rows] == [SMALL, SMALL, HIDDEN, SMALL, SHOWN]
    assert status.rows[-1].cells[0].value == 6
    # Level: all 6 tertiary: 0, 0, 6 and the total 6 (a difference of 0 is safe).
    assert [row.cells[0].value for row in level.rows] == [None, None, 6, 6]
    answered, median, closed, changed, satisfied, overdue = (r.cells[0] for r in answers.rows)
    assert answered.value == 5
    assert median.value == 6.0  # median of 2, 4, 6, 8, 10 days
    assert closed.value == 5
    assert changed.value == 100  # 5 of 5 closed with a change (the rest, 0, is safe)
    assert satisfied.state == SMALL  # 3 of 5 "yes": 3 and 2 are both fewer than 5
    assert overdue.state == SMALL  # 1


def test_period_filters_inbreng_by_date_given(six_inputs):
    spring = Period(datetime.date(2026, 4, 1), datetime.date(2026, 12, 31))
    status, *_rest = inbreng_tables(Contribution.objects.all(), spring, "all", "All")
    assert status.rows[-1].cells[0].state == SMALL  # none given after March


def test_dashboards_show_given_and_received_inbreng(six_inputs):
    municipality = municipality_scope(six_inputs.policy_officer, six_inputs.municipality.pk)
    sections = {s.key: s for s in dashboard_sections(municipality, YEAR_2026)}
    tables = {t.key: t for t in sections["inbreng"].tables}
    assert tables["inbreng_given_by_status"].rows[-1].cells[0].value == 6  # by A's workers
    assert tables["inbreng_received_by_status"].rows[-1].cells[0].value == 6  # to the town
    organisation = organisation_scope(six_inputs.coordinator, six_inputs.org_a.pk)
    sections = {s.key: s for s in dashboard_sections(organisation, YEAR_2026)}
    tables = {t.key: t for t in sections["inbreng"].tables}
    assert tables["inbreng_given_by_status"].rows[-1].cells[0].value == 6
    assert tables["inbreng_received_by_status"].rows[-1].cells[0].state == SMALL


def test_inbreng_in_page_and_export(client, six_inputs):
    client.force_login(six_inputs.policy_officer)
    url = reverse("dashboards:municipality", args=[six_inputs.municipality.pk])
    html = client.get(url, {"start": "2026-01-01", "end": "2026-12-31"}).content.decode()
    assert 'data-section="inbreng"' in html
    assert "6,0" in html  # the median, in Dutch notation
    export = reverse("dashboards:municipality_export", args=[six_inputs.municipality.pk, "csv"])
    body = client.get(export, {"start": "2026-01-01", "end": "2026-12-31"}).content.decode()
    assert ",6.0\r\n" in body
    assert "Brieven zijn te moeilijk" not in html + body  # never the text of an input
