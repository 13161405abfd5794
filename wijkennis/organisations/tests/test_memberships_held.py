"""Memberships are read at most once per request for its signed-in person (kept in the shared
cache until one of theirs changes), and afresh everywhere else."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import MembershipFactory
from wijkennis.organisations.models import Role, has_role


def membership_reads(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return sum('FROM "organisations_membership"' in query["sql"] for query in captured)


def test_a_page_reads_the_memberships_of_its_person_once(client, people):
    client.force_login(people.coordinator)
    # The menu alone asks about dashboards, invitations and more; search asks who reads what.
    assert membership_reads(client, reverse("search:search") + "?q=schulden") == 1
    assert membership_reads(client, reverse("core:home")) == 0  # from the shared cache


def test_a_new_membership_counts_in_the_next_request_and_outside_requests(client, people):
    client.force_login(people.bram)
    assert 'data-nav="invitations"' not in client.get(reverse("core:home")).text
    assert not has_role(people.bram, {Role.COORDINATOR})
    MembershipFactory(user=people.bram, organisation=people.org_b, role=Role.COORDINATOR)
    assert has_role(people.bram, {Role.COORDINATOR})
    assert 'data-nav="invitations"' in client.get(reverse("core:home")).text


def test_a_removed_membership_counts_in_the_next_request(client, people):
    client.force_login(people.coordinator)
    assert 'data-nav="invitations"' in client.get(reverse("core:home")).text
    people.coordinator.memberships.get(role=Role.COORDINATOR).delete()
    assert 'data-nav="invitations"' not in client.get(reverse("core:home")).text
    assert client.get(reverse("invitations:list")).status_code == 403
