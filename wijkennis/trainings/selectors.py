"""What the development record and the team overview show. Records are read through
`TrainingRecord.objects.visible_to(user)` only; intervision comes from the intervision app."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from wijkennis.intervision.records import attendance_by_user, sessions_attended
from wijkennis.organisations.models import (
    KWARTIER_ROLES,
    Membership,
    Organisation,
    Role,
    has_role,
    organisation_ids_with_role,
)

from .models import LEVEL_RANK, Level, RecordStatus, TrainingRecord


def can_keep_record(user) -> bool:
    """Every ervaringswerker keeps a development record."""
    return has_role(user, {Role.ERVARINGSWERKER})


def can_see_team(user) -> bool:
    """Coordinators and managers see the overview of their own organisation's workers."""
    return has_role(user, KWARTIER_ROLES)


def own_records(user):
    records = TrainingRecord.objects.own(user).select_related("training")
    return {
        "completed": [r for r in records if r.status == RecordStatus.COMPLETED],
        "planned": [r for r in records if r.status == RecordStatus.PLANNED],
    }


def intervision_attended(user):
    """The intervision sessions the user attended (dates and groups only)."""
    return sessions_attended(user)


def highest_level(records) -> str | None:
    levels = [r.level for r in records if r.status == RecordStatus.COMPLETED and r.level]
    return max(levels, key=LEVEL_RANK.__getitem__) if levels else None


@dataclass
class WorkerRow:
    worker: object
    completed: list = field(default_factory=list)
    planned: list = field(default_factory=list)
    intervision_sessions: int = 0

    @property
    def highest_level(self) -> str | None:
        level = highest_level(self.completed)
        return Level(level).label if level else None

    @property
    def diplomas(self) -> list[str]:
        return [r.diploma_obtained for r in self.completed if r.diploma_obtained]


@dataclass
class TeamOverview:
    organisation: Organisation
    rows: list[WorkerRow]


def team_overview(user) -> list[TeamOverview]:
    """Per organisation where `user` is coordinator or manager: each ervaringswerker's highest
    completed level, diplomas, planned trainings and intervision sessions attended."""
    organisation_ids = organisation_ids_with_role(user, KWARTIER_ROLES)
    visible = TrainingRecord.objects.visible_to(user).select_related("training")
    memberships = (
        Membership.objects.filter(organisation_id__in=organisation_ids, role=Role.ERVARINGSWERKER)
        .select_related("user", "organisation")
        .prefetch_related(
            Prefetch("user__training_records", queryset=visible, to_attr="visible_records")
        )
        .order_by("organisation__name", "user__first_name", "user__last_name")
    )
    memberships = list(memberships)
    attended = attendance_by_user({m.user for m in memberships})
    overviews: dict[int, TeamOverview] = {}
    for membership in memberships:
        overview = overviews.setdefault(
            membership.organisation_id, TeamOverview(membership.organisation, [])
        )
        records = membership.user.visible_records
        overview.rows.append(
            WorkerRow(
                worker=membership.user,
                completed=[r for r in records if r.status == RecordStatus.COMPLETED],
                planned=[r for r in records if r.status == RecordStatus.PLANNED],
                intervision_sessions=attended.get(membership.user_id, 0),
            )
        )
    found = set(overviews)
    empty = Organisation.objects.filter(pk__in=organisation_ids - found)
    return list(overviews.values()) + [TeamOverview(org, []) for org in empty]
