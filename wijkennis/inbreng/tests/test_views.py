"""The pages: log inbreng, answer it, see the timeline, rate and reopen, inbox and figures."""

import datetime
import re

import pytest
from django.core import mail

from tests.factories import ConceptFactory
from wijkennis.inbreng import services
from wijkennis.inbreng.models import Contribution, Notification, Status

from .helpers import closed_inbreng, inbreng_for

pytestmark = pytest.mark.django_db


def form_data(people, **extra):
    return {
        "recipient_organisation": people.municipality.pk,
        "recipient_name": "Raadscommissie Zorg",
        "recipient_user": "",
        "level": "tertiair",
        "title": "Brieven zijn te moeilijk",
        "text": "Ik las drie brieven voor. Niemand begreep ze.",
        "given_on": "2026-01-15",
    } | extra


def test_a_worker_logs_inbreng(client, people):
    topic = ConceptFactory(pref_label="Geldzorgen")
    client.force_login(people.anouk)
    page = client.get("/inbreng/nieuw/").content.decode()
    assert 'name="contributor"' not in page  # she logs only her own
    response = client.post("/inbreng/nieuw/", form_data(people, topics=[topic.pk]))
    contribution = Contribution.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/inbreng/{contribution.pk}/"
    assert contribution.contributor == people.anouk and contribution.organisation == people.org_a
    assert list(contribution.topics.all()) == [topic]
    assert contribution.given_on == datetime.date(2026, 1, 15)
    assert len(mail.outbox) == 2  # policy officer and beheerder of the municipality


def test_a_failed_form_keeps_what_was_typed(client, people):
    client.force_login(people.anouk)
    response = client.post("/inbreng/nieuw/", form_data(people, title=""))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ik las drie brieven voor. Niemand begreep ze." in page
    assert "Raadscommissie Zorg" in page
    assert 'class="error-summary"' in page
    assert not Contribution.objects.exists()


def test_a_coordinator_logs_for_a_worker(client, people):
    client.force_login(people.coordinator)
    page = client.get("/inbreng/nieuw/").content.decode()
    assert 'name="contributor"' in page
    client.post("/inbreng/nieuw/", form_data(people, contributor=people.anouk.pk))
    contribution = Contribution.objects.get()
    assert contribution.contributor == people.anouk
    assert contribution.recorded_by == people.coordinator


def test_people_without_a_contributor_role_cannot_log(client, people):
    for person in (people.colleague, people.policy_officer, people.researcher):
        client.force_login(person)
        assert client.get("/inbreng/nieuw/").status_code == 403


def test_the_receiving_side_answers_and_the_worker_sees_it_on_the_timeline(client, people):
    contribution = inbreng_for(people)
    client.force_login(people.policy_officer)
    page = client.get(f"/inbreng/{contribution.pk}/").content.decode()
    assert "antwoord/" in page and 'name="status"' in page
    response = client.post(
        f"/inbreng/{contribution.pk}/antwoord/",
        {
            "text": "Het leespanel leest voortaan mee.",
            "status": "verwerkt",
            "change": "doorgevoerd",
        },
    )
    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.status == Status.PROCESSED
    assert Notification.objects.filter(user=people.anouk).count() == 1
    client.force_login(people.anouk)
    page = client.get(f"/inbreng/{contribution.pk}/").content.decode()
    timeline = re.search(r'<ol class="timeline">(.*?)</ol>', page, re.S).group(1)
    assert timeline.count("<li") == 2 and timeline.count("<time") == 2
    assert "Het leespanel leest voortaan mee." in timeline
    assert 'name="satisfaction"' in page and 'name="reopen-reason"' in page
    # Reading the page marks her notification read.
    assert not Notification.objects.filter(user=people.anouk).unread().exists()


