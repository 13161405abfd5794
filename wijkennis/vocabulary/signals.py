"""`vocabulary_changed`: sent after concepts or labels change in bulk (seed load, SKOS import),
where Django sends no `post_save`. Any change, single or bulk, moves the "vocabulary"
generation, so the caches built from the vocabulary (search expansion and facets, the
taalbrug) are rebuilt in every app process (`core.generations`)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from wijkennis.core.generations import bump, read_along

from .models import AltLabel, Concept

vocabulary_changed = Signal()
# Read with each person's cached values: the vocabulary's caches in this process cost no round
# trip of their own to know they are current.
read_along("vocabulary")


def _changed(**kwargs) -> None:
    bump("vocabulary")


for _model in (Concept, AltLabel):
    post_save.connect(_changed, sender=_model, dispatch_uid=f"vocabulary-saved-{_model.__name__}")
    post_delete.connect(
        _changed, sender=_model, dispatch_uid=f"vocabulary-deleted-{_model.__name__}"
    )
vocabulary_changed.connect(_changed, dispatch_uid="vocabulary-bulk")
