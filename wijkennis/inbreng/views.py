"""Pages of inbreng. Every contribution is read through `Contribution.objects.visible_to`, so one
the user may not see is a 404; an action the user may not take on a contribution they do see
(e.g. a coordinator answering) is a 403. Forms that fail come back with what was typed (400)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkennis.core.models import record_event
from wijkennis.organisations.models import Organisation, Role, organisation_ids_with_role

from . import services
from .forms import ContributionForm, MilestoneForm, ProgressForm, RatingForm, ReopenForm, UpdateForm
from .models import Contribution, Level, Milestone, Notification, Status, recipient_organisation_ids
from .stats import accountability_figures
from .timeline import build_timeline


def _contribution(request, contribution_pk) -> Contribution:
    return get_object_or_404(
        Contribution.objects.visible_to(request.user).select_related(
            "contributor", "organisation", "recipient_organisation", "recipient_user"
        ),
        pk=contribution_pk,
    )


def _add_errors(form, error: ValidationError) -> None:
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


@login_required
def contribution_list(request):
    """My inbreng: what I gave, and as coordinator what my organisation's workers gave."""
    coordinated = organisation_ids_with_role(request.user, {Role.COORDINATOR})
    contributions = (
        Contribution.objects.visible_to(request.user)
        .filter(Q(contributor=request.user) | Q(organisation_id__in=coordinated))
        .select_related("contributor", "recipient_organisation")
    )
    return render(
        request,
        "inbreng/list.html",
        {
            "contributions": contributions,
            "can_record": services.contributor_organisations(request.user).exists(),
            "now": timezone.now(),
        },
    )


