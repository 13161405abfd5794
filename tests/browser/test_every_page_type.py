"""Accessibility of every page type: axe-core over each HTML page the URL conf has, plus keyboard.

The list of pages is generated: every named route (walked like tests/test_permission_matrix.py)
that answers GET with an HTML page. API routes, downloads (PDF, CSV, XLSX, ICS, JSON), POST-only
actions and redirects are left out; of the Django admin only its index is checked. Each page is
opened by a person the permission matrix's RULES give a 200, in a small world where every URL
argument points at a real object (`KWARGS`). So a new view is covered as soon as it has a rule
in the matrix; a URL argument nobody maps fails the test with its name.

The test fails listing every page with serious or critical violations (WCAG 2.0/2.1 A and AA),
and every page that does not reflow at 320 CSS pixels wide (WCAG 1.4.10: no sideways scrolling
of the page; a wide table scrolls inside its own area, `{% scrolling_table %}`).
`test_pages_in_other_states` checks what a page turns into: a form after a failed submit, the
help panel open, empty lists, the English interface, the 404 page. `test_keyboard_*` tab through
the skip link, the main menu and the help panel and check the focus ring.
"""

import json
import re
import time

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.factories import ConceptFactory, StoryFactory, name_span
from tests.test_permission_matrix import ROUTES, rule_for
from wijkennis.deployment.services import save_plan
from wijkennis.deployment.tests.helpers import good_plan
from wijkennis.inbreng.tests.helpers import inbreng_for
from wijkennis.intervision.tests.helpers import matrix_world
from wijkennis.invitations.tests.helpers import invite
from wijkennis.jobs.tests.factories import JobDescriptionFactory
from wijkennis.knowledge import services as knowledge_services
from wijkennis.readiness.models import ScanRound
from wijkennis.referrals.tests.helpers import chosen_referral
from wijkennis.stories.models import Visibility
from wijkennis.taalbrug.models import SavedText
from wijkennis.trainings.tests.factories import TrainingFactory, TrainingRecordFactory
from wijkennis.trajectories.tests.helpers import trajectory_for, with_creditors
from wijkennis.vocabulary.models import Proposal

