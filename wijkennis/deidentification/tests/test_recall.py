"""Recall and precision of the de-identifier on social-domain sentences.

The sentences are written for this test in the voice of experience workers
(debts and the shoebox of unopened letters, addiction, homelessness, domestic
violence, psychiatry, disability). Every person, address and number is invented.

How we count
------------
* An annotated identifier is every occurrence of its surface text in the
  sentence (on word boundaries).
* **Recall**: an identifier counts as found when ONE span covers at least its
  full text (a longer span is fine: "mevrouw Bakker" covers "Bakker"). Partial
  cover counts as missed, because the rest is readable. The kind of the span does
  not matter for recall (hidden is hidden); "kind ok" reports how often it matched.
* **Character recall**: identifier characters inside any span / all identifier
  characters, as a second view.
* **Precision**: spans that overlap an annotated identifier / all spans. Sentences
  without any identifier (generic organisations such as UWV, CJIB, "de gemeente",
  "het wijkteam", durations, amounts) are included to measure it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pytest

from wijkennis.deidentification.engine import KINDS, Span, deidentify

pytestmark = pytest.mark.slow

RECALL_BAR = 0.95
PRECISION_BAR = 0.85

# (sentence, [(kind, surface), ...])
CORPUS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Toen Jan van der Berg voor het eerst bij ons aanschoof, had hij een schoenendoos "
        "vol ongeopende brieven bij zich.",
        [("name", "Jan van der Berg")],
    ),
    (
        "Fatima el Amrani (34) durfde de envelop van het CJIB pas open te maken toen haar "
        "buurvrouw erbij zat.",
        [("name", "Fatima el Amrani"), ("age", "34")],
    ),
    (
        "Mehmet Yılmaz woonde toen nog aan de Kanaalstraat 112 in Utrecht, drie hoog achter.",
        [("name", "Mehmet Yılmaz"), ("address", "Kanaalstraat 112"), ("place", "Utrecht")],
    ),
    (
        "Shanti Ramdin belde me op 06-23456789 omdat de deurwaarder voor de deur stond.",
        [("name", "Shanti Ramdin"), ("phone", "06-23456789")],
    ),
    (
        "Kwame Asante sliep die winter in de nachtopvang van het Leger des Heils in Amersfoort.",
        [("name", "Kwame Asante"), ("institution", "Leger des Heils"), ("place", "Amersfoort")],
    ),
    (
        "Via Buurtteam Overvecht kwam ik in contact met Priya Baldewsingh, die zelf ook "
        "schulden had gehad.",
        [("institution", "Buurtteam Overvecht"), ("name", "Priya Baldewsingh")],
    ),
    (
        "Op dinsdag 4 april zat ik met Marco de Jong bij de Kredietbank om zijn budgetplan "
        "door te nemen.",
        [("date", "dinsdag 4 april"), ("name", "Marco de Jong"), ("institution", "Kredietbank")],
    ),
    (
        "Het adres was Van Ostadestraat 27-2, 1072 SV Amsterdam, maar daar woonde hij al "
        "maanden niet meer.",
        [
            ("address", "Van Ostadestraat 27-2"),
            ("postcode", "1072 SV"),
            ("place", "Amsterdam"),
        ],
    ),
    (
        "Mijn IBAN is NL91 ABNA 0417 1643 00, zei Sanne Bakker, want de bewindvoerder had "
        "het verkeerde nummer.",
        [("iban", "NL91 ABNA 0417 1643 00"), ("name", "Sanne Bakker")],
    ),
    (
        "Zijn burgerservicenummer 123456782 stond gewoon op de brief die hij in de kroeg had "
        "laten liggen.",
        [("bsn", "123456782")],
    ),
    (
        "Karin Visser mailde me vanaf karin.visser73@gmail.com met foto's van alle aanmaningen.",
        [("name", "Karin Visser"), ("email", "karin.visser73@gmail.com")],
    ),
    (
        "Ahmed Bouzid (19) is al sinds zijn 15e dakloos en slaapt vaak bij vrienden in "
        "Rotterdam-Zuid.",
        [("name", "Ahmed Bouzid"), ("age", "19"), ("age", "15"), ("place", "Rotterdam-Zuid")],
    ),
    (
        "Ik ken Esther Kuipers nog van Wijkteam Lombok; zij was de enige die gewoon koffie met "
        "me dronk.",
        [("name", "Esther Kuipers"), ("institution", "Wijkteam Lombok")],
    ),
    (
        "De 16-jarige Dewi Soerjadi werd via Veilig Thuis bij een pleeggezin in Zwolle geplaatst.",
        [
            ("age", "16"),
            ("name", "Dewi Soerjadi"),
            ("institution", "Veilig Thuis"),
            ("place", "Zwolle"),
        ],
    ),
    (
        "Op 12 maart 2021 kreeg Peter Smit de sleutel van zijn eigen woning van Woonstichting "
        "De Key.",
        [
            ("date", "12 maart 2021"),
            ("name", "Peter Smit"),
            ("institution", "Woonstichting De Key"),
        ],
    ),
    (
        "Bel gerust naar +31 6 12345678, dan vraag je naar Hanneke Mulder van het inloophuis.",
        [("phone", "+31 6 12345678"), ("name", "Hanneke Mulder")],
    ),
    (
        "Bij Altrecht vertelde psychiater Willemijn Brouwer dat mijn diagnose niet alles over "
        "mij zegt.",
        [("institution", "Altrecht"), ("name", "Willemijn Brouwer")],
    ),
    (
        "Samira Ouali stond met haar twee kinderen op straat nadat Vestia de huur had opgezegd.",
        [("name", "Samira Ouali"), ("institution", "Vestia")],
    ),
    (
        "Hij woonde in een kamer boven de snackbar aan de Amsterdamsestraatweg, vlak bij het "
        "station.",
        [("address", "Amsterdamsestraatweg")],
    ),
    (
        "Het nummer van het wijkteam in Den Haag is 070-3456789, maar vraag naar Gerrit Hoekstra.",
        [("place", "Den Haag"), ("phone", "070-3456789"), ("name", "Gerrit Hoekstra")],
    ),
    (
        "Mevrouw Van den Heuvel had sinds 3 januari geen gas en licht meer.",
        [("name", "Van den Heuvel"), ("date", "3 januari")],
    ),
    (
        "Tom (12) en zijn zusje Lieke (9) zagen alles gebeuren toen hun vader dronken thuiskwam.",
        [("name", "Tom"), ("age", "12"), ("name", "Lieke"), ("age", "9")],
    ),
    (
        "In de verslavingskliniek van Brijder in Alkmaar leerde ik Ricardo Martina kennen.",
        [("institution", "Brijder"), ("place", "Alkmaar"), ("name", "Ricardo Martina")],
    ),
    (
        "Kees de Wit had een schuld van 38.000 euro bij Ymere en nog eens 4.000 bij de "
        "zorgverzekeraar.",
        [("name", "Kees de Wit"), ("institution", "Ymere")],
    ),
    (
        "Na de uithuiszetting op 14-02-2022 sliep Yusuf Demir drie weken in zijn auto bij de "
        "Zuiderdreef.",
        [("date", "14-02-2022"), ("name", "Yusuf Demir"), ("address", "Zuiderdreef")],
    ),
    (
        "Mijn contactpersoon bij GGZ Centraal was Ingrid Vos, bereikbaar op "
        "ingrid.vos@ggzcentraal.nl.",
        [
            ("institution", "GGZ Centraal"),
            ("name", "Ingrid Vos"),
            ("email", "ingrid.vos@ggzcentraal.nl"),
        ],
    ),
    (
        "Anouk Jansen is een 42-jarige moeder uit Lelystad met een licht verstandelijke beperking.",
        [("name", "Anouk Jansen"), ("age", "42"), ("place", "Lelystad")],
    ),
    (
        "De brief van Portaal over de huurachterstand lag al sinds vrijdag 9 juni onder de "
        "deurmat.",
        [("institution", "Portaal"), ("date", "vrijdag 9 juni")],
    ),
    (
        "Giovanni Sanchez heeft zijn schulden afbetaald met hulp van Schuldhulpmaatje in "
        "Apeldoorn.",
        [
            ("name", "Giovanni Sanchez"),
            ("institution", "Schuldhulpmaatje"),
            ("place", "Apeldoorn"),
        ],
    ),
    (
        "Bij de Voedselbank Arnhem stond ik naast Nadia Benali in de rij.",
        [("institution", "Voedselbank Arnhem"), ("name", "Nadia Benali")],
    ),
    (
        "Het postadres werd Postbus 1234, 3500 AA Utrecht, zodat zijn ex hem niet kon vinden.",
        [("address", "Postbus 1234"), ("postcode", "3500 AA"), ("place", "Utrecht")],
    ),
    (
        "Femke de Boer (27) werkt nu zelf als ervaringsdeskundige bij Sociaal Team Noord in "
        "Groningen.",
        [
            ("name", "Femke de Boer"),
            ("age", "27"),
            ("institution", "Sociaal Team Noord"),
            ("place", "Groningen"),
        ],
    ),
    (
        "Ik belde Lucas Hendriks op 020 123 45 67, maar hij nam niet op omdat hij zich schaamde.",
        [("name", "Lucas Hendriks"), ("phone", "020 123 45 67")],
    ),
    (
        "Meneer Doğan vertelde dat zijn dochter Elif in het Sophia Kinderziekenhuis had gelegen.",
        [("name", "Doğan"), ("name", "Elif"), ("institution", "Sophia Kinderziekenhuis")],
    ),
    (
        "Wilma Koster woont al twintig jaar aan de Burgemeester de Withstraat en kent iedereen "
        "in de wijk.",
        [("name", "Wilma Koster"), ("address", "Burgemeester de Withstraat")],
    ),
    (
        "Bart Meijer kwam na zijn detentie terecht bij Exodus in Leiden.",
        [("name", "Bart Meijer"), ("institution", "Exodus"), ("place", "Leiden")],
    ),
    (
        "De rekening NL02 RABO 0123 4567 89 stond op naam van Joyce Pinas, niet op die van "
        "haar broer.",
        [("iban", "NL02 RABO 0123 4567 89"), ("name", "Joyce Pinas")],
    ),
    (
        "Op zaterdag 18 november werd Rachid el Idrissi van zijn kamer in Hoograven gezet.",
        [
            ("date", "zaterdag 18 november"),
            ("name", "Rachid el Idrissi"),
            ("place", "Hoograven"),
        ],
    ),
    (
        "Ik ben Daan, ik ben 23 jaar en ik woon sinds kort in een project voor begeleid wonen "
        "van Kwintes.",
        [("name", "Daan"), ("age", "23"), ("institution", "Kwintes")],
    ),
    (
        "Mustafa Kaya meldde zich bij de GGD voor een soa-test en hoorde daar dat hij hulp kon "
        "krijgen.",
        [("name", "Mustafa Kaya"), ("institution", "GGD")],
    ),
    (
        "Zij woonde in de Schilderswijk, op de Hobbemastraat 45, met haar vijf kinderen.",
        [("place", "Schilderswijk"), ("address", "Hobbemastraat 45")],
    ),
    (
        "Toen ik 17 was, werd ik door mijn stiefvader, Henk Dijkstra, het huis uit gezet.",
        [("age", "17"), ("name", "Henk Dijkstra")],
    ),
    (
        "Zijn zus Marleen Postma is bereikbaar via 0612345678 of via haar website "
        "www.marleenpostma.nl.",
        [
            ("name", "Marleen Postma"),
            ("phone", "0612345678"),
            ("url", "www.marleenpostma.nl"),
        ],
    ),
    (
        "Op 1 oktober had Wendy van Dam een afspraak bij de Kredietbank Rotterdam.",
        [
            ("date", "1 oktober"),
            ("name", "Wendy van Dam"),
            ("institution", "Kredietbank Rotterdam"),
        ],
    ),
    (
        "In Parnassia vond Sevda Aydın eindelijk een psychiater die naar haar luisterde.",
        [("institution", "Parnassia"), ("name", "Sevda Aydın")],
    ),
    (
        "Het huis aan de Oudegracht 211 in Utrecht was van een huisjesmelker.",
        [("address", "Oudegracht 211"), ("place", "Utrecht")],
    ),
    (
        "Linda Roelofs, 52 jaar, werd tijdens de coronatijd ontslagen en raakte in de schulden.",
        [("name", "Linda Roelofs"), ("age", "52")],
    ),
    (
        "Via Humanitas kreeg Ramon Tjon-A-Fong een maatje dat samen met hem de post openmaakte.",
        [("institution", "Humanitas"), ("name", "Ramon Tjon-A-Fong")],
    ),
    (
        "Jeroen Willems werd geboren op 7 augustus 1989 in Enschede.",
        [("name", "Jeroen Willems"), ("date", "7 augustus 1989"), ("place", "Enschede")],
    ),
    (
        "De jongerenwerker van Stichting De Boei, Bilal Amrani, zag het als eerste.",
        [("institution", "Stichting De Boei"), ("name", "Bilal Amrani")],
    ),
    (
        "Mireille Stam woont met haar zoon Jayden (8) in een portiekflat in Zoetermeer.",
        [("name", "Mireille Stam"), ("name", "Jayden"), ("age", "8"), ("place", "Zoetermeer")],
    ),
    (
        "Het burgerservicenummer van Sander, 111222333, stond op de beschikking van de gemeente.",
        [("name", "Sander"), ("bsn", "111222333")],
    ),
    (
        "Op maandag 2 mei stond Annemarie Verbeek bij Mitros om haar sleutels in te leveren.",
        [("date", "maandag 2 mei"), ("name", "Annemarie Verbeek"), ("institution", "Mitros")],
    ),
    (
        "Marloes Koç, een 38-jarige moeder van drie, vond uiteindelijk werk via het UWV.",
        [("name", "Marloes Koç"), ("age", "38")],
    ),
    (
        "Hij sliep een jaar in het Wilhelminapark in Utrecht, onder de brug bij de vijver.",
        [("place", "Wilhelminapark"), ("place", "Utrecht")],
    ),
    (
        "Bij Moviera in Nijmegen vond Sophie van Leeuwen met haar kinderen een veilige plek.",
        [("institution", "Moviera"), ("place", "Nijmegen"), ("name", "Sophie van Leeuwen")],
    ),
    (
        "Met Thijs Bos van het buurtteam ben ik naar de rechter gegaan over mijn huurachterstand.",
        [("name", "Thijs Bos")],
    ),
    (
        "Het telefoonnummer van Gülsen Arslan is (010) 4567890; bel na vijven.",
        [("name", "Gülsen Arslan"), ("phone", "(010) 4567890")],
    ),
    (
        "Roy Kromodikromo vertelde in de groep over zijn gokverslaving en de 60.000 euro schuld.",
        [("name", "Roy Kromodikromo")],
    ),
    (
        "Sinds mei woont Nicole Hermans in een Skaeve Huse-woning aan de rand van Deventer.",
        [("name", "Nicole Hermans"), ("place", "Deventer")],
    ),
    # Sentences without any direct identifier: they measure precision.
    (
        "De schoenendoos stond vol ongeopende brieven van het CJIB, de Belastingdienst en het UWV.",
        [],
    ),
    ("Na drie jaar schuldhulpverlening ben ik eindelijk schuldenvrij, en dat voelt raar.", []),
    ("Het wijkteam verwees me door naar de GGZ, maar de wachtlijst was negen maanden.", []),
    (
        "Ik had een schuld van 12.500 euro en 15 aanmaningen, en ik durfde de telefoon niet "
        "meer op te nemen.",
        [],
    ),
    ("Jeugdzorg kwam pas in beeld toen de school aan de bel trok.", []),
    ("In 2019 raakte ik mijn baan kwijt, daarna ging het snel bergafwaarts.", []),
    ("Drinken was voor mij jarenlang de enige manier om de dag door te komen.", []),
    (
        "Via de gemeente kreeg ik een bewindvoerder, en voor het eerst in jaren had ik overzicht.",
        [],
    ),
    (
        "Mijn moeder kwam uit Suriname en mijn vader uit Marokko; thuis werd nooit over geld "
        "gepraat.",
        [],
    ),
    (
        "Ervaringsdeskundigheid betekent voor mij: je eigen verhaal gebruiken om een ander "
        "verder te helpen.",
        [],
    ),
    ("De voedselbank, de kledingbank en het inloophuis waren die winter mijn vaste adressen.", []),
    ("Onderweg naar de rechtbank dacht ik alleen maar: wat als ze mijn kinderen afpakken?", []),
    ("In maart begon ik met dagbesteding, drie dagen per week, en langzaam kwam er structuur.", []),
    ("Ik heb 15 jaar gedronken voordat ik hulp durfde te vragen.", []),
    (
        "Schuldsanering via de Wsnp duurt meestal drie jaar, en in die tijd leef je van weinig.",
        [],
    ),
]


@dataclass(frozen=True)
class Identifier:
    kind: str
    start: int
    end: int


def _annotations(text: str, labels: list[tuple[str, str]]) -> list[Identifier]:
    found: list[Identifier] = []
    for kind, surface in labels:
        assert kind in KINDS, kind
        # Whole words; a number may be followed by letters ("zijn 15e").
        after = r"(?!\d)" if surface[-1].isdigit() else r"(?!\w)"
        hits = [
            Identifier(kind, m.start(), m.end())
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}{after}", text)
        ]
        assert hits, f"annotation {surface!r} not in sentence {text!r}"
        found.extend(hits)
    return found


def _covering(spans: list[Span], ident: Identifier) -> Span | None:
    return next((s for s in spans if s.start <= ident.start and s.end >= ident.end), None)


def measure() -> tuple[str, dict[str, float]]:
    """Run the corpus; return a printable table and the overall figures."""
    total, found, kind_ok = Counter(), Counter(), Counter()
    chars_total = chars_covered = 0
    span_total, span_hit = Counter(), Counter()
    missed: list[str] = []
    for text, labels in CORPUS:
        idents = _annotations(text, labels)
        spans = deidentify(text).spans
        covered = set()
        for s in spans:
            covered.update(range(s.start, s.end))
        for ident in idents:
            total[ident.kind] += 1
            chars_total += ident.end - ident.start
            chars_covered += sum(1 for i in range(ident.start, ident.end) if i in covered)
            span = _covering(spans, ident)
            if span is not None:
                found[ident.kind] += 1
                kind_ok[ident.kind] += span.kind == ident.kind
            else:
                # Invented test data only, so showing the miss is fine here.
                missed.append(f"{ident.kind}: {text[ident.start : ident.end]!r}")
        for s in spans:
            span_total[s.kind] += 1
            span_hit[s.kind] += any(s.start < i.end and i.start < s.end for i in idents)

    def ratio(a: int, b: int) -> str:
        return f"{a / b:6.1%}" if b else "     -"

    lines = [
        f"{'kind':<12} {'ids':>4} {'found':>5} {'recall':>7} {'kind ok':>7}"
        f"   {'spans':>5} {'hit':>4} {'precision':>9}"
    ]
    for kind in KINDS:
        lines.append(
            f"{kind:<12} {total[kind]:>4} {found[kind]:>5} {ratio(found[kind], total[kind]):>7}"
            f" {ratio(kind_ok[kind], found[kind]):>7}"
            f"   {span_total[kind]:>5} {span_hit[kind]:>4} "
            f"{ratio(span_hit[kind], span_total[kind]):>9}"
        )
    n_total, n_found = sum(total.values()), sum(found.values())
    n_spans, n_hit = sum(span_total.values()), sum(span_hit.values())
    lines.append(
        f"{'overall':<12} {n_total:>4} {n_found:>5} {ratio(n_found, n_total):>7}"
        f" {ratio(sum(kind_ok.values()), n_found):>7}"
        f"   {n_spans:>5} {n_hit:>4} {ratio(n_hit, n_spans):>9}"
    )
    lines.append(
        f"character recall: {ratio(chars_covered, chars_total).strip()}"
        f" ({chars_covered}/{chars_total}); sentences: {len(CORPUS)}"
    )
    if missed:
        lines.append("missed: " + "; ".join(missed))
    figures = {
        "recall": n_found / n_total,
        "precision": n_hit / n_spans if n_spans else 1.0,
        "char_recall": chars_covered / chars_total,
    }
    return "\n".join(lines), figures


def test_corpus_is_large_enough() -> None:
    with_ids = [c for c in CORPUS if c[1]]
    assert len(with_ids) >= 40
    assert len(CORPUS) - len(with_ids) >= 5


def test_recall_and_precision(report, record_property) -> None:
    table, figures = measure()
    # Shown in the terminal summary of every run (also `pytest -q`), and in JUnit XML.
    report("de-identificatie: recall en precisie", table)
    record_property("deidentification_quality", table)
    assert figures["recall"] >= RECALL_BAR, table
    assert figures["precision"] >= PRECISION_BAR, table
