"""Issue #3: search with a lay term and open a result found through the vocabulary."""

import re

import pytest

from conftest import PASSWORD
from wijkennis.search.indexing import update_story
from wijkennis.stories.models import Visibility
from wijkennis.vocabulary.services import load_seed_vocabulary

from ..factories import StoryFactory
from .conftest import check_accessibility, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_lay_words_find_a_story_through_the_vocabulary(page, people):
    load_seed_vocabulary()
    story = StoryFactory(
        author=people.anouk,
        organisation=people.org_a,
        published=True,
        visibility=Visibility.NETWORK,
        title="Alles ging in de la",
        body="Hij had last van postangst. Samen openden we elke week tien enveloppen.",
    )
    update_story(story)
    log_in(page, people.bram.email, PASSWORD)
    page.get_by_role("link", name="Zoeken").first.click()
    page.get_by_label("Waar zoek je naar?").fill("ik durf de post niet open te maken")
    page.get_by_role("button", name="Zoeken").click()
    result = page.locator(".results li").first
    assert "gevonden via" in result.inner_text()
    assert "postangst" in result.inner_text()
    assert result.locator("mark").first.inner_text().lower() == "postangst"
    check_accessibility(page, "search results")
    screenshot(page, "search")
    result.get_by_role("link", name="Alles ging in de la").click()
    page.wait_for_url(re.compile(rf"/verhalen/{story.pk}/$"))
    assert "postangst" in page.locator("main").inner_text()
