"""Dashboard pages and their exports. Who sees what is decided in `access.py`; the figures come
from `figures.py`; views only read the filter and render."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wijkennis.trajectories.models import TrajectoryType

from . import access, exports
from .caching import sections_for, sections_html
from .figures import default_trajectory_type
from .forms import PeriodForm, presets

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
def index(request):
    organisations = access.dashboard_organisations(request.user)
    municipalities = access.dashboard_municipalities(request.user)
    if not organisations.exists() and not municipalities.exists():
        raise PermissionDenied
    return render(
        request,
        "dashboards/index.html",
        {
            "organisations": organisations,
            "municipalities": [
                (m, access.funded_organisations(m).order_by("name")) for m in municipalities
            ],
        },
    )


def _filter(request, scope) -> PeriodForm:
    types = list(
        TrajectoryType.objects.filter(
            Q(organisation__isnull=True) | Q(organisation__in=scope.organisations)
        ).order_by("name")
    )
    data = request.GET.copy()
    if not data.get("type") and (debt := default_trajectory_type(types)) is not None:
        data["type"] = str(debt.pk)
    return PeriodForm(data, trajectory_types=types)


def _dashboard(request, scope):
    form = _filter(request, scope)
    context = {"scope": scope, "form": form, "presets": presets(), "sections": []}
    if not form.is_valid():
        return render(request, "dashboards/dashboard.html", context, status=400)
    period = form.cleaned_data["period"]
    trajectory_type = form.cleaned_data.get("type")
    query = request.GET.urlencode()
    context.update(
        {
            "period": period,
            # The page shows `sections_html`; the figures themselves only for whoever asks.
            "sections": SimpleLazyObject(lambda: sections_for(scope, period, trajectory_type)),
            "sections_html": sections_html(scope, period, trajectory_type),
            "funded": scope.organisations.order_by("name") if scope.kind == "municipality" else [],
            "csv_url": scope.export_url("csv") + (f"?{query}" if query else ""),
            "xlsx_url": scope.export_url("xlsx") + (f"?{query}" if query else ""),
        }
    )
    return render(request, "dashboards/dashboard.html", context)


def _export(request, scope, extension):
    if extension not in CONTENT_TYPES:
        raise Http404
    form = _filter(request, scope)
    if not form.is_valid():
        errors = "; ".join(str(e) for errors in form.errors.values() for e in errors)
        return HttpResponse(
            _("The period is not right: %(errors)s") % {"errors": errors},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    period = form.cleaned_data["period"]
    sections = sections_for(scope, period, form.cleaned_data.get("type"))
    rows = exports.export_rows(scope.subject.name, period, sections)
    body = exports.as_csv(rows) if extension == "csv" else exports.as_xlsx(rows)
    response = HttpResponse(body, content_type=CONTENT_TYPES[extension])
    name = f"dashboard-{slugify(scope.subject.name)}-{period.start}-{period.end}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def organisation(request, organisation_pk):
    return _dashboard(request, access.organisation_scope(request.user, organisation_pk))


@login_required
def municipality(request, municipality_pk):
    return _dashboard(request, access.municipality_scope(request.user, municipality_pk))


@login_required
def organisation_export(request, organisation_pk, extension):
    return _export(request, access.organisation_scope(request.user, organisation_pk), extension)


@login_required
def municipality_export(request, municipality_pk, extension):
    return _export(request, access.municipality_scope(request.user, municipality_pk), extension)
