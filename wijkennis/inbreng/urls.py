from django.urls import path

from . import views

app_name = "inbreng"
urlpatterns = [
    path("", views.contribution_list, name="list"),
    path("nieuw/", views.contribution_create, name="create"),
    path("postvak/", views.inbox, name="inbox"),
    path("meldingen/gelezen/", views.notifications_read, name="notifications_read"),
    path("meldingen/<int:notification_pk>/", views.notification, name="notification"),
    path("verantwoording/<int:recipient_pk>/", views.accountability, name="accountability"),
    path("<int:contribution_pk>/", views.contribution_detail, name="detail"),
    path("<int:contribution_pk>/antwoord/", views.answer, name="answer"),
    path("<int:contribution_pk>/mijlpaal/", views.milestone_add, name="milestone_add"),
    path(
        "<int:contribution_pk>/mijlpaal/<int:milestone_pk>/",
        views.milestone_progress,
        name="milestone_progress",
    ),
    path("<int:contribution_pk>/beoordelen/", views.rate, name="rate"),
    path("<int:contribution_pk>/heropenen/", views.reopen, name="reopen"),
]
