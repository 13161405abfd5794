"""Issue #6: a coordinator fills in the kwartiermaakscan and sees the chart and the advice."""

import re

import pytest

from conftest import PASSWORD
from wijkennis.readiness import scoring

from .conftest import check_accessibility, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_fill_in_the_scan_and_see_chart_and_advice(page, people):
    log_in(page, people.coordinator.email, PASSWORD)
    page.get_by_role("link", name="Kwartiermaken").first.click()
    page.get_by_role("link", name="Kwartiermaakscan").click()
    page.get_by_role("link", name="Begin een nieuwe ronde").click()
    page.get_by_label("Naam van deze ronde").fill("Scan november")
    page.get_by_role("button", name="Beginnen").click()
    page.wait_for_url(re.compile(r"/kwartiermaken/scan/\d+/invullen/$"))
    check_accessibility(page, "scan form")
    weak = {s["key"] for s in scoring.statements("draagvlak")}
    for statement in scoring.statements():
        value = "1" if statement["key"] in weak else "4"
        page.locator(f'input[name="{statement["key"]}"][value="{value}"]').check()
    page.get_by_role("button", name="Mijn antwoorden opslaan").click()
    page.wait_for_url(re.compile(r"/kwartiermaken/scan/\d+/$"))
    main = page.locator("main")
    assert main.locator("figure.pattern-chart").count() == 1  # the chart …
    table = main.get_by_role("table", name="Score per thema")  # … with its table beside it
    assert "0 (vraagt aandacht)" in table.inner_text()
    advice = main.locator("section.advice")
    assert advice.count() == 1 and "Draagvlak" in advice.inner_text()
    assert scoring.themes()[0]["advice"][0]["text"] in advice.inner_text()
    check_accessibility(page, "scan results")
    screenshot(page, "readiness-scan")
