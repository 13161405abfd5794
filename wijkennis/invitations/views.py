"""Thin views over `services`. Reads of invitations go through `Invitation.objects.visible_to`;
the accept page is public and works only with a valid token."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from wijkennis.accounts.backends import PASSWORD_BACKEND
from wijkennis.sso.services import login_url_for_invitation

from . import services
from .csv_import import EXAMPLE
from .forms import AcceptForm, ImportForm, InvitationForm
from .models import (
    Invitation,
    InvitationStatus,
    can_invite,
    invitable_roles,
    manageable_organisations,
)


def _require_inviter(request) -> None:
    if not can_invite(request.user):
        raise PermissionDenied


def _base_url(request) -> str | None:
    """The configured site address wins; otherwise the address this request came in on
    (checked against ALLOWED_HOSTS)."""
    if getattr(settings, "WIJKENNIS_SITE_URL", ""):
        return None
    return request.build_absolute_uri("/")


def _add_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


@login_required
def invitation_list(request):
    """Invitations of the organisations the user manages, one status at a time."""
    _require_inviter(request)
    visible = Invitation.objects.visible_to(request.user)
    organisations = manageable_organisations(request.user)
    chosen = request.GET.get("organisation", "")
    if chosen.isdigit():
        visible = visible.filter(organisation_id=int(chosen))
    status = request.GET.get("status", InvitationStatus.PENDING)
    if status not in InvitationStatus.values:
        status = InvitationStatus.PENDING
    tabs = [
        {
            "value": value,
            "label": label,
            "count": visible.with_status(value).count(),
            "current": value == status,
        }
        for value, label in InvitationStatus.choices
    ]
    invitations = list(
        visible.with_status(status).select_related("organisation", "team", "invited_by")
    )
    allowed: dict[int, set[str]] = {}
    for invitation in invitations:
        if invitation.organisation_id not in allowed:
            allowed[invitation.organisation_id] = set(
                invitable_roles(request.user, invitation.organisation)
            )
        # Buttons only where the service would allow them (a coordinator does not manage
        # a beheerder's invitation).
        invitation.manageable = invitation.role in allowed[invitation.organisation_id]
    return render(
        request,
        "invitations/list.html",
        {
            "invitations": invitations,
            "tabs": tabs,
            "status": status,
            "organisations": organisations if organisations.count() > 1 else None,
            "chosen": chosen,
        },
    )


@login_required
def invitation_create(request):
    _require_inviter(request)
    form = InvitationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            invitation, _token = services.invite(
                request.user, **form.cleaned_data, base_url=_base_url(request)
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("The invitation is sent to %(email)s.") % {"email": invitation.email},
            )
            return redirect("invitations:list")
    return render(
        request,
        "invitations/create.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def invitation_import(request):
    """Bulk invite from a CSV file: all rows or none."""
    _require_inviter(request)
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            created = services.import_invitations_csv(
                request.user,
                form.cleaned_data["organisation"],
                form.cleaned_data["file"],
                base_url=_base_url(request),
            )
        except services.CsvImportError as error:
            errors = error.errors
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s invitation is sent.", "%(count)s invitations are sent.", len(created)
                )
                % {"count": len(created)},
            )
            return redirect("invitations:list")
    return render(
        request,
        "invitations/import.html",
        {"form": form, "errors": errors},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def example_csv(request):
    _require_inviter(request)
    response = HttpResponse(EXAMPLE.encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="uitnodigingen-voorbeeld.csv"'
    return response


def _invitation(request, invitation_pk) -> Invitation:
    return get_object_or_404(Invitation.objects.visible_to(request.user), pk=invitation_pk)


@login_required
@require_POST
def resend(request, invitation_pk):
    invitation = _invitation(request, invitation_pk)
    try:
        services.resend(request.user, invitation, base_url=_base_url(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("A new link is sent to %(email)s.") % {"email": invitation.email}
        )
    return redirect("invitations:list")


@login_required
@require_POST
def revoke(request, invitation_pk):
    invitation = _invitation(request, invitation_pk)
    try:
        services.revoke(request.user, invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The invitation for %(email)s is withdrawn. The link no longer works.")
            % {"email": invitation.email},
        )
    return redirect("invitations:list")


def _invalid(request, error: services.InvitationError):
    return render(
        request,
        "invitations/invalid.html",
        {"error": error},
        status=404 if error.reason == "unknown" else 410,
    )


@never_cache
def accept(request, token):
    """The link in the e-mail: make an account (or add the membership when signed in)."""
    try:
        invitation = services.invitation_for_token(token)
    except services.InvitationError as error:
        response = _invalid(request, error)
    else:
        response = _accept(request, token, invitation)
    # The address holds the token: do not pass it on to other sites. Not "no-referrer": then
    # Chromium posts the form with `Origin: null`, which Django's CSRF check refuses.
    response["Referrer-Policy"] = "same-origin"
    return response


def _accept(request, token, invitation):
    context = {
        "invitation": invitation,
        "token": token,
        # Filled in by wijkennis.sso: the address to sign in with the organisation's account
        # (see invitations/_sso_option.html). None: that option is not offered.
        "sso_login_url": login_url_for_invitation(invitation, token),
    }
    if request.user.is_authenticated:
        return _accept_signed_in(request, token, invitation, context)
    if services.existing_account(invitation) is not None:
        return render(request, "invitations/accept_login_first.html", context)
    form = AcceptForm(request.POST or None, initial={"first_name": invitation.first_name})
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_with_password(
                token,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password"],
            )
        except services.InvitationError as error:
            return _invalid(request, error)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            login(request, user, backend=PASSWORD_BACKEND)
            messages.success(request, _welcome(invitation))
            return redirect("core:home")
    context["form"] = form
    return render(
        request,
        "invitations/accept.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


def _accept_signed_in(request, token, invitation, context):
    if services.normalise_email(request.user.email) != invitation.email:
        return render(request, "invitations/accept_other_account.html", context, status=403)
    if request.method == "POST":
        try:
            services.accept(token, user=request.user)
        except services.InvitationError as error:
            return _invalid(request, error)
        messages.success(request, _welcome(invitation))
        return redirect("core:home")
    return render(request, "invitations/accept_member.html", context)


def _welcome(invitation) -> str:
    return _("Welcome to Wijkennis! You are now %(role)s at %(organisation)s.") % {
        "role": invitation.get_role_display().lower(),
        "organisation": invitation.organisation.name,
    }
