"""The shared vocabulary (gemeenschappelijke taal): SKOS-like concepts, maintained by the
community through proposals that peers discuss and reviewers accept (DESIGN §4)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class Scheme(models.TextChoices):
    LEVENSGEBIED = "levensgebied", _("Life domain")
    SLEUTELSITUATIE = "sleutelsituatie", _("Key situation")
    ROL = "rol", _("Role")
    METHODIEK = "methodiek", _("Method")
    SECTOR = "sector", _("Sector")
    PROCESNIVEAU = "procesniveau", _("Process level")
    ONDERSTEUNINGSVORM = "ondersteuningsvorm", _("Form of support")


# value → label (translated when shown): get_scheme_display() rebuilds the choices on every call,
# about 40 µs, and the vocabulary page shows every concept's scheme.
SCHEME_LABELS = dict(Scheme.choices)


class LabelKind(models.TextChoices):
    LEKENTAAL = "lekentaal", _("everyday language")
    BELEIDSTAAL = "beleidstaal", _("policy language")
    AFKORTING = "afkorting", _("abbreviation")
    # A common misspelling: search finds the concept through it, pages never show it.
    VERBORGEN = "verborgen", _("hidden (misspelling)")


class ConceptStatus(models.TextChoices):
    ACTIEF = "actief", _("in use")
    VEROUDERD = "verouderd", _("no longer used")


class Concept(models.Model):
    """A term of the shared vocabulary."""

    slug = models.SlugField(max_length=100, unique=True)
    scheme = models.CharField(_("scheme"), max_length=30, choices=Scheme.choices)
    pref_label = models.CharField(_("preferred label"), max_length=200, unique=True)
    definition = models.TextField(_("definition"), blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ConceptStatus.choices, default=ConceptStatus.ACTIEF
    )
    broader = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="narrower"
    )
    related = models.ManyToManyField("self", blank=True, verbose_name=_("related concepts"))
    # Goes up by one with every recorded change (optimistic locking, see core.concurrency).
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["scheme", "pref_label"]
        verbose_name = _("concept")
        verbose_name_plural = _("concepts")

    def __str__(self) -> str:
        return self.pref_label

    def get_absolute_url(self) -> str:
        return reverse("vocabulary:concept", args=[self.slug])

    @property
    def scheme_label(self) -> str:
        return SCHEME_LABELS.get(self.scheme, self.scheme)

    def shown_labels(self):
        return [label for label in self.alt_labels.all() if label.kind != LabelKind.VERBORGEN]


class AltLabel(models.Model):
    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="alt_labels")
    label = models.CharField(_("label"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=LabelKind.choices)

    class Meta:
        ordering = ["label"]
        constraints = [
            models.UniqueConstraint(fields=["concept", "label"], name="unique_alt_label")
        ]

    def __str__(self) -> str:
        return self.label


class MatchKind(models.TextChoices):
    EXACT = "exact", _("the same as")
    CLOSE = "close", _("close to")


class ExternalMatch(models.Model):
    """The same or a close concept in an outside vocabulary (skos:exactMatch / closeMatch)."""

    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="matches")
    kind = models.CharField(max_length=10, choices=MatchKind.choices)
    uri = models.URLField(max_length=500)

    class Meta:
        ordering = ["uri"]
        constraints = [models.UniqueConstraint(fields=["concept", "uri"], name="unique_match")]

    def __str__(self) -> str:
        return self.uri


class ConceptChange(models.Model):
    """One entry of a concept's history: what changed, who did it, and the state after."""

    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="changes")
    changed_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    summary = models.CharField(max_length=300)
    proposal = models.ForeignKey(
        "Proposal", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    snapshot = models.JSONField()

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return self.summary


class ProposalKind(models.TextChoices):
    NEW_CONCEPT = "begrip", _("a new concept")
    NEW_LABEL = "woord", _("another word for a concept")
    DEFINITION = "uitleg", _("a better explanation")


class ProposalStatus(models.TextChoices):
    OPEN = "open", _("open")
    ACCEPTED = "aangenomen", _("accepted")
    REJECTED = "afgewezen", _("not accepted")


class ProposalQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ProposalQuerySet":
        """Proposals are the community's shared work: every signed-in member sees them."""
        return self if user.is_authenticated else self.none()


class Proposal(models.Model):
    """A member's proposal to change the vocabulary; peers vote and comment, a reviewer decides."""

    kind = models.CharField(_("what do you propose?"), max_length=10, choices=ProposalKind.choices)
    status = models.CharField(
        max_length=12, choices=ProposalStatus.choices, default=ProposalStatus.OPEN
    )
    concept = models.ForeignKey(
        Concept, on_delete=models.CASCADE, null=True, blank=True, related_name="proposals"
    )
    pref_label = models.CharField(_("word for the new concept"), max_length=200, blank=True)
    scheme = models.CharField(_("scheme"), max_length=30, choices=Scheme.choices, blank=True)
    broader = models.ForeignKey(
        Concept, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    label = models.CharField(_("the other word"), max_length=200, blank=True)
    label_kind = models.CharField(
        _("kind of word"), max_length=20, choices=LabelKind.choices, blank=True
    )
    definition = models.TextField(_("explanation in plain words"), blank=True)
    reason = models.TextField(_("why?"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("note with the decision"), blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        # Designated reviewers get this permission (Django admin: user or group "Taalredactie").
        permissions = [("review_proposal", "Can accept or reject vocabulary proposals")]

    def __str__(self) -> str:
        subject = self.pref_label or self.label or self.concept
        return f"{capfirst(self.get_kind_display())}: {subject}"

    def get_absolute_url(self) -> str:
        return reverse("vocabulary:proposal", args=[self.pk])


class Vote(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    agrees = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "voter"], name="one_vote_per_member")
        ]

    def __str__(self) -> str:
        return "+" if self.agrees else "-"


class Comment(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("your comment"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:50]
