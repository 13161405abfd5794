from django.urls import path

from . import views

app_name = "stories"
urlpatterns = [
    path("", views.story_list, name="list"),
    path("mijn/", views.my_stories, name="mine"),
    path("nieuw/", views.story_create, name="create"),
    path("<int:pk>/", views.story_detail, name="detail"),
    path("<int:pk>/bewerken/", views.story_edit, name="edit"),
    path("<int:pk>/controleren/", views.story_review, name="review"),
    path("<int:pk>/controleren/<int:span_pk>/", views.span_decide, name="span"),
    path("<int:pk>/verbergen/", views.hide_phrase, name="hide"),
    path("<int:pk>/delen/", views.story_publish, name="publish"),
    path("<int:pk>/intrekken/", views.story_withdraw, name="withdraw"),
    path("<int:pk>/wissen/", views.story_erase, name="erase"),
]
