"""The signed-in person on the request: the user object itself, checked by django-otp."""

from django.contrib.auth.models import AnonymousUser

from wijkennis.accounts.models import User
from wijkennis.organisations.models import ONCE_PER_REQUEST


def test_a_page_gets_the_user_object_itself_with_its_two_factor_state(client, people):
    client.force_login(people.anouk)
    request = client.get("/health/").wsgi_request
    assert type(request.user) is User and request.user.pk == people.anouk.pk
    assert request.user.is_verified() is False  # signed in without a code
    assert getattr(request.user, ONCE_PER_REQUEST)


def test_a_visitor_gets_an_anonymous_user_with_its_two_factor_state(client, db):
    request = client.get("/health/").wsgi_request
    assert type(request.user) is AnonymousUser
    assert request.user.is_verified() is False
