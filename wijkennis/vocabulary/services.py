"""Loading the seed vocabulary and suggesting concepts for a text."""

import json
import re
from pathlib import Path

from django.db import transaction

from .models import AltLabel, Concept

SEED_FILE = Path(__file__).parent / "data" / "concepts.json"


@transaction.atomic
def load_seed_vocabulary(path: Path = SEED_FILE) -> int:
    """Create or update the seed concepts; returns how many concepts the file holds."""
    entries = json.loads(path.read_text(encoding="utf-8"))
    concepts = {}
    for entry in entries:
        concept, _ = Concept.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                "scheme": entry["scheme"],
                "pref_label": entry["pref_label"],
                "definition": entry.get("definition", ""),
                "source": entry.get("source", ""),
            },
        )
        concepts[concept.slug] = concept
        for alt in entry.get("alt_labels", []):
            AltLabel.objects.update_or_create(
                concept=concept, label=alt["label"], defaults={"kind": alt["kind"]}
            )
    for entry in entries:
        broader = concepts.get(entry.get("broader") or "")
        Concept.objects.filter(slug=entry["slug"]).update(broader=broader)
    return len(entries)


def _label_patterns() -> list[tuple[int, re.Pattern]]:
    labels: dict[str, int] = {}
    for concept_id, label in Concept.objects.values_list("id", "pref_label"):
        labels[label.lower()] = concept_id
    for concept_id, label in AltLabel.objects.values_list("concept_id", "label"):
        labels.setdefault(label.lower(), concept_id)
    # Whole words, allowing a Dutch plural/inflection ending so "schulden" finds "schuld".
    return [
        (concept_id, re.compile(rf"(?<!\w){re.escape(label)}(?:en|s|e|n)?(?!\w)", re.IGNORECASE))
        for label, concept_id in labels.items()
        if len(label) >= 3
    ]


def suggest_concepts(*texts: str) -> list[Concept]:
    """Concepts whose preferred or alternative label occurs in the given texts."""
    haystack = "\n".join(texts)
    found = {concept_id for concept_id, pattern in _label_patterns() if pattern.search(haystack)}
    return list(Concept.objects.filter(id__in=found))
