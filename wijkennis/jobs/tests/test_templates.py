"""Templates for common specialisations: they load, cite their source and prefill the editor."""

import pytest

from wijkennis.jobs import services

KEYS = ["schuldhulp", "inclusie", "herstel", "maatschappelijke_opvang"]


def test_the_four_templates_load_with_texts_and_a_source():
    templates = services.templates()
    assert sorted(templates) == sorted(KEYS)
    for template in templates.values():
        assert template.source.startswith("Movisie")
        assert template.purpose and template.tasks_primary and template.tasks_secondary
        assert template.regular_function and template.required_training


def test_the_start_page_offers_each_template_and_an_empty_form(client, people):
    client.force_login(people.coordinator)
    page = client.get("/kwartiermaken/functie/nieuw/").content.decode()
    for key in KEYS:
        assert f"?sjabloon={key}" in page
    assert "Ervaringswerker maatschappelijke opvang" in page
    assert 'href="/kwartiermaken/functie/nieuw/invullen/"' in page


@pytest.mark.parametrize("key", KEYS)
def test_starting_from_a_template_prefills_the_editor(client, people, key):
    template = services.templates()[key]
    client.force_login(people.coordinator)
    response = client.get(f"/kwartiermaken/functie/nieuw/invullen/?sjabloon={key}")
    assert response.status_code == 200
    page = response.content.decode()
    assert f'value="{template.specialisation}"' in page
    assert template.tasks_secondary.splitlines()[0].replace("'", "&#x27;") in page
    assert f'value="{template.regular_function}"' in page
    assert f'name="template" value="{key}"' in page


def test_an_unknown_template_is_not_found(client, people):
    client.force_login(people.coordinator)
    response = client.get("/kwartiermaken/functie/nieuw/invullen/?sjabloon=bestaat-niet")
    assert response.status_code == 404
