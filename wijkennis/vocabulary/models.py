from django.db import models
from django.utils.translation import gettext_lazy as _


class Scheme(models.TextChoices):
    LEVENSGEBIED = "levensgebied", _("Life domain")
    SLEUTELSITUATIE = "sleutelsituatie", _("Key situation")
    ROL = "rol", _("Role")
    METHODIEK = "methodiek", _("Method")
    SECTOR = "sector", _("Sector")
    PROCESNIVEAU = "procesniveau", _("Process level")


class LabelKind(models.TextChoices):
    LEKENTAAL = "lekentaal", _("everyday language")
    BELEIDSTAAL = "beleidstaal", _("policy language")
    AFKORTING = "afkorting", _("abbreviation")


class Concept(models.Model):
    """A term of the shared vocabulary (minimal SKOS-like concept; governance comes later)."""

    slug = models.SlugField(max_length=100, unique=True)
    scheme = models.CharField(_("scheme"), max_length=30, choices=Scheme.choices)
    pref_label = models.CharField(_("preferred label"), max_length=200, unique=True)
    definition = models.TextField(_("definition"), blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    broader = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="narrower"
    )

    class Meta:
        ordering = ["scheme", "pref_label"]
        verbose_name = _("concept")
        verbose_name_plural = _("concepts")

    def __str__(self) -> str:
        return self.pref_label


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
