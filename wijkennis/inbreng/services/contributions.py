"""Writes by people: record, answer, milestones, rate, reopen (see the package docstring)."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkennis.accounts.models import User
from wijkennis.core.models import record_event
from wijkennis.organisations.models import (
    Membership,
    Organisation,
    Role,
    organisation_ids_with_role,
)

from ..models import (
    CLOSED_STATUSES,
    CONTRIBUTOR_ROLES,
    TRANSITIONS,
    Change,
    Contribution,
    ContributionUpdate,
    Level,
    Milestone,
    NotificationKind,
    Satisfaction,
    Status,
    UpdateKind,
)
from ..notifications import notify


def contributor_organisations(user):
    """Organisations where `user` may log inbreng (their own or, as coordinator, a worker's)."""
    return Organisation.objects.filter(pk__in=organisation_ids_with_role(user, CONTRIBUTOR_ROLES))


def workers_for(user):
    """People `user` may log inbreng for: themselves, and as coordinator the ervaringswerkers
    of their organisation."""
    coordinated = organisation_ids_with_role(user, {Role.COORDINATOR})
    return User.objects.filter(
        Q(pk=user.pk)
        | Q(
            memberships__organisation_id__in=coordinated,
            memberships__role=Role.ERVARINGSWERKER,
        ),
        is_active=True,
    ).distinct()


def _check_contributor(user, contributor, organisation) -> None:
    if contributor.pk == user.pk:
        if organisation.pk not in organisation_ids_with_role(user, CONTRIBUTOR_ROLES):
            raise PermissionDenied
        return
    coordinates = organisation.pk in organisation_ids_with_role(user, {Role.COORDINATOR})
    is_worker = Membership.objects.filter(
        user=contributor, organisation=organisation, role=Role.ERVARINGSWERKER
    ).exists()
    if not (coordinates and is_worker):
        raise PermissionDenied


def _check_answerer(user, contribution: Contribution) -> None:
    if not contribution.can_answer(user):
        raise PermissionDenied


@transaction.atomic
def record_contribution(
    user,
    *,
    recipient_organisation: Organisation,
    level: str,
    title: str,
    text: str,
    given_on: datetime.date,
    topics: Iterable = (),
    contributor=None,
    organisation: Organisation | None = None,
    recipient_user=None,
    recipient_name: str = "",
    now=None,
) -> Contribution:
    """Log inbreng given by `contributor` (default: `user` themselves) and tell the recipients."""
    now = now or timezone.now()
    contributor = contributor or user
    if organisation is None:
        organisation = contributor_organisations(contributor).first() or (
            contributor_organisations(user).first()
        )
        if organisation is None:
            raise PermissionDenied
    _check_contributor(user, contributor, organisation)
    errors = {}
    title, text = (title or "").strip(), (text or "").strip()
    if not title:
        errors["title"] = [_("Give your inbreng a short title.")]
    if not text:
        errors["text"] = [_("Write down what you said or delivered; a few sentences are enough.")]
    if level not in Level.values:
        errors["level"] = [_("Choose a level.")]
    if given_on and given_on > timezone.localdate(now):
        errors["given_on"] = [_("This date is in the future. When did you give your inbreng?")]
    if (
        recipient_user is not None
        and not Membership.objects.filter(
            user=recipient_user, organisation=recipient_organisation
        ).exists()
    ):
        errors["recipient_user"] = [
            _("This person does not work at %(organisation)s. Choose someone who does, or nobody.")
            % {"organisation": recipient_organisation}
        ]
    if errors:
        raise ValidationError(errors)
    contribution = Contribution.objects.create(
        contributor=contributor,
        organisation=organisation,
        recorded_by=user,
        recipient_organisation=recipient_organisation,
        recipient_user=recipient_user,
        recipient_name=(recipient_name or "").strip(),
        level=level,
        title=title,
        text=text,
        given_on=given_on,
        created_at=now,
    )
    contribution.topics.set(topics)
    record_event(user, "inbreng.recorded", contribution)
    notify(contribution.recipients(), NotificationKind.NEW, contribution, text=text, now=now)
    return contribution


def _check_transition(contribution: Contribution, status: str, reason: str, outcome: str):
    errors = {}
    if status not in TRANSITIONS.get(contribution.status, set()):
        if contribution.status in CLOSED_STATUSES:
            message = _(
                "This inbreng is closed. Only the person who gave it can ask to open it again."
            )
        elif status == Status.RECEIVED:
            message = _("Inbreng cannot go back to 'received'.")
        else:
            message = _("This status change is not possible.")
        errors["status"] = [message]
    elif status == Status.NOT_ADOPTED and not reason:
        errors["reason"] = [
            _("Say why the inbreng is not adopted. The person who gave it wants to know.")
        ]
    elif status == Status.PROCESSED and not outcome:
        errors["outcome"] = [_("Say what was done with the inbreng.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def add_update(
    user,
    contribution: Contribution,
    *,
    text: str = "",
    status: str | None = None,
    reason: str = "",
    outcome: str = "",
    change: str = "",
    now=None,
) -> ContributionUpdate:
    """The receiving side says what is done with the inbreng ("wat is ermee gedaan"), with or
    without a new status. Closing needs a decision (processed) or a reason (not adopted).
    The contributor is always told, in the app and by e-mail."""
    now = now or timezone.now()
    _check_answerer(user, contribution)
    # Lock the row, then work on the caller's instance so it shows the result.
    list(Contribution.objects.select_for_update().filter(pk=contribution.pk).values_list("pk"))
    contribution.refresh_from_db()
    text, reason, outcome = (text or "").strip(), (reason or "").strip(), (outcome or "").strip()
    status = status or contribution.status
    old_status = contribution.status
    if status != old_status:
        if status == Status.PROCESSED and not outcome:
            outcome = text
        _check_transition(contribution, status, reason, outcome)
    elif not text:
        raise ValidationError(
            {"text": _("Write what was done with the inbreng, or change the status.")}
        )
    if change and change not in Change.values:
        raise ValidationError({"change": _("Choose whether something changed.")})
    if status in CLOSED_STATUSES and status != old_status:
        contribution.closed_at = now
        contribution.satisfaction = ""
        if status == Status.NOT_ADOPTED:
            contribution.reason = reason
            contribution.outcome = outcome
            contribution.change = change or Change.NONE
        else:
            contribution.outcome = outcome
            contribution.reason = ""
            contribution.change = change or Change.NONE
    elif change:
        contribution.change = change
    if status == Status.RECEIVED and old_status == Status.RECEIVED:
        status = Status.IN_PROGRESS  # an answer means someone is handling it
    contribution.status = status
    if contribution.first_response_at is None:
        contribution.first_response_at = now
    contribution.save()
    body = "\n\n".join(dict.fromkeys(part for part in (text, outcome, reason) if part))
    update = ContributionUpdate.objects.create(
        contribution=contribution,
        kind=UpdateKind.ANSWER,
        author=user,
        text=body,
        old_status=old_status,
        new_status=status,
        created_at=now,
    )
    record_event(user, "inbreng.updated", contribution, status)
    notify([contribution.contributor], NotificationKind.ANSWER, contribution, text=body, now=now)
    return update


def change_status(
    user,
    contribution: Contribution,
    status: str,
    *,
    reason: str = "",
    outcome: str = "",
    change: str = "",
    text: str = "",
    now=None,
) -> ContributionUpdate:
    """A status change by the receiving side; see `add_update` for the rules."""
    return add_update(
        user,
        contribution,
        text=text,
        status=status,
        reason=reason,
        outcome=outcome,
        change=change,
        now=now,
    )


def _check_milestone(title: str, due_on, progress) -> dict:
    errors = {}
    if not (title or "").strip():
        errors["title"] = [_("Give the milestone a name.")]
    if due_on is None:
        errors["due_on"] = [_("Fill in when the milestone should be reached.")]
    if progress is None or not 0 <= progress <= 100:
        errors["progress"] = [_("Progress is a number from 0 to 100.")]
    return errors


@transaction.atomic
def add_milestone(
    user, contribution: Contribution, *, title: str, due_on, progress: int = 0, now=None
) -> Milestone:
    """A step towards doing something with larger inbreng; the contributor is told."""
    now = now or timezone.now()
    _check_answerer(user, contribution)
    if errors := _check_milestone(title, due_on, progress):
        raise ValidationError(errors)
    milestone = Milestone.objects.create(
        contribution=contribution,
        title=title.strip(),
        due_on=due_on,
        progress=progress,
        done_at=now if progress >= 100 else None,
        created_at=now,
    )
    text = _("New milestone: %(title)s, planned for %(date)s.") % {
        "title": milestone.title,
        "date": due_on.strftime("%d-%m-%Y"),
    }
    _milestone_news(user, contribution, text, now)
    return milestone


@transaction.atomic
def update_milestone(user, milestone: Milestone, *, progress: int, now=None) -> Milestone:
    now = now or timezone.now()
    contribution = milestone.contribution
    _check_answerer(user, contribution)
    if errors := _check_milestone(milestone.title, milestone.due_on, progress):
        raise ValidationError(errors)
    milestone.progress = progress
    if progress >= 100 and milestone.done_at is None:
        milestone.done_at = now
    elif progress < 100:
        milestone.done_at = None
    milestone.save()
    text = _("Milestone %(title)s: %(progress)s%% done.") % {
        "title": milestone.title,
        "progress": progress,
    }
    _milestone_news(user, contribution, text, now)
    return milestone


def _milestone_news(user, contribution: Contribution, text: str, now) -> None:
    ContributionUpdate.objects.create(
        contribution=contribution,
        kind=UpdateKind.MILESTONE,
        author=user,
        text=text,
        created_at=now,
    )
    fields = []
    if contribution.first_response_at is None:
        contribution.first_response_at = now
        fields.append("first_response_at")
    if contribution.status == Status.RECEIVED:
        contribution.status = Status.IN_PROGRESS
        fields.append("status")
    if fields:
        contribution.save(update_fields=fields)
    record_event(user, "inbreng.milestone", contribution)
    notify([contribution.contributor], NotificationKind.ANSWER, contribution, text=text, now=now)


def _check_contributor_of(user, contribution: Contribution) -> None:
    if not user.is_authenticated or user.pk != contribution.contributor_id:
        raise PermissionDenied


@transaction.atomic
def rate_answer(
    user, contribution: Contribution, satisfaction: str, *, comment: str = "", now=None
) -> ContributionUpdate:
    """The contributor says whether the answer to closed inbreng was clear and fair."""
    now = now or timezone.now()
    _check_contributor_of(user, contribution)
    if not contribution.is_closed:
        raise ValidationError(
            {"satisfaction": _("You can give your opinion when the inbreng is closed.")}
        )
    if satisfaction not in Satisfaction.values:
        raise ValidationError({"satisfaction": _("Choose yes, partly or no.")})
    contribution.satisfaction = satisfaction
    contribution.save(update_fields=["satisfaction"])
    label = Satisfaction(satisfaction).label
    update = ContributionUpdate.objects.create(
        contribution=contribution,
        kind=UpdateKind.RATING,
        author=user,
        text=f"{label}. {comment.strip()}".strip() if comment.strip() else str(label),
        created_at=now,
    )
    record_event(user, "inbreng.rated", contribution, satisfaction)
    notify(
        contribution.recipients(), NotificationKind.RATED, contribution, text=update.text, now=now
    )
    return update


@transaction.atomic
def reopen(user, contribution: Contribution, reason: str, *, now=None) -> ContributionUpdate:
    """The contributor asks to look at closed inbreng again: back to 'being handled'."""
    now = now or timezone.now()
    _check_contributor_of(user, contribution)
    reason = (reason or "").strip()
    if not contribution.is_closed:
        raise ValidationError({"reason": _("This inbreng is still open.")})
    if not reason:
        raise ValidationError({"reason": _("Say why you want the inbreng looked at again.")})
    old_status = contribution.status
    contribution.status = Status.IN_PROGRESS
    contribution.closed_at = None
    contribution.save(update_fields=["status", "closed_at"])
    update = ContributionUpdate.objects.create(
        contribution=contribution,
        kind=UpdateKind.REOPEN,
        author=user,
        text=reason,
        old_status=old_status,
        new_status=Status.IN_PROGRESS,
        created_at=now,
    )
    record_event(user, "inbreng.reopened", contribution)
    notify(contribution.recipients(), NotificationKind.REOPENED, contribution, text=reason, now=now)
    return update
