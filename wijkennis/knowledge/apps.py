from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "wijkennis.knowledge"
    verbose_name = "Wij-kennis"
