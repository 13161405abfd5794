"""Inbreng: input an experience worker gave to a team, management, a council or the
municipality, and what the receiving side did with it.

Who sees a contribution is decided in one place, `ContributionQuerySet.visible_to`: the
contributor, the coordinators of the contributor's organisation, and the receiving side (every
member of the recipient organisation, and the named recipient).
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkennis.core.generations import bump, cached, per_person
from wijkennis.organisations.models import (
    Membership,
    Organisation,
    Role,
    organisation_ids_with_role,
)
from wijkennis.vocabulary.models import Concept

DEFAULT_RESPONSE_DAYS = 42  # six weeks


def response_period() -> datetime.timedelta:
    """How long the receiving side has for a first answer (`WIJKENNIS_INBRENG_RESPONSE_DAYS`)."""
    return datetime.timedelta(
        days=getattr(settings, "WIJKENNIS_INBRENG_RESPONSE_DAYS", DEFAULT_RESPONSE_DAYS)
    )


class Level(models.TextChoices):
    PRIMARY = "primair", _("Primary process (work with residents)")
    SECONDARY = "secundair", _("Secondary process (team and organisation)")
    TERTIARY = "tertiair", _("Tertiary process (policy and council)")


class Status(models.TextChoices):
    RECEIVED = "ontvangen", _("Received")
    IN_PROGRESS = "in_behandeling", _("Being handled")
    PROCESSED = "verwerkt", _("Processed")
    NOT_ADOPTED = "niet_overgenomen", _("Not adopted")


OPEN_STATUSES = (Status.RECEIVED, Status.IN_PROGRESS)
CLOSED_STATUSES = (Status.PROCESSED, Status.NOT_ADOPTED)
# Status changes the receiving side may make. A closed contribution only opens again when the
# contributor asks (`services.reopen`).
TRANSITIONS = {
    Status.RECEIVED: {Status.IN_PROGRESS, Status.PROCESSED, Status.NOT_ADOPTED},
    Status.IN_PROGRESS: {Status.PROCESSED, Status.NOT_ADOPTED},
    Status.PROCESSED: set(),
    Status.NOT_ADOPTED: set(),
}


class Change(models.TextChoices):
    NONE = "geen", _("No change")
    PLANNED = "gepland", _("A change is planned")
    MADE = "doorgevoerd", _("A change was made")


CHANGE_VALUES = (Change.PLANNED, Change.MADE)


class Satisfaction(models.TextChoices):
    YES = "ja", _("Yes, clear and fair")
    PARTLY = "deels", _("Partly")
    NO = "nee", _("No")


# The people who log inbreng for themselves; coordinators also log it for their workers.
CONTRIBUTOR_ROLES = frozenset({Role.ERVARINGSWERKER, Role.COORDINATOR})


def recipient_organisation_ids(user) -> set[int]:
    """Organisations where `user` is a member in any role: the receiving side of their inbreng."""
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))


class ContributionQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ContributionQuerySet":
        """The contributor, coordinators of the contributor's organisation, members of the
        recipient organisation and the named recipient. Nobody else, staff included."""
        if not user.is_authenticated:
            return self.none()
        coordinated = organisation_ids_with_role(user, {Role.COORDINATOR})
        return self.filter(
            Q(contributor=user)
            | Q(organisation_id__in=coordinated)
            | Q(recipient_organisation_id__in=recipient_organisation_ids(user))
            | Q(recipient_user=user)
        )

    def to_answer_by(self, user) -> "ContributionQuerySet":
        """The receiving side's view: addressed to one of the user's organisations or to them,
        never their own inbreng."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(recipient_organisation_id__in=recipient_organisation_ids(user))
            | Q(recipient_user=user)
        ).exclude(contributor=user)

    def open(self) -> "ContributionQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def closed(self) -> "ContributionQuerySet":
        return self.filter(status__in=CLOSED_STATUSES)

    def overdue(self, now=None) -> "ContributionQuerySet":
        """Open and without any answer for longer than the response period."""
        now = now or timezone.now()
        return self.open().filter(
            first_response_at__isnull=True, created_at__lte=now - response_period()
        )


