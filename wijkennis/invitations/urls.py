from django.urls import path

from . import views

app_name = "invitations"
urlpatterns = [
    path("", views.invitation_list, name="list"),
    path("nieuw/", views.invitation_create, name="create"),
    path("importeren/", views.invitation_import, name="import"),
    path("voorbeeld.csv", views.example_csv, name="example_csv"),
    path("<int:invitation_pk>/opnieuw-sturen/", views.resend, name="resend"),
    path("<int:invitation_pk>/intrekken/", views.revoke, name="revoke"),
    path("welkom/<str:token>/", views.accept, name="accept"),
]
