"""Verwijzen: a colleague refers a client, the coordinator offers the referral to Anouk, she
accepts, the client chooses her, she records the first contact, and the colleague sees that
contact was made.

Fields are found by name, buttons by their form, so the test holds while the Dutch catalogue
for referrals is being filled in.
"""

import re

import pytest
from django.utils import translation

from conftest import PASSWORD
from wijkennis.referrals.models import Referral, Status
from wijkennis.referrals.tests.helpers import concept, profile_for

from .conftest import check_accessibility, log_in, log_out, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit(page, action: str) -> None:
    page.locator(f'main form[action$="{action}"] button[type="submit"]').first.click()


def test_referral_from_colleague_to_first_contact(page, people):
    debts = concept("Schulden")
    profile_for(people.anouk, domains=[debts], languages="Tarifit", wijken="Overvecht")

    log_in(page, people.colleague.email, PASSWORD)
    page.goto("/verwijzen/nieuw/")
    form = page.locator("main form")
    form.locator('input[name="code"]').fill("VW-2026-01")
    form.locator('textarea[name="question"]').fill("Hij opent zijn post niet meer.")
    form.locator(f'input[name="domains"][value="{debts.pk}"]').check()
    form.locator('input[name="urgency"][value="snel"]').check()
    form.locator('input[name="language"]').fill("Tarifit")
    form.locator('input[name="wijk"]').fill("Overvecht")
    form.locator('input[name="client_agreed"]').check()
    check_accessibility(page, "referral form")
    form.locator('button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/verwijzen/\d+/$"))
    detail_url = page.url
    check_accessibility(page, "referral, filer's view")
    log_out(page)

    log_in(page, people.coordinator.email, PASSWORD)
    page.goto(detail_url)
    check_accessibility(page, "referral, suggestions")
    page.locator(f'input[name="workers"][value="{people.anouk.pk}"]').check()
    submit(page, "/aanbieden/")
    page.wait_for_url(detail_url)
    log_out(page)

    log_in(page, people.anouk.email, PASSWORD)
    page.goto(detail_url)
    check_accessibility(page, "referral, offered to the worker")
    page.locator('main form[action$="/antwoord/"] button[value="yes"]').click()
    page.wait_for_url(detail_url)
    log_out(page)

    log_in(page, people.coordinator.email, PASSWORD)
    page.goto(detail_url)
    page.locator(f'input[name="worker"][value="{people.anouk.pk}"]').check()
    submit(page, "/keuze-client/")
    page.wait_for_url(detail_url)
    log_out(page)

    log_in(page, people.anouk.email, PASSWORD)
    page.goto("/verwijzen/mijn-clienten/")
    check_accessibility(page, "my clients")
    assert "VW-2026-01" in page.locator("main").inner_text()
    page.goto(detail_url)
    page.locator('input[name="date"]').fill("2026-11-20")
    submit(page, "/eerste-contact/")
    page.wait_for_url(detail_url)
    referral = Referral.objects.get()
    assert referral.status == Status.CONTACT
    log_out(page)

    log_in(page, people.colleague.email, PASSWORD)
    page.goto("/verwijzen/")
    check_accessibility(page, "referrals, contact made")
    with translation.override("nl"):
        label = str(Status.CONTACT.label)
    text = page.locator("main").inner_text()
    assert label in text
    assert "Tarifit" not in text and "post niet meer" not in text
    screenshot(page, "referral-contact-made")
