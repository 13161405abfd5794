"""Issue #2's journey: write a story with identifiers, review, publish at "netwerk"; a reader
from another organisation sees it without identifiers; an "organisatie" story stays hidden."""

import re

import pytest

from conftest import PASSWORD
from wijkennis.stories import services
from wijkennis.stories.models import Story, Visibility

from .conftest import check_accessibility, log_in, log_out, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IDENTIFIERS = {
    "name": "Fatima el Amrani",
    "address": "Kerkstraat 12",
    "postcode": "3511 AB",
    "phone": "06-12345678",
    "email": "fatima.elamrani@example.nl",
    "bsn": "123456782",
}
STORY = (
    f"Vorige week ging ik langs bij {IDENTIFIERS['name']}. Ze woont op {IDENTIFIERS['address']}, "
    f"{IDENTIFIERS['postcode']} Utrecht. Onder het bed stond een schoenendoos vol ongeopende "
    f"brieven van de deurwaarder. Ze gaf me haar nummer, {IDENTIFIERS['phone']}, en haar mail "
    f"{IDENTIFIERS['email']}. Op een brief van de Belastingdienst stond haar BSN, "
    f"{IDENTIFIERS['bsn']}. Samen hebben we alle schuldeisers op een rij gezet."
)


def test_write_review_publish_and_read_without_identifiers(page, people):
    # Anouk, ervaringswerker of organisation A, writes a story.
    log_in(page, people.anouk.email, PASSWORD)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.get_by_role("link", name="Schrijf een verhaal").first.click()
    page.get_by_label("Titel").fill("De schoenendoos onder het bed")
    page.get_by_label("Je verhaal", exact=True).fill(STORY)
    page.get_by_label("Wat hielp?").fill("Samen de post openen, zonder oordeel.")
    check_accessibility(page, "story form")
    page.get_by_role("button", name=re.compile("Opslaan")).click()

    # The review screen highlights every identifier with its replacement.
    page.wait_for_url(re.compile(r"/verhalen/\d+/controleren/"))
    marks = page.locator(".review-text .hidden-detail")
    originals = " ".join(marks.locator(".hidden-detail__original").all_inner_texts())
    for kind, identifier in IDENTIFIERS.items():
        assert identifier in originals, f"{kind} not highlighted: {identifier}"
    replacements = marks.locator(".hidden-detail__replacement").all_inner_texts()
    assert all(r.startswith("[") for r in replacements)
    check_accessibility(page, "review")
    screenshot(page, "review")

    # Undo one replacement and hide it again: htmx swaps the review part in place.
    assert page.evaluate("typeof htmx") == "object"
    page.evaluate("window.stillTheSamePage = true")  # a full page load would forget this
    phone = page.locator(".span-item", has_text=IDENTIFIERS["phone"])
    phone.get_by_role("button", name=re.compile("Toch niet verbergen")).click()
    undone = page.locator(".span-item--undone", has_text=IDENTIFIERS["phone"])
    undone.wait_for()
    undone.get_by_role("button", name=re.compile("^Verbergen")).click()
    page.locator(".span-item--accepted", has_text=IDENTIFIERS["phone"]).wait_for()
    assert page.locator(".span-item--undone").count() == 0
    assert page.evaluate("window.stillTheSamePage === true")

    # Publish at "netwerk" with consent.
    page.get_by_role("link", name=re.compile("kies wie het mag lezen", re.I)).click()
    page.get_by_label("Het Wijkennis-netwerk").check()
    page.get_by_role("checkbox", name=re.compile("akkoord", re.I)).check()
    check_accessibility(page, "publish")
    page.get_by_role("button", name=re.compile("Deel mijn verhaal", re.I)).click()
    page.wait_for_url(re.compile(r"/verhalen/\d+/$"))
    shared = Story.objects.get()
    assert shared.visibility == Visibility.NETWORK and shared.consents.count() == 1

    # A second story, shared with organisation A only.
    private_story = services.save_draft(
        people.anouk,
        organisation=people.org_a,
        title="Alleen voor mijn team",
        body="Een verhaal over terugval, alleen voor collega's.",
    )
    services.publish_story(
        people.anouk, private_story, visibility=Visibility.ORGANISATION, consent_given=True
    )
    log_out(page)

    # Bram, ervaringswerker of organisation B, reads the network story without identifiers.
    log_in(page, people.bram.email, PASSWORD)
    page.goto("/verhalen/")
    assert page.get_by_role("link", name="De schoenendoos onder het bed").is_visible()
    assert page.get_by_text("Alleen voor mijn team").count() == 0
    page.get_by_role("link", name="De schoenendoos onder het bed").click()
    text = page.locator("main").inner_text()
    assert "schoenendoos" in text
    for kind, identifier in IDENTIFIERS.items():
        assert identifier not in text, f"{kind} leaked: {identifier}"
    assert "Fatima" not in page.content()
    check_accessibility(page, "story detail")
    screenshot(page, "story-detail")
    response = page.goto(f"/verhalen/{private_story.pk}/")
    assert response.status == 404
    log_out(page)

    # The coordinator of A does see the organisation story.
    log_in(page, people.coordinator.email, PASSWORD)
    page.goto("/verhalen/")
    assert page.get_by_role("link", name="Alleen voor mijn team").is_visible()
