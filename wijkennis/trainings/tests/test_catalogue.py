"""The catalogue's filters and the comparison of two or three trainings (anyone may use it)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import ConceptFactory
from wijkennis.trainings.models import Diploma

from .factories import TrainingFactory

pytestmark = pytest.mark.usefixtures("empty_catalogue")


def names(client, **filters):
    response = client.get(reverse("trainings:catalogue"), filters)
    assert response.status_code == 200
    return {t.name for t in response.context["trainings"]}


def nl(message: str, **params) -> str:
    with translation.override("nl"):
        text = gettext(message)
    return text % params if params else text


@pytest.fixture
def catalogue(db):
    """Three trainings: one fully known, one cheaper online course, one with nothing known."""
    herstel = ConceptFactory(slug="herstel", pref_label="Herstel")
    armoede = ConceptFactory(slug="armoede", pref_label="Armoede")
    TrainingFactory(name="Mbo 4 Ervaring", known=True, themes=[herstel])
    TrainingFactory(
        name="Online cursus",
        level="cursus",
        format="online",
        region="Groningen",
        cost=250,
        diploma=Diploma.NO,
        themes=[armoede],
    )
    TrainingFactory(name="Onbekende opleiding")


def test_without_filters_every_training_shows(client, catalogue):
    assert names(client) == {"Mbo 4 Ervaring", "Online cursus", "Onbekende opleiding"}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"level": "mbo4"}, {"Mbo 4 Ervaring"}),
        ({"level": "cursus"}, {"Online cursus"}),
        ({"level": "onbekend"}, {"Onbekende opleiding"}),
        ({"format": "online"}, {"Online cursus"}),
        ({"format": "onbekend"}, {"Onbekende opleiding"}),
        ({"region": "Utrecht"}, {"Mbo 4 Ervaring"}),
        ({"region": "onbekend"}, {"Onbekende opleiding"}),
        ({"theme": "armoede"}, {"Online cursus"}),
        ({"diploma": "ja"}, {"Mbo 4 Ervaring"}),
        ({"diploma": "nee"}, {"Online cursus"}),
        ({"diploma": "onbekend"}, {"Onbekende opleiding"}),
    ],
)
def test_each_filter(client, catalogue, filters, expected):
    assert names(client, **filters) == expected


def test_max_cost_keeps_unknown_cost_visible_with_a_note(client, catalogue):
    response = client.get(reverse("trainings:catalogue"), {"max_cost": "1000"})
    shown = {t.name for t in response.context["trainings"]}
    # The € 1.500 training is too expensive; the unknown one stays, marked as unknown.
    assert shown == {"Online cursus", "Onbekende opleiding"}
    assert response.context["unknown_cost_count"] == 1
    page = response.content.decode()
    assert nl("The cost of this training is unknown, so it is still shown. Ask the provider.") in (
        page
    )


def test_max_cost_includes_the_exact_amount(client, catalogue):
    assert "Mbo 4 Ervaring" in names(client, max_cost="1500")


def test_filters_combine(client, catalogue):
    assert names(client, level="cursus", format="online", max_cost="300") == {"Online cursus"}
    assert names(client, level="mbo4", format="online") == set()
    assert names(client, region="onbekend", max_cost="10") == {"Onbekende opleiding"}


def test_an_invalid_filter_is_ignored_and_shown(client, catalogue):
    response = client.get(reverse("trainings:catalogue"), {"level": "phd", "max_cost": "-5"})
    assert response.status_code == 200
    assert len(response.context["trainings"]) == 3
    assert response.context["form"].errors


def test_unknown_facts_read_unknown_on_the_card_and_page(client, catalogue):
    page = client.get(reverse("trainings:catalogue"), {"level": "onbekend"}).content.decode()
    assert page.count(f'<span class="unknown">{nl("unknown")}</span>') == 6
    training = TrainingFactory(name="Niets bekend")
    detail = client.get(training.get_absolute_url()).content.decode()
    assert detail.count(f'<span class="unknown">{nl("unknown")}</span>') == 10  # 9 facts + url
    assert "Testbron, §1" in detail


def test_an_empty_result_says_so(client, catalogue):
    response = client.get(reverse("trainings:catalogue"), {"level": "hbo"})
    assert nl("No training fits these filters.") in response.content.decode()


def test_the_catalogue_is_open_to_anonymous_visitors(client, catalogue):
    response = client.get(reverse("trainings:catalogue"))
    assert response.status_code == 200
    page = response.content.decode()
    assert len(re.findall(r"<h1[ >]", page)) == 1


# Comparison


def compare(client, *slugs):
    return client.get(reverse("trainings:compare"), {"opleiding": list(slugs)})


def header_cells(page):
    return re.findall(r'<th scope="col">(.*?)</th>', page, re.S)


def test_two_trainings_side_by_side(client, catalogue):
    a = TrainingFactory(name="Eerste", known=True)
    b = TrainingFactory(name="Tweede")
    response = compare(client, a.slug, b.slug)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<table" in page and len(header_cells(page)) == 2
    assert [t.name for t in response.context["chosen"]] == ["Eerste", "Tweede"]
    # Every fact is a row with a row header, then the source.
    assert len(re.findall(r'<th scope="row">', page)) == len(a.facts()) + 1
    assert "ROC Testdam" in page and nl("unknown") in page


def test_three_trainings_side_by_side(client, catalogue):
    chosen = [TrainingFactory(name=f"Vergelijk {n}") for n in range(3)]
    response = compare(client, *[t.slug for t in chosen])
    assert response.status_code == 200
    assert len(header_cells(response.content.decode())) == 3


def test_a_fourth_is_refused_with_a_message_and_the_selection_kept(client, catalogue):
    chosen = [TrainingFactory(name=f"Keuze {n}") for n in range(4)]
    response = compare(client, *[t.slug for t in chosen])
    assert response.status_code == 400
    page = response.content.decode()
    message = nl(
        "You chose %(count)s trainings. You can compare at most three. "
        "Untick one or more, then compare again.",
        count=4,
    )
    assert message in page
    assert "<table" not in page
    for training in chosen:
        assert re.search(rf'value="{training.slug}" id="kies-{training.slug}" checked', page)


def test_one_training_asks_for_another(client, catalogue):
    training = TrainingFactory(name="Alleen")
    response = compare(client, training.slug)
    assert response.status_code == 200
    assert nl("Tick one or two more trainings to compare.") in response.content.decode()


def test_an_unknown_slug_is_refused_without_losing_the_page(client, catalogue):
    response = compare(client, "bestaat-niet")
    assert response.status_code == 400


def test_the_catalogue_form_sends_the_ticked_trainings_to_the_comparison(client, catalogue):
    page = client.get(reverse("trainings:catalogue")).content.decode()
    assert f'action="{reverse("trainings:compare")}"' in page
    assert page.count('type="checkbox" name="opleiding"') == 3
