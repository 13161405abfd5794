from django.apps import AppConfig


class HelpConfig(AppConfig):
    name = "wijkennis.help"
