from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "wijkennis.dashboards"
    verbose_name = "Dashboards"

    def ready(self):
        from . import caching  # noqa: F401 - connects the receiver that moves the generation
