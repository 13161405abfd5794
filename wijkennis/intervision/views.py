"""Pages of intervision. Groups, sessions, cases and lessons are read through their
`visible_to`, so anyone outside the group (staff included) gets a 404. The list of groups and
asking to join are for experience workers and coordinators (others: 403). An action a member
may not take (e.g. planning a session when not the facilitator) is a 403."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkennis.core.models import record_event

from . import services
from .calendar import group_ics, session_ics
from .forms import (
    AttendanceForm,
    CaseForm,
    FilterForm,
    GroupForm,
    JoinForm,
    LessonForm,
    NoteForm,
    SessionForm,
)
from .models import (
    Case,
    GroupMember,
    IntervisionGroup,
    Lesson,
    MemberStatus,
    Session,
    StepNote,
    can_take_part,
)


def _check_participant(user) -> None:
    if not can_take_part(user):
        raise PermissionDenied


def _group(request, group_pk) -> IntervisionGroup:
    return get_object_or_404(IntervisionGroup.objects.visible_to(request.user), pk=group_pk)


def _session(request, session_pk) -> Session:
    return get_object_or_404(
        Session.objects.visible_to(request.user).select_related("group"), pk=session_pk
    )


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@login_required
def group_list(request):
    """Find a group by theme and region; my own groups first."""
    _check_participant(request.user)
    mine = IntervisionGroup.objects.visible_to(request.user).prefetch_related("themes")
    filters = FilterForm(request.GET or None)
    found = IntervisionGroup.objects.open().exclude(pk__in=mine.values("pk"))
    if filters.is_valid():
        if theme := filters.cleaned_data["theme"]:
            found = found.filter(themes=theme)
        if region := filters.cleaned_data["region"].strip():
            found = found.filter(region__icontains=region)
    found = found.select_related("facilitator").prefetch_related("themes").distinct()
    places = dict(GroupMember.objects.filter(user=request.user).values_list("group_id", "status"))
    return render(
        request,
        "intervision/list.html",
        {
            "mine": mine,
            "found": [(group, places.get(group.pk)) for group in found],
            "filters": filters,
            "filtered": bool(request.GET),
            "statuses": MemberStatus,
        },
    )


@login_required
def group_create(request):
    _check_participant(request.user)
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.create_group(request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The group is made. You are its facilitator."))
            return redirect(group)
    return render(
        request,
        "intervision/group_form.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def group_edit(request, group_pk):
    group = _group(request, group_pk)
    if not group.is_facilitator(request.user):
        raise PermissionDenied
    initial = {
        "name": group.name,
        "description": group.description,
        "region": group.region,
        "themes": list(group.themes.all()),
        "is_open": group.is_open,
    }
    form = GroupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_group(request.user, group, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The group is saved."))
            return redirect(group)
    return render(
        request,
        "intervision/group_form.html",
        {"form": form, "group": group},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def group_detail(request, group_pk):
    group = _group(request, group_pk)
    is_facilitator = group.is_facilitator(request.user)
    sessions = list(group.sessions.all())
    context = {
        "group": group,
        "is_facilitator": is_facilitator,
        "members": group.members.active().select_related("user", "organisation"),
        "requests": (
            group.members.requested().select_related("user", "organisation")
            if is_facilitator
            else []
        ),
        "upcoming": [s for s in sessions if not s.has_taken_place],
        "past": [s for s in sessions if s.has_taken_place][::-1],
        "lessons": Lesson.objects.visible_to(request.user)
        .filter(session__group=group)
        .select_related("session", "knowledge_item__current")
        .order_by("-created_at"),
    }
    return render(request, "intervision/group.html", context)


@login_required
@require_POST
def join(request, group_pk):
    _check_participant(request.user)
    group = get_object_or_404(IntervisionGroup, pk=group_pk)
    form = JoinForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        services.request_to_join(request.user, group, message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("You asked to join %(group)s. The facilitator will answer.") % {"group": group},
        )
    return redirect("intervision:list")


@login_required
@require_POST
def decide(request, group_pk, member_pk):
    group = _group(request, group_pk)
    place = get_object_or_404(group.members.select_related("user"), pk=member_pk)
    accept = request.POST.get("decision") == "accept"
    try:
        services.decide_request(request.user, place, accept=accept)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        text = (
            _("%(person)s is now a member of the group.")
            if accept
            else _("You declined the request of %(person)s.")
        )
        messages.success(request, text % {"person": place.user})
    return redirect(group)


@login_required
def session_create(request, group_pk):
    group = _group(request, group_pk)
    if not group.is_facilitator(request.user):
        raise PermissionDenied
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.plan_session(request.user, group, **form.session_data())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The session is on the agenda."))
            return redirect(session)
    return render(
        request,
        "intervision/session_form.html",
        {"form": form, "group": group},
        status=400 if request.method == "POST" else 200,
    )


def _session_page(request, session, status=200, **forms):
    user = request.user
    group = session.group
    is_facilitator = group.is_facilitator(user)
    notes = StepNote.objects.visible_to(user).filter(session=session).select_related("author")
    context = {
        "session": session,
        "group": group,
        "method": session.method_info,
        "step": session.step,
        "is_facilitator": is_facilitator,
        "step_notes": [note for note in notes if note.step == session.current_step],
        "notes_by_step": [
            (step, [note for note in notes if note.step == step.number - 1])
            for step in session.steps
        ],
        "cases": Case.objects.visible_to(user)
        .filter(session=session, shared_at__isnull=False)
        .select_related("author"),
        "my_drafts": Case.objects.filter(session=session, author=user, shared_at__isnull=True),
        "lessons": Lesson.objects.visible_to(user)
        .filter(session=session)
        .select_related("knowledge_item__current"),
        "note_form": forms.get("note_form") or NoteForm(prefix="note"),
        "lesson_form": forms.get("lesson_form") or LessonForm(prefix="lesson"),
    }
    if is_facilitator:
        context["attendance_form"] = AttendanceForm(
            members=_member_users(session),
            initial={"attendees": list(session.attendees.all())},
        )
    return render(request, "intervision/session.html", context, status=status)


def _member_users(session):
    return (
        get_user_model()
        .objects.filter(
            intervision_memberships__group=session.group,
            intervision_memberships__status=MemberStatus.MEMBER,
        )
        .order_by("first_name", "last_name")
    )


@login_required
def session_detail(request, session_pk):
    session = _session(request, session_pk)
    others = Case.objects.visible_to(request.user).filter(session=session, shared_at__isnull=False)
    for case in others.exclude(author=request.user):
        record_event(request.user, "intervision.case_read", case)
    return _session_page(request, session)


@login_required
@require_POST
def step(request, session_pk):
    session = _session(request, session_pk)
    services.move_step(request.user, session, forward=request.POST.get("direction") != "previous")
    return redirect(f"{session.get_absolute_url()}#stap")


@login_required
@require_POST
def note(request, session_pk):
    session = _session(request, session_pk)
    form = NoteForm(request.POST, prefix="note")
    if form.is_valid():
        services.add_note(request.user, session, form.cleaned_data["text"])
        messages.success(request, _("The note is saved."))
        return redirect(f"{session.get_absolute_url()}#stap")
    return _session_page(request, session, status=400, note_form=form)


@login_required
@require_POST
def attendance(request, session_pk):
    session = _session(request, session_pk)
    if not session.group.is_facilitator(request.user):
        raise PermissionDenied
    form = AttendanceForm(request.POST, members=_member_users(session))
    if form.is_valid():
        services.record_attendance(request.user, session, form.cleaned_data["attendees"])
        messages.success(request, _("Who was there is saved."))
    return redirect(f"{session.get_absolute_url()}#aanwezig")


@login_required
@require_POST
def lesson_create(request, session_pk):
    session = _session(request, session_pk)
    form = LessonForm(request.POST, prefix="lesson")
    if form.is_valid():
        try:
            services.record_lesson(request.user, session, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The lesson is saved."))
            return redirect(f"{session.get_absolute_url()}#lessen")
    return _session_page(request, session, status=400, lesson_form=form)


@login_required
@require_POST
def lesson_propose(request, lesson_pk):
    lesson = get_object_or_404(
        Lesson.objects.visible_to(request.user).select_related("session__group"), pk=lesson_pk
    )
    try:
        item = services.propose_lesson(request.user, lesson)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(f"{lesson.session.get_absolute_url()}#lessen")
    messages.success(
        request, _("The lesson is proposed as wij-kennis. Others can now recognise it.")
    )
    return redirect(item)


@login_required
def case_create(request, session_pk):
    session = _session(request, session_pk)
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.save_case(request.user, session, form.cleaned_data["text"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect(case)
    return render(
        request,
        "intervision/case_form.html",
        {"form": form, "session": session},
        status=400 if request.method == "POST" else 200,
    )


def _own_case(request, case_pk) -> Case:
    """A case's review page is for its author only; anyone else gets a 404."""
    return get_object_or_404(
        Case.objects.visible_to(request.user)
        .filter(author=request.user)
        .select_related("session__group"),
        pk=case_pk,
    )


