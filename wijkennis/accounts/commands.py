"""Helpers for management commands that act as a user."""

from django.core.management import CommandError
from django.utils.translation import gettext as _

from .models import User


def user_from_email(email: str) -> User:
    """The user with this e-mail address, or a Dutch CommandError (exit code 2)."""
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise CommandError(
            _("There is no user with e-mail address %(email)s.") % {"email": email}, returncode=2
        )
    return user
