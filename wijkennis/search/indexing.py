"""Keep the search index equal to what is published, in the caller's transaction."""

from django.db import connection
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wijkennis.core.generations import bump
from wijkennis.stories.models import Status, Story, Visibility

from .backends import Document, get_backend
from .models import SearchEntry


def document_for(story: Story) -> Document:
    version = story.published_version
    return Document(
        title=version.title,
        body="\n".join([version.body, version.what_helped, version.what_did_not_help]),
        concepts=" ".join(c.pref_label for c in story.concepts.all()),
    )


def update_story(story: Story) -> None:
    """Index the published version of `story`, or take it out when it is not published."""
    if story.status != Status.PUBLISHED or story.published_version_id is None:
        SearchEntry.objects.filter(story=story).delete()
        return
    entry, _created = SearchEntry.objects.update_or_create(
        story=story,
        defaults={
            "visibility": story.visibility,
            "organisation_id": story.organisation_id,
            "author_id": story.author_id,
            "published_at": story.published_at,
            "concept_ids": sorted(concept.pk for concept in story.concepts.all()),
        },
    )
    get_backend().write(entry.id, document_for(story))


def knowledge_document(item) -> Document:
    version = item.current
    return Document(
        title=version.title,
        body="\n".join(
            [
                version.insight,
                version.what_helped,
                version.what_made_worse,
                version.for_whom,
                version.cautions,
            ]
        ),
        concepts=" ".join(c.pref_label for c in version.situations.all()),
    )


def update_knowledge_item(item) -> None:
    """Index the current version of a wij-kennis item (network visibility, see SearchEntry)."""
    entry, _created = SearchEntry.objects.update_or_create(
        knowledge_item=item,
        defaults={
            "visibility": Visibility.NETWORK,
            "organisation": None,
            "author_id": item.created_by_id,
            "published_at": item.created_at,
            "concept_ids": sorted(concept.pk for concept in item.current.situations.all()),
        },
    )
    get_backend().write(entry.id, knowledge_document(item))


@receiver(post_save, sender=SearchEntry)
@receiver(post_delete, sender=SearchEntry)
def _index_changed(sender, **kwargs) -> None:
    bump("search")  # cached rankings (search.queries) are stale in every process


def purge_deleted_words() -> None:
    """Make deleted words really gone from the index, after an erasure.

    SQLite's FTS5 keeps deleted words in its index segments until they are merged; 'optimize'
    merges them now, so no word of an erased story stays in the file's tables. PostgreSQL keeps
    the words on the entry row itself, which is gone with the row.
    """
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_fts'")
        if cursor.fetchone():
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")


def rebuild(progress=None) -> int:
    """Index every published story and every wij-kennis item again (after an upgrade)."""
    from wijkennis.knowledge.models import KnowledgeItem

    count = 0
    for item in KnowledgeItem.objects.exclude(current=None).select_related("current"):
        update_knowledge_item(item)
        count += 1
    stories = Story.objects.filter(status=Status.PUBLISHED).with_published_text()
    for story in stories.prefetch_related("concepts").iterator(chunk_size=500):
        update_story(story)
        count += 1
        if progress:
            progress()
    return count
