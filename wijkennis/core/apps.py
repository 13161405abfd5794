from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "wijkennis.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        connection_created.connect(_tune_sqlite)


def _tune_sqlite(sender, connection, **kwargs) -> None:
    # WAL is a property of the database file; set it on every new connection so a fresh
    # database (tests, `make start`) gets it too. PostgreSQL needs nothing here.
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
