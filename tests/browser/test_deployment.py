"""Kwartiermaken: a coordinator makes an inzetplan, is told what is wrong without losing what was
typed, and reads the warnings and the timeline. Selectors use structure (ids, roles, data
attributes), not wording, so the test holds once the texts are translated."""

import re

import pytest

from conftest import PASSWORD
from wijkennis.deployment.models import DeploymentPlan

from .conftest import check_accessibility, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_make_a_plan_fix_a_mistake_and_read_the_warnings(page, people):
    log_in(page, people.coordinator.email, PASSWORD)
    page.goto("/kwartiermaken/inzetplan/")
    check_accessibility(page, "deployment plan list")
    page.goto("/kwartiermaken/inzetplan/nieuw/")
    check_accessibility(page, "deployment plan form")

    page.locator("#id_title").fill("Ervaringswerk in de wijkteams")
    for kind, headcount, hours in (
        ("now", "1", "24"),
        ("two_years", "3", "80"),
        ("five_years", "0", "0"),
    ):
        page.locator(f"#id_{kind}-paid_headcount").fill(headcount)
        page.locator(f"#id_{kind}-hours_per_week").fill(hours)
    page.locator("#id_now-mbo_share").fill("70")
    page.locator("#id_now-hbo_share").fill("20")
    page.locator("#id_two_years-secondary_tasks").fill("Scholing van collega's")
    page.locator("#id_workers-0-name").fill("Ervaringswerker schuldhulp")
    page.locator("#id_workers-0-content_supervisor").fill("Teamleider")
    page.locator("#id_partners-0-kind").select_option("mbo_course")
    page.locator("#id_partners-0-name").fill("ROC Testdam")
    page.locator("main form button[type=submit]").click()

    # Fewer people in five years than today: refused, the error linked, everything still there.
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert summary.locator('a[href="#id_five_years-paid_headcount"]').count() == 1
    assert page.locator("#id_five_years-paid_headcount").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_title").input_value() == "Ervaringswerk in de wijkteams"
    assert page.locator("#id_workers-0-content_supervisor").input_value() == "Teamleider"
    assert page.locator("#id_partners-0-name").input_value() == "ROC Testdam"
    assert not DeploymentPlan.objects.exists()
    check_accessibility(page, "deployment plan form with errors")

    page.locator("#id_five_years-paid_headcount").fill("6")
    page.locator("#id_five_years-hours_per_week").fill("150")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/kwartiermaken/inzetplan/\d+/$"))
    checks = {
        page.locator("[data-check]").nth(i).get_attribute("data-check")
        for i in range(page.locator("[data-check]").count())
    }
    assert checks == {"lone_worker", "no_secondary_tasks", "no_supervision", "no_structural_budget"}
    assert page.locator("svg[role=img]").count() == 1
    assert page.locator("main table caption").count() >= 2
    check_accessibility(page, "deployment plan")
    screenshot(page, "deployment-plan")
