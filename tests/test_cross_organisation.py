"""Issue 11, point 6: nobody of organisation A reaches an object of organisation B.

For every route whose arguments name an object (walked from the URL conf, as the permission
matrix does), the object is made in organisation B (or for a person of B) and every member of
organisation A, one per role, calls the route with GET and with POST. The answer must be 403,
404 or 405 (never 200, never a redirect to a success page, never 500). API routes are called
with a token instead of a session. A new URL argument without an entry in OBJECTS or
NOT_ORGANISATION_OWNED fails `test_every_url_argument_is_mapped`.
"""

from functools import cache

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

from tests.factories import (
    ConceptFactory,
    MembershipFactory,
    StoryFactory,
    UserFactory,
    name_span,
)
from tests.test_permission_matrix import all_url_names
from wijkennis.deployment.services import save_plan
from wijkennis.deployment.tests.helpers import good_plan
from wijkennis.inbreng.tests.helpers import inbreng_for
from wijkennis.intervision import services as intervision_services
from wijkennis.intervision.models import Case
from wijkennis.intervision.tests.helpers import group_of, session_of
from wijkennis.invitations import services as invitation_services
from wijkennis.jobs.tests.factories import JobDescriptionFactory
from wijkennis.organisations.models import Role
from wijkennis.readiness.models import ScanRound
from wijkennis.referrals import services as referral_services
from wijkennis.referrals.tests.helpers import concept, profile_for
from wijkennis.stories.models import Visibility
from wijkennis.taalbrug.models import SavedText
from wijkennis.trainings.tests.factories import TrainingRecordFactory
from wijkennis.trajectories.tests.helpers import trajectory_for, with_creditors

# Arguments that do not name an object of one organisation, and why.
NOT_ORGANISATION_OWNED = {
    "format": "the API's format suffix",
    "rest": "the API's catch-all for unknown paths",
    "slug": "a concept, a help guide or advice: shared by everyone",
    "scheme": "a vocabulary scheme: shared by everyone",
    "proposal_pk": "vocabulary proposals are shared governance across organisations",
    "item_pk": "wij-kennis is network knowledge, read across organisations by design",
    "training_slug": "the training catalogue is public",
    "dataset": "research export of network data (researchers)",
    "extension": "a file type",
    "token": "a secret in a link (password reset, invitation); tested in their apps",
    "uidb64": "part of the password reset link",
}

# (route, method, role) where a person of A may rightly reach an object of B, and why.
BY_DESIGN = {
    # Intervision groups are across organisations: anyone may ask to join a group.
    ("intervision:join", "post", "*"),
    # Signing in with organisation B's own account starts at B's login service (404 without one).
    ("sso:start", "get", "*"),
    # The beheerder administers the whole installation (DESIGN §2) and sees every dashboard:
    # aggregates only, small groups suppressed (dashboards/access.py).
    *(
        (f"dashboards:{page}", method, Role.BEHEERDER.value)
        for page in ("organisation", "organisation_export", "municipality", "municipality_export")
        for method in ("get", "post")
    ),
}


def by_design(name: str, method: str, role: str) -> bool:
    return (name, method, "*") in BY_DESIGN or (name, method, role) in BY_DESIGN


def _org_b_world(people):
    """Objects of organisation B, each made on first use."""
    bram, coordinator_b = people.bram, people.coordinator_b
    municipality_b = people.org_b.funded_by.get()

    @cache
    def story():
        made = StoryFactory(
            author=bram,
            organisation=people.org_b,
            published=True,
            visibility=Visibility.ORGANISATION,
        )
        name_span(made.current_version)
        return made

    @cache
    def trajectory():
        return with_creditors(bram, trajectory_for(bram, people.org_b, code="SD-B-01"))

    @cache
    def contribution():
        return inbreng_for(people, bram, to=municipality_b)

    @cache
    def intervision():
        members = UserFactory(email="lid@b.test")
        MembershipFactory(user=members, organisation=people.org_b, role=Role.ERVARINGSWERKER)
        group = group_of(people, members, facilitator=bram, themes=[ConceptFactory(slug="geld")])
        session = session_of(group)
        case = Case.objects.create(session=session, author=bram, original_text="C", text="C")
        joiner = UserFactory(email="wil@b.test")
        MembershipFactory(user=joiner, organisation=people.org_b, role=Role.ERVARINGSWERKER)
        return {
            "group_pk": group.pk,
            "member_pk": intervision_services.request_to_join(joiner, group).pk,
            "session_pk": session.pk,
            "case_pk": case.pk,
            "lesson_pk": intervision_services.record_lesson(
                bram, session, title="Rust", text="Eerst luisteren."
            ).pk,
        }

    @cache
    def referral():
        domain = concept("Post B")
        profile_for(bram, domains=[domain])
        return referral_services.file_referral(
            people.colleague_b,
            people.org_b,
            code="VW-B1",
            question="Hulp bij post",
            domains=[domain],
            client_agreed=True,
        )

    def by_namespace(**makers):
        return lambda name: makers[name.split(":")[0]]()

    return {
        "pk": by_namespace(
            stories=lambda: story().pk,
            api=lambda: story().pk,
            taalbrug=lambda: SavedText.objects.create(owner=bram, title="Brief", text="Tekst").pk,
        ),
        "span_pk": lambda name: story().current_version.spans.get().pk,
        "round_pk": lambda name: ScanRound.objects.create(organisation=people.org_b, title="B").pk,
        "job_pk": lambda name: JobDescriptionFactory(organisation=people.org_b).pk,
        "plan_pk": lambda name: save_plan(coordinator_b, people.org_b, **good_plan()).pk,
        "trajectory_pk": lambda name: trajectory().pk,
        "creditor_pk": lambda name: trajectory().creditors.first().pk,
        "contribution_pk": lambda name: contribution().pk,
        "milestone_pk": lambda name: (
            contribution().milestones.create(title="Plan", due_on="2027-01-01").pk
        ),
        "notification_pk": lambda name: contribution().notifications.first().pk,
        "recipient_pk": lambda name: people.org_b.pk,
        "organisation_pk": lambda name: people.org_b.pk,
        "municipality_pk": lambda name: municipality_b.pk,
        "referral_pk": lambda name: referral().pk,
        "invitation_pk": lambda name: (
            invitation_services.invite(
                coordinator_b, email="nieuw@b.test", organisation=people.org_b, role=Role.COLLEGA
            )[0].pk
        ),
        "record_pk": lambda name: TrainingRecordFactory(worker=bram).pk,
        **{
            key: (lambda name, key=key: intervision()[key])
            for key in ("group_pk", "member_pk", "session_pk", "case_pk", "lesson_pk")
        },
    }


