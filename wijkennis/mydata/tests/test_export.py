"""Download: the JSON holds everything in the registry and only the person's own data; the PDF
opens; a download leaves an audit line without any text."""

import io
import json

import pytest
from django.urls import reverse
from pypdf import PdfReader

from wijkennis.core.models import AuditEvent
from wijkennis.mydata import selectors
from wijkennis.mydata.registry import rules
from wijkennis.stories.models import Status, Visibility

from .helpers import MARKER, everything_else_with_marker, person_with_marker, stories_with_marker


def download(client, user):
    client.force_login(user)
    response = client.get(reverse("mydata:export_json"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def test_json_is_complete_per_registry_with_the_stories_as_written(client, people):
    person = person_with_marker(people)
    stories = stories_with_marker(person, people)
    everything_else_with_marker(person, people)

    data = download(client, person)

    assert set(data["data"]) == {key for key, _rule in rules()}
    assert data["account"]["email"] == person.email
    exported = {row["id"]: row for row in data["data"]["stories.Story.author"]}
    assert set(exported) == {story.pk for story in stories}
    versions = exported[stories[-1].pk]["versions"]
    assert versions[-1]["written"]["body"] == f"Aangepast door {MARKER}."
    assert versions[-1]["deidentified"]["body"] == "Aangepast door [naam 1]."
    # Every place where something was made for the person shows up in the download.
    for key in (
        "knowledge.Recognition.user",
        "knowledge.ExperienceReport.reporter",
        "inbreng.Contribution.contributor",
        "inbreng.Notification.user",
        "referrals.ExperienceProfile.user",
        "trainings.TrainingRecord.worker",
        "taalbrug.SavedText.owner",
        "intervision.Case.author",
        "intervision.Session.attendees",
        "vocabulary.Comment.author",
        "authtoken.Token.user",
        "core.AuditEvent.actor",
        "organisations.Membership.user",
    ):
        assert data["data"][key], key
    assert data["events_about_you"]
    token_row = data["data"]["authtoken.Token.user"][0]
    assert set(token_row) == {"id", "created"}  # never the secret key


@pytest.mark.parametrize(
    "who",
    ["anouk", "coordinator", "colleague", "bram", "policy_officer", "researcher", "admin"],
)
def test_nobody_gets_someone_elses_data(client, people, who):
    """The marker person's data (shared with A and the network) never shows up in the
    download of anyone else, whatever their role."""
    person = person_with_marker(people)
    stories_with_marker(person, people)
    everything_else_with_marker(person, people)
    reader = getattr(people, who)

    data = download(client, reader)
    text = json.dumps(data, ensure_ascii=False).lower()

    assert MARKER not in text
    assert person.email not in text
    overview = client.get(reverse("mydata:overview"))
    assert MARKER not in overview.content.decode().lower()


def test_pdf_opens_and_shows_the_persons_own_stories(client, people):
    person = person_with_marker(people)
    stories_with_marker(person, people)
    client.force_login(person)

    response = client.get(reverse("mydata:export_pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert person.email in text
    assert f"Schulden en {MARKER}" in text
    assert len(reader.pages) >= 2


def test_a_download_leaves_an_audit_line_without_text(client, people):
    person = person_with_marker(people)
    stories_with_marker(person, people)

    download(client, person)
    client.get(reverse("mydata:export_pdf"))

    events = AuditEvent.objects.filter(action="mydata.exported", actor=person)
    assert sorted(events.values_list("detail", flat=True)) == ["json", "pdf"]
    assert all(MARKER not in event.detail for event in AuditEvent.objects.all())


def test_overview_lists_stories_per_status_with_links(client, people):
    person = person_with_marker(people)
    stories = stories_with_marker(person, people)
    everything_else_with_marker(person, people)
    client.force_login(person)

    response = client.get(reverse("mydata:overview"))

    html = response.content.decode()
    assert response.status_code == 200
    for story in stories:
        assert f'href="{reverse("stories:detail", args=[story.pk])}"' in html
    assert 'data-registry="knowledge.Recognition.user" data-count="1"' in html
    assert 'data-registry="taalbrug.SavedText.owner" data-count="1"' in html
    assert stories[0].status == Status.DRAFT and stories[1].visibility == Visibility.PRIVATE


def test_overview_and_downloads_need_a_login(client):
    for name in ("mydata:overview", "mydata:export_json", "mydata:export_pdf"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]


def test_overview_counts_every_entry_in_one_query(people, django_assert_num_queries):
    person = person_with_marker(people)
    stories_with_marker(person, people)
    everything_else_with_marker(person, people)

    for user in (person, people.bram):
        with django_assert_num_queries(1):
            sections = selectors.overview(user)
        counts = {entry["key"]: entry["count"] for s in sections for entry in s["entries"]}
        assert counts == {key: selectors.rows_for(user, key).count() for key, _rule in rules()}
    assert counts["stories.Story.author"] == 0  # bram wrote none
    assert sum(counts.values()) > 0  # but has a membership, so the counts are not all zero
