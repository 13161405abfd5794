"""Accountability figures: counts, median response time, shares; small groups suppressed."""

import datetime

import pytest
from django.utils import timezone

from wijkennis.inbreng import services
from wijkennis.inbreng.models import Contribution
from wijkennis.inbreng.stats import MIN_GROUP, accountability_figures, suppress, suppress_count

from .helpers import inbreng_for

pytestmark = pytest.mark.django_db


def test_suppress_helpers():
    assert MIN_GROUP == 5
    assert suppress(3.5, 4) is None
    assert suppress(3.5, 5) == 3.5
    assert suppress(0.5, 2, min_group=2) == 0.5
    assert suppress_count(4) is None and suppress_count(0) is None and suppress_count(5) == 5


def _answered(people, days_to_answer, *, close=None, change="", rating="", created_days_ago=100):
    created = timezone.now() - datetime.timedelta(days=created_days_ago)
    contribution = inbreng_for(people, now=created, title=f"Inbreng {days_to_answer}")
    answered = created + datetime.timedelta(days=days_to_answer)
    services.add_update(people.policy_officer, contribution, text="Gezien.", now=answered)
    if close:
        services.change_status(
            people.policy_officer,
            contribution,
            close,
            text="Besloten.",
            reason="Geen geld.",
            change=change,
            now=answered,
        )
    if rating:
        services.rate_answer(people.anouk, contribution, rating)
    return contribution


def test_fewer_than_five_inputs_show_no_figures(people):
    for days in (1, 2, 3, 4):
        _answered(people, days, close="verwerkt", change="doorgevoerd", rating="ja")
    figures = accountability_figures(Contribution.objects.all())
    assert figures["total"] is None
    assert figures["median_response_days"] is None
    assert figures["changed_share"] is None
    assert figures["satisfaction_share"] is None
    assert set(figures["by_status"].values()) == {None}
    assert set(figures["by_level"].values()) == {None}


def test_figures_over_five_or_more_inputs(people):
    _answered(people, 1, close="verwerkt", change="doorgevoerd", rating="ja")
    _answered(people, 2, close="verwerkt", change="gepland", rating="ja")
    _answered(people, 3, close="niet_overgenomen", rating="nee")
    _answered(people, 10, close="verwerkt", change="geen", rating="ja")
    _answered(people, 20, close="verwerkt", change="doorgevoerd", rating="deels")
    _answered(people, 30)  # being handled
    for _ in range(4):  # never answered, 50 days old: overdue
        inbreng_for(people, now=timezone.now() - datetime.timedelta(days=50))
    figures = accountability_figures(Contribution.objects.all())
    assert figures["total"] == 10
    assert figures["by_status"] == {
        "ontvangen": None,  # 4: too few
        "in_behandeling": None,  # 1
        "verwerkt": None,  # 4
        "niet_overgenomen": None,  # 1
    }
    assert figures["by_level"] == {"primair": None, "secundair": None, "tertiair": 10}
    assert figures["responded"] == 6
    assert figures["median_response_days"] == 6.5  # 1, 2, 3, 10, 20, 30
    assert figures["closed"] == 5
    assert figures["changed_share"] == 0.6  # 3 of 5 closed led to a change
    assert figures["rated"] == 5
    assert figures["satisfaction_share"] == 0.6
    assert figures["overdue"] is None  # 4 overdue: too few to show
    assert figures["min_group"] == 5


def test_median_of_an_odd_group_and_overdue_count(people):
    for days in (5, 1, 9, 3, 7):
        _answered(people, days)
    for _ in range(5):
        inbreng_for(people, now=timezone.now() - datetime.timedelta(days=43))
    figures = accountability_figures(Contribution.objects.all())
    assert figures["median_response_days"] == 5.0
    assert figures["by_status"]["in_behandeling"] == 5
    assert figures["by_status"]["ontvangen"] == 5
    assert figures["overdue"] == 5
    assert figures["closed"] is None and figures["changed_share"] is None


def test_figures_only_cover_the_queryset_given(people):
    for days in range(1, 6):
        _answered(people, days)
    assert accountability_figures(Contribution.objects.none())["total"] is None
    scoped = Contribution.objects.visible_to(people.policy_officer_other)
    assert accountability_figures(scoped)["total"] is None
    assert (
        accountability_figures(Contribution.objects.visible_to(people.policy_officer))["total"] == 5
    )