from .conftest import run_axe, serious

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Who opens a page: the first of these the matrix gives a 200 (few people: few browser contexts).
PREFERRED = ("anouk", "coordinator", "admin", "bram", "policy_officer", "researcher", "anonymous")
# Pages whose matrix object is a dummy (nobody gets a 200 there); in this world they are real.
VIEWERS = {
    "help:guide": "anouk",  # a real guide slug
    "taalbrug:detail": "anouk",  # her saved text
    "taalbrug:delete": "anouk",
    "invitations:accept": "anonymous",  # a real invitation token
}
# GET routes that never show a page of their own.
NOT_PAGES = {
    "sso:start": "sends the browser on to the organisation's identity provider",
    "sso:callback": "comes back from the identity provider and redirects",
    "inbreng:notification": "marks a notification read and redirects to the inbreng",
    # Open: the code form exists only halfway through a login with a TOTP device; not yet
    # opened here (see docs/operations/accessibility.md).
    "twofactor:verify": "only halfway through a two-factor login",
}
ADMIN_PAGES = {"admin:index"}  # Django's own admin: one page, as a sample
DOWNLOAD = re.compile(r"\.(pdf|csv|xlsx|json|ics|ttl|rdf|xml|zip)/?\$?$")
MIN_PAGES = 90  # about 110 page types today: far fewer means the walk lost pages
WIDE, NARROW = {"width": 1280, "height": 720}, {"width": 320, "height": 640}
# The outermost elements that stick out on the right, when the page scrolls sideways.
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const out = el => el.getBoundingClientRect().right > width + 1;
  const scrolls = el => getComputedStyle(el).overflowX !== 'visible';
  const inScroller = el => { for (let p = el.parentElement; p; p = p.parentElement)
    if (scrolls(p) && p !== document.body && p !== document.documentElement) return true;
    return false; };
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '');
  return [...document.body.querySelectorAll('*')]
    .filter(el => out(el) && !out(el.parentElement) && !inScroller(el)).slice(0, 5).map(name);
}"""


@pytest.fixture
def world(people, debt_type):
    """A small world with one object of every kind the URLs point at; returns the URL arguments
    by kwarg name ("name:kwarg" or "namespace:kwarg" first, then the bare kwarg)."""
    schulden = ConceptFactory(slug="schulden", pref_label="Schulden")
    story = StoryFactory(
        author=people.anouk,
        organisation=people.org_a,
        published=True,
        visibility=Visibility.ORGANISATION,
        title="De schoenendoos",
    )
    StoryFactory(author=people.bram, organisation=people.org_b, published=True)
    span = name_span(story.current_version)
    proposal = Proposal.objects.create(kind="uitleg", concept=schulden, definition="Anders.")
    item = knowledge_services.propose_item(
        people.anouk,
        situations=[schulden],
        title="Samen de post openen",
        insight="Een vaste dag per week.",
    )
    trajectory = with_creditors(people.anouk, trajectory_for(people.anouk, people.org_a))
    contribution = inbreng_for(people)
    referral = chosen_referral(people)
    intervision = matrix_world(people)
    _invitation, token = invite(people, email="nieuw@a.test")
    return {
        "pk": story.pk,
        "taalbrug:pk": SavedText.objects.create(
            owner=people.anouk, title="Brief", text="Een korte brief."
        ).pk,
        "span_pk": span.pk,
        "uidb64": urlsafe_base64_encode(force_bytes(people.anouk.pk)),
        "accounts:token": "bad-token",  # the "link no longer works" page; the form: states test
        "invitations:accept:token": token,
        "slug": "schulden",
        "help:guide:slug": "verhaal-schrijven",
        "scheme": "levensgebied",
        "proposal_pk": proposal.pk,
        "item_pk": item.pk,
        "round_pk": ScanRound.objects.create(organisation=people.org_a, title="Scan").pk,
        "job_pk": JobDescriptionFactory(organisation=people.org_a).pk,
        "plan_pk": save_plan(people.coordinator, people.org_a, **good_plan()).pk,
        "trajectory_pk": trajectory.pk,
        "creditor_pk": trajectory.creditors.first().pk,
        "contribution_pk": contribution.pk,
        "recipient_pk": people.municipality.pk,
        "organisation_pk": people.org_a.pk,
        "municipality_pk": people.municipality.pk,
        "training_slug": TrainingFactory().slug,
        "referral_pk": referral.pk,
        "record_pk": TrainingRecordFactory(worker=people.anouk).pk,
        **intervision,  # group_pk, member_pk, session_pk, case_pk, lesson_pk
    }


def url_arguments(name, groups, world):
    """The arguments of route `name`, or the names of the arguments the world cannot fill."""
    namespace = name.split(":")[0]
    kwargs, missing = {}, []
    for key in groups:
        for candidate in (f"{name}:{key}", f"{namespace}:{key}", key):
            if candidate in world:
                kwargs[key] = world[candidate]
                break
        else:
            missing.append(key)
    return kwargs, missing


def page_types(world):
    """(person, url name, url) for every page type; and the problems met while listing them."""
    pages, problems = [], []
    for name, groups in ROUTES:
        if name.startswith("api:") or (name.startswith("admin:") and name not in ADMIN_PAGES):
            continue
        rule = rule_for(name)
        if rule is None:
            problems.append(f"{name}: no rule in tests/test_permission_matrix.py (who sees it?)")
            continue
        method, expected = rule
        if method != "get" or name in NOT_PAGES:
            continue
        if {"extension", "format"} & set(groups):
            continue  # downloads and API formats
        person = VIEWERS.get(name) or next(
            (p for p in PREFERRED + tuple(expected) if expected.get(p) == 200), None
        )
        if person is None:
            problems.append(f"{name}: nobody gets a 200 in the matrix; add it to VIEWERS/NOT_PAGES")
            continue
        kwargs, missing = url_arguments(name, groups, world)
        if missing:
            problems.append(f"{name}: map the URL argument(s) {missing} in the world fixture")
            continue
        url = reverse(name, kwargs=kwargs)
        if not DOWNLOAD.search(url):
            pages.append((person, name, url))
    return pages, problems


def new_context(browser, live_server, user, **options):
    """A browser context logged in as `user` (a session cookie from the test client)."""
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", **options)
    if user.is_authenticated:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    context.set_default_timeout(15_000)
    return context


def test_every_page_type_has_no_serious_violations(browser, live_server, people, world):
    started = time.monotonic()
    pages, problems = page_types(world)
    found, too_wide, checked, skipped = {}, {}, [], []
    by_person = {}
    for person, name, url in pages:
        by_person.setdefault(person, []).append((name, url))
    for person, todo in by_person.items():
        context = new_context(browser, live_server, getattr(people, person))
        page = context.new_page()
        for name, url in todo:
            probe = context.request.get(url, max_redirects=0)
            kind = probe.headers.get("content-type", "")
            if probe.status in (301, 302):
                skipped.append(f"{name} (redirect)")
                continue
            if probe.status != 200:
                problems.append(f"{name} {url} as {person}: status {probe.status}")
                continue
            if not kind.startswith("text/html"):
                skipped.append(f"{name} ({kind})")
                continue
            if "<html" not in probe.text()[:2000].lower():
                skipped.append(f"{name} (a fragment for htmx)")
                continue
            response = page.goto(url)
            assert response.status == 200, f"{url} as {person}: {response.status}"
            result = run_axe(page)
            assert result["passes"], f"axe checked nothing on {url}"
            checked.append(name)
            if bad := serious(result["violations"]):
                found[f"{name} {url} ({person})"] = bad
            page.set_viewport_size(NARROW)
            if wide := page.evaluate(STICKING_OUT):
                too_wide[f"{name} {url} ({person})"] = wide
            page.set_viewport_size(WIDE)
        context.close()
    print(f"axe checked {len(checked)} page types in {time.monotonic() - started:.0f} s; ")
    print(f"left out: {', '.join(skipped) or 'none'}")
    assert not (problems or found or too_wide), "\n".join(problems) + (
        f"\n{len(found)} pages with serious violations:\n"
        + json.dumps(found, indent=1)
        + f"\n{len(too_wide)} pages wider than 320 px:\n"
        + json.dumps(too_wide, indent=1)
    )
    assert len(checked) >= MIN_PAGES, f"only {len(checked)} pages checked: {checked}"


# Forms sent empty (the browser's own checks switched off, so the server answers with errors).
FAILED_FORMS = (
    ("anouk", "stories:create"),
    ("anouk", "knowledge:create"),
    ("anouk", "knowledge:report"),
    ("anouk", "inbreng:create"),
    ("anouk", "trajectories:create"),
    ("anouk", "intervision:create"),
    ("anouk", "trainings:record_create"),
    ("anouk", "vocabulary:propose"),
    ("anouk", "referrals:create"),
    ("coordinator", "invitations:create"),
    ("coordinator", "readiness:start"),
    ("coordinator", "deployment:create"),
    ("coordinator", "jobs:create"),
)
# Lists a person with nothing yet sees empty (colleague_b: a professional of B, no records).
EMPTY_LISTS = (
    "stories:mine",
    "taalbrug:mine",
    "knowledge:my_reports",
    "inbreng:list",
    "referrals:list",
)
HELP_PANEL_PAGES = ("core:home", "stories:create", "knowledge:list", "search:search")
ENGLISH_PAGES = ("core:home", "stories:create", "knowledge:list", "search:search", "help:index")

SUBMIT_BIGGEST_FORM = """() => {
  const forms = [...document.querySelectorAll('main form[method=post], main form[method=POST]')];
  const size = f => f.querySelectorAll('input:not([type=hidden]), textarea, select').length;
  const form = forms.sort((a, b) => size(b) - size(a))[0];
  form.noValidate = true;
  form.querySelectorAll('input[type=text], input[type=email], textarea').forEach(f => f.value = '');
  form.requestSubmit();
}"""


def test_pages_in_other_states(browser, live_server, people, world):
    """Pages as they change: errors after a failed submit, the help panel open, empty lists,
    the English interface, the error pages, search results, the htmx label check."""
    found, problems = {}, []
    contexts = {}

    def page_as(person):
        if person not in contexts:
            context = new_context(browser, live_server, getattr(people, person))
            contexts[person] = context.new_page()
        return contexts[person]

    def check(page, label):
        result = run_axe(page)
        assert result["passes"], f"axe checked nothing on {label}"
        if bad := serious(result["violations"]):
            found[label] = bad

    # A form after a failed submit: the error summary and the fields marked invalid.
    for person, name in FAILED_FORMS:
        page = page_as(person)
        page.goto(reverse(name))
        with page.expect_navigation():
            page.evaluate(SUBMIT_BIGGEST_FORM)
        if not page.locator(".error-summary, [aria-invalid=true], .errorlist").count():
            problems.append(f"{name}: an empty form showed no errors")
        check(page, f"{name} after a failed submit")

    page = page_as("anonymous")
    page.goto(reverse("accounts:login"))
    page.locator("input[name=username]").fill("anouk@a.test")
    page.locator("input[type=password]").fill("niet-het-wachtwoord")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    if not page.locator(".error-summary, .errorlist, [role=alert]").count():
        problems.append("accounts:login: a wrong password showed no error")
    check(page, "accounts:login with a wrong password")

    # The new-password form (a valid link) and the error and not-found pages.
    token = default_token_generator.make_token(people.anouk)
    page.goto(reverse("accounts:password_reset_confirm", args=[world["uidb64"], token]))
    if not page.locator("input[type=password]").count():
        problems.append("accounts:password_reset_confirm: no password form for a valid link")
    check(page, "accounts:password_reset_confirm with a valid link")
    assert page.goto("/bestaat-niet/").status == 404
    check(page, "the 404 page")
    page = page_as("bram")
    assert page.goto(reverse("deployment:list")).status == 403
    check(page, "the 403 page")

    # The help panel open.
    page = page_as("anouk")
    for name in HELP_PANEL_PAGES:
        page.goto(reverse(name))
        page.locator("#help-panel summary").click()
        if not page.locator("#help-panel[open]").count():
            problems.append(f"{name}: the help panel did not open")
        check(page, f"{name} with the help panel open")

    # Search results and the label check htmx puts into the proposal form.
    page.goto(reverse("search:search") + "?q=schoenendoos")
    check(page, "search:search with results")
    page.goto(reverse("vocabulary:propose"))
    if page.locator("#id_label").is_visible():
        page.locator("#id_label").press_sequentially("Schulden")
        page.locator("#label-check a").wait_for()
        check(page, "vocabulary:propose with the label check")
    else:
        problems.append("vocabulary:propose: no visible label field for the label check")

    # Empty lists.
    page = page_as("colleague_b")
    for name in EMPTY_LISTS:
        page.goto(reverse(name))
        if not page.locator("[data-empty-state]").count():
            problems.append(f"{name}: no empty state for someone with nothing yet")
        check(page, f"{name} empty")

    # The English interface (chosen with the language switch, as a person would).
    page = page_as("anouk")
    page.goto(reverse("core:home"))
    with page.expect_navigation():
        page.locator("button[name=language][value=en]").click()
    for name in ENGLISH_PAGES:
        page.goto(reverse(name))
        if page.locator("html").get_attribute("lang") != "en":
            problems.append(f"{name}: not in English after the switch")
        check(page, f"{name} in English")

    for page in contexts.values():
        page.context.close()
    assert not (problems or found), "\n".join(problems) + (
        f"\n{len(found)} pages with serious violations:\n" + json.dumps(found, indent=1)
    )


FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), id: el.id, cls: el.className || '',
    href: el.getAttribute('href') || '', text: (el.innerText || '').trim().slice(0, 40),
    ring: el.matches(':focus-visible') && ((style.outlineStyle !== 'none'
      && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none'),
    onScreen: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0
      && box.right <= window.innerWidth,
    inMenu: !!el.closest('header nav'), inHelp: !!el.closest('#help-panel'),
  };
}"""
KEYBOARD_PAGES = (
    ("anouk", "core:home"),
    ("anouk", "stories:create"),
    ("coordinator", "knowledge:list"),
    ("anonymous", "help:index"),
)


