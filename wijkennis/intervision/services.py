"""Writes of intervision: groups and membership, sessions and their steps, cases, lessons.

Every function checks who acts, owns its transaction and records an audit event. Views and
tests call the same functions.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkennis.core.models import record_event
from wijkennis.deidentification.engine import deidentify
from wijkennis.knowledge.models import KnowledgeItem
from wijkennis.knowledge.services import propose_item
from wijkennis.organisations.models import Membership
from wijkennis.stories.services import known_names

from .methods import methods
from .models import (
    PARTICIPANT_ROLES,
    Case,
    GroupMember,
    IntervisionGroup,
    Lesson,
    MemberRole,
    MemberStatus,
    Session,
    StepNote,
    can_take_part,
)


def _organisation_of(user):
    membership = (
        Membership.objects.filter(user=user, role__in=PARTICIPANT_ROLES).order_by("id").first()
    )
    return membership.organisation if membership else None


def _check_member(user, group: IntervisionGroup) -> None:
    """Non-members get a 404: they may not know what happens inside the group."""
    if not group.is_member(user):
        raise Http404


def _check_facilitator(user, group: IntervisionGroup) -> None:
    _check_member(user, group)
    if not group.is_facilitator(user):
        raise PermissionDenied(_("Only the facilitator of the group can do this."))


@transaction.atomic
def create_group(
    user, *, name: str, description: str = "", region: str = "", themes=(), is_open: bool = True
) -> IntervisionGroup:
    """A new group; whoever starts it is its facilitator."""
    if not can_take_part(user):
        raise PermissionDenied
    if not name.strip():
        raise ValidationError({"name": _("Give the group a name.")})
    group = IntervisionGroup.objects.create(
        name=name.strip(),
        description=description.strip(),
        region=region.strip(),
        facilitator=user,
        is_open=is_open,
    )
    group.themes.set(themes)
    now = timezone.now()
    GroupMember.objects.create(
        group=group,
        user=user,
        organisation=_organisation_of(user),
        role=MemberRole.FACILITATOR,
        status=MemberStatus.MEMBER,
        requested_at=now,
        joined_at=now,
        decided_by=user,
    )
    record_event(user, "intervision.group_created", group)
    return group


@transaction.atomic
def request_to_join(user, group: IntervisionGroup, message: str = "") -> GroupMember:
    """Ask to join an open group. Asking again after a "no" is allowed."""
    if not can_take_part(user):
        raise PermissionDenied
    place = group.membership_of(user)
    if place and place.status == MemberStatus.MEMBER:
        raise ValidationError(_("You are already a member of this group."))
    if place and place.status == MemberStatus.REQUESTED:
        raise ValidationError(_("You already asked to join. The facilitator will answer."))
    if not group.is_open:
        raise ValidationError(_("This group does not take new members at the moment."))
    place = place or GroupMember(group=group, user=user)
    place.organisation = _organisation_of(user)
    place.status = MemberStatus.REQUESTED
    place.role = MemberRole.MEMBER
    place.message = message.strip()[:1000]
    place.requested_at = timezone.now()
    place.decided_by = None
    place.save()
    record_event(user, "intervision.join_requested", group)
    return place


@transaction.atomic
def decide_request(user, place: GroupMember, *, accept: bool) -> GroupMember:
    """The facilitator says yes or no to a request to join."""
    _check_facilitator(user, place.group)
    if place.status != MemberStatus.REQUESTED:
        raise ValidationError(_("This request has already been answered."))
    place.status = MemberStatus.MEMBER if accept else MemberStatus.DECLINED
    place.joined_at = timezone.now() if accept else None
    place.decided_by = user
    place.save(update_fields=["status", "joined_at", "decided_by"])
    record_event(
        user,
        "intervision.join_accepted" if accept else "intervision.join_declined",
        place.group,
        f"member {place.pk}",
    )
    return place


@transaction.atomic
def plan_session(
    user,
    group: IntervisionGroup,
    *,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    method: str,
    place: str = "",
    online_url: str = "",
) -> Session:
    _check_facilitator(user, group)
    errors = {}
    if method not in methods():
        errors["method"] = _("Choose one of the methods.")
    if ends_at <= starts_at:
        errors["ends_at"] = _("The end must be after the start.")
    if not place.strip() and not online_url.strip():
        errors["place"] = _("Fill in a place or an online link.")
    if errors:
        raise ValidationError(errors)
    session = Session.objects.create(
        group=group,
        starts_at=starts_at,
        ends_at=ends_at,
        method=method,
        place=place.strip(),
        online_url=online_url.strip(),
        created_by=user,
    )
    record_event(user, "intervision.session_planned", session)
    return session


@transaction.atomic
def move_step(user, session: Session, forward: bool) -> Session:
    """Go to the next or previous step. "Next" on the last step finishes the session; "previous"
    opens it again. Any member may lead the group on."""
    _check_member(user, session.group)
    session = Session.objects.select_for_update().get(pk=session.pk)
    last = len(session.steps) - 1
    if forward:
        if session.current_step >= last:
            session.finished_at = session.finished_at or timezone.now()
        else:
            session.current_step += 1
    elif session.finished_at:
        session.finished_at = None
    elif session.current_step > 0:
        session.current_step -= 1
    session.save(update_fields=["current_step", "finished_at"])
    return session


def add_note(user, session: Session, text: str) -> StepNote:
    """A note on the step the session is at."""
    _check_member(user, session.group)
    if not text.strip():
        raise ValidationError({"text": _("Write something first.")})
    return StepNote.objects.create(
        session=session, step=session.current_step, text=text.strip(), author=user
    )


@transaction.atomic
def record_attendance(user, session: Session, attendees) -> Session:
    """The facilitator ticks who was there; only members can be ticked."""
    _check_facilitator(user, session.group)
    member_ids = set(session.group.members.active().values_list("user_id", flat=True))
    session.attendees.set([person for person in attendees if person.pk in member_ids])
    session.attendance_taken = True
    session.save(update_fields=["attendance_taken"])
    record_event(user, "intervision.attendance", session, f"{session.attendees.count()} present")
    return session


def _deidentify_case(case: Case) -> None:
    """The same pipeline as stories: the engine with every name Wijkennis knows."""
    result = deidentify(case.original_text, known_names())
    case.text = result.text
    case.replacements = [
        {"kind": span.kind, "original": span.original, "replacement": span.replacement}
        for span in result.spans
    ]


@transaction.atomic
def save_case(user, session: Session, text: str, case: Case | None = None) -> Case:
    """Save a case and de-identify it. It stays with its author until they share it."""
    if case is None:
        _check_member(user, session.group)
        case = Case(session=session, author=user)
    elif case.author_id != user.pk:
        raise Http404
    elif case.is_shared:
        raise ValidationError(_("This case has been shared already."))
    if not text.strip():
        raise ValidationError({"text": _("Describe the case first.")})
    case.original_text = text.strip()
    _deidentify_case(case)
    case.save()
    record_event(user, "intervision.case_saved", case)
    return case


@transaction.atomic
def share_case(user, case: Case) -> Case:
    """Show the de-identified case to the group (after the author checked the replacements)."""
    if case.author_id != user.pk:
        raise Http404
    _check_member(user, case.session.group)
    if not case.is_shared:
        case.shared_at = timezone.now()
        case.save(update_fields=["shared_at"])
        record_event(user, "intervision.case_shared", case)
    return case


def record_lesson(user, session: Session, *, title: str, text: str) -> Lesson:
    _check_member(user, session.group)
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the lesson a short title.")
    if not text.strip():
        errors["text"] = _("Write what the group learned.")
    if errors:
        raise ValidationError(errors)
    lesson = Lesson.objects.create(
        session=session, title=title.strip(), text=text.strip(), author=user
    )
    record_event(user, "intervision.lesson", lesson)
    return lesson


@transaction.atomic
def propose_lesson(user, lesson: Lesson) -> KnowledgeItem:
    """Turn a lesson into a wij-kennis proposal: the lesson's words (de-identified), the group's
    themes as the situations. Done once per lesson."""
    group = lesson.session.group
    _check_member(user, group)
    if lesson.knowledge_item_id:
        raise ValidationError(_("This lesson has already been proposed as wij-kennis."))
    themes = list(group.themes.all())
    if not themes:
        raise ValidationError(
            _("The group has no themes yet. The facilitator can add them to the group first.")
        )
    # The network reads wij-kennis: names in the lesson are replaced as in a story.
    names = known_names()
    item = propose_item(
        user,
        situations=themes,
        title=deidentify(lesson.title, names).text,
        insight=deidentify(lesson.text, names).text,
        for_whom=_("Learned together in an intervision group of experience workers."),
    )
    lesson.knowledge_item = item
    lesson.proposed_by = user
    lesson.save(update_fields=["knowledge_item", "proposed_by"])
    record_event(user, "intervision.lesson_proposed", lesson, f"knowledge item {item.pk}")
    return item


@transaction.atomic
def edit_group(
    user,
    group: IntervisionGroup,
    *,
    name: str,
    description: str = "",
    region: str = "",
    themes=(),
    is_open: bool = True,
) -> IntervisionGroup:
    _check_facilitator(user, group)
    if not name.strip():
        raise ValidationError({"name": _("Give the group a name.")})
    group.name = name.strip()
    group.description = description.strip()
    group.region = region.strip()
    group.is_open = is_open
    group.save()
    group.themes.set(themes)
    record_event(user, "intervision.group_edited", group)
    return group
