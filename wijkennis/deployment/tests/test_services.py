"""Saving a plan: everything in one go, bad input refused with the field it is about, nothing
half-saved; only coordinators and managers of the organisation write."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import MembershipFactory
from wijkennis.core.models import AuditEvent
from wijkennis.deployment import services
from wijkennis.deployment.models import (
    DeploymentPlan,
    HeadcountRecord,
    Phase,
    PlannedWorker,
    RegionalPartner,
)
from wijkennis.organisations.models import Role

from .helpers import good_plan, with_phase

BAD_INPUT = {
    "negative headcount": (("now", {"paid_headcount": -1}), "now-paid_headcount"),
    "no headcount": (("two_years", {"paid_headcount": None}), "two_years-paid_headcount"),
    "part of a person": (("now", {"paid_headcount": "2.5"}), "now-paid_headcount"),
    "negative hours": (("two_years", {"hours_per_week": "-5"}), "two_years-hours_per_week"),
    "negative budget": (("five_years", {"budget_per_year": "-100"}), "five_years-budget_per_year"),
    "negative MBO share": (("now", {"mbo_share": -10}), "now-mbo_share"),
    "negative HBO share": (("now", {"hbo_share": -1}), "now-hbo_share"),
    "share above 100": (("now", {"mbo_share": 120, "hbo_share": 0}), "now-mbo_share"),
    "MBO and HBO above 100": (
        ("two_years", {"mbo_share": 60, "hbo_share": 50}),
        "two_years-hbo_share",
    ),
    "fewer in five years than now": (
        ("five_years", {"paid_headcount": 2}),
        "five_years-paid_headcount",
    ),
    "budget without its kind": (("five_years", {"budget_kind": ""}), "five_years-budget_kind"),
    "not a number": (("now", {"hours_per_week": "veel"}), "now-hours_per_week"),
}


@pytest.mark.parametrize("change, key", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_is_refused_with_the_field_and_nothing_is_saved(people, change, key):
    kind, values = change
    with pytest.raises(ValidationError) as refused:
        services.save_plan(
            people.coordinator, people.org_a, **with_phase(good_plan(), kind, **values)
        )
    assert key in refused.value.message_dict
    assert refused.value.message_dict[key][0]
    assert not DeploymentPlan.objects.exists() and not Phase.objects.exists()


def test_all_problems_come_at_once(people):
    plan = with_phase(good_plan(title=" "), "now", paid_headcount=-2, hours_per_week="-1")
    plan["workers"].append({"name": "", "content_supervisor": "Iemand", "personal_supervisor": ""})
    plan["partners"].append({"kind": "", "name": "", "notes": "samen werven"})
    with pytest.raises(ValidationError) as refused:
        services.save_plan(people.coordinator, people.org_a, **plan)
    assert set(refused.value.message_dict) == {
        "title",
        "now-paid_headcount",
        "now-hours_per_week",
        "workers-3-name",
        "partners-1-name",
        "partners-1-kind",
    }


def test_refused_changes_leave_the_saved_plan_as_it_was(people):
    plan = services.save_plan(people.coordinator, people.org_a, **good_plan())
    with pytest.raises(ValidationError):
        services.save_plan(
            people.coordinator,
            people.org_a,
            plan=plan,
            **with_phase(good_plan(title="Nieuw"), "now", paid_headcount=-1),
        )
    plan.refresh_from_db()
    assert plan.title == "Ervaringswerk in de wijkteams"
    assert plan.phases.get(kind="now").paid_headcount == 3
    assert plan.workers.count() == 3


def test_saving_stores_phases_workers_and_partners_and_replaces_them_on_edit(people):
    plan = services.save_plan(people.coordinator, people.org_a, **good_plan())
    assert plan.created_by == people.coordinator
    assert [p.paid_headcount for p in plan.phases.order_by("id")] == [3, 5, 8]
    five = plan.phases.get(kind="five_years")
    assert five.target_date == datetime.date(2030, 3, 1)
    assert str(five.budget_per_year) == "320000.00" and five.budget_kind == "structural"
    assert plan.workers.count() == 3 and plan.partners.get().name == "ROC Testdam"
    changed = good_plan(workers=[{"name": "Coördinator ervaringswerk"}], partners=[])
    services.save_plan(people.coordinator, people.org_a, plan=plan, **changed)
    assert list(plan.workers.values_list("name", flat=True)) == ["Coördinator ervaringswerk"]
    assert not RegionalPartner.objects.exists()
    assert Phase.objects.count() == 3 and PlannedWorker.objects.count() == 1
    assert AuditEvent.objects.filter(action="deployment.changed", object_id=plan.pk).exists()


def test_empty_rows_are_skipped(people):
    plan = good_plan()
    plan["workers"].insert(0, {"name": " ", "content_supervisor": "", "personal_supervisor": ""})
    saved = services.save_plan(people.coordinator, people.org_a, **plan)
    assert saved.workers.count() == 3


@pytest.mark.parametrize(
    "person", ["anouk", "colleague", "coordinator_b", "policy_officer", "researcher", "admin"]
)
def test_only_coordinators_and_managers_of_the_organisation_write(people, person):
    with pytest.raises(PermissionDenied):
        services.save_plan(getattr(people, person), people.org_a, **good_plan())
    assert not DeploymentPlan.objects.exists()


def test_a_manager_writes_and_a_plan_cannot_move_organisation(people):
    manager = MembershipFactory(organisation=people.org_a, role=Role.MANAGER).user
    plan = services.save_plan(manager, people.org_a, **good_plan())
    with pytest.raises(PermissionDenied):
        services.save_plan(people.coordinator_b, people.org_b, plan=plan, **good_plan())


def test_visible_to_gives_the_plans_of_ones_own_organisations(people):
    plan_a = services.save_plan(people.coordinator, people.org_a, **good_plan())
    plan_b = services.save_plan(people.coordinator_b, people.org_b, **good_plan())
    manager = MembershipFactory(organisation=people.org_b, role=Role.MANAGER).user
    assert list(DeploymentPlan.objects.visible_to(people.coordinator)) == [plan_a]
    assert list(DeploymentPlan.objects.visible_to(manager)) == [plan_b]
    for person in ("anouk", "colleague", "admin", "policy_officer", "anonymous"):
        assert not DeploymentPlan.objects.visible_to(getattr(people, person)).exists()


def test_actual_headcount_is_recorded_at_most_once_a_month(people):
    first = services.record_headcount(people.org_a, datetime.date(2025, 3, 4))
    assert (first.month, first.count) == (datetime.date(2025, 3, 1), 1)  # Anouk
    MembershipFactory(organisation=people.org_a, role=Role.ERVARINGSWERKER)
    again = services.record_headcount(people.org_a, datetime.date(2025, 3, 28))
    assert again.pk == first.pk and again.count == 1
    april = services.record_headcount(people.org_a, datetime.date(2025, 4, 1))
    assert april.count == 2
    assert HeadcountRecord.objects.filter(organisation=people.org_a).count() == 2


def test_the_headcount_counts_people_not_other_roles(people):
    MembershipFactory(user=people.coordinator, organisation=people.org_a, role=Role.ERVARINGSWERKER)
    assert services.registered_headcount(people.org_a) == 2
    assert services.registered_headcount(people.org_b) == 1
