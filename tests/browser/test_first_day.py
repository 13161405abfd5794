"""A new ervaringswerker's first day: accept the invitation, open "Hoe werkt dit?", write and
share a first story. The second test walks the other three task guides (search with a lay
term, recognise wij-kennis, give inbreng).

The pictures these tests take are the screenshots the help guides show: they are written to
wijkennis/help/static/help/screenshots/ (viewport 1000×700). Each step's picture is taken at
the moment the guide's step describes, so a changed page shows up in the guide after a run.
"""

import re
import time

import pytest
from django.urls import reverse

from conftest import PASSWORD
from tests.factories import StoryFactory
from wijkennis.help import content
from wijkennis.inbreng import services as inbreng_services
from wijkennis.inbreng.models import Contribution
from wijkennis.invitations.services import invite
from wijkennis.knowledge import services as knowledge_services
from wijkennis.knowledge.models import Recognition
from wijkennis.organisations.models import Role
from wijkennis.search.indexing import update_story
from wijkennis.stories.models import Story, Visibility
from wijkennis.vocabulary.models import Concept
from wijkennis.vocabulary.services import load_seed_vocabulary

from .conftest import ROOT, check_accessibility, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HELP_SCREENSHOTS = ROOT / "wijkennis" / "help" / "static" / "help" / "screenshots"
VIEWPORT = {"width": 1000, "height": 700}
NEW_PASSWORD = "mijn-eerste-dag-wachtwoord-7"
STORY = (
    "Vorige maand ging ik langs bij Fatima el Amrani. Onder haar bed stond een doos vol "
    "brieven. Ze durfde ze niet open te maken. We spraken af om elke dinsdag samen tien "
    "brieven te openen. Na vier weken wist ze wat ze moest betalen."
)


@pytest.fixture
def small_page(browser, live_server):
    """A page the size of a small laptop screen, so the pictures stay small and readable."""
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def guide_shot(page, name: str, top=None) -> None:
    """Save what the screen shows as the guide picture `name`; `top` is scrolled to the top."""
    if top is None:
        page.evaluate("window.scrollTo(0, 0)")
    else:
        top.first.evaluate(
            "el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16)"
        )
    page.mouse.move(0, 0)
    HELP_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(HELP_SCREENSHOTS / f"{name}.png"), animations="disabled", caret="hide")


def accept_invitation(page, token: str) -> None:
    """The link in the invitation e-mail: name and a password; then she is logged in."""
    page.goto(reverse("invitations:accept", args=[token]))
    form = page.locator('main form:has(input[name="password_again"])')
    assert form.locator('input[name="first_name"]').input_value() == "Nadia"
    form.locator('input[name="last_name"]').fill("Bakker")
    form.locator('input[name="password"]').fill(NEW_PASSWORD)
    form.locator('input[name="password_again"]').fill(NEW_PASSWORD)
    with page.expect_navigation() as navigation:
        form.locator('button[type="submit"]').click()
    answer = navigation.value
    # A 403 here is the CSRF check: it needs the browser to send the page's origin.
    assert answer.status == 200, f"accepting the invitation answered {answer.status}"
    page.wait_for_url(re.compile(r"://[^/]+/$"))


