"""Who sees and manages invitations: coordinators and beheerders of the organisation, and staff.
Everyone else gets a 403 on the pages and a 404 for another organisation's invitation."""

import pytest
from django.urls import reverse

from wijkennis.invitations.models import Invitation, InvitationStatus

from .helpers import invite

PAGES = ["invitations:list", "invitations:create", "invitations:import", "invitations:example_csv"]


def test_visible_to(people):
    invitation, _token = invite(people)
    assert list(Invitation.objects.visible_to(people.coordinator)) == [invitation]
    assert list(Invitation.objects.visible_to(people.admin)) == [invitation]
    for person in (
        "anouk",
        "colleague",
        "coordinator_b",
        "policy_officer",
        "researcher",
        "anonymous",
    ):
        assert not Invitation.objects.visible_to(getattr(people, person)).exists(), person


@pytest.mark.parametrize("person", ["anouk", "colleague", "bram", "policy_officer", "researcher"])
def test_pages_are_403_for_people_who_do_not_invite(client, people, person):
    client.force_login(getattr(people, person))
    for name in PAGES:
        assert client.get(reverse(name)).status_code == 403, name


def test_pages_ask_anonymous_visitors_to_log_in(client, db):
    for name in PAGES:
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith("/account/inloggen/")


@pytest.mark.parametrize("person", ["coordinator_b", "anouk", "colleague_b"])
def test_other_organisations_cannot_touch_an_invitation(client, people, person):
    invitation, token = invite(people)
    client.force_login(getattr(people, person))
    for name in ("invitations:resend", "invitations:revoke"):
        assert client.post(reverse(name, args=[invitation.pk])).status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING and invitation.times_sent == 1
    assert b"nieuw@a.test" not in client.get(reverse("core:home")).content


def test_anonymous_cannot_resend_or_revoke(client, people):
    invitation, _token = invite(people)
    for name in ("invitations:resend", "invitations:revoke"):
        response = client.post(reverse(name, args=[invitation.pk]))
        assert response.status_code == 302 and "/account/inloggen/" in response.url
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


def test_coordinator_cannot_revoke_a_beheerder_invitation(client, people):
    from wijkennis.invitations import services
    from wijkennis.organisations.models import Role

    invitation, _token = services.invite(
        people.admin, email="beheer@a.test", organisation=people.org_a, role=Role.BEHEERDER
    )
    client.force_login(people.coordinator)
    page = client.get(reverse("invitations:list")).content.decode()
    assert f'data-invitation="{invitation.pk}"' in page  # seen, but no buttons
    assert reverse("invitations:revoke", args=[invitation.pk]) not in page
    assert client.post(reverse("invitations:revoke", args=[invitation.pk])).status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


def test_coordinator_b_only_chooses_organisation_b(client, people):
    client.force_login(people.coordinator_b)
    form = client.get(reverse("invitations:create")).context["form"]
    assert list(form.fields["organisation"].queryset) == [people.org_b]
    assert not form.fields["team"].queryset.exclude(organisation=people.org_b).exists()
