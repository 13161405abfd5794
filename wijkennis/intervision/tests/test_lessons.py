"""Lessons learned, and turning one into a wij-kennis proposal in one click."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from wijkennis.intervision import services
from wijkennis.knowledge.models import ItemStatus, KnowledgeItem

from .helpers import group_of, session_of


def test_record_a_lesson_through_the_page(client, people):
    session = session_of(group_of(people, people.bram))
    client.force_login(people.bram)
    url = reverse("intervision:lesson_create", args=[session.pk])
    response = client.post(
        url, {"lesson-title": "Eén brief per keer", "lesson-text": "Niet alles tegelijk."}
    )
    assert response.status_code == 302
    lesson = session.lessons.get()
    assert (lesson.title, lesson.author) == ("Eén brief per keer", people.bram)
    assert client.post(url, {"lesson-title": "", "lesson-text": ""}).status_code == 400


def test_a_lesson_becomes_a_knowledge_proposal(client, people):
    group = group_of(people, people.bram)
    session = session_of(group)
    lesson = services.record_lesson(
        people.anouk, session, title="Eén brief per keer", text="Open samen één brief per week."
    )
    client.force_login(people.bram)
    response = client.post(reverse("intervision:lesson_propose", args=[lesson.pk]))
    item = KnowledgeItem.objects.get()
    assert response.status_code == 302 and response.url == item.get_absolute_url()
    lesson.refresh_from_db()
    assert lesson.knowledge_item == item and lesson.proposed_by == people.bram
    assert item.status == ItemStatus.VOORSTEL and item.created_by == people.bram
    assert item.current.title == "Eén brief per keer"
    assert item.current.insight == "Open samen één brief per week."
    assert list(item.current.situations.all()) == list(group.themes.all())

    page = client.get(group.get_absolute_url()).content.decode()
    assert item.get_absolute_url() in page
    # Once only.
    with pytest.raises(ValidationError):
        services.propose_lesson(people.anouk, lesson)
    assert client.post(reverse("intervision:lesson_propose", args=[lesson.pk])).status_code == 302
    assert KnowledgeItem.objects.count() == 1


def test_a_group_without_themes_cannot_propose(people):
    session = session_of(group_of(people, themes=[]))
    lesson = services.record_lesson(people.anouk, session, title="Rust", text="Luisteren.")
    with pytest.raises(ValidationError):
        services.propose_lesson(people.anouk, lesson)
    assert not KnowledgeItem.objects.exists()


def test_names_in_a_lesson_do_not_reach_wij_kennis(people):
    session = session_of(group_of(people))
    lesson = services.record_lesson(
        people.anouk,
        session,
        title="Samen met Bram Oosterhuis",
        text="Bram Oosterhuis liet zien dat één brief per keer werkt.",
    )
    item = services.propose_lesson(people.anouk, lesson)
    assert "Oosterhuis" not in item.current.title + item.current.insight
