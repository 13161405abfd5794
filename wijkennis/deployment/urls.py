from django.urls import path

from . import views

app_name = "deployment"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("nieuw/", views.plan_create, name="create"),
    path("<int:plan_pk>/", views.plan_detail, name="detail"),
    path("<int:plan_pk>/bewerken/", views.plan_edit, name="edit"),
    path("<int:plan_pk>/inzetplan.pdf", views.plan_pdf, name="pdf"),
    path("<int:plan_pk>/export.<slug:extension>", views.plan_export, name="export"),
]