def test_first_day_accept_open_help_write_and_share_a_story(small_page, people):
    page = small_page
    # The coordinator of organisation A invites Nadia as an ervaringswerker.
    _invitation, token = invite(
        people.coordinator,
        email="nadia@a.test",
        organisation=people.org_a,
        role=Role.ERVARINGSWERKER,
        first_name="Nadia",
    )
    accept_invitation(page, token)
    assert page.get_by_role("button", name="Uitloggen").is_visible()  # she is logged in

    # The start page, with "Hoe werkt dit?" closed: one click target above the heading.
    guide_shot(page, "verhaal-1-start")
    panel = page.locator("#help-panel")
    summary = panel.locator("summary")
    assert panel.get_attribute("open") is None
    body_text = content.panel_texts("nl")["core:home"]["text"]
    assert not page.get_by_text(body_text).is_visible()
    # By keyboard: with the focus on the summary (focus ring visible), Enter opens it.
    summary.focus()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    assert panel.get_attribute("open") is not None
    assert page.get_by_text(body_text).is_visible()
    box = summary.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44  # a big target
    check_accessibility(page, "home with the help panel open")
    guide_shot(page, "hulp-paneel")

    # The panel's link leads to the task guide; the footer's to the help index.
    panel.get_by_role("link", name="Een verhaal schrijven en delen").click()
    page.wait_for_url(re.compile(r"/hulp/verhaal-schrijven/$"))
    assert page.locator("ol.guide-steps > li").count() == 5
    check_accessibility(page, "guide page")
    page.locator("footer").get_by_role("link").last.click()
    page.wait_for_url(re.compile(r"/hulp/$"))
    assert page.locator(".guide-list li").count() == 4
    check_accessibility(page, "help index")

    # Step 1 and 2: from the start page to the story form.
    page.goto("/")
    page.get_by_role("link", name="Schrijf een verhaal").first.click()
    page.wait_for_url(re.compile(r"/verhalen/nieuw/$"))
    page.get_by_label("Titel").fill("Samen de post openen")
    page.get_by_label("Je verhaal", exact=True).fill(STORY)
    page.get_by_label("Wat hielp?").fill("Een vaste dag, en er niet alleen voor staan.")
    guide_shot(page, "verhaal-2-schrijven", page.locator("h1"))
    page.get_by_role("button", name="Opslaan en nakijken").click()

    # Step 3: what we hide, in yellow.
    page.wait_for_url(re.compile(r"/verhalen/\d+/controleren/"))
    originals = page.locator(".review-text .hidden-detail__original").all_inner_texts()
    assert any("Fatima" in text for text in originals)
    guide_shot(page, "verhaal-3-nakijken", page.locator("h1"))

    # Step 4: who may read it.
    page.get_by_role("link", name=re.compile("kies wie het mag lezen", re.I)).click()
    page.get_by_label("Mijn organisatie").check()
    page.get_by_role("checkbox", name=re.compile("akkoord", re.I)).check()
    guide_shot(page, "verhaal-4-delen", page.locator("h1"))

    # Step 5: shared.
    page.get_by_role("button", name="Deel mijn verhaal").click()
    page.wait_for_url(re.compile(r"/verhalen/\d+/$"))
    assert "Fatima" not in page.locator("main").inner_text()
    guide_shot(page, "verhaal-5-gedeeld")
    story = Story.objects.get(author__email="nadia@a.test")
    assert story.visibility == Visibility.ORGANISATION
    assert story.organisation == people.org_a and story.consents.count() == 1


