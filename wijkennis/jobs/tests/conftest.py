import pytest

from .factories import JobDescriptionFactory


@pytest.fixture
def job_a(people):
    """A job description of organisation A, made by its coordinator."""
    return JobDescriptionFactory(organisation=people.org_a, created_by=people.coordinator)