class Contribution(models.Model):
    contributor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("contributor"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("organisation of the contributor"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recipient_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="received_contributions",
        verbose_name=_("given to (organisation)"),
    )
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="received_contributions",
        verbose_name=_("given to (person)"),
    )
    recipient_name = models.CharField(_("team, department or council"), max_length=200, blank=True)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    topics = models.ManyToManyField(Concept, blank=True, related_name="+", verbose_name=_("topics"))
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("what you said or delivered"))
    given_on = models.DateField(_("date given"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    first_response_at = models.DateTimeField(_("first answer"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    outcome = models.TextField(_("decision"), blank=True)
    reason = models.TextField(_("reason it was not adopted"), blank=True)
    change = models.CharField(_("change"), max_length=12, choices=Change.choices, blank=True)
    reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    satisfaction = models.CharField(
        _("answer clear and fair"), max_length=6, choices=Satisfaction.choices, blank=True
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now, db_index=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("inbreng")
        verbose_name_plural = _("inbreng")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("inbreng:detail", kwargs={"contribution_pk": self.pk})

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    @property
    def answer_due(self) -> datetime.datetime:
        return self.created_at + response_period()

    def is_overdue(self, now=None) -> bool:
        now = now or timezone.now()
        return not self.is_closed and self.first_response_at is None and now >= self.answer_due

    @property
    def overdue(self) -> bool:
        return self.is_overdue()

    def recipient_label(self) -> str:
        parts = [str(self.recipient_organisation)]
        if self.recipient_name:
            parts.append(self.recipient_name)
        if self.recipient_user_id:
            parts.append(str(self.recipient_user))
        return " · ".join(parts)

    def can_answer(self, user) -> bool:
        """The receiving side answers; the contributor never answers their own inbreng."""
        if not user.is_authenticated or user.pk == self.contributor_id:
            return False
        return (
            user.pk == self.recipient_user_id
            or self.recipient_organisation_id in recipient_organisation_ids(user)
        )

    def recipients(self):
        """The people told about new inbreng, reminders and reopening: the named recipient,
        or else every member of the recipient organisation."""
        from wijkennis.accounts.models import User

        if self.recipient_user_id:
            people = User.objects.filter(pk=self.recipient_user_id)
        else:
            people = User.objects.filter(
                memberships__organisation_id=self.recipient_organisation_id
            )
        return people.filter(is_active=True).exclude(pk=self.contributor_id).distinct()


class UpdateKind(models.TextChoices):
    ANSWER = "antwoord", _("Answer")
    MILESTONE = "mijlpaal", _("Milestone")
    REMINDER = "herinnering", _("Reminder")
    RATING = "beoordeling", _("Opinion of the contributor")
    REOPEN = "heropend", _("Reopened")


# Updates by the receiving side: what the contributor is told about and what counts as an answer.
ANSWER_KINDS = (UpdateKind.ANSWER, UpdateKind.MILESTONE)


class ContributionUpdate(models.Model):
    """One dated event after the contribution was recorded: an answer ("wat is ermee gedaan")
    with or without a status change, a milestone, a reminder, the contributor's opinion or a
    request to reopen. Together with the milestones they make the timeline."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(_("kind"), max_length=12, choices=UpdateKind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField(_("text"), blank=True)
    old_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    new_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    created_at = models.DateTimeField(_("date"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("inbreng update")
        verbose_name_plural = _("inbreng updates")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.contribution}"

    @property
    def status_changed(self) -> bool:
        return bool(self.new_status) and self.new_status != self.old_status


class Milestone(models.Model):
    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("planned date"))
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.progress >= 100


class NotificationKind(models.TextChoices):
    NEW = "nieuw", _("New inbreng for you")
    ANSWER = "antwoord", _("Answer to your inbreng")
    REMINDER = "herinnering", _("Inbreng waiting for an answer")
    REOPENED = "heropend", _("Inbreng reopened")
    RATED = "beoordeeld", _("Opinion about your answer")


class NotificationQuerySet(models.QuerySet):
    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)

    def mark_read(self) -> None:
        users = set(self.unread().values_list("user_id", flat=True))
        self.unread().update(read_at=timezone.now())
        unread_changed(users)


class Notification(models.Model):
    """An in-app message. Its wording comes from `kind` when shown, in the reader's language."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inbreng_notifications"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=NotificationKind.choices)
    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="notifications"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.contribution}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


def unread_count(user) -> int:
    """The menu's badge, on every page: kept in the shared cache until one of the person's
    notifications changes (`unread_changed`)."""
    return cached(_unread_topic(user.pk), lambda: user.inbreng_notifications.unread().count(), 3600)


def unread_changed(user_ids) -> None:
    for user_id in user_ids:
        bump(_unread_topic(user_id))


@per_person
def _unread_topic(user_id: int) -> str:
    return f"inbreng-unread:{user_id}"


@receiver(post_save, sender=Notification)
@receiver(post_delete, sender=Notification)
def _notification_changed(sender, instance, **kwargs) -> None:
    unread_changed([instance.user_id])  # also when a contribution or an account goes


class Digest(models.Model):
    """The weekly e-mail sent to a user: one per ISO week, so a rerun sends nothing twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inbreng_digests"
    )
    week = models.CharField(max_length=8)  # ISO week, e.g. "2026-W48"
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "week"], name="unique_inbreng_digest_week")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.week}"


class JobRun(models.Model):
    """When a periodic job (`run_scheduled`) last ran."""

    name = models.CharField(max_length=50, unique=True)
    last_run_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} {self.last_run_at:%Y-%m-%d %H:%M}"