def test_screenshots_for_search_wij_kennis_and_inbreng(small_page, people):
    page = small_page
    started = time.time()
    load_seed_vocabulary()
    post = Concept.objects.get(slug="schoenendoos-ongeopende-post")
    debts = Concept.objects.get(slug="schulden")
    shame = Concept.objects.get(slug="schaamte")
    stories = [
        (
            "Alles ging in de la",
            "Hij had last van postangst. Samen openden we elke week tien "
            "enveloppen. Na een maand was de la leeg.",
            [post, debts],
        ),
        (
            "De doos onder het bed",
            "Ze stopte elke brief weg, ongeopend. Ze schaamde zich. "
            "We begonnen met één brief per dag.",
            [post, shame],
        ),
        (
            "Bellen met de deurwaarder",
            "Ik belde samen met hem de deurwaarder. Hij durfde het "
            "niet alleen. Er kwam een betalingsregeling.",
            [debts],
        ),
    ]
    for title, body, concepts in stories:
        story = StoryFactory(
            author=people.bram,
            organisation=people.org_b,
            published=True,
            visibility=Visibility.NETWORK,
            title=title,
            body=body,
        )
        story.concepts.set(concepts)
        update_story(story)
    evidence = Story.objects.get(current_version__title="De doos onder het bed")
    item = knowledge_services.propose_item(
        people.bram,
        situations=[post],
        stories=[evidence],
        title="Samen de post openen, één dag per week",
        insight="Ze kozen een vaste dag. Ze openden de brieven samen met iemand die ze kenden.",
        what_helped="Niet alleen zijn. Eén brief tegelijk.",
    )
    knowledge_services.recognise(people.coordinator_b, item, True, "Zo doen wij het ook.")

    log_in(page, people.anouk.email, PASSWORD)

    # Zoeken: in her own words.
    page.locator("header").get_by_role("link", name="Zoeken").click()
    page.get_by_label(re.compile("Waar zoek je naar")).fill("ik durf de post niet open te maken")
    guide_shot(page, "zoeken-1-vraag")
    page.locator("main").get_by_role("button", name="Zoeken").click()
    results = page.locator(".results li")
    results.first.wait_for()
    assert "gevonden via" in page.locator(".results").inner_text()
    guide_shot(page, "zoeken-2-lijst", page.locator(".result-count"))
    facets = page.locator(".search-layout__facets")
    facets.get_by_role("link", name=re.compile("Schaamte")).click()
    page.locator(".facet--selected").wait_for()
    assert page.locator(".results li").count() == 1
    guide_shot(page, "zoeken-3-onderwerp", page.locator("h1"))
    page.locator(".results").get_by_role("link", name="De doos onder het bed").click()
    page.wait_for_url(re.compile(r"/verhalen/\d+/$"))
    guide_shot(page, "zoeken-4-verhaal")

    # Wij-kennis: read it and say "Dit herken ik".
    page.locator("header").get_by_role("link", name="Wij-kennis").click()
    page.wait_for_url(re.compile(r"/wij-kennis/$"))
    guide_shot(page, "wij-kennis-1-lijst")
    page.get_by_role("link", name="Samen de post openen, één dag per week").click()
    page.wait_for_url(re.compile(rf"/wij-kennis/{item.pk}/$"))
    guide_shot(page, "wij-kennis-2-lezen", page.locator("h1"))
    page.get_by_label("Dit herken ik", exact=True).check()
    page.get_by_label("Opmerking").fill("Bij ons helpt een vaste dag ook.")
    recognise_form = page.locator('main form[action$="/herkennen/"]')
    guide_shot(page, "wij-kennis-3-herkennen", recognise_form)
    recognise_form.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(rf"/wij-kennis/{item.pk}/$"))
    assert Recognition.objects.filter(
        version__item=item, user=people.anouk, recognises=True
    ).exists()
    guide_shot(page, "wij-kennis-4-herkend", page.locator("#recognition-title"))

    # Inbreng: log it, the municipality answers, she sees the answer.
    page.locator("header").get_by_role("link", name=re.compile("^Inbreng")).click()
    page.wait_for_url(re.compile(r"/inbreng/$"))
    guide_shot(page, "inbreng-1-start")
    page.locator("main").get_by_role("link", name="Inbreng vastleggen").first.click()
    page.wait_for_url(re.compile(r"/inbreng/nieuw/$"))
    form = page.locator("main form")
    form.locator('select[name="recipient_organisation"]').select_option(str(people.municipality.pk))
    form.locator('input[name="recipient_name"]').fill("Raadscommissie Zorg")
    form.locator('input[name="level"][value="tertiair"]').check()
    guide_shot(page, "inbreng-2-aan-wie", page.locator("h1"))
    form.locator('input[name="title"]').fill("Brieven over de bijstand zijn te moeilijk")
    form.locator('textarea[name="text"]').fill(
        "Ik las drie brieven voor in het wijkoverleg. Niemand begreep wat er werd gevraagd."
    )
    guide_shot(page, "inbreng-3-wat", form.locator('input[name="title"]').locator("xpath=.."))
    form.get_by_role("button", name="Inbreng opslaan").click()
    page.wait_for_url(re.compile(r"/inbreng/\d+/$"))
    contribution = Contribution.objects.get(contributor=people.anouk)
    inbreng_services.add_update(
        people.policy_officer,
        contribution,
        text="Een leespanel met ervaringsdeskundigen leest voortaan elke nieuwe brief mee.",
        status="verwerkt",
        change="doorgevoerd",
    )
    page.reload()
    timeline = page.locator("main ol.timeline")
    assert "leespanel" in timeline.inner_text()
    assert page.locator('input[name="satisfaction"]').count() > 0
    guide_shot(page, "inbreng-4-antwoord", timeline)

    # Every picture these three guides show is new from this run.
    covered = {"zoeken", "wij-kennis-herkennen", "inbreng-geven"}
    wanted = {s.screenshot for g in content.guides("nl") if g.slug in covered for s in g.steps}
    assert all((HELP_SCREENSHOTS / f"{name}.png").stat().st_mtime >= started for name in wanted)
