from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VocabularyConfig(AppConfig):
    name = "wijkennis.vocabulary"
    verbose_name = _("Vocabulary")

    def ready(self):
        from . import signals  # noqa: F401 - connects the generation bump
