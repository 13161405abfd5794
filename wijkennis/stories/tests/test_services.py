"""The story flow through its services: save → review → publish → edit → withdraw / erase."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from wijkennis.core.models import AuditEvent
from wijkennis.stories import services
from wijkennis.stories.models import (
    ConsentRecord,
    DeidentificationSpan,
    SpanDecision,
    Status,
    Story,
    StoryVersion,
    Visibility,
)

STORY = (
    "Ik ging met Fatima el Amrani naar de Kerkstraat 12, 3511 AB Utrecht. Haar nummer is "
    "06-12345678 en haar mail fatima.elamrani@example.nl. Haar BSN is 123456782."
)


def write(people, body=STORY, **extra):
    return services.save_draft(
        people.anouk, organisation=people.org_a, title="De schoenendoos", body=body, **extra
    )


def test_saving_a_draft_deidentifies_every_direct_identifier(people):
    story = write(people)
    version = story.current_version
    for identifier in (
        "Fatima",
        "Kerkstraat 12",
        "3511 AB",
        "06-12345678",
        "fatima.elamrani@example.nl",
        "123456782",
    ):
        assert identifier in version.original_body
        assert identifier not in version.body
    kinds = set(version.spans.values_list("kind", flat=True))
    assert {"name", "phone", "email", "bsn"} <= kinds
    assert story.status == Status.DRAFT


def test_names_the_system_knows_are_hidden(people):
    story = write(people, body="Mijn collega Bram Oosterhuis van Schuldhulp Oostrand belde mij.")
    body = story.current_version.body
    assert "Oosterhuis" not in body and "Schuldhulp Oostrand" not in body


def test_author_can_undo_and_edit_a_replacement(people):
    story = write(people)
    span = story.current_version.spans.get(original="06-12345678")
    services.decide_span(people.anouk, span, SpanDecision.UNDONE)
    assert "06-12345678" in StoryVersion.objects.get(pk=span.version_id).body
    services.decide_span(people.anouk, span, SpanDecision.EDITED, "[nummer van haar]")
    body = StoryVersion.objects.get(pk=span.version_id).body
    assert "[nummer van haar]" in body and "06-12345678" not in body
    with pytest.raises(ValidationError):
        services.decide_span(people.anouk, span, SpanDecision.EDITED, "  ")
    with pytest.raises(PermissionDenied):
        services.decide_span(people.bram, span, SpanDecision.UNDONE)


def test_author_can_hide_a_phrase_the_deidentifier_missed(people):
    story = write(
        people,
        body="We zaten op het bankje bij de eendenvijver. Later weer daar: "
        "het bankje bij de eendenvijver.",
    )
    count = services.hide_phrase(people.anouk, story.current_version, "eendenvijver", "[plek]")
    assert count == 2
    body = StoryVersion.objects.get(pk=story.current_version_id).body
    assert "eendenvijver" not in body and body.count("[plek]") == 2


def test_publishing_needs_consent_and_records_the_text_shown(people):
    story = write(people)
    with pytest.raises(ValidationError):
        services.publish_story(
            people.anouk, story, visibility=Visibility.NETWORK, consent_given=False
        )
    assert not ConsentRecord.objects.exists()
    services.publish_story(people.anouk, story, visibility=Visibility.NETWORK, consent_given=True)
    story.refresh_from_db()
    assert story.status == Status.PUBLISHED
    assert story.published_version_id == story.current_version_id
    consent = ConsentRecord.objects.get(story=story)
    assert consent.visibility == Visibility.NETWORK and "netwerk" in consent.consent_text.lower()


def test_editing_a_published_story_makes_a_new_version_others_see_after_republishing(people):
    story = write(people)
    services.publish_story(people.anouk, story, visibility=Visibility.NETWORK, consent_given=True)
    first = story.published_version
    services.save_draft(
        people.anouk,
        organisation=people.org_a,
        story=story,
        title="Nieuw",
        body="Een nieuwe versie over Fatima el Amrani.",
    )
    story.refresh_from_db()
    assert story.current_version.number == 2
    assert story.published_version == first and story.has_unpublished_changes
    services.publish_story(people.anouk, story, visibility=Visibility.NETWORK, consent_given=True)
    story.refresh_from_db()
    assert story.published_version.number == 2 and not story.has_unpublished_changes
    assert "Fatima" not in story.published_version.body


def test_withdraw_hides_at_once_and_erase_removes_everything(people):
    story = write(people)
    services.publish_story(people.anouk, story, visibility=Visibility.PUBLIC, consent_given=True)
    services.withdraw_story(people.anouk, story)
    assert not Story.objects.visible_to(people.bram).filter(pk=story.pk).exists()
    assert Story.objects.visible_to(people.anouk).filter(pk=story.pk).exists()
    with pytest.raises(PermissionDenied):
        services.erase_story(people.bram, story)
    story_id = story.pk
    services.erase_story(people.anouk, story)
    assert not Story.objects.exists()
    assert not StoryVersion.objects.exists()
    assert not DeidentificationSpan.objects.exists()
    assert not ConsentRecord.objects.exists()
    assert AuditEvent.objects.filter(action="story.erased", object_id=story_id).exists()


def test_only_writers_of_the_organisation_may_write(people):
    for user in (people.colleague, people.policy_officer, people.researcher):
        with pytest.raises(PermissionDenied):
            services.save_draft(user, organisation=people.org_a, title="x", body="y")
    with pytest.raises(PermissionDenied):
        services.save_draft(people.bram, organisation=people.org_a, title="x", body="y")
