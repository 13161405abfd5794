"""Shared test fixtures: the people of DESIGN §2, each test says who acts."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache, caches

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from wijkennis.organisations.models import OrganisationKind, Role

PASSWORD = "een-lang-test-wachtwoord-42"


@dataclass
class People:
    org_a: object
    org_b: object
    municipality: object
    research: object
    anouk: object  # ervaringswerker, organisation A
    coordinator: object  # coordinator / kwartiermaker, organisation A
    colleague: object  # professional colleague, organisation A
    bram: object  # ervaringswerker, organisation B
    coordinator_b: object
    colleague_b: object
    policy_officer: object  # municipality that funds A
    policy_officer_other: object  # a municipality that does not fund A
    researcher: object
    admin: object  # beheerder
    anonymous: object

    def roles(self) -> dict[str, object]:
        return {
            "anouk": self.anouk,
            "coordinator": self.coordinator,
            "colleague": self.colleague,
            "bram": self.bram,
            "coordinator_b": self.coordinator_b,
            "colleague_b": self.colleague_b,
            "policy_officer": self.policy_officer,
            "policy_officer_other": self.policy_officer_other,
            "researcher": self.researcher,
            "admin": self.admin,
            "anonymous": self.anonymous,
        }


@pytest.fixture(autouse=True)
def fresh_cache():
    """A rolled-back test leaves its cached values (and generation tokens) behind: start empty,
    so no test sees another's search results, vocabulary index or rate-limit counts."""
    cache.clear()
    caches["search_pages"].clear()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Argon2 is deliberately slow; tests that check hashing set it back themselves.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def people(db) -> People:
    municipality = OrganisationFactory(name="Gemeente Testdam", kind=OrganisationKind.MUNICIPALITY)
    org_a = OrganisationFactory(name="Welzijn Testdam", kind=OrganisationKind.SOCIAL_WORK)
    org_a.funded_by.add(municipality)
    org_b = OrganisationFactory(name="Schuldhulp Oostrand", kind=OrganisationKind.DEBT_SUPPORT)
    research = OrganisationFactory(name="Lectoraat Testdam", kind=OrganisationKind.RESEARCH)
    other_municipality = OrganisationFactory(
        name="Gemeente Verweg", kind=OrganisationKind.MUNICIPALITY
    )
    org_b.funded_by.add(other_municipality)

    def person(email, first, last, organisation, role, **extra):
        user = UserFactory(email=email, first_name=first, last_name=last, **extra)
        MembershipFactory(user=user, organisation=organisation, role=role)
        return user

    return People(
        org_a=org_a,
        org_b=org_b,
        municipality=municipality,
        research=research,
        anouk=person("anouk@a.test", "Anouk", "Verbeek", org_a, Role.ERVARINGSWERKER),
        coordinator=person("coordinator@a.test", "Sanne", "Hoekstra", org_a, Role.COORDINATOR),
        colleague=person("collega@a.test", "Youssef", "Benali", org_a, Role.COLLEGA),
        bram=person("bram@b.test", "Bram", "Oosterhuis", org_b, Role.ERVARINGSWERKER),
        coordinator_b=person("coordinator@b.test", "Lotte", "Smit", org_b, Role.COORDINATOR),
        colleague_b=person("collega@b.test", "Mehmet", "Kaya", org_b, Role.COLLEGA),
        policy_officer_other=person(
            "beleid@verweg.test", "Karin", "Bos", other_municipality, Role.BELEIDSMEDEWERKER
        ),
        policy_officer=person(
            "beleid@gemeente.test", "Marloes", "Dekker", municipality, Role.BELEIDSMEDEWERKER
        ),
        researcher=person("onderzoek@r.test", "Tobias", "Wering", research, Role.ONDERZOEKER),
        admin=person(
            "beheer@gemeente.test",
            "Ruud",
            "Claassen",
            municipality,
            Role.BEHEERDER,
            is_staff=True,
            is_superuser=True,
        ),
        anonymous=AnonymousUser(),
    )
