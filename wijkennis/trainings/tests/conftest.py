import pytest

from wijkennis.trainings.models import Training

from .factories import TrainingFactory, TrainingRecordFactory


@pytest.fixture
def empty_catalogue(db):
    """The catalogue without the seed trainings, so each test states what is in it."""
    Training.objects.all().delete()


@pytest.fixture
def anouks_record(people):
    """Anouk (organisation A) completed an MBO 3 and plans an associate degree."""
    completed = TrainingRecordFactory(
        worker=people.anouk, level_obtained="mbo3", diploma_obtained="Mbo-diploma niveau 3"
    )
    planned = TrainingRecordFactory(
        worker=people.anouk, planned=True, training=TrainingFactory(name="AD Ervaring", level="ad")
    )
    return completed, planned
