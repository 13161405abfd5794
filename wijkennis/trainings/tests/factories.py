import datetime

import factory

from tests.factories import UserFactory
from wijkennis.trainings.models import Diploma, RecordStatus, Training, TrainingRecord


class TrainingFactory(factory.django.DjangoModelFactory):
    """A training where every fact is unknown unless given.

    Trait: `known=True` fills in every fact (an MBO 4 in Utrecht, classroom, € 1.500)."""

    class Meta:
        model = Training
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"opleiding-{n}")
    name = factory.Sequence(lambda n: f"Opleiding {n}")
    summary = "Een opleiding voor ervaringswerkers."
    source = "Testbron, §1"

    class Params:
        known = factory.Trait(
            provider="ROC Testdam",
            level="mbo4",
            duration="2 jaar",
            study_load=1600,
            study_load_unit="uren",
            cost=1500,
            format="klassikaal",
            region="Utrecht",
            diploma=Diploma.YES,
            url="https://opleiding.example.test/",
        )

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.set(extracted)


class TrainingRecordFactory(factory.django.DjangoModelFactory):
    """A completed training in a worker's record. Trait: `planned=True`."""

    class Meta:
        model = TrainingRecord

    worker = factory.SubFactory(UserFactory)
    status = RecordStatus.COMPLETED
    training = factory.SubFactory(TrainingFactory, level="mbo3")
    year_completed = 2021

    class Params:
        planned = factory.Trait(
            status=RecordStatus.PLANNED,
            year_completed=None,
            planned_start=datetime.date(2027, 9, 1),
        )
