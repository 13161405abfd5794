"""Knowledge items: propose → in review → vastgesteld, with versions and the settings rule."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import ConceptFactory, MembershipFactory, OrganisationFactory, StoryFactory
from wijkennis.knowledge import services
from wijkennis.knowledge.models import ItemStatus, KnowledgeItem
from wijkennis.organisations.models import OrganisationKind, Role
from wijkennis.stories.models import Visibility

CONTENT = {
    "title": "Samen de post openen",
    "insight": "We openden de brieven samen, één stapel per week.",
    "what_helped": "Een vaste dag.",
}


@pytest.fixture
def situation(db):
    return ConceptFactory(slug="ongeopende-post", pref_label="Ongeopende post")


def peers(count, kind=OrganisationKind.SOCIAL_WORK):
    organisation = OrganisationFactory(kind=kind)
    return [
        MembershipFactory(organisation=organisation, role=Role.ERVARINGSWERKER).user
        for _ in range(count)
    ]


def test_from_a_story_to_established_knowledge(people, situation, settings):
    settings.WIJKENNIS_ESTABLISH_MIN_PEOPLE = 3
    settings.WIJKENNIS_ESTABLISH_MIN_ORGANISATIONS = 2
    story = StoryFactory(
        author=people.bram, organisation=people.org_b, published=True, visibility=Visibility.NETWORK
    )
    item = services.propose_item(people.anouk, situations=[situation], from_story=story, **CONTENT)
    assert item.status == ItemStatus.VOORSTEL and list(item.current.stories.all()) == [story]
    services.submit_for_review(people.anouk, item)
    one_org = peers(3)
    for peer in one_org:
        services.recognise(peer, item, True)
    with pytest.raises(ValidationError):  # three people, but from one organisation
        services.establish(people.admin, item)
    services.recognise(people.bram, item, True, "Zo ging het bij ons ook.")
    services.recognise(people.coordinator_b, item, False)
    counts = services.recognition_counts(item.current)
    assert (counts["recognise"], counts["not_recognise"], counts["organisations"]) == (4, 1, 2)
    with pytest.raises(PermissionDenied):
        services.establish(people.anouk, item)  # proposing is not reviewing
    services.establish(people.admin, item)
    item.refresh_from_db()
    assert item.status == ItemStatus.VASTGESTELD and item.established_by == people.admin


def test_the_default_rule_is_five_people_from_two_organisations(people, situation):
    item = services.propose_item(people.anouk, situations=[situation], **CONTENT)
    for peer in peers(4) + peers(1, OrganisationKind.SHELTER):
        assert not services.rule_met(item.current)
        services.recognise(peer, item, True)
    assert services.rule_met(item.current)


def test_recognitions_stay_with_their_version(people, situation, settings):
    settings.WIJKENNIS_ESTABLISH_MIN_PEOPLE = 2
    settings.WIJKENNIS_ESTABLISH_MIN_ORGANISATIONS = 1
    item = services.propose_item(people.anouk, situations=[situation], **CONTENT)
    first = item.current
    for peer in peers(2):
        services.recognise(peer, item, True)
    services.establish(people.admin, item)
    second = services.revise_item(
        people.anouk,
        item,
        situations=[situation],
        change_note="Voor wie het geldt erbij gezet.",
        **CONTENT | {"for_whom": "Mensen met veel post."},
    )
    item.refresh_from_db()
    assert (second.number, item.current, item.status) == (2, second, ItemStatus.IN_REVIEW)
    assert first.recognitions.count() == 2 and second.recognitions.count() == 0
    assert [v.number for v in item.versions.all()] == [2, 1]
    assert item.versions.first().change_note == "Voor wie het geldt erbij gezet."


def test_one_recognition_per_person_per_version(people, situation):
    item = services.propose_item(people.anouk, situations=[situation], **CONTENT)
    services.recognise(people.bram, item, True)
    services.recognise(people.bram, item, False, "Toch niet.")
    assert item.current.recognitions.get().recognises is False


def test_who_may_do_what_and_what_is_checked(people, situation):
    for outsider in (people.colleague, people.policy_officer, people.researcher):
        with pytest.raises(PermissionDenied):
            services.propose_item(outsider, situations=[situation], **CONTENT)
        with pytest.raises(PermissionDenied):
            services.submit_report(outsider, situation=situation, tried_text="x", outcome="hielp")
    with pytest.raises(ValidationError) as raised:
        services.propose_item(people.anouk, situations=[], title="", insight="")
    assert set(raised.value.message_dict) == {"title", "insight", "situations"}
    item = services.propose_item(people.anouk, situations=[situation], **CONTENT)
    with pytest.raises(PermissionDenied):
        services.revise_item(people.bram, item, situations=[situation], change_note="x", **CONTENT)
    private = StoryFactory(author=people.bram, organisation=people.org_b, published=True)
    with pytest.raises(PermissionDenied):  # cannot cite a story one may not read
        services.propose_item(people.anouk, situations=[situation], from_story=private, **CONTENT)


def test_items_are_visible_to_the_network_and_established_ones_to_members(people, situation):
    item = services.propose_item(people.anouk, situations=[situation], **CONTENT)
    visible = {
        p: KnowledgeItem.objects.visible_to(getattr(people, p)).exists()
        for p in ("bram", "researcher", "policy_officer", "anonymous")
    }
    assert visible == {
        "bram": True,
        "researcher": True,
        "policy_officer": False,
        "anonymous": False,
    }
    KnowledgeItem.objects.filter(pk=item.pk).update(status=ItemStatus.VASTGESTELD)
    assert KnowledgeItem.objects.visible_to(people.policy_officer).exists()
    assert not KnowledgeItem.objects.visible_to(people.anonymous).exists()
