"""The plan pages: who reaches them, the one-page form keeping what was typed, the plan page."""

import re

import pytest
from django.urls import reverse

from tests.factories import MembershipFactory
from wijkennis.deployment import services
from wijkennis.deployment.models import DeploymentPlan, HeadcountRecord
from wijkennis.organisations.models import Role

from .helpers import as_post, good_plan, with_phase

LIST, CREATE = "/kwartiermaken/inzetplan/", "/kwartiermaken/inzetplan/nieuw/"


def plan_urls(plan):
    base = f"/kwartiermaken/inzetplan/{plan.pk}/"
    return [
        base,
        base + "bewerken/",
        base + "inzetplan.pdf",
        base + "export.csv",
        base + "export.json",
    ]


@pytest.fixture
def plan_a(people):
    return services.save_plan(people.coordinator, people.org_a, **good_plan())


# Expected status per person for the list/create pages and for a plan of organisation A.
EXPECTED = {
    "coordinator": (200, 200),
    "coordinator_b": (200, 404),  # their own list; A's plan does not exist for them
    "anouk": (403, 404),
    "colleague": (403, 404),
    "bram": (403, 404),
    "colleague_b": (403, 404),
    "policy_officer": (403, 404),
    "policy_officer_other": (403, 404),
    "researcher": (403, 404),
    "admin": (403, 404),
}


@pytest.mark.parametrize("person, statuses", EXPECTED.items(), ids=EXPECTED.keys())
def test_who_reaches_the_pages(client, people, plan_a, person, statuses):
    client.force_login(getattr(people, person))
    pages, plan = statuses
    assert client.get(LIST).status_code == pages
    assert client.get(CREATE).status_code == pages
    for url in plan_urls(plan_a):
        assert client.get(url).status_code == plan, url


def test_a_manager_of_the_organisation_reads_and_changes_the_plan(client, people, plan_a):
    manager = MembershipFactory(organisation=people.org_a, role=Role.MANAGER).user
    client.force_login(manager)
    for url in [LIST, CREATE, *plan_urls(plan_a)]:
        assert client.get(url).status_code == 200, url
    data = as_post(good_plan(title="Plan van de leidinggevende"))
    response = client.post(plan_urls(plan_a)[1], data)
    assert response.status_code == 302
    plan_a.refresh_from_db()
    assert plan_a.title == "Plan van de leidinggevende"


