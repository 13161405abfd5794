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

# (sentence, [(kind, surface), ...]). The rules were developed against this list,
# so its score is optimistic; see HELDOUT_1/2/3 below for the blind measurements
# each of them got once, before their misses were used to tune the rules. None of
# the sets here is blind any more: an honest figure needs a fresh set written
# without reading rules.py or the data lists.
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


# Written after the rules above were tuned on CORPUS and measured once, blind:
# recall 90.1 % (64/71), character recall 91.0 %, precision 100 % (66/66).
HELDOUT_1: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Mevr. S. Ramdin-Baldew vertelde dat haar man de pinpas had afgepakt.",
        [("name", "S. Ramdin-Baldew")],
    ),
    (
        "Bij de Tussenvoorziening in Utrecht kreeg Jurgen Brandsma eindelijk een eigen kamer.",
        [("institution", "Tussenvoorziening"), ("place", "Utrecht"), ("name", "Jurgen Brandsma")],
    ),
    (
        "Ik spreek Abdelkader Ait Taleb elke donderdag in het buurthuis aan de Marco Polostraat.",
        [("name", "Abdelkader Ait Taleb"), ("address", "Marco Polostraat")],
    ),
    (
        "Haar dochter van 14 werd opgevangen door Jeugdbescherming Regio Amsterdam.",
        [("age", "14"), ("institution", "Jeugdbescherming Regio Amsterdam")],
    ),
    (
        "Het kantoor van RIBW Brabant zit aan de Heuvel 12 in Tilburg.",
        [("institution", "RIBW Brabant"), ("address", "Heuvel 12"), ("place", "Tilburg")],
    ),
    (
        "Stuur de papieren naar j.dekker@hotmail.nl, dan kijkt Jolanda er vanavond naar.",
        [("email", "j.dekker@hotmail.nl"), ("name", "Jolanda")],
    ),
    (
        "Je kunt Oumaima Chaara bellen op 06 - 412 345 67 als er iets is met de kinderen.",
        [("name", "Oumaima Chaara"), ("phone", "06 - 412 345 67")],
    ),
    (
        "Op 23 september 2020 werd ik opgenomen in de kliniek van Jellinek in Amsterdam.",
        [("date", "23 september 2020"), ("institution", "Jellinek"), ("place", "Amsterdam")],
    ),
    (
        "De wijkagent, Ronald Verhoef, kwam langs toen de buren de politie hadden gebeld.",
        [("name", "Ronald Verhoef")],
    ),
    (
        "Sinds mijn opname bij Lentis woon ik in een flatje aan de Laan van de Vrijheid.",
        [("institution", "Lentis"), ("address", "Laan van de Vrijheid")],
    ),
    (
        "Marieke Zwart (31) en haar vriend Dennis Kok zijn samen van de heroïne afgekomen.",
        [("name", "Marieke Zwart"), ("age", "31"), ("name", "Dennis Kok")],
    ),
    (
        "Mijn bewindvoerder bij Bewindvoering Van Dijk heeft mijn rekening NL44 INGB 0001 "
        "2345 67 overgenomen.",
        [("institution", "Bewindvoering Van Dijk"), ("iban", "NL44 INGB 0001 2345 67")],
    ),
    (
        "Het Straatconsulaat in Den Haag hielp Hüseyin Öztürk met zijn briefadres.",
        [("institution", "Straatconsulaat"), ("place", "Den Haag"), ("name", "Hüseyin Öztürk")],
    ),
    (
        "Op woensdag 12 juli stond ik met Joke Kramer bij het loket van de gemeente Zaanstad.",
        [("date", "woensdag 12 juli"), ("name", "Joke Kramer"), ("place", "Zaanstad")],
    ),
    (
        "Zijn BSN is 2345.67.891 en dat had hij op een briefje in zijn portemonnee staan.",
        [("bsn", "2345.67.891")],
    ),
    (
        "Anand Jagesar, 45 jaar en vader van vier, verloor zijn baan bij de bakker.",
        [("name", "Anand Jagesar"), ("age", "45")],
    ),
    (
        "In de kliniek van Pro Persona in Nijmegen ontmoette ik Ilse Wouters.",
        [("institution", "Pro Persona"), ("place", "Nijmegen"), ("name", "Ilse Wouters")],
    ),
    (
        "Rob (58) slaapt al twee winters in een tentje achter het Centraal Station van Rotterdam.",
        [("name", "Rob"), ("age", "58"), ("place", "Rotterdam")],
    ),
    (
        "Ik woon op Kerkstraat 3b in Nieuwegein, bel maar aan bij de familie Mahabier.",
        [("address", "Kerkstraat 3b"), ("place", "Nieuwegein"), ("name", "Mahabier")],
    ),
    (
        "De wijkverpleegkundige van Buurtzorg, Anneke Post, zag dat het niet goed ging.",
        [("institution", "Buurtzorg"), ("name", "Anneke Post")],
    ),
    (
        "Via www.geldfit.nl vond Mark Janssen de weg naar schuldhulp.",
        [("url", "www.geldfit.nl"), ("name", "Mark Janssen")],
    ),
    (
        "Yvonne de Groot-Bakker woonde tot haar 60e in het ouderlijk huis in Dordrecht.",
        [("name", "Yvonne de Groot-Bakker"), ("age", "60"), ("place", "Dordrecht")],
    ),
    (
        "Kadir is op 3 maart met de noorderzon vertrokken naar Antwerpen.",
        [("name", "Kadir"), ("date", "3 maart"), ("place", "Antwerpen")],
    ),
    (
        "Het meldpunt van Sociaal Wijkteam Feijenoord is te bereiken op 010-4981234.",
        [("institution", "Sociaal Wijkteam Feijenoord"), ("phone", "010-4981234")],
    ),
    (
        "Ik zat met Lisa Vermeulen bij Wmo-loket Amersfoort voor een scootmobiel.",
        [("name", "Lisa Vermeulen"), ("institution", "Wmo-loket Amersfoort")],
    ),
    (
        "Onze dochter Noor is geboren op 30-11-2015 en heeft het syndroom van Down.",
        [("name", "Noor"), ("date", "30-11-2015")],
    ),
    (
        "Kevin Hoogendoorn uit Almere werd op zijn 19e voor het eerst opgepakt.",
        [("name", "Kevin Hoogendoorn"), ("place", "Almere"), ("age", "19")],
    ),
    (
        "Bij het inloophuis van het Leger des Heils in Zwolle ken ik iedereen bij naam.",
        [("institution", "Leger des Heils"), ("place", "Zwolle")],
    ),
    (
        "Stefan de Vries werkt als ervaringsdeskundige bij Victas en is bereikbaar op "
        "stefan@victas.nl.",
        [("name", "Stefan de Vries"), ("institution", "Victas"), ("email", "stefan@victas.nl")],
    ),
    (
        "Mijn oom Harry woont in de Bijlmer, in een flat aan de Gooioord.",
        [("name", "Harry"), ("place", "Bijlmer"), ("address", "Gooioord")],
    ),
    (
        "Na de scheiding kreeg ik een schuld bij de Belastingdienst door de toeslagenaffaire.",
        [],
    ),
    (
        "Elke maandag ging ik naar de AA, en dat hield me overeind.",
        [],
    ),
    (
        "Mijn psychiater zei dat herstel geen rechte lijn is.",
        [],
    ),
    (
        "Ik heb 7 jaar op straat geleefd en ken alle nachtopvangen van binnen.",
        [],
    ),
    (
        "De brieven van de deurwaarder gingen ongeopend de la in, jarenlang.",
        [],
    ),
    (
        "Ik was 4 jaar clean toen ik terugviel.",
        [],
    ),
    (
        "Met een Wajong-uitkering en een baan van 12 uur per week red ik het net.",
        [],
    ),
]

