"""The one-page plan form: the plan itself, three phase sub-forms (prefixes `now`, `two_years`,
`five_years`), the workers with their supervisors and the regional partners (formsets).

The forms only turn text into values; every rule (no negative numbers, shares up to 100 %, the
5-year target at least today's) lives in `services.validate_plan`, whose errors come back here
by field key, so the page shows them beside the field and keeps everything typed."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import BudgetKind, PartnerKind, PhaseKind
from .services import NUMBER_FIELDS, PARTNER_FIELDS, TEXT_FIELDS, WORKER_FIELDS


def _whole(label, help_text=""):
    return forms.IntegerField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


def _decimal(label, help_text=""):
    return forms.DecimalField(
        label=label,
        required=False,
        localize=True,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


def _text(label, help_text="", rows=2):
    return forms.CharField(
        label=label, required=False, help_text=help_text, widget=forms.Textarea({"rows": rows})
    )


class PlanForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    title = forms.CharField(label=_("Title of the plan"), max_length=200, required=False)
    starts_on = forms.DateField(
        label=_("Start date"),
        required=False,
        help_text=_("The targets for 2 and 5 years count from this date."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    onboarding = _text(
        _("Onboarding programme"),
        _("How are new experience workers received, supported and trained?"),
        rows=4,
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].hide_optional = True  # required, checked by the service
        if organisations is None or len(organisations) < 2:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations


class PhaseForm(forms.Form):
    paid_headcount = _whole(_("Paid experience workers (people)"))
    hours_per_week = _decimal(_("Hours per week, all together"))
    mbo_share = _whole(_("Share with an MBO education (%)"))
    hbo_share = _whole(_("Share with an HBO education (%)"))
    budget_per_year = _decimal(_("Budget per year (euro)"))
    budget_kind = forms.ChoiceField(
        label=_("Kind of money"),
        required=False,
        choices=BudgetKind.choices,
        widget=forms.RadioSelect,
    )
    natural_attrition = _text(
        _("Natural attrition"), _("Which posts become free when people leave or retire?")
    )
    growth = _text(_("Growth"), _("Which new posts come?"))
    job_carving = _text(
        _("Job carving"),
        _("Which tasks move to experience workers, and how does the MBO/HBO mix change?"),
    )
    primary_tasks = _text(_("Tasks in the primary process"), _("Work with clients and residents."))
    secondary_tasks = _text(
        _("Tasks in the secondary process"),
        _("Policy, training colleagues, improving how the organisation works."),
    )
    tertiary_tasks = _text(
        _("Tasks in the tertiary process"), _("Supervision, e.g. a client council or the board.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paid_headcount"].hide_optional = True


class WorkerForm(forms.Form):
    name = forms.CharField(label=_("Name or function"), max_length=200, required=False)
    content_supervisor = forms.CharField(
        label=_("Content supervisor"),
        max_length=200,
        required=False,
        help_text=_("Helps the worker develop their expertise."),
    )
    personal_supervisor = forms.CharField(
        label=_("Personal supervisor"),
        max_length=200,
        required=False,
        help_text=_("Helps the worker combine their own vulnerability with the work."),
    )


class PartnerForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you do together?"),
        required=False,
        choices=[("", "—"), *PartnerKind.choices],
    )
    name = forms.CharField(label=_("Partner"), max_length=200, required=False)
    notes = forms.CharField(label=_("Agreements"), max_length=500, required=False)


WorkerFormSet = forms.formset_factory(WorkerForm, extra=2, max_num=200, absolute_max=200)
PartnerFormSet = forms.formset_factory(PartnerForm, extra=2, max_num=100, absolute_max=100)


class PlanForms:
    """All parts of the plan page, bound or not; `for_service()` gives `save_plan`'s arguments.

    Bound formsets get no initial rows: a row that equals its initial value would otherwise
    count as unchanged and be dropped, and saving replaces all rows with what was posted."""

    def __init__(self, data=None, *, plan=None, organisations=None):
        phases = plan.phase_dict() if plan is not None else {}
        self.plan_form = PlanForm(
            data,
            organisations=organisations,
            initial={
                "title": plan.title,
                "starts_on": plan.starts_on,
                "onboarding": plan.onboarding,
            }
            if plan is not None
            else {},
        )
        self.phase_forms = {
            kind: PhaseForm(
                data,
                prefix=kind,
                initial={name: getattr(phases[kind], name) for name in NUMBER_FIELDS + TEXT_FIELDS}
                | {"budget_kind": phases[kind].budget_kind}
                if kind in phases
                else {},
            )
            for kind in PhaseKind.values
        }
        self.workers = WorkerFormSet(
            data,
            prefix="workers",
            initial=[{n: getattr(w, n) for n in WORKER_FIELDS} for w in plan.workers.all()]
            if plan is not None and data is None
            else None,
        )
        self.partners = PartnerFormSet(
            data,
            prefix="partners",
            initial=[{n: getattr(p, n) for n in PARTNER_FIELDS} for p in plan.partners.all()]
            if plan is not None and data is None
            else None,
        )

    def phases(self):
        """(kind, label, form) for the template."""
        return [(kind, label, self.phase_forms[kind]) for kind, label in PhaseKind.choices]

    def all_forms(self):
        return [
            self.plan_form,
            *self.phase_forms.values(),
            *self.workers.forms,
            *self.partners.forms,
        ]

    def is_valid(self) -> bool:
        results = [form.is_valid() for form in self.all_forms()]
        return all(results) and self.workers.is_valid() and self.partners.is_valid()

    def for_service(self) -> dict:
        data = dict(self.plan_form.cleaned_data)
        data.pop("organisation", None)
        data["phases"] = {kind: form.cleaned_data for kind, form in self.phase_forms.items()}
        data["workers"] = [form.cleaned_data for form in self.workers.forms]
        data["partners"] = [form.cleaned_data for form in self.partners.forms]
        return data

    def add_errors(self, error: ValidationError) -> None:
        """Put the service's errors beside the fields they name."""
        for key, messages in error.message_dict.items():
            form, field = self._form_for(key)
            form.add_error(field, messages)

    def _form_for(self, key: str):
        prefix, _sep, rest = key.partition("-")
        if prefix in self.phase_forms and rest in self.phase_forms[prefix].fields:
            return self.phase_forms[prefix], rest
        if prefix in ("workers", "partners"):
            index, _sep, field = rest.partition("-")
            formset = self.workers if prefix == "workers" else self.partners
            if index.isdigit() and int(index) < len(formset.forms):
                form = formset.forms[int(index)]
                if field in form.fields:
                    return form, field
        if key in self.plan_form.fields:
            return self.plan_form, key
        return self.plan_form, None

    def error_list(self) -> list[tuple[str, str, str]]:
        """(field id, label with its part of the page, message) for the summary at the top."""
        items = []
        for error in [
            *self.plan_form.non_field_errors(),
            *self.workers.non_form_errors(),
            *self.partners.non_form_errors(),
        ]:
            items.append(("", "", error))
        sections = [(self.plan_form, "")]
        sections += [(self.phase_forms[kind], str(label)) for kind, label in PhaseKind.choices]
        sections += [
            (form, f"{_('Experience worker')} {i + 1}") for i, form in enumerate(self.workers)
        ]
        sections += [
            (form, f"{_('Regional partner')} {i + 1}") for i, form in enumerate(self.partners)
        ]
        for form, section in sections:
            for field in form:
                for message in field.errors:
                    label = f"{section} – {field.label}" if section else str(field.label)
                    anchor = field.id_for_label or f"{field.auto_id}_0"  # radios: the first
                    items.append((anchor, label, message))
        return items

    @property
    def has_errors(self) -> bool:
        return bool(self.error_list())
