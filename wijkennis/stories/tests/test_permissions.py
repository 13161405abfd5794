"""Who may read a story: Story.objects.visible_to is the single place this is decided."""

import pytest

from tests.factories import MembershipFactory, StoryFactory
from wijkennis.organisations.models import Role
from wijkennis.stories.models import Story, Visibility

# Readers of a story written by Anouk (organisation A), per visibility.
NETWORK = {
    "anouk",
    "coordinator",
    "colleague",
    "bram",
    "coordinator_b",
    "colleague_b",
    "researcher",
}
EXPECTED_READERS = {
    Visibility.PRIVATE: {"anouk"},
    Visibility.ORGANISATION: {"anouk", "coordinator", "colleague"},
    Visibility.NETWORK: NETWORK,
    Visibility.PUBLIC: NETWORK | {"policy_officer", "policy_officer_other", "admin", "anonymous"},
}


@pytest.mark.parametrize("visibility", list(Visibility))
def test_published_story_is_read_by_exactly_the_allowed_roles(people, visibility):
    story = StoryFactory(
        author=people.anouk, organisation=people.org_a, published=True, visibility=visibility
    )
    readers = {
        name
        for name, user in people.roles().items()
        if Story.objects.visible_to(user).filter(pk=story.pk).exists()
    }
    assert readers == EXPECTED_READERS[visibility]


@pytest.mark.parametrize("trait", [{}, {"withdrawn": True}])
@pytest.mark.parametrize("visibility", list(Visibility))
def test_drafts_and_withdrawn_stories_are_only_for_the_author(people, visibility, trait):
    story = StoryFactory(
        author=people.anouk, organisation=people.org_a, visibility=visibility, **trait
    )
    readers = {
        name
        for name, user in people.roles().items()
        if Story.objects.visible_to(user).filter(pk=story.pk).exists()
    }
    assert readers == {"anouk"}


def test_organisation_story_of_b_is_hidden_from_organisation_a(people):
    story = StoryFactory(
        author=people.bram,
        organisation=people.org_b,
        published=True,
        visibility=Visibility.ORGANISATION,
    )
    for user in (people.anouk, people.coordinator, people.colleague):
        assert not Story.objects.visible_to(user).filter(pk=story.pk).exists()
    for user in (people.bram, people.coordinator_b, people.colleague_b):
        assert Story.objects.visible_to(user).filter(pk=story.pk).exists()


def test_owned_by_gives_nobody_else_the_story(people):
    story = StoryFactory(
        author=people.anouk, organisation=people.org_a, published=True, visibility=Visibility.PUBLIC
    )
    assert list(Story.objects.owned_by(people.anouk)) == [story]
    for name, user in people.roles().items():
        if name != "anouk":
            assert not Story.objects.owned_by(user).exists()


def test_others_read_the_published_version_not_the_draft(people, client):
    story = StoryFactory(
        author=people.anouk,
        organisation=people.org_a,
        published=True,
        visibility=Visibility.NETWORK,
        body="Gepubliceerde tekst.",
    )
    draft = story.versions.create(
        number=2, original_title="t", original_body="Nieuwe tekst.", title="t", body="Nieuwe tekst."
    )
    story.current_version = draft
    story.save()
    client.force_login(people.bram)
    page = client.get(story.get_absolute_url()).content.decode()
    assert "Gepubliceerde tekst." in page and "Nieuwe tekst." not in page
    client.force_login(people.anouk)
    assert "Nieuwe tekst." in client.get(story.get_absolute_url()).content.decode()


def test_a_new_membership_counts_at_once(people):
    """The rule is kept resolved per readership, never per person: a membership changes it."""
    story = StoryFactory(
        author=people.anouk,
        organisation=people.org_a,
        published=True,
        visibility=Visibility.ORGANISATION,
    )
    assert not Story.objects.visible_to(people.bram).filter(pk=story.pk).exists()
    MembershipFactory(user=people.bram, organisation=people.org_a, role=Role.ERVARINGSWERKER)
    assert Story.objects.visible_to(people.bram).filter(pk=story.pk).exists()


def test_each_reading_reads_the_stories_afresh(people):
    """What visible_to returns is a copy of the kept filter, so no list of rows is ever kept."""
    first = StoryFactory(author=people.anouk, published=True, visibility=Visibility.PUBLIC)
    assert list(Story.objects.visible_to(people.bram)) == [first]
    second = StoryFactory(author=people.anouk, published=True, visibility=Visibility.PUBLIC)
    assert set(Story.objects.visible_to(people.bram)) == {first, second}


def test_through_a_relation_only_that_relations_stories_are_read(people):
    public = {"published": True, "visibility": Visibility.PUBLIC}
    own = StoryFactory(author=people.anouk, organisation=people.org_a, **public)
    other = StoryFactory(author=people.bram, organisation=people.org_b, **public)
    assert list(people.org_a.stories.visible_to(people.bram)) == [own]
    assert set(Story.objects.visible_to(people.bram)) == {own, other}
