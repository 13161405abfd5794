from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from wijkennis.intervision.models import can_take_part

from . import selectors
from .forms import MAX_COMPARE, CatalogueFilterForm, CompareForm, TrainingRecordForm
from .models import RecordStatus, Training, TrainingRecord


def _catalogue():
    return Training.objects.prefetch_related("themes", "start_dates")


# The catalogue is public: it holds no personal data and helps people choose a training.
def catalogue(request):
    form = CatalogueFilterForm(request.GET or None)
    trainings = list(form.filter(_catalogue()))
    compare = CompareForm(trainings=trainings)
    unknown_cost = [t for t in trainings if t.cost is None] if form.cost_filtered else []
    return render(
        request,
        "trainings/catalogue.html",
        {
            "form": form,
            "trainings": trainings,
            "compare": compare,
            "unknown_cost_count": len(unknown_cost),
            "cost_filtered": form.cost_filtered,
            "total": Training.objects.count(),
            "max_compare": MAX_COMPARE,
            **_links(request.user),
        },
    )


def _links(user) -> dict:
    """Which personal pages to offer: the own record (workers), the team (coordinators)."""
    return {
        "can_keep_record": selectors.can_keep_record(user),
        "can_join_intervision": can_take_part(user),
        "can_see_team": selectors.can_see_team(user),
    }


def detail(request, training_slug):
    training = get_object_or_404(_catalogue(), slug=training_slug)
    return render(request, "trainings/detail.html", {"training": training, **_links(request.user)})


def compare(request):
    """Two or three trainings side by side. A fourth is refused with a message; what was
    ticked stays ticked so the visitor can untick one."""
    trainings = list(_catalogue())
    form = CompareForm(request.GET if "opleiding" in request.GET else None, trainings=trainings)
    chosen = form.chosen() if form.is_bound else []
    return render(
        request,
        "trainings/compare.html",
        {
            "form": form,
            "trainings": trainings,
            "chosen": chosen,
            "selected": form.selected_slugs(),
            "rows": _comparison_rows(chosen),
            "max_compare": MAX_COMPARE,
        },
        status=400 if form.errors else 200,
    )


def _comparison_rows(chosen):
    if not chosen:
        return []
    facts = [training.facts() for training in chosen]
    return [
        (row[0].label, [training_facts[index] for training_facts in facts])
        for index, row in enumerate(zip(*facts, strict=True))
    ]


def _require_worker(user) -> None:
    if not selectors.can_keep_record(user):
        raise PermissionDenied


@login_required
def dossier(request):
    _require_worker(request.user)
    context = selectors.own_records(request.user)
    context["sessions"] = selectors.intervision_attended(request.user)
    return render(request, "trainings/dossier.html", context)


@login_required
def record_create(request):
    _require_worker(request.user)
    initial = {}
    chosen = request.GET.get("opleiding")
    if chosen:
        initial["training"] = Training.objects.filter(slug=chosen).first()
        initial["status"] = RecordStatus.PLANNED
    form = TrainingRecordForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.instance.worker = request.user
        form.save()
        messages.success(request, _("Added to your development record."))
        return redirect("trainings:dossier")
    return render(
        request,
        "trainings/record_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def _own_record(request, record_pk) -> TrainingRecord:
    return get_object_or_404(TrainingRecord.objects.own(request.user), pk=record_pk)


@login_required
def record_edit(request, record_pk):
    record = _own_record(request, record_pk)
    form = TrainingRecordForm(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your development record is saved."))
        return redirect("trainings:dossier")
    return render(
        request,
        "trainings/record_form.html",
        {"form": form, "record": record},
        status=400 if form.errors else 200,
    )


@login_required
def record_delete(request, record_pk):
    record = _own_record(request, record_pk)
    if request.method == "POST":
        record.delete()
        messages.success(request, _("Removed from your development record."))
        return redirect("trainings:dossier")
    return render(request, "trainings/record_delete.html", {"record": record})


@login_required
def team(request):
    if not selectors.can_see_team(request.user):
        raise PermissionDenied
    return render(
        request, "trainings/team.html", {"overviews": selectors.team_overview(request.user)}
    )
