"""Optimistic locking of concept changes: a decision taken on an old view of a concept is
refused with "someone else changed this", and nothing of it is stored."""

import pytest
from django.urls import reverse

from tests.factories import ConceptFactory
from wijkennis.core.concurrency import StaleEdit
from wijkennis.core.tests.faults import requires_postgres, run_together
from wijkennis.vocabulary import services
from wijkennis.vocabulary.models import Concept, ConceptChange, Proposal, ProposalStatus


@pytest.fixture
def debts(db):
    return ConceptFactory(slug="beslag", pref_label="Beslaglegging", definition="Oud.")


def explain(people, concept, number):
    return services.propose(
        people.anouk, kind="uitleg", concept=concept, definition=f"Uitleg nummer {number}."
    )


def test_every_recorded_change_raises_the_version(people, debts):
    assert debts.version == 1
    services.accept(people.admin, explain(people, debts, 1), concept_version=1)
    debts.refresh_from_db()
    assert debts.version == 2 and debts.changes.count() == 1
    services.save_concept_data(
        [{**services.snapshot(debts), "definition": "Uit een SKOS-bestand."}], "Import"
    )
    debts.refresh_from_db()
    assert debts.version == 3  # an import also makes open decision forms stale


def test_a_decision_on_an_old_version_is_refused_and_the_proposal_stays_open(people, debts):
    first, second = explain(people, debts, 1), explain(people, debts, 2)
    services.accept(people.admin, first, concept_version=1)
    with pytest.raises(StaleEdit) as refused:
        services.accept(people.admin, second, concept_version=1)
    assert refused.value.current_version == 2
    second.refresh_from_db()
    debts.refresh_from_db()
    assert second.status == ProposalStatus.OPEN and debts.definition == "Uitleg nummer 1."


def test_the_decision_form_says_so_and_keeps_the_note(client, people, debts):
    first, second = explain(people, debts, 1), explain(people, debts, 2)
    client.force_login(people.admin)
    page = client.get(reverse("vocabulary:proposal", args=[second.pk])).content.decode()
    assert 'name="concept_version" value="1"' in page
    services.accept(people.admin, first, concept_version=1)  # another reviewer, meanwhile
    response = client.post(
        reverse("vocabulary:decide", args=[second.pk]),
        {"decision": "accept", "note": "Mijn toelichting", "concept_version": "1"},
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "Mijn toelichting" in page and 'name="concept_version" value="2"' in page
    debts.refresh_from_db()
    assert debts.definition == "Uitleg nummer 1."


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_changes_of_one_concept_one_wins(people, debts):
    proposals = [explain(people, debts, number) for number in range(50)]

    def work(number):
        return services.accept(people.admin, proposals[number], concept_version=1)

    results = run_together(50, work)
    winners = [n for n, result in enumerate(results) if isinstance(result, Concept)]
    stale = [result for result in results if isinstance(result, StaleEdit)]
    assert len(winners) == 1, [r for r in results if not isinstance(r, StaleEdit)]
    assert len(stale) == 49 and {error.current_version for error in stale} == {2}
    (winner,) = winners
    debts.refresh_from_db()
    assert debts.definition == f"Uitleg nummer {winner}." and debts.version == 2
    assert ConceptChange.objects.filter(concept=debts).count() == 1
    accepted = Proposal.objects.filter(status=ProposalStatus.ACCEPTED)
    assert list(accepted.values_list("pk", flat=True)) == [proposals[winner].pk]
    assert Proposal.objects.filter(status=ProposalStatus.OPEN).count() == 49


def admin_form(concept, **changes):
    data = {
        "slug": concept.slug,
        "scheme": concept.scheme,
        "pref_label": concept.pref_label,
        "definition": concept.definition,
        "source": concept.source,
        "status": concept.status,
        "seen_version": str(concept.version),
        "alt_labels-TOTAL_FORMS": "0",
        "alt_labels-INITIAL_FORMS": "0",
        "alt_labels-MIN_NUM_FORMS": "0",
        "alt_labels-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_an_admin_edit_is_locked_and_recorded_in_the_history(client, people, debts):
    url = reverse("admin:vocabulary_concept_change", args=[debts.pk])
    client.force_login(people.admin)
    assert 'name="seen_version" value="1"' in client.get(url).content.decode()
    services.accept(people.admin, explain(people, debts, 1), concept_version=1)  # meanwhile
    response = client.post(url, admin_form(debts, definition="Mijn versie."))
    assert response.status_code == 200 and "Mijn versie." in response.content.decode()
    debts.refresh_from_db()
    assert debts.definition == "Uitleg nummer 1." and debts.version == 2
    response = client.post(url, admin_form(debts, definition="Mijn versie."))
    assert response.status_code == 302
    debts.refresh_from_db()
    assert debts.definition == "Mijn versie." and debts.version == 3
    assert debts.changes.first().changed_by == people.admin
