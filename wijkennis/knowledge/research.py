"""Research exports (CSV and JSON) with the same small-group rule as the pages.

Items and their versions are the network's shared texts. Recognitions are exported as counts per
version and kind of organisation; report aggregates come from `patterns.patterns_for`, so the
export can never show what the pages hide.
"""

import json

from django.conf import settings

from wijkennis.core.exports import csv_text
from wijkennis.organisations.models import OrganisationKind, Role, has_role
from wijkennis.vocabulary.models import Concept

from .models import KnowledgeItem, PatternCell, Recognition
from .patterns import patterns_for

DATASETS = ("items", "recognitions", "patterns")


def may_export(user) -> bool:
    return has_role(user, {Role.ONDERZOEKER, Role.BEHEERDER})


def item_rows(user) -> list[dict]:
    rows = []
    items = KnowledgeItem.objects.visible_to(user).prefetch_related("versions__situations")
    for item in items.order_by("id"):
        for version in sorted(item.versions.all(), key=lambda v: v.number):
            rows.append(
                {
                    "item": item.pk,
                    "status": item.status,
                    "version": version.number,
                    "current": version.pk == item.current_id,
                    "title": version.title,
                    "situations": ";".join(sorted(c.slug for c in version.situations.all())),
                    "insight": version.insight,
                    "what_helped": version.what_helped,
                    "what_made_worse": version.what_made_worse,
                    "for_whom": version.for_whom,
                    "cautions": version.cautions,
                    "created": version.created_at.date().isoformat(),
                }
            )
    return rows


def recognition_rows(user) -> list[dict]:
    """Per version and kind of organisation; a count under the minimum is left empty."""
    minimum = settings.WIJKENNIS_MIN_GROUP
    counts: dict[tuple, list[int]] = {}
    visible = KnowledgeItem.objects.visible_to(user).values("id")
    recognitions = Recognition.objects.filter(version__item__in=visible).values_list(
        "version__item_id", "version__number", "organisation__kind", "recognises"
    )
    for item_id, number, kind, recognises in recognitions:
        pair = counts.setdefault((item_id, number, kind or OrganisationKind.OTHER), [0, 0])
        pair[0 if recognises else 1] += 1
    return [
        {
            "item": item_id,
            "version": number,
            "organisation_kind": kind,
            "recognise": yes if yes >= minimum else None,
            "not_recognise": no if no >= minimum else None,
        }
        for (item_id, number, kind), (yes, no) in sorted(counts.items())
    ]


def pattern_rows() -> list[dict]:
    rows = []
    situations = Concept.objects.filter(id__in=PatternCell.objects.values("situation_id")).order_by(
        "slug"
    )
    for situation in situations:
        for kind in [None, *OrganisationKind.values]:
            for pattern in patterns_for(situation, kind):
                low, high = pattern.interval
                rows.append(
                    {
                        "situation": situation.slug,
                        "tried": pattern.tried,
                        "organisation_kind": kind or "all",
                        "people": pattern.total,
                        "helped": pattern.helped,
                        "no_difference": pattern.no_difference,
                        "worse": pattern.worse,
                        "helped_share": round(pattern.share_helped, 4),
                        "helped_95_low": round(low, 4),
                        "helped_95_high": round(high, 4),
                    }
                )
    return rows


def rows_for(dataset: str, user) -> list[dict]:
    return {
        "items": lambda: item_rows(user),
        "recognitions": lambda: recognition_rows(user),
        "patterns": pattern_rows,
    }[dataset]()


def as_csv(rows: list[dict]) -> str:
    return csv_text(rows)


def as_json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=1)
