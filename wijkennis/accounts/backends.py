"""The account behind a session, read from the shared cache instead of the database.

Every request of a signed-in person reads their account; the query cost 0.4 ms, a fifth of a
search page (docs/BENCHMARKS.md). The account is kept as one of the person's cached values,
fetched in the same round trip as their memberships (`core.generations.read_ahead_for`), and
any save or deletion of it moves its generation: a new password, a deactivation or an erasure
counts at the next request, in every process. A change made without `save()` (a queryset
`update()`, SQL) is not seen until the value expires (`ACCOUNT_SECONDS`).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wijkennis.core.generations import bump, cached, forget, per_person

ACCOUNT_SECONDS = 300
# The password backend's path, as sessions record it (settings.AUTHENTICATION_BACKENDS).
PASSWORD_BACKEND = f"{__name__}.AccountBackend"


@per_person
def account_topic(user_id: int) -> str:
    return f"account:{user_id}"


class AccountFromCache:
    """For an authentication backend: its own `get_user`, kept in the shared cache."""

    def get_user(self, user_id):
        read = super().get_user
        return cached(account_topic(user_id), lambda: read(user_id), ACCOUNT_SECONDS)


class AccountBackend(AccountFromCache, ModelBackend):
    """Django's password sign-in."""


@receiver(post_save, sender=get_user_model())
@receiver(post_delete, sender=get_user_model())
def _account_changed(sender, instance, **kwargs) -> None:
    topic = account_topic(instance.pk)
    bump(topic)
    forget(topic)  # no copy of a changed or erased name or address stays behind
