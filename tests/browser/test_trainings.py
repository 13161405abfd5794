"""Trainings: filter the catalogue, compare two trainings side by side, choose them with the
keyboard only; a fourth choice is refused and the selection kept; no serious axe violations."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from conftest import PASSWORD
from wijkennis.trainings.models import Diploma, Training, TrainingRecord
from wijkennis.trainings.seed import load_trainings
from wijkennis.trainings.tests.factories import TrainingFactory

from .conftest import check_accessibility, log_in, log_out, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def nl(message: str) -> str:
    with translation.override("nl"):
        return gettext(message)


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never got the keyboard focus")


@pytest.fixture
def catalogue(db):
    Training.objects.all().delete()
    TrainingFactory(slug="mbo4-ervaring", name="Mbo 4 Ervaringsdeskundigheid", known=True)
    TrainingFactory(
        slug="online-herstel",
        name="Online cursus herstel",
        level="cursus",
        format="online",
        cost=250,
        diploma=Diploma.NO,
    )
    TrainingFactory(slug="onbekend", name="Opleiding zonder gegevens")


def test_filter_the_catalogue_and_compare_two(page, catalogue):
    page.goto("/opleidingen/")
    check_accessibility(page, "training catalogue")
    assert page.locator(".training-card").count() == 3

    page.select_option("#id_level", "cursus")
    page.locator(".filter-form button[type=submit]").click()
    page.wait_for_url("**/opleidingen/?*level=cursus*")
    cards = page.locator(".training-card")
    assert cards.count() == 1 and "Online cursus herstel" in cards.first.inner_text()

    # A maximum cost keeps the training with an unknown cost, with a note.
    page.goto("/opleidingen/")
    page.fill("#id_max_cost", "500")
    page.locator(".filter-form button[type=submit]").click()
    page.wait_for_url("**max_cost=500*")
    assert page.locator(".training-card").count() == 2
    unknown = page.locator("#opleiding-onbekend")
    assert unknown.locator(".hint--warning").is_visible()
    assert nl("unknown") in unknown.inner_text()

    page.check("#vergelijk-online-herstel")
    page.check("#vergelijk-onbekend")
    page.locator("form[action='/opleidingen/vergelijken/'] button[type=submit]").click()
    page.wait_for_url("**/opleidingen/vergelijken/?*")
    table = page.locator("table.compare-table")
    assert table.locator("thead th[scope=col]").all_inner_texts() == [
        "Online cursus herstel",
        "Opleiding zonder gegevens",
    ]
    assert table.locator("tbody th[scope=row]").count() >= 9
    check_accessibility(page, "training comparison")
    screenshot(page, "trainings-compare")


def test_choose_trainings_with_the_keyboard_only(page, catalogue):
    page.goto("/opleidingen/")
    tab_to(page, "#vergelijk-mbo4-ervaring")
    page.keyboard.press("Space")
    tab_to(page, "#vergelijk-online-herstel")
    page.keyboard.press("Space")
    tab_to(page, "form[action='/opleidingen/vergelijken/'] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/opleidingen/vergelijken/?*")
    headers = page.locator("table.compare-table thead th[scope=col]").all_inner_texts()
    assert headers == ["Mbo 4 Ervaringsdeskundigheid", "Online cursus herstel"]
    # On the comparison page, change the choice with the keyboard: add the third.
    tab_to(page, "#kies-onbekend")
    page.keyboard.press("Space")
    tab_to(page, "form.panel button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('thead th[scope=col]').length === 3")


def test_a_fourth_choice_is_refused_and_the_selection_kept(page, db):
    Training.objects.all().delete()
    load_trainings()
    slugs = list(Training.objects.values_list("slug", flat=True)[:4])
    page.goto("/opleidingen/")
    check_accessibility(page, "seeded training catalogue")
    screenshot(page, "trainings-catalogue")
    for slug in slugs:
        page.check(f"#vergelijk-{slug}")
    page.locator("form[action='/opleidingen/vergelijken/'] button[type=submit]").click()
    page.wait_for_url("**/opleidingen/vergelijken/?*")
    alert = page.get_by_role("alert")
    assert "4" in alert.inner_text()  # "you chose 4 trainings"
    assert page.locator("table").count() == 0
    for slug in slugs:
        assert page.locator(f"#kies-{slug}").is_checked()
    check_accessibility(page, "training comparison refused")


def test_a_worker_plans_a_training_and_the_coordinator_sees_it(page, people, catalogue):
    log_in(page, people.anouk.email, PASSWORD)
    page.goto("/opleidingen/mbo4-ervaring/")
    check_accessibility(page, "training detail")
    page.locator("a[href^='/opleidingen/mijn-dossier/nieuw/']").click()
    page.wait_for_url("**/mijn-dossier/nieuw/?opleiding=mbo4-ervaring")
    assert page.locator("#id_training option:checked").inner_text() == (
        "Mbo 4 Ervaringsdeskundigheid"
    )
    page.fill("#id_planned_start", "2027-09-01")
    check_accessibility(page, "record form")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/opleidingen/mijn-dossier/")
    assert "Mbo 4 Ervaringsdeskundigheid" in page.locator("#planned-title + ul").inner_text()
    check_accessibility(page, "development record")
    screenshot(page, "trainings-dossier")
    assert TrainingRecord.objects.get(worker=people.anouk).status == "gepland"
    log_out(page)

    log_in(page, people.coordinator.email, PASSWORD)
    page.goto("/opleidingen/team/")
    row = page.locator("tbody tr", has_text="Anouk")
    assert "Mbo 4 Ervaringsdeskundigheid" in row.inner_text()
    check_accessibility(page, "team overview")
    screenshot(page, "trainings-team")
