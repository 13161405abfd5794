"""`wijkennis demo` fills every part of the product with something to look at."""

import io

import pytest
from django.core.management import call_command

from wijkennis.deployment.models import DeploymentPlan
from wijkennis.jobs.models import JobDescription
from wijkennis.knowledge.models import KnowledgeItem
from wijkennis.knowledge.patterns import patterns_for
from wijkennis.readiness.models import ScanRound
from wijkennis.vocabulary.models import Concept


@pytest.mark.slow
def test_the_demo_has_stories_knowledge_patterns_and_kwartiermaken(db):
    out = io.StringIO()
    call_command("demo", "--stories", "4", stdout=out)
    assert "wijkennis-demo" in out.getvalue()
    assert KnowledgeItem.objects.count() == 2
    situation = Concept.objects.get(slug="schoenendoos-ongeopende-post")
    assert all(pattern.total >= 5 for pattern in patterns_for(situation))
    assert patterns_for(situation)
    assert ScanRound.objects.get().responses.count() >= 2
    assert DeploymentPlan.objects.count() == 1 and JobDescription.objects.count() == 1
    call_command("demo", "--stories", "4", "--if-empty", stdout=io.StringIO())
    assert KnowledgeItem.objects.count() == 2  # nothing twice
