"""Forms of inbreng. They turn text into values; the rules (transitions, reasons, who may act)
live in `services`, whose errors come back here by field key."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkennis.accounts.models import User
from wijkennis.organisations.models import Organisation
from wijkennis.vocabulary.models import Concept

from .models import Change, Level, Satisfaction, Status

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class ContributionForm(forms.Form):
    contributor = PersonChoiceField(
        label=_("Who gave the inbreng?"), queryset=User.objects.none(), empty_label=None
    )
    recipient_organisation = forms.ModelChoiceField(
        label=_("To which organisation?"),
        queryset=Organisation.objects.none(),
        help_text=_("For example the municipality, or your own organisation's management."),
    )
    recipient_name = forms.CharField(
        label=_("Team, department or council"),
        max_length=200,
        required=False,
        help_text=_("For example: the management team, or the council committee on care."),
    )
    recipient_user = PersonChoiceField(
        label=_("To a person in Wijkennis"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Nobody in particular"),
        help_text=_("This person gets a message. Otherwise everyone at the organisation does."),
    )
    level = forms.ChoiceField(
        label=_("Level"),
        choices=Level.choices,
        widget=forms.RadioSelect,
        help_text=_("Where does your inbreng help?"),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("A few words, for example: letters from the municipality are too difficult."),
    )
    title.hide_optional = True
    text = forms.CharField(
        label=_("What did you say or deliver?"),
        required=False,
        widget=forms.Textarea({"rows": 6}),
        help_text=_("Do not write names of residents."),
    )
    text.hide_optional = True
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Concept.objects.none(),
        required=False,
        widget=forms.SelectMultiple({"size": 6}),
        help_text=_("Choose one or more. Hold Ctrl to choose more than one."),
    )
    given_on = forms.DateField(label=_("Date given"), widget=DATE_WIDGET)

    def __init__(self, *args, workers, organisations, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("given_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["contributor"].queryset = workers
        if workers.count() == 1:
            del self.fields["contributor"]
        self.fields["recipient_organisation"].queryset = Organisation.objects.all()
        # The people one would address: at the own organisations and the municipalities that
        # fund them. The service checks the person works at the chosen organisation.
        nearby = Organisation.objects.filter(
            Q(pk__in=organisations.values("pk")) | Q(funds__in=organisations)
        )
        self.fields["recipient_user"].queryset = (
            User.objects.filter(memberships__organisation__in=nearby, is_active=True)
            .distinct()
            .order_by("first_name", "last_name")
        )
        self.fields["topics"].queryset = Concept.objects.filter(status="actief")


STATUS_KEEP = ""


class UpdateForm(forms.Form):
    text = forms.CharField(
        label=_("What was done with the inbreng?"),
        required=False,
        widget=forms.Textarea({"rows": 5}),
        help_text=_("Write it so the person who gave it understands. Plain words."),
    )
    text.hide_optional = True
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason it is not adopted"),
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Needed when you choose 'Not adopted'."),
    )
    change = forms.ChoiceField(
        label=_("Did it lead to a change?"),
        required=False,
        choices=[("", _("Do not say yet"))] + Change.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, contribution, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import TRANSITIONS

        current = Status(contribution.status)
        choices = [(STATUS_KEEP, _("Keep: %(status)s") % {"status": current.label})]
        choices += [(s.value, s.label) for s in Status if s in TRANSITIONS[current]]
        self.fields["status"].choices = choices
        self.fields["status"].initial = STATUS_KEEP
        self.fields["change"].initial = ""


class MilestoneForm(forms.Form):
    prefix = "milestone"
    title = forms.CharField(label=_("Milestone"), max_length=200, required=False)
    title.hide_optional = True
    due_on = forms.DateField(label=_("Planned date"), required=False, widget=DATE_WIDGET)
    due_on.hide_optional = True
    progress = forms.IntegerField(
        label=_("Progress (%)"), min_value=0, max_value=100, initial=0, required=False
    )


class ProgressForm(forms.Form):
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)


class RatingForm(forms.Form):
    satisfaction = forms.ChoiceField(
        label=_("Was the answer clear and fair?"),
        choices=Satisfaction.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Anything you want to add?"),
        required=False,
        widget=forms.Textarea({"rows": 3}),
    )


class ReopenForm(forms.Form):
    prefix = "reopen"
    reason = forms.CharField(
        label=_("Why should it be looked at again?"),
        required=False,
        widget=forms.Textarea({"rows": 3}),
    )
    reason.hide_optional = True
