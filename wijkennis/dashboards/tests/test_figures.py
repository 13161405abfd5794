"""The figures, checked against counts made by hand."""

import datetime

import pytest

from tests.factories import MembershipFactory, OrganisationFactory, StoryFactory, UserFactory
from wijkennis.dashboards.figures import (
    Period,
    contributions_overview,
    funnel,
    funnel_counts,
    headcount_vs_plan,
    quarters,
)
from wijkennis.dashboards.suppression import HIDDEN, SHOWN, SMALL
from wijkennis.deployment.models import HeadcountRecord
from wijkennis.deployment.services import save_plan
from wijkennis.deployment.tests.helpers import good_plan
from wijkennis.knowledge.models import ItemStatus, KnowledgeItem
from wijkennis.organisations.models import Organisation, Role
from wijkennis.stories.models import Visibility
from wijkennis.trajectories import services as trajectory_services
from wijkennis.trajectories.models import Trajectory
from wijkennis.trajectories.tests.helpers import debt_type

from .helpers import trajectory, utrecht_cohort

pytestmark = pytest.mark.django_db
YEAR_2026 = Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


def moment(year, month, day):
    return datetime.datetime(year, month, day, 12, tzinfo=datetime.UTC)


@pytest.fixture
def cohort(people):
    """The coordinator of A records the Utrecht cohort, plus three that must not count."""
    utrecht_cohort(people.coordinator, people.org_a)
    # Started in 2025: outside the period.
    trajectory(people.coordinator, people.org_a, furthest=6, start=datetime.date(2025, 6, 2))
    # Another organisation.
    trajectory(people.coordinator_b, people.org_b, furthest=6)
    # Another kind of trajectory.
    other = trajectory_services.create_type(
        people.coordinator, people.org_a, name="Woonbegeleiding", steps=["Intake", "Sleutel"]
    )
    trajectory_services.create_trajectory(people.coordinator, people.org_a, type=other, code="WB-1")
    return people


def org_a_trajectories(people):
    return Trajectory.objects.filter(organisation=people.org_a)


def test_funnel_counts_by_hand(cohort):
    # With an experience worker, the furthest step of 12 trajectories: 6,6,6,6,6 · 5 · 3,3,3 ·
    # 2,2 · none. Started 12; step 1 and 2: all but "none" = 11; step 3: 5+1+3 = 9;
    # steps 4 and 5: 5+1 = 6; step 6: 5. (One "3" has only step 3 dated: it still passed 1-2.)
    # Without: 6 · 2,2 · 1,1,1,1. Started 7; step 1: 7; step 2: 3; steps 3-6: 1.
    counts = funnel_counts(org_a_trajectories(cohort), debt_type(), YEAR_2026)
    assert counts == {True: [12, 11, 11, 9, 6, 6, 5], False: [7, 7, 3, 1, 1, 1, 1]}
    # Without a period, the trajectory of 2025 counts too (it reached every step).
    counts = funnel_counts(org_a_trajectories(cohort), debt_type())
    assert counts[True] == [13, 12, 12, 10, 7, 7, 6]


def test_funnel_table_with_percentages_and_suppression(cohort):
    table = funnel(org_a_trajectories(cohort), debt_type(), YEAR_2026)
    assert [row.label for row in table.rows][1:] == [
        "Eerste contact",
        "Schoenendoos geordend",
        "Schuldeisers in kaart",
        "Aanmelding schuldhulp",
        "Schuldregeling",
        "Schuldenvrij",
    ]
    with_worker = [row.cells[0] for row in table.rows]
    with_share = [row.cells[1] for row in table.rows]
    without = [row.cells[2] for row in table.rows]
    without_share = [row.cells[3] for row in table.rows]
    # 12 → 11 is a drop of 1, → 11 still 1 below the last shown 12, → 9 a drop of 3: hidden.
    # 6 is 6 below 12: shown (50 %); 6 again: drop 0, shown; 5 is 1 below 6: hidden.
    assert [f.state for f in with_worker] == [SHOWN, HIDDEN, HIDDEN, HIDDEN, SHOWN, SHOWN, HIDDEN]
    assert [f.value for f in with_worker] == [12, None, None, None, 6, 6, None]
    assert [f.value for f in with_share] == [100, None, None, None, 50, 50, None]
    # Without: 7 and 7 (drop 0) are shown, 100 %; 3 and 1 are fewer than 5.
    assert [f.value for f in without] == [7, 7, None, None, None, None, None]
    assert [f.state for f in without[2:]] == [SMALL] * 5
    assert [f.value for f in without_share] == [100, 100, None, None, None, None, None]
    assert [str(f) for f in without[1:3]] == ["7", "< 5"]
    assert str(with_share[4]) == "50 %"