OBJECTS = {
    "pk", "span_pk", "round_pk", "job_pk", "plan_pk", "trajectory_pk", "creditor_pk",
    "contribution_pk", "milestone_pk", "notification_pk", "recipient_pk", "organisation_pk",
    "municipality_pk", "referral_pk", "invitation_pk", "record_pk", "group_pk", "member_pk",
    "session_pk", "case_pk", "lesson_pk",
}  # fmt: skip

ROUTES = sorted(
    {
        (name, tuple(sorted(pattern.pattern.regex.groupindex)))
        for name, pattern in all_url_names()
        if not name.startswith("admin:")  # the Django admin: staff only (permission matrix)
    }
)
OBJECT_ROUTES = [(name, groups) for name, groups in ROUTES if set(groups) & OBJECTS]


def test_every_url_argument_is_mapped():
    arguments = {group for _name, groups in ROUTES for group in groups}
    unknown = arguments - OBJECTS - set(NOT_ORGANISATION_OWNED)
    assert not unknown, f"Say which object these URL arguments name (OBJECTS): {unknown}"


def test_the_walk_covers_every_kind_of_object():
    covered = {group for _name, groups in OBJECT_ROUTES for group in groups} & OBJECTS
    assert covered == OBJECTS


def members_of_a(people) -> dict[str, object]:
    """One person of organisation A (or the municipality that funds it) per role."""
    persons = {
        Role.ERVARINGSWERKER: people.anouk,
        Role.COORDINATOR: people.coordinator,
        Role.COLLEGA: people.colleague,
        Role.BELEIDSMEDEWERKER: people.policy_officer,
    }
    for role in Role:
        if role not in persons:
            user = UserFactory(email=f"{role.value}@a.test")
            MembershipFactory(user=user, organisation=people.org_a, role=role)
            persons[role] = user
    return {role.value: user for role, user in persons.items()}


# Filler values for the arguments that are not objects.
PLAIN = {
    "format": "json",
    "rest": "bestaat-niet/",
    "slug": "schulden",
    "scheme": "levensgebied",
    "dataset": "patterns",
    "extension": "csv",
}


def _refused(response) -> bool:
    return response.status_code in (403, 404, 405)


@pytest.mark.parametrize(("name", "groups"), OBJECT_ROUTES)
def test_a_member_of_another_organisation_gets_no_access(client, people, name, groups):
    world = _org_b_world(people)
    kwargs = {group: (world[group](name) if group in OBJECTS else PLAIN[group]) for group in groups}
    url = reverse(name, kwargs=kwargs)
    wrong = []
    for role, person in members_of_a(people).items():
        for method in ("get", "post"):
            if by_design(name, method, role):
                continue
            client.logout()
            if name.startswith("api:"):
                token, _created = Token.objects.get_or_create(user=person)
                headers = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
            else:
                client.force_login(person)
                headers = {}
            response = getattr(client, method)(url, **headers)
            if not _refused(response):
                wrong.append(f"{role} {method.upper()} → {response.status_code}")
    assert not wrong, f"{name} ({url}) of organisation B: " + ", ".join(wrong)


# The control: the same URLs open for the people of B, so the refusals above are about the
# organisation, not about a wrong URL or a missing object.
OWN_SIDE = {
    "stories:detail": "bram",
    "taalbrug:detail": "bram",
    "trajectories:detail": "bram",
    "inbreng:detail": "bram",
    "referrals:detail": "colleague_b",
    "jobs:detail": "coordinator_b",
    "deployment:detail": "coordinator_b",
    "readiness:round": "coordinator_b",
    "intervision:session": "bram",
    "trainings:record_edit": "bram",
    "dashboards:organisation": "coordinator_b",
    "api:story-detail": "bram",
}


@pytest.mark.parametrize(("name", "groups"), [r for r in OBJECT_ROUTES if r[0] in OWN_SIDE])
def test_the_people_of_organisation_b_do_reach_these_objects(client, people, name, groups):
    world = _org_b_world(people)
    kwargs = {group: (world[group](name) if group in OBJECTS else PLAIN[group]) for group in groups}
    person = getattr(people, OWN_SIDE[name])
    client.force_login(person)
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 200
