from django.apps import AppConfig


class TrajectoriesConfig(AppConfig):
    name = "wijkennis.trajectories"
    verbose_name = "Trajecten"
