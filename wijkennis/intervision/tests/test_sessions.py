"""A session: planned by the facilitator, led step by step through a method, with notes."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from wijkennis.intervision import services
from wijkennis.intervision.methods import get_method, methods
from wijkennis.intervision.models import StepNote

from .helpers import group_of, session_of


def test_three_standard_methods_ship_with_steps():
    shipped = methods()
    assert {"incidentmethode", "probleemoplossend", "reflectiecyclus"} <= set(shipped)
    for method in shipped.values():
        assert len(method.steps) >= 4
        assert [step.number for step in method.steps] == list(range(1, len(method.steps) + 1))
        assert all(step.title and step.explanation for step in method.steps)


def test_plan_a_session_through_the_page(client, people):
    group = group_of(people, people.bram)
    client.force_login(people.anouk)
    url = reverse("intervision:session_create", args=[group.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "starts_at": "2030-03-05T14:00",
            "duration": "90",
            "method": "reflectiecyclus",
            "place": "",
            "online_url": "https://meet.example.org/abc",
        },
    )
    assert response.status_code == 302
    session = group.sessions.get()
    local = timezone.localtime(session.starts_at)
    assert (local.hour, local.minute) == (14, 0)
    assert session.ends_at - session.starts_at == datetime.timedelta(minutes=90)
    assert session.method == "reflectiecyclus"


def test_a_session_needs_a_place_or_link(people):
    group = group_of(people)
    with pytest.raises(ValidationError) as error:
        session_of(group, place="")
    assert "place" in error.value.message_dict


def test_steps_forward_and_back(people):
    group = group_of(people, people.bram)
    session = session_of(group, method="probleemoplossend")
    steps = get_method("probleemoplossend").steps
    session = services.move_step(people.bram, session, forward=False)  # stays at the first
    assert session.current_step == 0
    for _step in steps[1:]:
        session = services.move_step(people.bram, session, forward=True)
    assert session.is_last_step and not session.is_finished
    session = services.move_step(people.anouk, session, forward=True)
    assert session.is_finished and session.current_step == len(steps) - 1
    session = services.move_step(people.anouk, session, forward=False)
    assert not session.is_finished and session.current_step == len(steps) - 1
    session = services.move_step(people.anouk, session, forward=False)
    assert session.current_step == len(steps) - 2


def test_the_session_page_guides_through_the_steps(client, people):
    group = group_of(people, people.bram)
    session = session_of(group)
    method = get_method("incidentmethode")
    client.force_login(people.bram)
    page = client.get(session.get_absolute_url()).content.decode()
    assert method.steps[0].title in page and method.steps[0].explanation in page
    assert "Stap 1 van 7" in page or "Step 1 of 7" in page

    step_url = reverse("intervision:step", args=[session.pk])
    client.post(step_url, {"direction": "next"})
    client.post(
        reverse("intervision:note", args=[session.pk]), {"note-text": "Vraag: hoe begin ik?"}
    )
    response = client.get(session.get_absolute_url())
    assert response.context["step"] == method.steps[1]
    assert "Vraag: hoe begin ik?" in response.content.decode()
    assert StepNote.objects.get().step == 1

    client.post(step_url, {"direction": "previous"})
    response = client.get(session.get_absolute_url())
    assert response.context["step"] == method.steps[0]
    assert response.context["step_notes"] == []


def test_an_empty_note_is_refused(client, people):
    session = session_of(group_of(people))
    client.force_login(people.anouk)
    response = client.post(reverse("intervision:note", args=[session.pk]), {"note-text": ""})
    assert response.status_code == 400
    assert not StepNote.objects.exists()


def test_facilitator_records_who_was_there(client, people):
    group = group_of(people, people.bram, people.coordinator_b)
    session = session_of(group, days=-1)
    client.force_login(people.anouk)
    response = client.post(
        reverse("intervision:attendance", args=[session.pk]),
        {"attendees": [people.anouk.pk, people.bram.pk]},
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.attendance_taken
    assert set(session.attendees.all()) == {people.anouk, people.bram}
    # Only members can be ticked.
    services.record_attendance(people.anouk, session, [people.anouk, people.colleague])
    assert list(session.attendees.all()) == [people.anouk]
