"""Dashboards: a coordinator opens the dashboard of her organisation, chooses a period, reads a
chart with its table, and downloads the figures as CSV. Selectors use structure (ids, roles,
data attributes), not wording, so the test holds once the texts are translated."""

import re
from pathlib import Path

import pytest

from conftest import PASSWORD
from wijkennis.dashboards.tests.helpers import utrecht_cohort

from .conftest import check_accessibility, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_reads_the_dashboard_and_downloads_csv(page, people, debt_type):
    utrecht_cohort(people.coordinator, people.org_a)
    log_in(page, people.coordinator.email, PASSWORD)
    page.goto("/dashboard/")
    check_accessibility(page, "dashboard list")
    page.locator(f'main a[href="/dashboard/organisatie/{people.org_a.pk}/"]').click()
    page.wait_for_url(re.compile(r"/dashboard/organisatie/\d+/$"))

    page.locator("#id_start").fill("2026-01-01")
    page.locator("#id_end").fill("2026-12-31")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"start=2026-01-01"))

    funnel = page.locator('[data-table="funnel"]')
    assert funnel.locator("svg[role=img]").count() == 1
    assert funnel.locator("svg[role=img] title").count() == 1
    assert funnel.locator("table caption").count() == 1
    first_row = funnel.locator("tbody tr").first
    assert first_row.locator("td").first.inner_text() == "12"  # started with a worker
    assert funnel.locator("rect").count() >= 2  # bars for the shown percentages
    # Funnel, inbreng, headcount, stories: each a chart, or "not enough data yet" where this
    # test has no figures for it (it only makes trajectories).
    charts = page.locator("svg[role=img]").count()
    assert charts + page.locator("main [data-empty-state]").count() >= 4
    check_accessibility(page, "dashboard")
    screenshot(page, "dashboard")

    with page.expect_download() as info:
        page.locator('[data-export="csv"]').click()
    download = info.value
    assert download.suggested_filename.endswith("2026-01-01-2026-12-31.csv")
    text = Path(download.path()).read_bytes().decode("utf-8")
    assert text.startswith("subject,period_start,period_end,table,row,column,value")
    assert ",12\r\n" in text

    # A wrong date: told so, the typed value kept, no figures.
    page.goto(f"/dashboard/organisatie/{people.org_a.pk}/?start=2026-02-31&end=2026-12-31")
    assert page.locator(".error-summary").count() == 1
    assert page.locator("[data-table]").count() == 0
    check_accessibility(page, "dashboard with a wrong date")
