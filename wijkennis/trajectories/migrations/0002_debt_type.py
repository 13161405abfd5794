"""Ship the debt trajectory of source text 000 (Utrecht) for everyone."""

from django.db import migrations

NAME = "Schuldhulptraject"
STEPS = (
    "Eerste contact",
    "Schoenendoos geordend",
    "Schuldeisers in kaart",
    "Aanmelding schuldhulp",
    "Schuldregeling",
    "Schuldenvrij",
)


def ship(apps, schema_editor):
    TrajectoryType = apps.get_model("trajectories", "TrajectoryType")
    StepType = apps.get_model("trajectories", "StepType")
    debt, created = TrajectoryType.objects.get_or_create(organisation=None, name=NAME)
    if created:
        for order, name in enumerate(STEPS, 1):
            StepType.objects.create(type=debt, order=order, name=name)


def unship(apps, schema_editor):
    TrajectoryType = apps.get_model("trajectories", "TrajectoryType")
    TrajectoryType.objects.filter(organisation=None, name=NAME, trajectories__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("trajectories", "0001_initial")]
    operations = [migrations.RunPython(ship, unship)]
