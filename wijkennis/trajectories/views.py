"""Pages of trajecten. Every trajectory is read through `Trajectory.objects.visible_to`, so one of
another organisation, or for someone without a trajectory role, is a 404. The list and the create
page are a 403 for people without a trajectory role."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkennis.core.models import record_event
from wijkennis.core.pdf import render_pdf

from . import services
from .forms import CreditorForm, OutcomeForm, StepDatesForm, TrajectoryForm, TypeForm
from .models import Creditor, Outcome, Trajectory, TrajectoryType


def _trajectory(request, trajectory_pk) -> Trajectory:
    return get_object_or_404(
        Trajectory.objects.visible_to(request.user).select_related("organisation", "type"),
        pk=trajectory_pk,
    )


def _organisations(queryset):
    if not queryset.exists():
        raise PermissionDenied
    return queryset


def _add_errors(form, error: ValidationError) -> None:
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


@login_required
def trajectory_list(request):
    _organisations(services.writable_organisations(request.user))
    state = request.GET.get("status", "open")
    trajectories = Trajectory.objects.visible_to(request.user).select_related(
        "organisation", "type"
    )
    if state == "open":
        trajectories = trajectories.filter(outcome=Outcome.OPEN)
    elif state == "closed":
        trajectories = trajectories.exclude(outcome=Outcome.OPEN)
    else:
        state = "all"
    return render(
        request,
        "trajectories/list.html",
        {
            "trajectories": trajectories,
            "state": state,
            "can_define_types": services.type_organisations(request.user).exists(),
        },
    )


@login_required
def trajectory_create(request):
    organisations = _organisations(services.writable_organisations(request.user))
    form = TrajectoryForm(request.POST or None, user=request.user, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organisation = data.pop("organisation", None) or organisations.first()
        try:
            trajectory = services.create_trajectory(request.user, organisation, **data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The trajectory is saved."))
            return redirect(trajectory)
    return render(
        request,
        "trajectories/create.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


def _detail(request, trajectory, outcome_form=None, status=200):
    outcome_form = outcome_form or OutcomeForm(
        initial={
            "outcome": trajectory.outcome,
            "dropout_reason": trajectory.dropout_reason,
            "experience_worker_involved": trajectory.experience_worker_involved,
        }
    )
    creditors = list(trajectory.creditors.for_overview())
    return render(
        request,
        "trajectories/detail.html",
        {
            "trajectory": trajectory,
            "steps": trajectory.steps_with_dates(),
            "outcome_form": outcome_form,
            "creditors": creditors,
            "total": trajectory.creditor_total(),
        },
        status=status,
    )


@login_required
def trajectory_detail(request, trajectory_pk):
    trajectory = _trajectory(request, trajectory_pk)
    if request.method == "POST":
        form = OutcomeForm(request.POST)
        if form.is_valid():
            try:
                services.update_trajectory(request.user, trajectory, **form.cleaned_data)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("The outcome is saved."))
                return redirect(trajectory)
        return _detail(request, trajectory, form, status=400)
    record_event(request.user, "trajectory.read", trajectory)
    return _detail(request, trajectory)


@login_required
def step_dates(request, trajectory_pk):
    trajectory = _trajectory(request, trajectory_pk)
    form = StepDatesForm(request.POST or None, trajectory=trajectory)
    if request.method == "POST" and form.is_valid():
        services.set_step_dates(request.user, trajectory, form.dates())
        messages.success(request, _("The dates are saved."))
        return redirect(trajectory)
    return render(
        request,
        "trajectories/steps.html",
        {"trajectory": trajectory, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _creditor_page(request, trajectory, creditor=None):
    initial = {}
    if creditor is not None:
        initial = {
            field: getattr(creditor, field)
            for field in ("name", "amount", "letter_date", "deadline", "note")
        }
    form = CreditorForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_creditor(request.user, trajectory, creditor, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The creditor is saved."))
            return redirect("trajectories:schoenendoos", trajectory_pk=trajectory.pk)
    return render(
        request,
        "trajectories/creditor_form.html",
        {"trajectory": trajectory, "creditor": creditor, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def creditor_add(request, trajectory_pk):
    return _creditor_page(request, _trajectory(request, trajectory_pk))


def _creditor(request, trajectory_pk, creditor_pk):
    trajectory = _trajectory(request, trajectory_pk)
    return trajectory, get_object_or_404(Creditor, trajectory=trajectory, pk=creditor_pk)


@login_required
def creditor_edit(request, trajectory_pk, creditor_pk):
    trajectory, creditor = _creditor(request, trajectory_pk, creditor_pk)
    return _creditor_page(request, trajectory, creditor)


@login_required
def creditor_delete(request, trajectory_pk, creditor_pk):
    trajectory, creditor = _creditor(request, trajectory_pk, creditor_pk)
    if request.method == "POST":
        services.delete_creditor(request.user, creditor)
        messages.success(request, _("The creditor is removed."))
        return redirect("trajectories:schoenendoos", trajectory_pk=trajectory.pk)
    return render(
        request,
        "trajectories/creditor_delete.html",
        {"trajectory": trajectory, "creditor": creditor},
    )


def _overview(trajectory) -> dict:
    creditors = list(trajectory.creditors.for_overview())
    return {
        "trajectory": trajectory,
        "creditors": creditors,
        "total": trajectory.creditor_total(),
    }


@login_required
def schoenendoos(request, trajectory_pk):
    trajectory = _trajectory(request, trajectory_pk)
    record_event(request.user, "trajectory.read", trajectory, "schoenendoos")
    return render(request, "trajectories/schoenendoos.html", _overview(trajectory))


@login_required
def schoenendoos_pdf(request, trajectory_pk):
    trajectory = _trajectory(request, trajectory_pk)
    context = _overview(trajectory) | {"printed_on": timezone.localdate()}
    response = HttpResponse(
        render_pdf("trajectories/schoenendoos_pdf.html", context),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="schoenendoos-{trajectory.pk}.pdf"'
    record_event(request.user, "trajectory.exported", trajectory, "pdf")
    return response


@login_required
def type_list(request):
    _organisations(services.writable_organisations(request.user))
    types = TrajectoryType.objects.visible_to(request.user).prefetch_related("steps")
    return render(
        request,
        "trajectories/type_list.html",
        {
            "types": types.select_related("organisation"),
            "can_define_types": services.type_organisations(request.user).exists(),
        },
    )


@login_required
def type_create(request):
    organisations = _organisations(services.type_organisations(request.user))
    form = TypeForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organisation = data.pop("organisation", None) or organisations.first()
        try:
            services.create_type(
                request.user, organisation, name=data["name"], steps=data["steps"].splitlines()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The trajectory type is saved."))
            return redirect("trajectories:types")
    return render(
        request,
        "trajectories/type_form.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )
