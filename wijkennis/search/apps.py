from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "wijkennis.search"
    verbose_name = _("Search")

    def ready(self):
        # Connect the receivers in every process, also one that never imports the search code
        # itself (a shell or a worker that erases a story must still move the generations).
        from . import indexing, pages  # noqa: F401
