"""Optimistic locking of wij-kennis edits: an edit from an old version never overwrites."""

import pytest
from django.urls import reverse

from tests.factories import ConceptFactory
from wijkennis.core.concurrency import StaleEdit
from wijkennis.core.models import AuditEvent
from wijkennis.core.tests.faults import requires_postgres, run_together
from wijkennis.knowledge import services
from wijkennis.knowledge.models import KnowledgeItem, KnowledgeVersion

CONTENT = {"title": "Samen de post openen", "insight": "Eén stapel brieven per week."}


@pytest.fixture
def situation(db):
    return ConceptFactory(slug="ongeopende-post", pref_label="Ongeopende post")


@pytest.fixture
def item(people, situation):
    return services.propose_item(people.anouk, situations=[situation], **CONTENT)


def revise(user, item, situation, number, base_version):
    return services.revise_item(
        user,
        item,
        situations=[situation],
        change_note=f"wijziging {number}",
        base_version=base_version,
        title=f"Titel van bewerking {number}",
        insight=f"Inzicht van bewerking {number}",
    )


def test_an_edit_from_the_current_version_is_saved(people, item, situation):
    version = revise(people.anouk, item, situation, 1, base_version=1)
    assert version.number == 2 and item.current == version


def test_an_edit_from_an_old_version_is_refused_and_stores_nothing(people, item, situation):
    revise(people.admin, item, situation, 1, base_version=1)
    with pytest.raises(StaleEdit) as refused:
        revise(people.anouk, KnowledgeItem.objects.get(pk=item.pk), situation, 2, base_version=1)
    assert refused.value.current_version == 2
    item.refresh_from_db()
    assert item.versions.count() == 2 and item.current.title == "Titel van bewerking 1"


def test_the_form_shows_the_newer_version_and_keeps_what_was_typed(client, people, item, situation):
    url = reverse("knowledge:edit", args=[item.pk])
    client.force_login(people.anouk)
    page = client.get(url).content.decode()
    assert 'name="base_version" value="1"' in page
    revise(people.admin, item, situation, 1, base_version=1)  # someone else saves meanwhile
    typed = {
        "title": "Mijn eigen titel",
        "situations": [situation.slug],
        "insight": "Wat ik net typte en niet kwijt wil.",
        "change_note": "Mijn wijziging",
        "base_version": "1",
    }
    response = client.post(url, typed)
    page = response.content.decode()
    assert response.status_code == 409
    assert 'value="Mijn eigen titel"' in page and "Wat ik net typte en niet kwijt wil." in page
    assert 'id="newer-version" data-version="2"' in page and "Titel van bewerking 1" in page
    assert 'name="base_version" value="2"' in page  # saving again is a deliberate choice
    assert item.versions.count() == 2
    response = client.post(url, {**typed, "base_version": "2"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.current.number == 3 and item.current.title == "Mijn eigen titel"


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_edits_of_one_item_one_wins(people, item, situation):
    def work(number):
        return revise(people.anouk, KnowledgeItem.objects.get(pk=item.pk), situation, number, 1)

    results = run_together(50, work)
    winners = [n for n, result in enumerate(results) if isinstance(result, KnowledgeVersion)]
    stale = [result for result in results if isinstance(result, StaleEdit)]
    assert len(winners) == 1, [r for r in results if not isinstance(r, StaleEdit)]
    assert len(stale) == 49 and {error.current_version for error in stale} == {2}
    item.refresh_from_db()
    (winner,) = winners
    assert item.current.number == 2 and item.versions.count() == 2
    assert item.current.title == f"Titel van bewerking {winner}"
    assert item.current.change_note == f"wijziging {winner}"
    assert AuditEvent.objects.filter(action="knowledge.revised").count() == 1


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_editors_who_retry_all_land_once_with_no_lost_update(people, item, situation):
    """Everyone who is told "someone else changed this" and saves again gets their version in:
    versions 2..51, each edit exactly once, none overwritten."""

    def work(number):
        for _attempt in range(200):
            current = KnowledgeItem.objects.select_related("current").get(pk=item.pk)
            try:
                return revise(people.anouk, current, situation, number, current.current.number)
            except StaleEdit:
                continue
        raise AssertionError("never got a turn")

    results = run_together(50, work)
    assert all(isinstance(result, KnowledgeVersion) for result in results), results
    versions = list(item.versions.order_by("number").values_list("number", "change_note"))
    assert [number for number, _note in versions] == list(range(1, 52))
    notes = sorted(note for _number, note in versions[1:])
    assert notes == sorted(f"wijziging {n}" for n in range(50))
    item.refresh_from_db()
    assert item.current.number == 51
