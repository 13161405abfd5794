import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkennis.core.exports import csv_text
from wijkennis.core.pdf import render_pdf

from . import scoring, services
from .forms import ScanForm, StartRoundForm
from .models import ScanRound


def index(request):
    """Kwartiermaken: what the three tools are for."""
    return render(request, "readiness/index.html")


def _round(request, round_pk) -> ScanRound:
    return get_object_or_404(
        ScanRound.objects.visible_to(request.user).select_related("organisation"), pk=round_pk
    )


def _results(scan_round: ScanRound) -> dict:
    answers = [response.answers for response in scan_round.responses.all()]
    return {
        "respondents": len(answers),
        "scores": scoring.scores(answers),
        "differences": scoring.differences(answers) if len(answers) > 1 else [],
        "scale": scoring.content()["scale"],
        "weak_below": scoring.WEAK_BELOW,
    }


@login_required
def round_list(request):
    rounds = list(ScanRound.objects.visible_to(request.user).select_related("organisation"))
    # Progress over time: the theme scores of every round, oldest first, per organisation.
    progress = [
        (scan_round, _results(scan_round)["scores"])
        for scan_round in sorted(rounds, key=lambda r: (r.organisation.name, r.created_at))
    ]
    return render(
        request,
        "readiness/rounds.html",
        {
            "rounds": rounds,
            "progress": progress,
            "themes": scoring.themes(),
            "can_start": bool(services.organisations_to_start(request.user)),
        },
    )


@login_required
def round_start(request):
    organisations = services.organisations_to_start(request.user)
    if not organisations:
        raise PermissionDenied
    initial = {"title": _("Scan %(month)s") % {"month": timezone.now().strftime("%m-%Y")}}
    form = StartRoundForm(request.POST or None, organisations=organisations, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            scan_round = services.start_round(
                request.user, form.cleaned_data["organisation"], form.cleaned_data["title"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("readiness:answer", round_pk=scan_round.pk)
    return render(
        request, "readiness/start.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def round_answer(request, round_pk):
    scan_round = _round(request, round_pk)
    mine = scan_round.responses.filter(respondent=request.user).first()
    initial = {key: str(value) for key, value in (mine.answers if mine else {}).items()}
    form = ScanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_response(request.user, scan_round, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. Your answers are saved."))
            return redirect(scan_round)
    return render(
        request,
        "readiness/answer.html",
        {"round": scan_round, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def round_results(request, round_pk):
    scan_round = _round(request, round_pk)
    answered = scan_round.responses.filter(respondent=request.user).exists()
    return render(
        request,
        "readiness/results.html",
        {"round": scan_round, "answered": answered, **_results(scan_round)},
    )


@login_required
def round_pdf(request, round_pk):
    scan_round = _round(request, round_pk)
    pdf = render_pdf(
        "readiness/results_pdf.html",
        {"round": scan_round, "today": timezone.localdate(), **_results(scan_round)},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="kwartiermaakscan-{scan_round.pk}.pdf"'
    return response


@login_required
def round_export(request, round_pk, extension):
    scan_round = _round(request, round_pk)
    results = _results(scan_round)
    rows = [
        {
            "organisation": scan_round.organisation.name,
            "round": scan_round.title,
            "theme": score.theme["key"],
            "score": score.score,
            "answered": score.answered,
            "dont_know": score.dont_know,
            "respondents": results["respondents"],
        }
        for score in results["scores"]
    ]
    if extension == "json":
        body, content_type = json.dumps(rows, ensure_ascii=False, indent=1), "application/json"
    elif extension == "csv":
        body, content_type = csv_text(rows), "text/csv"
    else:
        raise Http404
    response = HttpResponse(body, content_type=content_type)
    filename = f"kwartiermaakscan-{scan_round.pk}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