# Written after fixing the misses of HELDOUT_1 and measured once, blind:
# recall 91.1 % (41/45), character recall 94.4 %, precision 100 % (41/41).
HELDOUT_2: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Gisteren belde Truus Veldhuis, de moeder van een jongen uit mijn groep, in paniek op.",
        [("name", "Truus Veldhuis")],
    ),
    (
        "Ik ben opgegroeid in Kanaleneiland, en op mijn 12e rookte ik al elke dag.",
        [("place", "Kanaleneiland"), ("age", "12")],
    ),
    (
        "Mijn casemanager, Dirk-Jan Vermeer, heeft me geholpen met de aanvraag bij het UWV.",
        [("name", "Dirk-Jan Vermeer")],
    ),
    (
        "In januari 2022 zijn we verhuisd naar de Prins Bernhardlaan 8 in Schiedam.",
        [("address", "Prins Bernhardlaan 8"), ("place", "Schiedam")],
    ),
    (
        "Ze heet Nurcan, ze is 29 en ze heeft drie jaar in een blijf-van-mijn-lijfhuis gezeten.",
        [("name", "Nurcan"), ("age", "29")],
    ),
    (
        "Bel me op 0031 6 98765432 of app naar hetzelfde nummer.",
        [("phone", "0031 6 98765432")],
    ),
    (
        "De huurachterstand bij Havensteder liep op tot 7.800 euro voordat iemand ingreep.",
        [("institution", "Havensteder")],
    ),
    (
        "Ik kreeg een brief van het CAK met mijn klantnummer 4583920 erop.",
        [("number", "4583920")],
    ),
    (
        "Op 5 december liep ik bij Brijder binnen en vroeg om hulp voor mijn gokverslaving.",
        [("date", "5 december"), ("institution", "Brijder")],
    ),
    (
        "Meneer en mevrouw Hakkert wonen al veertig jaar in de Vogelwijk.",
        [("name", "Hakkert"), ("place", "Vogelwijk")],
    ),
    (
        "Elke zondag bracht Gerda Wolters soep naar de daklozen op het Stationsplein in "
        "Leeuwarden.",
        [("name", "Gerda Wolters"), ("address", "Stationsplein"), ("place", "Leeuwarden")],
    ),
    (
        "Sinds de uitspraak van de rechter in Arnhem mag ik mijn kinderen weer zien.",
        [("place", "Arnhem")],
    ),
    (
        "Joost van Rijn, ervaringsdeskundige bij Mondriaan, vertelde over zijn psychoses.",
        [("name", "Joost van Rijn"), ("institution", "Mondriaan")],
    ),
    (
        "Mijn postcode is 5611 AZ, dus ik val onder het wijkteam Centrum.",
        [("postcode", "5611 AZ"), ("institution", "wijkteam Centrum")],
    ),
    (
        "Lars, mijn zoon van 17, zit sinds zijn arrestatie in een justitiële jeugdinrichting.",
        [("name", "Lars"), ("age", "17")],
    ),
    (
        "Haar e-mailadres is f.ozdemir@outlook.com, maar ze leest haar mail zelden.",
        [("email", "f.ozdemir@outlook.com")],
    ),
    (
        "Wij hebben via Stichting Urgente Noden Utrecht een koelkast gekregen.",
        [("institution", "Stichting Urgente Noden Utrecht")],
    ),
    (
        "Eind oktober vond Chantal Koenen eindelijk een kamer bij Woonin in Westervoort.",
        [("name", "Chantal Koenen"), ("institution", "Woonin"), ("place", "Westervoort")],
    ),
    (
        "Omar Haddou is geboren op 2 februari 1978 in Nador en kwam op zijn 10e naar Nederland.",
        [("name", "Omar Haddou"), ("date", "2 februari 1978"), ("place", "Nador"), ("age", "10")],
    ),
    (
        "De jongerenwerker van Welzijn Lokaal, Sem Hoogland, heeft me toen aangemeld.",
        [("institution", "Welzijn Lokaal"), ("name", "Sem Hoogland")],
    ),
    (
        "Ik sliep maanden bij mijn tante in de Spoorstraat, boven de kapper.",
        [("address", "Spoorstraat")],
    ),
    (
        "Martijn werkt sinds 1 juni als ervaringswerker bij Sociaal Team Oost in Enschede.",
        [
            ("name", "Martijn"),
            ("date", "1 juni"),
            ("institution", "Sociaal Team Oost"),
            ("place", "Enschede"),
        ],
    ),
    (
        "Haar ex, Patrick Smeets, had een contactverbod maar stond toch voor de deur.",
        [("name", "Patrick Smeets")],
    ),
    (
        "Via de huisarts, dokter Oosterhuis, kwam ik bij de POH-GGZ terecht.",
        [("name", "Oosterhuis")],
    ),
    (
        "De cliëntenraad van Cordaan vergadert in het gebouw aan de Wibautstraat 120.",
        [("institution", "Cordaan"), ("address", "Wibautstraat 120")],
    ),
    (
        "Schulden maken eenzaam: je zegt afspraken af, je neemt de telefoon niet op, je "
        "trekt je terug.",
        [],
    ),
    (
        "Herstel begon voor mij toen iemand zei: Ik geloof je.",
        [],
    ),
    (
        "Ik heb twee jaar in de schuldsanering gezeten en elke euro omgedraaid.",
        [],
    ),
    (
        "Mijn verslaving begon met pijnstillers na een ongeluk, en werd daarna steeds erger.",
        [],
    ),
    (
        "Op school wist niemand dat we thuis geen eten hadden.",
        [],
    ),
    (
        "De Wmo-consulent kwam langs voor een keukentafelgesprek en dat voelde als een examen.",
        [],
    ),
    (
        "Na 15 jaar op straat heb ik nu een eigen voordeur, en daar ben ik trots op.",
        [],
    ),
    (
        "Volgens de Participatiewet moest ik verplicht vrijwilligerswerk doen.",
        [],
    ),
    (
        "Zondag is de moeilijkste dag: geen dagbesteding, geen inloop, alleen stilte.",
        [],
    ),
    (
        "Mijn eerste stap was de envelopjes sorteren: rood voor aanmaningen, blauw voor de "
        "Belastingdienst.",
        [],
    ),
    (
        "De Nederlandse schuldhulpverlening is ingewikkeld, zelfs voor professionals.",
        [],
    ),
    (
        "Ik ben 3 keer opgenomen geweest en heb 2 keer een terugval gehad.",
        [],
    ),
]

