from tests.factories import AltLabelFactory, ConceptFactory
from wijkennis.vocabulary.models import AltLabel, Concept, LabelKind, Scheme
from wijkennis.vocabulary.services import load_seed_vocabulary, suggest_concepts


def test_seed_vocabulary_covers_every_scheme_and_loads_twice_without_duplicates(db):
    count = load_seed_vocabulary()
    assert count == Concept.objects.count() >= 80
    assert {s for s in Concept.objects.values_list("scheme", flat=True)} == set(Scheme.values)
    labels = AltLabel.objects.count()
    assert load_seed_vocabulary() == count and AltLabel.objects.count() == labels
    assert Concept.objects.filter(broader__isnull=False).exists()


def test_concepts_are_suggested_from_everyday_words_in_a_story(db):
    load_seed_vocabulary()
    suggested = {
        c.slug
        for c in suggest_concepts(
            "Hij zat diep in de schulden en durfde de post niet open te maken.",
            "Wat hielp: samen de brieven openen.",
        )
    }
    assert "schulden" in suggested
    assert not suggest_concepts("Een zonnige dag in het park met een ijsje.")


def test_the_a_to_z_narrows_by_scheme_and_words_and_shows_changes_at_once(client, db):
    def listed(**params) -> list[str]:
        by_letter = client.get("/taal/", params).context["by_letter"]
        return [entry.concept.slug for _letter, entries in by_letter for entry in entries]

    debts = ConceptFactory(slug="schulden", pref_label="Schulden", scheme=Scheme.LEVENSGEBIED)
    AltLabelFactory(concept=debts, label="schuldn", kind=LabelKind.VERBORGEN)  # a misspelling
    ConceptFactory(slug="armoede", pref_label="Armoede", scheme=Scheme.LEVENSGEBIED)
    ConceptFactory(slug="buddy", pref_label="Buddy", scheme=Scheme.METHODIEK)

    assert listed() == ["armoede", "buddy", "schulden"]
    assert listed(schema=Scheme.METHODIEK) == ["buddy"]
    assert listed(q="SCHULDN") == ["schulden"]  # through the hidden misspelling
    page = client.get("/taal/").content.decode()
    assert 'href="/taal/begrip/buddy/"' in page and "schuldn" not in page

    debts.pref_label = "Geldzorgen"
    debts.save()
    letters = [letter for letter, _entries in client.get("/taal/").context["by_letter"]]
    assert letters == ["A", "B", "G"]
    assert "Geldzorgen" in client.get("/taal/").content.decode()
    ConceptFactory(slug="aanvraag", pref_label="Aanvraag", scheme=Scheme.METHODIEK)
    assert listed(schema=Scheme.METHODIEK) == ["aanvraag", "buddy"]
