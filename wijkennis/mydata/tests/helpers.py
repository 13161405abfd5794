"""A person with a bit of everything in Wijkennis, each piece carrying a marker string."""

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from rest_framework.authtoken.models import Token

from tests.factories import (
    ConceptFactory,
    MembershipFactory,
    StoryFactory,
    UserFactory,
    name_span,
)
from wijkennis.core.models import record_event
from wijkennis.inbreng import services as inbreng_services
from wijkennis.inbreng.tests.helpers import inbreng_for
from wijkennis.intervision import services as intervision_services
from wijkennis.intervision.models import Case
from wijkennis.intervision.tests.helpers import group_of, session_of
from wijkennis.knowledge import services as knowledge_services
from wijkennis.organisations.models import Role
from wijkennis.referrals.models import ReferralNotification
from wijkennis.referrals.tests.helpers import profile_for
from wijkennis.search.indexing import update_story
from wijkennis.stories.models import (
    ConsentRecord,
    Status,
    StoryVersion,
    Visibility,
)
from wijkennis.taalbrug.models import SavedText
from wijkennis.trainings.tests.factories import TrainingRecordFactory
from wijkennis.vocabulary.models import Comment, Proposal, Vote

MARKER = "zqxmarker7731"  # letters then digits: Dutch stemming leaves it as it is


def person_with_marker(people, marker=MARKER):
    """An ervaringswerker of organisation A whose name and e-mail carry the marker."""
    user = UserFactory(
        email=f"{marker}@a.test", first_name=marker.capitalize(), last_name=f"Van{marker}"
    )
    MembershipFactory(user=user, organisation=people.org_a, role=Role.ERVARINGSWERKER)
    return user


def story_of(user, organisation, *, visibility, status, title, body, what_helped=""):
    story = StoryFactory(
        author=user,
        organisation=organisation,
        visibility=visibility,
        status=status,
        title=title,
        body=body,
        published=status == Status.PUBLISHED,
    )
    version = story.current_version
    version.what_helped = version.original_what_helped = what_helped
    version.save()
    if status == Status.PUBLISHED:
        ConsentRecord.objects.create(
            story=story,
            version=version,
            visibility=visibility,
            consent_text="Ik geef toestemming.",
            given_by=user,
        )
        update_story(story)
    return story


def stories_with_marker(user, people, marker=MARKER) -> list:
    """A draft, a story published at each visibility (indexed in search), a second version
    and a de-identification span, all with the marker in their text."""
    stories = [
        story_of(
            user,
            people.org_a,
            visibility=Visibility.PRIVATE,
            status=Status.DRAFT,
            title=f"Concept {marker}",
            body=f"Nog niet af {marker}.",
        )
    ]
    for visibility in Visibility.values:
        stories.append(
            story_of(
                user,
                people.org_a,
                visibility=visibility,
                status=Status.PUBLISHED,
                title=f"Schulden en {marker}",
                body=f"De schoenendoos van {marker} stond vol brieven.",
                what_helped=f"Samen bellen met {marker}.",
            )
        )
    shared = stories[-1]
    newer = StoryVersion.objects.create(
        story=shared,
        number=2,
        original_title=f"Nieuwe versie {marker}",
        original_body=f"Aangepast door {marker}.",
        title="Nieuwe versie [naam 1]",
        body="Aangepast door [naam 1].",
    )
    name_span(newer, marker, start=14, source="known")
    shared.current_version = newer
    shared.save()
    return stories


def everything_else_with_marker(user, people, marker=MARKER) -> dict:
    """Recognitions, an experience report, inbreng, profile, training record, saved text,
    intervision, vocabulary, notifications, token, audit and admin lines: the marker in each
    place where the person's own words or name are stored."""
    situation = ConceptFactory(slug="schulden", pref_label="Schulden")
    item = knowledge_services.propose_item(
        people.anouk, situations=[situation], title="Samen de post openen", insight="Een vaste dag."
    )
    recognition = knowledge_services.recognise(user, item, True, comment=f"Ja, {marker} ook.")
    knowledge_services.submit_report(
        user, situation=situation, outcome="hielp", tried_text="samen bellen", for_whom=marker
    )
    contribution = inbreng_for(people, user, title=f"Inbreng {marker}", text=f"Zei {marker}.")
    inbreng_services.add_update(
        people.policy_officer,
        contribution,
        text="Het leespanel leest voortaan mee.",
        status="verwerkt",
        change="doorgevoerd",
    )
    contribution.refresh_from_db()
    inbreng_services.rate_answer(user, contribution, "ja", comment=f"Helder, {marker}.")
    profile_for(user, languages=f"Nederlands, {marker}", wijken=f"Wijk {marker}")
    TrainingRecordFactory(worker=user, note=f"Notitie {marker}", diploma_obtained=marker)
    SavedText.objects.create(owner=user, title=f"Brief {marker}", text=f"Tekst {marker}.")
    group = group_of(people, user, themes=[situation])
    session = session_of(group, days=-1)
    place = group.members.get(user=user)
    place.message = f"Graag, {marker}"
    place.save()
    intervision_services.add_note(user, session, f"Notitie {marker}")
    Case.objects.create(
        session=session, author=user, original_text=f"Casus {marker}", text="Casus [naam 1]"
    )
    session.attendees.add(user)
    proposal = Proposal.objects.create(kind="uitleg", concept=situation, definition="Anders.")
    Vote.objects.create(proposal=proposal, voter=user, agrees=True)
    Comment.objects.create(proposal=proposal, author=user, text=f"Goed idee, {marker}.")
    ReferralNotification.objects.create(
        user=user, referral=_referral_for_notification(people, situation)
    )
    Token.objects.create(user=user)
    record_event(user, "story.read", item)
    record_event(people.admin, "user.changed", user)
    LogEntry.objects.create(
        user=people.admin,
        content_type=ContentType.objects.get_for_model(user),
        object_id=str(user.pk),
        object_repr=str(user),
        action_flag=CHANGE,
        change_message=f'[{{"changed": {{"fields": ["{marker}"]}}}}]',
    )
    _sign_in_traces(user, people, marker)
    return {"item": item, "recognition": recognition, "contribution": contribution}


def _referral_for_notification(people, situation):
    from wijkennis.referrals.tests.helpers import referral_for

    return referral_for(people, [situation])


def _sign_in_traces(user, people, marker):
    from axes.models import AccessFailureLog, AccessLog

    AccessLog.objects.create(username=user.email, ip_address="127.0.0.1", user_agent="test")
    AccessFailureLog.objects.create(username=user.email, ip_address="127.0.0.1", user_agent="test")
    _oidc_identity(user, people, marker)
    _invitation(user, people, marker)


def _invitation(user, people, marker):
    """The invitation the person accepted, naming them (app `invitations`)."""
    from django.utils import timezone

    from wijkennis.invitations.models import Invitation

    Invitation.objects.create(
        email=user.email,
        first_name=marker,
        organisation=people.org_a,
        role=Role.ERVARINGSWERKER,
        invited_by=people.coordinator,
        token_hash="0" * 64,
        accepted_at=timezone.now(),
        accepted_by=user,
    )


def _oidc_identity(user, people, marker):
    """A linked organisation account (app `sso`), when that app has its models."""
    from wijkennis.sso.models import OidcIdentity
    from wijkennis.sso.tests.helpers import offline_provider_for

    provider = offline_provider_for(people.org_a, host="idp.example.test")
    OidcIdentity.objects.create(provider=provider, subject=f"sub-{marker}", user=user)
