from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkennis.vocabulary.models import Concept

from .models import Diploma, Format, Level, RecordStatus, Training, TrainingRecord

UNKNOWN = "onbekend"  # the filter value for "the source does not say"
MAX_COMPARE = 3


def _choices(label_all, choices, with_unknown=True):
    result = [("", label_all), *choices]
    if with_unknown:
        result.append((UNKNOWN, _("Unknown")))
    return result


class CatalogueFilterForm(forms.Form):
    """The catalogue's filters (GET). Every filter is optional; "unknown" finds the trainings
    whose source does not tell. A maximum cost keeps trainings with unknown cost visible."""

    level = forms.ChoiceField(label=_("Level"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    diploma = forms.ChoiceField(label=_("Leads to a recognised diploma"), required=False)
    max_cost = forms.IntegerField(
        label=_("Maximum cost in euros"),
        required=False,
        min_value=0,
        help_text=_("Trainings whose cost is unknown stay in the list, with a note."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = _choices(_("All levels"), Level.choices)
        self.fields["format"].choices = _choices(_("All formats"), Format.choices)
        regions = Training.objects.exclude(region=None).values_list("region", flat=True).distinct()
        self.fields["region"].choices = _choices(
            _("All regions"), [(region, region) for region in sorted(set(regions))]
        )
        themes = Concept.objects.filter(trainings__isnull=False).distinct().order_by("pref_label")
        self.fields["theme"].choices = _choices(
            _("All themes"), [(c.slug, c.pref_label) for c in themes], with_unknown=False
        )
        self.fields["diploma"].choices = [("", _("Yes, no or unknown")), *Diploma.choices]
        for field in self.fields.values():
            field.hide_optional = True  # every filter is optional

    def filter(self, trainings):
        """`trainings` narrowed by the valid filters (an invalid filter is left out)."""
        data = self.cleaned_data if self.is_valid() else {}
        for name in ("level", "format", "region"):
            value = data.get(name)
            if value == UNKNOWN:
                trainings = trainings.filter(**{f"{name}__isnull": True})
            elif value:
                trainings = trainings.filter(**{name: value})
        if data.get("theme"):
            trainings = trainings.filter(themes__slug=data["theme"])
        if data.get("diploma"):
            trainings = trainings.filter(diploma=data["diploma"])
        if data.get("max_cost") is not None:
            trainings = trainings.filter(Q(cost__lte=data["max_cost"]) | Q(cost__isnull=True))
        return trainings.distinct()

    @property
    def cost_filtered(self) -> bool:
        return self.is_valid() and self.cleaned_data.get("max_cost") is not None


class CompareForm(forms.Form):
    """The trainings to put side by side: two or three (one shows a hint)."""

    opleiding = forms.MultipleChoiceField(
        label=_("Trainings to compare"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, trainings, **kwargs):
        super().__init__(*args, **kwargs)
        self.trainings = {training.slug: training for training in trainings}
        self.fields["opleiding"].choices = [(t.slug, t.name) for t in trainings]

    def clean_opleiding(self):
        chosen = self.cleaned_data["opleiding"]
        if len(chosen) > MAX_COMPARE:
            raise forms.ValidationError(
                _(
                    "You chose %(count)s trainings. You can compare at most three. "
                    "Untick one or more, then compare again."
                ),
                params={"count": len(chosen)},
                code="too_many",
            )
        return chosen

    def chosen(self) -> list[Training]:
        """The chosen trainings in the order of the catalogue."""
        slugs = set(self.cleaned_data.get("opleiding", [])) if self.is_valid() else set()
        return [training for slug, training in self.trainings.items() if slug in slugs]

    def selected_slugs(self) -> set[str]:
        """What is ticked, also when there are too many (so the selection is kept)."""
        return set(self.data.getlist("opleiding")) if self.is_bound else set()


class TrainingRecordForm(forms.ModelForm):
    """One entry in the worker's own development record."""

    class Meta:
        model = TrainingRecord
        fields = [
            "status",
            "training",
            "title",
            "year_completed",
            "level_obtained",
            "diploma_obtained",
            "planned_start",
            "note",
        ]
        widgets = {
            "status": forms.RadioSelect,
            "planned_start": forms.DateInput(attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "training": _("Choose it from the catalogue, or fill in the name below."),
            "title": _("Only when the training is not in the catalogue."),
            "year_completed": _("For a completed training."),
            "level_obtained": _("The level of the diploma or certificate you received."),
            "planned_start": _("For a planned training: when you want to start."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = RecordStatus.choices
        self.fields["training"].queryset = Training.objects.order_by("name")
        self.fields["training"].empty_label = _("Not in the catalogue")
        self.fields["level_obtained"].choices = [("", _("Unknown")), *Level.choices]

    def clean(self):
        data = super().clean()
        if not data.get("training") and not data.get("title", "").strip():
            self.add_error("title", _("Choose a training from the catalogue or fill in its name."))
        status = data.get("status")
        if status == RecordStatus.COMPLETED and not data.get("year_completed"):
            self.add_error("year_completed", _("Fill in the year you completed it."))
        if status == RecordStatus.PLANNED and not data.get("planned_start"):
            self.add_error("planned_start", _("Fill in when you want to start."))
        year = data.get("year_completed")
        completed = status == RecordStatus.COMPLETED
        if completed and year and not 1950 <= year <= timezone.localdate().year:
            self.add_error("year_completed", _("Fill in a year that has passed, like 2021."))
        if status == RecordStatus.PLANNED:
            data["year_completed"] = None
            data["level_obtained"] = None
        elif status == RecordStatus.COMPLETED:
            data["planned_start"] = None
        return data
