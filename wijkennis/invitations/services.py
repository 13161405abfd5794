"""Writes of invitations: invite, resend, revoke, accept, and a bulk invite from a CSV file.

Acting outside one's role raises PermissionDenied; bad input a ValidationError whose keys name
the form field; a link that cannot be used an `InvitationError`. E-mails are sent after the
transaction commits, so a failed import sends nothing. Tokens live only in the e-mail and in
memory: the database keeps a hash (`Invitation.token_hash`).
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wijkennis.core.mail import queue_emails
from wijkennis.core.models import record_event
from wijkennis.organisations.models import Membership, Organisation, Role, Team

from .csv_import import CsvImportError, RowError, read_rows
from .models import Invitation, InvitationStatus, hash_token, invitable_roles, invitation_days

DEFAULT_SITE_URL = "http://127.0.0.1:8000"


class InvitationError(Exception):
    """The link cannot be used. `reason` is one of: unknown, accepted, expired, revoked,
    other_account, account_exists, inactive; `message` says what to do, in plain language."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
        self.message = message


# ── helpers ──────────────────────────────────────────────────────────────


def new_token() -> str:
    return secrets.token_urlsafe(32)


def accept_url(token: str, base_url: str | None = None) -> str:
    base = base_url or getattr(settings, "WIJKENNIS_SITE_URL", "") or DEFAULT_SITE_URL
    return base.rstrip("/") + reverse("invitations:accept", kwargs={"token": token})


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def _check_may_manage(user, invitation: Invitation) -> None:
    if invitation.role not in invitable_roles(user, invitation.organisation):
        raise PermissionDenied


def _message(invitation: Invitation, token: str, base_url: str | None) -> EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):
        return EmailMessage(
            subject=_("You are invited to Wijkennis"),
            body=render_to_string(
                "invitations/email/invitation.txt",
                {
                    "invitation": invitation,
                    "inviter": invitation.invited_by,
                    "role": invitation.get_role_display(),
                    "url": accept_url(token, base_url),
                },
            ),
            to=[invitation.email],
        )


def _send_after_commit(messages: list[EmailMessage]) -> None:
    """Send once the transaction is committed; nothing goes out when it is rolled back."""
    queue_emails(messages, after_commit=True)  # background work (wijkennis.core.tasks)


class _Checker:
    """The checks that an invitation to `organisation` may be made; loads what it needs once
    (for a CSV import of many rows)."""

    def __init__(self, inviter, organisation: Organisation):
        self.organisation = organisation
        self.allowed = set(invitable_roles(inviter, organisation))
        if not self.allowed:
            raise PermissionDenied
        self.open = {
            (email, role)
            for email, role in Invitation.objects.pending()
            .filter(organisation=organisation)
            .values_list("email", "role")
        }
        self.members = {
            (email.lower(), role)
            for email, role in Membership.objects.filter(organisation=organisation).values_list(
                "user__email", "role"
            )
        }

    def problems(self, email: str, role: str, team: Team | None) -> dict[str, str]:
        """{field: reason} for what is wrong; empty when the invitation may be made."""
        found = {}
        try:
            validate_email(email)
            if len(email) > Invitation._meta.get_field("email").max_length:
                raise ValidationError("too long")
        except ValidationError:
            found["email"] = _("This is not a valid e-mail address.")
        if role not in Role.values:
            found["role"] = _("This role does not exist.")
        elif role not in self.allowed:
            found["role"] = _("You may not invite people for this role.")
        if team is not None and team.organisation_id != self.organisation.pk:
            found["team"] = _("This team is not part of the organisation.")
        if "email" not in found and "role" not in found:
            if (email, role) in self.members:
                found["email"] = _("This person is already a member with this role.")
            elif (email, role) in self.open:
                found["email"] = _(
                    "This person already has an open invitation for this role. "
                    "You can send it again from the list."
                )
        return found


