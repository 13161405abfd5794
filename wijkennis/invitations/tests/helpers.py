from django.core.files.uploadedfile import SimpleUploadedFile

from wijkennis.invitations import services
from wijkennis.organisations.models import Role

NEW_PASSWORD = "Een-nieuw-wachtwoord-77"


def invite(people, email="nieuw@a.test", role=Role.ERVARINGSWERKER, **extra):
    """The coordinator of A invites someone; returns (invitation, token)."""
    return services.invite(
        people.coordinator, email=email, organisation=people.org_a, role=role, **extra
    )


def csv_file(text: str, *, encoding="utf-8", name="mensen.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def matrix_invitation(people):
    """For the permission matrix: an open invitation of organisation A by its coordinator."""
    invitation, _token = invite(people, email="matrix@a.test")
    return invitation
