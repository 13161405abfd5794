"""Search behaviour; the same tests run on SQLite FTS5 and on PostgreSQL (`make test`)."""

import pytest
from django.db import connection

from tests.factories import StoryFactory
from wijkennis.search import queries
from wijkennis.search.indexing import update_story
from wijkennis.search.queries import search_stories
from wijkennis.stories import services
from wijkennis.stories.models import Visibility


def publish(people, body, visibility=Visibility.NETWORK, author=None, concepts=(), title=None):
    author = author or people.anouk
    organisation = people.org_a if author == people.anouk else people.org_b
    story = StoryFactory(
        author=author,
        organisation=organisation,
        published=True,
        visibility=visibility,
        body=body,
        title=title or body[:30],
    )
    story.concepts.set(concepts)
    update_story(story)
    return story


def found(query, user, **options):
    return [hit.story for hit in search_stories(query, user, **options).hits]


def test_dutch_stemming_finds_other_word_forms(people, vocabulary):
    debts = publish(people, "Ze had schulden bij zes schuldeisers.")
    bailiffs = publish(people, "Twee deurwaarders stonden voor de deur.")
    assert found("schuld", people.bram) == [debts]
    assert bailiffs in found("deurwaarder", people.bram)


def test_expansion_through_an_alternative_label_says_how(people, vocabulary):
    story = publish(people, "Er kwam alweer een incasso binnen, de derde deze maand.")
    results = search_stories("brieven van de deurwaarder", people.bram)
    assert [hit.story for hit in results.hits] == [story]
    assert results.hits[0].via == [("deurwaarder", "Incasso")]


def test_a_lay_phrase_finds_the_concept(people, vocabulary):
    story = publish(people, "Samen hebben we de incasso's op een rij gezet.")
    assert found("ik durf de post niet open te maken", people.bram) == [story]


def test_narrower_concepts_are_found(people, vocabulary):
    story = publish(people, "Zijn gokverslaving kostte hem alles.")
    assert found("verslaving", people.bram) == [story]
    assert found("verslaving", people.bram, use_vocabulary=False) == []


def test_snippet_highlights_and_escapes(people, vocabulary):
    publish(people, "Eerst <b>niets</b>, toen kwamen de schulden en de brieven.")
    hit = search_stories("schulden", people.bram).hits[0]
    assert "<mark>schulden</mark>" in hit.snippet
    assert "&lt;b&gt;" in hit.snippet and "<b>" not in hit.snippet


def test_ranking_prefers_the_title_and_more_matches(people, vocabulary):
    once = publish(people, "Over werk, en een keer over schulden.", title="Werk")
    title = publish(people, "Een verhaal over geld.", title="Schulden")
    assert found("schulden", people.bram)[0] == title
    assert set(found("schulden", people.bram)) == {once, title}


def test_facets_count_only_readable_matches(people, vocabulary):
    publish(people, "Schulden en een gokverslaving.", concepts=[vocabulary["schulden"]])
    publish(
        people,
        "Schulden, alleen voor ons team.",
        visibility=Visibility.ORGANISATION,
        concepts=[vocabulary["schulden"], vocabulary["gok"]],
    )
    for user, total, debts in ((people.coordinator, 2, 2), (people.bram, 1, 1)):
        results = search_stories("schulden", user)
        assert results.total == total
        counts = {f.concept.slug: f.count for facets in results.facets.values() for f in facets}
        assert counts["schulden"] == debts
        assert ("gokverslaving" in counts) == (user == people.coordinator)


def test_filtering_on_a_facet(people, vocabulary):
    tagged = publish(people, "Schulden, met label.", concepts=[vocabulary["schulden"]])
    publish(people, "Schulden, zonder label.")
    assert found("schulden", people.bram, concepts=["schulden"]) == [tagged]


def test_scoping_hides_stories_and_their_counts(people, vocabulary):
    publish(people, "Geheime schulden van het team.", visibility=Visibility.ORGANISATION)
    publish(people, "Mijn eigen schulden.", visibility=Visibility.PRIVATE)
    for user in (people.bram, people.policy_officer, people.researcher, people.anonymous):
        results = search_stories("schulden", user)
        assert results.total == 0 and results.hits == [] and results.facets == {}
    assert search_stories("schulden", people.colleague).total == 1
    public = publish(people, "Openbare schulden.", visibility=Visibility.PUBLIC)
    assert found("schulden", people.anonymous) == [public]


def test_withdraw_and_erase_disappear_at_once(people, vocabulary):
    story = services.save_draft(
        people.anouk, organisation=people.org_a, title="Post", body="Een schoenendoos vol schulden."
    )
    services.publish_story(people.anouk, story, visibility=Visibility.NETWORK, consent_given=True)
    assert found("schoenendoos", people.bram) == [story]
    services.withdraw_story(people.anouk, story)
    assert search_stories("schoenendoos", people.bram).total == 0
    services.publish_story(people.anouk, story, visibility=Visibility.NETWORK, consent_given=True)
    assert search_stories("schoenendoos", people.bram).total == 1
    services.erase_story(people.anouk, story)
    assert search_stories("schoenendoos", people.bram).total == 0
    assert search_stories("schoenendoos", people.anouk).total == 0


