"""The wij-kennis pages: report form, advice card, concept page, and what they keep or hide."""

from tests.factories import ConceptFactory, MembershipFactory, OrganisationFactory
from wijkennis.knowledge import services
from wijkennis.knowledge.models import ExperienceReport
from wijkennis.organisations.models import Role


def test_a_failed_report_keeps_what_was_typed(client, people):
    ConceptFactory(slug="post", pref_label="Ongeopende post", scheme="sleutelsituatie")
    client.force_login(people.anouk)
    response = client.post(
        "/wij-kennis/ervaring/",
        {
            "situation": "post",
            "tried_text": "samen bellen met de schuldeiser",
            "for_whom": "ouders",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "samen bellen met de schuldeiser" in page and 'value="ouders"' in page
    assert not ExperienceReport.objects.exists()


def test_patterns_show_as_chart_and_table_on_the_card_and_the_concept_page(client, people):
    situation = ConceptFactory(slug="post", pref_label="Ongeopende post", scheme="sleutelsituatie")
    tried = ConceptFactory(slug="samen", pref_label="Samen openen", scheme="methodiek")
    organisation = OrganisationFactory()
    for outcome in ["hielp"] * 4 + ["maakte_erger"]:
        reporter = MembershipFactory(organisation=organisation, role=Role.ERVARINGSWERKER).user
        services.submit_report(reporter, situation=situation, tried=tried, outcome=outcome)
    client.force_login(people.anouk)
    card = client.get("/wij-kennis/situatie/post/").content.decode()
    assert "<table" in card and "pattern-chart" in card
    assert "Van de 5 mensen die “Samen openen” probeerden bij “Ongeopende post”" in card
    assert "zeiden er 4 dat het hielp" in card
    concept_page = client.get("/taal/begrip/post/").content.decode()
    assert "Van de 5 mensen" in concept_page
    # One report fewer and the group is too small: nothing shown anywhere.
    ExperienceReport.objects.filter(outcome="maakte_erger").delete()
    services.refresh_patterns()
    assert "Van de" not in client.get("/wij-kennis/situatie/post/").content.decode()
    assert "Van de" not in client.get("/taal/begrip/post/").content.decode()


def test_my_reports_are_mine_only(client, people):
    situation = ConceptFactory(slug="post", pref_label="Ongeopende post", scheme="sleutelsituatie")
    services.submit_report(people.bram, situation=situation, tried_text="bellen", outcome="hielp")
    client.force_login(people.anouk)
    assert "bellen" not in client.get("/wij-kennis/ervaring/mijn/").content.decode()
    client.force_login(people.bram)
    assert "bellen" in client.get("/wij-kennis/ervaring/mijn/").content.decode()


def test_research_exports_keep_the_small_group_rule(client, people):
    situation = ConceptFactory(slug="post", pref_label="Ongeopende post", scheme="sleutelsituatie")
    tried = ConceptFactory(slug="samen", pref_label="Samen openen", scheme="methodiek")
    organisation = OrganisationFactory()
    for _ in range(5):
        reporter = MembershipFactory(organisation=organisation, role=Role.ERVARINGSWERKER).user
        services.submit_report(reporter, situation=situation, tried=tried, outcome="hielp")
    services.submit_report(people.anouk, situation=situation, tried_text="bellen", outcome="hielp")
    item = services.propose_item(
        people.anouk, situations=[situation], title="Samen", insight="Een vaste dag."
    )
    services.recognise(people.bram, item, True)
    client.force_login(people.anouk)
    assert client.get("/wij-kennis/onderzoek/").status_code == 403
    client.force_login(people.researcher)
    patterns = client.get("/wij-kennis/onderzoek/patterns.json").json()
    assert [(row["tried"], row["people"], row["organisation_kind"]) for row in patterns] == [
        ("Samen openen", 5, "all"),
        ("Samen openen", 5, organisation.kind),
    ]
    recognitions = client.get("/wij-kennis/onderzoek/recognitions.json").json()
    assert recognitions == [
        {
            "item": item.pk,
            "version": 1,
            "organisation_kind": people.org_b.kind,
            "recognise": None,  # one person: fewer than five
            "not_recognise": None,
        }
    ]
    items_csv = client.get("/wij-kennis/onderzoek/items.csv").content.decode()
    assert items_csv.splitlines()[0].startswith("item,status,version") and "Samen" in items_csv
    qdpx = client.get("/wij-kennis/onderzoek/verhalen.qdpx")
    assert qdpx["Content-Type"] == "application/zip" and qdpx.content[:2] == b"PK"
    assert client.get("/wij-kennis/onderzoek/iets.csv").status_code == 404


def test_the_concept_page_lists_the_wij_kennis_about_it(client, people):
    situation = ConceptFactory(slug="post", pref_label="Ongeopende post", scheme="sleutelsituatie")
    services.propose_item(
        people.anouk, situations=[situation], title="Samen openen", insight="Een vaste dag."
    )
    client.force_login(people.bram)
    assert "Samen openen" in client.get("/taal/begrip/post/").content.decode()
    client.logout()
    assert "Samen openen" not in client.get("/taal/begrip/post/").content.decode()


def test_the_card_shows_the_ten_most_reported_patterns_and_all_on_request(client, people):
    from wijkennis.knowledge import patterns

    situation = ConceptFactory(slug="post", pref_label="Ongeopende post", scheme="sleutelsituatie")
    organisation = OrganisationFactory()
    reporters = [
        MembershipFactory(organisation=organisation, role=Role.ERVARINGSWERKER).user
        for _ in range(5)
    ]
    for number in range(patterns.SHOWN + 2):
        for reporter in reporters:
            services.submit_report(
                reporter, situation=situation, tried_text=f"aanpak {number}", outcome="hielp"
            )
    client.force_login(people.anouk)
    card = client.get("/wij-kennis/situatie/post/")
    assert len(card.context["patterns"]) == patterns.SHOWN and card.context["pattern_count"] == 12
    assert "De 10 meest gemelde van 12" in card.content.decode()
    assert len(client.get("/wij-kennis/situatie/post/", {"alle": "1"}).context["patterns"]) == 12


def test_the_card_shows_evidence_stories_first_then_the_newest_readable_ones(client, people):
    from tests.factories import StoryFactory
    from wijkennis.stories.models import Visibility

    situation = ConceptFactory(slug="post", pref_label="Ongeopende post", scheme="sleutelsituatie")

    def story(title, visibility=Visibility.NETWORK):
        made = StoryFactory(
            author=people.bram,
            organisation=people.org_b,
            published=True,
            visibility=visibility,
            title=title,
        )
        made.concepts.set([situation])
        return made

    evidence = story("Bewijs")
    for number in range(5):
        story(f"Nieuw {number}")
    story("Geheim", visibility=Visibility.ORGANISATION)  # newest, but not for Anouk
    item = services.propose_item(
        people.anouk, situations=[situation], stories=[evidence], title="Samen", insight="Zo."
    )
    services.recognise(people.bram, item, True)
    client.force_login(people.anouk)
    titles = [
        s.published_version.title
        for s in client.get("/wij-kennis/situatie/post/").context["stories"]
    ]
    assert titles == ["Bewijs", "Nieuw 4", "Nieuw 3", "Nieuw 2", "Nieuw 1"]


def test_the_card_follows_publishing_and_erasing_at_once(client, people):
    # The choice of stories is cached: a story published or erased since must count next time.
    from wijkennis.stories import services as stories
    from wijkennis.stories.models import Visibility

    situation = ConceptFactory(slug="post", pref_label="Ongeopende post", scheme="sleutelsituatie")

    def card_titles():
        stories_shown = client.get("/wij-kennis/situatie/post/").context["stories"]
        return [story.published_version.title for story in stories_shown]

    def write(title):
        story = stories.save_draft(people.bram, organisation=people.org_b, title=title, body="Po.")
        story.concepts.set([situation])
        return story

    def publish(story):
        options = {"visibility": Visibility.NETWORK, "consent_given": True}
        stories.publish_story(people.bram, story, concepts=[situation], **options)

    draft = write("Nog een concept")
    own = stories.save_draft(people.bram, organisation=people.org_b, title="Eigen", body="Post.")
    stories.publish_story(people.bram, own, visibility=Visibility.PRIVATE, consent_given=True)
    client.force_login(people.bram)  # who reads their own stories, drafts too
    assert card_titles() == []  # the author's own draft is not evidence
    first = write("Eerste")
    publish(first)
    client.force_login(people.anouk)
    assert card_titles() == ["Eerste"]
    publish(draft)
    assert card_titles() == ["Nog een concept", "Eerste"]
    stories.erase_story(people.bram, first)
    assert card_titles() == ["Nog een concept"]
