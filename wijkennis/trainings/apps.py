from django.apps import AppConfig


class TrainingsConfig(AppConfig):
    name = "wijkennis.trainings"
    verbose_name = "Trainings"
