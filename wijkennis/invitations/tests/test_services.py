"""Invite → e-mail → accept, and everything that makes a link stop working."""

import hashlib
import re
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.factories import MembershipFactory, UserFactory
from wijkennis.accounts.models import User
from wijkennis.core.models import AuditEvent
from wijkennis.invitations import services
from wijkennis.invitations.models import Invitation, InvitationStatus
from wijkennis.organisations.models import Membership, Role, Team

from .helpers import NEW_PASSWORD, invite

LINK = re.compile(r"https?://\S+/uitnodigingen/welkom/(?P<token>[\w-]+)/")


def test_full_flow_invite_mail_accept(people, mailoutbox, django_capture_on_commit_callbacks):
    team = Team.objects.create(organisation=people.org_a, name="Wijkteam Noord")
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = services.invite(
            people.coordinator,
            email="  Lieke@A.test ",
            organisation=people.org_a,
            role=Role.ERVARINGSWERKER,
            team=team,
            first_name="Lieke",
            base_url="https://wijkennis.example.nl/",
        )
    assert invitation.email == "lieke@a.test"
    assert invitation.status == InvitationStatus.PENDING
    assert invitation.times_sent == 1 and invitation.last_sent_at is not None
    assert invitation.invited_by == people.coordinator

    # The e-mail holds the absolute link with the token; the database only its hash.
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["lieke@a.test"]
    link = LINK.search(message.body)
    assert link and link.group(0).startswith("https://wijkennis.example.nl/uitnodigingen/welkom/")
    assert link.group("token") == token
    assert "Welzijn Testdam" in message.body
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = Invitation.objects.filter(pk=invitation.pk).values().get()
    assert token not in [str(value) for value in stored.values()]

    user = services.accept_with_password(
        token, first_name="Lieke", last_name="de Vries", password=NEW_PASSWORD
    )
    assert user.email == "lieke@a.test"
    assert user.check_password(NEW_PASSWORD)
    assert (user.first_name, user.last_name) == ("Lieke", "de Vries")
    membership = Membership.objects.get(user=user)
    assert (membership.organisation, membership.role, membership.team) == (
        people.org_a,
        Role.ERVARINGSWERKER,
        team,
    )
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    assert invitation.accepted_by == user
    actions = set(
        AuditEvent.objects.filter(object_id=invitation.pk).values_list("action", flat=True)
    )
    assert actions == {"invitations.invited", "invitations.accepted"}


def test_mail_goes_out_only_after_commit(people, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        invite(people)
    assert mailoutbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mailoutbox) == 1


