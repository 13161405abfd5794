from django.apps import AppConfig


class TwofactorConfig(AppConfig):
    name = "wijkennis.twofactor"
    verbose_name = "Two-factor sign-in"
