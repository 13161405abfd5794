from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q

from wijkennis.stories.models import Visibility, readable_q


class SearchEntryQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SearchEntryQuerySet":
        # Entries exist only for published stories, so "published" needs no condition here;
        # the rule itself is the stories' own.
        return self.filter(readable_q(user, published=Q()))


class SearchEntry(models.Model):
    """One searchable published item (for now: a story's published, de-identified version).

    Carries the story's visibility fields so a search can be scoped without a join; they are
    rewritten whenever the story is published, withdrawn or erased (search.indexing).
    """

    story = models.OneToOneField(
        "stories.Story", on_delete=models.CASCADE, related_name="search_entry"
    )
    visibility = models.CharField(max_length=20, choices=Visibility.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    author = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    published_at = models.DateTimeField(null=True)
    # PostgreSQL only (GIN-indexed); SQLite keeps its words in the FTS5 table search_fts.
    search_vector = SearchVectorField(null=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["visibility", "organisation"])]

    def __str__(self) -> str:
        return f"search entry for story {self.story_id}"
