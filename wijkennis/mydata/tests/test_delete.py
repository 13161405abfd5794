"""Deleting an account: two steps, the choice for shared stories, what stays and what goes."""

from django.contrib.sessions.models import Session
from django.urls import reverse

from conftest import PASSWORD
from tests.factories import StoryFactory
from wijkennis.accounts.models import User
from wijkennis.core.models import AuditEvent
from wijkennis.inbreng import services as inbreng_services
from wijkennis.inbreng.models import Contribution, ContributionUpdate
from wijkennis.inbreng.tests.helpers import inbreng_for
from wijkennis.knowledge.models import Recognition
from wijkennis.knowledge.services import recognition_counts
from wijkennis.mydata.services import delete_account, is_stand_in
from wijkennis.organisations.models import Membership
from wijkennis.readiness.models import ScanResponse, ScanRound
from wijkennis.referrals.models import Referral
from wijkennis.referrals.tests.helpers import referral_for
from wijkennis.search.models import SearchEntry
from wijkennis.stories.models import ConsentRecord, Status, Story, StoryVersion, Visibility

from .helpers import MARKER, everything_else_with_marker, person_with_marker, stories_with_marker

URL = "mydata:delete"


def test_step_one_explains_and_asks_for_the_choice(client, people):
    client.force_login(people.anouk)

    response = client.get(reverse(URL))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="stories" value="withdraw"' in html and 'name="stories" value="erase"' in html
    assert 'id="deleted-list"' in html and 'id="anonymised-list"' in html


def test_step_one_without_a_choice_asks_again(client, people):
    client.force_login(people.anouk)

    response = client.post(reverse(URL), {"step": "choose"})

    assert response.status_code == 400
    assert User.objects.filter(pk=people.anouk.pk).exists()


