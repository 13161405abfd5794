"""The worker's development record: only the worker changes it; only the worker and the
coordinators (and managers) of the worker's own organisation see it."""

import pytest
from django.urls import reverse

from tests.factories import MembershipFactory
from wijkennis.organisations.models import Role
from wijkennis.trainings import selectors
from wijkennis.trainings.models import RecordStatus, TrainingRecord

from .factories import TrainingFactory, TrainingRecordFactory


def test_a_worker_sees_their_own_record(client, people, anouks_record):
    client.force_login(people.anouk)
    response = client.get(reverse("trainings:dossier"))
    assert response.status_code == 200
    assert [r.pk for r in response.context["completed"]] == [anouks_record[0].pk]
    assert [r.pk for r in response.context["planned"]] == [anouks_record[1].pk]
    assert "AD Ervaring" in response.content.decode()


def test_a_worker_adds_a_completed_training(client, people):
    training = TrainingFactory(name="Cursus herstel", level="cursus")
    client.force_login(people.anouk)
    response = client.post(
        reverse("trainings:record_create"),
        {"status": "afgerond", "training": training.pk, "year_completed": "2020"},
    )
    assert response.status_code == 302
    record = TrainingRecord.objects.get(worker=people.anouk)
    assert record.training == training and record.year_completed == 2020
    assert record.level == "cursus"  # from the catalogue when no level was given


