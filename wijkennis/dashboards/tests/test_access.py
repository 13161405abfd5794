"""The one place that decides which dashboards a person sees (access.py)."""

import pytest

from tests.factories import MembershipFactory, UserFactory
from wijkennis.dashboards.access import dashboard_municipalities, dashboard_organisations
from wijkennis.organisations.models import Role

pytestmark = pytest.mark.django_db


def names(queryset):
    return sorted(queryset.values_list("name", flat=True))


def test_coordinators_and_managers_see_their_own_organisation(people):
    manager = UserFactory()
    MembershipFactory(user=manager, organisation=people.org_b, role=Role.MANAGER)
    assert names(dashboard_organisations(people.coordinator)) == [people.org_a.name]
    assert names(dashboard_organisations(manager)) == [people.org_b.name]
    assert not dashboard_municipalities(people.coordinator).exists()


def test_workers_colleagues_researchers_and_visitors_see_none(people):
    for person in (people.anouk, people.colleague, people.researcher, people.anonymous):
        assert not dashboard_organisations(person).exists()
        assert not dashboard_municipalities(person).exists()


def test_policy_officers_see_their_municipality_only(people):
    assert names(dashboard_municipalities(people.policy_officer)) == [people.municipality.name]
    assert not dashboard_organisations(people.policy_officer).exists()
    assert people.municipality not in dashboard_municipalities(people.policy_officer_other)
    assert list(people.municipality.funds.all()) == [people.org_a]


def test_beheerder_sees_every_organisation_and_municipality(people):
    assert set(dashboard_organisations(people.admin)) == {
        people.org_a,
        people.org_b,
        people.research,
    }
    assert people.municipality in dashboard_municipalities(people.admin)


def test_menu_tag_follows_the_same_rule(people):
    from django.template import Context, Template

    tag = Template("{% load dashboards %}{% has_dashboard user as show %}{{ show }}")
    for user in (people.policy_officer, people.coordinator, people.admin, people.anouk):
        offered = tag.render(Context({"user": user})) == "True"
        can_open = dashboard_organisations(user).exists() or dashboard_municipalities(user).exists()
        assert offered == can_open, user
    assert tag.render(Context({"user": people.anouk})) == "False"
    # A policy officer's role counts only in a municipality.
    elsewhere = UserFactory()
    MembershipFactory(user=elsewhere, organisation=people.org_a, role=Role.BELEIDSMEDEWERKER)
    assert tag.render(Context({"user": elsewhere})) == "False"
