from django.urls import path

from . import views

app_name = "dashboards"
urlpatterns = [
    path("", views.index, name="index"),
    path("organisatie/<int:organisation_pk>/", views.organisation, name="organisation"),
    path(
        "organisatie/<int:organisation_pk>/export.<str:extension>",
        views.organisation_export,
        name="organisation_export",
    ),
    path("gemeente/<int:municipality_pk>/", views.municipality, name="municipality"),
    path(
        "gemeente/<int:municipality_pk>/export.<str:extension>",
        views.municipality_export,
        name="municipality_export",
    ),
]
