"""Test urlconf: the app at /trajecten/ before it is wired into the project's urls."""

from django.urls import include, path

urlpatterns = [
    path("trajecten/", include("wijkennis.trajectories.urls")),
    path("", include("wijkennis.config.urls")),
]
