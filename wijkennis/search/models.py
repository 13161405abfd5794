from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q

from wijkennis.stories.models import Readership, Visibility, readable_q, readership


class SearchEntryQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SearchEntryQuerySet":
        return self.readable_by(readership(user))

    def readable_by(self, readers: Readership) -> "SearchEntryQuerySet":
        # Entries exist only for published stories, so "published" needs no condition here;
        # the rule itself is the stories' own.
        return self.filter(readable_q(readers, published=Q()))


class SearchEntry(models.Model):
    """One searchable item: a story's published, de-identified version, or a wij-kennis item.

    Carries the item's visibility fields so a search can be scoped without a join; they are
    rewritten whenever the item changes (search.indexing). Wij-kennis is indexed at network
    visibility with its writer as author: in search, network readers and the writer find it.
    """

    story = models.OneToOneField(
        "stories.Story", on_delete=models.CASCADE, null=True, related_name="search_entry"
    )
    knowledge_item = models.OneToOneField(
        "knowledge.KnowledgeItem", on_delete=models.CASCADE, null=True, related_name="search_entry"
    )
    visibility = models.CharField(max_length=20, choices=Visibility.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, null=True, related_name="+"
    )
    author = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, null=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True)
    # The ids of the concepts the story or item is tagged with: facets count them from the
    # ranked entries without a join (docs/BENCHMARKS.md). Rewritten with the entry.
    concept_ids = models.JSONField(default=list)
    # PostgreSQL only (GIN-indexed); SQLite keeps its words in the FTS5 table search_fts.
    search_vector = SearchVectorField(null=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["visibility", "organisation"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(story__isnull=False, knowledge_item__isnull=True)
                | Q(story__isnull=True, knowledge_item__isnull=False),
                name="search_entry_is_one_thing",
            )
        ]

    def __str__(self) -> str:
        return (
            f"search entry for story {self.story_id or '-'} / item {self.knowledge_item_id or '-'}"
        )
