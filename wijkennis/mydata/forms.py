from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wijkennis.accounts.models import User

from .services import ERASE, WITHDRAW

STORY_CHOICES = [
    (
        WITHDRAW,
        _(
            "Withdraw them: nobody can read them any more. Only the version without names "
            "stays, without any link to you."
        ),
    ),
    (ERASE, _("Erase them: they are gone for good, with every version.")),
]


class PreferencesForm(forms.ModelForm):
    language = forms.ChoiceField(
        label=_("Language of Wijkennis"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )

    class Meta:
        model = User
        fields = ["language", "email_inbreng_updates", "email_inbreng_digest", "email_referrals"]
        labels = {
            "email_inbreng_updates": _("Send me an e-mail when there is news about inbreng"),
            "email_inbreng_digest": _("Send me the weekly e-mail about inbreng"),
            "email_referrals": _("Send me an e-mail about referrals"),
        }


class StoryChoiceForm(forms.Form):
    """Step 1 of deleting an account: what happens with shared stories."""

    stories = forms.ChoiceField(
        label=_("What should happen with the stories you shared?"),
        choices=STORY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what should happen with your stories.")},
    )


class ConfirmDeleteForm(forms.Form):
    """Step 2: the choice again (hidden) and the password, or the e-mail address for people
    who sign in through their organisation and have no password here."""

    stories = forms.ChoiceField(choices=STORY_CHOICES, widget=forms.HiddenInput)
    confirmation = forms.CharField(strip=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        field = self.fields["confirmation"]
        if user.has_usable_password():
            field.label = _("Type your password")
            field.widget = forms.PasswordInput(attrs={"autocomplete": "current-password"})
            field.error_messages["required"] = _("Type your password to confirm.")
        else:
            field.label = _("Type your e-mail address")
            field.widget = forms.EmailInput(attrs={"autocomplete": "off"})
            field.error_messages["required"] = _("Type your e-mail address to confirm.")

    def clean_confirmation(self):
        typed = self.cleaned_data["confirmation"]
        if self.user.has_usable_password():
            if not self.user.check_password(typed):
                raise forms.ValidationError(_("This password is not right. Try again."))
        elif typed.strip().lower() != self.user.email.lower():
            raise forms.ValidationError(_("This is not your e-mail address. Try again."))
        return typed
