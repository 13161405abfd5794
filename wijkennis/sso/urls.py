from django.urls import path

from . import views

app_name = "sso"
urlpatterns = [
    path("", views.choose, name="choose"),
    path("<int:organisation_pk>/start/", views.StartView.as_view(), name="start"),
    path("callback/", views.CallbackView.as_view(), name="callback"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
]
