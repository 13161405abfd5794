"""Telling people: an in-app `Notification` plus an e-mail through `django.core.mail`.

E-mails are written in the site's default language (`LANGUAGE_CODE`); links are absolute when
the setting `WIJKENNIS_SITE_URL` (e.g. "https://wijkennis.example.nl") is set.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wijkennis.core.mail import queue_emails

from .models import Contribution, Notification, NotificationKind, unread_changed


def site_url(path: str) -> str:
    return getattr(settings, "WIJKENNIS_SITE_URL", "").rstrip("/") + path


def subject_for(kind: str, contribution: Contribution) -> str:
    subjects = {
        NotificationKind.NEW: _("New inbreng for you: %(title)s"),
        NotificationKind.ANSWER: _("News about your inbreng: %(title)s"),
        NotificationKind.REMINDER: _("Reminder: inbreng waits for an answer: %(title)s"),
        NotificationKind.REOPENED: _("Inbreng reopened: %(title)s"),
        NotificationKind.RATED: _("Opinion about your answer: %(title)s"),
    }
    return subjects[kind] % {"title": contribution.title}


def notify(users: Iterable, kind: str, contribution: Contribution, *, text: str = "", now=None):
    """One notification and one e-mail per user (inactive users and duplicates skipped)."""
    now = now or timezone.now()
    people = {user.pk: user for user in users if user.is_active}
    if not people:
        return []
    notifications = Notification.objects.bulk_create(
        Notification(user=user, kind=kind, contribution=contribution, created_at=now)
        for user in people.values()
    )
    unread_changed(people)  # bulk_create sends no signal
    with translation.override(settings.LANGUAGE_CODE):
        messages = [
            EmailMessage(
                subject=subject_for(kind, contribution),
                body=render_to_string(
                    "inbreng/email/notification.txt",
                    {
                        "user": user,
                        "kind": kind,
                        "contribution": contribution,
                        "text": text,
                        "url": site_url(contribution.get_absolute_url()),
                    },
                ),
                to=[user.email],
            )
            for user in people.values()
            if user.email and user.email_inbreng_updates  # the preference in "Mijn gegevens"
        ]
    queue_emails(messages)  # background work (wijkennis.core.tasks)
    return notifications
