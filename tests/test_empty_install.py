"""A fresh installation: only `wijkennis setup` ran (one organisation, its beheerder, the
vocabulary and the training catalogue), plus one ervaringswerker and one coordinator there.

Every GET page without an object argument (walked from the URL conf, as the permission matrix
does) answers the beheerder, the ervaringswerker and the coordinator as the matrix's rules say,
never with a 500. Every page that lists things shows the shared empty state
(`components/empty_state.html`, marked `data-empty-state`) with a next step; lists the setup
fills show their items and no empty state; no page has a bare empty table or list; no dashboard
draws a chart without data.
"""

import re

import pytest
from django.urls import reverse

from tests.factories import MembershipFactory, UserFactory
from tests.test_permission_matrix import ADMIN_RULE, LOGIN, RULES, all_url_names
from wijkennis.organisations import setup
from wijkennis.organisations.models import OrganisationKind, Role

pytestmark = pytest.mark.django_db

MARKER = "data-empty-state"
# Who walks, and who they are in the permission matrix's rules.
MATRIX_PERSON = {"beheerder": "admin", "ervaringswerker": "anouk", "coordinator": "coordinator"}

# Lists that are empty after the setup: each shows the empty state with what to do next.
EMPTY_LISTS = {
    "core:home",  # the newest stories
    "stories:list",
    "stories:mine",
    "taalbrug:mine",
    "knowledge:list",
    "knowledge:my_reports",
    "readiness:rounds",
    "deployment:list",
    "jobs:list",
    "trajectories:list",
    "inbreng:list",
    "inbreng:inbox",
    "intervision:list",
    "trainings:dossier",
    "referrals:list",
    "referrals:caseload",
    "vocabulary:proposals",
    "invitations:list",
    "sso:choose",  # no organisation signs in with its own account yet
}
# Lists the setup fills (the seed data, the organisation and its people): no empty state.
FILLED_LISTS = {
    "vocabulary:index",  # the seed vocabulary
    "trainings:catalogue",  # the training catalogue
    "trajectories:types",  # the debt trajectory ships with Wijkennis
    "trainings:team",  # the ervaringswerker of the organisation
    "dashboards:index",  # the organisation's dashboard
    "core:audit",  # the setup's own audit event
}
# Forms, start pages and pages without a list.
NO_LIST = {
    "accounts:login",  # signed in: a redirect
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_complete",
    "search:search",  # no words yet: the search form (with words: see EXTRA_PAGES)
    "taalbrug:analyse",
    "stories:create",
    "knowledge:create",
    "knowledge:report",
    "knowledge:research",  # download links
    "readiness:index",  # three cards to the kwartiermaken tools
    "readiness:start",
    "deployment:create",
    "jobs:start",  # the specialisation templates to start from
    "jobs:create",
    "trajectories:create",
    "trajectories:type_create",
    "inbreng:create",
    "intervision:create",
    "trainings:compare",  # nothing chosen: the catalogue as checkboxes
    "trainings:record_create",
    "referrals:create",
    "referrals:profile",
    "vocabulary:propose",
    "vocabulary:label_check",  # an htmx fragment for the propose form
    "invitations:create",
    "invitations:import",
    "help:index",  # the task guides ship with Wijkennis
    "mydata:overview",  # what Wijkennis holds about you, section by section
    "mydata:preferences",
    "mydata:delete",
    "mydata:deleted",
    "twofactor:manage",  # optional two-step sign-in: the QR code to scan
}
# Not HTML pages: the JSON API, downloads and redirects.
NOT_PAGES = {
    "api:api-root",
    "api:schema",
    "api:docs",
    "api:concept-list",
    "api:story-list",
    "api:story-search",
    "invitations:example_csv",
    "help:quick_guide_pdf",
    "mydata:export_json",
    "mydata:export_pdf",
    "sso:callback",  # the provider's way back: a redirect
    "core:health",  # "ok" for a load balancer
    "twofactor:verify",  # without the password step first: back to the login page
}

BARE_LISTS = re.compile(
    r"<tbody[^>]*>\s*</tbody>|<(ul|ol)[^>]*class=\"[^\"]*card-list[^\"]*\"[^>]*>\s*</(ul|ol)>"
)
CHART = re.compile(r"<svg[^>]*role=\"img\"")


def get_routes():
    """(name, method) of every route without URL arguments, admin left out."""
    routes = set()
    for name, pattern in all_url_names():
        if name.startswith("admin:") or pattern.pattern.regex.groupindex:
            continue
        rule = RULES.get(name)
        if rule is None or rule[0] == "get":
            routes.add(name)
    return sorted(routes)


ROUTES = get_routes()


def fresh_install(kind="sociaal_werk"):
    result = setup.set_up_installation(
        organisation_name="Welzijn Noordkaap",
        kind=kind,
        city="Noordkaap",
        email="beheer@noordkaap.nl",
        first_name="Ria",
        last_name="de Vries",
        password="Stroopwafel-Lantaarn-2031",
    )
    people = {"beheerder": result.user}
    for key, role in (("ervaringswerker", Role.ERVARINGSWERKER), ("coordinator", Role.COORDINATOR)):
        people[key] = UserFactory(email=f"{key}@noordkaap.nl")
        MembershipFactory(user=people[key], organisation=result.organisation, role=role)
    return result.organisation, people


