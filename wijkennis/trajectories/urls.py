from django.urls import path

from . import views

app_name = "trajectories"
urlpatterns = [
    path("", views.trajectory_list, name="list"),
    path("nieuw/", views.trajectory_create, name="create"),
    path("soorten/", views.type_list, name="types"),
    path("soorten/nieuw/", views.type_create, name="type_create"),
    path("<int:trajectory_pk>/", views.trajectory_detail, name="detail"),
    path("<int:trajectory_pk>/stappen/", views.step_dates, name="steps"),
    path("<int:trajectory_pk>/schoenendoos/", views.schoenendoos, name="schoenendoos"),
    path("<int:trajectory_pk>/schoenendoos.pdf", views.schoenendoos_pdf, name="schoenendoos_pdf"),
    path("<int:trajectory_pk>/schuldeisers/nieuw/", views.creditor_add, name="creditor_add"),
    path(
        "<int:trajectory_pk>/schuldeisers/<int:creditor_pk>/",
        views.creditor_edit,
        name="creditor_edit",
    ),
    path(
        "<int:trajectory_pk>/schuldeisers/<int:creditor_pk>/verwijderen/",
        views.creditor_delete,
        name="creditor_delete",
    ),
]
