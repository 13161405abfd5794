from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaalbrugConfig(AppConfig):
    name = "wijkennis.taalbrug"
    verbose_name = _("Language bridge")

    def ready(self) -> None:
        from . import bridge  # noqa: F401 - connects the signals that clear its label index
