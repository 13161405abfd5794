"""Who sees inbreng: `Contribution.objects.visible_to` and the pages built on it."""

import pytest

from wijkennis.inbreng.models import Contribution, Status

from .helpers import inbreng_for

pytestmark = pytest.mark.django_db

# Anouk's inbreng to the municipality that funds her organisation.
SEES = {"anouk", "coordinator", "policy_officer", "admin"}
DOES_NOT_SEE = {
    "colleague",
    "bram",
    "coordinator_b",
    "colleague_b",
    "policy_officer_other",
    "researcher",
    "anonymous",
}


def test_visible_to_the_contributor_their_coordinator_and_the_receiving_side(people):
    contribution = inbreng_for(people)
    for name, person in people.roles().items():
        visible = Contribution.objects.visible_to(person).filter(pk=contribution.pk).exists()
        assert visible == (name in SEES), name
    assert SEES | DOES_NOT_SEE == set(people.roles())


def test_inbreng_to_another_organisation_is_seen_by_its_members(people):
    contribution = inbreng_for(people, to=people.org_b, recipient_name="Directie")
    for person in (people.bram, people.coordinator_b, people.colleague_b, people.anouk):
        assert Contribution.objects.visible_to(person).filter(pk=contribution.pk).exists()
    for person in (people.policy_officer, people.colleague, people.researcher):
        assert not Contribution.objects.visible_to(person).filter(pk=contribution.pk).exists()


@pytest.mark.parametrize("person", sorted(DOES_NOT_SEE - {"anonymous"}))
def test_others_get_a_404_on_every_page_of_the_inbreng(client, people, person):
    contribution = inbreng_for(people)
    client.force_login(getattr(people, person))
    base = f"/inbreng/{contribution.pk}/"
    assert client.get(base).status_code == 404
    for action in ("antwoord/", "mijlpaal/", "beoordelen/", "heropenen/"):
        assert (
            client.post(base + action, {"text": "Hallo", "status": "verwerkt"}).status_code == 404
        )
    contribution.refresh_from_db()
    assert contribution.status == Status.RECEIVED and not contribution.updates.exists()


def test_the_contributor_sees_their_own_but_cannot_answer_it(client, people):
    contribution = inbreng_for(people)
    client.force_login(people.anouk)
    response = client.get(f"/inbreng/{contribution.pk}/")
    assert response.status_code == 200
    assert "Brieven zijn te moeilijk" in response.content.decode()
    assert client.post(f"/inbreng/{contribution.pk}/antwoord/", {"text": "Zelf"}).status_code == 403


def test_the_coordinator_sees_but_cannot_answer(client, people):
    contribution = inbreng_for(people)
    client.force_login(people.coordinator)
    assert client.get(f"/inbreng/{contribution.pk}/").status_code == 200
    assert client.post(f"/inbreng/{contribution.pk}/antwoord/", {"text": "Ik"}).status_code == 403


def test_a_visitor_is_sent_to_log_in(client, people):
    contribution = inbreng_for(people)
    for url in (
        "/inbreng/",
        "/inbreng/nieuw/",
        "/inbreng/postvak/",
        f"/inbreng/{contribution.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/account/" in response["Location"], url


def test_accountability_page_is_for_members_of_the_organisation(client, people):
    url = f"/inbreng/verantwoording/{people.municipality.pk}/"
    for person, status in [
        (people.policy_officer, 200),
        (people.anouk, 404),
        (people.policy_officer_other, 404),
        (people.bram, 404),
    ]:
        client.force_login(person)
        assert client.get(url).status_code == status


def test_notifications_are_private(client, people):
    inbreng_for(people)
    note = people.policy_officer.inbreng_notifications.get()
    client.force_login(people.admin)
    assert client.get(f"/inbreng/meldingen/{note.pk}/").status_code == 404
    client.force_login(people.policy_officer)
    assert client.get(f"/inbreng/meldingen/{note.pk}/").status_code == 302
