"""Who sees job descriptions: coordinators and managers of the organisation, nobody else."""

import re

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from tests.factories import MembershipFactory
from wijkennis.jobs.models import JobDescription
from wijkennis.organisations.models import Role

# Expected status per person for a job description of organisation A.
JOB_PAGES = ["", "wijzigen/", "functieomschrijving.pdf", "export.csv", "export.json"]
EXPECTED_JOB = {
    "anouk": 404,
    "coordinator": 200,
    "colleague": 404,
    "bram": 404,
    "coordinator_b": 404,
    "colleague_b": 404,
    "policy_officer": 404,
    "policy_officer_other": 404,
    "researcher": 404,
    "admin": 404,
    "anonymous": 302,
}
# The list, start and create pages: only for those who may write job descriptions.
EXPECTED_WRITE = {**EXPECTED_JOB, "coordinator_b": 200}
EXPECTED_WRITE.update({name: 403 for name, status in EXPECTED_WRITE.items() if status == 404})


def _login(client, user):
    if user.is_authenticated:
        client.force_login(user)


@pytest.mark.parametrize("who", EXPECTED_JOB)
def test_job_pages_of_organisation_a(client, people, job_a, who):
    _login(client, getattr(people, who))
    for page in JOB_PAGES:
        response = client.get(f"/kwartiermaken/functie/{job_a.pk}/{page}")
        assert response.status_code == EXPECTED_JOB[who], (who, page)
        if who == "anonymous":
            assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


@pytest.mark.parametrize("who", EXPECTED_WRITE)
def test_list_and_start_pages(client, people, who):
    _login(client, getattr(people, who))
    for page in ["", "nieuw/", "nieuw/invullen/", "nieuw/invullen/?sjabloon=herstel"]:
        response = client.get(f"/kwartiermaken/functie/{page}")
        assert response.status_code == EXPECTED_WRITE[who], (who, page)


def test_a_manager_of_a_sees_it_and_a_manager_of_b_does_not(client, people, job_a):
    manager_a = MembershipFactory(organisation=people.org_a, role=Role.MANAGER).user
    manager_b = MembershipFactory(organisation=people.org_b, role=Role.MANAGER).user
    assert list(JobDescription.objects.visible_to(manager_a)) == [job_a]
    assert not JobDescription.objects.visible_to(manager_b).exists()
    client.force_login(manager_b)
    assert client.get(f"/kwartiermaken/functie/{job_a.pk}/").status_code == 404


def test_the_list_shows_only_the_own_organisation(client, people, job_a):
    client.force_login(people.coordinator_b)
    assert (
        "Ervaringswerker schuldhulp" not in client.get("/kwartiermaken/functie/").content.decode()
    )
    client.force_login(people.coordinator)
    assert "Ervaringswerker schuldhulp" in client.get("/kwartiermaken/functie/").content.decode()


def test_a_coordinator_of_b_cannot_change_a_job_of_a(client, people, job_a):
    client.force_login(people.coordinator_b)
    response = client.post(f"/kwartiermaken/functie/{job_a.pk}/wijzigen/", {"scale": "1"})
    assert response.status_code == 404
    job_a.refresh_from_db()
    assert job_a.scale == 8


def test_every_page_has_one_h1_and_headings_in_order(client, people, job_a):
    client.force_login(people.coordinator)
    for page in ["", "nieuw/", "nieuw/invullen/", f"{job_a.pk}/", f"{job_a.pk}/wijzigen/"]:
        html = client.get(f"/kwartiermaken/functie/{page}").content.decode()
        assert html.count("<h1") == 1, page
        levels = [int(level) for level in re.findall(r"<h([1-6])", html)]
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), page
