from django.urls import path

from . import views

app_name = "help"
urlpatterns = [
    path("", views.index, name="index"),
    path("snelstart.pdf", views.quick_guide_pdf, name="quick_guide_pdf"),
    path("<slug:slug>/", views.guide, name="guide"),
]
