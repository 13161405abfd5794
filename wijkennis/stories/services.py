"""Writes to stories: every change that touches more than one model, with its audit event."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkennis.core.models import record_event
from wijkennis.deidentification.engine import KnownName, Span, deidentify, render
from wijkennis.organisations.models import (
    STORY_WRITER_ROLES,
    Membership,
    Organisation,
    Team,
)
from wijkennis.vocabulary.models import Concept

from .consent import consent_text
from .models import (
    TEXT_FIELDS,
    ConsentRecord,
    DeidentificationSpan,
    SpanDecision,
    Status,
    Story,
    StoryVersion,
)


def known_names() -> list[KnownName]:
    """Names Wijkennis itself knows: its users, organisations and teams."""
    from wijkennis.accounts.models import User

    names: list[KnownName] = []
    for first, last in User.objects.values_list("first_name", "last_name"):
        full = f"{first} {last}".strip()
        for text in {full, first, last}:
            if len(text) >= 2:
                names.append(KnownName(text=text, kind="name"))
    for text in Organisation.objects.values_list("name", flat=True):
        names.append(KnownName(text=text, kind="institution"))
    for text in Team.objects.values_list("name", flat=True):
        names.append(KnownName(text=text, kind="institution"))
    return names


def _check_can_write(author, organisation: Organisation) -> None:
    if not Membership.objects.filter(
        user=author, organisation=organisation, role__in=STORY_WRITER_ROLES
    ).exists():
        raise PermissionDenied(_("You cannot write stories for this organisation."))


def _deidentify_into(version: StoryVersion, names: list[KnownName]) -> None:
    version.spans.all().delete()
    spans = []
    for field in TEXT_FIELDS:
        result = deidentify(version.original(field), names)
        setattr(version, field, result.text)
        spans += [
            DeidentificationSpan(
                version=version,
                field=field,
                kind=span.kind,
                start=span.start,
                end=span.end,
                original=span.original,
                suggested=span.replacement,
                replacement=span.replacement,
                source=span.source,
            )
            for span in result.spans
        ]
    DeidentificationSpan.objects.bulk_create(spans)
    version.save()


def _reindex(story: Story) -> None:
    # Imported here: the search app builds on stories, not the other way round.
    from wijkennis.search.indexing import update_story

    update_story(story)


def _rerender(version: StoryVersion) -> None:
    """Rebuild the de-identified text from the original and the author's decisions.

    When this is the published version, readers and the search index see the change at once.
    """
    by_field: dict[str, list[Span]] = {field: [] for field in TEXT_FIELDS}
    for span in version.spans.all():
        by_field[span.field].append(
            Span(span.kind, span.start, span.end, span.original, span.shown, span.source)
        )
    for field, spans in by_field.items():
        setattr(version, field, render(version.original(field), spans))
    version.save()
    if version.story.published_version_id == version.pk:
        _reindex(version.story)


@transaction.atomic
def save_draft(
    author,
    *,
    organisation: Organisation,
    title: str,
    body: str,
    what_helped: str = "",
    what_did_not_help: str = "",
    story: Story | None = None,
) -> Story:
    """Save what the author wrote and de-identify it for review.

    A draft is edited in place; editing a published story starts a new version that others
    only see after the author has checked and published it again.
    """
    if story is None:
        _check_can_write(author, organisation)
        story = Story.objects.create(author=author, organisation=organisation)
    elif story.author_id != author.pk:
        raise PermissionDenied
    version = story.current_version
    if version is None or version.pk == story.published_version_id:
        number = (version.number + 1) if version else 1
        version = StoryVersion(story=story, number=number)
    version.original_title = title.strip()
    version.original_body = body.strip()
    version.original_what_helped = what_helped.strip()
    version.original_what_did_not_help = what_did_not_help.strip()
    version.save()
    _deidentify_into(version, known_names())
    story.current_version = version
    story.save()
    record_event(author, "story.saved", story, f"version {version.number}")
    return story


@transaction.atomic
def decide_span(author, span: DeidentificationSpan, decision: str, replacement: str = "") -> None:
    """Accept, undo or edit one replacement the de-identifier proposed."""
    if span.version.story.author_id != author.pk:
        raise PermissionDenied
    decision = SpanDecision(decision)
    if decision == SpanDecision.EDITED:
        replacement = replacement.strip()
        if not replacement:
            raise ValidationError(_("Type what should be shown instead."))
        span.replacement = replacement[:100]
    elif decision == SpanDecision.ACCEPTED:
        span.replacement = span.suggested
    span.decision = decision
    span.save()
    _rerender(span.version)


@transaction.atomic
def hide_phrase(author, version: StoryVersion, phrase: str, replacement: str) -> int:
    """Replace a phrase the de-identifier missed everywhere in the version; returns the count."""
    if version.story.author_id != author.pk:
        raise PermissionDenied
    phrase, replacement = phrase.strip(), (replacement.strip() or "[…]")[:100]
    if len(phrase) < 2:
        raise ValidationError(_("Type the words that should be hidden."))
    taken = {
        field: [(s.start, s.end) for s in version.spans.all() if s.field == field]
        for field in TEXT_FIELDS
    }
    added = []
    for field in TEXT_FIELDS:
        text, start = version.original(field), 0
        while (start := text.find(phrase, start)) != -1:
            end = start + len(phrase)
            if not any(s < end and start < e for s, e in taken[field]):
                added.append(
                    DeidentificationSpan(
                        version=version,
                        field=field,
                        kind="other",
                        start=start,
                        end=end,
                        original=phrase,
                        suggested=replacement,
                        replacement=replacement,
                        source="author",
                    )
                )
            start = end
    DeidentificationSpan.objects.bulk_create(added)
    _rerender(version)
    return len(added)


@transaction.atomic
def publish_story(
    author,
    story: Story,
    *,
    visibility: str,
    consent_given: bool,
    concepts: Iterable[Concept] = (),
) -> Story:
    """Share the checked, de-identified version at the chosen visibility, with consent."""
    if story.author_id != author.pk:
        raise PermissionDenied
    if not consent_given:
        raise ValidationError(_("Tick the box to confirm that you agree."))
    version = story.current_version
    ConsentRecord.objects.create(
        story=story,
        version=version,
        visibility=visibility,
        consent_text=consent_text(visibility, story.organisation.name),
        given_by=author,
    )
    story.visibility = visibility
    story.published_version = version
    story.status = Status.PUBLISHED
    story.published_at = timezone.now()
    story.save()
    story.concepts.set(concepts)
    _reindex(story)
    record_event(author, "story.published", story, f"version {version.number}, {visibility}")
    return story


@transaction.atomic
def withdraw_story(author, story: Story) -> Story:
    """Hide a story from everyone but its author, at once."""
    if story.author_id != author.pk:
        raise PermissionDenied
    story.status = Status.WITHDRAWN
    story.save()
    _reindex(story)
    record_event(author, "story.withdrawn", story)
    return story


@transaction.atomic
def erase_story(author, story: Story) -> None:
    """Delete the story with its original, all versions, spans and consent records."""
    if story.author_id != author.pk:
        raise PermissionDenied
    from wijkennis.search.indexing import purge_deleted_words

    record_event(author, "story.erased", story)
    story.delete()  # its search entry goes with it (search.indexing removes the words)
    purge_deleted_words()  # and no trace of them stays in the index's own tables
