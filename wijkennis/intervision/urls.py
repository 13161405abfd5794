from django.urls import path

from . import views

app_name = "intervision"
urlpatterns = [
    path("", views.group_list, name="list"),
    path("nieuw/", views.group_create, name="create"),
    path("<int:group_pk>/", views.group_detail, name="group"),
    path("<int:group_pk>/bewerken/", views.group_edit, name="edit"),
    path("<int:group_pk>/aanmelden/", views.join, name="join"),
    path("<int:group_pk>/aanmelding/<int:member_pk>/", views.decide, name="decide"),
    path("<int:group_pk>/bijeenkomst/nieuw/", views.session_create, name="session_create"),
    path("<int:group_pk>/agenda.ics", views.group_calendar, name="group_ics"),
    path("bijeenkomst/<int:session_pk>/", views.session_detail, name="session"),
    path("bijeenkomst/<int:session_pk>/stap/", views.step, name="step"),
    path("bijeenkomst/<int:session_pk>/notitie/", views.note, name="note"),
    path("bijeenkomst/<int:session_pk>/aanwezig/", views.attendance, name="attendance"),
    path("bijeenkomst/<int:session_pk>/les/", views.lesson_create, name="lesson_create"),
    path("bijeenkomst/<int:session_pk>/casus/", views.case_create, name="case_create"),
    path("bijeenkomst/<int:session_pk>/agenda.ics", views.session_calendar, name="session_ics"),
    path("casus/<int:case_pk>/", views.case_review, name="case_review"),
    path("casus/<int:case_pk>/delen/", views.case_share, name="case_share"),
    path("les/<int:lesson_pk>/wij-kennis/", views.lesson_propose, name="lesson_propose"),
]
