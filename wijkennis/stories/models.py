import functools
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkennis.organisations.models import (
    NETWORK_READER_ROLES,
    STORY_READER_ROLES,
    memberships_held,
)

TEXT_FIELDS = ("title", "body", "what_helped", "what_did_not_help")


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Only me")
    ORGANISATION = "organisation", _("My organisation")
    NETWORK = "network", _("The Wijkennis network")
    PUBLIC = "public", _("Everyone (public)")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Shared")
    WITHDRAWN = "withdrawn", _("Withdrawn")


@dataclass(frozen=True)
class Readership:
    """What decides which published stories someone may read (DESIGN §2): their own (`author_id`),
    the network's when a membership role reads the network, and those of their organisations.
    Two people with the same readership read the same stories, so it can key a shared cache."""

    author_id: int | None = None
    network: bool = False
    organisations: tuple[int, ...] = ()


def readership(user) -> Readership:
    if not user.is_authenticated:
        return Readership()
    memberships = memberships_held(user)
    return Readership(
        author_id=user.pk,
        network=any(role in NETWORK_READER_ROLES for role, _org in memberships),
        organisations=tuple(
            sorted({org for role, org in memberships if role in STORY_READER_ROLES})
        ),
    )


def readable_q(readers: Readership, published: Q) -> Q:
    """The one rule of who may read a published story (DESIGN §2), as a filter.

    `published` says what "published" means on the model being filtered; the fields
    `visibility`, `organisation` and `author` must exist there (Story, search entries).
    Authors see their own; others see published stories at a visibility their memberships
    allow, and only ever the de-identified version.
    """
    readable = published & Q(visibility=Visibility.PUBLIC)
    if readers.author_id is not None:
        readable |= Q(author_id=readers.author_id)
    if readers.network:
        readable |= published & Q(visibility=Visibility.NETWORK)
    if readers.organisations:
        readable |= published & Q(
            visibility=Visibility.ORGANISATION, organisation_id__in=readers.organisations
        )
    return readable


class StoryQuerySet(models.QuerySet):
    def visible_to(self, user) -> "StoryQuerySet":
        """Every read of stories goes through here."""
        return self.filter(
            readable_q(
                readership(user), Q(status=Status.PUBLISHED, published_version__isnull=False)
            )
        )

    def with_published_text(self) -> "StoryQuerySet":
        """The published version read along, without its private originals: what readers,
        exports and the index use never needs them, so they are never loaded."""
        private = (f"published_version__original_{field}" for field in TEXT_FIELDS)
        return self.select_related("published_version").defer(*private)

    def owned_by(self, user) -> "StoryQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(author=user)


class StoryManager(models.Manager.from_queryset(StoryQuerySet)):
    def visible_to(self, user) -> StoryQuerySet:
        """From all stories, as every caller starts: the same rule, resolved into SQL
        conditions once per readership in this process (that took 0.4 ms of a 5 ms story page)."""
        if type(self) is not StoryManager:  # a related manager: its relation filters first
            return super().visible_to(user)
        return _readable_stories(readership(user)).all()  # a copy: the kept one never holds rows


@functools.lru_cache(maxsize=256)
def _readable_stories(readers: Readership) -> StoryQuerySet:
    return StoryQuerySet(Story).filter(
        readable_q(readers, Q(status=Status.PUBLISHED, published_version__isnull=False))
    )


class Story(models.Model):
    """An experience story (ervaringsverhaal). Its versions hold the texts."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stories"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="stories"
    )
    visibility = models.CharField(
        _("who may read it"), max_length=20, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    concepts = models.ManyToManyField("vocabulary.Concept", blank=True, related_name="stories")
    # The version the author is working on, and the one others read (may be older).
    current_version = models.ForeignKey(
        "StoryVersion", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_version = models.ForeignKey(
        "StoryVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = StoryManager()

    class Meta:
        ordering = ["-published_at", "-updated_at"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        indexes = [
            models.Index(fields=["status", "visibility"]),
            # Newest published first (home page, story list, advice card): walked in order and
            # stopped after a page, instead of sorting every story (213 ms at 1 000 000).
            models.Index(
                F("published_at").desc(),
                F("updated_at").desc(),
                condition=Q(status=Status.PUBLISHED),
                name="story_published_newest",
            ),
        ]

    def __str__(self) -> str:
        version = self.published_version or self.current_version
        return version.title if version else f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("stories:detail", args=[self.pk])

    @property
    def has_unpublished_changes(self) -> bool:
        return self.current_version_id != self.published_version_id

    def version_for(self, user) -> "StoryVersion | None":
        """Authors work on their newest version; everyone else reads the published one."""
        if user.is_authenticated and user.pk == self.author_id:
            return self.current_version
        return self.published_version


class StoryVersion(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    # The private original: shown to the author only, never logged, never exported.
    original_title = models.CharField(max_length=200)
    original_body = models.TextField()
    original_what_helped = models.TextField(blank=True)
    original_what_did_not_help = models.TextField(blank=True)
    # The de-identified text: the only text that leaves the author's private space.
    title = models.CharField(max_length=300)
    body = models.TextField()
    what_helped = models.TextField(blank=True)
    what_did_not_help = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["story", "number"]
        constraints = [
            models.UniqueConstraint(fields=["story", "number"], name="unique_story_version")
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"

    def original(self, field: str) -> str:
        return getattr(self, f"original_{field}")


class SpanDecision(models.TextChoices):
    ACCEPTED = "accepted", _("Replaced")
    UNDONE = "undone", _("Kept as written")
    EDITED = "edited", _("Own replacement")


SPAN_KIND_LABELS = {
    "name": _("Name"),
    "place": _("Place"),
    "address": _("Address"),
    "postcode": _("Postcode"),
    "phone": _("Phone number"),
    "email": _("E-mail address"),
    "bsn": _("Citizen service number (BSN)"),
    "number": _("Client or file number"),
    "iban": _("Bank account (IBAN)"),
    "date": _("Date"),
    "age": _("Age"),
    "institution": _("Organisation"),
    "url": _("Website"),
    "other": _("Added by you"),
}


class DeidentificationSpan(models.Model):
    """One identifier found in a version's original text, and what the author decided."""

    version = models.ForeignKey(StoryVersion, on_delete=models.CASCADE, related_name="spans")
    field = models.CharField(max_length=30)
    kind = models.CharField(max_length=20)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    original = models.CharField(max_length=500)
    suggested = models.CharField(max_length=100)
    replacement = models.CharField(max_length=100)
    source = models.CharField(max_length=20)
    decision = models.CharField(
        max_length=20, choices=SpanDecision.choices, default=SpanDecision.ACCEPTED
    )

    class Meta:
        ordering = ["version", "field", "start"]

    def __str__(self) -> str:
        return f"{self.kind} {self.field}[{self.start}:{self.end}]"

    @property
    def kind_label(self) -> str:
        return SPAN_KIND_LABELS.get(self.kind, self.kind)

    @property
    def shown(self) -> str:
        return self.original if self.decision == SpanDecision.UNDONE else self.replacement


class ConsentRecord(models.Model):
    """The consent text an author confirmed when sharing a version at a visibility."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="consents")
    version = models.ForeignKey(StoryVersion, on_delete=models.CASCADE, related_name="consents")
    visibility = models.CharField(max_length=20, choices=Visibility.choices)
    consent_text = models.TextField()
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    given_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"{self.story_id} v{self.version_id} {self.visibility} {self.given_at:%Y-%m-%d}"
