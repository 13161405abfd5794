"""Inbreng: a worker logs input for the municipality, a policy officer answers it, the worker
reads the answer on the timeline and says what she thinks of it.

Fields are found by name, buttons by their form, so the test holds while the Dutch catalogue
for inbreng is being filled in.
"""

import re

import pytest

from conftest import PASSWORD
from wijkennis.inbreng.models import Contribution, Status

from .conftest import check_accessibility, log_in, log_out, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ANSWER = "Het leespanel met ervaringsdeskundigen leest voortaan elke nieuwe brief mee."


def submit(page, action: str) -> None:
    page.locator(f'main form[action$="{action}"] button[type="submit"]').click()


def test_inbreng_from_worker_to_municipality_and_back(page, people):
    log_in(page, people.anouk.email, PASSWORD)
    page.goto("/inbreng/")
    check_accessibility(page, "my inbreng (empty)")
    page.goto("/inbreng/nieuw/")
    form = page.locator("main form")
    form.locator('select[name="recipient_organisation"]').select_option(str(people.municipality.pk))
    form.locator('input[name="recipient_name"]').fill("Raadscommissie Zorg")
    form.locator('input[name="level"][value="tertiair"]').check()
    form.locator('input[name="title"]').fill("Brieven over de bijstand zijn te moeilijk")
    form.locator('textarea[name="text"]').fill(
        "Ik las drie brieven voor in het wijkoverleg. Niemand begreep wat er werd gevraagd."
    )
    check_accessibility(page, "inbreng form")
    form.locator('button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/inbreng/\d+/$"))
    detail_url = page.url
    assert "Brieven over de bijstand zijn te moeilijk" in page.locator("h1").inner_text()
    check_accessibility(page, "inbreng timeline, new")
    log_out(page)

    log_in(page, people.policy_officer.email, PASSWORD)
    page.goto("/inbreng/postvak/")
    check_accessibility(page, "inbox")
    page.locator("main table").get_by_role(
        "link", name="Brieven over de bijstand zijn te moeilijk"
    ).click()
    page.wait_for_url(detail_url)
    page.locator('textarea[name="text"]').fill(ANSWER)
    page.locator('input[name="status"][value="verwerkt"]').check()
    page.locator('input[name="change"][value="doorgevoerd"]').check()
    check_accessibility(page, "answer form")
    submit(page, "/antwoord/")
    page.wait_for_url(detail_url)
    contribution = Contribution.objects.get()
    assert contribution.status == Status.PROCESSED
    contribution_pk = contribution.pk
    page.goto(f"/inbreng/verantwoording/{people.municipality.pk}/")
    check_accessibility(page, "accountability")
    log_out(page)

    log_in(page, people.anouk.email, PASSWORD)
    page.goto("/inbreng/postvak/")
    assert "Brieven over de bijstand zijn te moeilijk" in page.locator("main").inner_text()
    page.goto(f"/inbreng/{contribution_pk}/")
    timeline = page.locator("main ol.timeline")
    assert ANSWER in timeline.inner_text()
    assert timeline.locator("li").count() == 2
    assert timeline.locator("time[datetime]").count() == 2
    check_accessibility(page, "inbreng timeline, answered")
    page.locator('input[name="satisfaction"][value="ja"]').check()
    submit(page, "/beoordelen/")
    page.wait_for_url(f"**/inbreng/{contribution_pk}/")
    assert page.locator("main ol.timeline li").count() == 3
    check_accessibility(page, "inbreng timeline, rated")
    screenshot(page, "inbreng-timeline")
