import pytest

from tests.factories import UserFactory
from wijkennis.trainings.demo import RECORDS, add_demo_records
from wijkennis.trainings.models import TrainingRecord


@pytest.mark.django_db
def test_demo_records_are_added_once():
    for email in {row[0] for row in RECORDS}:
        UserFactory(email=email)
    assert add_demo_records() == len(RECORDS)
    assert add_demo_records() == 0
    assert TrainingRecord.objects.count() == len(RECORDS)
    anouk = TrainingRecord.objects.filter(worker__email="anouk@wijkennis.demo")
    assert {r.status for r in anouk} == {"afgerond", "gepland"}
