from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "wijkennis.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # In every process, commands included: a password changed anywhere moves the generation.
        from . import backends  # noqa: F401
