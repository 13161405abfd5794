from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "wijkennis.dashboards"
    verbose_name = "Dashboards"
