import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wijkennis.core.pdf import render_pdf

from . import selectors, services
from .forms import ConfirmDeleteForm, PreferencesForm, StoryChoiceForm
from .registry import Action, rules


@login_required
def overview(request):
    user = request.user
    return render(
        request,
        "mydata/overview.html",
        {
            "sections": selectors.overview(user),
            "stories_by_status": selectors.stories_by_status(user),
            "memberships": user.memberships.select_related("organisation", "team"),
        },
    )


@login_required
@require_GET
def export_json(request):
    data = selectors.export_data(request.user)
    services.record_export(request.user, "json")
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens-wijkennis.json"'
    return response


@login_required
@require_GET
def export_pdf(request):
    user = request.user
    data = selectors.export_data(user)
    sections = [
        {
            "section": part["section"],
            "entries": [
                {"rule": entry["rule"], "rows": data["data"][entry["key"]]}
                for entry in part["entries"]
            ],
        }
        for part in selectors.overview(user)
    ]
    pdf = render_pdf(
        "mydata/export_pdf.html",
        {"data": data, "sections": sections, "today": timezone.localdate(), "user": user},
    )
    services.record_export(user, "pdf")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens-wijkennis.pdf"'
    return response


@login_required
def preferences(request):
    form = PreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        translation.activate(user.language)
        messages.success(request, _("Your choices are saved."))
        response = redirect("mydata:preferences")
        # The cookie too, so the language stays after logging out.
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        )
        return response
    return render(
        request, "mydata/preferences.html", {"form": form}, status=400 if form.errors else 200
    )


def _what_happens():
    """The deletion page's list, straight from the registry: it cannot say something else
    than what delete_account does."""
    grouped = {action: [] for action in (Action.DELETE, Action.ANONYMISE, Action.UNLINK)}
    for _key, rule in rules():
        if rule.on_delete in grouped and rule.label not in grouped[rule.on_delete]:
            grouped[rule.on_delete].append(rule.label)
    return grouped


@login_required
def delete(request):
    """Two steps: (1) read what happens and choose for shared stories, (2) confirm with the
    password (or, without a password, the e-mail address). A wrong password keeps the choice."""
    user = request.user
    context = {"what_happens": _what_happens(), "has_password": user.has_usable_password()}
    if request.method == "POST" and request.POST.get("step") == "confirm":
        form = ConfirmDeleteForm(request.POST, user=user)
        if form.is_valid():
            services.delete_account(user, stories=form.cleaned_data["stories"])
            logout(request)
            return redirect("mydata:deleted")
        choice = dict(form.fields["stories"].choices).get(request.POST.get("stories"))
        context |= {"form": form, "choice_label": choice}
        return render(request, "mydata/delete_confirm.html", context, status=400)
    if request.method == "POST":
        choice_form = StoryChoiceForm(request.POST)
        if choice_form.is_valid():
            choice = choice_form.cleaned_data["stories"]
            form = ConfirmDeleteForm(initial={"stories": choice}, user=user)
            context |= {
                "form": form,
                "choice_label": dict(choice_form.fields["stories"].choices)[choice],
            }
            return render(request, "mydata/delete_confirm.html", context)
        context["form"] = choice_form
        return render(request, "mydata/delete.html", context, status=400)
    context["form"] = StoryChoiceForm()
    return render(request, "mydata/delete.html", context)


def deleted(request):
    return render(request, "mydata/deleted.html")
