"""An invitation accepted by logging in with the organisation account."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from wijkennis.invitations.models import Invitation, hash_token
from wijkennis.organisations.models import Membership, Role
from wijkennis.sso.models import OidcIdentity
from wijkennis.sso.services import SESSION_INVITATION, login_url_for_invitation

from .helpers import as_test_client_path, log_in_at_provider, logged_in_user_id, provider_for

TOKEN = "een-willekeurig-uitnodigingstoken-voor-de-test"


@pytest.fixture
def invitation(people):
    return Invitation.objects.create(
        email="uitgenodigd@a.test",
        organisation=people.org_a,
        role=Role.ERVARINGSWERKER,
        invited_by=people.coordinator,
        token_hash=hash_token(TOKEN),
    )


def accept_through_provider(client, invitation, email):
    url = login_url_for_invitation(invitation, TOKEN)
    start = client.get(url)
    assert start.status_code == 302
    assert client.session[SESSION_INVITATION] == TOKEN
    callback, _browser = log_in_at_provider(start["Location"], email)
    return client.get(as_test_client_path(callback))


def test_login_url_only_for_an_organisation_with_a_provider(people, invitation, provider):
    url = urlsplit(login_url_for_invitation(invitation, TOKEN))
    assert url.path == reverse("sso:start", args=[people.org_a.pk])
    assert parse_qs(url.query) == {"invitation": [TOKEN]}
    provider.enabled = False
    provider.save()
    assert login_url_for_invitation(invitation, TOKEN) is None


def test_invitation_accepted_through_sso_creates_the_invited_membership(
    client, people, invitation, provider
):
    assert not provider.create_users  # the invitation is what lets this person in

    response = accept_through_provider(client, invitation, "uitgenodigd@a.test")

    assert response.status_code == 302 and response["Location"] == reverse("core:home")
    user = OidcIdentity.objects.select_related("user").get(provider=provider).user
    assert logged_in_user_id(client) == str(user.pk)
    assert (user.email, user.first_name) == ("uitgenodigd@a.test", "Ilse")
    assert list(Membership.objects.filter(user=user).values_list("organisation", "role")) == [
        (people.org_a.pk, Role.ERVARINGSWERKER)
    ]
    invitation.refresh_from_db()
    assert invitation.accepted_by == user and invitation.accepted_at is not None
    assert SESSION_INVITATION not in client.session


def test_invitation_for_another_address_is_refused(client, people, invitation, provider):
    provider.create_users = True  # even so: the invitation was for someone else
    provider.save()

    response = accept_through_provider(client, invitation, "nieuw@a.test")

    assert response["Location"] == reverse("accounts:login")
    assert logged_in_user_id(client) is None
    assert not people.anouk.__class__.objects.filter(email="nieuw@a.test").exists()
    assert not OidcIdentity.objects.exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert len(list(get_messages(response.wsgi_request))) == 1
    assert SESSION_INVITATION not in client.session


def test_existing_member_accepts_a_second_role(client, people, provider):
    Invitation.objects.create(
        email="anouk@a.test",
        organisation=people.org_a,
        role=Role.COORDINATOR,
        token_hash=hash_token(TOKEN),
    )
    start = client.get(reverse("sso:start", args=[people.org_a.pk]), {"invitation": TOKEN})
    callback, _browser = log_in_at_provider(start["Location"], "anouk@a.test")

    client.get(as_test_client_path(callback))

    assert logged_in_user_id(client) == str(people.anouk.pk)
    assert set(Membership.objects.filter(user=people.anouk).values_list("role", flat=True)) == {
        Role.ERVARINGSWERKER,
        Role.COORDINATOR,
    }


def test_unusable_invitation_link_is_refused_at_the_start(client, people, provider, invitation):
    invitation.accepted_at = invitation.created_at
    invitation.save()

    response = client.get(reverse("sso:start", args=[people.org_a.pk]), {"invitation": TOKEN})

    assert response["Location"] == reverse("accounts:login")
    assert SESSION_INVITATION not in client.session
    response = client.get(reverse("sso:start", args=[people.org_a.pk]), {"invitation": "nee"})
    assert response["Location"] == reverse("accounts:login")


def test_invitation_page_offers_the_organisation_login(client, people, invitation, oidc_server):
    accept_page = reverse("invitations:accept", args=[TOKEN])
    assert 'id="invitation-sso"' not in client.get(accept_page).content.decode()
    provider_for(people.org_a, oidc_server)

    page = client.get(accept_page).content.decode()

    assert 'id="invitation-sso"' in page
    start = login_url_for_invitation(invitation, TOKEN)
    assert f'href="{start.replace("&", "&amp;")}"' in page
