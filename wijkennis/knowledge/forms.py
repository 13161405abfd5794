from django import forms
from django.utils.translation import gettext_lazy as _

from wijkennis.vocabulary.models import Concept, Scheme

from .models import Outcome

SITUATION_SCHEMES = (Scheme.SLEUTELSITUATIE, Scheme.LEVENSGEBIED)
TRIED_SCHEMES = (Scheme.METHODIEK, Scheme.ONDERSTEUNINGSVORM)


def _concepts(schemes):
    return Concept.objects.filter(scheme__in=schemes).order_by("pref_label")


class ItemForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    situations = forms.ModelMultipleChoiceField(
        label=_("In which situation?"),
        queryset=_concepts(SITUATION_SCHEMES),
        to_field_name="slug",
        help_text=_("Choose one or more. Hold Ctrl to choose more than one."),
    )
    insight = forms.CharField(
        label=_("What did people in this situation do?"), widget=forms.Textarea(attrs={"rows": 4})
    )
    what_helped = forms.CharField(
        label=_("What helped?"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    what_made_worse = forms.CharField(
        label=_("What made it worse?"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    for_whom = forms.CharField(
        label=_("For whom does this apply?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    cautions = forms.CharField(
        label=_("Be careful with"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RevisionForm(ItemForm):
    change_note = forms.CharField(label=_("What did you change?"), max_length=300)
    # The version the form showed (optimistic locking, see core.concurrency).
    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class RecognitionForm(forms.Form):
    recognises = forms.TypedChoiceField(
        label=_("Do you recognise this?"),
        choices=[("ja", _("I recognise this")), ("nee", _("I do not recognise this"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReportForm(forms.Form):
    situation = forms.ModelChoiceField(
        label=_("What was the situation?"),
        queryset=_concepts(SITUATION_SCHEMES),
        to_field_name="slug",
    )
    tried = forms.ModelChoiceField(
        label=_("What was tried?"),
        queryset=_concepts(TRIED_SCHEMES),
        to_field_name="slug",
        required=False,
        help_text=_("Choose from the list, or write it below."),
    )
    tried_text = forms.CharField(label=_("Or in your own words"), max_length=120, required=False)
    outcome = forms.ChoiceField(
        label=_("How did it go?"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    for_whom = forms.CharField(
        label=_("For whom?"),
        max_length=120,
        required=False,
        help_text=_("For example: young parents. No names."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tried"].hide_optional = True
        self.fields["tried_text"].hide_optional = True
