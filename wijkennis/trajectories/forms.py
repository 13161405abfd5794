"""Forms of trajecten. They turn text into values; the rules (pseudonym, dropout reason, deadline
after the letter) live in `services`, whose errors come back here by field key."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .amounts import format_plain, parse_amount
from .models import BIRTH_YEAR_RANGES, Outcome, TrajectoryType

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AmountField(forms.CharField):
    """An amount in Dutch notation ("1.234,56"); a bad amount is refused with a message."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if value is None or isinstance(value, str):
            return value
        return format_plain(value)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        return parse_amount(value)


class TrajectoryForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    type = forms.ModelChoiceField(label=_("Kind of trajectory"), queryset=None, empty_label=None)
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        required=False,
        help_text=_(
            "A code you choose, for example SD-2024-07. No name, no BSN, no e-mail or phone number."
        ),
    )
    code.hide_optional = True
    birth_year_range = forms.ChoiceField(
        label=_("Year of birth"),
        required=False,
        choices=[("", _("Not filled in"))] + BIRTH_YEAR_RANGES,
        help_text=_("Only the decade, if the resident agrees."),
    )
    experience_worker_involved = forms.BooleanField(
        label=_("An experience worker is involved"), required=False, initial=True
    )

    def __init__(self, *args, user, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1:
            del self.fields["organisation"]
        self.fields["type"].queryset = (
            TrajectoryType.objects.visible_to(user).filter(steps__isnull=False).distinct()
        )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("How is the trajectory going?"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
    )
    dropout_reason = forms.CharField(
        label=_("Reason for dropping out"),
        required=False,
        help_text=_("Only when the trajectory stopped. No names."),
        widget=forms.Textarea({"rows": 3}),
    )
    experience_worker_involved = forms.BooleanField(
        label=_("An experience worker is involved"), required=False
    )


class CreditorForm(forms.Form):
    name = forms.CharField(
        label=_("Creditor"),
        max_length=200,
        required=False,
        help_text=_(
            "Who the letter is from, for example the energy company or a collection agency."
        ),
    )
    name.hide_optional = True
    amount = AmountField(label=_("Amount"), help_text=_("In euros, for example 1.234,56 or 80."))
    letter_date = forms.DateField(label=_("Date of the letter"), required=False, widget=DATE_WIDGET)
    deadline = forms.DateField(
        label=_("Deadline"),
        required=False,
        help_text=_("Pay or respond before this date."),
        widget=DATE_WIDGET,
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea({"rows": 2}))


class StepDatesForm(forms.Form):
    """One optional date per step of the trajectory's type (fields `step_<id>`)."""

    def __init__(self, *args, trajectory, **kwargs):
        super().__init__(*args, **kwargs)
        self.steps = []
        for step, date in trajectory.steps_with_dates():
            name = f"step_{step.pk}"
            self.fields[name] = forms.DateField(
                label=step.name, required=False, initial=date, widget=DATE_WIDGET
            )
            self.steps.append((step, name))

    def dates(self) -> dict:
        return {step.pk: self.cleaned_data.get(name) for step, name in self.steps}


class TypeForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    name = forms.CharField(label=_("Name"), max_length=120, required=False)
    name.hide_optional = True
    steps = forms.CharField(
        label=_("Steps"),
        required=False,
        help_text=_("One step per line, in order."),
        widget=forms.Textarea({"rows": 7}),
    )
    steps.hide_optional = True

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1:
            del self.fields["organisation"]
