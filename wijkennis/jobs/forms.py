from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import FACILITIES, TRAINING_BUDGET_LABEL

SCALE_ERROR = _("Write the scale as a number, for example 8.")
BUDGET_ERROR = _("Write the training budget as a whole amount in euros, for example 500.")


def _text(label, rows=3, required=True, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _scale(label):
    return forms.IntegerField(
        label=label,
        min_value=1,
        max_value=20,
        error_messages={
            "invalid": SCALE_ERROR,
            "min_value": _("A scale is a number from 1 to 20."),
            "max_value": _("A scale is a number from 1 to 20."),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 4}),
    )


def _budget(label):
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=100_000,
        required=False,
        help_text=_("In euros per year. Write 0 if there is none."),
        error_messages={
            "invalid": BUDGET_ERROR,
            "min_value": _("The training budget cannot be less than 0."),
            "max_value": _("The training budget is at most 100.000 euros."),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 8}),
    )


class JobDescriptionForm(forms.Form):
    """The guided editor: one page in five numbered parts (see `SECTIONS`)."""

    organisation = forms.ModelChoiceField(label=_("For which organisation?"), queryset=None)
    template = forms.CharField(required=False, widget=forms.HiddenInput)
    specialisation = forms.CharField(
        label=_("Specialisation"),
        max_length=100,
        help_text=_(
            "The title becomes “Ervaringswerker” followed by this word, for example "
            "“schuldhulp” or “inclusie”."
        ),
    )
    purpose = _text(_("Purpose of the function"), rows=5)
    tasks_primary = _text(
        _("Tasks in the primary process"),
        rows=6,
        help_text=_("Work with clients and residents. One task per line."),
    )
    tasks_secondary = _text(
        _("Tasks in the secondary process"),
        rows=5,
        required=False,
        help_text=_(
            "Work for the organisation: advice to colleagues, teaching, projects, policy. "
            "One task per line."
        ),
    )
    tasks_tertiary = _text(
        _("Tasks in the tertiary process"),
        rows=3,
        required=False,
        help_text=_("Advice to management, board or supervision. One task per line."),
    )
    required_experience = _text(_("Required lived experience"), required=False)
    required_training = _text(
        _("Required training"),
        rows=2,
        required=False,
        help_text=_("For example: MBO-4 Ervaringsdeskundige, or HBO."),
    )
    hours_per_week = forms.DecimalField(
        label=_("Hours per week"),
        max_digits=4,
        decimal_places=1,
        min_value=Decimal("0.5"),
        max_value=40,
        localize=True,
        error_messages={
            "invalid": _("Write the hours per week as a number, for example 24."),
            "min_value": _("Hours per week must be more than 0."),
            "max_value": _("Hours per week can be at most 40."),
            "max_decimal_places": _("Use at most one digit after the comma, for example 24,5."),
            "max_digits": _("Hours per week can be at most 40."),
            "max_whole_digits": _("Hours per week can be at most 40."),
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 5}),
    )
    cao = forms.CharField(
        label=_("Collective agreement (CAO)"),
        max_length=120,
        required=False,
        help_text=_("For example: CAO Sociaal Werk."),
    )
    scale = _scale(_("Salary scale"))
    laptop = forms.BooleanField(label=FACILITIES[0][1], required=False)
    phone = forms.BooleanField(label=FACILITIES[1][1], required=False)
    dossier_access = forms.BooleanField(label=FACILITIES[2][1], required=False)
    own_workplace = forms.BooleanField(label=FACILITIES[3][1], required=False)
    training_budget = _budget(TRAINING_BUDGET_LABEL)
    regular_function = forms.CharField(
        label=_("Name of the comparable regular function"),
        max_length=120,
        help_text=_(
            "The function of colleagues who do comparable work, for example “Woonbegeleider”."
        ),
    )
    regular_scale = _scale(_("Salary scale of the comparable function"))
    regular_laptop = forms.BooleanField(
        label=_("Laptop from work (comparable function)"), required=False
    )
    regular_phone = forms.BooleanField(
        label=_("Phone from work (comparable function)"), required=False
    )
    regular_dossier_access = forms.BooleanField(
        label=_("Access to client files (comparable function)"), required=False
    )
    regular_own_workplace = forms.BooleanField(
        label=_("Own desk or workplace in the team (comparable function)"), required=False
    )
    regular_training_budget = _budget(_("Training budget per year (comparable function)"))

    SECTIONS = (
        (
            "functie",
            _("The function"),
            _(
                "Call the function by its name: ervaringswerker, with a specialisation "
                "(Movisie 2020, recommendation 1)."
            ),
            ("organisation", "specialisation", "purpose"),
        ),
        (
            "taken",
            _("Tasks"),
            _(
                "Describe the tasks per process level. Give the secondary process ample room, "
                "and say how, when and with what aim (Movisie 2020, recommendations 7 and 8)."
            ),
            ("tasks_primary", "tasks_secondary", "tasks_tertiary"),
        ),
        (
            "eisen",
            _("What the function asks"),
            _("Which lived experience and which training are needed, and for how many hours."),
            ("required_experience", "required_training", "hours_per_week"),
        ),
        (
            "beloning",
            _("Pay and facilities"),
            _(
                "What the ervaringswerker gets. Check the boxes for the facilities that come "
                "with the function."
            ),
            (
                "cao",
                "scale",
                "laptop",
                "phone",
                "dossier_access",
                "own_workplace",
                "training_budget",
            ),
        ),
        (
            "vergelijking",
            _("The comparable regular function"),
            _(
                "The same questions for colleagues who do comparable work. Wijkennis compares "
                "them and shows where the ervaringswerker gets less (Movisie 2020, "
                "recommendation 3)."
            ),
            (
                "regular_function",
                "regular_scale",
                "regular_laptop",
                "regular_phone",
                "regular_dossier_access",
                "regular_own_workplace",
                "regular_training_budget",
            ),
        ),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is None:  # editing: the organisation stays
            del self.fields["organisation"]
            return
        only = list(organisations[:2])
        if len(only) == 1:  # nothing to choose
            del self.fields["organisation"]
            self.only_organisation = only[0]
        else:
            self.fields["organisation"].queryset = organisations
            self.only_organisation = None

    def sections(self):
        """(anchor, title, intro, bound visible fields) for each part of the editor."""
        for anchor, title, intro, names in self.SECTIONS:
            fields = [
                self[name] for name in names if name in self.fields and not self[name].is_hidden
            ]
            yield anchor, title, intro, fields

    def clean(self):
        cleaned = super().clean()
        if getattr(self, "only_organisation", None) is not None:
            cleaned["organisation"] = self.only_organisation
        return cleaned

    def clean_training_budget(self):
        return self.cleaned_data["training_budget"] or 0

    def clean_regular_training_budget(self):
        return self.cleaned_data["regular_training_budget"] or 0
