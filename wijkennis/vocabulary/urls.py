from django.urls import path

from . import views

app_name = "vocabulary"
urlpatterns = [
    path("", views.vocabulary_index, name="index"),
    path("schema/<slug:scheme>/", views.scheme_tree, name="scheme"),
    path("begrip/<slug:slug>/", views.concept_detail, name="concept"),
    path("bestaat-al/", views.label_check, name="label_check"),
    path("voorstellen/", views.proposal_list, name="proposals"),
    path("voorstellen/nieuw/", views.proposal_create, name="propose"),
    path("voorstellen/<int:proposal_pk>/", views.proposal_detail, name="proposal"),
    path("voorstellen/<int:proposal_pk>/stem/", views.proposal_vote, name="vote"),
    path("voorstellen/<int:proposal_pk>/reactie/", views.proposal_comment, name="comment"),
    path("voorstellen/<int:proposal_pk>/besluit/", views.proposal_decide, name="decide"),
]