def _create(inviter, organisation, *, email, role, team, first_name, now) -> tuple:
    token = new_token()
    invitation = Invitation.objects.create(
        email=email,
        organisation=organisation,
        role=role,
        team=team,
        first_name=first_name,
        invited_by=inviter,
        created_at=now,
        expires_at=now + timedelta(days=invitation_days()),
        token_hash=hash_token(token),
        times_sent=1,
        last_sent_at=now,
    )
    record_event(inviter, "invitations.invited", invitation, detail=f"role={role}")
    return invitation, token


# ── invite, resend, revoke ───────────────────────────────────────────────


@transaction.atomic
def invite(
    inviter,
    *,
    email: str,
    organisation: Organisation,
    role: str,
    team: Team | None = None,
    first_name: str = "",
    base_url: str | None = None,
) -> tuple[Invitation, str]:
    """Invite one person; returns the invitation and the token (for the link). A role the
    inviter may not give (or an organisation they do not manage) raises PermissionDenied."""
    email = normalise_email(email)
    checker = _Checker(inviter, organisation)
    if role in Role.values and role not in checker.allowed:
        raise PermissionDenied
    problems = checker.problems(email, role, team)
    if problems:
        raise ValidationError(problems)
    invitation, token = _create(
        inviter,
        organisation,
        email=email,
        role=role,
        team=team,
        first_name=(first_name or "").strip(),
        now=timezone.now(),
    )
    _send_after_commit([_message(invitation, token, base_url)])
    return invitation, token


@transaction.atomic
def resend(inviter, invitation: Invitation, *, base_url: str | None = None) -> str:
    """A new link with a new expiry date; the old link stops working."""
    _check_may_manage(inviter, invitation)
    if not invitation.can_resend:
        raise ValidationError(_("This invitation can no longer be sent. It was used or revoked."))
    token = new_token()
    now = timezone.now()
    invitation.token_hash = hash_token(token)
    invitation.expires_at = now + timedelta(days=invitation_days())
    invitation.times_sent += 1
    invitation.last_sent_at = now
    invitation.save(update_fields=["token_hash", "expires_at", "times_sent", "last_sent_at"])
    record_event(inviter, "invitations.resent", invitation)
    _send_after_commit([_message(invitation, token, base_url)])
    return token


@transaction.atomic
def revoke(inviter, invitation: Invitation) -> None:
    """The link stops working. An accepted invitation cannot be revoked (remove the membership
    instead); revoking twice changes nothing."""
    _check_may_manage(inviter, invitation)
    if invitation.accepted_at:
        raise ValidationError(_("This invitation was already accepted."))
    if invitation.revoked_at:
        return
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    record_event(inviter, "invitations.revoked", invitation)


# ── accept ───────────────────────────────────────────────────────────────


def _ask_again() -> str:
    return _("Ask your coordinator to send you a new link.")


def _refusal(invitation: Invitation | None) -> InvitationError | None:
    if invitation is None:
        return InvitationError(
            "unknown",
            _("We do not know this link. Check that you copied the whole link from the e-mail.")
            + " "
            + _ask_again(),
        )
    status = invitation.status
    if status == InvitationStatus.ACCEPTED:
        return InvitationError(
            "accepted",
            _("This link was already used. You can log in with your account.")
            + " "
            + _("Did you not use it yourself? Ask your coordinator for help."),
        )
    if status == InvitationStatus.REVOKED:
        return InvitationError("revoked", _("This invitation was withdrawn.") + " " + _ask_again())
    if status == InvitationStatus.EXPIRED:
        return InvitationError("expired", _("This link is too old.") + " " + _ask_again())
    return None


def invitation_for_token(token: str, *, for_update: bool = False) -> Invitation:
    """The open invitation this link belongs to; raises InvitationError when it is unknown,
    used, expired or revoked."""
    invitations = Invitation.objects.select_related("organisation", "team", "invited_by")
    if for_update:
        invitations = invitations.select_for_update(of=("self",))
    invitation = invitations.filter(token_hash=hash_token(token or "")).first()
    refusal = _refusal(invitation)
    if refusal:
        raise refusal
    return invitation


