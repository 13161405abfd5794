"""The pages: who reaches them, forms that keep what was typed, types for coordinators."""

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from wijkennis.trajectories.models import Creditor, Outcome, Trajectory, TrajectoryType

from .helpers import debt_type, trajectory_for, with_creditors

pytestmark = pytest.mark.urls("wijkennis.trajectories.tests.urls")


@pytest.fixture
def trajectory_a(people):
    return with_creditors(people.anouk, trajectory_for(people.anouk, people.org_a))


def trajectory_urls(trajectory):
    base = f"/trajecten/{trajectory.pk}/"
    creditor = trajectory.creditors.first().pk
    return [
        base,
        base + "stappen/",
        base + "schoenendoos/",
        base + "schoenendoos.pdf",
        base + "schuldeisers/nieuw/",
        base + f"schuldeisers/{creditor}/",
        base + f"schuldeisers/{creditor}/verwijderen/",
    ]


# Expected status per person: (list and create pages, type list, new type, trajectory of A).
EXPECTED = {
    "anouk": (200, 200, 403, 200),
    "coordinator": (200, 200, 200, 200),
    "colleague": (403, 403, 403, 404),
    "bram": (200, 200, 403, 404),
    "coordinator_b": (200, 200, 200, 404),
    "colleague_b": (403, 403, 403, 404),
    "policy_officer": (403, 403, 403, 404),
    "policy_officer_other": (403, 403, 403, 404),
    "researcher": (403, 403, 403, 404),
    "admin": (403, 403, 403, 404),
}


@pytest.mark.parametrize("person, statuses", EXPECTED.items(), ids=EXPECTED.keys())
def test_who_reaches_the_pages(client, people, trajectory_a, person, statuses):
    client.force_login(getattr(people, person))
    pages, types, new_type, trajectory = statuses
    assert client.get("/trajecten/").status_code == pages
    assert client.get("/trajecten/nieuw/").status_code == pages
    assert client.get("/trajecten/soorten/").status_code == types
    assert client.get("/trajecten/soorten/nieuw/").status_code == new_type
    for url in trajectory_urls(trajectory_a):
        assert client.get(url).status_code == trajectory, url


