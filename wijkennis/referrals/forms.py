from django import forms
from django.utils.translation import gettext_lazy as _

from wijkennis.organisations.models import Organisation, OrganisationKind
from wijkennis.vocabulary.models import Concept, Scheme

from .models import Urgency


def domain_choices():
    return Concept.objects.filter(
        scheme__in=[Scheme.LEVENSGEBIED, Scheme.SLEUTELSITUATIE]
    ).order_by("pref_label")


class ReferralForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Refer to"),
        queryset=Organisation.objects.exclude(
            kind__in=[OrganisationKind.MUNICIPALITY, OrganisationKind.RESEARCH]
        ),
        empty_label=None,
    )
    code = forms.CharField(
        label=_("Client code"),
        max_length=40,
        help_text=_("No name, BSN or phone number: a code, for example VW-2026-03."),
        error_messages={"required": _("Choose a code, for example VW-2026-03.")},
    )
    question = forms.CharField(
        label=_("The question in plain words"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write the question in a few plain words.")},
    )
    domains = forms.ModelMultipleChoiceField(
        label=_("Life domains"),
        queryset=Concept.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one life domain.")},
    )
    urgency = forms.ChoiceField(
        label=_("How soon?"),
        choices=Urgency.choices,
        initial=Urgency.NORMAL,
        widget=forms.RadioSelect,
    )
    language = forms.CharField(label=_("Preferred language"), max_length=60, required=False)
    wijk = forms.CharField(label=_("Neighbourhood"), max_length=100, required=False)
    client_agreed = forms.BooleanField(
        label=_("The client agreed to be referred to an experience worker"),
        error_messages={"required": _("Only refer when the client agreed to it.")},
    )

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domains"].queryset = domain_choices()
        if organisation is not None:
            self.fields["organisation"].initial = organisation


class ProfileForm(forms.Form):
    consent = forms.BooleanField(label=_("I give my consent"), required=False)
    domains = forms.ModelMultipleChoiceField(
        label=_("Life domains I have experience with and want to work from"),
        queryset=Concept.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = forms.CharField(
        label=_("Languages and dialects I speak"),
        help_text=_("Separate with commas, for example: Nederlands, Tarifit"),
        max_length=300,
        required=False,
    )
    wijken = forms.CharField(
        label=_("Neighbourhoods where I work"),
        help_text=_("Separate with commas."),
        max_length=300,
        required=False,
    )
    hours_per_week = forms.IntegerField(
        label=_("Hours available per week"), min_value=0, max_value=60, initial=0
    )
    extra_caseload = forms.IntegerField(
        label=_("Clients outside Wijkennis"), min_value=0, max_value=60, initial=0
    )
    share_with_coordinator = forms.BooleanField(
        label=_("My coordinator may see this profile"), required=False
    )
    consent_matching = forms.BooleanField(
        label=_("Use this profile to suggest me for clients"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domains"].queryset = domain_choices()


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), max_length=300, required=False)


class ContactForm(forms.Form):
    date = forms.DateField(
        label=_("Date of first contact"), widget=forms.DateInput(attrs={"type": "date"})
    )


class CloseForm(forms.Form):
    outcome = forms.CharField(
        label=_("Outcome"),
        max_length=200,
        error_messages={"required": _("Say in a few words how it ended.")},
    )
