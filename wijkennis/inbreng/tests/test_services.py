"""The status flow of inbreng and who is told what."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from wijkennis.inbreng import services
from wijkennis.inbreng.models import Change, Notification, NotificationKind, Status, UpdateKind

from .helpers import closed_inbreng, inbreng_for

pytestmark = pytest.mark.django_db


def emails_to(person):
    return [m for m in mail.outbox if m.to == [person.email]]


def test_new_inbreng_tells_everyone_at_the_recipient_organisation(people):
    contribution = inbreng_for(people)
    assert contribution.status == Status.RECEIVED
    told = set(Notification.objects.values_list("user__email", flat=True))
    assert told == {people.policy_officer.email, people.admin.email}
    assert {tuple(m.to) for m in mail.outbox} == {
        (people.policy_officer.email,),
        (people.admin.email,),
    }
    assert "Brieven zijn te moeilijk" in mail.outbox[0].subject


def test_a_named_recipient_is_the_only_one_told(people):
    inbreng_for(people, recipient_user=people.policy_officer, recipient_name="Raadscommissie Zorg")
    assert list(Notification.objects.values_list("user", flat=True)) == [people.policy_officer.pk]
    assert len(mail.outbox) == 1


def test_the_named_recipient_must_work_at_the_organisation(people):
    with pytest.raises(ValidationError) as error:
        inbreng_for(people, recipient_user=people.policy_officer_other)
    assert "recipient_user" in error.value.message_dict


def test_a_coordinator_logs_inbreng_for_a_worker_of_the_organisation(people):
    contribution = inbreng_for(people, people.coordinator, contributor=people.anouk)
    assert contribution.contributor == people.anouk
    assert contribution.recorded_by == people.coordinator
    assert contribution.organisation == people.org_a


def test_nobody_logs_inbreng_for_someone_outside_their_organisation(people):
    with pytest.raises(PermissionDenied):
        inbreng_for(people, people.coordinator, contributor=people.bram)
    with pytest.raises(PermissionDenied):
        inbreng_for(people, people.anouk, contributor=people.coordinator)
    with pytest.raises(PermissionDenied):
        inbreng_for(people, people.colleague)


def test_empty_title_and_future_date_are_refused(people):
    with pytest.raises(ValidationError) as error:
        inbreng_for(people, title=" ", given_on=datetime.date.today() + datetime.timedelta(days=3))
    assert {"title", "given_on"} <= set(error.value.message_dict)


def test_received_to_being_handled_to_processed(people):
    contribution = inbreng_for(people)
    services.change_status(
        people.policy_officer, contribution, Status.IN_PROGRESS, text="We kijken ernaar."
    )
    contribution.refresh_from_db()
    assert contribution.status == Status.IN_PROGRESS
    assert contribution.first_response_at is not None and contribution.closed_at is None
    first = contribution.first_response_at
    services.change_status(
        people.policy_officer,
        contribution,
        Status.PROCESSED,
        outcome="Een leespanel leest mee.",
        change=Change.MADE,
    )
    contribution.refresh_from_db()
    assert contribution.status == Status.PROCESSED
    assert contribution.closed_at is not None and contribution.first_response_at == first
    assert contribution.outcome == "Een leespanel leest mee."
    assert contribution.change == Change.MADE


def test_an_answer_without_status_means_someone_is_handling_it(people):
    contribution = inbreng_for(people)
    update = services.add_update(people.policy_officer, contribution, text="Ontvangen, dank!")
    contribution.refresh_from_db()
    assert contribution.status == Status.IN_PROGRESS
    assert (update.old_status, update.new_status) == (Status.RECEIVED, Status.IN_PROGRESS)


def test_not_adopted_needs_a_reason(people):
    contribution = inbreng_for(people)
    with pytest.raises(ValidationError) as error:
        services.change_status(people.policy_officer, contribution, Status.NOT_ADOPTED)
    assert "reason" in error.value.message_dict
    contribution.refresh_from_db()
    assert contribution.status == Status.RECEIVED and contribution.first_response_at is None
    services.change_status(
        people.policy_officer, contribution, Status.NOT_ADOPTED, reason="Geen budget dit jaar."
    )
    contribution.refresh_from_db()
    assert contribution.status == Status.NOT_ADOPTED
    assert contribution.reason == "Geen budget dit jaar." and contribution.change == Change.NONE


def test_processed_needs_to_say_what_was_done(people):
    contribution = inbreng_for(people)
    with pytest.raises(ValidationError) as error:
        services.change_status(people.policy_officer, contribution, Status.PROCESSED)
    assert "outcome" in error.value.message_dict


@pytest.mark.parametrize("target", [Status.RECEIVED, Status.IN_PROGRESS, Status.NOT_ADOPTED])
def test_a_closed_inbreng_cannot_change_status(people, target):
    contribution = closed_inbreng(people)
    with pytest.raises(ValidationError) as error:
        services.change_status(people.policy_officer, contribution, target, reason="Toch niet.")
    assert "status" in error.value.message_dict


def test_back_to_received_is_refused(people):
    contribution = inbreng_for(people)
    services.add_update(people.policy_officer, contribution, text="We kijken ernaar.")
    contribution.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.change_status(people.policy_officer, contribution, Status.RECEIVED)
    assert "status" in error.value.message_dict


def test_an_empty_answer_is_refused(people):
    with pytest.raises(ValidationError) as error:
        services.add_update(people.policy_officer, inbreng_for(people), text="  ")
    assert "text" in error.value.message_dict


@pytest.mark.parametrize(
    "person", ["anouk", "coordinator", "colleague", "bram", "policy_officer_other", "researcher"]
)
def test_only_the_receiving_side_answers(people, person):
    contribution = inbreng_for(people)
    with pytest.raises(PermissionDenied):
        services.add_update(getattr(people, person), contribution, text="Ik antwoord zelf.")


def test_the_contributor_is_told_about_every_update(people):
    contribution = inbreng_for(people)
    mail.outbox.clear()
    services.add_update(people.policy_officer, contribution, text="Ontvangen.")
    services.add_milestone(
        people.policy_officer,
        contribution,
        title="Leespanel opgericht",
        due_on=datetime.date(2027, 3, 1),
    )
    milestone = contribution.milestones.get()
    services.update_milestone(people.policy_officer, milestone, progress=100)
    services.change_status(
        people.admin, contribution, Status.PROCESSED, text="Het leespanel leest mee."
    )
    notes = Notification.objects.filter(user=people.anouk)
    assert notes.count() == 4
    assert set(notes.values_list("kind", flat=True)) == {NotificationKind.ANSWER}
    assert notes.unread().count() == 4
    assert len(emails_to(people.anouk)) == 4
    assert len(mail.outbox) == 4  # nobody else is mailed about an answer
    assert "Het leespanel leest mee." in emails_to(people.anouk)[-1].body
    milestone.refresh_from_db()
    assert milestone.is_done and milestone.done_at is not None


def test_a_milestone_counts_as_a_first_answer(people):
    contribution = inbreng_for(people)
    services.add_milestone(
        people.policy_officer, contribution, title="Plan", due_on=datetime.date(2027, 1, 1)
    )
    contribution.refresh_from_db()
    assert contribution.first_response_at is not None
    assert contribution.status == Status.IN_PROGRESS


def test_a_milestone_needs_a_name_and_a_date(people):
    with pytest.raises(ValidationError) as error:
        services.add_milestone(
            people.policy_officer, inbreng_for(people), title="", due_on=None, progress=120
        )
    assert {"title", "due_on", "progress"} == set(error.value.message_dict)


def test_the_contributor_rates_a_closed_answer(people):
    contribution = closed_inbreng(people)
    services.rate_answer(people.anouk, contribution, "ja", comment="Duidelijk verhaal.")
    contribution.refresh_from_db()
    assert contribution.satisfaction == "ja"
    update = contribution.updates.get(kind=UpdateKind.RATING)
    assert "Duidelijk verhaal." in update.text


def test_rating_is_for_closed_inbreng_and_for_the_contributor(people):
    contribution = inbreng_for(people)
    with pytest.raises(ValidationError):
        services.rate_answer(people.anouk, contribution, "ja")
    closed = closed_inbreng(people, title="Nog een")
    with pytest.raises(PermissionDenied):
        services.rate_answer(people.coordinator, closed, "nee")
    with pytest.raises(ValidationError):
        services.rate_answer(people.anouk, closed, "misschien")


def test_reopen_needs_a_reason_and_tells_the_recipients(people):
    contribution = closed_inbreng(people)
    services.rate_answer(people.anouk, contribution, "nee")
    with pytest.raises(ValidationError) as error:
        services.reopen(people.anouk, contribution, "")
    assert "reason" in error.value.message_dict
    mail.outbox.clear()
    services.reopen(people.anouk, contribution, "Er is nog niets veranderd.")
    contribution.refresh_from_db()
    assert contribution.status == Status.IN_PROGRESS and contribution.closed_at is None
    assert set(
        Notification.objects.filter(kind=NotificationKind.REOPENED).values_list("user", flat=True)
    ) == {people.policy_officer.pk, people.admin.pk}
    assert len(mail.outbox) == 2
    # Being handled again: it can be closed again.
    services.change_status(
        people.policy_officer, contribution, Status.NOT_ADOPTED, reason="Toch geen geld."
    )


def test_only_the_contributor_reopens_and_only_closed_inbreng(people):
    open_one = inbreng_for(people)
    with pytest.raises(ValidationError):
        services.reopen(people.anouk, open_one, "Waarom?")
    closed = closed_inbreng(people, title="Gesloten")
    with pytest.raises(PermissionDenied):
        services.reopen(people.policy_officer, closed, "Waarom?")
