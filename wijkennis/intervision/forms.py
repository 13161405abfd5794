import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkennis.knowledge.forms import SITUATION_SCHEMES
from wijkennis.vocabulary.models import Concept

from .methods import method_choices


def _themes():
    """Life domains and key situations: a lesson proposed as wij-kennis takes the group's
    themes as its situations."""
    return Concept.objects.filter(scheme__in=SITUATION_SCHEMES).order_by("pref_label")


class FilterForm(forms.Form):
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=_themes(),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
    )
    region = forms.CharField(label=_("Region or city"), max_length=100, required=False)


class GroupForm(forms.Form):
    name = forms.CharField(label=_("Name of the group"), max_length=200)
    description = forms.CharField(
        label=_("What is the group about?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=_themes(),
        to_field_name="slug",
        required=False,
        help_text=_(
            "Others find the group by its themes. Lessons become wij-kennis about these "
            "themes. Hold Ctrl to choose more than one."
        ),
    )
    region = forms.CharField(
        label=_("Region or city"),
        max_length=100,
        required=False,
        help_text=_("For example Utrecht, or Overvecht."),
    )
    is_open = forms.BooleanField(label=_("Others may ask to join"), required=False, initial=True)


class SessionForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Date and start time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    duration = forms.TypedChoiceField(
        label=_("How long"),
        coerce=int,
        initial=90,
        choices=[
            (60, _("1 hour")),
            (90, _("1.5 hours")),
            (120, _("2 hours")),
            (180, _("3 hours")),
        ],
    )
    method = forms.ChoiceField(label=_("Method"), choices=method_choices)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    online_url = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        help_text=_("Fill in a place, an online link, or both."),
    )

    def session_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["ends_at"] = data["starts_at"] + datetime.timedelta(minutes=data.pop("duration"))
        return data


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note for this step"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CaseForm(forms.Form):
    text = forms.CharField(
        label=_("Your case"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Describe what happened. Names, addresses and other details are replaced before "
            "the group sees your case. You check this first."
        ),
    )


class LessonForm(forms.Form):
    title = forms.CharField(label=_("Lesson in short"), max_length=200)
    text = forms.CharField(
        label=_("What did we learn?"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class JoinForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the facilitator"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AttendanceForm(forms.Form):
    attendees = forms.ModelMultipleChoiceField(
        label=_("Who was there?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = members
        self.fields["attendees"].label_from_instance = lambda user: str(user)
