from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wijkennis.core.pdf import render_pdf

from . import services
from .forms import JobDescriptionForm
from .models import JobDescription

LEVELS = ("primary", "secondary", "tertiary")


def _job(request, job_pk) -> JobDescription:
    return get_object_or_404(
        JobDescription.objects.visible_to(request.user).select_related("organisation"),
        pk=job_pk,
    )


def _require_writer(user) -> None:
    if not services.can_write(user):
        raise PermissionDenied


def _parts(job: JobDescription) -> dict:
    """What the detail page and the PDF show."""
    return {
        "job": job,
        "tasks": [
            (level, job._meta.get_field(f"tasks_{level}").verbose_name, job.task_lines(level))
            for level in LEVELS
        ],
        "comparison": services.comparison(job),
        "differences": services.parity(job),
    }


@login_required
def job_list(request):
    _require_writer(request.user)
    jobs = JobDescription.objects.visible_to(request.user).select_related("organisation")
    return render(request, "jobs/list.html", {"jobs": jobs})


@login_required
def job_start(request):
    """Choose a template for a common specialisation, or start empty."""
    _require_writer(request.user)
    return render(request, "jobs/start.html", {"templates": services.templates().values()})


def _save(request, form, job=None):
    data = dict(form.cleaned_data)
    try:
        if job is None:
            return services.create_job(request.user, **data)
        return services.update_job(request.user, job, **data)
    except ValidationError as error:
        form.add_error(None, error)
        return None


@login_required
def job_create(request):
    _require_writer(request.user)
    template = None
    key = request.GET.get("sjabloon", "")
    if key:
        template = services.templates().get(key)
        if template is None:
            raise Http404
    organisations = services.organisations_for(request.user)
    initial = template.initial() if template else {}
    form = JobDescriptionForm(request.POST or None, initial=initial, organisations=organisations)
    saved = request.method == "POST" and form.is_valid() and _save(request, form)
    if saved:
        messages.success(request, _("The job description is saved."))
        return redirect(saved)
    return render(
        request,
        "jobs/form.html",
        {"form": form, "template": template},
        status=400 if form.errors else 200,
    )


@login_required
def job_edit(request, job_pk):
    job = _job(request, job_pk)
    initial = {name: getattr(job, name) for name in services.CONTENT_FIELDS}
    form = JobDescriptionForm(request.POST or None, initial=initial, organisations=None)
    if request.method == "POST" and form.is_valid() and _save(request, form, job):
        messages.success(request, _("Saved as a new version."))
        return redirect(job)
    return render(
        request,
        "jobs/form.html",
        {"form": form, "job": job},
        status=400 if form.errors else 200,
    )


@login_required
def job_detail(request, job_pk):
    job = _job(request, job_pk)
    context = _parts(job)
    context["versions"] = job.versions.select_related("created_by")[:20]
    context["template"] = services.templates().get(job.template)
    return render(request, "jobs/detail.html", context)


def _filename(job: JobDescription, extension: str) -> str:
    return f"functieomschrijving-{slugify(job.title)}-{job.pk}.{extension}"


@login_required
def job_pdf(request, job_pk):
    job = _job(request, job_pk)
    context = _parts(job)
    context["printed_at"] = timezone.localdate()
    response = HttpResponse(render_pdf("jobs/pdf.html", context), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{_filename(job, "pdf")}"'
    return response


@login_required
def job_export(request, job_pk, extension):
    job = _job(request, job_pk)
    if extension == "csv":
        body, content_type = services.export_csv(job), "text/csv; charset=utf-8"
    elif extension == "json":
        body, content_type = services.export_json(job), "application/json"
    else:
        raise Http404
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{_filename(job, extension)}"'
    return response
