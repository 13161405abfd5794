"""Consent, the status flow with its dates, and the notification on first contact."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from wijkennis.referrals import services
from wijkennis.referrals.models import ExperienceProfile, Referral, ReferralNotification, Status
from wijkennis.trajectories.tests.helpers import debt_type

from .helpers import concept, profile_for, referral_for, worker


def matchable_users():
    return set(ExperienceProfile.objects.matchable().values_list("user__first_name", flat=True))


def test_profile_needs_explicit_consent_and_records_it(people):
    with pytest.raises(ValidationError) as error:
        services.save_profile(people.anouk, consent=False, languages="Turks")
    assert "consent" in error.value.message_dict
    assert not ExperienceProfile.objects.filter(user=people.anouk, languages="Turks").exists()

    profile = profile_for(people.anouk, languages="Turks")
    assert profile.consent_given_at is not None
    assert "withdraw" in profile.consent_text


def test_only_ervaringswerkers_have_a_profile(people):
    with pytest.raises(PermissionDenied):
        profile_for(people.colleague)


def test_without_matching_consent_never_suggested(people):
    profile_for(people.anouk, domains=[concept("Schulden")], consent_matching=False)
    assert matchable_users() == set()


def test_withdrawn_consent_erases_the_fields(people):
    profile_for(people.anouk, domains=[concept("Schulden")], languages="Tarifit", wijken="Zuid")
    services.withdraw_consent(people.anouk)

    profile = ExperienceProfile.objects.get(user=people.anouk)
    assert (profile.languages, profile.wijken, profile.hours_per_week) == ("", "", 0)
    assert not profile.domains.exists()
    assert profile.consent_given_at is None and profile.consent_withdrawn_at is not None
    assert matchable_users() == set()


@pytest.mark.parametrize("code", ["jan@example.nl", "123456782", "+31612345678"])
def test_referral_refuses_personal_codes(people, code):
    with pytest.raises(ValidationError) as error:
        referral_for(people, [concept("Schulden")], code=code)
    assert "code" in error.value.message_dict


def test_referral_needs_the_clients_agreement(people):
    with pytest.raises(ValidationError) as error:
        services.file_referral(
            people.colleague,
            people.org_a,
            code="VW-1",
            question="",
            domains=[],
            client_agreed=False,
        )
    assert set(error.value.message_dict) == {"question", "domains", "client_agreed"}


def test_researchers_cannot_refer(people):
    with pytest.raises(PermissionDenied):
        referral_for(people, [concept("Schulden")], by=people.researcher)


def _offered(people, question="Hulp bij post"):
    debts = concept("Schulden")
    profile_for(people.anouk, domains=[debts])
    second = worker(people.org_a, "Kees")
    profile_for(second, domains=[debts])
    referral = referral_for(people, [debts], question=question)
    services.offer_to_workers(people.coordinator, referral, [people.anouk, second])
    return referral, second


def test_the_whole_flow_is_dated(people):
    referral, second = _offered(people)
    assert referral.status == Status.OFFERED and referral.offered_at

    services.answer_offer(second, referral, accept=False, reason="Te vol")
    services.answer_offer(people.anouk, referral, accept=True)
    assert referral.status == Status.ACCEPTED and referral.accepted_at

    services.record_client_choice(people.coordinator, referral, people.anouk)
    assert referral.status == Status.CHOSEN and referral.client_chose_at
    assert referral.worker == people.anouk

    trajectory = services.start_trajectory(people.anouk, referral, type=debt_type())
    assert trajectory.code == referral.code and referral.trajectory == trajectory

    contact_day = timezone.localdate(referral.filed_at) + datetime.timedelta(days=3)
    services.record_first_contact(people.anouk, referral, date=contact_day)
    assert referral.status == Status.CONTACT
    assert referral.days_to_first_contact == 3

    services.close_referral(people.anouk, referral, outcome="Post op orde")
    assert referral.status == Status.CLOSED and referral.closed_at


def test_client_declines_and_keeps_help(people):
    referral, _second = _offered(people)
    services.answer_offer(people.anouk, referral, accept=True)
    services.record_client_choice(people.coordinator, referral, None)

    referral.refresh_from_db()
    assert referral.status == Status.CLIENT_DECLINED and referral.client_declined_at
    assert referral.worker is None
    assert Referral.objects.visible_to(people.coordinator).filter(pk=referral.pk).exists()


def test_all_declined_goes_back_to_the_coordinator(people):
    referral, second = _offered(people)
    services.answer_offer(people.anouk, referral, accept=False)
    services.answer_offer(second, referral, accept=False)
    assert referral.status == Status.FILED


def test_only_the_coordinator_offers_and_at_most_two(people):
    referral, second = _offered(people)
    with pytest.raises(PermissionDenied):
        services.offer_to_workers(people.colleague, referral, [people.anouk])
    third = worker(people.org_a, "Derde")
    profile_for(third, domains=[concept("Wonen")])
    with pytest.raises(ValidationError):
        services.offer_to_workers(people.coordinator, referral, [people.anouk, second, third])


def test_worker_without_matching_consent_cannot_be_offered(people):
    debts = concept("Schulden")
    profile_for(people.anouk, domains=[debts], consent_matching=False)
    referral = referral_for(people, [debts])
    with pytest.raises(ValidationError):
        services.offer_to_workers(people.coordinator, referral, [people.anouk])


def test_referrer_is_told_that_contact_was_made_without_the_question(people):
    referral, _second = _offered(people, question="Geheime vraag over de deurwaarder")
    services.answer_offer(people.anouk, referral, accept=True)
    services.record_client_choice(people.coordinator, referral, people.anouk)
    mail.outbox.clear()

    services.record_first_contact(people.anouk, referral)

    notification = ReferralNotification.objects.get()
    assert notification.user == people.colleague
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [people.colleague.email]
    assert referral.code in message.body
    assert "deurwaarder" not in message.body + message.subject


def test_demo_referrals(people):
    from wijkennis.accounts.models import User
    from wijkennis.organisations.models import Membership, Role
    from wijkennis.referrals.demo import add_demo_referrals

    def demo(email, organisation, role):
        user = User.objects.create_user(email, "x", first_name=email[:4])
        Membership.objects.create(user=user, organisation=organisation, role=role)

    concept("Schulden")
    demo("anouk@wijkennis.demo", people.org_a, Role.ERVARINGSWERKER)
    demo("coordinator@wijkennis.demo", people.org_a, Role.COORDINATOR)
    demo("collega@wijkennis.demo", people.org_a, Role.COLLEGA)
    add_demo_referrals()
    add_demo_referrals()  # idempotent
    assert sorted(Referral.objects.values_list("status", flat=True)) == sorted(
        [Status.FILED, Status.OFFERED, Status.CONTACT]
    )
    assert ExperienceProfile.objects.matchable().count() == 1
