"""Pages of the story flow, with the bad input of issue #2: never a 500, input kept."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import ConceptFactory, StoryFactory
from wijkennis.stories.models import Status, Story, Visibility
from wijkennis.stories.views import NewestPaginator


@pytest.fixture
def anouk_client(client, people):
    client.force_login(people.anouk)
    return client


def test_empty_story_gets_a_dutch_message(anouk_client):
    response = anouk_client.post(reverse("stories:create"), {"title": "Mijn titel", "body": "  "})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Je verhaal is nog leeg" in page
    assert 'value="Mijn titel"' in page
    assert not Story.objects.exists()


def test_story_over_the_limit_is_refused_and_kept(anouk_client):
    body = ("Ik belde de schuldhulp opnieuw. " * 7000)[:199_999] + "."
    response = anouk_client.post(reverse("stories:create"), {"title": "Lang", "body": body})
    assert response.status_code == 200
    page = response.content.decode()
    assert "200.000" in page and "100.000" in page
    assert body[:5000] in page  # what the author typed is still in the box
    assert not Story.objects.exists()


def test_upload_that_is_not_utf8_gets_a_dutch_message(anouk_client):
    upload = SimpleUploadedFile("brief.txt", "Één brief van de gemeente".encode("utf-16"))
    response = anouk_client.post(
        reverse("stories:create"), {"title": "Brief", "body": "", "upload": upload}
    )
    assert response.status_code == 200
    assert "UTF-8" in response.content.decode()
    assert not Story.objects.exists()


def test_utf8_upload_becomes_the_story(anouk_client):
    upload = SimpleUploadedFile("verhaal.txt", b"Ik opende de schoenendoos met post.")
    response = anouk_client.post(
        reverse("stories:create"), {"title": "", "body": "", "upload": upload}
    )
    story = Story.objects.get()
    assert response.status_code == 302
    assert story.current_version.original_body == "Ik opende de schoenendoos met post."
    assert story.current_version.original_title.startswith("Ik opende")


def test_script_in_a_story_is_shown_as_text(anouk_client, people, client):
    script = '<script>alert("x")</script>'
    anouk_client.post(
        reverse("stories:create"), {"title": f"Titel {script}", "body": f"Tekst {script} erna."}
    )
    story = Story.objects.get()
    for url in ("stories:review", "stories:detail", "stories:publish"):
        page = anouk_client.get(reverse(url, args=[story.pk])).content.decode()
        assert script not in page
        assert html.escape(script) in page or "&lt;script&gt;" in page


def test_review_page_highlights_each_replacement(anouk_client):
    anouk_client.post(
        reverse("stories:create"),
        {"title": "Bezoek", "body": "Ik belde Kees de Boer op 06-12345678."},
    )
    story = Story.objects.get()
    page = anouk_client.get(reverse("stories:review", args=[story.pk])).content.decode()
    assert page.count('class="hidden-detail hidden-detail--accepted"') >= 2
    assert "06-12345678" in page  # the author sees her own original
    assert "[telefoonnummer]" in page


def test_publish_without_consent_keeps_the_choice(anouk_client, people):
    story = StoryFactory(author=people.anouk, organisation=people.org_a)
    response = anouk_client.post(
        reverse("stories:publish", args=[story.pk]), {"visibility": Visibility.NETWORK}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vink het vakje aan" in page
    assert (
        'value="network" id="visibility-network" aria-describedby="consent-network" checked' in page
    )
    story.refresh_from_db()
    assert story.status == Status.DRAFT


def test_span_decision_with_htmx_returns_the_review_fragment(anouk_client):
    anouk_client.post(
        reverse("stories:create"), {"title": "Bezoek", "body": "Ik belde 06-12345678."}
    )
    story = Story.objects.get()
    span = story.current_version.spans.get()
    response = anouk_client.post(
        reverse("stories:span", args=[story.pk, span.pk]),
        {"decision": "undone"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert b"<html" not in response.content and b'id="review-body"' in response.content


def test_unknown_span_decision_is_a_message_not_a_500(anouk_client):
    anouk_client.post(reverse("stories:create"), {"title": "B", "body": "Ik belde 06-12345678."})
    story = Story.objects.get()
    span = story.current_version.spans.get()
    response = anouk_client.post(
        reverse("stories:span", args=[story.pk, span.pk]), {"decision": "hack"}, follow=True
    )
    assert response.status_code == 200


def test_words_typed_on_the_list_go_to_the_search(client, people):
    # The search page searches only de-identified text (search/tests); the list has no search.
    response = client.get(reverse("stories:list"), {"q": " deurwaarder\x00 "})
    assert response.status_code == 302
    assert response["Location"] == reverse("search:search") + "?q=deurwaarder"


def test_a_long_list_counts_no_further_than_its_cap(client, people, monkeypatch):
    monkeypatch.setattr(NewestPaginator, "COUNT_CAP", 2)
    for number in range(3):
        StoryFactory(
            author=people.anouk,
            organisation=people.org_a,
            published=True,
            visibility=Visibility.PUBLIC,
            title=f"Verhaal {number}",
        )
    page = client.get(reverse("stories:list"))
    assert page.context["page"].paginator.count == 3  # the cap + 1: "more than 2"
    assert "Meer dan 2 verhalen" in page.content.decode()
    monkeypatch.setattr(NewestPaginator, "COUNT_CAP", 3)
    page = client.get(reverse("stories:list"))
    assert "3 verhalen" in page.content.decode() and "Meer dan" not in page.content.decode()


def test_publish_suggests_subjects_and_offers_the_others(anouk_client, people):
    from tests.factories import ConceptFactory

    debts = ConceptFactory(slug="schulden", pref_label="Schulden")
    other = ConceptFactory(slug="verslaving", pref_label="Verslaving", scheme="levensgebied")
    story = StoryFactory(author=people.anouk, organisation=people.org_a, body="Veel schulden.")
    page = anouk_client.get(reverse("stories:publish", args=[story.pk])).content.decode()
    assert (
        page.index("Schulden") < page.index("Andere onderwerpen kiezen") < page.index("Verslaving")
    )
    assert f'value="{debts.pk}"' in page and "checked" in page.split("Andere onderwerpen kiezen")[0]
    anouk_client.post(
        reverse("stories:publish", args=[story.pk]),
        {"visibility": "organisation", "consent": "on", "concepts": [other.pk]},
    )
    assert list(story.concepts.all()) == [other]


@pytest.mark.parametrize(
    "page", ["core:home", "stories:list", "stories:detail", "api:story-list", "api:story-detail"]
)
def test_readers_pages_never_load_the_private_originals(client, people, page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    story = StoryFactory(
        author=people.anouk,
        organisation=people.org_a,
        published=True,
        visibility=Visibility.NETWORK,
        body="[naam 1] kwam langs.",
    )
    client.force_login(people.bram)
    args = [story.pk] if page.endswith("detail") else []
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(page, args=args))
    assert response.status_code == 200 and "[naam 1]" in response.content.decode()
    assert not [query for query in captured if "original_body" in query["sql"]]


def test_story_page_names_its_subjects_in_the_vocabulary_order(client, people):
    work = ConceptFactory(pref_label="Werk")
    debts = ConceptFactory(pref_label="Armoede")
    story = StoryFactory(author=people.anouk, published=True, visibility=Visibility.PUBLIC)
    story.concepts.set([work, debts])
    client.force_login(people.bram)
    url = reverse("stories:detail", args=[story.pk])
    page = client.get(url).content.decode()
    assert page.index(">Armoede<") < page.index(">Werk<")
    debts.pref_label = "Geldzorgen"
    debts.save()  # the vocabulary kept in this process is rebuilt at once
    page = client.get(url).content.decode()
    assert ">Geldzorgen<" in page and ">Armoede<" not in page