# HELDOUT_3 (formerly BLIND): written WITHOUT reading rules.py or the data lists, so
# that it was not biased towards what the rules already caught. Measured blind once
# when it was added: recall 83.6 % (138/165), character recall 85.2 %, precision
# 97.9 % (143/146); with it the overall recall fell below RECALL_BAR. Its misses were
# then used to close classes of gaps (names of other origins, nicknames, ages in
# words, reference numbers, month + year, abbreviated weekdays, sector organisations,
# schools and teams, neighbourhoods, rivers and flowers), so it is no longer blind
# and its score after that tuning is optimistic, like CORPUS.
# Annotations follow the other sets: titles ("mevrouw", "dhr.") are not part of a
# name, an age is just the number, a date includes its weekday and year.
# "Veilig Thuis" on its own is treated here as a generic national service (like CJIB
# or UWV), unlike CORPUS, where it is annotated as an institution; and "mei 2020" is
# annotated as a date here, while HELDOUT_2 leaves "januari 2022" unannotated. Both
# disagreements are kept as written; each costs one false positive.
HELDOUT_3: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Toen ik bij Geert-Jan van 't Hof binnenkwam, stond de schoenendoos met brieven van "
        "de deurwaarder al op tafel.",
        [("name", "Geert-Jan van 't Hof")],
    ),
    (
        "Mevrouw J. de Wit (67) had sinds de dood van haar man geen envelop van de "
        "Belastingdienst meer geopend.",
        [("name", "J. de Wit"), ("age", "67")],
    ),
    (
        "Youssef Amezian woont met zijn moeder op de Bijlmerdreef 1043 in Amsterdam-Zuidoost "
        "en slaapt op de bank.",
        [
            ("name", "Youssef Amezian"),
            ("address", "Bijlmerdreef 1043"),
            ("place", "Amsterdam-Zuidoost"),
        ],
    ),
    (
        "Bel mij gerust op 06-4812 7739 of mail naar hodan.warsame@live.nl, schreef Hodan "
        "Abdi Warsame onder haar brief.",
        [
            ("phone", "06-4812 7739"),
            ("email", "hodan.warsame@live.nl"),
            ("name", "Hodan Abdi Warsame"),
        ],
    ),
    (
        "Het CJIB stuurde de aanmaning naar Pieter Calandlaan 84-III, 1069 KK Amsterdam, "
        "terwijl Rinus de Hoop daar al twee jaar niet meer woonde.",
        [
            ("address", "Pieter Calandlaan 84-III"),
            ("postcode", "1069 KK"),
            ("place", "Amsterdam"),
            ("name", "Rinus de Hoop"),
        ],
    ),
    (
        "Ayşe Kılıç las haar BSN, 2406.91.374, hardop voor aan de telefoon, terwijl haar zoon "
        "meeluisterde.",
        [("name", "Ayşe Kılıç"), ("bsn", "2406.91.374")],
    ),
    (
        "In het Wmo-verslag stonden haar naam, Miriam Tol, en haar BSN 582031461 gewoon in de "
        "eerste regel.",
        [("name", "Miriam Tol"), ("bsn", "582031461")],
    ),
    (
        "Via het FACT-team Zuidoost van Arkin kreeg Shurandy Martis (29) eindelijk een vaste "
        "psychiater.",
        [
            ("institution", "FACT-team Zuidoost"),
            ("institution", "Arkin"),
            ("name", "Shurandy Martis"),
            ("age", "29"),
        ],
    ),
    (
        "Paweł Kowalczyk werkte zes jaar via Uitzendbureau Werkkracht in Venlo, totdat hij "
        "van een steiger viel.",
        [
            ("name", "Paweł Kowalczyk"),
            ("institution", "Uitzendbureau Werkkracht"),
            ("place", "Venlo"),
        ],
    ),
    (
        "Agnieszka Wiśniewska belde vanuit de opvang in Den Bosch met +48 601 234 567 naar "
        "haar moeder.",
        [
            ("name", "Agnieszka Wiśniewska"),
            ("place", "Den Bosch"),
            ("phone", "+48 601 234 567"),
        ],
    ),
    (
        "Het dossiernummer bij de Kredietbank was 2023-0456-KB, en Glenn Sno moest dat bij "
        "elk telefoontje opnieuw noemen.",
        [
            ("institution", "Kredietbank"),
            ("number", "2023-0456-KB"),
            ("name", "Glenn Sno"),
        ],
    ),
    (
        "Op 3-11-2019 werd Tesfay Gebremedhin van het azc in Ter Apel overgeplaatst naar een "
        "kamer in Emmen.",
        [
            ("date", "3-11-2019"),
            ("name", "Tesfay Gebremedhin"),
            ("place", "Ter Apel"),
            ("place", "Emmen"),
        ],
    ),
    (
        "Selam Haile is pas zeventien en woont sinds de zomer in een gezinshuis van Timon in "
        "Gouda.",
        [
            ("name", "Selam Haile"),
            ("age", "zeventien"),
            ("institution", "Timon"),
            ("place", "Gouda"),
        ],
    ),
    (
        "Rami Al-Khatib stond op 15 jan. 2022 met zijn vrouw Nour en hun twee kinderen bij "
        "het loket van Woonstad Rotterdam.",
        [
            ("name", "Rami Al-Khatib"),
            ("date", "15 jan. 2022"),
            ("name", "Nour"),
            ("institution", "Woonstad Rotterdam"),
        ],
    ),
    (
        "Mohamed el Bakkali, door iedereen Mo genoemd, zit al sinds zijn 12e in de jeugdhulp "
        "en is nu 18.",
        [("name", "Mohamed el Bakkali"), ("name", "Mo"), ("age", "12"), ("age", "18")],
    ),
    (
        "In de Tarwewijk kent iedereen Sjaak de Visser, de man die elke ochtend met zijn hond "
        "langs de Maas loopt.",
        [("place", "Tarwewijk"), ("name", "Sjaak de Visser")],
    ),
    (
        "Kimmie (19) zet haar herstelverhaal op www.kimmiecleanandsober.nl, dus haar ouders "
        "in Purmerend weten alles.",
        [
            ("name", "Kimmie"),
            ("age", "19"),
            ("url", "www.kimmiecleanandsober.nl"),
            ("place", "Purmerend"),
        ],
    ),
    (
        "Mijn klantnummer bij Vattenfall was 884213907, zei Erwin Zomer, en daar stond een "
        "schuld van 2.300 euro op.",
        [("number", "884213907"), ("name", "Erwin Zomer")],
    ),
    (
        "Ze appte me vanaf 0031 6 2345 6789 toen haar ex, Dave Rozenberg, weer voor de deur stond.",
        [("phone", "0031 6 2345 6789"), ("name", "Dave Rozenberg")],
    ),
    (
        "Bij de Blijf Groep in Almere vonden Esra Yıldız en haar dochter Zeynep (6) eindelijk "
        "onderdak.",
        [
            ("institution", "Blijf Groep"),
            ("place", "Almere"),
            ("name", "Esra Yıldız"),
            ("name", "Zeynep"),
            ("age", "6"),
        ],
    ),
    (
        "De bewindvoerder maakte het leefgeld over op NL76 ASNB 0712 3456 78, de rekening "
        "van Khadija Ait Bouchta.",
        [("iban", "NL76 ASNB 0712 3456 78"), ("name", "Khadija Ait Bouchta")],
    ),
    (
        "Het leefgeld van Abdirahman Farah gaat naar NL12TRIO0198765432; de rest houdt "
        "Budgetbeheer Het Anker vast.",
        [
            ("name", "Abdirahman Farah"),
            ("iban", "NL12TRIO0198765432"),
            ("institution", "Budgetbeheer Het Anker"),
        ],
    ),
    (
        "Dhr. A.B. Oosterhuis, geboren 02/05/1958, woont alleen in een flat in Heerlen-Noord.",
        [("name", "A.B. Oosterhuis"), ("date", "02/05/1958"), ("place", "Heerlen-Noord")],
    ),
    (
        "Op de school van Jayson, het Graafschap College in Doetinchem, wist niemand dat hij "
        "in de auto van zijn vader sliep.",
        [
            ("name", "Jayson"),
            ("institution", "Graafschap College"),
            ("place", "Doetinchem"),
        ],
    ),
    (
        "Noah (10) zit op basisschool De Regenboog in Malburgen en komt vaak zonder ontbijt "
        "naar school.",
        [
            ("name", "Noah"),
            ("age", "10"),
            ("institution", "De Regenboog"),
            ("place", "Malburgen"),
        ],
    ),
    (
        "Mijn maatje Roos van het Leger des Heils ging mee naar de zitting bij de "
        "kantonrechter in Breda.",
        [("name", "Roos"), ("institution", "Leger des Heils"), ("place", "Breda")],
    ),
    (
        "Ellen Bos werkt als schoonmaakster bij Schoonmaakbedrijf Van Vliet en verdient net "
        "te veel voor toeslagen.",
        [("name", "Ellen Bos"), ("institution", "Schoonmaakbedrijf Van Vliet")],
    ),
    (
        "Rajesh Jhagroe gokte zijn hele salaris weg in de speelhal aan de Hoefkade, twee "
        "straten van zijn huis in Transvaal.",
        [("name", "Rajesh Jhagroe"), ("address", "Hoefkade"), ("place", "Transvaal")],
    ),
    (
        "Curtley Isenia kwam in 2015 van Curaçao naar Rotterdam en woonde eerst bij zijn "
        "tante op de Binnenweg 120a.",
        [
            ("name", "Curtley Isenia"),
            ("place", "Rotterdam"),
            ("address", "Binnenweg 120a"),
        ],
    ),
    (
        "Je kunt het wijkteam in Selwerd bereiken op 050 - 367 12 34 of via "
        "selwerd@wijkteamsgroningen.nl.",
        [
            ("place", "Selwerd"),
            ("phone", "050 - 367 12 34"),
            ("email", "selwerd@wijkteamsgroningen.nl"),
        ],
    ),
    (
        "Vanaf 1 juli '21 kreeg Marjolein ter Horst weer huurtoeslag, na twee jaar terugbetalen.",
        [("date", "1 juli '21"), ("name", "Marjolein ter Horst")],
    ),
    (
        "Zaaknummer C/10/645321 stond op de dagvaarding voor de ontruiming van Leyla Aslan.",
        [("number", "C/10/645321"), ("name", "Leyla Aslan")],
    ),
    (
        "Het CJIB-kenmerk 3300 0012 3456 7890 had Dennis al drie keer verkeerd overgetypt.",
        [("number", "3300 0012 3456 7890"), ("name", "Dennis")],
    ),
    (
        "Hendrika 'Riet' van der Laan-Smits (81) belde elke ochtend om zes uur naar de "
        "crisisdienst van GGZ Noord-Holland-Noord.",
        [
            ("name", "Hendrika"),
            ("name", "Riet"),
            ("name", "van der Laan-Smits"),
            ("age", "81"),
            ("institution", "GGZ Noord-Holland-Noord"),
        ],
    ),
    (
        "Ik leerde Marco Rossi kennen in de daklozenopvang aan de Kruiskade, vlak bij het "
        "Centraal Station.",
        [("name", "Marco Rossi"), ("address", "Kruiskade")],
    ),
    (
        "De afspraak bij het UWV in Schiedam stond op di 7 maart om 09.30 uur, maar Bram "
        "Hoogendoorn lag toen in de kliniek.",
        [("place", "Schiedam"), ("date", "di 7 maart"), ("name", "Bram Hoogendoorn")],
    ),
    (
        "Fadumo Hassan (45 jaar) werkt als ervaringsdeskundige bij Stichting Het Baken in "
        "Moerwijk.",
        [
            ("name", "Fadumo Hassan"),
            ("age", "45"),
            ("institution", "Stichting Het Baken"),
            ("place", "Moerwijk"),
        ],
    ),
    (
        "Via instagram.com/hoopvolherstel deelt Wouter zijn weg uit de cocaïneverslaving.",
        [("url", "instagram.com/hoopvolherstel"), ("name", "Wouter")],
    ),
    (
        "Het mailadres van zijn bewindvoerder is a.devries@bewind-zuid.nl, maar Tomasz Nowak "
        "krijgt nooit antwoord.",
        [("email", "a.devries@bewind-zuid.nl"), ("name", "Tomasz Nowak")],
    ),
    (
        "Henk en Truus Hoekman woonden veertig jaar in hetzelfde huis aan de Dorpsstraat 12 "
        "in Nieuw-Vennep.",
        [
            ("name", "Henk"),
            ("name", "Truus Hoekman"),
            ("address", "Dorpsstraat 12"),
            ("place", "Nieuw-Vennep"),
        ],
    ),
    (
        "Cliëntnummer 45-7781-03 bij Cordaan hoorde bij Sandra Oudshoorn, die na haar "
        "hersenletsel begeleid woont.",
        [
            ("number", "45-7781-03"),
            ("institution", "Cordaan"),
            ("name", "Sandra Oudshoorn"),
        ],
    ),
    (
        "De huisarts in Kanaleneiland, dokter Bakkali, verwees Femi Adeyemi door naar Altrecht.",
        [
            ("place", "Kanaleneiland"),
            ("name", "Bakkali"),
            ("name", "Femi Adeyemi"),
            ("institution", "Altrecht"),
        ],
    ),
    (
        "Op 30 april werd Kevin de Graaf opgepakt na een vechtpartij in Leeuwarden.",
        [("date", "30 april"), ("name", "Kevin de Graaf"), ("place", "Leeuwarden")],
    ),
    (
        "Postcode 3531AB, huisnummer 17: daar woonde Johan Verschuur tot de brand.",
        [("postcode", "3531AB"), ("address", "17"), ("name", "Johan Verschuur")],
    ),
    (
        "Tante Wies uit Vlaardingen was de enige die mijn post openmaakte; ze is inmiddels 88.",
        [("name", "Wies"), ("place", "Vlaardingen"), ("age", "88")],
    ),
    (
        "Sinds Dimence mij in mei 2020 uit de kliniek in Deventer ontsloeg, woon ik op mezelf "
        "in Colmschate.",
        [
            ("institution", "Dimence"),
            ("date", "mei 2020"),
            ("place", "Deventer"),
            ("place", "Colmschate"),
        ],
    ),
    (
        "Zijn broer, Ibrahim Çelik, is bereikbaar op 010-2345678 en woont op de Zwart Janstraat.",
        [
            ("name", "Ibrahim Çelik"),
            ("phone", "010-2345678"),
            ("address", "Zwart Janstraat"),
        ],
    ),
    (
        "Bij de intake gaf Natasha Sewdien als geboortedatum 14 februari 1996 op en als adres "
        "Graaf Florisstraat 55b, 3021 CB Rotterdam.",
        [
            ("name", "Natasha Sewdien"),
            ("date", "14 februari 1996"),
            ("address", "Graaf Florisstraat 55b"),
            ("postcode", "3021 CB"),
            ("place", "Rotterdam"),
        ],
    ),
    (
        "Mieke de Jonge-van Rijn werkt bij Stadgenoot en zag als eerste dat Anton zijn huur "
        "niet meer betaalde.",
        [
            ("name", "Mieke de Jonge-van Rijn"),
            ("institution", "Stadgenoot"),
            ("name", "Anton"),
        ],
    ),
    (
        "De lotgenotengroep zit elke dinsdagavond in buurthuis De Ontmoeting in Poelenburg, "
        "Zaandam.",
        [
            ("institution", "De Ontmoeting"),
            ("place", "Poelenburg"),
            ("place", "Zaandam"),
        ],
    ),
    (
        "Aan de telefoon noemde hij zich 'Mister D', maar op zijn pas stond Dwayne Lieveld.",
        [("name", "Mister D"), ("name", "Dwayne Lieveld")],
    ),
    (
        "Haar website www.schuldvrijmetsanne.nl en haar nummer 06 87 65 43 21 staan op elke "
        "flyer die Sanne uitdeelt.",
        [
            ("url", "www.schuldvrijmetsanne.nl"),
            ("phone", "06 87 65 43 21"),
            ("name", "Sanne"),
        ],
    ),
    (
        "Van Tactus kreeg Jeroen een kamer in het pand aan de Oude Markt 9 in Enschede, boven "
        "de kringloop.",
        [
            ("institution", "Tactus"),
            ("name", "Jeroen"),
            ("address", "Oude Markt 9"),
            ("place", "Enschede"),
        ],
    ),
    (
        "In de nacht van 12 augustus belde de buurvrouw van Priscilla Doekhie de politie.",
        [("date", "12 augustus"), ("name", "Priscilla Doekhie")],
    ),
    (
        "Het crisisnummer van Team Bemoeizorg Utrecht is +31 (0)30 234 5678, dag en nacht.",
        [("institution", "Team Bemoeizorg Utrecht"), ("phone", "+31 (0)30 234 5678")],
    ),
    # No direct identifiers, but words that look like them: they measure precision.
    ("Hoop had ik niet meer, tot een schuldhulpverlener me voor het eerst serieus nam.", []),
    (
        "Jeugdzorg, de Wmo-consulent en het sociaal wijkteam zaten allemaal aan tafel, maar "
        "niemand vroeg wat ik zelf wilde.",
        [],
    ),
    ("Ik belde Veilig Thuis anoniem, omdat ik niet wist of het wel erg genoeg was.", []),
    ("De Bijstand voelde niet als een vangnet maar als een doolhof van formulieren.", []),
    ("In mei deed ik de laatste aflossing, en juni voelde als een nieuw begin.", []),
    ("Elke week ging ik naar de AA, en elke week zei ik dat het de laatste keer was.", []),
    ("Op tafel stond een bos bloemen van de buren, en toen moest ik toch even huilen.", []),
    (
        "Mijn leven speelde zich af tussen de straat, het plein voor het station en de "
        "achterkant van de supermarkt.",
        [],
    ),
    (
        "De Belastingdienst/Toeslagen, DUO en de zorgverzekeraar stuurden in dezelfde week "
        "een aanmaning.",
        [],
    ),
    ("Ik was 'de gekke van drie hoog', en de wijkagent kende me bij naam.", []),
    (
        "Mijn vader was een Antilliaan, mijn moeder een Friezin; thuis hoorde ik nergens echt bij.",
        [],
    ),
    ("Roos, tulp, zonnebloem: op de dagbesteding schilderde ik maandenlang alleen bloemen.", []),
    (
        "Na 24 uur in de cel en 3 maanden wachten kreeg ik eindelijk een gesprek bij de "
        "reclassering.",
        [],
    ),
]

