from django.apps import AppConfig


class MydataConfig(AppConfig):
    name = "wijkennis.mydata"
