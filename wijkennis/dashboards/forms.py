import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkennis.trajectories.models import TrajectoryType

from .figures import Period

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_YEARS = 10


def year_before(day: datetime.date) -> datetime.date:
    """The day after the same date a year earlier: `day` closes a period of 12 months."""
    if day.year == datetime.MINYEAR:
        return datetime.date.min
    try:
        return day.replace(year=day.year - 1) + datetime.timedelta(days=1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28) + datetime.timedelta(days=1)


def presets(today: datetime.date | None = None) -> list[dict]:
    """Ready-made periods, offered as links."""
    today = today or timezone.localdate()
    last_year = today.year - 1
    return [
        {"label": _("This year"), "start": today.replace(month=1, day=1), "end": today},
        {"label": _("Last 12 months"), "start": year_before(today), "end": today},
        {
            "label": _("Last year (%(year)s)") % {"year": last_year},
            "start": datetime.date(last_year, 1, 1),
            "end": datetime.date(last_year, 12, 31),
        },
    ]


class PeriodForm(forms.Form):
    """The filter of a dashboard (GET). Without dates: the last 12 months up to today."""

    start = forms.DateField(label=_("From"), required=False, widget=DATE_WIDGET)
    end = forms.DateField(label=_("To"), required=False, widget=DATE_WIDGET)
    type = forms.ChoiceField(label=_("Kind of trajectory"), required=False)

    def __init__(self, *args, trajectory_types=(), today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        for name in ("start", "end"):
            self.fields[name].error_messages["invalid"] = _(
                "Enter a date like 31-12-2026 (day, month, year)."
            )
        # Choices from the types read once, not a queryset read to check and again to show.
        self.trajectory_types = {str(kind.pk): kind for kind in trajectory_types}
        self.fields["type"].choices = [
            (pk, kind.name) for pk, kind in self.trajectory_types.items()
        ]
        self.fields["type"].hide_optional = True

    def clean_type(self) -> TrajectoryType | None:
        return self.trajectory_types.get(self.cleaned_data["type"])

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        end = data.get("end") or self.today
        start = data.get("start") or year_before(end)
        if start > end:
            self.add_error("end", _("The end date is before the start date."))
        elif (end - start).days > MAX_YEARS * 366:
            self.add_error(
                "start", _("Choose a period of at most %(years)s years.") % {"years": MAX_YEARS}
            )
        data["period"] = Period(start, end)
        return data
