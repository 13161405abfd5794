from django.urls import path

from . import views

app_name = "referrals"
urlpatterns = [
    path("", views.referral_list, name="list"),
    path("nieuw/", views.referral_create, name="create"),
    path("mijn-clienten/", views.caseload, name="caseload"),
    path("mijn-profiel/", views.profile, name="profile"),
    path("mijn-profiel/intrekken/", views.withdraw, name="withdraw"),
    path("<int:referral_pk>/", views.referral_detail, name="detail"),
    path("<int:referral_pk>/aanbieden/", views.offer, name="offer"),
    path("<int:referral_pk>/antwoord/", views.answer, name="answer"),
    path("<int:referral_pk>/keuze-client/", views.client_choice, name="client_choice"),
    path("<int:referral_pk>/eerste-contact/", views.contact, name="contact"),
    path("<int:referral_pk>/afsluiten/", views.close, name="close"),
    path("<int:referral_pk>/traject/", views.start_trajectory, name="trajectory"),
]