def test_a_visitor_is_sent_to_log_in(client, trajectory_a):
    for url in ["/trajecten/", "/trajecten/nieuw/", *trajectory_urls(trajectory_a)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(resolve_url(settings.LOGIN_URL)), url


def test_nobody_outside_can_post_to_a_trajectory(client, people, trajectory_a):
    creditor = trajectory_a.creditors.first()
    for person in (people.bram, people.colleague, people.policy_officer, people.admin):
        client.force_login(person)
        base = f"/trajecten/{trajectory_a.pk}/"
        assert client.post(base, {"outcome": "afgerond"}).status_code == 404
        assert client.post(base + f"schuldeisers/{creditor.pk}/verwijderen/").status_code == 404
    trajectory_a.refresh_from_db()
    assert trajectory_a.outcome == Outcome.OPEN and trajectory_a.creditors.count() == 3


def test_a_manager_of_the_organisation_sees_the_trajectory(client, people, trajectory_a):
    from tests.factories import MembershipFactory
    from wijkennis.organisations.models import Role

    manager = MembershipFactory(organisation=people.org_a, role=Role.MANAGER).user
    client.force_login(manager)
    assert client.get(trajectory_a.get_absolute_url()).status_code == 200


def test_a_worker_starts_a_trajectory(client, people):
    client.force_login(people.anouk)
    response = client.post(
        "/trajecten/nieuw/",
        {
            "type": debt_type().pk,
            "code": "Zonnebloem-7",
            "birth_year_range": "1980–1989",
            "experience_worker_involved": "on",
        },
    )
    trajectory = Trajectory.objects.get()
    assert response.status_code == 302 and response["Location"] == trajectory.get_absolute_url()
    assert trajectory.organisation == people.org_a and trajectory.created_by == people.anouk
    page = client.get(trajectory.get_absolute_url()).content.decode()
    assert page.count("<h1") == 1 and "Schoenendoos geordend" in page


def test_a_bsn_as_code_is_refused_and_the_form_keeps_the_rest(client, people):
    client.force_login(people.anouk)
    response = client.post(
        "/trajecten/nieuw/",
        {"type": debt_type().pk, "code": "123456782", "birth_year_range": "1970–1979"},
    )
    assert response.status_code == 400 and not Trajectory.objects.exists()
    page = response.content.decode()
    assert 'id="id_code_error"' in page and 'aria-invalid="true"' in page
    assert 'href="#id_code"' in page
    assert 'value="1970–1979" selected' in page


def test_a_bad_amount_is_refused_and_the_form_keeps_what_was_typed(client, people, trajectory_a):
    client.force_login(people.anouk)
    url = f"/trajecten/{trajectory_a.pk}/schuldeisers/nieuw/"
    typed = {
        "name": "Woningcorporatie Oost",
        "amount": "12.34.5",
        "letter_date": "2026-10-01",
        "deadline": "2026-11-15",
        "note": "Huurachterstand",
    }
    response = client.post(url, typed)
    assert response.status_code == 400 and trajectory_a.creditors.count() == 3
    page = response.content.decode()
    assert 'id="id_amount_error"' in page and 'href="#id_amount"' in page
    assert "1.234,56" in page  # the message shows how to write it
    for value in (
        "Woningcorporatie Oost",
        "12.34.5",
        "2026-10-01",
        "2026-11-15",
        "Huurachterstand",
    ):
        assert value in page, value
    response = client.post(url, typed | {"amount": "€ 1.250,75"})
    assert response.status_code == 302
    assert str(Creditor.objects.get(name="Woningcorporatie Oost").amount) == "1250.75"


def test_a_creditor_is_changed_with_its_amount_in_dutch_notation(client, people, trajectory_a):
    client.force_login(people.anouk)
    creditor = Creditor.objects.get(name="Energiebedrijf Noord")
    url = f"/trajecten/{trajectory_a.pk}/schuldeisers/{creditor.pk}/"
    assert 'value="1.234,56"' in client.get(url).content.decode()
    client.post(url, {"name": "Energiebedrijf Noord", "amount": "1.300", "letter_date": ""})
    creditor.refresh_from_db()
    assert str(creditor.amount) == "1300.00"
    client.post(url + "verwijderen/")
    assert not Creditor.objects.filter(pk=creditor.pk).exists()


def test_the_outcome_uitgevallen_needs_a_reason_on_the_page(client, people, trajectory_a):
    client.force_login(people.anouk)
    url = trajectory_a.get_absolute_url()
    response = client.post(url, {"outcome": "uitgevallen", "dropout_reason": ""})
    assert response.status_code == 400
    assert 'id="id_dropout_reason_error"' in response.content.decode()
    response = client.post(url, {"outcome": "uitgevallen", "dropout_reason": "Geen contact meer"})
    assert response.status_code == 302
    trajectory_a.refresh_from_db()
    assert trajectory_a.outcome == "uitgevallen"
    closed = client.get("/trajecten/?status=closed").content.decode()
    assert trajectory_a.code in closed
    assert trajectory_a.code not in client.get("/trajecten/?status=open").content.decode()


def test_step_dates_are_recorded(client, people, trajectory_a):
    client.force_login(people.anouk)
    first = trajectory_a.type.steps.first()
    response = client.post(
        f"/trajecten/{trajectory_a.pk}/stappen/", {f"step_{first.pk}": "2026-03-02"}
    )
    assert response.status_code == 302
    assert "2 maart 2026" in client.get(trajectory_a.get_absolute_url()).content.decode()


def test_a_coordinator_defines_a_type_and_a_worker_cannot(client, people):
    client.force_login(people.coordinator)
    response = client.post(
        "/trajecten/soorten/nieuw/", {"name": "Naar werk", "steps": "Intake\nProefplaats\nBaan"}
    )
    assert response.status_code == 302
    made = TrajectoryType.objects.get(name="Naar werk")
    assert made.organisation == people.org_a
    assert [s.name for s in made.steps.all()] == ["Intake", "Proefplaats", "Baan"]
    client.force_login(people.anouk)
    assert (
        client.post("/trajecten/soorten/nieuw/", {"name": "X", "steps": "a\nb"}).status_code == 403
    )
    assert "Naar werk" in client.get("/trajecten/soorten/").content.decode()
    client.force_login(people.bram)
    assert "Naar werk" not in client.get("/trajecten/soorten/").content.decode()
