"""Issue #5: propose wij-kennis from a story, two peers recognise it, it is on the advice card."""

import re

import pytest

from conftest import PASSWORD
from tests.factories import ConceptFactory, StoryFactory
from wijkennis.stories.models import Visibility

from .conftest import check_accessibility, log_in, log_out, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_story_to_advice_card(page, people):
    situation = ConceptFactory(
        slug="ongeopende-post", pref_label="Ongeopende post", scheme="sleutelsituatie"
    )
    story = StoryFactory(
        author=people.bram,
        organisation=people.org_b,
        published=True,
        visibility=Visibility.NETWORK,
        title="De schoenendoos",
        body="Elke dinsdag openden we samen tien brieven.",
    )
    story.concepts.set([situation])
    log_in(page, people.anouk.email, PASSWORD)
    page.goto(f"{page.url.split('/', 3)[0]}//{page.url.split('/')[2]}/verhalen/{story.pk}/")
    page.get_by_role("link", name="Maak hier wij-kennis van").click()
    assert page.get_by_label("Titel").input_value() == "De schoenendoos"
    page.get_by_label("Titel").fill("Samen de post openen, één dag per week")
    page.get_by_label("Wat deden mensen in deze situatie?").fill(
        "Ze kozen een vaste dag en openden de brieven samen met iemand."
    )
    check_accessibility(page, "knowledge form")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/wij-kennis/\d+/$"))
    item_url = page.url
    assert "De schoenendoos" in page.locator("main").inner_text()  # the story is its evidence
    check_accessibility(page, "knowledge item")
    log_out(page)

    for peer in (people.bram, people.coordinator):
        log_in(page, peer.email, PASSWORD)
        page.goto(item_url)
        page.get_by_label("Dit herken ik", exact=True).check()
        page.get_by_role("button", name="Opslaan").click()
        page.wait_for_url(item_url)
        log_out(page)

    log_in(page, people.colleague.email, PASSWORD)
    page.goto(item_url)
    assert "2 herkennen het" in page.locator("main").inner_text()
    page.get_by_role("link", name="Ongeopende post").first.click()
    page.wait_for_url(re.compile(r"/wij-kennis/situatie/ongeopende-post/$"))
    card = page.locator("main")
    assert "Samen de post openen, één dag per week" in card.inner_text()
    assert "2 collega's herkennen het" in card.inner_text()
    check_accessibility(page, "advice card")
    screenshot(page, "advice-card")