def existing_account(invitation: Invitation):
    return get_user_model().objects.filter(email__iexact=invitation.email).first()


def _complete(invitation: Invitation, user) -> Membership:
    membership, _created = Membership.objects.get_or_create(
        user=user,
        organisation=invitation.organisation,
        role=invitation.role,
        defaults={"team": invitation.team},
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    record_event(user, "invitations.accepted", invitation)
    return membership


@transaction.atomic
def accept_with_password(token: str, *, first_name: str, last_name: str, password: str):
    """Make the account for a new person and add the membership. When an account with this
    e-mail address exists, they must log in first and then open the link again."""
    invitation = invitation_for_token(token, for_update=True)
    if existing_account(invitation) is not None:
        raise InvitationError(
            "account_exists",
            _(
                "There is already an account with this e-mail address. Log in first. "
                "Then open the link in the e-mail again."
            ),
        )
    first_name, last_name = (first_name or "").strip(), (last_name or "").strip()
    errors = {}
    if not first_name:
        errors["first_name"] = [_("Fill in your first name.")]
    User = get_user_model()
    candidate = User(email=invitation.email, first_name=first_name, last_name=last_name)
    try:
        validate_password(password, user=candidate)
    except ValidationError as error:
        errors["password"] = error.messages
    if errors:
        raise ValidationError(errors)
    user = User.objects.create_user(
        email=invitation.email, password=password, first_name=first_name, last_name=last_name
    )
    _complete(invitation, user)
    return user


@transaction.atomic
def accept(token: str, *, user) -> Membership:
    """Add the membership for a signed-in person (or one just signed in with their
    organisation's account) whose e-mail address is the invited one."""
    invitation = invitation_for_token(token, for_update=True)
    if not user.is_authenticated or not user.is_active:
        raise InvitationError("inactive", _("Log in first. Then open the link again."))
    if normalise_email(user.email) != invitation.email:
        raise InvitationError(
            "other_account",
            _(
                "This invitation is for another e-mail address. Log out, then open the link "
                "again. Or ask your coordinator to invite the address you use."
            ),
        )
    return _complete(invitation, user)


# ── bulk invite from a CSV file ──────────────────────────────────────────


@dataclass
class _Row:
    number: int
    email: str
    role: str
    team: Team | None
    first_name: str


def import_invitations_csv(
    inviter, organisation: Organisation, uploaded_file, *, base_url: str | None = None
) -> list[Invitation]:
    """Invite everyone in the file, or nobody: every row is checked first and every bad row is
    reported (CsvImportError). The e-mails go out after the transaction commits."""
    checker = _Checker(inviter, organisation)
    rows, errors = read_rows(uploaded_file, organisation)
    seen: dict[str, int] = {}
    checked = []
    for row in rows:
        email = normalise_email(row.values.get("email", ""))
        for field, reason in checker.problems(email, row.role, row.team).items():
            if (field == "role" and not row.role) or (field == "email" and not email):
                continue  # read_rows already named an empty value or an unknown role
            errors.append(RowError(row.number, row.columns.get(field, field), reason))
        if email and email in seen:
            errors.append(
                RowError(
                    row.number,
                    row.columns["email"],
                    _("This e-mail address is also on row %(row)s.") % {"row": seen[email]},
                )
            )
        if email:
            seen.setdefault(email, row.number)
        checked.append(
            _Row(row.number, email, row.role, row.team, row.values.get("first_name", ""))
        )
    if not errors and not checked:
        errors.append(RowError(1, "", _("The file has no rows with people.")))
    if errors:
        raise CsvImportError(sorted(errors, key=lambda error: error.row))

    now = timezone.now()
    with transaction.atomic():
        created = [
            _create(
                inviter,
                organisation,
                email=row.email,
                role=row.role,
                team=row.team,
                first_name=row.first_name,
                now=now,
            )
            for row in checked
        ]
        _send_after_commit([_message(inv, token, base_url) for inv, token in created])
    return [invitation for invitation, _token in created]
