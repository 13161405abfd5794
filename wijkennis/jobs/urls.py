from django.urls import path

from . import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("nieuw/", views.job_start, name="start"),
    path("nieuw/invullen/", views.job_create, name="create"),
    path("<int:job_pk>/", views.job_detail, name="detail"),
    path("<int:job_pk>/wijzigen/", views.job_edit, name="edit"),
    path("<int:job_pk>/functieomschrijving.pdf", views.job_pdf, name="pdf"),
    path("<int:job_pk>/export.<str:extension>", views.job_export, name="export"),
]
