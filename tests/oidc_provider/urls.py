from django.contrib.auth.views import LoginView
from django.urls import include, path

from .views import other_jwks

urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
    path("other-jwks.json", other_jwks, name="other-jwks"),
]