@login_required
def contribution_create(request):
    organisations = services.contributor_organisations(request.user)
    if not organisations.exists():
        raise PermissionDenied
    workers = services.workers_for(request.user)
    form = ContributionForm(request.POST or None, workers=workers, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        contributor = data.pop("contributor", None) or request.user
        try:
            contribution = services.record_contribution(
                request.user,
                contributor=contributor,
                organisation=_organisation_of(contributor, organisations),
                **data,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Your inbreng is saved. %(organisation)s has been told.")
                % {"organisation": contribution.recipient_organisation},
            )
            return redirect(contribution)
    return render(
        request,
        "inbreng/create.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


def _organisation_of(contributor, organisations):
    """The organisation the inbreng is given from: the contributor's, among those of the user."""
    own = organisations.filter(memberships__user=contributor).first()
    return own or organisations.first()


def _detail(request, contribution, status=200, **forms):
    user = request.user
    can_answer = contribution.can_answer(user)
    is_contributor = user.pk == contribution.contributor_id
    context = {
        "contribution": contribution,
        "timeline": build_timeline(contribution),
        "milestones": list(contribution.milestones.all()),
        "can_answer": can_answer,
        "is_contributor": is_contributor,
        "overdue": contribution.is_overdue(),
    }
    if can_answer:
        context["update_form"] = forms.get("update_form") or UpdateForm(contribution=contribution)
        context["milestone_form"] = forms.get("milestone_form") or MilestoneForm()
        context["progress_forms"] = {
            m.pk: ProgressForm(prefix=f"m{m.pk}", initial={"progress": m.progress})
            for m in context["milestones"]
        }
    if is_contributor and contribution.is_closed:
        context["rating_form"] = forms.get("rating_form") or RatingForm(
            initial={"satisfaction": contribution.satisfaction or None}
        )
        context["reopen_form"] = forms.get("reopen_form") or ReopenForm()
    Notification.objects.filter(user=user, contribution=contribution).mark_read()
    return render(request, "inbreng/detail.html", context, status=status)


@login_required
def contribution_detail(request, contribution_pk):
    contribution = _contribution(request, contribution_pk)
    if contribution.contributor_id != request.user.pk:
        record_event(request.user, "inbreng.read", contribution)
    return _detail(request, contribution)


def _post_form(request, contribution, form, form_key, action, success):
    """Validate `form`, call `action(cleaned_data)`; on error show the page again (400)."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, success)
            return redirect(contribution)
    return _detail(request, contribution, status=400, **{form_key: form})


@login_required
@require_POST
def answer(request, contribution_pk):
    contribution = _contribution(request, contribution_pk)
    if not contribution.can_answer(request.user):
        raise PermissionDenied

    def action(data):
        services.add_update(request.user, contribution, **data)

    return _post_form(
        request,
        contribution,
        UpdateForm(request.POST, contribution=contribution),
        "update_form",
        action,
        _("Your answer is saved. %(person)s has been told.")
        % {"person": contribution.contributor.display_name},
    )


@login_required
@require_POST
def milestone_add(request, contribution_pk):
    contribution = _contribution(request, contribution_pk)
    if not contribution.can_answer(request.user):
        raise PermissionDenied

    def action(data):
        services.add_milestone(
            request.user,
            contribution,
            title=data["title"],
            due_on=data["due_on"],
            progress=data["progress"] or 0,
        )

    return _post_form(
        request,
        contribution,
        MilestoneForm(request.POST),
        "milestone_form",
        action,
        _("The milestone is saved."),
    )


@login_required
@require_POST
def milestone_progress(request, contribution_pk, milestone_pk):
    contribution = _contribution(request, contribution_pk)
    milestone = get_object_or_404(Milestone, contribution=contribution, pk=milestone_pk)
    if not contribution.can_answer(request.user):
        raise PermissionDenied
    form = ProgressForm(request.POST, prefix=f"m{milestone.pk}")
    if form.is_valid():
        services.update_milestone(request.user, milestone, progress=form.cleaned_data["progress"])
        messages.success(request, _("The progress is saved."))
        return redirect(contribution)
    messages.error(request, _("Progress is a number from 0 to 100."))
    return _detail(request, contribution, status=400)


@login_required
@require_POST
def rate(request, contribution_pk):
    contribution = _contribution(request, contribution_pk)
    if request.user.pk != contribution.contributor_id:
        raise PermissionDenied

    def action(data):
        services.rate_answer(
            request.user, contribution, data["satisfaction"], comment=data["comment"]
        )

    return _post_form(
        request,
        contribution,
        RatingForm(request.POST),
        "rating_form",
        action,
        _("Thank you for your opinion."),
    )


@login_required
@require_POST
def reopen(request, contribution_pk):
    contribution = _contribution(request, contribution_pk)
    if request.user.pk != contribution.contributor_id:
        raise PermissionDenied

    def action(data):
        services.reopen(request.user, contribution, data["reason"])

    return _post_form(
        request,
        contribution,
        ReopenForm(request.POST),
        "reopen_form",
        action,
        _("Your question is sent. The inbreng is being handled again."),
    )


@login_required
def inbox(request):
    """What waits for my answer, and my notifications."""
    to_answer = (
        Contribution.objects.visible_to(request.user)
        .to_answer_by(request.user)
        .select_related("contributor", "recipient_organisation")
    )
    notifications = Notification.objects.filter(user=request.user).select_related("contribution")[
        :50
    ]
    my_organisations = Organisation.objects.filter(
        pk__in=recipient_organisation_ids(request.user),
        received_contributions__isnull=False,
    ).distinct()
    return render(
        request,
        "inbreng/inbox.html",
        {
            "open": to_answer.open().order_by("created_at"),
            "closed": to_answer.closed().order_by("-closed_at")[:20],
            "notifications": notifications,
            "unread": Notification.objects.filter(user=request.user).unread().count(),
            "organisations": my_organisations,
        },
    )


@login_required
def notification(request, notification_pk):
    note = get_object_or_404(Notification, user=request.user, pk=notification_pk)
    if note.read_at is None:
        note.read_at = timezone.now()
        note.save(update_fields=["read_at"])
    return redirect(note.contribution)


@login_required
@require_POST
def notifications_read(request):
    Notification.objects.filter(user=request.user).mark_read()
    messages.success(request, _("All messages are marked as read."))
    return redirect("inbreng:inbox")


@login_required
def accountability(request, recipient_pk):
    """What an organisation did with the inbreng it received; for its own members."""
    if recipient_pk not in recipient_organisation_ids(request.user):
        raise Http404
    organisation = get_object_or_404(Organisation, pk=recipient_pk)
    contributions = Contribution.objects.visible_to(request.user).filter(
        recipient_organisation=organisation
    )
    figures = accountability_figures(contributions)
    return render(
        request,
        "inbreng/accountability.html",
        {
            "organisation": organisation,
            "figures": figures,
            "statuses": [(s.label, figures["by_status"][s.value]) for s in Status],
            "levels": [(level.label, figures["by_level"][level.value]) for level in Level],
        },
    )
