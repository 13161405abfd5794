"""services.sign_in: which user an organisation account is, called directly."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from wijkennis.organisations.models import Membership, Role
from wijkennis.sso.models import OidcIdentity
from wijkennis.sso.services import SsoRefused, sign_in
from wijkennis.sso.tests.helpers import offline_provider_for


@pytest.fixture
def offline_provider(people):
    """A provider that is never called: sign_in only gets claims."""
    return offline_provider_for(people.org_a, create_users=True)


def refused(provider, claims, **kwargs) -> str:
    with pytest.raises(SsoRefused) as raised:
        sign_in(provider, claims, **kwargs)
    return raised.value.reason


def test_linked_subject_wins_over_email(people, offline_provider):
    OidcIdentity.objects.create(provider=offline_provider, subject="42", user=people.colleague)

    result = sign_in(offline_provider, {"sub": "42", "email": "anouk@a.test"})

    assert (result.user, result.outcome) == (people.colleague, "identity")
    assert OidcIdentity.objects.get(subject="42").last_login_at is not None


def test_email_is_matched_without_case(people, offline_provider):
    result = sign_in(offline_provider, {"sub": "7", "email": "Anouk@A.test"})
    assert (result.user, result.outcome) == (people.anouk, "linked")


def test_same_subject_at_another_provider_is_another_account(people, offline_provider):
    OidcIdentity.objects.create(provider=offline_provider, subject="42", user=people.colleague)
    other = offline_provider_for(people.org_b, host="other.example.test")
    result = sign_in(other, {"sub": "42", "email": "bram@b.test"})
    assert result.user == people.bram


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        ({"email": "anouk@a.test"}, "rejected"),  # no subject
        ({"sub": "1"}, "no_email"),
        ({"sub": "1", "email": "anouk@a.test", "email_verified": False}, "email_not_verified"),
        ({"sub": "1", "email": "anouk@a.test", "email_verified": "false"}, "email_not_verified"),
        ({"sub": "1", "email": "bram@b.test"}, "other_organisation"),
    ],
)
def test_refusals(people, offline_provider, claims, reason):
    assert refused(offline_provider, claims) == reason
    assert not OidcIdentity.objects.exists()


def test_verified_as_a_string_is_accepted(people, offline_provider):
    claims = {"sub": "1", "email": "anouk@a.test", "email_verified": "true"}
    assert sign_in(offline_provider, claims).user == people.anouk


def test_switched_off_account_is_refused(people, offline_provider):
    people.anouk.is_active = False
    people.anouk.save()
    assert refused(offline_provider, {"sub": "1", "email": "anouk@a.test"}) == "inactive"
    OidcIdentity.objects.create(provider=offline_provider, subject="2", user=people.anouk)
    assert refused(offline_provider, {"sub": "2"}) == "inactive"


def test_new_account_gets_the_default_role_and_nothing_more(people, offline_provider):
    offline_provider.default_role = Role.ERVARINGSWERKER
    offline_provider.save()

    result = sign_in(offline_provider, {"sub": "9", "email": "nieuw@a.test"})

    assert result.outcome == "created"
    assert not result.user.is_staff and not result.user.is_superuser
    assert list(Membership.objects.filter(user=result.user).values_list("role", flat=True)) == [
        Role.ERVARINGSWERKER
    ]


def test_no_new_account_when_creation_is_off(people, offline_provider):
    offline_provider.create_users = False
    offline_provider.save()
    assert refused(offline_provider, {"sub": "9", "email": "nieuw@a.test"}) == "no_account"
    assert not people.anouk.__class__.objects.filter(email="nieuw@a.test").exists()


def test_beheerder_is_never_the_default_role(people, offline_provider):
    offline_provider.default_role = Role.BEHEERDER
    with pytest.raises(ValidationError) as raised:
        offline_provider.full_clean()
    assert "default_role" in raised.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        offline_provider.save()


def test_jwks_endpoint_is_needed_for_rs256(people, offline_provider):
    offline_provider.jwks_endpoint = ""
    with pytest.raises(ValidationError) as raised:
        offline_provider.full_clean()
    assert "jwks_endpoint" in raised.value.message_dict
    offline_provider.signing_algorithm = "HS256"
    offline_provider.full_clean()


def test_secret_comes_from_the_environment(people, offline_provider, monkeypatch):
    assert offline_provider.client_secret() is None
    monkeypatch.setenv("UNUSED", "s3cret")
    assert offline_provider.client_secret() == "s3cret"