def test_step_two_asks_for_the_password_and_carries_the_choice(client, people):
    client.force_login(people.anouk)

    response = client.post(reverse(URL), {"step": "choose", "stories": "erase"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'type="hidden" name="stories" value="erase"' in html
    assert 'type="password" name="confirmation"' in html


def test_wrong_password_deletes_nothing_and_keeps_the_choice(client, people):
    story = StoryFactory(author=people.anouk, organisation=people.org_a, published=True)
    client.force_login(people.anouk)

    response = client.post(
        reverse(URL), {"step": "confirm", "stories": "erase", "confirmation": "niet-goed"}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert 'type="hidden" name="stories" value="erase"' in html
    assert 'id="story-choice"' in html
    assert User.objects.filter(pk=people.anouk.pk).exists()
    assert Story.objects.filter(pk=story.pk).exists()


def test_right_password_deletes_logs_out_and_confirms(client, people):
    client.force_login(people.anouk)
    other = client.session.session_key

    response = client.post(
        reverse(URL), {"step": "confirm", "stories": "withdraw", "confirmation": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("mydata:deleted")
    assert not User.objects.filter(pk=people.anouk.pk).exists()
    assert not Session.objects.filter(session_key=other).exists()
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert 'id="account-deleted"' in page.content.decode()
    assert not page.wsgi_request.user.is_authenticated


def test_sessions_elsewhere_end_too(client, people):
    from django.test import Client

    elsewhere = Client()
    elsewhere.force_login(people.anouk)

    delete_account(people.anouk, stories="erase")

    assert elsewhere.get(reverse("mydata:overview")).status_code == 302  # to the login page
    assert not Session.objects.filter(session_key=elsewhere.session.session_key).exists()


def test_sso_user_without_password_confirms_with_the_email_address(client, people):
    user = people.bram
    user.set_unusable_password()
    user.save()
    client.force_login(user)

    wrong = client.post(
        reverse(URL), {"step": "confirm", "stories": "erase", "confirmation": "iemand@b.test"}
    )
    right = client.post(
        reverse(URL), {"step": "confirm", "stories": "erase", "confirmation": "BRAM@b.test "}
    )

    assert wrong.status_code == 400
    assert 'type="email" name="confirmation"' in wrong.content.decode()
    assert right.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()


def test_withdraw_keeps_shared_stories_without_names_and_erases_the_rest(people):
    person = person_with_marker(people)
    draft, private, organisation, network, public = stories_with_marker(person, people)
    assert public.versions.count() == 2

    delete_account(person, stories="withdraw")

    assert not Story.objects.filter(pk__in=[draft.pk, private.pk]).exists()
    kept = Story.objects.filter(pk__in=[organisation.pk, network.pk, public.pk])
    assert kept.count() == 3
    stand_in = kept.first().author
    assert is_stand_in(stand_in) and not stand_in.is_active
    assert not stand_in.has_usable_password()
    assert set(kept.values_list("author", flat=True)) == {stand_in.pk}
    assert set(kept.values_list("status", flat=True)) == {Status.WITHDRAWN}
    assert not SearchEntry.objects.filter(story__in=kept).exists()
    for story in kept:
        assert Story.objects.visible_to(people.anouk).filter(pk=story.pk).count() == 0
        version = story.versions.get()  # only the shared version, not the newer draft
        assert version.pk == story.published_version_id == story.current_version_id
        assert version.original_body == version.body
        assert not version.spans.exists()
    assert set(ConsentRecord.objects.filter(story__in=kept).values_list("given_by", flat=True)) == {
        stand_in.pk
    }


def test_erase_removes_every_story_version_and_consent(people):
    person = person_with_marker(people)
    stories = stories_with_marker(person, people)
    person_pk = person.pk

    delete_account(person, stories="erase")

    ids = [story.pk for story in stories]
    assert not Story.objects.filter(pk__in=ids).exists()
    assert not StoryVersion.objects.filter(story__in=ids).exists()
    assert not ConsentRecord.objects.filter(story__in=ids).exists()
    assert AuditEvent.objects.filter(action="story.erased", object_id__in=ids).count() == 5
    assert AuditEvent.objects.filter(action="story.erased", actor=None).count() == 5
    assert not AuditEvent.objects.filter(actor_id=person_pk).exists()


def test_recognitions_stay_anonymous_and_counts_stay_the_same(people):
    person = person_with_marker(people)
    world = everything_else_with_marker(person, people)
    version = world["item"].current
    before = recognition_counts(version)

    delete_account(person, stories="erase")

    assert recognition_counts(version) == before
    recognition = Recognition.objects.get(version=version)
    assert is_stand_in(recognition.user) and recognition.comment == ""
    assert recognition.organisation == people.org_a


def test_inbreng_keeps_the_answer_but_not_the_contributors_words(people):
    person = person_with_marker(people)
    world = everything_else_with_marker(person, people)
    contribution = world["contribution"]

    delete_account(person, stories="erase")

    contribution = Contribution.objects.get(pk=contribution.pk)
    assert is_stand_in(contribution.contributor)
    assert MARKER not in contribution.title + contribution.text
    answer = ContributionUpdate.objects.get(contribution=contribution, author=people.policy_officer)
    assert answer.text == "Het leespanel leest voortaan mee."


def test_a_coordinators_deletion_keeps_the_organisations_data(people):
    coordinator = people.coordinator
    contribution = inbreng_for(people, people.anouk, to=people.org_a)
    inbreng_services.add_update(coordinator, contribution, text="We nemen het mee.")
    scan = ScanRound.objects.create(
        organisation=people.org_a, title="Scan 2026", started_by=coordinator
    )
    ScanResponse.objects.create(
        round=scan, respondent=coordinator, answers={"1": 3}, content_version=1
    )

    coordinator_pk = coordinator.pk

    delete_account(coordinator, stories="erase")

    answer = ContributionUpdate.objects.get(contribution=contribution, text="We nemen het mee.")
    assert answer.author is None
    scan.refresh_from_db()
    assert scan.started_by is None
    response = ScanResponse.objects.get(round=scan)
    assert is_stand_in(response.respondent) and response.answers == {"1": 3}
    assert not Membership.objects.filter(user_id=coordinator_pk).exists()
    assert Contribution.objects.filter(pk=contribution.pk, contributor=people.anouk).exists()


def test_referrals_stay_with_the_organisation_without_the_worker(people):
    from wijkennis.referrals import services as referral_services
    from wijkennis.referrals.tests.helpers import concept, profile_for

    domain = concept("Post")
    profile_for(people.anouk, domains=[domain])
    referral = referral_for(people, [domain])
    referral_services.offer_to_workers(people.coordinator, referral, [people.anouk])
    referral_services.answer_offer(people.anouk, referral, accept=True)
    referral_services.record_client_choice(people.coordinator, referral, people.anouk)

    delete_account(people.anouk, stories="erase")

    referral = Referral.objects.get(pk=referral.pk)
    assert referral.worker is None
    assert is_stand_in(referral.offers.get().worker)


def test_an_unknown_story_choice_is_refused(people):
    import pytest

    with pytest.raises(ValueError):
        delete_account(people.anouk, stories="keep")
    assert User.objects.filter(pk=people.anouk.pk).exists()


def test_stories_of_others_are_untouched(people):
    mine = StoryFactory(author=people.anouk, organisation=people.org_a, published=True)
    theirs = StoryFactory(
        author=people.bram, organisation=people.org_b, published=True, visibility=Visibility.PUBLIC
    )

    delete_account(people.anouk, stories="erase")

    assert not Story.objects.filter(pk=mine.pk).exists()
    assert Story.objects.get(pk=theirs.pk).author == people.bram