def test_a_worker_adds_a_planned_training_outside_the_catalogue(client, people):
    client.force_login(people.bram)
    response = client.post(
        reverse("trainings:record_create"),
        {"status": "gepland", "title": "Hbo Social Work", "planned_start": "2027-09-01"},
    )
    assert response.status_code == 302
    record = TrainingRecord.objects.get(worker=people.bram)
    assert record.status == RecordStatus.PLANNED and record.name == "Hbo Social Work"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"status": "afgerond", "title": "Iets"}, "year_completed"),
        ({"status": "gepland", "title": "Iets"}, "planned_start"),
        ({"status": "afgerond", "year_completed": "2020"}, "title"),
        ({"status": "afgerond", "title": "Iets", "year_completed": "2999"}, "year_completed"),
    ],
)
def test_an_incomplete_entry_is_refused(client, people, data, field):
    client.force_login(people.anouk)
    response = client.post(reverse("trainings:record_create"), data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not TrainingRecord.objects.exists()


def test_a_worker_changes_and_removes_their_own_entry(client, people, anouks_record):
    completed, _planned = anouks_record
    client.force_login(people.anouk)
    url = reverse("trainings:record_edit", args=[completed.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "status": "afgerond",
            "training": completed.training.pk,
            "year_completed": "2019",
            "level_obtained": "mbo4",
        },
    )
    assert response.status_code == 302
    completed.refresh_from_db()
    assert completed.year_completed == 2019 and completed.level_obtained == "mbo4"
    delete = reverse("trainings:record_delete", args=[completed.pk])
    assert client.get(delete).status_code == 200
    assert client.post(delete).status_code == 302
    assert not TrainingRecord.objects.filter(pk=completed.pk).exists()


@pytest.mark.parametrize(
    "who", ["bram", "coordinator", "coordinator_b", "colleague", "policy_officer", "admin"]
)
def test_nobody_else_changes_or_removes_an_entry(client, people, anouks_record, who):
    completed, _planned = anouks_record
    client.force_login(getattr(people, who))
    for name in ("trainings:record_edit", "trainings:record_delete"):
        url = reverse(name, args=[completed.pk])
        assert client.get(url).status_code == 404, (who, name)
        assert client.post(url, {"status": "afgerond", "title": "x"}).status_code == 404
    assert TrainingRecord.objects.filter(pk=completed.pk, year_completed=2021).exists()


@pytest.mark.parametrize(
    "who", ["coordinator", "colleague", "coordinator_b", "policy_officer", "researcher", "admin"]
)
def test_only_experience_workers_keep_a_record(client, people, who):
    client.force_login(getattr(people, who))
    assert client.get(reverse("trainings:dossier")).status_code == 403
    assert client.get(reverse("trainings:record_create")).status_code == 403


def test_visible_to(people, anouks_record):
    bram_record = TrainingRecordFactory(worker=people.bram)
    manager_a = MembershipFactory(organisation=people.org_a, role=Role.MANAGER).user
    visible = TrainingRecord.objects.visible_to
    assert set(visible(people.anouk)) == set(anouks_record)
    assert set(visible(people.coordinator)) == set(anouks_record)
    assert set(visible(manager_a)) == set(anouks_record)
    assert set(visible(people.bram)) == {bram_record}
    assert set(visible(people.coordinator_b)) == {bram_record}
    for who in ("colleague", "colleague_b", "policy_officer", "researcher", "admin", "anonymous"):
        assert not visible(getattr(people, who)).exists(), who


# The coordinator's team overview


def test_the_coordinator_sees_the_team_overview_of_their_organisation(client, people, monkeypatch):
    TrainingRecordFactory(worker=people.anouk, level_obtained="mbo3", diploma_obtained="Mbo 3")
    TrainingRecordFactory(
        worker=people.anouk, training=TrainingFactory(level="ad"), year_completed=2023
    )
    TrainingRecordFactory(
        worker=people.anouk, planned=True, training=TrainingFactory(name="Post-hbo")
    )
    TrainingRecordFactory(worker=people.bram, training=TrainingFactory(name="Alleen van Bram"))
    monkeypatch.setattr(selectors, "attendance_by_user", lambda users: {u.pk: 4 for u in users})
    client.force_login(people.coordinator)
    response = client.get(reverse("trainings:team"))
    assert response.status_code == 200
    (overview,) = response.context["overviews"]
    assert overview.organisation == people.org_a
    (row,) = overview.rows
    assert row.worker == people.anouk
    assert row.highest_level == "Associate degree"
    assert row.diplomas == ["Mbo 3"]
    assert [r.name for r in row.planned] == ["Post-hbo"]
    assert row.intervision_sessions == 4
    page = response.content.decode()
    assert "Anouk" in page and "Post-hbo" in page
    assert "Bram" not in page and "Alleen van Bram" not in page


def test_a_manager_sees_the_overview_too_and_others_do_not(client, people, anouks_record):
    manager_a = MembershipFactory(organisation=people.org_a, role=Role.MANAGER).user
    client.force_login(manager_a)
    response = client.get(reverse("trainings:team"))
    assert response.status_code == 200
    assert [r.worker for r in response.context["overviews"][0].rows] == [people.anouk]
    for who in ("anouk", "bram", "colleague", "policy_officer", "researcher", "admin"):
        client.force_login(getattr(people, who))
        assert client.get(reverse("trainings:team")).status_code == 403, who


def test_the_coordinator_of_another_organisation_does_not_see_anouk(client, people, anouks_record):
    client.force_login(people.coordinator_b)
    response = client.get(reverse("trainings:team"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Anouk" not in page and "AD Ervaring" not in page
    assert [r.worker for r in response.context["overviews"][0].rows] == [people.bram]


def test_a_worker_without_entries_is_in_the_overview_with_unknown_level(client, people):
    client.force_login(people.coordinator)
    (overview,) = client.get(reverse("trainings:team")).context["overviews"]
    assert [(r.worker, r.highest_level) for r in overview.rows] == [(people.anouk, None)]


def test_the_record_and_the_overview_count_intervision_attended(client, people):
    from wijkennis.intervision import services
    from wijkennis.intervision.tests.helpers import group_of, session_of

    group = group_of(people, people.bram, facilitator=people.anouk)
    session = session_of(group, days=-7)
    services.record_attendance(people.anouk, session, [people.anouk, people.bram])
    client.force_login(people.anouk)
    assert len(client.get(reverse("trainings:dossier")).context["sessions"]) == 1
    client.force_login(people.coordinator)
    (overview,) = client.get(reverse("trainings:team")).context["overviews"]
    assert overview.rows[0].intervision_sessions == 1


def test_every_page_has_one_h1_a_title_and_dutch_language(client, people, anouks_record):
    import re

    completed, _planned = anouks_record
    pages = {
        people.anouk: [
            reverse("trainings:catalogue"),
            completed.training.get_absolute_url(),
            reverse("trainings:compare"),
            reverse("trainings:dossier"),
            reverse("trainings:record_create"),
            reverse("trainings:record_edit", args=[completed.pk]),
            reverse("trainings:record_delete", args=[completed.pk]),
        ],
        people.coordinator: [reverse("trainings:team")],
    }
    for user, urls in pages.items():
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            page = response.content.decode()
            assert len(re.findall(r"<h1[ >]", page)) == 1, url
            assert re.search(r"<title>[^<]+</title>", page), url
            assert '<html lang="nl">' in page, url


def test_the_catalogue_offers_the_record_to_workers_and_the_team_to_coordinators(client, people):
    links = {"dossier": reverse("trainings:dossier"), "team": reverse("trainings:team")}
    expected = {"anouk": {"dossier"}, "coordinator": {"team"}, "colleague": set()}
    for who, wanted in expected.items():
        client.force_login(getattr(people, who))
        page = client.get(reverse("trainings:catalogue")).content.decode()
        assert {name for name, url in links.items() if f'href="{url}"' in page} == wanted, who
