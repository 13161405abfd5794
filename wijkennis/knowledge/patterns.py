"""Collective patterns from experience reports, with the small-group rule built in.

A group is the people who reported one situation × one thing tried. It is shown only when it
has at least WIJKENNIS_MIN_GROUP people. The only filter, the kind of organisation, applies only
where each kind's group is empty or full, so that no difference between views is a small group.
"""

import math
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import PatternCell

Z_95 = 1.959963984540054


def wilson(successes: int, total: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval for a proportion (95 % by default)."""
    if total == 0:
        return 0.0, 0.0
    p = successes / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    margin = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator
    return max(0.0, centre - margin), min(1.0, centre + margin)


@dataclass
class Pattern:
    tried: str
    helped: int
    no_difference: int
    worse: int
    situation: str = ""

    @property
    def total(self) -> int:
        return self.helped + self.no_difference + self.worse

    @property
    def share_helped(self) -> float:
        return self.helped / self.total

    @property
    def interval(self) -> tuple[float, float]:
        return wilson(self.helped, self.total)

    @property
    def sentence(self) -> str:
        return ngettext(
            "Of the %(total)s person who tried “%(tried)s” with “%(situation)s”, "
            "%(helped)s said it helped.",
            "Of the %(total)s people who tried “%(tried)s” with “%(situation)s”, "
            "%(helped)s said it helped.",
            self.total,
        ) % {
            "total": self.total,
            "tried": self.tried,
            "situation": self.situation,
            "helped": self.helped,
        }


def _label(cell: PatternCell) -> str:
    return cell.tried.pref_label if cell.tried_id else cell.tried_text


def patterns_for(situation, organisation_kind: str | None = None) -> list[Pattern]:
    """The patterns of one situation that may be shown, most reported first."""
    minimum = settings.WIJKENNIS_MIN_GROUP
    cells: dict[str, list[PatternCell]] = {}
    for cell in PatternCell.objects.filter(situation=situation).select_related(
        "tried", "situation"
    ):
        cells.setdefault(cell.tried_key, []).append(cell)
    shown = []
    for group in cells.values():
        whole = _sum(group)
        if whole.total < minimum:
            continue
        if organisation_kind is None:
            shown.append(whole)
            continue
        # Filtering is allowed only where every kind of organisation is absent or a full group:
        # then any difference between views is a union of full groups.
        if any(0 < _sum([cell]).total < minimum for cell in group):
            continue
        part = [cell for cell in group if cell.organisation_kind == organisation_kind]
        if part and _sum(part).total:
            shown.append(_sum(part))
    return sorted(shown, key=lambda p: (-p.total, p.tried))


def _sum(cells: list[PatternCell]) -> Pattern:
    pattern = Pattern(_label(cells[0]), 0, 0, 0, situation=cells[0].situation.pref_label)
    for cell in cells:
        pattern.helped += cell.helped
        pattern.no_difference += cell.no_difference
        pattern.worse += cell.worse
    return pattern


def hidden_note() -> str:
    return _("Groups of fewer than %(number)s people are not shown, to protect privacy.") % {
        "number": settings.WIJKENNIS_MIN_GROUP
    }
