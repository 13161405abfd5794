from wijkennis.vocabulary.models import AltLabel, Concept, Scheme
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
