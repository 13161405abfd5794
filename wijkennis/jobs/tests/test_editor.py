"""The guided editor: saving, refusing bad input with everything typed kept, versions."""

import pytest

from tests.factories import MembershipFactory
from wijkennis.jobs import services
from wijkennis.jobs.models import JobDescription
from wijkennis.organisations.models import Role

from .factories import form_data

CREATE = "/kwartiermaken/functie/nieuw/invullen/"


def test_a_coordinator_writes_a_job_description_from_a_template(client, people):
    client.force_login(people.coordinator)
    response = client.post(
        CREATE + "?sjabloon=schuldhulp", form_data(template="schuldhulp", scale="7")
    )
    job = JobDescription.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.organisation == people.org_a and job.created_by == people.coordinator
    assert job.title == "Ervaringswerker schuldhulp" and job.template == "schuldhulp"
    assert job.task_lines("primary") == ["Gaat mee naar de schuldeiser", "Opent samen de post"]
    assert job.versions.get().number == 1
    page = client.get(job.get_absolute_url()).content.decode()
    assert page.index("parity-title") < page.index("Gaat mee naar de schuldeiser")
    assert "7" in services.parity(job)[0].message


def test_a_manager_may_write_one_too(client, people):
    manager = MembershipFactory(organisation=people.org_a, role=Role.MANAGER).user
    client.force_login(manager)
    assert client.post(CREATE, form_data()).status_code == 302
    assert JobDescription.objects.get().organisation == people.org_a


def test_someone_with_two_organisations_chooses_one_and_only_their_own(client, people):
    MembershipFactory(user=people.coordinator, organisation=people.org_b, role=Role.MANAGER)
    client.force_login(people.coordinator)
    assert 'name="organisation"' in client.get(CREATE).content.decode()
    assert client.post(CREATE, form_data(organisation=people.org_b.pk)).status_code == 302
    assert JobDescription.objects.get().organisation == people.org_b
    response = client.post(CREATE, form_data(organisation=people.research.pk))
    assert response.status_code == 400 and JobDescription.objects.count() == 1


@pytest.mark.parametrize(
    "field, value",
    [
        ("hours_per_week", "-4"),
        ("hours_per_week", "80"),
        ("scale", "acht"),
        ("scale", "0"),
        ("regular_scale", "8a"),
        ("training_budget", "-100"),
        ("regular_training_budget", "veel"),
        ("specialisation", ""),
        ("tasks_primary", ""),
    ],
)
def test_bad_input_is_refused_nothing_saved_and_what_was_typed_is_kept(
    client, people, field, value
):
    client.force_login(people.coordinator)
    data = form_data(**{field: value}, purpose="Een doel dat ik niet opnieuw wil typen")
    response = client.post(CREATE, data)
    assert response.status_code == 400
    assert not JobDescription.objects.exists()
    page = response.content.decode()
    assert "Een doel dat ik niet opnieuw wil typen" in page
    assert 'value="CAO Sociaal Werk"' in page
    if value:
        assert f'value="{value}"' in page
    # The error is linked from the summary and from the field itself.
    assert f'href="#id_{field}"' in page
    assert f'aria-describedby="id_{field}_error"' in page or f"id_{field}_error" in page
    assert 'aria-invalid="true"' in page


def test_a_change_makes_a_new_version_and_keeps_the_organisation(client, people, job_a):
    client.force_login(people.coordinator)
    edit = f"/kwartiermaken/functie/{job_a.pk}/wijzigen/"
    page = client.get(edit).content.decode()
    assert 'value="Schuldhulpverlener"' in page and 'name="organisation"' not in page
    response = client.post(edit, form_data(specialisation="inclusie", scale="9"))
    assert response.status_code == 302
    job_a.refresh_from_db()
    assert job_a.title == "Ervaringswerker inclusie" and job_a.scale == 9
    assert job_a.organisation == people.org_a
    assert job_a.versions.first().data["specialisation"] == "inclusie"


def test_a_failed_change_saves_nothing(client, people, job_a):
    client.force_login(people.coordinator)
    edit = f"/kwartiermaken/functie/{job_a.pk}/wijzigen/"
    response = client.post(edit, form_data(hours_per_week="-1", specialisation="inclusie"))
    assert response.status_code == 400
    job_a.refresh_from_db()
    assert job_a.specialisation == "schuldhulp" and not job_a.versions.exists()


def test_the_service_refuses_bad_values_itself(people):
    with pytest.raises(Exception) as error:
        services.create_job(
            people.coordinator,
            organisation=people.org_a,
            specialisation="herstel",
            purpose="x",
            tasks_primary="x",
            regular_function="Woonbegeleider",
            hours_per_week=-2,
            scale="acht",
            regular_scale=8,
            training_budget=-5,
        )
    assert set(error.value.message_dict) == {"hours_per_week", "scale", "training_budget"}
    assert not JobDescription.objects.exists()
