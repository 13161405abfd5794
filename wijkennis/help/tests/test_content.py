"""The help texts as data: Dutch at B1 by the project's own readability checker, English
alongside with the same structure, and every picture a guide shows is there."""

import pytest

from wijkennis.help import content
from wijkennis.help.content import CONTENT, LANGUAGES
from wijkennis.taalbrug.readability import analyse, split_sentences

SCREENSHOTS = CONTENT.parent / "static" / "help" / "screenshots"
GUIDE_TITLES = {
    "verhaal-schrijven": "Een verhaal schrijven en delen",
    "zoeken": "Zoeken",
    "wij-kennis-herkennen": "Wij-kennis herkennen",
    "inbreng-geven": "Inbreng geven",
}


@pytest.mark.parametrize(("name", "text"), content.readable_texts("nl"), ids=lambda v: v[:40])
def test_every_dutch_text_is_b1_by_the_readability_checker(name, text):
    result = analyse(text)
    failed = {check.name: round(check.value, 2) for check in result.verdict.failed}
    long_words = [word.text for word in result.long_words]
    assert result.verdict.is_b1, f"{name}: {failed}, long words: {long_words}"


def test_the_checker_would_catch_a_text_that_is_not_b1():
    # The same check on officialese fails: the test above can fail.
    text = (
        "Overeenkomstig de toepasselijke beleidsregels wordt uw aanvraag tot "
        "schuldhulpverlening aangehouden totdat de noodzakelijke bewijsstukken inzake uw "
        "inkomenssituatie en betalingsverplichtingen zijn overgelegd."
    )
    assert not analyse(text).verdict.is_b1


@pytest.mark.parametrize("language", LANGUAGES)
def test_panel_texts_have_two_to_four_sentences(language):
    wrong = {
        key: len(split_sentences(entry["text"]))
        for key, entry in content.panel_texts(language).items()
        if not 2 <= len(split_sentences(entry["text"])) <= 4
    }
    assert not wrong, wrong


def test_english_has_the_same_panels_guides_and_pictures_as_dutch():
    nl, en = content.panel_texts("nl"), content.panel_texts("en")
    assert set(nl) == set(en)
    assert {k: v.get("guide") for k, v in nl.items()} == {k: v.get("guide") for k, v in en.items()}
    for dutch, english in zip(content.guides("nl"), content.guides("en"), strict=True):
        assert dutch.slug == english.slug and dutch.order == english.order
        assert [s.screenshot for s in dutch.steps] == [s.screenshot for s in english.steps]
    for page in ("index", "quick_guide"):
        assert content.pages("nl")[page].keys() == content.pages("en")[page].keys()
    nl_sections = content.pages("nl")["quick_guide"]["sections"]
    en_sections = content.pages("en")["quick_guide"]["sections"]
    assert [len(s["steps"]) for s in nl_sections] == [len(s["steps"]) for s in en_sections]


def test_the_four_task_guides_in_their_order():
    assert {g.slug: g.title for g in content.guides("nl")} == GUIDE_TITLES
    assert [g.slug for g in content.guides("nl")] == list(GUIDE_TITLES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_step_has_a_screenshot_with_a_meaningful_alt_text(language):
    for guide in content.guides(language):
        assert len(guide.steps) >= 3, guide.slug
        for number, step in enumerate(guide.steps, 1):
            assert step.screenshot, f"{guide.slug} step {number}"
            assert len(step.alt.split()) >= 4, f"{guide.slug} step {number}: {step.alt!r}"
            assert "screenshot" not in step.alt.lower()


def test_every_picture_a_guide_shows_is_in_the_static_folder():
    names = {s.screenshot for g in content.guides("nl") for s in g.steps if s.screenshot}
    names.add(content.pages("nl")["index"]["panel_screenshot"])
    missing = sorted(n for n in names if not (SCREENSHOTS / f"{n}.png").is_file())
    assert not missing, f"run tests/browser/test_first_day.py to make: {missing}"
    for name in names:
        png = (SCREENSHOTS / f"{name}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n", name
        assert len(png) < 400_000, f"{name}.png is {len(png)} bytes"


def test_panel_links_point_to_existing_guides():
    for language in LANGUAGES:
        slugs = {g.slug for g in content.guides(language)}
        linked = {e["guide"] for e in content.panel_texts(language).values() if "guide" in e}
        assert linked <= slugs, linked - slugs
        assert linked == slugs  # every guide is reachable from some page's panel


def test_the_language_is_the_active_one_with_dutch_as_fallback(settings):
    assert content.language_code("en") == "en"
    assert content.language_code("en-gb") == "en"
    assert content.language_code("nl") == "nl"
    assert content.language_code("de") == "nl"
    assert (
        content.panel_for("search:search", "fr").text
        == content.panel_for("search:search", "nl").text
    )


def test_a_page_without_its_own_text_gets_its_apps_text():
    panel = content.panel_for("stories:a-page-added-later", "nl")
    assert panel.key == "stories"
    assert panel.text == content.panel_texts("nl")["stories"]["text"]
    assert panel.guide.slug == "verhaal-schrijven"
    assert content.panel_for("no-such-app:page", "nl") is None
    assert content.panel_for(None, "nl") is None
    own = content.panel_for("stories:create", "en")
    assert own.key == "stories:create" and own.guide.title == "Writing and sharing a story"