def test_link_uses_site_url_setting_or_the_default(
    people, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.WIJKENNIS_SITE_URL = "https://wk.gemeente.nl/"
    with django_capture_on_commit_callbacks(execute=True):
        _inv, token = invite(people, email="een@a.test")
    assert f"https://wk.gemeente.nl/uitnodigingen/welkom/{token}/" in mailoutbox[-1].body
    del settings.WIJKENNIS_SITE_URL
    with django_capture_on_commit_callbacks(execute=True):
        _inv, token = invite(people, email="twee@a.test")
    assert f"http://127.0.0.1:8000/uitnodigingen/welkom/{token}/" in mailoutbox[-1].body


def test_link_expires_after_the_configured_days(people, settings):
    settings.WIJKENNIS_INVITATION_DAYS = 3
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        invitation, token = invite(people)
    assert invitation.expires_at == start + timedelta(days=3)
    with time_machine.travel(start + timedelta(days=3) - timedelta(minutes=1), tick=False):
        assert services.invitation_for_token(token) == invitation
    with time_machine.travel(start + timedelta(days=3, seconds=1), tick=False):
        with pytest.raises(services.InvitationError) as refused:
            services.invitation_for_token(token)
        assert refused.value.reason == "expired"
        with pytest.raises(services.InvitationError):
            services.accept_with_password(
                token, first_name="Laat", last_name="", password=NEW_PASSWORD
            )
        assert Invitation.objects.with_status(InvitationStatus.EXPIRED).get() == invitation
    assert not User.objects.filter(email="nieuw@a.test").exists()


def test_default_expiry_is_fourteen_days(people, settings):
    if hasattr(settings, "WIJKENNIS_INVITATION_DAYS"):
        del settings.WIJKENNIS_INVITATION_DAYS
    invitation, _token = invite(people)
    assert invitation.expires_at - invitation.created_at == timedelta(days=14)


def test_used_link_cannot_be_used_again(people):
    _inv, token = invite(people)
    services.accept_with_password(token, first_name="Eerste", last_name="", password=NEW_PASSWORD)
    with pytest.raises(services.InvitationError) as refused:
        services.accept_with_password(
            token, first_name="Tweede", last_name="", password=NEW_PASSWORD
        )
    assert refused.value.reason == "accepted"
    with pytest.raises(services.InvitationError):
        services.accept(token, user=people.anouk)
    assert User.objects.filter(email="nieuw@a.test").get().first_name == "Eerste"


def test_revoked_link_stops_working(people):
    invitation, token = invite(people)
    services.revoke(people.coordinator, invitation)
    with pytest.raises(services.InvitationError) as refused:
        services.invitation_for_token(token)
    assert refused.value.reason == "revoked"
    services.revoke(people.coordinator, invitation)  # twice: nothing changes
    assert AuditEvent.objects.filter(action="invitations.revoked").count() == 1


def test_unknown_token_is_refused(db):
    for token in ("", "bestaat-niet"):
        with pytest.raises(services.InvitationError) as refused:
            services.invitation_for_token(token)
        assert refused.value.reason == "unknown"
        assert str(refused.value)


def test_resend_makes_a_new_link_and_the_old_one_stops(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        invitation, old = invite(people)
    later = start + timedelta(days=20)  # the first link has expired by now
    with time_machine.travel(later, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            new = services.resend(people.coordinator, invitation)
        invitation.refresh_from_db()
        assert new != old
        assert invitation.expires_at == later + timedelta(days=14)
        assert invitation.times_sent == 2 and invitation.last_sent_at == later
        assert LINK.search(mailoutbox[-1].body).group("token") == new
        with pytest.raises(services.InvitationError) as refused:
            services.invitation_for_token(old)
        assert refused.value.reason == "unknown"
        assert services.invitation_for_token(new) == invitation


def test_accepted_or_revoked_invitations_are_not_resent(people):
    accepted, token = invite(people, email="een@a.test")
    services.accept_with_password(token, first_name="Een", last_name="", password=NEW_PASSWORD)
    revoked, _token = invite(people, email="twee@a.test")
    services.revoke(people.coordinator, revoked)
    for invitation in (accepted, revoked):
        invitation.refresh_from_db()
        with pytest.raises(ValidationError):
            services.resend(people.coordinator, invitation)
    with pytest.raises(ValidationError):
        services.revoke(people.coordinator, accepted)


def test_refuses_a_second_open_invitation_and_existing_members(people):
    invite(people, email="dubbel@a.test")
    with pytest.raises(ValidationError) as duplicate:
        invite(people, email="DUBBEL@a.test")
    assert "email" in duplicate.value.message_dict
    with pytest.raises(ValidationError) as member:
        invite(people, email="Anouk@A.test", role=Role.ERVARINGSWERKER)
    assert "email" in member.value.message_dict
    # Another role for the same person is a new invitation.
    invite(people, email="dubbel@a.test", role=Role.COLLEGA)
    invite(people, email="anouk@a.test", role=Role.COLLEGA)
    assert Invitation.objects.count() == 3


def test_an_expired_or_revoked_invitation_does_not_block_a_new_one(people):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        invite(people, email="opnieuw@a.test")
    with time_machine.travel(start + timedelta(days=15), tick=False):
        revoked, _token = invite(people, email="opnieuw@a.test")
        services.revoke(people.coordinator, revoked)
        invite(people, email="opnieuw@a.test")
    assert Invitation.objects.filter(email="opnieuw@a.test").count() == 3


def test_bad_input_is_named_by_field(people):
    other_team = Team.objects.create(organisation=people.org_b, name="Team B")
    with pytest.raises(ValidationError) as bad:
        invite(people, email="geen-adres", team=other_team)
    assert set(bad.value.message_dict) == {"email", "team"}
    with pytest.raises(ValidationError) as too_long:
        invite(people, email="a" * 60 + "@" + "b" * 60 + "." + "c" * 60 + "." + "d" * 80 + ".nl")
    assert set(too_long.value.message_dict) == {"email"}
    assert not Invitation.objects.exists()


def test_signed_in_person_accepts_case_insensitively(people):
    invitation, token = invite(people, email="ANOUK@a.test", role=Role.COLLEGA)
    people.anouk.email = "Anouk@A.test"  # as typed once, before e-mails were lower case
    membership = services.accept(token, user=people.anouk)
    assert (membership.user, membership.role) == (people.anouk, Role.COLLEGA)
    invitation.refresh_from_db()
    assert invitation.accepted_by == people.anouk


def test_invitation_for_another_address_is_refused(people):
    invitation, token = invite(people, email="iemand@a.test")
    with pytest.raises(services.InvitationError) as refused:
        services.accept(token, user=people.bram)
    assert refused.value.reason == "other_account"
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING
    assert not Membership.objects.filter(user=people.bram, organisation=people.org_a).exists()


def test_existing_account_must_log_in_first(people):
    _inv, token = invite(people, email="anouk@a.test", role=Role.COLLEGA)
    with pytest.raises(services.InvitationError) as refused:
        services.accept_with_password(
            token, first_name="Iemand", last_name="Anders", password=NEW_PASSWORD
        )
    assert refused.value.reason == "account_exists"
    people.anouk.refresh_from_db()
    assert people.anouk.first_name == "Anouk"
    assert people.anouk.check_password("een-lang-test-wachtwoord-42")
    assert services.invitation_for_token(token)  # still open


@pytest.mark.parametrize("password", ["12345678", "kort", "password"])
def test_weak_password_is_refused_and_nothing_is_made(people, password):
    _inv, token = invite(people)
    with pytest.raises(ValidationError) as refused:
        services.accept_with_password(token, first_name="Lieke", last_name="", password=password)
    assert "password" in refused.value.message_dict
    assert not User.objects.filter(email="nieuw@a.test").exists()
    assert services.invitation_for_token(token)


def test_first_name_is_required(people):
    _inv, token = invite(people)
    with pytest.raises(ValidationError) as refused:
        services.accept_with_password(token, first_name=" ", last_name="", password=NEW_PASSWORD)
    assert "first_name" in refused.value.message_dict


# ── who may invite what ─────────────────────────────────────────────────


@pytest.mark.parametrize(
    "role", [Role.ERVARINGSWERKER, Role.COLLEGA, Role.COORDINATOR, Role.MANAGER]
)
def test_coordinator_invites_the_roles_of_the_work_floor(people, role):
    invitation, _token = invite(people, email=f"nieuw-{role}@a.test", role=role)
    assert invitation.role == role


@pytest.mark.parametrize("role", [Role.BEHEERDER, Role.BELEIDSMEDEWERKER, Role.ONDERZOEKER])
def test_coordinator_may_not_invite_other_roles(people, role):
    with pytest.raises(PermissionDenied):
        invite(people, email="x@a.test", role=role)
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("person", ["coordinator_b", "anouk", "colleague", "policy_officer"])
def test_others_may_not_invite_for_organisation_a(people, person):
    with pytest.raises(PermissionDenied):
        services.invite(
            getattr(people, person),
            email="x@a.test",
            organisation=people.org_a,
            role=Role.ERVARINGSWERKER,
        )


def test_beheerder_invites_any_role_in_their_organisation_only(people):
    beheerder = UserFactory()
    MembershipFactory(user=beheerder, organisation=people.org_a, role=Role.BEHEERDER)
    invitation, _token = services.invite(
        beheerder, email="nieuwe-beheerder@a.test", organisation=people.org_a, role=Role.BEHEERDER
    )
    assert invitation.role == Role.BEHEERDER
    with pytest.raises(PermissionDenied):
        services.invite(
            beheerder, email="x@b.test", organisation=people.org_b, role=Role.ERVARINGSWERKER
        )


def test_staff_invites_any_role_anywhere(people):
    invitation, _token = services.invite(
        people.admin, email="beheer@b.test", organisation=people.org_b, role=Role.BEHEERDER
    )
    assert invitation.organisation == people.org_b


def test_resend_and_revoke_are_for_managers_of_the_organisation(people):
    invitation, _token = invite(people)
    for person in (people.coordinator_b, people.anouk):
        with pytest.raises(PermissionDenied):
            services.resend(person, invitation)
        with pytest.raises(PermissionDenied):
            services.revoke(person, invitation)
    # A coordinator cannot withdraw an invitation for a role they could not give.
    admin_made, _token = services.invite(
        people.admin, email="nieuw-beheer@a.test", organisation=people.org_a, role=Role.BEHEERDER
    )
    with pytest.raises(PermissionDenied):
        services.revoke(people.coordinator, admin_made)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING
