"""Writes by the scheduler: reminders about unanswered inbreng and the weekly digest."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wijkennis.accounts.models import User

from ..models import (
    ANSWER_KINDS,
    Contribution,
    ContributionUpdate,
    Digest,
    NotificationKind,
    UpdateKind,
    response_period,
)
from ..notifications import notify, site_url


def send_reminders(now=None) -> int:
    """Remind the receiving side of inbreng without any answer after the response period
    (`WIJKENNIS_INBRENG_RESPONSE_DAYS`, default 42 days): once per period, never twice in one.
    Returns the number of contributions reminded about."""
    now = now or timezone.now()
    period = response_period()
    due = (
        Contribution.objects.overdue(now)
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lte=now - period))
        .select_related("recipient_organisation")
    )
    count = 0
    for contribution in due:
        with transaction.atomic():
            # Claim it first, so two schedulers running at once remind only once.
            claimed = (
                Contribution.objects.filter(pk=contribution.pk)
                .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lte=now - period))
                .update(reminded_at=now)
            )
            if not claimed:
                continue
            ContributionUpdate.objects.create(
                contribution=contribution, kind=UpdateKind.REMINDER, created_at=now
            )
            notify(contribution.recipients(), NotificationKind.REMINDER, contribution, now=now)
        count += 1
    return count


def iso_week(moment) -> str:
    year, week, _weekday = timezone.localtime(moment).isocalendar()
    return f"{year}-W{week:02d}"


def digest_for(user, since, now) -> dict:
    """What a user's weekly digest says: answers to their inbreng since `since`, and inbreng
    waiting too long for their answer."""
    updates = list(
        ContributionUpdate.objects.filter(
            contribution__contributor=user,
            kind__in=ANSWER_KINDS,
            created_at__gt=since,
            created_at__lte=now,
        )
        .exclude(author=user)
        .select_related("contribution")
        .order_by("created_at", "pk")
    )
    overdue = list(
        Contribution.objects.visible_to(user).to_answer_by(user).overdue(now).order_by("created_at")
    )
    return {"updates": updates, "overdue": overdue}


def _digest_candidates():
    """Everyone who could have something in a digest: contributors and the receiving side."""
    return User.objects.filter(
        Q(contributions__isnull=False)
        | Q(received_contributions__isnull=False)
        | Q(memberships__organisation__received_contributions__isnull=False),
        is_active=True,
    ).distinct()


def send_digests(now=None) -> int:
    """E-mail each user, once per ISO week, what happened with their inbreng since their last
    digest (or the last 7 days) and what is overdue for them to answer. Nothing to report: no
    mail. Returns the number of e-mails sent."""
    now = now or timezone.now()
    week = iso_week(now)
    sent = 0
    connection = get_connection()
    for user in _digest_candidates():
        if not user.email or not user.email_inbreng_digest:  # switched off in "Mijn gegevens"
            continue
        if Digest.objects.filter(user=user, week=week).exists():
            continue
        last = Digest.objects.filter(user=user).order_by("-sent_at").first()
        since = last.sent_at if last else now - datetime.timedelta(days=7)
        content = digest_for(user, since, now)
        if not content["updates"] and not content["overdue"]:
            continue
        try:
            with transaction.atomic():
                Digest.objects.create(user=user, week=week, sent_at=now)
        except IntegrityError:
            continue  # another run sent it just now
        with translation.override(settings.LANGUAGE_CODE):
            message = EmailMessage(
                subject=_("Your inbreng this week"),
                body=render_to_string(
                    "inbreng/email/digest.txt",
                    {
                        **content,
                        "user": user,
                        "since": since,
                        "inbox_url": site_url(reverse("inbreng:inbox")),
                        "site_url": site_url(""),
                    },
                ),
                to=[user.email],
                connection=connection,
            )
        message.send()
        sent += 1
    return sent
