"""The cached ranking (search.queries.Ranking): shared by people who read the same stories,
stale as soon as the index or the vocabulary changes, and never holding text."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AltLabelFactory, MembershipFactory
from wijkennis.mydata.tests.marker import cache_containing
from wijkennis.organisations.models import Role
from wijkennis.search.queries import search_stories
from wijkennis.stories import services
from wijkennis.stories.models import Visibility

from .test_search import found, publish


def queries_for(query, user) -> tuple[list, int]:
    with CaptureQueriesContext(connection) as captured:
        stories = found(query, user)
    return stories, len(captured)


def test_the_same_search_again_is_answered_from_the_cache(people, vocabulary):
    story = publish(people, "Ik had schulden en durfde de post niet te openen.")
    first, first_queries = queries_for("schulden", people.bram)
    again, again_queries = queries_for("schulden", people.bram)
    assert first == again == [story]
    assert again_queries < first_queries


def test_people_who_read_the_same_stories_share_a_ranking(people, vocabulary):
    publish(people, "Een verhaal over schulden.")
    found("schulden", people.bram)
    found("post", people.colleague_b)  # their own first search: whether they wrote stories
    # The colleague of B reads what Bram reads; the ranking is not searched again.
    _stories, colleague_queries = queries_for("schulden", people.colleague_b)
    _stories, bram_again = queries_for("schulden", people.bram)
    assert colleague_queries == bram_again


def test_a_new_story_is_found_right_after_it_is_published(people, vocabulary):
    first = publish(people, "Schulden bij de energieleverancier.")
    assert found("schulden", people.bram) == [first]
    second = publish(people, "Schulden bij de zorgverzekeraar, veel schulden.")
    assert set(found("schulden", people.bram)) == {first, second}


def test_a_withdrawn_or_erased_story_is_gone_from_the_next_search(people, vocabulary):
    kept = publish(people, "Schulden en een schoenendoos vol post.")
    withdrawn = publish(people, "Schulden, en toen kwam de deurwaarder.")
    erased = publish(people, "Schulden bij drie winkels tegelijk.")
    assert set(found("schulden", people.bram)) == {kept, withdrawn, erased}
    services.withdraw_story(people.anouk, withdrawn)
    assert set(found("schulden", people.bram)) == {kept, erased}
    services.erase_story(people.anouk, erased)
    results = search_stories("schulden", people.bram)
    assert [hit.story for hit in results.hits] == [kept] and results.total == 1


def test_a_new_membership_counts_at_once(people, vocabulary):
    own_organisation = publish(
        people, "Schulden, alleen voor mijn organisatie.", Visibility.ORGANISATION
    )
    assert found("schulden", people.bram) == []
    MembershipFactory(user=people.bram, organisation=people.org_a, role=Role.ERVARINGSWERKER)
    assert found("schulden", people.bram) == [own_organisation]


def test_an_author_still_finds_their_own_private_story(people, vocabulary):
    shared = publish(people, "Schulden, voor iedereen in het netwerk.")
    found("schulden", people.coordinator)  # a reader of organisation A without own stories
    own = publish(people, "Schulden, maar alleen voor mij.", Visibility.PRIVATE)
    assert set(found("schulden", people.anouk)) == {shared, own}
    assert found("schulden", people.coordinator) == [shared]


def test_a_new_word_in_the_vocabulary_counts_at_once(people, vocabulary):
    story = publish(people, "Er kwam weer een incasso binnen.")
    assert found("aanmaning", people.bram) == []
    AltLabelFactory(concept=vocabulary["incasso"], label="aanmaning", kind="lekentaal")
    assert found("aanmaning", people.bram) == [story]


def test_the_cache_holds_no_text_of_stories_or_queries(people, vocabulary):
    marker = "kwispelstaart"
    publish(people, f"Schulden en een hond die {marker} heette.", title=f"De {marker}")
    assert found(marker, people.bram)
    assert found("schulden", people.bram)
    assert len(cache_containing("search:ranking:")) == 2  # both rankings are there
    assert cache_containing(marker) == []


def test_an_author_finds_a_private_story_right_after_publishing_it(people, vocabulary):
    shared = publish(people, "Schulden, voor iedereen in het netwerk.")
    assert found("schulden", people.anouk) == [shared]  # nothing of her own that others miss
    own = publish(people, "Schulden, maar alleen voor mij.", Visibility.PRIVATE)
    assert set(found("schulden", people.anouk)) == {shared, own}
