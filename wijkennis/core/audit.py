"""The audit log for beheerders: who read or changed a sensitive record, and when.

An event belongs to the organisations of its *actor* (their memberships now): a beheerder sees
what the people of their own organisation(s) did. Staff see every event, also those without an
actor (the system, a management command, a deleted account). Events never hold a record's text,
so the page shows action, record type and id, and the short detail only.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from wijkennis.organisations.models import Organisation, Role, organisation_ids_with_role

from .models import AuditEvent

PAGE_SIZE = 50
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def audit_organisations(user) -> QuerySet:
    """The organisations whose events `user` may see (all for staff, none for most people)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_staff:
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=organisation_ids_with_role(user, {Role.BEHEERDER}))


def may_see_audit(user) -> bool:
    return user.is_authenticated and (user.is_staff or audit_organisations(user).exists())


def events_visible_to(user) -> QuerySet:
    """Events whose actor is a member of one of the user's beheerder organisations."""
    events = AuditEvent.objects.select_related("actor").order_by("-at", "-pk")
    if user.is_authenticated and user.is_staff:
        return events
    organisations = audit_organisations(user)
    return events.filter(actor__memberships__organisation__in=organisations).distinct()


class AuditFilterForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=DATE_WIDGET)
    end = forms.DateField(label=_("To"), required=False, widget=DATE_WIDGET)
    action = forms.ChoiceField(label=_("Action"), required=False)
    actor = forms.CharField(
        label=_("Person"),
        required=False,
        max_length=200,
        help_text=_("E-mail address, or a part of it."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("All organisations"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = audit_organisations(user).order_by("name")
        actions = AuditEvent.objects.order_by("action").values_list("action", flat=True).distinct()
        self.fields["action"].choices = [("", _("All actions"))] + [(a, a) for a in actions]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", _("The end date is before the start date."))
        return data

    def apply(self, events: QuerySet) -> QuerySet:
        data = self.cleaned_data
        if data.get("start"):
            events = events.filter(at__date__gte=data["start"])
        if data.get("end"):
            events = events.filter(at__date__lte=data["end"])
        if data.get("action"):
            events = events.filter(action=data["action"])
        if data.get("actor"):
            events = events.filter(actor__email__icontains=data["actor"].strip())
        if data.get("organisation"):
            events = events.filter(actor__memberships__organisation=data["organisation"])
        return events.distinct()


@login_required
def audit_log(request):
    if not may_see_audit(request.user):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None, user=request.user)
    events = events_visible_to(request.user)
    if form.is_bound:
        events = form.apply(events) if form.is_valid() else events.none()
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "core/audit.html",
        {"form": form, "page": page, "query": query.urlencode()},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
