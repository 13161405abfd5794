from django.urls import path

from . import views

app_name = "knowledge"
urlpatterns = [
    path("", views.item_list, name="list"),
    path("nieuw/", views.item_create, name="create"),
    path("<int:item_pk>/", views.item_detail, name="item"),
    path("<int:item_pk>/bewerken/", views.item_edit, name="edit"),
    path("<int:item_pk>/herkennen/", views.item_recognise, name="recognise"),
    path("<int:item_pk>/ter-beoordeling/", views.item_submit, name="submit"),
    path("<int:item_pk>/vaststellen/", views.item_establish, name="establish"),
    path("ervaring/", views.report_create, name="report"),
    path("ervaring/mijn/", views.my_reports, name="my_reports"),
    path("situatie/<slug:slug>/", views.advice_card, name="advice"),
    path("onderzoek/", views.research, name="research"),
    path(
        "onderzoek/<slug:dataset>.<slug:extension>",
        views.research_download,
        name="research_download",
    ),
]
