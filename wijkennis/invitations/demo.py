"""Demo data for invitations: two open ones, one expired and one accepted, made by the demo
coordinator of organisation A. Called by the demo command after the people exist; no e-mail."""

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from wijkennis.accounts.models import User
from wijkennis.core.mail import mail_silenced
from wijkennis.organisations.models import Membership, Role

from . import services
from .models import Invitation

COORDINATOR = "coordinator@wijkennis.demo"
OPEN = [
    ("nieuw.ervaringswerker@wijkennis.demo", "Lieke", Role.ERVARINGSWERKER),
    ("nieuwe.collega@wijkennis.demo", "Samir", Role.COLLEGA),
]
EXPIRED = ("verlopen@wijkennis.demo", "Kees", Role.ERVARINGSWERKER)
ACCEPTED = ("fatima@wijkennis.demo", "Fatima", "El Amrani", Role.ERVARINGSWERKER)


@transaction.atomic
def add_demo_invitations(password: str | None = None) -> int:
    """Returns how many invitations were made (0 when they exist already or the demo
    coordinator is missing). `password` is for the account of the accepted invitation."""
    membership = (
        Membership.objects.filter(user__email=COORDINATOR, role=Role.COORDINATOR)
        .select_related("user", "organisation")
        .first()
    )
    if membership is None or Invitation.objects.filter(email__endswith="@wijkennis.demo").exists():
        return 0
    coordinator, organisation = membership.user, membership.organisation
    with mail_silenced():
        for email, first_name, role in OPEN:
            services.invite(
                coordinator,
                email=email,
                organisation=organisation,
                role=role,
                first_name=first_name,
            )
        email, first_name, role = EXPIRED
        expired, _token = services.invite(
            coordinator, email=email, organisation=organisation, role=role, first_name=first_name
        )
        past = timezone.now() - timedelta(days=30)
        Invitation.objects.filter(pk=expired.pk).update(
            created_at=past, last_sent_at=past, expires_at=past + timedelta(days=14)
        )
        email, first_name, last_name, role = ACCEPTED
        if not User.objects.filter(email=email).exists():
            _invitation, token = services.invite(
                coordinator,
                email=email,
                organisation=organisation,
                role=role,
                first_name=first_name,
            )
            user = services.accept_with_password(
                token,
                first_name=first_name,
                last_name=last_name,
                password=secrets.token_urlsafe(16),
            )
            if password:  # the shared demo password, which the validators would refuse
                user.set_password(password)
                user.save(update_fields=["password"])
    return Invitation.objects.filter(email__endswith="@wijkennis.demo").count()
