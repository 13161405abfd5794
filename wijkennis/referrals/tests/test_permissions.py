"""Privacy: the experience profile is seen by its owner (and the coordinator if allowed), never
by the referrer, other organisations, policy officers, researchers or the beheerder."""

import pytest
from django.urls import reverse

from wijkennis.referrals import services
from wijkennis.referrals.models import ExperienceProfile, Referral

from .helpers import concept, profile_for, referral_for

MARKER_LANGUAGE = "Zzyzx-dialect"
MARKER_DOMAIN = "Qwertydomein"


@pytest.fixture
def world(people):
    secret = concept(MARKER_DOMAIN)
    profile_for(people.anouk, domains=[secret], languages=MARKER_LANGUAGE, wijken="Overvecht")
    referral = referral_for(people, [secret], language=MARKER_LANGUAGE, question="Vraag-123")
    services.offer_to_workers(people.coordinator, referral, [people.anouk])
    services.answer_offer(people.anouk, referral, accept=True)
    services.record_client_choice(people.coordinator, referral, people.anouk)
    return referral


def pages(referral):
    return [
        reverse("referrals:list"),
        reverse("referrals:detail", kwargs={"referral_pk": referral.pk}),
        reverse("referrals:profile"),
        reverse("referrals:caseload"),
    ]


@pytest.mark.parametrize(
    "person",
    [
        "colleague",
        "bram",
        "coordinator_b",
        "colleague_b",
        "policy_officer",
        "policy_officer_other",
        "researcher",
        "admin",
    ],
)
def test_profile_never_shown_to_others(client, people, world, person):
    client.force_login(getattr(people, person))
    for url in pages(world):
        html = client.get(url).content.decode()
        assert MARKER_LANGUAGE.lower() not in html.lower(), url
        assert "Overvecht" not in html, url
    assert not ExperienceProfile.objects.visible_to(getattr(people, person)).exists()


def test_referrer_sees_status_and_dates_only(client, people, world):
    client.force_login(people.colleague)
    html = client.get(world.get_absolute_url()).content.decode()
    assert "Vraag-123" not in html
    assert MARKER_DOMAIN not in html
    assert "Anouk" not in html


def test_referral_is_404_for_everyone_else(client, people, world):
    for person in ("bram", "coordinator_b", "policy_officer", "researcher", "admin"):
        client.force_login(getattr(people, person))
        assert client.get(world.get_absolute_url()).status_code == 404, person
        assert not Referral.objects.visible_to(getattr(people, person)).exists()


def test_owner_and_coordinator_see_the_profile_as_allowed(people, world):
    assert ExperienceProfile.objects.visible_to(people.anouk).count() == 1
    assert ExperienceProfile.objects.visible_to(people.coordinator).count() == 1
    ExperienceProfile.objects.update(share_with_coordinator=False)
    assert not ExperienceProfile.objects.visible_to(people.coordinator).exists()


def test_coordinator_sees_reasons_only_as_far_as_allowed(client, people):
    debts = concept("Schulden")
    profile_for(people.anouk, domains=[debts], languages="Tarifit", share_with_coordinator=False)
    referral = referral_for(people, [debts], language="Tarifit")
    client.force_login(people.coordinator)
    html = client.get(referral.get_absolute_url()).content.decode()
    assert "Anouk" in html
    assert "speaks Tarifit" not in html
    assert "experience with schulden" not in html


def test_worker_sees_the_question_but_not_other_workers(client, people, world):
    client.force_login(people.anouk)
    html = client.get(world.get_absolute_url()).content.decode()
    assert "Vraag-123" in html


def test_no_suitable_worker_message_and_referral_stays_open(client, people):
    referral = referral_for(people, [concept("Wonen")])
    client.force_login(people.coordinator)
    html = client.get(referral.get_absolute_url()).content.decode()
    assert "Er past nu geen ervaringswerker" in html
    referral.refresh_from_db()
    assert referral.status == "ingediend"


def test_bad_form_keeps_what_was_typed(client, people):
    debts = concept("Schulden")
    client.force_login(people.colleague)
    response = client.post(
        reverse("referrals:create"),
        {
            "organisation": people.org_a.pk,
            "code": "jan@example.nl",
            "question": "Mijn getypte vraag",
            "domains": [debts.pk],
            "urgency": "snel",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Mijn getypte vraag" in html
    assert "error-summary" in html
    assert not Referral.objects.exists()


def test_colleague_files_and_sees_contact_made(client, people):
    debts = concept("Schulden")
    client.force_login(people.colleague)
    response = client.post(
        reverse("referrals:create"),
        {
            "organisation": people.org_a.pk,
            "code": "VW-7",
            "question": "Vraag-uniek-987",
            "domains": [debts.pk],
            "urgency": "normaal",
            "client_agreed": "on",
        },
    )
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.filed_by == people.colleague and referral.client_agreed_at
    profile_for(people.anouk, domains=[debts])
    services.offer_to_workers(people.coordinator, referral, [people.anouk])
    services.answer_offer(people.anouk, referral, accept=True)
    services.record_client_choice(people.coordinator, referral, people.anouk)
    services.record_first_contact(people.anouk, referral)
    html = client.get(reverse("referrals:list")).content.decode()
    assert "Contact made" in html or "Contact gelegd" in html
    assert "VW-7" in html
    assert "Vraag-uniek-987" not in html
