from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "wijkennis.jobs"
    verbose_name = "Functieomschrijving"
