import pytest
from django.core.management import call_command

from wijkennis.intervision.demo import add_demo_intervision
from wijkennis.intervision.models import IntervisionGroup, Lesson


@pytest.mark.slow
def test_demo_intervision(db):
    call_command("demo", stories=0, verbosity=0)
    add_demo_intervision()
    groups = IntervisionGroup.objects.all()
    assert groups.count() == 2
    for group in groups:
        assert group.members.active().values("organisation").distinct().count() >= 2
        assert group.sessions.count() == 2
    assert Lesson.objects.count() == 2
    assert add_demo_intervision() == []  # again: nothing new
