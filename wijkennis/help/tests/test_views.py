"""The help section: an index and four task guides, public, in the reader's language."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from wijkennis.help import content


def test_the_index_lists_every_guide_and_the_quick_guide(client, db):
    response = client.get(reverse("help:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert len(re.findall(r"<h1[ >]", page)) == 1
    for guide in content.guides("nl"):
        assert f'href="{reverse("help:guide", args=[guide.slug])}"' in page
        assert guide.title in page
    assert f'href="{reverse("help:quick_guide_pdf")}"' in page
    assert re.search(r'<img src="[^"]*/help/screenshots/hulp-paneel\.png" alt="[^"]+"', page)


@pytest.mark.parametrize("slug", [g.slug for g in content.guides("nl")])
def test_a_guide_shows_numbered_steps_with_pictures(client, db, slug):
    guide = content.guide(slug, "nl")
    response = client.get(reverse("help:guide", args=[slug]))
    assert response.status_code == 200
    page = response.content.decode()
    assert len(re.findall(r"<h1[ >]", page)) == 1 and guide.title in page
    steps = re.search(r'<ol class="guide-steps">(.*?)</ol>', page, re.S).group(1)
    assert steps.count('<li class="guide-step"') == len(guide.steps)
    images = re.findall(r'<img src="([^"]+)" alt="([^"]+)"', steps)
    assert [(src.rsplit("/", 1)[1], alt) for src, alt in images] == [
        (f"{step.screenshot}.png", step.alt) for step in guide.steps
    ]
    for step in guide.steps:
        assert escape(step.text) in page


def test_an_unknown_guide_is_not_found(client, db):
    assert client.get(reverse("help:guide", args=["bestaat-niet"])).status_code == 404


def test_help_is_in_english_for_an_english_reader(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("help:guide", args=["zoeken"])).content.decode()
    assert '<html lang="en">' in page
    assert content.guide("zoeken", "en").title in page
    assert content.guide("zoeken", "nl").intro not in page


def test_signed_in_people_get_the_same_help(client, people):
    client.force_login(people.policy_officer)
    assert client.get(reverse("help:index")).status_code == 200
    assert client.get(reverse("help:guide", args=["inbreng-geven"])).status_code == 200
