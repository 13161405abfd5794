from django import forms
from django.utils.translation import gettext_lazy as _

from wijkennis.organisations.models import Organisation

from . import scoring


class StartRoundForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("For which organisation?"), queryset=Organisation.objects.none(), empty_label=None
    )
    title = forms.CharField(
        label=_("Name of this round"),
        max_length=120,
        help_text=_("For example: Scan november 2026."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=organisations)


class ScanForm(forms.Form):
    """One radio group per statement: the four-point scale plus "weet niet"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scale = [(str(item["value"]), item["label"]) for item in scoring.content()["scale"]]
        choices = [*scale, (str(scoring.DONT_KNOW), _("Don't know"))]
        for statement in scoring.statements():
            self.fields[statement["key"]] = forms.ChoiceField(
                label=statement["text"],
                choices=choices,
                widget=forms.RadioSelect,
                required=False,
                help_text=statement["source"],
            )
            self.fields[statement["key"]].theme = statement["theme"]

    def by_theme(self):
        """(theme, [bound fields]) in the order of the scan."""
        return [
            (theme, [self[s["key"]] for s in scoring.statements(theme["key"])])
            for theme in scoring.themes()
        ]
