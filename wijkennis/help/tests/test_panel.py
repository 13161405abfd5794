"""The "Hoe werkt dit?" panel: a text for every page of the URL conf, shown near the top of
<main> as a <details> that works without JavaScript, in the reader's language."""

import re

from django.urls import reverse
from django.utils import translation

from tests.factories import StoryFactory
from tests.test_permission_matrix import RULES, all_url_names
from wijkennis.help import content

# What is not a page, so has no panel. Everything else in the URL conf needs its own text.
NOT_A_PAGE_NAMESPACES = {
    "admin",  # Django's admin: its own templates, for the beheerder
    "api",  # JSON for programs, not people
}
NOT_A_PAGE_NAMES = {
    "set_language",  # Django's i18n view: switches the language, then redirects
    "vocabulary:label_check",  # an htmx fragment inside the proposal form
    "inbreng:notification",  # marks a message read, then redirects to the inbreng
    "sso:callback",  # the organisation's login service sends people back here; it redirects
    "core:health",  # "ok" in plain text for a load balancer
}
# A download: the route ends in a file name ("snelstart.pdf", "export.<extension>") or "pdf/".
DOWNLOAD = re.compile(r"(\.\w+|\.<[^>]+>|pdf/)$")


def is_page(name: str, pattern) -> bool:
    namespace = name.partition(":")[0] if ":" in name else ""
    if namespace in NOT_A_PAGE_NAMESPACES or name in NOT_A_PAGE_NAMES:
        return False
    if DOWNLOAD.search(str(pattern.pattern)):
        return False
    # An action: the permission matrix calls it with POST (it redirects or shows a message).
    rule = RULES.get(name)
    return not (rule and rule[0] == "post")


def page_names() -> list[str]:
    return sorted({name for name, pattern in all_url_names() if is_page(name, pattern)})


def test_every_page_in_the_url_conf_has_its_own_panel_text():
    for language in content.LANGUAGES:
        texts = content.panel_texts(language)
        missing = [name for name in page_names() if name not in texts]
        assert not missing, f"write a panel text in content/{language}/panels.toml for {missing}"


def test_every_app_with_pages_has_a_fallback_text():
    namespaces = {name.partition(":")[0] for name in page_names()}
    for language in content.LANGUAGES:
        assert namespaces <= set(content.panel_texts(language)), namespaces - set(
            content.panel_texts(language)
        )


def test_there_are_no_texts_for_pages_that_do_not_exist():
    pages = set(page_names())
    namespaces = {name.partition(":")[0] for name in pages}
    stale = [key for key in content.panel_texts("nl") if key not in pages | namespaces]
    assert not stale, stale


def test_the_exceptions_are_few_and_real():
    names = {name for name, _pattern in all_url_names()}
    assert NOT_A_PAGE_NAMES <= names  # no leftovers from pages that are gone
    # The test has something to check: most routes are pages.
    assert len(page_names()) > 80
    assert "stories:create" in page_names() and "help:guide" in page_names()
    assert "help:quick_guide_pdf" not in page_names()  # a download
    assert "knowledge:recognise" not in page_names()  # an action (POST)


def panel(page: str) -> str:
    found = re.search(r'<details class="help-panel".*?</details>', page, re.S)
    assert found, "no help panel on the page"
    return found.group()


def test_the_panel_explains_the_page_and_links_its_guide(client, people):
    client.force_login(people.anouk)
    page = client.get(reverse("stories:create")).content.decode()
    html = panel(page)
    assert 'data-help-key="stories:create"' in html
    assert "<summary" in html and " open" not in html.split(">")[0]  # closed until clicked
    assert content.panel_texts("nl")["stories:create"]["text"] in html
    assert f'href="{reverse("help:guide", args=["verhaal-schrijven"])}"' in html
    # Near the top of <main>: before the page's own heading.
    main = page[page.index('<main id="main"') :]
    assert main.index('class="help-panel"') < main.index("<h1")


def test_a_page_without_a_guide_has_the_text_only(client, people):
    client.force_login(people.anouk)
    html = panel(client.get(reverse("taalbrug:mine")).content.decode())
    assert content.panel_texts("nl")["taalbrug:mine"]["text"] in html
    assert "/hulp/" not in html


def test_the_panel_follows_the_language(client, people):
    story = StoryFactory(author=people.anouk, organisation=people.org_a, published=True)
    client.force_login(people.anouk)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = panel(client.get(reverse("stories:detail", args=[story.pk])).content.decode())
    assert content.panel_texts("en")["stories:detail"]["text"] in html
    assert "Recognising wij-kennis" in html  # the guide's English title, from the data
    with translation.override("en"):
        assert "How does this work?" in html


def test_pages_for_everyone_show_the_panel_before_logging_in(client, db):
    for name in ("core:home", "search:search", "accounts:login", "help:index"):
        html = panel(client.get(reverse(name)).content.decode())
        assert f'data-help-key="{name}"' in html


def test_a_page_that_is_not_found_has_no_panel(client, db):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "help-panel" not in response.content.decode()


def test_the_footer_links_to_the_help_section(client, db):
    page = client.get(reverse("core:home")).content.decode()
    footer = page[page.index('<footer class="site-footer"') :]
    assert f'href="{reverse("help:index")}"' in footer