from .blind_set_2 import BLIND_2  # noqa: E402 - kept apart so tuners do not read it

SETS = {
    "corpus": CORPUS,
    "heldout_1": HELDOUT_1,
    "heldout_2": HELDOUT_2,
    "heldout_3": HELDOUT_3,
    "blind_2": BLIND_2,
}
# Sets never used for tuning get their own table in the report: the honest estimate of how
# the de-identifier does on text it has not seen. Whoever tunes the rules must not read them.
NOT_TUNED = {"blind_2"}
ALL = [sentence for corpus in SETS.values() for sentence in corpus]


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


def measure(corpus: list[tuple[str, list[tuple[str, str]]]]) -> tuple[str, dict[str, float]]:
    """Run ``corpus``; return a printable table and the overall figures."""
    total, found, kind_ok = Counter(), Counter(), Counter()
    chars_total = chars_covered = 0
    span_total, span_hit = Counter(), Counter()
    missed: list[str] = []
    false_pos: list[str] = []
    for text, labels in corpus:
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
            hit = any(s.start < i.end and i.start < s.end for i in idents)
            span_hit[s.kind] += hit
            if not hit:
                false_pos.append(f"{s.kind}: {s.original!r}")

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
        f" ({chars_covered}/{chars_total}); sentences: {len(corpus)}"
    )
    if missed:
        lines.append("missed: " + "; ".join(missed))
    if false_pos:
        lines.append("false positives: " + "; ".join(false_pos))
    figures = {
        "recall": n_found / n_total,
        "precision": n_hit / n_spans if n_spans else 1.0,
        "char_recall": chars_covered / chars_total,
    }
    return "\n".join(lines), figures


def test_corpus_is_large_enough() -> None:
    with_ids = [c for c in ALL if c[1]]
    assert len(with_ids) >= 40
    assert len(ALL) - len(with_ids) >= 5


def test_recall_and_precision(report, record_property) -> None:
    table, figures = measure(ALL)
    per_set = []
    for name, corpus in SETS.items():
        set_table, f = measure(corpus)
        note = "  <- blind, never used for tuning" if name in NOT_TUNED else ""
        per_set.append(
            f"{name:<10} recall {f['recall']:6.1%}  precision {f['precision']:6.1%}"
            f"  char recall {f['char_recall']:6.1%}  ({len(corpus)} sentences){note}"
        )
        if name in NOT_TUNED:
            report(f"de-identificatie: {name} (blind, niet gebruikt voor tuning)", set_table)
    table += "\n" + "\n".join(per_set)
    # Shown in the terminal summary of every run (also `pytest -q`), and in JUnit XML.
    report("de-identificatie: recall en precisie", table)
    record_property("deidentification_quality", table)
    assert figures["recall"] >= RECALL_BAR, table
    assert figures["precision"] >= PRECISION_BAR, table
