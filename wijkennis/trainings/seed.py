"""The seed catalogue: trainings named in the source texts (`data/trainings.json`).

`load_trainings()` creates or updates every training by slug and links the themes whose
concepts exist (the vocabulary is loaded by `load_vocabulary`). Safe to run again: the data
migration runs it once, `wijkennis load_trainings` after `load_vocabulary` links the themes.
"""

import json
from decimal import Decimal
from pathlib import Path

from django.apps import apps as django_apps

SEED_FILE = Path(__file__).resolve().parent / "data" / "trainings.json"
# The facts copied from the file; a missing or null value stays unknown (NULL).
FACT_FIELDS = (
    "name",
    "summary",
    "provider",
    "level",
    "duration",
    "study_load",
    "study_load_unit",
    "format",
    "region",
    "url",
    "source",
)


def seed_entries(path: Path = SEED_FILE) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def load_trainings(apps=django_apps, path: Path = SEED_FILE) -> int:
    """Create or update the seed trainings; returns how many the file holds. `apps` is the
    app registry (a migration passes its historical one)."""
    Training = apps.get_model("trainings", "Training")
    Concept = apps.get_model("vocabulary", "Concept")
    entries = seed_entries(path)
    for entry in entries:
        defaults = {name: entry.get(name) for name in FACT_FIELDS}
        cost = entry.get("cost")
        defaults["cost"] = None if cost is None else Decimal(str(cost))
        defaults["diploma"] = entry.get("diploma") or "onbekend"
        training, _created = Training.objects.update_or_create(
            slug=entry["slug"], defaults=defaults
        )
        training.themes.set(Concept.objects.filter(slug__in=entry.get("themes", [])))
    return len(entries)