@login_required
def case_review(request, case_pk):
    """The author checks what was replaced, edits the text if needed, then shares it."""
    case = _own_case(request, case_pk)
    form = CaseForm(request.POST or None, initial={"text": case.original_for(request.user)})
    if request.method == "POST" and form.is_valid():
        try:
            services.save_case(request.user, case.session, form.cleaned_data["text"], case=case)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your case is checked again."))
            return redirect(case)
    return render(
        request,
        "intervision/case_review.html",
        {"case": case, "session": case.session, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def case_share(request, case_pk):
    case = _own_case(request, case_pk)
    services.share_case(request.user, case)
    messages.success(
        request, _("Your case is shared with the group, without the replaced details.")
    )
    return redirect(f"{case.session.get_absolute_url()}#casussen")


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def session_calendar(request, session_pk):
    session = _session(request, session_pk)
    return _ics_response(
        session_ics(session, request.build_absolute_uri), f"intervisie-{session.pk}.ics"
    )


@login_required
def group_calendar(request, group_pk):
    group = _group(request, group_pk)
    group = IntervisionGroup.objects.prefetch_related(
        Prefetch("sessions", queryset=Session.objects.select_related("group"))
    ).get(pk=group.pk)
    return _ics_response(
        group_ics(group, request.build_absolute_uri), f"intervisie-groep-{group.pk}.ics"
    )
