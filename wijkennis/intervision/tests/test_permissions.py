"""Who sees what: a group's sessions, cases, notes and lessons are for its members only."""

import pytest
from django.urls import reverse

from wijkennis.intervision import services
from wijkennis.intervision.models import (
    Case,
    IntervisionGroup,
    Lesson,
    Session,
    StepNote,
    can_take_part,
)

from .helpers import group_of, session_of


@pytest.fixture
def world(people):
    """Anouk facilitates a group with Bram; Bram shared a case; there is a note and a lesson."""
    group = group_of(people, people.bram)
    session = session_of(group)
    case = Case.objects.create(
        session=session,
        author=people.bram,
        original_text="Mijn cliënt meneer Jansen was boos.",
        text="Mijn cliënt meneer [naam 1] was boos.",
    )
    services.share_case(people.bram, case)
    services.add_note(people.anouk, session, "We kiezen de casus van Bram.")
    lesson = services.record_lesson(people.anouk, session, title="Rust", text="Eerst luisteren.")
    return group, session, case, lesson


def test_only_experience_workers_and_coordinators_take_part(people):
    allowed = {"anouk", "coordinator", "bram", "coordinator_b"}
    for name, person in people.roles().items():
        assert can_take_part(person) is (name in allowed), name


@pytest.mark.parametrize(
    "name", ["coordinator", "colleague", "coordinator_b", "researcher", "admin"]
)
def test_non_members_see_nothing_of_the_group(people, world, name):
    person = getattr(people, name)
    assert not IntervisionGroup.objects.visible_to(person).exists()
    for model in (Session, Case, StepNote, Lesson):
        assert not model.objects.visible_to(person).exists(), model


def test_anonymous_sees_nothing(people, world):
    for model in (IntervisionGroup, Session, Case, StepNote, Lesson):
        assert not model.objects.visible_to(people.anonymous).exists()


def test_members_see_the_groups_work(people, world):
    group, session, case, lesson = world
    for person in (people.anouk, people.bram):
        assert list(Case.objects.visible_to(person)) == [case]
        assert list(Lesson.objects.visible_to(person)) == [lesson]
        assert StepNote.objects.visible_to(person).count() == 1


def test_pages_of_the_group_are_404_for_non_members_and_staff(client, people, world):
    group, session, case, lesson = world
    urls = [
        reverse("intervision:group", kwargs={"group_pk": group.pk}),
        reverse("intervision:group_ics", kwargs={"group_pk": group.pk}),
        reverse("intervision:session", kwargs={"session_pk": session.pk}),
        reverse("intervision:session_ics", kwargs={"session_pk": session.pk}),
        reverse("intervision:case_create", kwargs={"session_pk": session.pk}),
    ]
    for person in (people.coordinator, people.coordinator_b, people.admin):
        client.force_login(person)
        for url in urls:
            assert client.get(url).status_code == 404, (person, url)
        assert (
            client.post(reverse("intervision:lesson_propose", args=[lesson.pk])).status_code == 404
        )
        assert (
            client.post(reverse("intervision:note", args=[session.pk]), {"text": "x"}).status_code
            == 404
        )
        assert client.post(reverse("intervision:step", args=[session.pk])).status_code == 404
    session.refresh_from_db()
    assert session.current_step == 0


def test_a_pending_request_is_not_membership(client, people, world):
    group, session, case, lesson = world
    services.request_to_join(people.coordinator_b, group)
    assert not group.is_member(people.coordinator_b)
    assert not Case.objects.visible_to(people.coordinator_b).exists()
    client.force_login(people.coordinator_b)
    assert client.get(group.get_absolute_url()).status_code == 404
    assert client.get(session.get_absolute_url()).status_code == 404


def test_a_declined_member_sees_nothing(people, world):
    group, *_rest = world
    place = services.request_to_join(people.coordinator_b, group)
    services.decide_request(people.anouk, place, accept=False)
    assert not Session.objects.visible_to(people.coordinator_b).exists()


def test_an_unshared_case_is_only_for_its_author(client, people, world):
    group, session, _case, _lesson = world
    draft = Case.objects.create(
        session=session, author=people.bram, original_text="Geheim", text="Geheim"
    )
    assert draft not in Case.objects.visible_to(people.anouk)
    assert draft in Case.objects.visible_to(people.bram)
    client.force_login(people.anouk)
    assert client.get(reverse("intervision:case_review", args=[draft.pk])).status_code == 404
    assert client.post(reverse("intervision:case_share", args=[draft.pk])).status_code == 404
    # A shared case too: the review page shows the original, so it is the author's only.
    assert client.get(reverse("intervision:case_review", args=[_case.pk])).status_code == 404


def test_the_original_of_a_case_is_never_on_the_group_pages(client, people, world):
    group, session, case, _lesson = world
    client.force_login(people.anouk)
    for url in (group.get_absolute_url(), session.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "Jansen" not in page
    assert "meneer [naam 1]" in client.get(session.get_absolute_url()).content.decode()
    assert case.original_for(people.anouk) is None
    assert case.original_for(people.bram) == "Mijn cliënt meneer Jansen was boos."


@pytest.mark.parametrize("name", ["colleague", "policy_officer", "researcher", "admin"])
def test_others_may_not_list_or_join_groups(client, people, world, name):
    group, *_rest = world
    client.force_login(getattr(people, name))
    assert client.get(reverse("intervision:list")).status_code == 403
    assert client.get(reverse("intervision:create")).status_code == 403
    assert client.post(reverse("intervision:join", args=[group.pk])).status_code == 403
    assert not group.members.filter(user=getattr(people, name)).exists()


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(reverse("intervision:list"))
    assert response.status_code == 302 and "/account/inloggen/" in response.url


def test_only_the_facilitator_plans_and_decides(client, people, world):
    group, session, *_rest = world
    place = services.request_to_join(people.coordinator, group)
    client.force_login(people.bram)  # a member, not the facilitator
    assert client.get(reverse("intervision:session_create", args=[group.pk])).status_code == 403
    url = reverse("intervision:decide", args=[group.pk, place.pk])
    assert client.post(url, {"decision": "accept"}).status_code == 403
    assert client.post(reverse("intervision:attendance", args=[session.pk])).status_code == 403
    assert not group.is_member(people.coordinator)
