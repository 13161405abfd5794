from django.urls import path

from . import views

app_name = "readiness"
urlpatterns = [
    path("", views.index, name="index"),
    path("scan/", views.round_list, name="rounds"),
    path("scan/nieuw/", views.round_start, name="start"),
    path("scan/<int:round_pk>/", views.round_results, name="round"),
    path("scan/<int:round_pk>/invullen/", views.round_answer, name="answer"),
    path("scan/<int:round_pk>/pdf/", views.round_pdf, name="pdf"),
    path("scan/<int:round_pk>/export.<slug:extension>", views.round_export, name="export"),
]
