"""Policy terms found by stems and phrases, with the everyday words of their concept."""

import pytest

from tests.factories import AltLabelFactory, ConceptFactory
from wijkennis.taalbrug.bridge import find_policy_terms

from .texts import LETTER, make_vocabulary


@pytest.fixture
def vocabulary(db):
    return make_vocabulary()


def found(text: str) -> list[tuple[str, str]]:
    return [(term.text, term.label) for term in find_policy_terms(text)]


def test_the_letter_is_bridged_to_everyday_words(vocabulary):
    terms = {term.text: term for term in find_policy_terms(LETTER)}
    assert set(terms) == {
        "bijzondere bijstand",
        "Participatiewet",
        "beslaglegging",
        "beslagvrije voet",
        "bijstandsuitkering",
        "terugvordering",
    }
    assert terms["beslaglegging"].everyday == ("geld wordt ingehouden", "beslag op je uitkering")
    assert terms["terugvordering"].everyday == ("toeslagen terugbetalen",)
    assert terms["bijzondere bijstand"].suggestions[0].definition.startswith("Geld van de")


def test_inflected_forms_match_by_stem(vocabulary):
    assert found("Twee beslagleggingen en drie toeslag.") == [
        ("beslagleggingen", "beslaglegging"),
        ("toeslag", "toeslagen"),
    ]


def test_phrases_match_only_as_phrases_and_the_longest_wins(vocabulary):
    assert found("De bijzondere bijstand is op.") == [
        ("bijzondere bijstand", "bijzondere bijstand")
    ]
    assert found("De bijstand is op.") == [("bijstand", "bijstand")]
    # "voet" alone, or "beslagvrije" and "voet" apart, is no policy term.
    assert found("Hij zette zijn voet op de beslagvrije grond.") == []
    assert found("De beslagvrije voeten.") == [("beslagvrije voeten", "beslagvrije voet")]


def test_phrase_across_punctuation_still_needs_the_words_in_order(vocabulary):
    assert found("Bijstand, bijzondere.") == [("Bijstand", "bijstand")]


def test_abbreviations_need_their_capitals(vocabulary):
    assert found("Ze zit in de WSNP.") == [("WSNP", "WSNP")]
    assert found("Ze vroeg het via de WMO en de Wmo.") == [("WMO", "Wmo"), ("Wmo", "Wmo")]
    assert found("Een wsnp-achtige regeling, of wmo.") == []
    assert found("De WSNP's van vorig jaar.") == [("WSNP's", "WSNP")]


def test_a_name_is_no_abbreviation(db):
    concept = ConceptFactory(pref_label="Ervaringsdeskundige")
    AltLabelFactory(concept=concept, label="ED", kind="afkorting")
    assert found("Ed kwam langs.") == []
    assert found("De ED kwam langs.") == [("ED", "ED")]


def test_everyday_labels_and_hidden_misspellings_are_never_policy_terms(vocabulary):
    assert found("Mijn geld wordt ingehouden.") == []
    assert found("Er was een beslaglegin.") == []
    for term in find_policy_terms(LETTER):
        for suggestion in term.suggestions:
            assert "beslaglegin" not in suggestion.everyday


def test_preferred_labels_are_not_marked(vocabulary):
    assert found("Dit gaat over beslag op inkomen.") == []


def test_without_everyday_words_the_preferred_label_is_offered(vocabulary):
    assert find_policy_terms("De WSNP.")[0].everyday == ("Schuldsanering",)


def test_offsets_point_into_the_text(vocabulary):
    text = "Eerst iets anders. Dan de beslagvrije voet."
    start = text.index("Dan")
    [term] = find_policy_terms(text, start, len(text))
    assert text[term.start : term.end] == "beslagvrije voet"


def test_vocabulary_changes_are_seen_at_once(vocabulary):
    assert found("Een ingebrekestelling kwam.") == []
    label = AltLabelFactory(
        concept=vocabulary["seizure"], label="ingebrekestelling", kind="beleidstaal"
    )
    assert found("Een ingebrekestelling kwam.") == [("ingebrekestelling", "ingebrekestelling")]
    label.delete()
    assert found("Een ingebrekestelling kwam.") == []
    concept = vocabulary["seizure"]
    concept.definition = "Nieuwe uitleg."
    concept.save()
    assert find_policy_terms("beslaglegging")[0].suggestions[0].definition == "Nieuwe uitleg."


def test_an_empty_vocabulary_finds_nothing(db):
    assert found(LETTER) == []
