from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.middleware import get_user
from django.urls import reverse
from django.utils import translation

from wijkennis.core.generations import read_ahead_for
from wijkennis.organisations.models import ONCE_PER_REQUEST


class DutchFirstLocaleMiddleware:
    """Dutch unless the person chose another language.

    Django's LocaleMiddleware follows the browser's Accept-Language, which would show most
    work laptops (set to English) an English site; Wijkennis speaks Dutch by default.
    A signed-in person's stored language (`User.language`, set under "Mijn gegevens") wins;
    otherwise the language switch's cookie; otherwise Dutch. The language switch also stores
    the choice for a signed-in person.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        user = self._signed_in_user(request)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if user is not None and user.language in self.available:
            chosen = user.language
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        self._remember_switch(request, response)
        response.headers.setdefault("Content-Language", language)
        return response

    @staticmethod
    def _signed_in_user(request):
        """The signed-in user, read once (the authentication middleware reuses it)."""
        if not hasattr(request, "session"):
            return None
        user = get_user(request)  # caches on the request, as AuthenticationMiddleware does
        return user if user.is_authenticated else None

    def _remember_switch(self, request, response) -> None:
        """The header's language switch (`set_language`) also updates the stored preference."""
        if request.method != "POST" or request.path != reverse("set_language"):
            return
        cookie = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
        user = getattr(request, "user", None)
        if cookie is None or user is None or not user.is_authenticated:
            return
        if cookie.value in self.available and user.language != cookie.value:
            user.language = cookie.value
            user.save(update_fields=["language"])


def read_ahead_for_the_session(get_response):
    """Fetches what every page asks about the signed-in person (their account, memberships,
    unread inbreng, …) in one round trip to the shared cache, at the first that a page asks for
    (`core.generations.read_ahead_for`). Keyed by the session's user id, so that the account
    itself, which the language already needs, comes in that same trip."""

    def middleware(request):
        user_id = request.session.get(SESSION_KEY)
        if user_id is None:
            return get_response(request)
        with read_ahead_for(get_user_model()._meta.pk.to_python(user_id)):
            return get_response(request)

    return middleware


def person_once_per_request(get_response):
    """Marks the signed-in person of this request, so that their memberships are read once
    (`organisations.models.memberships_held`), not once for every role question.

    Also puts the user object itself on the request. Django's authentication and django-otp
    each wrap it in a lazy object, and every attribute a page read passed through both: about
    6 % of a search page's instructions (callgrind, docs/BENCHMARKS.md). The user is read on
    every request anyway, for the language."""

    def middleware(request):
        request.user.is_verified  # noqa: B018 - django-otp's lazy check, run before unwrapping
        request.user = user = get_user(request)
        if user.is_authenticated:
            setattr(user, ONCE_PER_REQUEST, True)
        return get_response(request)

    return middleware
