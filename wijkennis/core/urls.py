from django.urls import path

from . import audit, views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("audit/", audit.audit_log, name="audit"),
    path("health/", views.health, name="health"),
]
