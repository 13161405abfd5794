"""Readability figures, sentence splitting and syllables: pure functions, no database."""

import pytest

from wijkennis.taalbrug import readability
from wijkennis.taalbrug.readability import analyse, count_syllables, split_sentences

from .texts import LETTER, PLAIN


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_figures_of_a_small_text_counted_by_hand():
    # Wij(1) heb-ben(2) uw(1) aan-vraag(2) ont-van-gen(3): 5 words, 9 syllables.
    # U(1) krijgt(1) bin-nen(2) acht(1) we-ken(2) in-for-ma-tie(4) van(1) de(1) ge-meen-te(3):
    # 9 words, 16 syllables. "informatie" (4 syllables) is the one long word.
    result = analyse(
        "Wij hebben uw aanvraag ontvangen. U krijgt binnen acht weken informatie van de gemeente."
    )
    figures = result.figures
    assert (figures.sentences, figures.words, figures.syllables) == (2, 14, 25)
    assert (figures.long_words, figures.long_sentences) == (1, 0)
    assert figures.average_sentence_length == 7.0
    assert figures.syllables_per_word == pytest.approx(25 / 14)
    assert figures.long_word_share == pytest.approx(1 / 14)
    # 206.84 − 0.77 × (25/14 × 100) − 0.93 × 7 = 206.84 − 137.5 − 6.51
    assert figures.flesch_douma == pytest.approx(62.83)
    assert [word.text for word in result.long_words] == ["informatie"]
    assert result.verdict.is_b1
    assert not result.verdict.reliable  # 14 words: too few to be sure


def test_dense_municipal_letter_is_harder_than_b1_for_every_reason():
    result = analyse(LETTER)
    figures = result.figures
    assert figures.sentences == 7  # greeting, four long sentences, closing, signature
    assert figures.long_sentences == 4
    assert figures.average_sentence_length > readability.MAX_AVERAGE_SENTENCE_LENGTH
    assert figures.flesch_douma < readability.MIN_FLESCH_DOUMA
    assert figures.long_word_share >= readability.MAX_LONG_WORD_SHARE
    assert not result.verdict.is_b1
    assert {check.name for check in result.verdict.failed} == {
        "flesch_douma",
        "average_sentence_length",
        "long_word_share",
    }
    long_words = {word.text for word in result.long_words}
    assert {"beslaglegging", "terugvordering", "bijstandsuitkering"} <= long_words
    assert "1.250,00" not in {word.text for s in result.sentences for word in s.words}


def test_plain_letter_is_probably_b1():
    result = analyse(PLAIN)
    assert result.verdict.is_b1, result.verdict.failed
    assert result.verdict.reliable
    assert result.figures.long_sentences == 0
    assert result.figures.flesch_douma >= readability.MIN_FLESCH_DOUMA


def test_figures_are_reproducible():
    assert analyse(LETTER).figures == analyse(LETTER).figures


def test_a_sentence_over_the_limit_is_long():
    words = ["woord"] * readability.LONG_SENTENCE_WORDS
    at_limit = analyse(" ".join(words) + ".")
    over = analyse(" ".join([*words, "meer"]) + ".")
    assert not at_limit.sentences[0].is_long
    assert over.sentences[0].is_long and over.figures.long_sentence_share == 1.0


def test_abbreviations_do_not_end_a_sentence():
    text = (
        "U krijgt bijv. huurtoeslag. Dat geldt o.a. voor de huur. Lees art. 35 en nr. 4. "
        "Het kost € 1.250,00 per jaar. D.w.z. u betaalt elke maand. Bel dhr. Jansen of "
        "J. de Vries."
    )
    assert sentences(text) == [
        "U krijgt bijv. huurtoeslag.",
        "Dat geldt o.a. voor de huur.",
        "Lees art. 35 en nr. 4.",
        "Het kost € 1.250,00 per jaar.",
        "D.w.z. u betaalt elke maand.",
        "Bel dhr. Jansen of J. de Vries.",
    ]


def test_an_abbreviation_that_can_close_a_sentence_does_so_before_a_capital():
    assert sentences("Betaal huur, gas enz. De rest is voor u. Kosten e.d. worden betaald.") == [
        "Betaal huur, gas enz.",
        "De rest is voor u.",
        "Kosten e.d. worden betaald.",
    ]


def test_list_items_headings_and_greetings_are_sentences():
    text = (
        "Besluit\n\nNeem mee:\n- uw paspoort\n• loonstroken\n1. Vul het formulier in.\n2) Bel ons"
    )
    assert sentences(text) == [
        "Besluit",
        "Neem mee:",
        "uw paspoort",
        "loonstroken",
        "Vul het formulier in.",
        "Bel ons",
    ]


def test_a_wrapped_line_continues_the_sentence():
    text = "Dit is een regel die doorloopt\nop de volgende regel. Daarna\nkomt er nog een."
    assert sentences(text) == [
        "Dit is een regel die doorloopt\nop de volgende regel.",
        "Daarna\nkomt er nog een.",
    ]


def test_question_marks_ellipses_and_numbers():
    text = "Wat nu? Ik weet het niet... Om 14.30 uur op 12.03.2024. Zie www.testdam.nl. Klaar!"
    assert sentences(text) == [
        "Wat nu?",
        "Ik weet het niet...",
        "Om 14.30 uur op 12.03.2024.",
        "Zie www.testdam.nl.",
        "Klaar!",
    ]


def test_a_line_without_words_is_no_sentence():
    result = analyse("€ 1.250,00\n\n2024\n\nU betaalt het terug.")
    assert result.figures.sentences == 1 and result.figures.words == 4


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("ik", 1),
        ("huis", 1),
        ("gemeente", 3),
        ("beslaglegging", 4),
        ("terugvordering", 5),
        ("idee", 2),  # hyphenation leaves out one-letter syllables: counted anyway
        ("over", 2),
        ("vrije", 2),
        ("financiële", 5),
        ("geïnformeerd", 4),
        ("auto's", 2),
        ("Wmo-indicatie", 5),
        ("WSNP", 1),  # an abbreviation counts as one syllable
    ],
)
def test_syllables(word, syllables):
    assert count_syllables(word) == syllables


def test_long_words_by_syllables_or_letters():
    result = analyse("De informatie over bijstandsuitkering en de gemeente.")
    assert {word.text: word.is_long for s in result.sentences for word in s.words} == {
        "De": False,
        "informatie": True,  # 4 syllables
        "over": False,
        "bijstandsuitkering": True,  # 18 letters
        "en": False,
        "de": False,
        "gemeente": False,  # 3 syllables: an everyday word
    }


def test_empty_text_gives_zeros_and_no_b1():
    result = analyse("")
    assert result.figures.words == 0 and result.figures.flesch_douma == 0.0
    assert not result.verdict.is_b1
