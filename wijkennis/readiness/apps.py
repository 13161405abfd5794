from django.apps import AppConfig


class ReadinessConfig(AppConfig):
    name = "wijkennis.readiness"
    verbose_name = "Kwartiermaakscan"
