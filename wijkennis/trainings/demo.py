"""Demo development records for the demo experience workers: a few trainings completed and
planned, so the record and the coordinator's team overview have something to show.

Call `add_demo_records()` after the demo people exist (the `demo` command creates them). It
(re)loads the seed catalogue first. Safe to run again: an entry that already exists is left
alone.
"""

import datetime

from wijkennis.accounts.models import User

from .models import Level, RecordStatus, Training, TrainingRecord
from .seed import load_trainings

# (worker e-mail, status, catalogue slug or own title, year completed / intended start,
# level obtained, diploma or certificate)
RECORDS = [
    (
        "anouk@wijkennis.demo",
        RecordStatus.COMPLETED,
        "herstellen-doe-je-zelf",
        2019,
        Level.COURSE,
        "Bewijs van deelname",
    ),
    (
        "anouk@wijkennis.demo",
        RecordStatus.COMPLETED,
        "Mbo 4 Maatschappelijke zorg",
        2021,
        Level.MBO4,
        "Mbo-diploma niveau 4",
    ),
    (
        "anouk@wijkennis.demo",
        RecordStatus.PLANNED,
        "associate-degree-ervaringsdeskundigheid-hva",
        datetime.date(2027, 9, 1),
        None,
        "",
    ),
    ("bram@wijkennis.demo", RecordStatus.COMPLETED, "coeva", 2022, None, "Certificaat"),
    (
        "bram@wijkennis.demo",
        RecordStatus.PLANNED,
        "mbo3-met-regionaal-roc",
        datetime.date(2027, 2, 1),
        None,
        "",
    ),
    (
        "ilse@wijkennis.demo",
        RecordStatus.COMPLETED,
        "werken-met-eigen-ervaring",
        2020,
        Level.COURSE,
        "",
    ),
    (
        "dewi@wijkennis.demo",
        RecordStatus.PLANNED,
        "post-hbo-ervaringsdeskundigheid",
        datetime.date(2027, 3, 1),
        None,
        "",
    ),
]


def add_demo_records() -> int:
    """Add the demo entries; returns how many were created."""
    load_trainings()  # idempotent; links the themes now that the vocabulary is loaded
    trainings = {t.slug: t for t in Training.objects.all()}
    users = {u.email: u for u in User.objects.filter(email__in={r[0] for r in RECORDS})}
    created = 0
    for email, status, name, when, level, diploma in RECORDS:
        worker = users.get(email)
        if worker is None:
            continue
        training = trainings.get(name)
        _record, new = TrainingRecord.objects.get_or_create(
            worker=worker,
            status=status,
            training=training,
            title="" if training else name,
            defaults={
                "year_completed": when if status == RecordStatus.COMPLETED else None,
                "planned_start": when if status == RecordStatus.PLANNED else None,
                "level_obtained": level,
                "diploma_obtained": diploma,
            },
        )
        created += new
    return created