def test_anonymous_visitors_are_sent_to_log_in(client, people, plan_a):
    for url in [LIST, CREATE, *plan_urls(plan_a)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url


def test_an_unknown_export_format_is_not_found(client, people, plan_a):
    client.force_login(people.coordinator)
    assert client.get(f"/kwartiermaken/inzetplan/{plan_a.pk}/export.xlsx").status_code == 404


def test_the_list_shows_only_own_plans(client, people, plan_a):
    services.save_plan(people.coordinator_b, people.org_b, **good_plan(title="Plan van B"))
    client.force_login(people.coordinator)
    page = client.get(LIST).content.decode()
    assert "Ervaringswerk in de wijkteams" in page and "Plan van B" not in page


def test_making_a_plan_on_one_page(client, people):
    client.force_login(people.coordinator)
    page = client.get(CREATE).content.decode()
    for kind in ("now", "two_years", "five_years"):
        assert f'name="{kind}-paid_headcount"' in page and f'id="id_{kind}-paid_headcount"' in page
        assert f'for="id_{kind}-paid_headcount"' in page
    response = client.post(CREATE, as_post(good_plan()))
    plan = DeploymentPlan.objects.get()
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert plan.organisation == people.org_a and plan.workers.count() == 3
    assert plan.partners.get().kind == "mbo_course"


def test_with_more_organisations_the_coordinator_chooses(client, people):
    MembershipFactory(user=people.coordinator, organisation=people.org_b, role=Role.MANAGER)
    client.force_login(people.coordinator)
    assert 'name="organisation"' in client.get(CREATE).content.decode()
    data = as_post(good_plan()) | {"organisation": str(people.org_b.pk)}
    assert client.post(CREATE, data).status_code == 302
    assert DeploymentPlan.objects.get().organisation == people.org_b


BAD = {
    "negative headcount": ("now", "paid_headcount", "-1"),
    "negative hours": ("two_years", "hours_per_week", "-8"),
    "negative budget": ("five_years", "budget_per_year", "-5000"),
    "negative share": ("now", "mbo_share", "-20"),
    "shares above 100": ("two_years", "hbo_share", "55"),  # MBO is 60
    "five years below today": ("five_years", "paid_headcount", "2"),
    "not a number": ("now", "hours_per_week", "twintig"),
}


@pytest.mark.parametrize("kind, field, value", BAD.values(), ids=BAD.keys())
def test_bad_input_keeps_everything_typed_and_saves_nothing(client, people, kind, field, value):
    client.force_login(people.coordinator)
    data = as_post(with_phase(good_plan(title="Mijn getypte titel"), kind, **{field: value}))
    response = client.post(CREATE, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert not DeploymentPlan.objects.exists()
    # The error is beside the field, linked from the summary and to the field by ARIA.
    field_id = f"id_{kind}-{field}"
    assert f'href="#{field_id}"' in page
    assert re.search(rf'<input[^>]*aria-describedby="{field_id}_error"[^>]*>', page) or re.search(
        rf'<input[^>]*id="{field_id}"[^>]*aria-invalid="true"', page
    )
    assert f'id="{field_id}_error"' in page
    # Everything typed is still there.
    assert f'value="{value}"' in page
    assert 'value="Mijn getypte titel"' in page
    assert "Huisbezoeken bij schulden gaan naar ervaringswerkers." in page
    assert 'value="ROC Testdam"' in page and 'value="Teamleider wijk"' in page


def test_a_refused_edit_changes_nothing(client, people, plan_a):
    client.force_login(people.coordinator)
    data = as_post(with_phase(good_plan(title="Anders"), "now", paid_headcount="-3"))
    assert client.post(plan_urls(plan_a)[1], data).status_code == 400
    plan_a.refresh_from_db()
    assert plan_a.title == "Ervaringswerk in de wijkteams"


def test_the_edit_form_shows_the_saved_plan(client, people, plan_a):
    client.force_login(people.coordinator)
    page = client.get(plan_urls(plan_a)[1]).content.decode()
    assert 'value="Ervaringswerk in de wijkteams"' in page
    assert 'name="five_years-paid_headcount" value="8"' in page
    assert 'value="Coach"' in page and 'value="ROC Testdam"' in page
    # Saving the untouched form keeps the plan as it was.
    assert client.post(plan_urls(plan_a)[1], as_post(good_plan())).status_code == 302
    assert plan_a.workers.count() == 3


def test_the_plan_page_has_warnings_first_and_a_chart_with_a_table(client, people):
    plan = services.save_plan(
        people.coordinator,
        people.org_a,
        **with_phase(good_plan(), "now", paid_headcount=1, hours_per_week="24"),
    )
    client.force_login(people.coordinator)
    page = client.get(plan.get_absolute_url()).content.decode()
    assert page.index('data-check="lone_worker"') < page.index("<table")
    assert len(re.findall(r"<h1[ >]", page)) == 1
    assert '<svg viewBox="0 0 640 300"' in page and 'role="img"' in page
    # SVG coordinates are never written with a Dutch decimal comma.
    assert re.findall(r'<circle cx="[\d.]+" cy="[\d.]+"', page)
    assert not re.search(r'(cx|cy|x|y)="\d+,\d', page)
    assert "<caption>" in page
    # Planned targets (1, 5, 8) and this month's actual count (Anouk: 1) are in the table.
    table = page[page.index("<caption>", page.index("<svg")) :]
    table = table[: table.index("</table>")]
    rows = re.findall(r'<th scope="row">.*?</th>\s*<td>(.*?)</td>\s*<td>(.*?)</td>', table, re.S)
    assert [planned for planned, _ in rows if planned != "–"] == ["1", "5", "8"]
    assert [actual for _, actual in rows if actual != "–"] == ["1"]
    headings = [int(level) for level in re.findall(r"<h([1-6])[ >]", page)]
    assert all(b - a <= 1 for a, b in zip(headings, headings[1:], strict=False))


def test_showing_a_plan_records_the_months_headcount_once(client, people, plan_a):
    client.force_login(people.coordinator)
    HeadcountRecord.objects.all().delete()
    client.get(plan_a.get_absolute_url())
    MembershipFactory(organisation=people.org_a, role=Role.ERVARINGSWERKER)
    client.get(plan_a.get_absolute_url())
    (record,) = HeadcountRecord.objects.all()
    assert record.count == 1
