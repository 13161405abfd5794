"""Every intervision page renders for a member with one <h1> and a <title>."""

import re

from django.urls import reverse

from wijkennis.intervision import services
from wijkennis.intervision.models import Case

from .helpers import group_of, session_of


def test_pages_have_one_h1_and_a_title(client, people):
    group = group_of(people, people.bram)
    session = session_of(group)
    past = session_of(group, days=-7)
    services.record_lesson(people.anouk, past, title="Rust", text="Eerst luisteren.")
    services.request_to_join(people.coordinator, group)
    case = Case.objects.create(session=session, author=people.anouk, original_text="x", text="x")
    client.force_login(people.anouk)
    for url in (
        reverse("intervision:list"),
        reverse("intervision:list") + "?theme=schulden&region=test",
        reverse("intervision:create"),
        reverse("intervision:edit", args=[group.pk]),
        group.get_absolute_url(),
        reverse("intervision:session_create", args=[group.pk]),
        session.get_absolute_url(),
        past.get_absolute_url(),
        reverse("intervision:case_create", args=[session.pk]),
        case.get_absolute_url(),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert len(re.findall(r"<h1[ >]", page)) == 1, url
        assert re.search(r"<title>[^<]+</title>", page), url
