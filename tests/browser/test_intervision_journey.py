"""Intervision: the facilitator plans a session, brings in a case with a client's name (replaced
before the group sees it), leads the group through every step of the incident method with a
note, writes down a lesson and proposes it as wij-kennis. Selectors use structure (ids, data
attributes) and the method's own step titles, not interface wording."""

import re

import pytest

from conftest import PASSWORD
from tests.factories import ConceptFactory
from wijkennis.intervision.methods import get_method
from wijkennis.intervision.models import Case, Lesson
from wijkennis.intervision.tests.helpers import group_of
from wijkennis.knowledge.models import KnowledgeItem

from .conftest import check_accessibility, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

CASE = (
    "Mijn cliënt Fatima el Amrani belde me om elf uur 's avonds. Ik wist niet of ik moest "
    "opnemen, want ik herkende haar paniek van vroeger."
)


def test_facilitator_runs_a_session_from_case_to_wij_kennis(page, people):
    debts = ConceptFactory(slug="schulden", pref_label="Schulden")
    group = group_of(people, people.bram, themes=[debts])
    method = get_method("incidentmethode")

    log_in(page, people.anouk.email, PASSWORD)
    page.goto("/intervisie/")
    check_accessibility(page, "intervision groups")
    page.locator(f'main a[href="{group.get_absolute_url()}"]').click()
    page.wait_for_url(re.compile(r"/intervisie/\d+/$"))
    check_accessibility(page, "intervision group")

    # Plan a session.
    page.locator('[data-action="plan-session"]').click()
    page.locator("#id_starts_at").fill("2030-03-05T14:00")
    page.locator("#id_method").select_option("incidentmethode")
    page.locator("#id_place").fill("Buurthuis De Linde")
    check_accessibility(page, "plan a session")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/intervisie/bijeenkomst/\d+/"))
    session_url = page.url.split("#")[0]
    check_accessibility(page, "session")

    # Bring in a case: the name is replaced; the author sees what before sharing.
    page.locator('[data-action="bring-case"]').click()
    page.locator("#id_text").fill(CASE)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/intervisie/casus/\d+/$"))
    assert page.locator('.span-item[data-kind="name"]').count() >= 1
    assert "Fatima" in page.locator(".span-list").inner_text()
    assert "Fatima" not in page.locator('[data-testid="deidentified"]').inner_text()
    check_accessibility(page, "case review")
    screenshot(page, "intervision-case-review")
    page.locator('[data-action="share-case"]').click()
    page.wait_for_url(re.compile(r"/intervisie/bijeenkomst/\d+/"))
    case = Case.objects.get()
    shared = page.locator(f'[data-case="{case.pk}"]').inner_text()
    assert "[naam 1]" in shared and "Fatima" not in shared

    # Through every step, with a note on the second.
    guide = page.locator("#stap")
    for number, step in enumerate(method.steps, start=1):
        assert guide.get_attribute("data-current-step") == str(number)
        assert page.locator("#step-title").inner_text() == step.title
        assert step.explanation in guide.inner_text()
        if number == 2:
            page.locator("#id_note-text").fill("Ze belde buiten werktijd; wat doe ik dan?")
            page.locator('[data-action="save-note"]').click()
            page.wait_for_url(re.compile(r"/intervisie/bijeenkomst/\d+/"))
            assert "buiten werktijd" in guide.inner_text()
            check_accessibility(page, "session with a note")
        if number == 3:
            # One step back and forth again.
            page.locator('[data-step="previous"]').click()
            page.wait_for_function("document.querySelector('#stap').dataset.currentStep === '2'")
            page.locator('[data-step="next"]').click()
            page.wait_for_function("document.querySelector('#stap').dataset.currentStep === '3'")
        action = "finish" if number == len(method.steps) else "next"
        page.locator(f'[data-step="{action}"]').click()
        expected = "done" if action == "finish" else str(number + 1)
        page.wait_for_function(
            f"document.querySelector('#stap').dataset.currentStep === '{expected}'"
        )
    screenshot(page, "intervision-session-finished")

    # A lesson, proposed as wij-kennis in one click.
    page.locator("#id_lesson-title").fill("Spreek af wanneer je bereikbaar bent")
    page.locator("#id_lesson-text").fill(
        "Zeg in het eerste gesprek op welke tijden je opneemt. Dat geeft rust aan beide kanten."
    )
    page.locator('[data-action="save-lesson"]').click()
    page.wait_for_url(re.compile(r"/intervisie/bijeenkomst/\d+/"))
    page.locator('[data-action="propose-lesson"]').click()
    page.wait_for_url(re.compile(r"/wij-kennis/|/kennis/"))
    item = KnowledgeItem.objects.get()
    assert Lesson.objects.get().knowledge_item == item
    assert item.current.title == "Spreek af wanneer je bereikbaar bent"

    page.goto(session_url)
    assert page.locator(f'[data-knowledge="{item.pk}"]').count() == 1

    # The group's page never shows the name from the case.
    page.goto(group.get_absolute_url())
    body = page.locator("main").inner_text()
    assert "Fatima" not in body and "Amrani" not in body
    assert page.locator(f'main a[href="{item.get_absolute_url()}"]').count() == 1
    check_accessibility(page, "group with a lesson")
