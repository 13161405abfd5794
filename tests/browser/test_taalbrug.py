"""The Taalbrug: paste a municipal letter, see the policy words bridged, the long sentences
flagged and the verdict; with the keyboard only; no serious accessibility violations."""

import re

import pytest

from conftest import PASSWORD
from wijkennis.taalbrug.models import SavedText
from wijkennis.taalbrug.tests.texts import LETTER, make_vocabulary

from .conftest import check_accessibility, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never got the keyboard focus")


def test_paste_a_letter_with_the_keyboard_and_see_the_bridge(page, people):
    make_vocabulary()
    page.goto("/")
    page.locator(".nav a[href='/taalbrug/']").click()
    page.wait_for_url("**/taalbrug/")
    check_accessibility(page, "taalbrug form")

    # Keyboard only: tab to the text box, paste, tab to the button, press Enter.
    tab_to(page, "#id_text")
    page.keyboard.insert_text(LETTER)
    tab_to(page, ".tb-form button[type=submit]")
    page.keyboard.press("Enter")
    page.locator(".tb-verdict").wait_for()

    assert page.locator(".tb-verdict").get_attribute("data-verdict") == "harder"
    text = page.locator(".tb-text")
    terms = text.locator("mark.tb-term").all_inner_texts()
    assert "beslaglegging" in terms and "beslagvrije voet" in terms
    seizure = text.locator("mark.tb-term", has_text="beslaglegging")
    everyday = seizure.locator("xpath=following-sibling::span[1]")
    assert "geld wordt ingehouden" in everyday.inner_text()
    assert everyday.is_visible()  # on the page, not only in a tooltip
    assert text.locator(".tb-sentence--long").count() == 4
    flag = text.locator(".tb-flag").first
    assert flag.is_visible() and re.search(r"\d+", flag.inner_text())
    assert text.locator(".tb-long-word").count() > 5
    assert page.locator("tr[data-figure=flesch_douma] td").first.inner_text()
    check_accessibility(page, "taalbrug result")
    screenshot(page, "taalbrug")
    assert not SavedText.objects.exists()


def test_save_a_checked_text_and_find_it_again(page, people):
    make_vocabulary()
    log_in(page, people.anouk.email, PASSWORD)
    page.goto("/taalbrug/")
    page.locator("#id_text").fill(LETTER)
    page.locator(".tb-form button[type=submit]").click()
    page.locator("#save-title").fill("Brief over bijstand")
    page.locator("form[action='/taalbrug/bewaren/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/taalbrug/mijn-teksten/\d+/$"))
    assert page.locator("h1").inner_text() == "Brief over bijstand"
    assert page.locator(".tb-text mark.tb-term").count() >= 5
    check_accessibility(page, "taalbrug saved text")
    page.goto("/taalbrug/mijn-teksten/")
    check_accessibility(page, "taalbrug saved texts")
    page.get_by_role("link", name="Brief over bijstand").click()
    page.wait_for_url(re.compile(r"/taalbrug/mijn-teksten/\d+/$"))
    assert SavedText.objects.get().owner == people.anouk
