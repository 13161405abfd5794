from django.urls import path

from . import views

app_name = "trainings"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("vergelijken/", views.compare, name="compare"),
    path("mijn-dossier/", views.dossier, name="dossier"),
    path("mijn-dossier/nieuw/", views.record_create, name="record_create"),
    path("mijn-dossier/<int:record_pk>/wijzigen/", views.record_edit, name="record_edit"),
    path("mijn-dossier/<int:record_pk>/verwijderen/", views.record_delete, name="record_delete"),
    path("team/", views.team, name="team"),
    path("<slug:training_slug>/", views.detail, name="detail"),
]
