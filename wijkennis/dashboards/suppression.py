"""The small-group rule of the dashboards, in one place (page, chart, table, CSV and XLSX all show
the `Figure`s made here, so they cannot disagree).

1. **Small counts.** A count below `settings.WIJKENNIS_MIN_GROUP` (5) is not shown: it reads
   "< 5" (state `SMALL`). Zero is treated the same way, so the reader never has to tell a zero
   from a small group.
2. **Percentages and other figures over a group** (a share, a median) are shown only when the
   group they are computed over has at least 5 members, and only when every count they are made
   of is shown itself: a percentage next to a hidden count would give the count away.
3. **Differencing in a partition** (`protect_partition`): when parts add up to a total that is
   shown (statuses of all inbreng, quarters of a period), the hidden parts together equal the
   total minus the shown parts. If that difference is between 1 and 4, a small group can be
   worked out; then the smallest shown part is hidden as well (state `HIDDEN`, "hidden"), and
   again, until the difference is 0 or at least 5. If no shown part is left, the total is hidden.
   A difference of 0 identifies nobody and is allowed.
4. **Differencing in a funnel** (`protect_funnel`): counts that shrink step by step (how many
   reached each step) give away how many stopped between two steps. A step's count is shown only
   when it is at least 5 *and* the drop from the last shown count above it is 0 or at least 5;
   otherwise it is hidden, and the next step is compared with the same last shown count.
   So every difference a reader can compute is 0 or at least 5.

Not covered, by design: two different views (another period, another organisation) can still
be compared with each other. Dashboards therefore show only aggregates of whole organisations,
never a person, a story or a trajectory.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

SHOWN, SMALL, HIDDEN = "shown", "small", "hidden"


def min_group() -> int:
    return settings.WIJKENNIS_MIN_GROUP


@dataclass(frozen=True)
class Figure:
    """One number as the dashboard shows it. `value` is None unless `state` is SHOWN;
    `unit` is "" for a count, "%" for a percentage or "days"."""

    value: int | float | None
    state: str = SHOWN
    unit: str = ""

    @property
    def shown(self) -> bool:
        return self.state == SHOWN

    def __str__(self) -> str:
        if self.state == SMALL:
            return f"< {min_group()}"
        if self.state == HIDDEN or self.value is None:
            return _("hidden")
        if self.unit == "%":
            return f"{number_format(self.value, 0)} %"
        if isinstance(self.value, float):
            return number_format(self.value, 1)
        return str(self.value)

    def export_value(self):
        """The cell of a CSV or XLSX export: the number when shown, else the same text as on
        the page."""
        return self.value if self.shown else str(self)


def count(value: int | None) -> Figure:
    """A count: shown from `min_group()` on. None (already suppressed elsewhere) stays small."""
    if value is None or value < min_group():
        return Figure(None, SMALL)
    return Figure(value)


def hidden(unit: str = "") -> Figure:
    return Figure(None, HIDDEN, unit)


def over_group(value, group: int | None, *parts: Figure, unit: str = "") -> Figure:
    """A figure computed over a group of `group` members (a share, a median): shown when the
    group has at least `min_group()` members and every count in `parts` is shown."""
    if value is None or group is None or group < min_group():
        return Figure(None, SMALL, unit)
    if any(not part.shown for part in parts):
        return hidden(unit)
    return Figure(value, SHOWN, unit)


def percentage(part: Figure, whole: Figure) -> Figure:
    """`part` as a whole percentage of `whole`, when both are shown (rule 2)."""
    if not whole.shown:
        return Figure(None, whole.state, "%")
    if not part.shown:
        return Figure(None, part.state, "%")
    return Figure(round(100 * part.value / whole.value), SHOWN, "%")


def protect_partition(parts: list[int | None], total: int | None) -> tuple[list[Figure], Figure]:
    """Rules 1 and 3 for `parts` that add up to `total`. A part that is None was suppressed
    before (it is below the minimum); `total` None means the total is not known or not shown."""
    figures = [count(part) for part in parts]
    total_figure = count(total)
    if not total_figure.shown:
        return figures, total_figure
    while True:
        difference = total - sum(f.value for f in figures if f.shown)
        if difference == 0 or difference >= min_group():
            return figures, total_figure
        shown = [i for i, f in enumerate(figures) if f.shown]
        if not shown:
            return figures, hidden()
        smallest = min(shown, key=lambda i: figures[i].value)
        figures[smallest] = hidden()


def protect_funnel(counts: list[int]) -> list[Figure]:
    """Rules 1 and 4 for counts that do not grow (the first is the starting group)."""
    figures = []
    last_shown = None
    for value in counts:
        figure = count(value)
        if figure.shown and last_shown is not None:
            drop = last_shown - value
            if 0 < drop < min_group():
                figure = hidden()
        if figure.shown:
            last_shown = value
        figures.append(figure)
    return figures
