"""Finding a group and joining it: ask, the facilitator answers."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.factories import ConceptFactory
from wijkennis.core.models import AuditEvent
from wijkennis.intervision import services
from wijkennis.intervision.models import MemberRole, MemberStatus

from .helpers import group_of


def test_whoever_starts_a_group_facilitates_it(people):
    group = group_of(people)
    place = group.members.get()
    assert (place.user, place.role, place.status) == (
        people.anouk,
        MemberRole.FACILITATOR,
        MemberStatus.MEMBER,
    )
    assert place.organisation == people.org_a
    assert group.is_facilitator(people.anouk)
    assert AuditEvent.objects.filter(action="intervision.group_created").exists()


def test_a_colleague_cannot_start_a_group(people):
    with pytest.raises(PermissionDenied):
        services.create_group(people.colleague, name="Groep")


def test_join_flow_through_the_pages(client, people):
    group = group_of(people)
    client.force_login(people.bram)
    response = client.post(
        reverse("intervision:join", args=[group.pk]), {"message": "Ik werk in schuldhulp."}
    )
    assert response.status_code == 302
    place = group.members.get(user=people.bram)
    assert place.status == MemberStatus.REQUESTED
    assert place.organisation == people.org_b  # members come from several organisations
    assert "Ik werk in schuldhulp." in place.message

    client.force_login(people.anouk)
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Ik werk in schuldhulp." in page
    url = reverse("intervision:decide", args=[group.pk, place.pk])
    assert client.post(url, {"decision": "accept"}).status_code == 302
    place.refresh_from_db()
    assert place.status == MemberStatus.MEMBER and place.joined_at

    client.force_login(people.bram)
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Bram Oosterhuis" in page and "Schuldhulp Oostrand" in page
    assert "Welzijn Testdam" in page  # the facilitator's organisation


def test_declined_then_asking_again(people):
    group = group_of(people)
    place = services.request_to_join(people.bram, group)
    services.decide_request(people.anouk, place, accept=False)
    place.refresh_from_db()
    assert place.status == MemberStatus.DECLINED
    with pytest.raises(ValidationError):
        services.decide_request(people.anouk, place, accept=True)  # already answered
    again = services.request_to_join(people.bram, group)
    assert again.pk == place.pk and again.status == MemberStatus.REQUESTED


def test_asking_twice_or_as_member_is_refused(people):
    group = group_of(people, people.bram)
    with pytest.raises(ValidationError):
        services.request_to_join(people.bram, group)
    services.request_to_join(people.coordinator_b, group)
    with pytest.raises(ValidationError):
        services.request_to_join(people.coordinator_b, group)


def test_a_closed_group_takes_no_requests(people):
    group = group_of(people, is_open=False)
    with pytest.raises(ValidationError):
        services.request_to_join(people.bram, group)


def test_list_shows_open_groups_filtered_by_theme_and_region(client, people):
    debts = ConceptFactory(slug="schulden", pref_label="Schulden")
    shame = ConceptFactory(slug="schaamte", pref_label="Schaamte")
    group_of(people, name="Schulden Utrecht", region="Utrecht", themes=[debts])
    group_of(
        people,
        facilitator=people.coordinator,
        name="Schaamte Zwolle",
        region="Zwolle",
        themes=[shame],
    )
    group_of(people, name="Gesloten groep", region="Utrecht", themes=[debts], is_open=False)
    client.force_login(people.bram)
    url = reverse("intervision:list")
    page = client.get(url).content.decode()
    assert "Schulden Utrecht" in page and "Schaamte Zwolle" in page
    assert "Gesloten groep" not in page
    page = client.get(url, {"theme": "schulden"}).content.decode()
    assert "Schulden Utrecht" in page and "Schaamte Zwolle" not in page
    page = client.get(url, {"region": "zwol"}).content.decode()
    assert "Schaamte Zwolle" in page and "Schulden Utrecht" not in page


def test_list_shows_my_groups_and_my_requests(client, people):
    group = group_of(people, name="Mijn groep")
    other = group_of(people, facilitator=people.coordinator, name="Andere groep", themes=[])
    services.request_to_join(people.bram, other)
    services.request_to_join(people.bram, group)
    services.decide_request(people.anouk, group.members.get(user=people.bram), accept=True)
    client.force_login(people.bram)
    response = client.get(reverse("intervision:list"))
    assert response.context["mine"].get() == group
    assert response.context["found"] == [(other, MemberStatus.REQUESTED)]


def test_start_a_group_through_the_page(client, people):
    ConceptFactory(slug="schulden", pref_label="Schulden")
    client.force_login(people.coordinator_b)
    response = client.post(
        reverse("intervision:create"),
        {"name": "Oostrand", "region": "Oostrand", "themes": ["schulden"], "is_open": "on"},
    )
    assert response.status_code == 302
    group = people.coordinator_b.facilitated_intervision_groups.get()
    assert [c.slug for c in group.themes.all()] == ["schulden"]
    assert client.post(reverse("intervision:create"), {"name": ""}).status_code == 400


def test_the_facilitator_edits_the_group(client, people):
    group = group_of(people, people.bram, themes=[])
    ConceptFactory(slug="schaamte", pref_label="Schaamte")
    url = reverse("intervision:edit", args=[group.pk])
    client.force_login(people.bram)
    assert client.get(url).status_code == 403
    client.force_login(people.anouk)
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "Nieuwe naam", "themes": ["schaamte"], "region": "Zeist"})
    assert response.status_code == 302
    group.refresh_from_db()
    assert (group.name, group.region, group.is_open) == ("Nieuwe naam", "Zeist", False)
    assert [c.slug for c in group.themes.all()] == ["schaamte"]
    assert client.post(url, {"name": ""}).status_code == 400


def test_themes_are_life_domains_and_key_situations(client, people):
    ConceptFactory(slug="schulden", pref_label="Schulden", scheme="levensgebied")
    ConceptFactory(slug="maatje", pref_label="Maatje", scheme="methodiek")
    client.force_login(people.anouk)
    page = client.get(reverse("intervision:create")).content.decode()
    assert "Schulden" in page and "Maatje" not in page
