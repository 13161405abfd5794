"""A case is de-identified with the same pipeline as stories; the group sees only that."""

import pytest
from django.urls import reverse

from wijkennis.intervision import services
from wijkennis.intervision.models import Case

from .helpers import group_of, session_of

pytestmark = pytest.mark.slow  # loads the full de-identifier

CASE = (
    "Mijn cliënt Fatima el Amrani belde me om elf uur 's avonds. Ze woont op de Kerkstraat 12 "
    "in Utrecht. Ik wist niet of ik moest opnemen."
)


def test_a_name_in_a_case_never_reaches_the_group(client, people):
    group = group_of(people, people.bram)
    session = session_of(group)
    client.force_login(people.bram)
    response = client.post(reverse("intervision:case_create", args=[session.pk]), {"text": CASE})
    case = Case.objects.get()
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    assert "Fatima" not in case.text and "Kerkstraat 12" not in case.text
    assert case.original_text == CASE

    # The author sees what was replaced before sharing.
    review = client.get(case.get_absolute_url()).content.decode()
    assert "Fatima" in review and "[naam 1]" in review
    assert {"name", "address"} <= {span["kind"] for span in case.replacements}

    # Not shared yet: the group does not see it.
    client.force_login(people.anouk)
    assert "[naam 1]" not in client.get(session.get_absolute_url()).content.decode()

    client.force_login(people.bram)
    client.post(reverse("intervision:case_share", args=[case.pk]))
    client.force_login(people.anouk)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "[naam 1]" in page
    assert "Fatima" not in page and "Amrani" not in page
    assert "Fatima" not in client.get(group.get_absolute_url()).content.decode()


def test_names_wijkennis_knows_are_hidden(people):
    session = session_of(group_of(people, people.bram))
    case = services.save_case(
        people.bram, session, "Mijn collega Anouk Verbeek van Welzijn Testdam hielp mij."
    )
    assert "Verbeek" not in case.text and "Welzijn Testdam" not in case.text


def test_the_author_edits_and_checks_again(client, people):
    session = session_of(group_of(people, people.bram))
    case = services.save_case(people.bram, session, CASE)
    client.force_login(people.bram)
    url = reverse("intervision:case_review", args=[case.pk])
    response = client.post(url, {"text": "Een cliënt belde laat op de avond."})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.text == "Een cliënt belde laat op de avond." and case.replacements == []
    services.share_case(people.bram, case)
    assert client.post(url, {"text": "Nieuw"}).status_code == 400  # shared: no more edits