def expected_status(name, person):
    rule = RULES.get(name)
    return None if rule is None else rule[1][MATRIX_PERSON[person]]


def is_html(response):
    return response.get("Content-Type", "").startswith("text/html")


def check_page(client, url, want):
    """The response, with a list of what is wrong with it. An exception counts as a 500, so
    one broken page does not hide the others."""
    client.raise_request_exception = False
    response = client.get(url)
    wrong = []
    got = response.status_code
    if got >= 500:
        wrong.append(f"{url}: {got}")
    elif want == LOGIN:
        if not (got == 302 and response.url.startswith(reverse("accounts:login"))):
            wrong.append(f"{url}: expected a login redirect, got {got}")
    elif want is not None and got != want:
        wrong.append(f"{url}: expected {want}, got {got}")
    if got == 200 and is_html(response):
        page = response.content.decode()
        if BARE_LISTS.search(page):
            wrong.append(f"{url}: a bare empty table or list")
    return response, wrong


def test_every_page_is_sorted_into_one_kind():
    kinds = [EMPTY_LISTS, FILLED_LISTS, NO_LIST, NOT_PAGES]
    unsorted = [name for name in ROUTES if sum(name in k for k in kinds) != 1]
    assert not unsorted, f"Say whether these pages list things: {unsorted}"
    gone = set().union(*kinds) - set(ROUTES)
    assert not gone, f"No longer in the URL conf: {gone}"


@pytest.mark.parametrize("person", list(MATRIX_PERSON))
def test_every_page_after_setup_is_helpful(client, person):
    _organisation, people = fresh_install()
    wrong = []
    shown = 0
    for name in ROUTES:
        client.force_login(people[person])  # again: a page may sign out (sso:logout)
        response, problems = check_page(client, reverse(name), expected_status(name, person))
        wrong += problems
        if response.status_code != 200 or not is_html(response):
            continue
        page = response.content.decode()
        if name in EMPTY_LISTS:
            shown += 1
            if MARKER not in page:
                wrong.append(f"{name}: an empty list without an empty state")
            elif not re.search(rf"{MARKER}>\s*<p>[^<]+</p>", page):
                wrong.append(f"{name}: an empty state without a message")
        elif name in FILLED_LISTS and MARKER in page:
            wrong.append(f"{name}: filled by the setup, yet an empty state")
    assert not wrong, "\n".join(wrong)
    assert shown >= 8  # each person reaches several lists


def extra_pages(organisation):
    """Pages with an argument or a query that a fresh installation already has: (url, expected
    per person; None = not allowed for that person)."""
    return [
        (reverse("search:search") + "?q=schulden", dict.fromkeys(MATRIX_PERSON, 200)),
        (reverse("vocabulary:concept", args=["schulden"]), dict.fromkeys(MATRIX_PERSON, 200)),
        (reverse("knowledge:advice", args=["schulden"]), dict.fromkeys(MATRIX_PERSON, 200)),
        (
            reverse("dashboards:organisation", kwargs={"organisation_pk": organisation.pk}),
            {"beheerder": 200, "coordinator": 200, "ervaringswerker": 404},
        ),
    ]


@pytest.mark.parametrize("person", list(MATRIX_PERSON))
def test_pages_of_seed_data_and_the_dashboard_show_empty_states(client, person):
    organisation, people = fresh_install()
    client.force_login(people[person])
    wrong = []
    for url, expected in extra_pages(organisation):
        response, problems = check_page(client, url, expected[person])
        wrong += problems
        if response.status_code == 200 and MARKER not in response.content.decode():
            wrong.append(f"{url}: no empty state")
    assert not wrong, "\n".join(wrong)


def test_dashboard_without_data_says_so_instead_of_drawing_charts(client):
    organisation, people = fresh_install()
    client.force_login(people["coordinator"])
    url = reverse("dashboards:organisation", kwargs={"organisation_pk": organisation.pk})
    response = client.get(url)
    page = response.content.decode()
    tables = [table for section in response.context["sections"] for table in section.tables]
    assert tables and not any(table.has_figures for table in tables)
    assert not CHART.search(page)
    assert page.count(MARKER) == len(tables)  # one "not enough data yet" per figure


def test_municipality_as_first_organisation(client):
    municipality, people = fresh_install(kind=OrganisationKind.MUNICIPALITY)
    client.force_login(people["beheerder"])
    index = client.get(reverse("dashboards:index")).content.decode()
    url = reverse("dashboards:municipality", kwargs={"municipality_pk": municipality.pk})
    assert url in index
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert MARKER in page and not CHART.search(page)


def test_beheerder_reaches_the_admin_and_its_lists(client):
    _organisation, people = fresh_install()
    names = ["admin:index"] + sorted(
        name
        for name, pattern in all_url_names()
        if name.endswith("_changelist") and not pattern.pattern.regex.groupindex
    )
    assert ADMIN_RULE[1]["admin"] == 200
    for person in MATRIX_PERSON:
        client.force_login(people[person])
        for name in names:
            got = client.get(reverse(name)).status_code
            want = 200 if person == "beheerder" else 302
            assert got == want, f"{person} {name}: expected {want}, got {got}"
