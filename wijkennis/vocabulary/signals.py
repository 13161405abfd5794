"""`vocabulary_changed`: sent after concepts or labels change in bulk (seed load, SKOS import),
where Django sends no `post_save`; whoever caches the vocabulary listens to both."""

from django.dispatch import Signal

vocabulary_changed = Signal()