def test_funnel_of_a_small_organisation_shows_nothing_but_fewer_than_five(people):
    for furthest in (6, 3, 1):
        trajectory(people.coordinator, people.org_a, furthest=furthest)
    table = funnel(org_a_trajectories(people), debt_type(), YEAR_2026)
    assert {cell.state for row in table.rows for cell in row.cells} == {SMALL}


def test_period_filter_counts_trajectories_by_their_first_step(people):
    for day in (datetime.date(2025, 12, 31), datetime.date(2026, 1, 1)):
        for _n in range(5):
            trajectory(people.coordinator, people.org_a, furthest=2, start=day)
    january = Period(datetime.date(2026, 1, 1), datetime.date(2026, 1, 31))
    assert funnel_counts(org_a_trajectories(people), debt_type(), january)[True][0] == 5
    december = Period(datetime.date(2025, 12, 1), datetime.date(2025, 12, 31))
    assert funnel_counts(org_a_trajectories(people), debt_type(), december)[True][0] == 5


def test_headcount_against_the_plan(people):
    # good_plan: 3 now, 5 in 2 years, 8 in 5 years.
    save_plan(people.coordinator, people.org_a, **good_plan())
    HeadcountRecord.objects.all().delete()
    for month, value in ((1, 4), (6, 6)):
        HeadcountRecord.objects.create(
            organisation=people.org_a, month=datetime.date(2026, month, 1), count=value
        )
    HeadcountRecord.objects.create(
        organisation=people.org_a, month=datetime.date(2027, 1, 1), count=9
    )
    table = headcount_vs_plan(Organisation.objects.filter(pk=people.org_a.pk), YEAR_2026)
    assert [str(row.cells[0]) for row in table.rows] == ["< 5", "5", "8", "6"]

    # The municipality adds a second funded organisation: 3+3, 5+5, 8+8 planned, 6+2 counted.
    other = OrganisationFactory(name="Buurtwerk Testdam")
    other.funded_by.add(people.municipality)
    MembershipFactory(user=(boss := UserFactory()), organisation=other, role=Role.COORDINATOR)
    save_plan(boss, other, **good_plan())
    HeadcountRecord.objects.filter(organisation=other).delete()
    HeadcountRecord.objects.create(organisation=other, month=datetime.date(2026, 3, 1), count=2)
    table = headcount_vs_plan(people.municipality.funds.all(), YEAR_2026)
    assert [row.cells[0].value for row in table.rows] == [6, 10, 16, 8]


def test_stories_and_knowledge_per_quarter_with_differencing(people):
    half = Period(datetime.date(2026, 1, 1), datetime.date(2026, 6, 30))
    assert quarters(half) == [(2026, 1), (2026, 2)]

    def story(when, **extra):
        StoryFactory(
            author=people.anouk,
            organisation=extra.pop("organisation", people.org_a),
            published=True,
            published_at=when,
            visibility=extra.pop("visibility", Visibility.ORGANISATION),
            **extra,
        )

    for day in range(1, 7):
        story(moment(2026, 2, day))  # 6 in Q1
    for day in range(1, 4):
        story(moment(2026, 5, day), visibility=Visibility.NETWORK)  # 3 in Q2
    story(moment(2026, 2, 9), visibility=Visibility.PRIVATE)  # not shared with anyone
    StoryFactory(author=people.anouk, organisation=people.org_a, withdrawn=True)
    story(moment(2026, 2, 10), organisation=people.org_b)  # another organisation
    story(moment(2026, 7, 1))  # after the period

    for month in (2, 5):
        for day in range(1, 6):
            KnowledgeItem.objects.create(
                status=ItemStatus.VASTGESTELD,
                created_by=people.anouk,
                established_at=moment(2026, month, day),
            )
    KnowledgeItem.objects.create(status=ItemStatus.VOORSTEL, created_by=people.anouk)
    KnowledgeItem.objects.create(
        status=ItemStatus.VASTGESTELD, created_by=people.bram, established_at=moment(2026, 2, 1)
    )

    from wijkennis.accounts.models import User
    from wijkennis.stories.models import Story

    table = contributions_overview(
        Story.objects.filter(organisation=people.org_a),
        KnowledgeItem.objects.filter(
            created_by__in=User.objects.filter(memberships__organisation=people.org_a)
        ),
        half,
    )
    stories = [row.cells[0] for row in table.rows]
    knowledge = [row.cells[1] for row in table.rows]
    # Stories: Q1 6, Q2 3, total 9. Showing 6 and 9 would give Q2's 3 away: Q1 is hidden too.
    assert [f.state for f in stories] == [HIDDEN, SMALL, SHOWN]
    assert stories[2].value == 9
    # Wij-kennis: 5 and 5, total 10: all shown.
    assert [f.value for f in knowledge] == [5, 5, 10]
