from django.urls import path

from . import views

app_name = "taalbrug"
urlpatterns = [
    path("", views.analyse, name="analyse"),
    path("bewaren/", views.save, name="save"),
    path("mijn-teksten/", views.my_texts, name="mine"),
    path("mijn-teksten/<int:pk>/", views.detail, name="detail"),
    path("mijn-teksten/<int:pk>/verwijderen/", views.delete, name="delete"),
]
