from django.urls import path

from . import views

app_name = "twofactor"
urlpatterns = [
    path("", views.manage, name="manage"),
    path("uitzetten/", views.disable, name="disable"),
    path("code/", views.verify, name="verify"),
]
