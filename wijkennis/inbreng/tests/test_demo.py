"""The demo inbreng: created through the services, in several statuses, only once."""

import pytest
from django.core import mail

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from wijkennis.inbreng.demo import add_demo_inbreng
from wijkennis.inbreng.models import Contribution, Status
from wijkennis.inbreng.stats import accountability_figures
from wijkennis.organisations.models import OrganisationKind, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_people():
    municipality = OrganisationFactory(kind=OrganisationKind.MUNICIPALITY)
    organisations = [OrganisationFactory() for _ in range(3)]
    for organisation in organisations:
        organisation.funded_by.add(municipality)
    people = [
        ("anouk", organisations[0], Role.ERVARINGSWERKER),
        ("coordinator", organisations[0], Role.COORDINATOR),
        ("bram", organisations[1], Role.ERVARINGSWERKER),
        ("ilse", organisations[1], Role.ERVARINGSWERKER),
        ("dewi", organisations[2], Role.ERVARINGSWERKER),
        ("beleid", municipality, Role.BELEIDSMEDEWERKER),
    ]
    for name, organisation, role in people:
        MembershipFactory(
            user=UserFactory(email=f"{name}@wijkennis.demo"), organisation=organisation, role=role
        )
    return municipality


def test_demo_inbreng_in_every_status(demo_people):
    created = add_demo_inbreng()
    assert len(created) == 8
    statuses = set(Contribution.objects.values_list("status", flat=True))
    assert statuses == set(Status.values)
    to_municipality = Contribution.objects.filter(recipient_organisation=demo_people)
    figures = accountability_figures(to_municipality)
    assert figures["total"] == 7 and figures["median_response_days"] is not None
    assert Contribution.objects.overdue().count() == 1
    assert add_demo_inbreng() == []  # only once
    assert not mail.outbox  # demo data sends no e-mail
