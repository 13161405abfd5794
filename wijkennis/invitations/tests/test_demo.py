import pytest

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from wijkennis.invitations.demo import add_demo_invitations
from wijkennis.invitations.models import Invitation, InvitationStatus
from wijkennis.organisations.models import Membership, Role


@pytest.mark.django_db
def test_demo_invitations_are_added_once(mailoutbox, django_capture_on_commit_callbacks):
    assert add_demo_invitations() == 0  # no demo coordinator yet
    organisation = OrganisationFactory()
    MembershipFactory(
        user=UserFactory(email="coordinator@wijkennis.demo"),
        organisation=organisation,
        role=Role.COORDINATOR,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert add_demo_invitations(password="wijkennis-demo") == 4
    assert mailoutbox == []
    statuses = sorted(invitation.status for invitation in Invitation.objects.all())
    assert statuses == sorted(
        [
            InvitationStatus.PENDING,
            InvitationStatus.PENDING,
            InvitationStatus.EXPIRED,
            InvitationStatus.ACCEPTED,
        ]
    )
    fatima = Membership.objects.get(user__email="fatima@wijkennis.demo")
    assert fatima.organisation == organisation
    assert fatima.user.check_password("wijkennis-demo")
    assert add_demo_invitations() == 0
    assert Invitation.objects.count() == 4