@pytest.mark.skipif("connection.vendor != 'sqlite'", reason="SQLite's FTS5 table; PG: the row")
def test_words_go_with_their_entry_even_without_signals(people, vocabulary):
    # `flush` and raw SQL send no post_delete: the database itself must drop the FTS5 row.
    publish(people, "Een schoenendoos vol schulden.")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_searchentry")
        cursor.execute("SELECT count(*) FROM search_fts")
        assert cursor.fetchone()[0] == 0


def test_only_deidentified_text_is_searchable(people, vocabulary):
    story = services.save_draft(
        people.anouk,
        organisation=people.org_a,
        title="Bezoek",
        body="Ik bezocht Fatima el Amrani in verband met schulden.",
    )
    services.publish_story(people.anouk, story, visibility=Visibility.NETWORK, consent_given=True)
    assert search_stories("Amrani", people.bram).total == 0
    assert search_stories("schulden", people.bram).total == 1


def test_a_typo_gets_a_suggestion_and_empty_results_suggest_concepts(people, vocabulary):
    publish(people, "De deurwaarder kwam langs.")
    results = search_stories("deurwaader", people.bram)
    assert results.suggestion == "deurwaarder"
    nothing = search_stories("verslaving xyzzy", people.bram)
    assert nothing.total == 0 and vocabulary["verslaving"] in nothing.related


def test_pagination(people, vocabulary):
    for number in range(25):
        publish(people, f"Verhaal {number} over schulden.")
    first = search_stories("schulden", people.bram, page=1)
    second = search_stories("schulden", people.bram, page=2)
    assert first.total == 25 and first.pages == 2
    assert len(first.hits) == 20 and len(second.hits) == 5
    assert not {h.story.pk for h in first.hits} & {h.story.pk for h in second.hits}


def test_command_line_search_is_scoped_like_the_page(people, vocabulary):
    import io
    import json

    from django.core.management import CommandError, call_command

    publish(people, "Er kwam alweer een incasso binnen.", title="De incasso")
    publish(people, "Team: incasso.", visibility=Visibility.ORGANISATION, title="Alleen team")
    out = io.StringIO()
    call_command("search", "deurwaarder", "--as", people.bram.email, "--json", stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [row["title"] for row in rows] == ["De incasso"]
    assert rows[0]["found_via"] == [{"query": "deurwaarder", "label": "Incasso"}]
    out = io.StringIO()
    call_command("search", "incasso", "--as", people.coordinator.email, stdout=out)
    assert "2 resultaten" in out.getvalue() and "Alleen team" in out.getvalue()
    out = io.StringIO()
    call_command("search", "incasso", stdout=out)  # anonymous: public only
    assert out.getvalue().startswith("0 resultaten")
    with pytest.raises(CommandError):
        call_command("search", "incasso", "--as", "niemand@x.test")


def test_nul_characters_in_a_query_are_ignored(people, vocabulary, client):
    story = publish(people, "Schulden, weer schulden.")
    assert found("schul\x00den", people.bram) == [story]
    assert search_stories("schulden", people.bram, concepts=["schul\x00den"]).total == 0
    assert client.get("/zoeken/", {"q": "a\x00b"}).status_code == 200
    assert client.get("/verhalen/", {"q": "a\x00b"})["Location"] == "/zoeken/?q=ab"


def test_filtering_on_an_unknown_subject_finds_nothing(people, vocabulary):
    publish(people, "Schulden.", concepts=[vocabulary["schulden"]])
    assert search_stories("schulden", people.bram, concepts=["bestaat-niet"]).total == 0
    assert search_stories("schulden", people.bram, concepts=["schulden", "x"]).total == 0


def test_quoted_words_are_one_phrase(people, vocabulary):
    together = publish(people, "Ik kreeg weer rode brieven van de bank.")
    apart = publish(people, "De brieven lagen op de rode stoel.")
    assert found('"rode brieven"', people.bram) == [together]
    assert set(found("rode brieven", people.bram)) == {together, apart}


def test_a_large_result_is_counted_up_to_the_cap(people, vocabulary, monkeypatch, client):
    monkeypatch.setattr(queries, "COUNT_CAP", 3)
    for number in range(5):
        publish(people, f"Verhaal {number} over schulden.")
    results = search_stories("schulden", people.bram)
    assert (results.total, results.total_capped, len(results.hits)) == (3, True, 5)
    client.force_login(people.bram)
    assert "Meer dan 3 verhalen gevonden" in client.get("/zoeken/", {"q": "schulden"}).text


def test_ranking_scores_the_newest_matches(people, vocabulary, monkeypatch):
    monkeypatch.setattr(queries, "CANDIDATES", 3)
    monkeypatch.setattr(queries, "COUNT_CAP", 5)
    best = publish(people, "Schulden, schulden en nog eens schulden.", title="Schulden")
    for number in range(4):
        publish(people, f"Verhaal {number} over werk en wonen en eens over schulden.")
    results = search_stories("schulden", people.bram, per_page=1)
    assert results.hits[0].story == best and results.total == 5 and results.facet_basis == 3
    second = search_stories("schulden", people.bram, page=2, per_page=3)
    assert len(second.hits) == 2
    first = search_stories("schulden", people.bram, per_page=3)
    assert not {h.story for h in second.hits} & {h.story for h in first.hits}
    # The price of bounded work: only the newest COUNT_CAP + 1 matches are scored.
    monkeypatch.setattr(queries, "COUNT_CAP", 3)
    bounded = search_stories("schulden", people.bram, per_page=1)
    assert best not in [hit.story for hit in bounded.hits]
    assert (bounded.total, bounded.total_capped, bounded.facet_basis) == (3, True, 3)


def test_a_probe_of_the_newest_entries_changes_speed_not_results(people, vocabulary, monkeypatch):
    stories = [publish(people, f"Verhaal {n} over schulden.") for n in range(6)]
    stories += [publish(people, f"Verhaal {n} over wonen.") for n in range(4)]
    everywhere = search_stories("schulden", people.bram)
    monkeypatch.setattr(queries, "RANK_WINDOW", 1)  # ten entries: the newest one is probed
    probed = search_stories("schulden", people.bram)
    assert [h.story for h in probed.hits] == [h.story for h in everywhere.hits]
    assert probed.total == everywhere.total == 6 and set(stories[:6]) == {
        h.story for h in probed.hits
    }


@pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="PostgreSQL's ways of searching; runs on PostgreSQL"
)
@pytest.mark.parametrize("rum", [True, False])
@pytest.mark.parametrize("density", [None, 0.001, 0.5])
def test_postgresql_finds_the_same_newest_matches_every_way(
    people, vocabulary, monkeypatch, rum, density
):
    """The planner's choice, the key walk (dense) and the RUM index (rare; the GIN index
    without it) give the same newest matches."""
    from wijkennis.search import backends
    from wijkennis.search.expansion import expand
    from wijkennis.search.models import SearchEntry

    if rum and not backends.has_rum_index():
        pytest.skip("the RUM extension is not installed on this PostgreSQL server")
    monkeypatch.setattr(backends, "has_rum_index", lambda: rum)
    for n in range(7):
        publish(people, "Schulden " * (n % 3 + 1) + f"in verhaal {n}.")
    publish(people, "Alleen over wonen.")
    scope = SearchEntry.objects.visible_to(people.bram)
    terms = expand("schulden").all_terms
    ranked, matched = backends.PostgresBackend().ranked(scope, terms, 10, 4, backends.ALL, density)
    newest_four = list(
        SearchEntry.objects.filter(story__published_version__body__icontains="schulden")
        .order_by("-id")
        .values_list("id", flat=True)[:4]
    )
    assert matched == 4 and {entry_id for entry_id, _score in ranked} == set(newest_four)


