"""Proposals: members propose, peers vote and react, a reviewer decides; history is kept."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import AltLabelFactory, ConceptFactory, StoryFactory
from wijkennis.search.indexing import update_story
from wijkennis.search.queries import search_stories
from wijkennis.stories.models import Visibility
from wijkennis.vocabulary import services
from wijkennis.vocabulary.models import AltLabel, Concept, ProposalStatus


@pytest.fixture
def debts(db):
    concept = ConceptFactory(slug="beslag", pref_label="Beslaglegging", definition="Oud.")
    AltLabelFactory(concept=concept, label="beslag op je loon", kind="lekentaal")
    AltLabelFactory(concept=concept, label="beslaglegin", kind="verborgen")  # a misspelling
    return concept


def test_a_label_goes_from_proposal_to_the_vocabulary_and_search(people, debts):
    story = StoryFactory(
        author=people.anouk,
        organisation=people.org_a,
        published=True,
        visibility=Visibility.NETWORK,
        body="Er werd beslag gelegd en we hebben samen een beslaglegging aangevochten.",
    )
    story.concepts.set([debts])
    update_story(story)
    assert search_stories("ze houden geld in op mijn loon", people.bram).total == 0

    proposal = services.propose(
        people.anouk,
        kind="woord",
        concept=debts,
        label="ze houden geld in op mijn loon",
        label_kind="lekentaal",
        reason="Zo zeggen bewoners het.",
    )
    services.vote(people.bram, proposal, agrees=True)
    services.vote(people.coordinator, proposal, agrees=False)
    services.vote(people.coordinator, proposal, agrees=True)  # changing a vote, not a second one
    services.comment(people.bram, proposal, "Goed woord, hoor ik vaak.")
    assert proposal.votes.filter(agrees=True).count() == 2 and proposal.votes.count() == 2

    with pytest.raises(PermissionDenied):
        services.accept(people.anouk, proposal)  # proposing is not reviewing
    services.accept(people.admin, proposal, "Dank je.")

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED and proposal.decided_by == people.admin
    assert AltLabel.objects.filter(concept=debts, label="ze houden geld in op mijn loon").exists()
    change = debts.changes.first()
    assert change.proposal == proposal and change.changed_by == people.admin
    labels = [alt["label"] for alt in change.snapshot["alt_labels"]]
    assert "ze houden geld in op mijn loon" in labels
    # Search expands the new label at once: no reindex needed.
    results = search_stories("ze houden geld in op mijn loon", people.bram)
    assert [hit.story for hit in results.hits] == [story]
    assert [label for _words, label in results.hits[0].via] == ["Beslaglegging"]


def test_a_designated_reviewer_may_decide(people, debts):
    proposal = services.propose(
        people.anouk, kind="uitleg", concept=debts, definition="Geld wordt ingehouden."
    )
    with pytest.raises(PermissionDenied):
        services.accept(people.coordinator, proposal)
    people.coordinator.user_permissions.add(Permission.objects.get(codename="review_proposal"))
    reviewer = type(people.coordinator).objects.get(pk=people.coordinator.pk)  # fresh perms cache
    services.accept(reviewer, proposal)
    debts.refresh_from_db()
    assert debts.definition == "Geld wordt ingehouden."
    assert debts.changes.first().snapshot["definition"] == "Geld wordt ingehouden."


def test_a_new_concept_is_created_with_its_history(people, debts):
    proposal = services.propose(
        people.bram,
        kind="begrip",
        pref_label="Kostendelersnorm",
        scheme="sleutelsituatie",
        broader=debts,
        definition="Je krijgt minder bijstand als je met andere volwassenen woont.",
    )
    concept = services.accept(people.admin, proposal)
    assert concept.slug == "kostendelersnorm" and concept.broader == debts
    assert concept.changes.count() == 1 and Concept.objects.get(pk=concept.pk).source


@pytest.mark.parametrize("typed", ["Beslaglegging", "beslag op je LOON", "  beslag  op je loon "])
def test_a_duplicate_is_caught_with_where_it_is(people, debts, typed):
    with pytest.raises(ValidationError) as raised:
        services.propose(
            people.anouk, kind="woord", concept=debts, label=typed, label_kind="lekentaal"
        )
    assert "Beslaglegging" in str(raised.value.message_dict["label"])
    with pytest.raises(ValidationError) as raised:
        services.propose(
            people.anouk, kind="begrip", pref_label=typed, scheme="levensgebied", definition="x"
        )
    assert "pref_label" in raised.value.message_dict


def test_who_may_propose_and_what_is_checked(people, debts):
    for outsider in (people.policy_officer, people.researcher, people.colleague):
        with pytest.raises(PermissionDenied):
            services.propose(outsider, kind="uitleg", concept=debts, definition="Anders.")
    with pytest.raises(ValidationError) as raised:
        services.propose(people.anouk, kind="begrip")
    assert set(raised.value.message_dict) == {"pref_label", "scheme", "definition"}
    with pytest.raises(ValidationError):
        services.propose(people.anouk, kind="uitleg", concept=debts, definition="Oud.")


def test_a_decided_proposal_cannot_change_again(people, debts):
    proposal = services.propose(people.anouk, kind="uitleg", concept=debts, definition="Nieuw.")
    with pytest.raises(ValidationError):
        services.reject(people.admin, proposal, "")  # a rejection needs a reason
    services.reject(people.admin, proposal, "Te kort.")
    with pytest.raises(ValidationError):
        services.accept(people.admin, proposal)
    with pytest.raises(ValidationError):
        services.vote(people.bram, proposal, agrees=True)
    debts.refresh_from_db()
    assert debts.definition == "Oud."


def test_the_proposal_pages_keep_what_was_typed(client, people, debts):
    client.force_login(people.anouk)
    response = client.post(
        "/taal/voorstellen/nieuw/",
        {
            "kind": "woord",
            "concept": "beslag",
            "label": "beslag op je loon",
            "reason": "Mijn reden",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Mijn reden" in page and "beslag op je loon" in page and "Beslaglegging" in page
    check = client.get("/taal/bestaat-al/", {"label": "Beslaglegin"}).content.decode()
    assert "/taal/begrip/beslag/" in check  # found through the hidden misspelling
    assert client.get("/taal/bestaat-al/", {"label": "iets nieuws"}).content.strip() == b""
    concept_page = client.get("/taal/begrip/beslag/").content.decode()
    assert "beslag op je loon" in concept_page and "beslaglegin" not in concept_page
    assert "beslag" in [
        entry.concept.slug
        for entry in client.get("/taal/", {"q": "beslaglegin"}).context["by_letter"][0][1]
    ]
