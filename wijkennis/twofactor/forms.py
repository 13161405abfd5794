from django import forms
from django.utils.translation import gettext_lazy as _

from .services import clean_code


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your app"),
        help_text=_("The 6 digits your authenticator app shows now."),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        code = clean_code(self.cleaned_data["code"])
        if len(code) != 6:
            raise forms.ValidationError(_("Type the 6 digits from your app."), code="format")
        return code