def test_closing_without_a_reason_shows_the_error_and_keeps_the_text(client, people):
    contribution = inbreng_for(people)
    client.force_login(people.policy_officer)
    response = client.post(
        f"/inbreng/{contribution.pk}/antwoord/",
        {"text": "Dit doen we niet, sorry.", "status": "niet_overgenomen"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dit doen we niet, sorry." in page and 'class="error-summary"' in page
    contribution.refresh_from_db()
    assert contribution.status == Status.RECEIVED


def test_milestones_on_the_page(client, people):
    contribution = inbreng_for(people)
    client.force_login(people.policy_officer)
    response = client.post(
        f"/inbreng/{contribution.pk}/mijlpaal/",
        {"milestone-title": "Leespanel opgericht", "milestone-due_on": "2027-02-01"},
    )
    assert response.status_code == 302
    milestone = contribution.milestones.get()
    response = client.post(
        f"/inbreng/{contribution.pk}/mijlpaal/{milestone.pk}/", {f"m{milestone.pk}-progress": 50}
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.progress == 50
    assert client.post(f"/inbreng/{contribution.pk}/mijlpaal/", {}).status_code == 400
    client.force_login(people.anouk)
    page = client.get(f"/inbreng/{contribution.pk}/").content.decode()
    assert "Leespanel opgericht" in page and "50%" in page


def test_rate_and_reopen_on_the_page(client, people):
    contribution = closed_inbreng(people)
    client.force_login(people.anouk)
    url = f"/inbreng/{contribution.pk}/"
    assert client.post(url + "beoordelen/", {"satisfaction": "deels"}).status_code == 302
    assert client.post(url + "heropenen/", {"reopen-reason": ""}).status_code == 400
    response = client.post(url + "heropenen/", {"reopen-reason": "Er veranderde nog niets."})
    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.status == Status.IN_PROGRESS and contribution.satisfaction == "deels"
    kinds = [entry.kind for entry in client.get(url).context["timeline"]]
    assert kinds == ["created", "closed", "rating", "reopen"]


def test_inbox_with_unread_messages(client, people):
    contribution = inbreng_for(people)
    client.force_login(people.policy_officer)
    response = client.get("/inbreng/postvak/")
    assert response.context["unread"] == 1
    assert list(response.context["open"]) == [contribution]
    note = Notification.objects.get(user=people.policy_officer)
    assert (
        client.get(f"/inbreng/meldingen/{note.pk}/")["Location"] == f"/inbreng/{contribution.pk}/"
    )
    assert client.get("/inbreng/postvak/").context["unread"] == 0
    inbreng_for(people, title="Tweede")
    assert client.post("/inbreng/meldingen/gelezen/").status_code == 302
    assert not Notification.objects.filter(user=people.policy_officer).unread().exists()


def test_my_list_shows_status(client, people):
    contribution = inbreng_for(people)
    services.add_update(people.policy_officer, contribution, text="We kijken ernaar.")
    inbreng_for(people, people.bram, to=people.org_b, title="Van Bram")
    client.force_login(people.anouk)
    response = client.get("/inbreng/")
    assert list(response.context["contributions"]) == [contribution]
    client.force_login(people.coordinator)
    assert list(client.get("/inbreng/").context["contributions"]) == [contribution]


def test_accountability_page_hides_small_groups(client, people):
    for number in range(6):
        closed_inbreng(people, title=f"Inbreng {number}")
    client.force_login(people.policy_officer)
    response = client.get(f"/inbreng/verantwoording/{people.municipality.pk}/")
    figures = response.context["figures"]
    assert figures["total"] == 6 and figures["changed_share"] == 1.0
    page = response.content.decode()
    assert "100%" in page
    assert "fewer than 5" in page or "minder dan 5" in page


def test_the_menu_badge_follows_every_change_of_the_messages(client, people):
    """The badge is cached between pages: each way a message comes or is read must show."""
    client.force_login(people.policy_officer)

    def badge():
        return client.get("/").context["inbreng_unread"]

    assert badge() == 0
    first = inbreng_for(people)  # a new message (created in bulk, without signals)
    assert badge() == 1
    client.get(f"/inbreng/{first.pk}/")  # reading the inbreng marks its message read
    assert badge() == 0
    inbreng_for(people, title="Tweede")
    inbreng_for(people, title="Derde")
    assert badge() == 2
    note = Notification.objects.filter(user=people.policy_officer).unread().first()
    client.get(f"/inbreng/meldingen/{note.pk}/")  # one message opened
    assert badge() == 1
    client.post("/inbreng/meldingen/gelezen/")  # all read
    assert badge() == 0
    inbreng_for(people, title="Vierde")
    Contribution.objects.get(title="Vierde").delete()  # its message goes with it
    assert badge() == 0
