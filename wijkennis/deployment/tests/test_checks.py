"""Every check fires on its own case and not otherwise, and says why, with its source."""

import pytest
from django.utils import translation

from wijkennis.deployment import services
from wijkennis.deployment.checks import CHECKS

from .helpers import good_plan, with_phase

ALL_CODES = {check.__name__ for check in CHECKS}


def _save(people, plan):
    return services.save_plan(people.coordinator, people.org_a, **plan)


def _codes(plan):
    return {warning.code for warning in services.checks(plan)}


def test_a_good_plan_gets_no_warning(people):
    assert services.checks(_save(people, good_plan())) == []


def _lone_now():
    return with_phase(good_plan(), "now", paid_headcount=1, hours_per_week="24")


def _two_everywhere():
    plan = good_plan()
    for kind in ("now", "two_years", "five_years"):
        plan = with_phase(plan, kind, paid_headcount=2, hours_per_week="48")
    plan["workers"] = plan["workers"][:2]
    return plan


def _few_hours():
    return with_phase(good_plan(), "five_years", hours_per_week="20")


def _no_secondary():
    return with_phase(good_plan(), "two_years", secondary_tasks="  ")


def _missing_personal_supervisor():
    plan = good_plan()
    plan["workers"][1]["personal_supervisor"] = ""
    return plan


def _missing_content_supervisor():
    plan = good_plan()
    plan["workers"][0]["content_supervisor"] = ""
    return plan


def _no_workers_named():
    return good_plan(workers=[])


def _project_money_later():
    return with_phase(good_plan(), "five_years", budget_kind="project")


def _no_budget_in_two_years():
    return with_phase(good_plan(), "two_years", budget_per_year=None, budget_kind="")


def _zero_budget_in_two_years():
    return with_phase(good_plan(), "two_years", budget_per_year="0")


CASES = {
    "lone worker now": (_lone_now, "lone_worker"),
    "two people in five years": (_two_everywhere, "token_number"),
    "too few hours in five years": (_few_hours, "token_number"),
    "no secondary tasks in two years": (_no_secondary, "no_secondary_tasks"),
    "no personal supervisor": (_missing_personal_supervisor, "no_supervision"),
    "no content supervisor": (_missing_content_supervisor, "no_supervision"),
    "no workers named": (_no_workers_named, "no_supervision"),
    "project money in five years": (_project_money_later, "no_structural_budget"),
    "no budget in two years": (_no_budget_in_two_years, "no_structural_budget"),
    "zero budget in two years": (_zero_budget_in_two_years, "no_structural_budget"),
}


@pytest.mark.parametrize("make_plan, code", CASES.values(), ids=CASES.keys())
def test_each_check_fires_on_its_case_only(people, make_plan, code):
    assert _codes(_save(people, make_plan())) == {code}


NOT_FIRING = {
    # Project money now is what a project phase is: only later phases need structural money.
    "project money now": (
        lambda: with_phase(good_plan(), "now", budget_kind="project"),
        "no_structural_budget",
    ),
    # Nobody planned in a phase: no secondary tasks needed there.
    "no one yet, no tasks yet": (
        lambda: with_phase(good_plan(), "now", paid_headcount=0, secondary_tasks=""),
        "no_secondary_tasks",
    ),
    "exactly the minimum in five years": (
        lambda: with_phase(good_plan(), "five_years", paid_headcount=3, hours_per_week="24"),
        "token_number",
    ),
    "two people are not alone": (
        lambda: with_phase(good_plan(), "now", paid_headcount=2),
        "lone_worker",
    ),
    "tertiary tasks may stay empty": (
        lambda: with_phase(good_plan(), "five_years", tertiary_tasks=""),
        "no_secondary_tasks",
    ),
}


@pytest.mark.parametrize("make_plan, code", NOT_FIRING.values(), ids=NOT_FIRING.keys())
def test_checks_stay_quiet_next_to_their_case(people, make_plan, code):
    assert code not in _codes(_save(people, make_plan()))


def test_a_lone_worker_in_five_years_is_also_a_token_number(people):
    plan = good_plan(workers=good_plan()["workers"][:1])
    for kind in ("now", "two_years", "five_years"):
        plan = with_phase(plan, kind, paid_headcount=1, hours_per_week="32")
    assert _codes(_save(people, plan)) == {"lone_worker", "token_number"}


@pytest.mark.parametrize(
    "code, cited",
    [
        ("lone_worker", ["§2.11", "Eenmansposities verdienen niet de voorkeur", "meer dan een"]),
        ("token_number", ["10", "symbolisch aantal", "voor de bühne"]),
        ("no_secondary_tasks", ["§2.8", "7, 8", "12"]),
        ("no_supervision", ["ontvangen, begeleid", "eigen kwetsbaarheid en werk"]),
        ("no_structural_budget", ["structureel budget", "tijdelijke projecten"]),
    ],
)
def test_every_warning_gives_its_reason_and_source(people, code, cited):
    plans = {
        "lone_worker": _lone_now,
        "token_number": _two_everywhere,
        "no_secondary_tasks": _no_secondary,
        "no_supervision": _no_workers_named,
        "no_structural_budget": _project_money_later,
    }
    plan = _save(people, plans[code]())
    with translation.override("nl"):
        (warning,) = [w for w in services.checks(plan) if w.code == code]
    assert warning.message and warning.reason
    for quote in cited:
        assert quote in warning.source
    assert ALL_CODES == set(plans)


def test_the_messages_name_the_phases_and_the_people(people):
    plan = _save(people, _missing_personal_supervisor())
    (warning,) = services.checks(plan)
    assert "Ervaringswerker 2" in warning.message and "Ervaringswerker 1" not in warning.message
    plan = _save(people, _two_everywhere())
    (warning,) = services.checks(plan)
    assert "2" in warning.message and "48" in warning.message
