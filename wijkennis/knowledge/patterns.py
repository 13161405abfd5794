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

from wijkennis.core.generations import cached, token_as_read
from wijkennis.vocabulary.models import Concept

from .models import PatternCell

Z_95 = 1.959963984540054
GENERATION = "patterns"  # moved by every change of the cells (services.submit_report, …)
SECONDS = 3600


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


@dataclass
class _Cell:
    kind: str
    helped: int
    no_difference: int
    worse: int

    @property
    def total(self) -> int:
        return self.helped + self.no_difference + self.worse


def patterns_for(situation, organisation_kind: str | None = None) -> list[Pattern]:
    """The patterns of one situation that may be shown, most reported first; kept in the shared
    cache until a report comes in or is recounted (`GENERATION`) or the vocabulary, whose labels
    they carry, changes. Counting a common situation's hundreds of cells was most of an advice
    card (docs/BENCHMARKS.md)."""
    labels = token_as_read("vocabulary")
    return cached(
        GENERATION,
        lambda: _count(situation, organisation_kind),
        SECONDS,
        f"patterns:{situation.pk}:{organisation_kind}:{labels}",
    )


def _count(situation, organisation_kind: str | None) -> list[Pattern]:
    minimum = settings.WIJKENNIS_MIN_GROUP
    # Plain rows, not model objects: a common situation has hundreds of cells (bench/patterns.py).
    rows = PatternCell.objects.filter(situation=situation).values_list(
        "tried_key",
        "tried_id",
        "tried_text",
        "organisation_kind",
        "helped",
        "no_difference",
        "worse",
    )
    cells: dict[str, list[_Cell]] = {}
    labels: dict[str, tuple[int | None, str]] = {}
    for key, tried_id, tried_text, kind, *counts in rows:
        cells.setdefault(key, []).append(_Cell(kind, *counts))
        labels[key] = (tried_id, tried_text)
    names = dict(
        Concept.objects.filter(id__in={i for i, _t in labels.values() if i}).values_list(
            "id", "pref_label"
        )
    )
    shown = []
    for key, group in cells.items():
        tried_id, tried_text = labels[key]
        label = names.get(tried_id, tried_text) if tried_id else tried_text
        whole = _sum(label, situation.pref_label, group)
        if whole.total < minimum:
            continue
        if organisation_kind is None:
            shown.append(whole)
            continue
        # Filtering is allowed only where every kind of organisation is absent or a full group:
        # then any difference between views is a union of full groups.
        if any(0 < cell.total < minimum for cell in group):
            continue
        part = [cell for cell in group if cell.kind == organisation_kind]
        if part:
            shown.append(_sum(label, situation.pref_label, part))
    return sorted(shown, key=lambda p: (-p.total, p.tried))


def _sum(label: str, situation: str, cells: list[_Cell]) -> Pattern:
    return Pattern(
        label,
        sum(cell.helped for cell in cells),
        sum(cell.no_difference for cell in cells),
        sum(cell.worse for cell in cells),
        situation=situation,
    )


def hidden_note() -> str:
    return _("Groups of fewer than %(number)s people are not shown, to protect privacy.") % {
        "number": settings.WIJKENNIS_MIN_GROUP
    }


SHOWN = 10


def patterns_context(situation, kind: str | None = None, show_all: bool = False) -> dict:
    """Template context for knowledge/_patterns.html: the most reported patterns, or all."""
    patterns = patterns_for(situation, kind)
    return {
        "patterns": patterns if show_all else patterns[:SHOWN],
        "pattern_count": len(patterns),
        "hidden_note": hidden_note(),
    }
