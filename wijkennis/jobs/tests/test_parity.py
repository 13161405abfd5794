"""The parity check: every way the ervaringswerker gets less than the comparable regular
function is flagged; equal or better is not."""

import pytest
from django.utils import translation

from wijkennis.jobs import services

from .factories import JobDescriptionFactory

LESS = [
    ("scale", {"scale": 7, "regular_scale": 8}),
    ("laptop", {"laptop": False}),
    ("phone", {"phone": False}),
    ("dossier_access", {"dossier_access": False}),
    ("own_workplace", {"own_workplace": False}),
    ("training_budget", {"training_budget": 200, "regular_training_budget": 500}),
]
EQUAL_OR_BETTER = [
    {},
    {"scale": 9, "regular_scale": 8},
    {"laptop": True, "regular_laptop": False},
    {"phone": False, "regular_phone": False},
    {"dossier_access": True, "regular_dossier_access": False},
    {"own_workplace": False, "regular_own_workplace": False},
    {"training_budget": 800, "regular_training_budget": 500},
    {"training_budget": 0, "regular_training_budget": 0},
]


@pytest.mark.django_db
@pytest.mark.parametrize("key, fields", LESS, ids=[key for key, _ in LESS])
def test_each_difference_is_flagged_alone(key, fields):
    job = JobDescriptionFactory.build(**fields)
    differences = services.parity(job)
    assert [d.key for d in differences] == [key]
    assert differences[0].message and differences[0].why


@pytest.mark.django_db
@pytest.mark.parametrize("fields", EQUAL_OR_BETTER)
def test_equal_or_better_is_not_flagged(fields):
    assert services.parity(JobDescriptionFactory.build(**fields)) == []


@pytest.mark.django_db
def test_a_lower_scale_names_both_scales_and_why_it_matters():
    job = JobDescriptionFactory.build(scale=7, regular_scale=8)
    with translation.override("en"):
        (difference,) = services.parity(job)
    assert difference.message == "Lower scale than the comparable function: 7 against 8"
    assert "Equal work deserves equal pay" in difference.why
    assert (difference.own, difference.regular) == ("7", "8")


@pytest.mark.django_db
def test_the_comparison_lists_scale_and_every_facility_even_when_equal():
    rows = services.comparison(JobDescriptionFactory.build(unequal=True))
    assert [row.key for row in rows] == [
        "scale",
        "laptop",
        "phone",
        "dossier_access",
        "own_workplace",
        "training_budget",
    ]
    assert [row.key for row in rows if row.difference] == ["scale", "laptop", "training_budget"]
