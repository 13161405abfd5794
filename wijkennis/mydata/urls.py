from django.urls import path

from . import views

app_name = "mydata"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("download.json", views.export_json, name="export_json"),
    path("download.pdf", views.export_pdf, name="export_pdf"),
    path("voorkeuren/", views.preferences, name="preferences"),
    path("account-verwijderen/", views.delete, name="delete"),
    path("verwijderd/", views.deleted, name="deleted"),
]