def tab(page):
    page.keyboard.press("Tab")
    return page.evaluate(FOCUSED)


@pytest.mark.parametrize(("person", "name"), KEYBOARD_PAGES)
def test_keyboard_skip_link_menu_and_help_panel(browser, live_server, people, person, name):
    """Tab from the top: the skip link first (visible, with the focus ring) and Enter moves focus
    to <main>; then every main-menu link in order, each with the focus ring; further on, the
    help panel opens with Enter and its guide link is reached with Tab."""
    context = new_context(browser, live_server, getattr(people, person))
    page = context.new_page()
    url = reverse(name)
    page.goto(url)

    first = tab(page)
    assert "skip-link" in first["cls"], f"{url}: the first Tab reached {first}, not the skip link"
    assert first["ring"] and first["onScreen"], f"{url}: the skip link is not visible: {first}"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main", f"{url}: skip link"
    # From <main>, Tab goes on inside the content, not back to the menu.
    after = tab(page)
    assert not after["inMenu"], f"{url}: after the skip link, Tab went to the menu: {after}"

    page.goto(url)
    menu = page.locator("header nav a").evaluate_all("links => links.map(a => a.href)")
    assert menu, f"{url}: no main menu"
    reached, help_summary = [], None
    for _ in range(len(menu) + 40):
        focused = tab(page)
        if focused["inMenu"]:
            assert focused["ring"], f"{url}: no visible focus on menu link {focused}"
            reached.append(page.evaluate("() => document.activeElement.href"))
        elif focused["inHelp"] and focused["tag"] == "summary":
            help_summary = focused
            break
    assert reached == menu, f"{url}: Tab reached the menu links {reached}, expected {menu}"
    assert help_summary, f"{url}: Tab never reached the help panel"
    assert help_summary["ring"] and help_summary["onScreen"], f"{url}: {help_summary}"
    page.keyboard.press("Enter")
    assert page.locator("#help-panel[open]").count() == 1, f"{url}: Enter did not open help"
    if page.locator("#help-panel a").count():
        inside = tab(page)
        assert inside["inHelp"] and inside["ring"], f"{url}: the guide link: {inside}"
    context.close()


def test_a_wide_table_scrolls_on_its_own_with_the_keyboard(browser, live_server, people, world):
    """At 320 px the audit table is wider than the screen: the page itself does not scroll
    sideways, the table's own area takes focus (named after the caption) and the arrow keys
    scroll it."""
    context = new_context(browser, live_server, people.admin, viewport=NARROW)
    page = context.new_page()
    page.goto(reverse("core:audit"))
    assert page.evaluate(STICKING_OUT) == []
    area = page.locator(".table-scroll").first
    assert area.get_attribute("role") == "region" and area.get_attribute("aria-label")
    assert area.evaluate("el => el.scrollWidth > el.clientWidth"), "the table fits: no test"
    for _ in range(60):  # Tab until the area has focus
        if tab(page)["cls"] == "table-scroll":
            break
    else:
        raise AssertionError("Tab never reached the table's scroll area")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.activeElement.scrollLeft > 0")
    context.close()
