"""Issue #4: an ervaringswerker proposes another word; a reviewer accepts it."""

import re

import pytest

from conftest import PASSWORD
from tests.factories import AltLabelFactory, ConceptFactory
from wijkennis.vocabulary.models import AltLabel

from .conftest import check_accessibility, log_in, log_out, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_propose_a_word_and_accept_it(page, people):
    concept = ConceptFactory(
        slug="beslag",
        pref_label="Beslaglegging",
        scheme="sleutelsituatie",
        definition="Een deel van je geld wordt ingehouden om een schuld te betalen.",
    )
    AltLabelFactory(concept=concept, label="beslag op je loon", kind="lekentaal")
    log_in(page, people.anouk.email, PASSWORD)
    page.get_by_role("link", name="Gemeenschappelijke taal").first.click()
    check_accessibility(page, "vocabulary A to Z")
    page.get_by_label("Zoek een woord").fill("beslag")
    page.get_by_role("button", name="Opzoeken").click()
    page.get_by_role("link", name="Beslaglegging").click()
    page.wait_for_url(re.compile(r"/taal/begrip/beslag/$"))
    check_accessibility(page, "concept page")
    page.get_by_role("link", name="Stel een ander woord voor").click()

    word = page.get_by_label("Het andere woord")
    word.press_sequentially("Beslag op je loon")  # exists: htmx says so while typing
    hint = page.locator("#label-check")
    hint.get_by_role("link", name=re.compile("Beslaglegging")).wait_for()
    word.fill("")
    word.press_sequentially("ze houden geld in op mijn loon")
    page.wait_for_function("!document.querySelector('#label-check a')")
    page.get_by_label("Wat voor woord is het?").select_option("lekentaal")
    page.get_by_label("Waarom?").fill("Zo zeggen bewoners het aan de keukentafel.")
    check_accessibility(page, "proposal form")
    page.get_by_role("button", name="Voorstel versturen").click()
    page.wait_for_url(re.compile(r"/taal/voorstellen/\d+/$"))
    assert "Dank je" in page.locator("main").inner_text()
    check_accessibility(page, "proposal page")
    screenshot(page, "vocabulary-proposal")
    proposal_url = page.url
    log_out(page)

    log_in(page, people.admin.email, PASSWORD)
    page.goto(proposal_url)
    page.get_by_label("Aannemen", exact=True).check()
    page.get_by_role("button", name="Besluit opslaan").click()
    page.wait_for_url(re.compile(r"/taal/begrip/beslag/$"))
    assert "ze houden geld in op mijn loon" in page.locator("main").inner_text()
    assert AltLabel.objects.filter(concept=concept, label="ze houden geld in op mijn loon")
