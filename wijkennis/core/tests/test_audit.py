"""The audit log (`core:audit`): sensitive reads leave an event; a beheerder sees the events of
the people of their own organisation(s), filtered and paginated, never a record's text."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import MembershipFactory, StoryFactory, UserFactory
from wijkennis.core.audit import PAGE_SIZE, events_visible_to
from wijkennis.core.models import AuditEvent, record_event
from wijkennis.inbreng.tests.helpers import inbreng_for
from wijkennis.intervision.tests.helpers import matrix_world
from wijkennis.organisations.models import Role
from wijkennis.referrals.tests.helpers import concept, profile_for, referral_for
from wijkennis.stories.models import Visibility
from wijkennis.trajectories.tests.helpers import trajectory_for

URL = reverse("core:audit")


@pytest.fixture
def beheerder_a(people):
    """A beheerder of organisation A only, without staff rights."""
    user = UserFactory(email="beheer@a.test")
    MembershipFactory(user=user, organisation=people.org_a, role=Role.BEHEERDER)
    return user


def shown(response) -> set[int]:
    return {event.pk for event in response.context["page"].object_list}


def test_sensitive_reads_leave_an_event(client, people):
    trajectory = trajectory_for(people.coordinator, people.org_a)
    client.force_login(people.coordinator)
    assert client.get(trajectory.get_absolute_url()).status_code == 200
    assert client.get(reverse("trajectories:schoenendoos", args=[trajectory.pk])).status_code == 200
    assert AuditEvent.objects.filter(action="trajectory.read", object_id=trajectory.pk).count() == 2

    domain = concept("Post")
    profile = profile_for(people.anouk, domains=[domain])
    referral = referral_for(people, [domain])
    assert client.get(reverse("referrals:detail", args=[referral.pk])).status_code == 200
    assert AuditEvent.objects.filter(action="referrals.read", object_id=referral.pk).exists()
    read = AuditEvent.objects.get(action="referrals.profile_read", object_id=profile.pk)
    assert read.actor == people.coordinator and read.detail == f"referral {referral.pk}"

    contribution = inbreng_for(people)
    client.force_login(people.anouk)  # her own inbreng: no event
    client.get(reverse("inbreng:detail", args=[contribution.pk]))
    assert not AuditEvent.objects.filter(action="inbreng.read").exists()
    client.force_login(people.policy_officer)
    assert client.get(reverse("inbreng:detail", args=[contribution.pk])).status_code == 200
    assert AuditEvent.objects.get(action="inbreng.read").actor == people.policy_officer

    world = matrix_world(people)  # Bram shared a case in Anouk's session
    client.force_login(people.anouk)
    assert client.get(reverse("intervision:session", args=[world["session_pk"]])).status_code == 200
    assert AuditEvent.objects.get(action="intervision.case_read").actor == people.anouk


def test_a_beheerder_sees_the_events_of_their_own_organisation_only(client, people, beheerder_a):
    story = StoryFactory(
        author=people.anouk,
        organisation=people.org_a,
        published=True,
        visibility=Visibility.NETWORK,
        body="Geheim verhaal over de schoenendoos",
    )
    own = record_event(people.coordinator, "story.read", story)
    other = record_event(people.bram, "story.read", story)
    system = record_event(None, "account.deleted", people.colleague)
    client.force_login(beheerder_a)

    response = client.get(URL)

    assert response.status_code == 200
    assert own.pk in shown(response)
    assert other.pk not in shown(response) and system.pk not in shown(response)
    assert "schoenendoos" not in response.content.decode()  # never the story's text
    client.force_login(people.admin)  # staff: every event
    assert {own.pk, other.pk, system.pk} <= shown(client.get(URL))


@pytest.mark.parametrize("who", ["anouk", "coordinator", "colleague", "policy_officer", "bram"])
def test_everyone_else_is_refused(client, people, who):
    client.force_login(getattr(people, who))
    assert client.get(URL).status_code == 403


def test_filters_by_date_action_person_and_organisation(client, people):
    story = StoryFactory(author=people.anouk, organisation=people.org_a)
    old = record_event(people.coordinator, "story.read", story)
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.now() - datetime.timedelta(days=40))
    new = record_event(people.coordinator, "trajectory.read", story)
    by_b = record_event(people.bram, "story.read", story)
    client.force_login(people.admin)
    today = timezone.localdate()

    recent = {"start": (today - datetime.timedelta(days=7)).isoformat(), "end": today.isoformat()}
    assert shown(client.get(URL, recent)) >= {new.pk, by_b.pk}
    assert old.pk not in shown(client.get(URL, recent))
    assert shown(client.get(URL, {"action": "story.read"})) >= {old.pk, by_b.pk}
    assert new.pk not in shown(client.get(URL, {"action": "story.read"}))
    assert shown(client.get(URL, {"actor": "COORDINATOR@A"})) == {old.pk, new.pk}
    assert shown(client.get(URL, {"organisation": people.org_b.pk})) == {by_b.pk}
    wrong = client.get(URL, {"start": today.isoformat(), "end": "2000-01-01", "actor": "x"})
    assert wrong.status_code == 400 and wrong.context["form"]["actor"].value() == "x"
    assert client.get(URL, {"action": "bestaat.niet"}).status_code == 400


def test_pages_of_fifty_newest_first(client, people, beheerder_a):
    story = StoryFactory(author=people.anouk, organisation=people.org_a)
    events = [record_event(people.anouk, "story.read", story) for _ in range(PAGE_SIZE + 1)]
    client.force_login(beheerder_a)

    first = client.get(URL)
    second = client.get(URL, {"page": 2})

    assert len(shown(first)) == PAGE_SIZE and shown(second) == {events[0].pk}
    assert "page=2" in first.content.decode()
    assert list(events_visible_to(beheerder_a))[0] == events[-1]
