"""Pseudonyms, the outcome, step dates and types, through the services."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from wijkennis.trajectories import services
from wijkennis.trajectories.models import Outcome, StepDate

from .helpers import debt_type, trajectory_for


def test_the_shipped_debt_type_has_the_six_steps_in_order(db):
    assert [step.name for step in debt_type().steps.all()] == [
        "Eerste contact",
        "Schoenendoos geordend",
        "Schuldeisers in kaart",
        "Aanmelding schuldhulp",
        "Schuldregeling",
        "Schuldenvrij",
    ]
    assert debt_type().organisation is None


@pytest.mark.parametrize(
    "code",
    ["123456782", "1234 56 782", "jan@voorbeeld.nl", "0612345678", "+31 6 12345678", "  "],
)
def test_a_code_that_looks_like_personal_data_is_refused(people, code):
    with pytest.raises(ValidationError) as refused:
        trajectory_for(people.anouk, people.org_a, code=code)
    assert "code" in refused.value.message_dict


@pytest.mark.parametrize("code", ["SD-2024-07", "Zonnebloem 3", "AB12"])
def test_a_plain_pseudonym_is_accepted(people, code):
    assert trajectory_for(people.anouk, people.org_a, code=code).code == code


def test_dropping_out_needs_a_reason(people):
    trajectory = trajectory_for(people.anouk, people.org_a)
    with pytest.raises(ValidationError) as refused:
        services.update_trajectory(
            people.anouk, trajectory, outcome=Outcome.DROPPED_OUT, dropout_reason="  "
        )
    assert "dropout_reason" in refused.value.message_dict
    services.update_trajectory(
        people.anouk, trajectory, outcome=Outcome.DROPPED_OUT, dropout_reason="Verhuisd"
    )
    trajectory.refresh_from_db()
    assert trajectory.outcome == "uitgevallen" and trajectory.dropout_reason == "Verhuisd"
    services.update_trajectory(people.anouk, trajectory, outcome=Outcome.COMPLETED)
    trajectory.refresh_from_db()
    assert trajectory.dropout_reason == ""


def test_someone_of_another_organisation_cannot_write(people):
    trajectory = trajectory_for(people.anouk, people.org_a)
    for person in (people.bram, people.colleague, people.policy_officer, people.admin):
        with pytest.raises(PermissionDenied):
            services.update_trajectory(person, trajectory, outcome=Outcome.COMPLETED)
        with pytest.raises(PermissionDenied):
            trajectory_for(person, people.org_a)


def test_step_dates_are_set_and_cleared(people):
    trajectory = trajectory_for(people.anouk, people.org_a)
    first, second = list(trajectory.type.steps.all())[:2]
    services.set_step_dates(
        people.anouk,
        trajectory,
        {first.pk: datetime.date(2026, 1, 5), second.pk: datetime.date(2026, 2, 1)},
    )
    services.set_step_dates(people.anouk, trajectory, {second.pk: None})
    assert list(StepDate.objects.values_list("step_id", flat=True)) == [first.pk]


def test_only_coordinators_and_managers_define_types(people):
    made = services.create_type(
        people.coordinator, people.org_a, name="Werk", steps=["Intake", "", "Proefplaats"]
    )
    assert [s.name for s in made.steps.all()] == ["Intake", "Proefplaats"]
    with pytest.raises(PermissionDenied):
        services.create_type(people.anouk, people.org_a, name="Werk", steps=["a", "b"])
    with pytest.raises(ValidationError) as refused:
        services.create_type(people.coordinator, people.org_a, name="", steps=["a"])
    assert set(refused.value.message_dict) == {"name", "steps"}
