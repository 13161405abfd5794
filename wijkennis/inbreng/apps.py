from django.apps import AppConfig


class InbrengConfig(AppConfig):
    name = "wijkennis.inbreng"
    verbose_name = "Inbreng"
