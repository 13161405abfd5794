"""Pages of the inzetplan. Every plan is read through `DeploymentPlan.objects.visible_to`, so a
plan of another organisation is a 404; people without a kwartier role get a 403 on the list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkennis.core.models import record_event
from wijkennis.core.pdf import render_pdf

from . import reports, services
from .forms import PlanForms
from .models import DeploymentPlan


def _plan(request, plan_pk) -> DeploymentPlan:
    return get_object_or_404(
        DeploymentPlan.objects.visible_to(request.user)
        .select_related("organisation")
        .prefetch_related("phases", "workers", "partners"),
        pk=plan_pk,
    )


def _organisations(request):
    organisations = services.writable_organisations(request.user)
    if not organisations.exists():
        raise PermissionDenied
    return organisations


@login_required
def plan_list(request):
    organisations = _organisations(request)
    plans = (
        DeploymentPlan.objects.visible_to(request.user)
        .select_related("organisation")
        .prefetch_related("phases")
    )
    return render(
        request,
        "deployment/list.html",
        {"plans": plans, "organisations": organisations},
    )


def _form_page(request, plan=None):
    organisations = _organisations(request) if plan is None else None
    forms = PlanForms(request.POST or None, plan=plan, organisations=organisations)
    if request.method == "POST" and forms.is_valid():
        data = forms.for_service()
        if plan is not None:
            organisation = plan.organisation
        elif "organisation" in forms.plan_form.cleaned_data:
            organisation = forms.plan_form.cleaned_data["organisation"]
        else:
            organisation = organisations.first()
        try:
            saved = services.save_plan(request.user, organisation, plan=plan, **data)
        except ValidationError as error:
            forms.add_errors(error)
        else:
            messages.success(request, _("The plan is saved."))
            return redirect(saved)
    return render(
        request,
        "deployment/form.html",
        {"forms": forms, "plan": plan, "errors": forms.error_list()},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def plan_create(request):
    return _form_page(request)


@login_required
def plan_edit(request, plan_pk):
    return _form_page(request, _plan(request, plan_pk))


def _context(plan) -> dict:
    services.record_headcount(plan.organisation)
    rows = reports.timeline(plan)
    return {
        "plan": plan,
        "phases": reports.ordered_phases(plan),
        "warnings": services.checks(plan),
        "timeline": rows,
        "chart": reports.chart(rows),
        "chart_summary": reports.chart_summary(rows),
        "workers": list(plan.workers.all()),
        "partners": list(plan.partners.all()),
    }


@login_required
def plan_detail(request, plan_pk):
    plan = _plan(request, plan_pk)
    return render(request, "deployment/detail.html", _context(plan))


@login_required
def plan_pdf(request, plan_pk):
    plan = _plan(request, plan_pk)
    context = _context(plan) | {"printed_on": timezone.localdate()}
    response = HttpResponse(
        render_pdf("deployment/plan_pdf.html", context), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="inzetplan-{plan.pk}.pdf"'
    record_event(request.user, "deployment.exported", plan, "pdf")
    return response


@login_required
def plan_export(request, plan_pk, extension):
    plan = _plan(request, plan_pk)
    if extension == "csv":
        response = HttpResponse(reports.as_csv(plan), content_type="text/csv; charset=utf-8")
    elif extension == "json":
        response = HttpResponse(reports.as_json(plan), content_type="application/json")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="inzetplan-{plan.pk}.{extension}"'
    record_event(request.user, "deployment.exported", plan, extension)
    return response
