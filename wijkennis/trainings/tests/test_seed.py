"""The seed catalogue: trainings named in the source texts, with a source each, and every fact
the sources do not support stored as unknown (NULL or "onbekend"), never as 0 or ""."""

import json

import pytest
from django.core.management import call_command

from tests.factories import ConceptFactory
from wijkennis.trainings.models import Diploma, Level, Training
from wijkennis.trainings.seed import FACT_FIELDS, SEED_FILE, load_trainings, seed_entries

NULLABLE = ("provider", "level", "duration", "study_load", "study_load_unit", "cost", "format")
NULLABLE += ("region", "url")


def test_the_file_names_the_trainings_of_the_sources():
    slugs = {entry["slug"] for entry in seed_entries()}
    # Movisie 2020 §1.3 and §2.11; the article on large employers (001); Utrecht (004).
    assert {
        "hee",
        "herstellen-doe-je-zelf",
        "werken-met-eigen-ervaring",
        "edasu",
        "howie-the-harp",
        "coeva",
        "associate-degree-ervaringsdeskundigheid-hva",
        "post-hbo-ervaringsdeskundigheid",
        "mbo3-met-regionaal-roc",
        "ervaringscoach-doen-en-laten",
    } <= slugs


def test_every_entry_has_a_source_and_no_empty_or_zero_facts():
    for entry in seed_entries():
        assert entry["source"].strip(), entry["slug"]
        assert "bron 00" in entry["source"], entry["slug"]  # which source text
        for name in NULLABLE:
            assert entry.get(name) not in ("", 0), (entry["slug"], name)
        assert entry["diploma"] in Diploma.values
        assert entry["level"] is None or entry["level"] in Level.values


def test_the_sources_give_no_prices_dates_or_durations():
    """Nothing in the source texts tells a price, a duration or a start date: all unknown."""
    for entry in seed_entries():
        assert entry["cost"] is None and entry["duration"] is None and entry["study_load"] is None
        assert "start_dates" not in entry


@pytest.mark.django_db
def test_the_migration_loaded_the_seed_and_unknowns_are_stored_as_unknown():
    load_trainings()  # in case a transactional test emptied the table
    trainings = Training.objects.all()
    assert trainings.count() == len(seed_entries())
    for training in trainings:
        assert training.source
        for name in NULLABLE:
            value = getattr(training, name)
            assert value is None or value not in ("", 0), (training.slug, name)
        assert not training.start_dates.exists()
    hee = Training.objects.get(slug="hee")
    assert hee.provider is None and hee.level is None and hee.cost is None
    assert hee.diploma == Diploma.UNKNOWN
    assert Training.objects.filter(cost=0).count() == 0
    assert Training.objects.filter(provider="").count() == 0


@pytest.mark.django_db
def test_loading_again_changes_nothing_and_links_themes_once_the_vocabulary_exists():
    Training.objects.all().delete()
    assert load_trainings() == len(seed_entries())
    assert not Training.objects.get(slug="coeva").themes.exists()  # no vocabulary yet
    ConceptFactory(slug="armoede", pref_label="Armoede")
    call_command("load_trainings", verbosity=0)
    call_command("load_trainings", verbosity=0)
    assert Training.objects.count() == len(seed_entries())
    assert [c.slug for c in Training.objects.get(slug="coeva").themes.all()] == ["armoede"]


def test_the_loader_copies_every_fact_field():
    entry = json.loads(SEED_FILE.read_text(encoding="utf-8"))[0]
    assert set(FACT_FIELDS) | {"slug", "cost", "diploma", "themes"} == set(entry)


def test_an_empty_admin_field_is_stored_as_unknown_not_as_empty_text(rf, people):
    from django.contrib import admin

    request = rf.get("/")
    request.user = people.admin
    form_class = admin.site._registry[Training].get_form(request)
    data = {"slug": "nieuw", "name": "Nieuw", "summary": "Iets.", "source": "Bron"}
    form = form_class({**data, "diploma": "onbekend"})
    assert form.is_valid(), form.errors
    training = form.save()
    for name in NULLABLE:
        assert getattr(training, name) is None, name


def test_the_beheerder_maintains_the_catalogue_in_the_admin_but_never_sees_records(client, people):
    client.force_login(people.admin)
    assert client.get("/beheer/trainings/training/").status_code == 200
    assert client.get("/beheer/trainings/training/add/").status_code == 200
    assert client.get("/beheer/trainings/trainingrecord/").status_code == 404