def test_facets_count_the_best_candidates(people, vocabulary, monkeypatch):
    monkeypatch.setattr(queries, "CANDIDATES", 2)
    for number in range(3):
        publish(people, f"Schulden {number}.", concepts=[vocabulary["schulden"]])
    results = search_stories("schulden", people.bram, per_page=1)
    assert results.total == 3 and results.facet_basis == 2
    assert [f.count for f in results.facets["Levensgebied"]] == [2]


def test_knowledge_ranks_above_stories_for_the_same_match(people, vocabulary):
    from wijkennis.knowledge import services as knowledge

    story = publish(people, "Samen de schoenendoos met post openen.", title="Samen openen")
    item = knowledge.propose_item(
        people.anouk,
        situations=[vocabulary["incasso"]],
        title="Samen openen",
        insight="Samen de schoenendoos met post openen.",
    )
    results = search_stories("schoenendoos", people.bram, include_knowledge=True)
    assert [(hit.item, hit.story) for hit in results.hits] == [(item, None), (None, story)]
    assert results.hits[0].url == item.get_absolute_url() and results.total == 2
    # Found through the concept filter too, and never by those who may not read it.
    assert (
        search_stories("schoenendoos", people.bram, include_knowledge=True, concepts=["incasso"])
        .hits[0]
        .item
        == item
    )
    assert search_stories("schoenendoos", people.policy_officer, include_knowledge=True).total == 0
    # The API and the command line search stories only.
    assert [hit.story for hit in search_stories("schoenendoos", people.bram).hits] == [story]
    knowledge.revise_item(
        people.anouk,
        item,
        situations=[vocabulary["incasso"]],
        change_note="Ander woord.",
        title="Samen openen",
        insight="Samen de brieven openen.",
    )
    assert search_stories("schoenendoos", people.bram, include_knowledge=True).total == 1


def test_hits_never_load_the_original_text(people, vocabulary):
    publish(people, "Schulden en nog eens schulden.")
    version = search_stories("schulden", people.bram).hits[0].story.published_version
    assert {"original_title", "original_body"} <= version.get_deferred_fields()
