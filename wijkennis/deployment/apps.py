from django.apps import AppConfig


class DeploymentConfig(AppConfig):
    name = "wijkennis.deployment"
    verbose_name = "Inzetplan"
