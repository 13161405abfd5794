from django.apps import AppConfig


class IntervisionConfig(AppConfig):
    name = "wijkennis.intervision"
    verbose_name = "Intervision"
