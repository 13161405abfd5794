"""Intervision: groups (communities of practice) of experience workers from several
organisations, their sessions led step by step through a method, the cases brought in and the
lessons learned (Movisie 2020, recommendation 11).

What is private is decided in one place per model, `visible_to(user)`: a group's sessions,
cases, notes and lessons are for its members only, staff included. The list of groups (name,
themes, region) is open to everyone who may take part (`can_take_part`).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkennis.organisations.models import Organisation, Role, has_role
from wijkennis.vocabulary.models import Concept

from .methods import get_method, method_choices

# Who takes part in intervision: experience workers and their coordinators (DESIGN §2).
PARTICIPANT_ROLES = frozenset({Role.ERVARINGSWERKER, Role.COORDINATOR})


def can_take_part(user) -> bool:
    """May see the list of groups and ask to join one."""
    return has_role(user, PARTICIPANT_ROLES)


class MemberStatus(models.TextChoices):
    REQUESTED = "aangevraagd", _("Asked to join")
    MEMBER = "lid", _("Member")
    DECLINED = "afgewezen", _("Declined")


class MemberRole(models.TextChoices):
    MEMBER = "lid", _("Member")
    FACILITATOR = "begeleider", _("Facilitator")


def member_group_ids(user):
    """Ids of the groups where `user` is a member (a request is not membership)."""
    if not user.is_authenticated:
        return GroupMember.objects.none().values("group_id")
    return GroupMember.objects.filter(user=user, status=MemberStatus.MEMBER).values("group_id")


class IntervisionGroupQuerySet(models.QuerySet):
    def visible_to(self, user) -> "IntervisionGroupQuerySet":
        """The groups whose page (members, agenda, cases, lessons) the user may open: their
        own. Nobody else, staff included."""
        return self.filter(pk__in=member_group_ids(user))

    def open(self) -> "IntervisionGroupQuerySet":
        return self.filter(is_open=True)


class IntervisionGroup(models.Model):
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("what the group is about"), blank=True)
    themes = models.ManyToManyField(
        Concept, blank=True, related_name="intervision_groups", verbose_name=_("themes")
    )
    region = models.CharField(
        _("region"), max_length=100, blank=True, help_text=_("A city, wijk or region.")
    )
    # The person who leads the group (also a member with role "begeleider", see GroupMember).
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="facilitated_intervision_groups",
        verbose_name=_("facilitator"),
    )
    is_open = models.BooleanField(
        _("open for new members"),
        default=True,
        help_text=_("Others can find the group and ask to join."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = IntervisionGroupQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("intervision group")
        verbose_name_plural = _("intervision groups")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("intervision:group", kwargs={"group_pk": self.pk})

    def membership_of(self, user) -> "GroupMember | None":
        if not user.is_authenticated:
            return None
        return self.members.filter(user=user).first()

    def is_member(self, user) -> bool:
        return (
            user.is_authenticated
            and self.members.filter(user=user, status=MemberStatus.MEMBER).exists()
        )

    def is_facilitator(self, user) -> bool:
        return (
            user.is_authenticated
            and self.members.filter(
                user=user, status=MemberStatus.MEMBER, role=MemberRole.FACILITATOR
            ).exists()
        )


class GroupMemberQuerySet(models.QuerySet):
    def active(self) -> "GroupMemberQuerySet":
        return self.filter(status=MemberStatus.MEMBER)

    def requested(self) -> "GroupMemberQuerySet":
        return self.filter(status=MemberStatus.REQUESTED)


class GroupMember(models.Model):
    """A person's place in a group: a request to join, a member or facilitator, or declined."""

    group = models.ForeignKey(IntervisionGroup, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intervision_memberships"
    )
    # Where the person works: groups bring together workers of several organisations.
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    role = models.CharField(
        _("role"), max_length=12, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    status = models.CharField(
        _("status"), max_length=12, choices=MemberStatus.choices, default=MemberStatus.REQUESTED
    )
    message = models.TextField(_("message to the facilitator"), blank=True, max_length=1000)
    requested_at = models.DateTimeField(default=timezone.now)
    # When the request was accepted: sessions from then on count as attended (see records.py).
    joined_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = GroupMemberQuerySet.as_manager()

    class Meta:
        ordering = ["role", "user__first_name", "user__last_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_place_per_group")
        ]
        verbose_name = _("group member")
        verbose_name_plural = _("group members")

    def __str__(self) -> str:
        return f"{self.user} – {self.get_status_display()} – {self.group}"


class SessionQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SessionQuerySet":
        """Sessions of the user's own groups."""
        return self.filter(group_id__in=member_group_ids(user))

    def past(self, now=None) -> "SessionQuerySet":
        return self.filter(starts_at__lt=now or timezone.now())

    def upcoming(self, now=None) -> "SessionQuerySet":
        return self.filter(ends_at__gte=now or timezone.now())


class Session(models.Model):
    """One meeting of a group, led through the steps of a method."""

    group = models.ForeignKey(IntervisionGroup, on_delete=models.CASCADE, related_name="sessions")
    # Stable identity for calendars (iCalendar UID), never reused.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    method = models.CharField(_("method"), max_length=40, choices=method_choices)
    current_step = models.PositiveSmallIntegerField(default=0)  # 0-based index into the steps
    finished_at = models.DateTimeField(null=True, blank=True)
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="intervision_sessions_attended",
        verbose_name=_("present"),
    )
    # Once the facilitator saved who was present, only those count as attended.
    attendance_taken = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            )
        ]
        verbose_name = _("intervision session")
        verbose_name_plural = _("intervision sessions")

    def __str__(self) -> str:
        return f"{self.group} – {timezone.localtime(self.starts_at):%d-%m-%Y %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("intervision:session", kwargs={"session_pk": self.pk})

    @property
    def method_info(self):
        return get_method(self.method)

    @property
    def steps(self):
        return self.method_info.steps

    @property
    def step(self):
        return self.steps[min(self.current_step, len(self.steps) - 1)]

    @property
    def is_first_step(self) -> bool:
        return self.current_step == 0

    @property
    def is_last_step(self) -> bool:
        return self.current_step >= len(self.steps) - 1

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    @property
    def has_taken_place(self) -> bool:
        return self.starts_at < timezone.now()


class StepNoteQuerySet(models.QuerySet):
    def visible_to(self, user) -> "StepNoteQuerySet":
        return self.filter(session__group_id__in=member_group_ids(user))


class StepNote(models.Model):
    """What the group wrote down during one step of a session."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="notes")
    step = models.PositiveSmallIntegerField()  # 0-based index, like Session.current_step
    text = models.TextField(_("note"), max_length=4000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = StepNoteQuerySet.as_manager()

    class Meta:
        ordering = ["step", "created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CaseQuerySet":
        """The author sees their own case (also before sharing); the group's members see shared
        cases, as de-identified text only (the original is for the author: `Case.original_for`)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(author=user)
            | Q(shared_at__isnull=False, session__group_id__in=member_group_ids(user))
        )


class Case(models.Model):
    """A casus a member brings in. The group only ever sees the de-identified text."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="cases")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intervision_cases"
    )
    original_text = models.TextField(_("your case"), max_length=10000)  # the author's only
    text = models.TextField(_("case as the group sees it"))  # de-identified
    # What was replaced: [{"kind", "original", "replacement"}], shown to the author only.
    replacements = models.JSONField(default=list, blank=True)
    shared_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return self.text[:60]

    def get_absolute_url(self) -> str:
        return reverse("intervision:case_review", kwargs={"case_pk": self.pk})

    @property
    def is_shared(self) -> bool:
        return self.shared_at is not None

    def original_for(self, user) -> str | None:
        """The original text, for its author only."""
        return self.original_text if user.pk == self.author_id else None


class LessonQuerySet(models.QuerySet):
    def visible_to(self, user) -> "LessonQuerySet":
        return self.filter(session__group_id__in=member_group_ids(user))


class Lesson(models.Model):
    """What the group learned in a session; it can be proposed as wij-kennis."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="lessons")
    title = models.CharField(_("lesson in short"), max_length=200)
    text = models.TextField(_("what we learned"), max_length=4000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    knowledge_item = models.ForeignKey(
        "knowledge.KnowledgeItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed as wij-kennis"),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = LessonQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def __str__(self) -> str:
        return self.title
