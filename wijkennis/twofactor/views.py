"""Sign-in (password, then a code for people who switched two-factor on) and the page to set
two-factor up or switch it off. People who sign in through their organisation (wijkennis.sso)
never see the code step: their organisation's provider does the second factor."""

import time

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkennis.accounts.forms import EmailLoginForm
from wijkennis.core.security import login_rate_limited, rate_limited_response

from . import services
from .forms import CodeForm

# Between the password and the code: who, through which backend, where to next, since when.
SESSION_PENDING = "twofactor_pending"
PENDING_SECONDS = 300


class LoginView(auth_views.LoginView):
    """accounts:login. Refuses with 429 when one IP address tries too often; a person with a
    confirmed authenticator is signed in only after the code (twofactor:verify)."""

    template_name = "accounts/login.html"
    authentication_form = EmailLoginForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if login_rate_limited(request):
            return rate_limited_response(request)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        login_rate_limited(self.request, count_failure=True)
        return super().form_invalid(form)

    def form_valid(self, form):
        user = form.get_user()
        if services.confirmed_device(user) is None:
            return super().form_valid(form)
        self.request.session[SESSION_PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "next": self.get_success_url(),
            "since": time.time(),
        }
        return redirect("twofactor:verify")


def _pending_user(request):
    pending = request.session.get(SESSION_PENDING)
    if not pending or time.time() - pending.get("since", 0) > PENDING_SECONDS:
        request.session.pop(SESSION_PENDING, None)
        return None, None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    return user, pending


def verify(request):
    """The second step of signing in: the code from the authenticator app."""
    user, pending = _pending_user(request)
    device = services.confirmed_device(user) if user else None
    if device is None:
        messages.info(request, _("Please log in again."))
        return redirect("accounts:login")
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if login_rate_limited(request):
            return rate_limited_response(request)
        if services.is_throttled(device):
            form.is_valid()
            form.add_error(
                None, _("You typed a wrong code too often. Wait a minute and try again.")
            )
        elif form.is_valid() and services.check_code(device, form.cleaned_data["code"]):
            request.session.pop(SESSION_PENDING, None)
            user.backend = pending["backend"]
            user.otp_device = device  # django-otp marks the session as verified on login
            login(request, user, backend=pending["backend"])
            target = pending.get("next") or ""
            if not url_has_allowed_host_and_scheme(
                target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                target = "core:home"
            return redirect(target)
        else:
            login_rate_limited(request, count_failure=True)
            if form.is_valid():
                form.add_error(
                    "code", _("This code is not right. Type the code your app shows now.")
                )
    return render(
        request, "twofactor/verify.html", {"form": form}, status=400 if form.errors else 200
    )


def _require_eligible(request):
    if not services.may_use_twofactor(request.user):
        raise PermissionDenied


@login_required
def manage(request):
    """Set two-factor up (scan, confirm with a code) or see that it is on."""
    _require_eligible(request)
    device = services.confirmed_device(request.user)
    if device is not None:
        return render(
            request, "twofactor/manage.html", {"enabled": True, "disable_form": CodeForm()}
        )
    pending = services.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.confirm_device(request.user, pending, form.cleaned_data["code"]):
            # This session has just shown the code: count it as verified.
            from django_otp import login as otp_login

            otp_login(request, pending)
            messages.success(request, _("Two-step sign-in is on. From now on we ask for a code."))
            return redirect("twofactor:manage")
        form.add_error("code", _("This code is not right. Type the code your app shows now."))
    return render(
        request,
        "twofactor/manage.html",
        {
            "enabled": False,
            "form": form,
            "qr": services.qr_svg(pending),
            "manual_key": services.manual_key(pending),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def disable(request):
    _require_eligible(request)
    if services.confirmed_device(request.user) is None:
        return redirect("twofactor:manage")
    form = CodeForm(request.POST)
    if form.is_valid() and services.disable_twofactor(request.user, form.cleaned_data["code"]):
        messages.success(request, _("Two-step sign-in is off."))
        return redirect("twofactor:manage")
    if form.is_valid():
        form.add_error("code", _("This code is not right. Type the code your app shows now."))
    return render(
        request,
        "twofactor/manage.html",
        {"enabled": True, "disable_form": form},
        status=400,
    )
