from django import forms
from django.utils.translation import gettext_lazy as _

from wijkennis.organisations.models import Role, Team

from .models import invitable_roles, manageable_organisations


class _OrganisationForm(forms.Form):
    """A choice of the organisations whose invitations the user manages."""

    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None, empty_label=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["organisation"].queryset = manageable_organisations(user)


class InvitationForm(_OrganisationForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The invitation is sent to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        required=False,
        help_text=_("We use it to greet the person in the e-mail."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    team = forms.ModelChoiceField(
        label=_("Team"), queryset=Team.objects.none(), required=False, empty_label=_("No team")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        organisations = self.fields["organisation"].queryset
        self.fields["team"].queryset = Team.objects.filter(
            organisation__in=organisations
        ).select_related("organisation")
        if not user.is_staff:
            allowed = set()
            for organisation in organisations:
                allowed.update(invitable_roles(user, organisation))
            self.fields["role"].choices = [
                (value, label) for value, label in Role.choices if value in allowed
            ]

    def clean(self):
        data = super().clean()
        organisation, role, team = data.get("organisation"), data.get("role"), data.get("team")
        if organisation and role and role not in invitable_roles(self.user, organisation):
            self.add_error("role", _("You may not invite people for this role here."))
        if organisation and team and team.organisation_id != organisation.pk:
            self.add_error("team", _("This team is not part of the organisation."))
        return data


class ImportForm(_OrganisationForm):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "One person per row. Columns: email, role, and if you like team and first_name."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class AcceptForm(forms.Form):
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=_("At least 8 characters. Not only numbers, and not a common password."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("password")
            and data.get("password_again") is not None
            and data["password"] != data["password_again"]
        ):
            self.add_error("password_again", _("The two passwords are not the same."))
        return data
