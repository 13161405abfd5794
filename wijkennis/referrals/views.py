"""Thin views over `services`. Reads of referrals go through `Referral.objects.visible_to`;
of profiles through `ExperienceProfile.objects.visible_to`."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkennis.core.models import record_event
from wijkennis.organisations.models import Membership, Role, has_role
from wijkennis.trajectories.models import TrajectoryType

from . import services
from .forms import CloseForm, ContactForm, DeclineForm, ProfileForm, ReferralForm
from .matching import rank_workers
from .models import (
    OPEN_FOR_WORKER,
    ExperienceProfile,
    OfferStatus,
    Referral,
)


def _referral(request, referral_pk) -> Referral:
    return get_object_or_404(Referral.objects.visible_to(request.user), pk=referral_pk)


def _add_errors(form, error: ValidationError) -> None:
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


@login_required
def referral_list(request):
    """What I referred (status and dates only), and for coordinators what came in."""
    visible = Referral.objects.visible_to(request.user)
    coordinated = Membership.objects.filter(user=request.user, role=Role.COORDINATOR).values(
        "organisation_id"
    )
    return render(
        request,
        "referrals/list.html",
        {
            "filed": visible.filter(filed_by=request.user),
            "incoming": visible.filter(organisation_id__in=coordinated),
            "offered": visible.filter(
                offers__worker=request.user, offers__status=OfferStatus.PENDING
            ),
            "can_refer": services.can_refer(request.user),
            "notifications": request.user.referral_notifications.select_related("referral")[:10],
        },
    )


@login_required
def referral_create(request):
    if not services.can_refer(request.user):
        raise PermissionDenied
    own = Membership.objects.filter(user=request.user).first()
    form = ReferralForm(request.POST or None, organisation=own and own.organisation)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organisation = data.pop("organisation")
        try:
            referral = services.file_referral(request.user, organisation, **data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The referral is sent to the coordinator."))
            return redirect(referral)
    return render(
        request,
        "referrals/create.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def referral_detail(request, referral_pk):
    referral = _referral(request, referral_pk)
    user = request.user
    context = {"referral": referral}
    if services.is_coordinator(user, referral.organisation):
        context["view"] = "coordinator"
        profiles = (
            ExperienceProfile.objects.matchable()
            .filter(organisation=referral.organisation)
            .exclude(user__in=referral.offers.values("worker"))
            .select_related("user")
            .prefetch_related("domains")
        )
        suggestions = rank_workers(referral, profiles)
        for suggestion in suggestions:
            # Reasons only as far as the worker allowed the coordinator to see the profile.
            if not suggestion.profile.share_with_coordinator:
                suggestion.reasons = [suggestion.reasons[-1]]
        context["suggestions"] = suggestions
        context["offers"] = referral.offers.select_related("worker")
        # Special-category data: the coordinator saw these shared profiles (issue 11, audit).
        for suggestion in suggestions:
            if suggestion.profile.share_with_coordinator:
                record_event(
                    user, "referrals.profile_read", suggestion.profile, f"referral {referral.pk}"
                )
    elif referral.offers.filter(worker=user).exists():
        context["view"] = "worker"
        context["offer"] = referral.offers.get(worker=user)
        context["decline_form"] = DeclineForm()
        context["contact_form"] = ContactForm()
        context["close_form"] = CloseForm()
        context["types"] = TrajectoryType.objects.visible_to(user)
    else:
        context["view"] = "filer"
    record_event(user, "referrals.read", referral)
    return render(request, "referrals/detail.html", context)


def _post(request, referral_pk, action, success):
    referral = _referral(request, referral_pk)
    try:
        action(referral)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    except PermissionDenied:
        raise Http404 from None
    else:
        messages.success(request, success)
    return redirect(referral)


@login_required
@require_POST
def offer(request, referral_pk):
    workers = get_user_model().objects.filter(pk__in=request.POST.getlist("workers"))
    return _post(
        request,
        referral_pk,
        lambda r: services.offer_to_workers(request.user, r, workers),
        _("The referral is offered."),
    )


@login_required
@require_POST
def answer(request, referral_pk):
    accept = request.POST.get("answer") == "yes"
    return _post(
        request,
        referral_pk,
        lambda r: services.answer_offer(
            request.user, r, accept=accept, reason=request.POST.get("reason", "")
        ),
        _("Your answer is saved."),
    )


@login_required
@require_POST
def client_choice(request, referral_pk):
    choice = request.POST.get("worker", "")
    worker = get_user_model().objects.filter(pk=choice).first() if choice.isdigit() else None
    return _post(
        request,
        referral_pk,
        lambda r: services.record_client_choice(request.user, r, worker),
        _("The client's choice is saved."),
    )


@login_required
@require_POST
def contact(request, referral_pk):
    form = ContactForm(request.POST)
    date = form.cleaned_data["date"] if form.is_valid() else None
    return _post(
        request,
        referral_pk,
        lambda r: services.record_first_contact(request.user, r, date=date),
        _("First contact is saved. The referrer gets a message."),
    )


@login_required
@require_POST
def close(request, referral_pk):
    return _post(
        request,
        referral_pk,
        lambda r: services.close_referral(request.user, r, outcome=request.POST.get("outcome", "")),
        _("The referral is closed."),
    )


@login_required
@require_POST
def start_trajectory(request, referral_pk):
    choice = request.POST.get("type", "")
    types = TrajectoryType.objects.visible_to(request.user)
    type_ = types.filter(pk=choice).first() if choice.isdigit() else None
    return _post(
        request,
        referral_pk,
        lambda r: services.start_trajectory(request.user, r, type=type_),
        _("The trajectory is started."),
    )


@login_required
def caseload(request):
    """Mijn cliënten: the referrals where the client chose me."""
    if not has_role(request.user, {Role.ERVARINGSWERKER}):
        raise PermissionDenied
    referrals = Referral.objects.visible_to(request.user).filter(worker=request.user)
    return render(
        request,
        "referrals/caseload.html",
        {"referrals": referrals, "open_statuses": OPEN_FOR_WORKER},
    )


@login_required
def profile(request):
    """The worker's own experience profile; nobody else reaches this page's data."""
    if not has_role(request.user, {Role.ERVARINGSWERKER}):
        raise PermissionDenied
    own = ExperienceProfile.objects.visible_to(request.user).filter(user=request.user).first()
    initial = {}
    if own and own.consent_given_at:
        initial = {
            "consent": True,
            "domains": own.domains.all(),
            "languages": own.languages,
            "wijken": own.wijken,
            "hours_per_week": own.hours_per_week,
            "extra_caseload": own.extra_caseload,
            "share_with_coordinator": own.share_with_coordinator,
            "consent_matching": own.consent_matching,
        }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.save_profile(request.user, **data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("referrals:profile")
    return render(
        request,
        "referrals/profile.html",
        {"form": form, "profile": own, "consent_text": services.CONSENT_TEXT},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def withdraw(request):
    if not has_role(request.user, {Role.ERVARINGSWERKER}):
        raise PermissionDenied
    services.withdraw_consent(request.user)
    messages.success(request, _("Your consent is withdrawn and your profile is erased."))
    return redirect("referrals:profile")
