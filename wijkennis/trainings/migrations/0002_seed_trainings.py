"""Load the seed catalogue (data/trainings.json). Themes are linked when the vocabulary is
already loaded; `wijkennis load_trainings` after `load_vocabulary` links them otherwise."""

from django.db import migrations


def load(apps, schema_editor):
    from wijkennis.trainings.seed import load_trainings

    load_trainings(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("trainings", "0001_initial"),
        ("vocabulary", "0002_governance_and_skos"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
