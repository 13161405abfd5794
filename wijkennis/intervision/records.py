"""Intervision attended, for other apps (the training record, the coordinator's team overview).

A session counts as attended by a user when it has started and either
- the facilitator took attendance and ticked the user as present, or
- nobody took attendance and the user was a member of the group when it started.

Only dates, groups and counts leave this module; cases, notes and lessons stay with the group.
"""

from collections.abc import Iterable

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from .models import GroupMember, MemberStatus, Session


def sessions_attended(user, now=None) -> QuerySet:
    """The sessions `user` attended, oldest first (with `group` selected)."""
    if not user.is_authenticated:
        return Session.objects.none()
    now = now or timezone.now()
    as_member = GroupMember.objects.filter(
        user=user, status=MemberStatus.MEMBER, joined_at__isnull=False
    )
    implicit = Q(attendance_taken=False) & Q(
        pk__in=Session.objects.filter(
            group__members__in=as_member, starts_at__gte=F("group__members__joined_at")
        ).values("pk")
    )
    explicit = Q(attendance_taken=True, attendees=user)
    return (
        Session.objects.filter(starts_at__lt=now)
        .filter(pk__in=Session.objects.filter(implicit | explicit).values("pk"))
        .select_related("group")
        .order_by("starts_at", "id")
    )


def attendance_by_user(users: Iterable, now=None) -> dict[int, int]:
    """{user id: number of sessions attended} for `users` (users or ids); 0 when none."""
    ids = [getattr(user, "pk", user) for user in users]
    counts = dict.fromkeys(ids, 0)
    if not ids:
        return counts
    now = now or timezone.now()
    explicit = (
        Session.attendees.through.objects.filter(
            user_id__in=ids, session__attendance_taken=True, session__starts_at__lt=now
        )
        .values("user_id")
        .annotate(n=Count("session_id", distinct=True))
    )
    implicit = (
        GroupMember.objects.filter(
            user_id__in=ids,
            status=MemberStatus.MEMBER,
            joined_at__isnull=False,
            group__sessions__attendance_taken=False,
            group__sessions__starts_at__lt=now,
            group__sessions__starts_at__gte=F("joined_at"),
        )
        .values("user_id")
        .annotate(n=Count("group__sessions", distinct=True))
    )
    for row in list(explicit) + list(implicit):
        counts[row["user_id"]] += row["n"]
    return counts
