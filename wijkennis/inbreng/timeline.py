"""The timeline of one contribution: everything that happened, in date order."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import CLOSED_STATUSES, Contribution, Milestone, Status, UpdateKind


@dataclass
class Entry:
    at: datetime.datetime
    kind: str  # created, answer, status, closed, milestone, reminder, rating, reopen, overdue
    title: str
    text: str = ""
    author: object = None
    date_only: bool = False  # a planned date (milestone, answer due) rather than a moment
    milestone: Milestone | None = None

    @property
    def is_future(self) -> bool:
        return self.at > timezone.now()


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _update_title(update) -> tuple[str, str]:
    if update.kind == UpdateKind.ANSWER:
        if update.status_changed and update.new_status in CLOSED_STATUSES:
            return "closed", _("Closed: %(status)s") % {"status": Status(update.new_status).label}
        if update.status_changed:
            return "status", _("Answer, status now: %(status)s") % {
                "status": Status(update.new_status).label
            }
        return "answer", _("Answer")
    titles = {
        UpdateKind.MILESTONE: ("milestone", _("Milestone")),
        UpdateKind.REMINDER: ("reminder", _("Reminder sent: no answer yet")),
        UpdateKind.RATING: ("rating", _("Opinion about the answer")),
        UpdateKind.REOPEN: ("reopen", _("Asked to look at it again")),
    }
    return titles[update.kind]


def build_timeline(contribution: Contribution, now=None) -> list[Entry]:
    now = now or timezone.now()
    entries = [
        Entry(
            at=contribution.created_at,
            kind="created",
            title=_("Inbreng recorded, given on %(date)s")
            % {"date": contribution.given_on.strftime("%d-%m-%Y")},
            author=contribution.recorded_by or contribution.contributor,
        )
    ]
    for update in contribution.updates.select_related("author"):
        kind, title = _update_title(update)
        entries.append(
            Entry(
                at=update.created_at, kind=kind, title=title, text=update.text, author=update.author
            )
        )
    for milestone in contribution.milestones.all():
        entries.append(
            Entry(
                at=_start_of(milestone.due_on),
                kind="milestone-due",
                title=_("Milestone planned: %(title)s") % {"title": milestone.title},
                date_only=True,
                milestone=milestone,
            )
        )
    if contribution.first_response_at is None and not contribution.is_closed:
        late = contribution.is_overdue(now)
        entries.append(
            Entry(
                at=contribution.answer_due,
                kind="overdue" if late else "due",
                title=_("Answer expected, but none yet: overdue")
                if late
                else _("Answer expected by this date"),
                date_only=True,
            )
        )
    entries.sort(key=lambda entry: entry.at)
    return entries
