"""Fictional demo content: an invented municipality, organisations, people and experience stories.

Pure Python (standard library only), so the demo command and the search benchmark can both use it.
Everything here is invented. The stories are built around the situations described in the source
texts (Movisie 2020 and the related interviews), written in our own words.

``generate_story(rng)`` composes a first-person Dutch story from many interchangeable fragments with
slot filling, so that large numbers of stories differ in wording and vocabulary. It only draws from
the ``random.Random`` it is given, so a seed gives the same stories every time.
"""

from __future__ import annotations

import itertools
import random
import re

__all__ = [
    "FICTIONAL_MUNICIPALITY",
    "FICTIONAL_ORGANISATIONS",
    "FICTIONAL_PEOPLE",
    "FICTIONAL_REGION",
    "FICTIONAL_STREETS",
    "VISIBILITIES",
    "concept_slugs_used",
    "generate_story",
]

FICTIONAL_MUNICIPALITY: dict = {"name": "Gemeente Lindehaven", "city": "Lindehaven"}

# A second, invented region with one organisation of its own.
FICTIONAL_REGION: dict = {"name": "Regio Veenmarken", "city": "Marksloot"}

FICTIONAL_ORGANISATIONS: list[dict] = [
    {
        "name": "Gemeente Lindehaven",
        "kind": "gemeente",
        "city": "Lindehaven",
        "teams": [
            "Schulddienstverlening",
            "Werk en Inkomen",
            "Wmo-consulenten",
            "Beleid Sociaal Domein",
        ],
    },
    {
        "name": "Buurtkracht Lindehaven",
        "kind": "sociaal_werk",
        "city": "Lindehaven",
        "teams": [
            "Buurtteam Havenkwartier",
            "Buurtteam De Weiden",
            "Buurtteam Oude Molen",
            "Ervaringswerkers",
        ],
    },
    {
        "name": "Stichting Onderdak Lindehaven",
        "kind": "maatschappelijke_opvang",
        "city": "Lindehaven",
        "teams": ["Nachtopvang", "Inloop", "Beschermd wonen", "Vrouwenopvang"],
    },
    {
        "name": "Stichting Schuldhulp Lindehaven",
        "kind": "schuldhulp",
        "city": "Lindehaven",
        "teams": ["Vroegsignalering", "Budgetbeheer", "Schuldregeling", "Maatjes"],
    },
    {
        "name": "Lectoraat Ervaringskennis, Hogeschool Lindehaven",
        "kind": "onderzoek",
        "city": "Lindehaven",
        "teams": ["Onderzoeksgroep Wij-kennis"],
    },
    {
        "name": "Herstelhuis Veenmarken",
        "kind": "verslavingszorg",
        "city": "Marksloot",
        "teams": ["Ambulante verslavingszorg", "Herstelacademie", "Ervaringscoaches"],
    },
]

# (first name, last name, gender used for pronouns in stories). Invented; no one from the sources.
_PEOPLE: tuple[tuple[str, str, str], ...] = (
    ("Henk", "Jansen", "m"),
    ("Ingrid", "Hoekstra-Wolters", "v"),
    ("Fatima", "El Amrani", "v"),
    ("Karim", "Bouzidi", "m"),
    ("Elif", "Yılmaz", "v"),
    ("Hakan", "Demir", "m"),
    ("Ayşe", "Çelik", "v"),
    ("Mustafa", "Aydın", "m"),
    ("Priya", "Ramdin", "v"),
    ("Kenneth", "Pinas", "m"),
    ("Shanaya", "Martina", "v"),
    ("Giovanni", "Isenia", "m"),
    ("Agnieszka", "Nowak", "v"),
    ("Tomasz", "Kowalczyk", "m"),
    ("Ewa", "Zielińska", "v"),
    ("Kees", "van der Linden", "m"),
    ("Wilma", "ter Horst", "v"),
    ("Bas", "van 't Hof", "m"),
    ("Naima", "Tahiri", "v"),
    ("Dirk-Jan", "Mulder", "m"),
    ("Lucia", "Kartoredjo", "v"),
    ("Jerrel", "Wijngaarde", "m"),
    ("Marieke", "de Groot", "v"),
    ("Rachid", "Ouali", "m"),
    ("Esther", "van den Heuvel", "v"),
    ("Nuno", "Tavares", "m"),
)

FICTIONAL_PEOPLE: list[dict] = [{"first_name": f, "last_name": ln} for f, ln, _g in _PEOPLE]

FICTIONAL_STREETS: tuple[str, ...] = (
    "Klaproosstraat",
    "Havenkade",
    "Wilgenlaan",
    "Reigerstraat",
    "Molenwerf",
    "Lijnbaanhof",
    "Zwanenhof",
    "Brugwachterspad",
    "Ganzenmarkt",
    "Ooievaarsweg",
    "Turfschipstraat",
    "Lindeplein",
    "Veerpont",
    "Zilverschoonlaan",
    "Kruidhof",
    "Sluiswachterstraat",
)

VISIBILITIES: tuple[str, ...] = ("private", "organisation", "network", "public")
_VISIBILITY_WEIGHTS = (2, 3, 3, 2)


# --------------------------------------------------------------------------- fragments
# A fragment is "text" or "text |slug slug": the slugs name concepts the sentence is about.
# {slots} are filled per story; values chosen once per story stay the same within it.

_DURATIONS = (
    "drie maanden",
    "een half jaar",
    "bijna een jaar",
    "ruim twee jaar",
    "vier maanden",
    "anderhalf jaar",
    "een paar weken",
)

_COMMON_SLOTS: dict[str, tuple[str, ...]] = {
    "Tijd": (
        "Vorig jaar",
        "Afgelopen winter",
        "Een paar maanden geleden",
        "Twee jaar geleden",
        "In mijn eerste maanden als ervaringswerker",
        "Vlak voor de zomervakantie",
        "Rond de jaarwisseling",
        "Dit voorjaar",
        "Vorige herfst",
        "Een tijdje terug",
        "Begin dit jaar",
        "Afgelopen zomer",
        "Midden in de coronatijd",
        "Drie jaar geleden",
    ),
    "tijd": (
        "vorig jaar",
        "afgelopen winter",
        "een paar maanden geleden",
        "twee jaar geleden",
        "vlak voor de zomer",
        "rond de kerst",
        "dit voorjaar",
        "vorige herfst",
        "een tijdje terug",
        "begin dit jaar",
        "in de zomer",
        "vlak na de jaarwisseling",
    ),
    "verwijzer": (
        "het buurtteam",
        "een collega van de schuldhulp",
        "de woningcorporatie",
        "de huisarts",
        "de wijkagent",
        "de consulent van werk en inkomen",
        "een buurvrouw",
        "de vroegsignalering van de gemeente",
        "de praktijkondersteuner van de huisarts",
        "de school van de kinderen",
        "een collega van het sociaal wijkteam",
        "de wijkverpleging",
        "de inloop in het buurthuis",
        "een medewerker van de voedselbank",
    ),
    "woning": (
        "in een galerijflat aan de rand van de stad",
        "in een portiekwoning in de oude wijk",
        "in een rijtjeshuis in een nieuwbouwwijk",
        "in een kleine bovenwoning boven een snackbar",
        "in een seniorenflat met een lift die vaak stuk was",
        "in een benedenwoning met een verwilderde tuin",
        "in een flat vlak bij het station",
        "in een huurhuis in een straat vol speeltuintjes",
        "in een kamer achter een kapperszaak",
        "in een eengezinswoning met dichte gordijnen",
    ),
    "plek": (
        "aan de keukentafel",
        "op een bankje in het park",
        "in de huiskamer van de inloop",
        "bij de koffieautomaat van het buurthuis",
        "op de stoep voor de deur",
        "in de auto",
        "op het balkon",
        "in een rustig hoekje van de bibliotheek",
        "aan het tafeltje bij het raam",
    ),
    "drank": ("koffie", "thee", "een glas water", "oploskoffie", "muntthee", "een blikje cola"),
    "duur": _DURATIONS,
    "duur2": (*_DURATIONS, "acht maanden"),
    "n_schuldeisers": (
        "zeven",
        "negen",
        "twaalf",
        "ruim twintig",
        "vijftien",
        "een stuk of tien",
        "zeker achttien",
    ),
    "beroep": (
        "heftruckchauffeur",
        "kapster",
        "kok in een hotel",
        "schoonmaker",
        "postbode",
        "taxichauffeur",
        "verzorgende in een verpleeghuis",
        "lasser",
        "vakkenvuller",
        "bakker",
        "stratenmaker",
        "kassamedewerker",
        "metselaar",
        "callcentermedewerker",
        "vrachtwagenchauffeur",
        "naaister",
        "monteur",
        "tuinman",
        "bouwvakker",
        "administratief medewerker",
        "glazenwasser",
        "koerier",
        "magazijnmedewerker",
        "conciërge",
        "thuiszorgmedewerker",
        "zzp'er in de schilderklussen",
        "beveiliger",
        "pizzakoerier",
        "productiemedewerker in een fabriek",
        "marktkoopman",
    ),
    "verlies": (
        "ziek werd",
        "werd ontslagen",
        "een ongeluk kreeg",
        "het bedrijf failliet ging",
        "een burn-out kreeg",
        "het lichaam niet meer meewerkte",
        "in een reorganisatie terechtkwam",
        "het contract niet werd verlengd",
        "voor een zieke ouder moest gaan zorgen",
    ),
    "ding": (
        "foto's van de kleinkinderen",
        "een verdorde plant",
        "een stapel puzzelboekjes",
        "een lege vogelkooi",
        "een oude radio",
        "medailles van een atletiekclub",
        "een vaas met plastic bloemen",
        "tekeningen van de kinderen",
        "een trouwfoto in een zilveren lijst",
        "een aquarium zonder vissen",
        "een rij lege flessen",
        "een stapel folders van de supermarkt",
        "een asbak die overliep",
        "een schaakbord met een half gespeeld potje",
        "een kapotte laptop",
        "een naaimachine onder een kleedje",
        "een bos verwelkte tulpen",
        "een kerststukje uit vorig jaar",
        "een ingelijst diploma",
        "een stapel kinderboeken uit de bibliotheek",
    ),
    "hobby": (
        "op voetbal gezeten",
        "in een koor gezongen",
        "veel gevist",
        "gebokst",
        "salsa gedanst",
        "gitaar gespeeld in een bandje",
        "duiven gehouden",
        "schilderijen gemaakt",
        "aan brommers gesleuteld",
        "truien gebreid voor de hele familie",
        "gekookt voor de hele straat",
        "gewielrend",
        "vrijwilligerswerk gedaan bij de scouting",
        "meubels opgeknapt",
        "gedanst bij een dansschool",
        "gezwommen bij een club",
        "kleding gemaakt",
        "op de markt gestaan met zelfgebakken koek",
    ),
    "familielid": (
        "zus",
        "broer",
        "dochter",
        "zoon",
        "moeder",
        "vader",
        "oudste zoon",
        "jongste zus",
        "beste vriend",
        "ex",
        "oom",
        "tante",
        "schoonmoeder",
        "nicht",
        "neef",
        "jeugdvriendin",
    ),
    "afstand": (
        "ver weg",
        "twee straten verderop",
        "in het buitenland",
        "aan de andere kant van de stad",
        "in een dorp een uur rijden verderop",
        "drie hoog in dezelfde flat",
        "om de hoek",
    ),
    "geur": (
        "koffie",
        "sigaretten",
        "gebakken uien",
        "schoonmaakmiddel",
        "vocht",
        "kerriesoep",
        "roti",
        "verse munt",
        "wierook",
        "natte hond",
        "wasverzachter",
        "brood uit de oven",
        "oud frituurvet",
        "sinaasappels",
        "knoflook",
        "verf",
    ),
    "schuldeiser_a": (
        "de zorgverzekeraar",
        "de energieleverancier",
        "het CJIB",
        "de Belastingdienst",
        "een postorderbedrijf",
        "de telefoonprovider",
        "de woningcorporatie",
        "DUO",
        "een kredietverstrekker",
        "het waterschap",
    ),
    "schuldeiser_b": (
        "een webwinkel",
        "de gemeente",
        "een sportschool",
        "de tandarts",
        "een incassobureau",
        "het ziekenhuis",
        "een energiebedrijf van vroeger",
        "een bank",
        "een vriend van vroeger",
        "een telecombedrijf",
        "een verzekeraar",
    ),
    "huisdier": (
        "een oude kat",
        "een hond die verder niemand vertrouwde",
        "twee parkieten",
        "een konijn",
        "een kater met één oog",
        "een aquarium met goudvissen",
        "een herdershond",
        "drie katten",
    ),
    "verlies_ik": (
        "ziek werd",
        "werd ontslagen",
        "een ongeluk kreeg",
        "last kreeg van mijn rug",
        "een burn-out kreeg",
        "in een reorganisatie terechtkwam",
        "mijn contract niet verlengd kreeg",
    ),
    "eten": (
        "een pan macaroni",
        "bruine bonen met rijst",
        "een boterham met pindakaas",
        "soep uit een pakje",
        "nasi van de toko",
        "pannenkoeken",
        "een bord stamppot",
        "roti met kouseband",
        "couscous",
        "linzensoep",
        "pierogi",
        "patat van de snackbar",
        "een diepvriespizza",
        "bami",
        "erwtensoep",
        "gebakken eieren",
        "tajine",
        "pasta met ketchup",
        "pom",
        "kapsalon",
        "zuurkool met worst",
        "börek",
        "een kop noedelsoep",
        "havermout met suiker",
    ),
    "buurtplek": (
        "de supermarkt op de hoek",
        "het winkelcentrum",
        "de moskee",
        "de kerk",
        "de bibliotheek",
        "het zwembad",
        "de markt",
        "het park",
        "de snackbar",
        "de kapper",
        "de wasserette",
        "de toko",
        "de bushalte",
        "de speeltuin",
        "het buurthuis",
        "de kringloopwinkel",
        "de apotheek",
        "de volkstuin",
        "het voetbalveld",
        "de bakker",
        "de Poolse winkel",
        "de avondwinkel",
    ),
    "dag": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"),
    "bedrag": tuple(f"€ {n // 1000}.{n % 1000:03d}" for n in range(1250, 48000, 1730)),
}

_GENDER: dict[str, dict[str, str]] = {
    "m": {
        "hij": "hij",
        "Hij": "Hij",
        "zijn": "zijn",
        "Zijn": "Zijn",
        "hem": "hem",
        "meneer": "meneer",
        "Meneer": "Meneer",
    },
    "v": {
        "hij": "ze",
        "Hij": "Ze",
        "zijn": "haar",
        "Zijn": "Haar",
        "hem": "haar",
        "meneer": "mevrouw",
        "Meneer": "Mevrouw",
    },
}

_PERSOON: dict[str, tuple[str, ...]] = {
    "m": (
        "een man van in de vijftig",
        "een man van rond de zestig",
        "een jonge vader",
        "een vader van drie kinderen",
        "een jongen van begin twintig",
        "een oudere man die alleen woonde",
        "een man die kort geleden gescheiden was",
        "een man die zijn werk was kwijtgeraakt",
        "een vader die zijn kinderen om het weekend zag",
        "een man van middelbare leeftijd",
        "een man die al dertig jaar in dezelfde straat woonde",
        "een jonge man die net op zichzelf woonde",
        "een oudere man met een wandelstok",
        "een man met een lichte stotter",
    ),
    "v": (
        "een vrouw van in de veertig",
        "een vrouw van rond de zestig",
        "een jonge moeder",
        "een moeder van drie kinderen",
        "een meisje van begin twintig",
        "een oudere vrouw die alleen woonde",
        "een vrouw die kort geleden gescheiden was",
        "een vrouw die haar werk was kwijtgeraakt",
        "een alleenstaande moeder met twee tieners",
        "een vrouw van middelbare leeftijd",
        "een vrouw die al dertig jaar in dezelfde straat woonde",
        "een jonge vrouw die net op zichzelf woonde",
        "een vrouw met een rollator",
        "een vrouw die net oma was geworden",
    ),
}
_PERSOON_MET_LEEFTIJD: dict[str, tuple[str, ...]] = {
    "m": ("een man van {age}", "een vader van {age}", "een man van {age} jaar oud"),
    "v": ("een vrouw van {age}", "een moeder van {age}", "een vrouw van {age} jaar oud"),
}

_OPENINGS = (
    (
        "{Tijd} kreeg ik via {verwijzer} de vraag om [langs te gaan bij|eens te gaan kijken "
        "bij|contact te zoeken met] {persoon}."
    ),
    "{Tijd} vroeg {verwijzer} of ik [mee wilde naar|een keer langs wilde gaan bij] {persoon}.",
    "Ik werk als {ik_rol}, en {tijd} kwam ik [terecht bij|in contact met] {persoon}.",
    (
        "{Tijd} stond ik voor het eerst [op de stoep bij|aan de deur bij|voor de deur van] "
        "{persoon}, {woning}."
    ),
    (
        "Als {ik_rol} kom ik bij veel mensen [thuis|over de vloer], maar één bezoek is me "
        "[bijgebleven|altijd bijgebleven]: dat bij {persoon}."
    ),
    "{Tijd} meldde {verwijzer} een bewoner bij ons [team|wijkteam]: {persoon}.",
    (
        "Ik wil iets vertellen over {persoon}, die ik [een tijd|een paar maanden|ruim een jaar] "
        "heb begeleid."
    ),
    (
        "Ik ben {ik_rol}, en {tijd} kreeg ik een [aanmelding|telefoontje|mailtje] van {verwijzer} "
        "over {persoon}."
    ),
    "{Tijd} zat ik voor het eerst {plek} tegenover {persoon}.",
    "Dit gaat over {persoon}; ik leerde {hem} {tijd} kennen via {verwijzer}.",
    (
        "{Tijd} belde {verwijzer} met de vraag of ik [contact wilde zoeken met|eens wilde praten "
        "met] {persoon}."
    ),
    "In mijn werk als {ik_rol} [ontmoette ik|leerde ik] {tijd} {persoon}[| kennen].",
)

_SETTING = (
    "{Hij} woonde {woning}.",
    "{Hij} woonde {woning}, en de bel [deed het niet|was kapot|was afgeplakt met tape].",
    "We spraken meestal {plek}, met {drank} erbij.",
    (
        "{Hij} woonde {woning}, al {duur} zonder dat iemand van een instantie [langs was "
        "geweest|had aangebeld]."
    ),
)

_CONTACT = (
    (
        "Bij het eerste bezoek bleef de deur dicht, en pas de [derde|vierde|tweede] keer deed "
        "{hij} open. |niet-opendoen outreachend-werken"
    ),
    (
        "{Hij} zei [meteen|als eerste|al bij de deur] dat {hij} niks met [de "
        "gemeente|instanties|hulpverleners] te maken wilde hebben. |wantrouwen-hulpverlening"
    ),
    "In het begin keek {hij} me [nauwelijks|bijna niet] aan, zo groot was de schaamte. |schaamte",
    (
        "{Hij} had al zoveel hulpverleners zien komen en gaan dat {hij} er niet meer in geloofde. "
        "|wantrouwen-hulpverlening"
    ),
    (
        "Het eerste wat {hij} vroeg, was of ik van de gemeente was en wat ik zou doorgeven. "
        "|wantrouwen-hulpverlening"
    ),
    (
        "We dronken {drank} en praatten eerst over [heel andere dingen dan {zijn} problemen|het "
        "weer, de buren en voetbal|{zijn} kleinkinderen en de buurt]."
    ),
    (
        "{Hij} verontschuldigde zich voor de rommel, terwijl ik alleen iemand zag die het zwaar "
        "had. |schaamte"
    ),
    (
        "Niemand in {zijn} omgeving wist hoe slecht het ging, zelfs {zijn} [familie|beste "
        "vriendin|broer] niet. |schaamte"
    ),
    (
        "{Hij} had het gevoel dat {hij} overal [werd weggestuurd|van het kastje naar de muur "
        "ging]. |niemand-kijkt-om"
    ),
    (
        "Pas na [een paar|drie|een handvol] bezoeken durfde {hij} te vertellen hoe het echt zat. "
        "|schaamte"
    ),
    (
        "{Hij} was boos, op de gemeente, op de schuldeisers en eigenlijk ook op zichzelf. "
        "|wantrouwen-hulpverlening"
    ),
    (
        "Ik merkte dat {hij} steeds keek of ik niet stiekem aantekeningen maakte. "
        "|wantrouwen-hulpverlening"
    ),
)

_DISCLOSURE = (
    "Op een gegeven moment vertelde ik dat ik {eigen_ervaring}. |eigen-verhaal-delen bron-van-hoop",
    (
        "Toen ik zei dat ik {eigen_ervaring}, veranderde er iets in {zijn} [blik|houding|stem]. "
        "|eigen-verhaal-delen"
    ),
    (
        "Ik begon niet meteen over mezelf, maar toen het moment kwam, [zei|vertelde] ik dat ik "
        "{eigen_ervaring}. |eigen-verhaal-delen"
    ),
    "{Hij} geloofde me pas echt toen ik vertelde dat ik {eigen_ervaring}. |bron-van-hoop",
    "Dat ik {eigen_ervaring}, maakte dat {hij} zich minder alleen voelde. |lotgenoot",
    (
        "{Hij} had van [de buren|een kennis|iemand in de wijk] gehoord dat ik {eigen_ervaring}, en "
        "dat opende de deur. |eigen-verhaal-delen"
    ),
    "Ik vertelde kort dat ik {eigen_ervaring}; meer was niet nodig. |eigen-verhaal-delen",
)

_ACTIONS = (
    "Ik nam de tijd en liet {hem} het tempo bepalen. |presentie",
    "Ik beloofde niets wat ik niet kon waarmaken, en kwam elke week op {dag} terug.",
    (
        "Ik oordeelde niet en vroeg vooral wat {hij} zelf [belangrijk vond|wilde|als eerste wilde "
        "aanpakken]. |aansluiten"
    ),
    (
        "We begonnen met iets kleins dat meteen lukte, zodat {hij} weer [wat|een beetje] "
        "vertrouwen kreeg. |kleine-successen"
    ),
    "Ik ging mee naar afspraken en zat naast {hem}, niet tegenover {hem}. |behoeder",
    "Ik vertaalde de brieven en de regels naar gewone woorden. |brug-systeemwereld-leefwereld",
    "Ik vroeg niet naar het dossier, maar naar {zijn} verhaal. |diagnosevrije-ruimte",
    (
        "Soms deden we helemaal niks aan de problemen en [liepen we alleen een rondje door de "
        "wijk|dronken we alleen {drank}|keken we samen naar de vogels op het balkon]. |presentie"
    ),
    (
        "Ik liet {hem} eerst alles vertellen wat {hem} dwarszat, zonder meteen met oplossingen te "
        "komen. |ventilerende-gesprekken"
    ),
    (
        "Elke afspraak sloten we af met één ding dat {hij} voor de volgende keer zelf zou doen. "
        "|kleine-successen"
    ),
    (
        "Ik zorgde dat {hij} één vast aanspreekpunt had, in plaats van [vijf loketten|steeds een "
        "ander gezicht]."
    ),
    "Ik belde de dag voor elke afspraak even, gewoon om te vragen hoe het ging.",
)

_TURNING = (
    "Het keerpunt kwam toen {hij} zelf de telefoon pakte om een afspraak te maken.",
    (
        "Na [een paar weken|een maand of twee|een tijdje] zei {hij}: '[Jij snapt het tenminste|Jij "
        "weet waar je het over hebt|Met jou kan ik praten].' |bron-van-hoop"
    ),
    "Op een dag stond {hij} zelf bij ons op kantoor, met een tas vol papieren.",
    "Langzaam merkte ik dat {hij} weer vooruit begon te kijken. |herstel",
    (
        "Wat het verschil maakte, was volgens {hem} dat ik bleef komen, ook toen {hij} een "
        "afspraak vergat."
    ),
    "Ergens in die weken draaide er iets om, al kan ik niet precies zeggen wanneer.",
)

_ENDINGS = (
    "Het is nog niet allemaal opgelost, maar {hij} staat er nu anders in. |herstel",
    (
        "Inmiddels heb ik {hem} overgedragen aan een collega, maar we groeten elkaar nog altijd "
        "[op straat|in de supermarkt]."
    ),
    "Laatst kreeg ik een kaartje van {hem}, met alleen het woord 'bedankt' erop.",
    (
        "{Hij} doet nu zelf vrijwilligerswerk in [het buurthuis|de moestuin van de wijk|de "
        "kledingbank]. |maatschappelijk-herstel"
    ),
    "Het traject loopt nog, maar {hij} komt [op elke afspraak|elke keer op tijd].",
)

_REFLECTIONS = (
    (
        "Wat ik hiervan leerde: mensen zijn niet lastig, ze zijn moe van het systeem. "
        "|brug-systeemwereld-leefwereld"
    ),
    (
        "Voor mij laat dit zien dat je als ervaringswerker een brug bent tussen de regels en het "
        "gewone leven. |brug-systeemwereld-leefwereld"
    ),
    (
        "Ik had graag geweten wat andere ervaringswerkers in zo'n situatie hadden gedaan, maar "
        "daar is nog nergens een plek voor. |gids-collectieve-ervaringskennis"
    ),
    (
        "Dit soort kennis hoort niet alleen in mijn hoofd te zitten, maar ergens waar "
        "[collega's|andere ervaringswerkers] erbij kunnen. |gids-collectieve-ervaringskennis"
    ),
    "In de intervisie hebben we dit besproken, en collega's herkenden er veel in. |intervisie",
    "Begrijpen alleen is niet genoeg; de ander moet merken dat je het echt snapt.",
    (
        "Ik heb dit teruggekoppeld aan [het team|mijn leidinggevende|de beleidsafdeling], zodat de "
        "brieven van de gemeente duidelijker worden. |secundair-proces"
    ),
    "Het blijft zoeken naar kleine overwinningen, maar ze zijn er wel. |kleine-successen",
    "Ik merk dat collega's nu vaker eerst langsgaan voordat ze een brief sturen. |secundair-proces",
    (
        "Hoop geven is soms het enige wat je kunt doen, en vaak is het genoeg om te beginnen. "
        "|bron-van-hoop"
    ),
    (
        "Als ervaringswerker sta ik naast de bewoner, ook als dat soms schuurt met de organisatie. "
        "|behoeder"
    ),
    (
        "Ik vertel dit verhaal omdat ik denk dat meer mensen in dezelfde situatie hier iets aan "
        "hebben. |gids-collectieve-ervaringskennis"
    ),
    "Wat in geen enkel protocol staat, is hoeveel moed het kost om hulp te vragen.",
    (
        "De beleidstaal van de gemeente en de taal aan de keukentafel liggen ver uit elkaar; ik "
        "probeer ze bij elkaar te brengen. |brug-systeemwereld-leefwereld"
    ),
    (
        "Collega's vroegen later hoe ik het contact had gekregen; het antwoord is vooral geduld. "
        "|secundair-proces"
    ),
    (
        "In onze community of practice merkte ik dat anderen precies hetzelfde tegenkomen. "
        "|community-of-practice gids-collectieve-ervaringskennis"
    ),
)

# Small concrete details that make stories differ from one another.
_DETAILS = (
    "Vroeger werkte {hij} als {beroep}, tot {hij} {verlies}.",
    "[Op de vensterbank|Op tafel|Op de kast] zag ik {ding}.",
    "{Hij} had vroeger {hobby}, maar daar was al [jaren|lang] geen geld of energie meer voor.",
    "{Zijn} {familielid} woonde {afstand} en wist van niets.",
    "In de [keuken|gang|woonkamer] rook het naar {geur}.",
    "Het grootste deel van de schulden stond bij {schuldeiser_a} en {schuldeiser_b}. |schulden",
    (
        "{Hij} had {huisdier}; de zorg daarvoor was [het enige dat {hem} 's ochtends uit bed "
        "kreeg|{zijn} grootste steun|de reden om vol te houden]."
    ),
    (
        "Pas later hoorde ik dat {hij} als {beroep} had gewerkt en daar [trots op was|goed in was "
        "geweest]."
    ),
    "Tussen de spullen [in de kamer|op de kast|in de hoek] viel me {ding} op.",
    "{Hij} praatte over {zijn} {familielid} alsof dat het enige was dat nog goed ging.",
    (
        "Het [regende pijpenstelen|was bloedheet|vroor dat het kraakte|stormde|was grijs en "
        "miezerig] toen ik voor het eerst aanbelde."
    ),
    "{Hij} kwam nog maar op één plek buiten de deur: {buurtplek}.",
    (
        "We spraken soms af bij {buurtplek}, omdat {hij} zich daar [veilig voelde|minder bekeken "
        "voelde|thuis voelde]."
    ),
    (
        "Op het fornuis stond {eten}, [het enige wat er die week nog in huis was|koud "
        "geworden|voor de kinderen]."
    ),
    (
        "De televisie stond aan, [zonder geluid|met een quiz|met het journaal|met een "
        "kookprogramma|met een soap|met voetbal]."
    ),
    (
        "Op de achtergrond speelde [de radio|oude Nederlandstalige muziek|kaseko|Turkse "
        "muziek|gospel|een Pools radiostation|Marokkaanse muziek]."
    ),
)
_EIGEN_DETAILS = (
    "Ik werkte toen als {beroep}, tot ik {verlies_ik}.",
    "Mijn {familielid} woonde {afstand} en wist van niets.",
    "Ik had vroeger {hobby}, maar daar was geen geld of energie meer voor.",
    "Mijn grootste schulden stonden bij {schuldeiser_a} en {schuldeiser_b}. |schulden",
    "Thuis rook het altijd naar {geur}; die geur brengt me nog steeds terug naar die tijd.",
    "Ik keek in die tijd elke dag naar {ding} op mijn [vensterbank|kast].",
    "Ik at in die tijd vaak {eten}, omdat er voor iets anders geen geld was. |armoede",
    "Het enige uitje was {buurtplek}, en zelfs daar voelde ik me bekeken.",
)

_SHARED_HELPED = (
    "Iemand die zelf heeft meegemaakt hoe het is.",
    "Tijd en geduld, zonder haast.",
    "Niet veroordeeld worden.",
    "Eén vast aanspreekpunt in plaats van steeds een ander.",
    "Kleine stappen die meteen lukten.",
    "Gewone taal in plaats van ambtelijke taal.",
)
_SHARED_NOT_HELPED = (
    "Steeds opnieuw je verhaal moeten vertellen.",
    "Hulpverleners die haast hadden.",
    "Brieven met dreigende taal en zonder naam van een persoon.",
    "Een loket waar je een nummertje moest trekken.",
    "Goedbedoeld advies van mensen die het nooit hebben meegemaakt.",
)

# Own past ("eigen verhaal") mode: the worker tells about their own past.
_EIGEN_OPENINGS = (
    (
        "Ik werk nu als {ik_rol}, maar [een paar|tien|zeven] jaar geleden stond ik er zelf heel "
        "anders voor."
    ),
    (
        "Dit is mijn eigen verhaal, dat ik nu soms vertel aan bewoners die vastzitten. "
        "|eigen-verhaal-delen"
    ),
    "Voordat ik ervaringswerker werd, heb ik zelf lang in de problemen gezeten. |ervaringswerker",
    (
        "[Mensen|Bewoners|Collega's] vragen weleens waarom ik dit werk doe; dit is [het "
        "antwoord|een deel van het antwoord]."
    ),
    (
        "Ik schrijf dit op omdat ik denk dat anderen er iets aan hebben. "
        "|gids-collectieve-ervaringskennis"
    ),
    "Mijn collega's kennen me als {ik_rol}, maar niet iedereen weet waar ik vandaan kom.",
    "Het is [een tijd|jaren|lang] geleden, maar ik weet nog precies hoe het voelde.",
)
_EIGEN_TURNING = (
    (
        "Pas toen een ervaringsdeskundige vertelde hoe zij het had aangepakt, durfde ik de eerste "
        "stap te zetten. |lotgenoot bron-van-hoop"
    ),
    (
        "In een groep met lotgenoten merkte ik [voor het eerst|eindelijk] dat ik niet de enige "
        "was. |lotgenotencontact"
    ),
    (
        "Een medewerker van [het buurtteam|de schuldhulp|de opvang] bleef gewoon komen, ook als ik "
        "niet opendeed. |outreachend-werken"
    ),
    (
        "Iemand hielp me inzien dat niet alles mijn fout was, maar dat ik wel zelf de eerste stap "
        "kon zetten."
    ),
    "Het hielp dat niemand me haastte; ik mocht in mijn eigen tempo verder. |presentie",
    "Kleine stapjes die lukten, gaven me het vertrouwen om door te gaan. |kleine-successen",
    (
        "Een vrijwilliger die er zelf ook had gestaan, zat naast me bij het eerste gesprek. "
        "|maatje lotgenoot"
    ),
    "Het keerpunt was een hulpverlener die gewoon vroeg wat ik zelf wilde. |aansluiten",
)
_EIGEN_NOW = (
    "Nu ik zelf als {ik_rol} werk, neem ik die ervaring mee naar elk huisbezoek. |ervaringswerker",
    (
        "Daarom ga ik nu bij bewoners aan de keukentafel zitten in plaats van achter een bureau. "
        "|outreachend-werken"
    ),
    (
        "Ik vertel mijn verhaal alleen als het de ander helpt, niet om mezelf te laten zien. "
        "|eigen-verhaal-delen"
    ),
    (
        "Als ik nu iemand zie die vastloopt, weet ik dat onder de [weerstand|boosheid|stilte] vaak "
        "angst zit."
    ),
    (
        "Ik wil laten zien dat je er echt uit kunt komen, want ik ben er zelf het bewijs van. "
        "|bron-van-hoop"
    ),
    (
        "Wat ik toen had willen horen, zeg ik nu tegen anderen: je bent niet de enige. "
        "|gids-collectieve-ervaringskennis"
    ),
    (
        "In mijn team probeer ik collega's te laten zien hoe de regels aan de andere kant van de "
        "tafel voelen. |secundair-proces brug-systeemwereld-leefwereld"
    ),
    (
        "Ik heb geleerd dat herstel geen rechte lijn is, en dat gun ik de mensen die ik nu spreek "
        "ook. |herstel"
    ),
)

# --------------------------------------------------------------------------- themes
_THEMES: list[dict] = [
    {
        "key": "schoenendoos",
        "weight": 14,
        "core": "schulden schoenendoos-ongeopende-post",
        "slots": {
            "ik_rol": (
                "praktisch ondersteuner bij de gemeente",
                "ervaringsdeskundige bij de schuldhulp",
                "ervaringswerker in het buurtteam",
                "ervaringswerker geldzaken bij een welzijnsorganisatie",
            ),
            "eigen_ervaring": (
                "zelf jarenlang een doos vol ongeopende brieven had gehad",
                "zelf ooit met de deurwaarder aan de deur had gestaan",
                "zelf in de schuldsanering had gezeten",
                "zelf ook maanden geen envelop had durven openen",
                "zelf ooit diep rood had gestaan",
            ),
        },
        "titles": (
            "De schoenendoos onder het bed",
            "Envelop voor envelop",
            "Samen de post open",
            "Wat er in de doos zat",
            "Brieven die niemand opende",
            "Overzicht in de chaos",
            "Eerst koffie, dan de post",
            "Een la vol enveloppen",
            "Bang voor de brievenbus",
        ),
        "situation": (
            (
                "[In de gang|Onder het bed|Op de kast|Naast de bank] stond een "
                "[schoenendoos|doos|plastic tas] vol ongeopende brieven, sommige al [maanden|een "
                "jaar|weken] oud. |schoenendoos-ongeopende-post"
            ),
            (
                "{Hij} durfde de post al [lang|maanden|jaren] niet meer open te maken en stopte "
                "alles in een [la in de keuken|kast in de gang|tas achter de deur]. "
                "|schoenendoos-ongeopende-post"
            ),
            (
                "Tussen de enveloppen zaten [aanmaningen|herinneringen|rode brieven], brieven van "
                "een incassobureau en [een dagvaarding|een beslagbrief|een brief van de "
                "deurwaarder]. |aanmaningen-en-incasso brief-van-de-deurwaarder"
            ),
            (
                "{Hij} wist niet eens meer aan hoeveel partijen {hij} geld moest, maar schatte het "
                "op {n_schuldeisers}. |schuldeisersoverzicht"
            ),
            (
                "Wat begon met een achterstand bij [de zorgverzekering|de telefoonprovider|de "
                "energieleverancier|een webwinkel], was uitgegroeid tot {bedrag} aan schulden. "
                "|schulden"
            ),
            (
                "Elke keer als de brievenbus klepperde, kreeg {hij} [buikpijn|hartkloppingen|het "
                "koud]. |schoenendoos-ongeopende-post"
            ),
            (
                "Bovenop de stapel lag een brief van de deurwaarder, met een [datum|termijn] die "
                "al [verstreken|voorbij] was. |brief-van-de-deurwaarder"
            ),
            (
                "De beslagvrije voet was verkeerd berekend, waardoor {hij} elke maand te weinig "
                "overhield voor [eten|boodschappen|de huur]. |beslag-op-inkomen"
            ),
            (
                "Door de stapeling van [incassokosten|rente en kosten] was een kleine "
                "[telefoonrekening|rekening van de tandarts|boete] meer dan verdubbeld. "
                "|aanmaningen-en-incasso"
            ),
            (
                "{Hij} had de bankapp van {zijn} telefoon gehaald, omdat {hij} niet meer wilde "
                "zien hoe rood {hij} stond. |schulden"
            ),
            (
                "Er lag beslag op {zijn} loon, en van wat overbleef moest {hij} huur en "
                "boodschappen betalen. |beslag-op-inkomen"
            ),
            (
                "De rekeningen waren opgestapeld nadat {hij} [een paar maanden ziek thuis had "
                "gezeten|{zijn} baan was kwijtgeraakt|uit elkaar was gegaan met {zijn} partner]. "
                "|schulden"
            ),
        ),
        "contact": (
            (
                "Toen ik vroeg of ik de doos mocht zien, schoof {hij} hem zonder iets te zeggen "
                "naar me toe. |schaamte"
            ),
            (
                "{Hij} zei dat {hij} zich schaamde, omdat {hij} vroeger altijd alles zelf had "
                "geregeld. |schaamte"
            ),
            "{Hij} was bang dat ik zou zeggen dat het allemaal {zijn} eigen schuld was. |schaamte",
            (
                "Bij elk geluid in het trappenhuis schrok {hij}, omdat het de deurwaarder kon "
                "zijn. |niet-opendoen"
            ),
        ),
        "actions": (
            (
                "We gingen samen {plek} zitten en maakten de brieven [één voor één|stuk voor "
                "stuk|een voor een] open. |samen-post-openen"
            ),
            (
                "Ik maakte [drie stapels|drie hoopjes]: [dringend, kan wachten en oud nieuws|nu "
                "doen, later doen en weggooien]. |samen-post-openen"
            ),
            (
                "Samen zetten we alle schuldeisers op een rij, met bedragen en kenmerken[| in een "
                "schrift| op een groot vel papier]. |schuldeisersoverzicht"
            ),
            (
                "Met {hem} naast me belde ik de deurwaarder en vroeg ik [uitstel|een paar weken "
                "respijt], zodat er even lucht kwam. |brief-van-de-deurwaarder"
            ),
            (
                "We vroegen bij de schuldeisers de ontbrekende gegevens op, zodat het overzicht "
                "compleet werd. |schuldeisersoverzicht"
            ),
            (
                "Ik liet de beslagvrije voet opnieuw berekenen, en dat scheelde meteen een flink "
                "bedrag per maand. |beslag-op-inkomen"
            ),
            (
                "Ik ging mee naar het eerste gesprek bij de schuldhulp, zodat {hij} niet alleen "
                "tegenover een ambtenaar zat. |intakegesprek-schuldhulp behoeder"
            ),
            (
                "We spraken af dat {hij} van nieuwe post meteen een foto naar mij stuurde, zodat "
                "niets meer [in de doos|in de la|onder het bed] verdween."
            ),
            (
                "Met de schuldeisers die de hoogste kosten rekenden, probeerden we eerst een "
                "betalingsregeling te treffen. |betalingsregeling"
            ),
            (
                "Ik legde uit wat een minnelijk traject is, in gewone woorden en zonder de folder "
                "voor te lezen. |schuldregeling brug-systeemwereld-leefwereld"
            ),
            (
                "Ik regelde een afspraak voor budgetbeheer, zodat de vaste lasten weer automatisch "
                "betaald werden. |budgetbeheer"
            ),
        ),
        "turning": (
            (
                "Toen de laatste envelop open was, zei {hij} dat het [minder erg|minder "
                "eng|overzichtelijker] was dan {hij} had gedacht."
            ),
            (
                "Op het moment dat {hij} het overzicht zwart op wit zag, kwam er rust. "
                "|schuldeisersoverzicht"
            ),
            (
                "De tweede keer maakte {hij} de nieuwe post gewoon zelf open, terwijl ik erbij "
                "zat. |kleine-successen"
            ),
            (
                "Toen de deurwaarder akkoord ging met uitstel, zag ik {hem} voor het eerst lachen. "
                "|brief-van-de-deurwaarder"
            ),
        ),
        "ending": (
            "Inmiddels zit {hij} in een schuldregeling en is het einde in zicht. |schuldregeling",
            "De [schoenendoos|doos] staat nu leeg in de kast, als [herinnering|aandenken].",
            "Als alles zo doorgaat, is {hij} over een paar jaar schuldenvrij. |schuldregeling",
            "De schulden zijn er nog, maar de angst voor de brievenbus is weg.",
        ),
        "helped": (
            "Samen de post openmaken, envelop voor envelop.",
            "Een overzicht van alle schuldeisers op één vel papier.",
            "Uitstel van de deurwaarder, waardoor er even lucht kwam.",
            "Het opnieuw laten berekenen van de beslagvrije voet.",
            "Meegaan naar het eerste gesprek bij de schuldhulp.",
            "Budgetbeheer, zodat huur en energie weer vanzelf betaald werden.",
            "Van nieuwe post meteen een foto sturen naar iemand die meekijkt.",
        ),
        "not_helped": (
            "Een folder over schuldhulp die in de brievenbus werd gestopt.",
            "Brieven vol juridische taal, zonder iemand die je kon bellen.",
            "Wachten tot iemand zich zelf meldt bij het loket.",
            "De opmerking dat het een kwestie van beter budgetteren was.",
            "Weken wachten op het eerste gesprek.",
        ),
        "eigen": (
            (
                "Jaren geleden had ik zelf een la vol brieven die ik niet durfde te openen. "
                "|schoenendoos-ongeopende-post"
            ),
            (
                "Ik werkte gewoon door, maar thuis groeide de stapel aanmaningen. "
                "|aanmaningen-en-incasso"
            ),
            (
                "Als de bel ging, deed ik niet open, want het kon de deurwaarder zijn. "
                "|niet-opendoen brief-van-de-deurwaarder"
            ),
            (
                "Ik schaamde me zo dat zelfs mijn zus niet wist hoe diep ik in de schulden zat. "
                "|schaamte"
            ),
            (
                "Er kwam beslag op mijn loon, en aan het eind van de maand at ik brood met niks. "
                "|beslag-op-inkomen"
            ),
            "Bij de gemeente voelde ik me een dossiernummer, geen mens. |wantrouwen-hulpverlening",
            (
                "Het duurde lang voordat ik begreep dat de incassokosten harder groeiden dan ik "
                "kon aflossen. |aanmaningen-en-incasso"
            ),
        ),
    },
    {
        "key": "uitval",
        "weight": 9,
        "core": "uitval-uit-schuldentraject eerste-contact-na-uitval schulden",
        "slots": {
            "ik_rol": (
                "praktisch ondersteuner bij de gemeente",
                "ervaringsdeskundige bij de schulddienstverlening",
                "ervaringswerker in het sociaal wijkteam",
            ),
            "eigen_ervaring": (
                "zelf twee keer uit een schuldentraject was gevallen",
                "zelf ooit een afspraak had gemist en daarna nooit meer durfde te bellen",
                "zelf ook als 'niet-verschijner' in het systeem had gestaan",
            ),
        },
        "titles": (
            "Opnieuw aanbellen",
            "Dossier gesloten, mens niet",
            "De tweede kans",
            "Weer in beeld",
            "Niet afgehaakt, maar vastgelopen",
            "Zonder afspraak langs",
        ),
        "situation": (
            (
                "Een jaar eerder was {hij} aangemeld bij de schuldhulp, maar na het eerste gesprek "
                "kwam {hij} niet meer opdagen. |uitval-uit-schuldentraject"
            ),
            (
                "In het systeem stond het dossier als gesloten, met de reden 'geen medewerking'. "
                "|uitval-uit-schuldentraject"
            ),
            (
                "De gemeente had drie brieven gestuurd om {hem} op te roepen, maar die lagen "
                "ongeopend in de gang. |schoenendoos-ongeopende-post"
            ),
            (
                "{Hij} had de lijst met bewijsstukken niet begrepen en durfde niet te bellen om "
                "het te vragen. |formulieren-invullen"
            ),
            (
                "Bij het eerste gesprek zaten er twee professionals tegenover {hem}, en {hij} "
                "voelde zich verhoord. |intakegesprek-schuldhulp"
            ),
            (
                "Ik was {zijn} [vierde|vijfde|derde] contactpersoon in [één jaar|anderhalf "
                "jaar|twee jaar]."
            ),
            (
                "Het bleek dat {hij} niet uit onwil was afgehaakt, maar omdat [{zijn} moeder "
                "ernstig ziek was geworden|{zijn} zoon in de problemen zat|{hij} zelf was "
                "opgenomen]."
            ),
            (
                "Omdat {hij} geen bankafschriften van drie maanden kon laten zien, was het traject "
                "gestopt. |formulieren-invullen"
            ),
            (
                "Sinds het traject stopte, waren de schulden alleen maar opgelopen, tot {bedrag}. "
                "|schulden"
            ),
            (
                "Van de mensen die zich bij de schuldhulp meldden, raakte destijds het grootste "
                "deel uit beeld. |uitval-uit-schuldentraject"
            ),
        ),
        "contact": (
            (
                "Toen ik aanbelde en zei waar ik vandaan kwam, wilde {hij} de deur meteen weer "
                "dichtdoen. |wantrouwen-hulpverlening"
            ),
            "{Hij} dacht dat ik kwam controleren, niet helpen. |wantrouwen-hulpverlening",
            (
                "{Hij} schaamde zich voor de gemiste afspraken en begon zich meteen te verdedigen. "
                "|schaamte"
            ),
        ),
        "actions": (
            (
                "Ik ging zonder afspraak langs en belde gewoon aan. |outreachend-werken "
                "eerste-contact-na-uitval"
            ),
            "Ik zei eerlijk dat ik van de gemeente kwam, maar ook dat ik niet kwam om te oordelen.",
            (
                "We vroegen samen de ontbrekende [bankafschriften|loonstroken|papieren] op[ via de "
                "app van de bank| bij de bank| met een paar telefoontjes]."
            ),
            (
                "Ik regelde dat het dossier werd heropend, zonder dat {hij} opnieuw de hele intake "
                "moest doen. |intakegesprek-schuldhulp"
            ),
            (
                "Ik vroeg de schuldhulpverlener om een keer bij {hem} thuis te komen in plaats van "
                "[op kantoor|op het stadskantoor|aan de balie]."
            ),
            (
                "Na elke afspraak stuurde ik een [berichtje|kort briefje|spraakbericht] met wat we "
                "hadden afgesproken, in gewone taal."
            ),
            (
                "We maakten van de lijst met papieren een afvinklijstje op de koelkast. "
                "|kleine-successen formulieren-invullen"
            ),
            (
                "Ik zocht uit wat er bij de vorige poging was misgegaan, zonder schuldige aan te "
                "wijzen."
            ),
        ),
        "turning": (
            "Bij de tweede poging kwam {hij} wel naar het gesprek, met mij ernaast. |behoeder",
            (
                "Het hielp dat ik {hem} niet als 'niet-verschijner' behandelde, maar gewoon vroeg "
                "wat er was gebeurd. |eerste-contact-na-uitval"
            ),
            (
                "Toen het dossier zonder gedoe weer openging, zei {hij}: 'Dus ze willen me echt "
                "helpen.'"
            ),
        ),
        "ending": (
            "{Hij} zit nu bijna een jaar in het traject, langer dan ooit.",
            (
                "Van de mensen die ik zo opnieuw bezocht, bleven de meesten daarna in beeld. "
                "|uitval-uit-schuldentraject"
            ),
            "Het dossier heet nu geen 'uitval' meer, maar gewoon een lopend traject.",
        ),
        "helped": (
            "Zonder afspraak langsgaan en gewoon aanbellen.",
            "Het dossier heropenen zonder een nieuwe intake.",
            "Een berichtje na elke afspraak met wat er was afgesproken.",
            "Een afvinklijstje voor de papieren die nodig waren.",
            "Iemand die zelf ooit was afgehaakt en weet hoe dat voelt.",
        ),
        "not_helped": (
            "Een brief dat het dossier was gesloten wegens geen medewerking.",
            "Een gesprek waarin twee professionals tegenover één bewoner zaten.",
            "Een lijst met op te sturen bewijsstukken zonder uitleg.",
            "Elk half jaar een andere contactpersoon.",
        ),
        "eigen": (
            "Ik ben zelf twee keer uit een schuldentraject gevallen. |uitval-uit-schuldentraject",
            (
                "De eerste keer haakte ik af omdat ik de lijst met bewijsstukken niet snapte. "
                "|formulieren-invullen"
            ),
            "De tweede keer durfde ik na een gemiste afspraak niet meer te bellen. |schaamte",
            "In het systeem stond ik te boek als iemand die niet meewerkte. |stigma",
            (
                "Niemand vroeg waarom ik wegbleef; er kwam alleen een brief dat mijn dossier was "
                "gesloten. |niemand-kijkt-om"
            ),
            (
                "Pas jaren later kwam ik via een vriendin opnieuw bij de schuldhulp terecht. "
                "|eerste-contact-na-uitval"
            ),
        ),
    },
    {
        "key": "wonen",
        "weight": 9,
        "core": "woonproblemen huurachterstand",
        "slots": {
            "bedrag": tuple(f"€ {n // 1000}.{n % 1000:03d}" for n in range(1180, 9800, 410)),
            "ik_rol": (
                "ervaringswerker in het buurtteam",
                "ervaringsdeskundige bij de vroegsignalering",
                "praktisch ondersteuner bij de gemeente",
            ),
            "eigen_ervaring": (
                "zelf een winter zonder gas had gezeten",
                "zelf bijna uit mijn huis was gezet",
                "zelf ooit een ontruimingsbrief op de mat had gevonden",
            ),
        },
        "titles": (
            "Kaarsen op tafel",
            "Twee weken voor de ontruiming",
            "De sleutel mocht blijven",
            "Licht weer aan",
            "Achter met de huur",
            "Op tijd aan de bel",
        ),
        "situation": (
            (
                "De corporatie had een ontruiming aangevraagd vanwege een huurachterstand van "
                "{bedrag}. |uithuiszetting-dreigt huurachterstand"
            ),
            (
                "Sinds [een week|een paar dagen|tien dagen] zat {hij} zonder [stroom|gas|gas en "
                "stroom], omdat de energierekening maanden niet was betaald. "
                "|afgesloten-van-energie"
            ),
            (
                "'s Avonds zat {hij} bij [kaarslicht|het licht van een zaklamp], en eten maakte "
                "{hij} op een [campingbrandertje|gasstelletje]. |afgesloten-van-energie"
            ),
            (
                "{Hij} was bang dat de kinderen het zouden merken, dus deed {hij} alsof er een "
                "storing was. |schaamte afgesloten-van-energie"
            ),
            (
                "Er lag een brief dat de ontruiming over twee weken zou plaatsvinden. "
                "|uithuiszetting-dreigt"
            ),
            (
                "{Hij} was {zijn} baan kwijtgeraakt en de uitkering was nog niet rond, dus de huur "
                "bleef liggen. |huurachterstand uitkering"
            ),
            (
                "Door een fout bij de huurtoeslag moest {hij} ineens een groot bedrag "
                "terugbetalen. |terugvordering-toeslagen"
            ),
            (
                "De woningcorporatie had al [vaak|wekenlang|tientallen keren] gebeld, maar {hij} "
                "nam nooit op. |niet-opendoen"
            ),
            (
                "De huurachterstand was klein begonnen, maar door de incassokosten was het bedrag "
                "snel gegroeid. |aanmaningen-en-incasso"
            ),
            (
                "Het energiebedrijf had een signaal gegeven aan de gemeente, en zo kwam {hij} bij "
                "ons in beeld. |vroegsignalering"
            ),
        ),
        "contact": (
            (
                "{Hij} zei dat het geen zin meer had, omdat {hij} toch al op straat zou komen te "
                "staan."
            ),
            (
                "{Hij} had niemand verteld over de brief van de corporatie, ook {zijn} broer niet. "
                "|schaamte"
            ),
        ),
        "actions": (
            (
                "Ik belde de corporatie en vroeg om de ontruiming op te schorten, zodat we [een "
                "plan konden maken|tijd hadden voor een regeling]. |woningcorporatie"
            ),
            (
                "We maakten een betalingsregeling voor de huurachterstand, met een bedrag dat echt "
                "haalbaar was. |betalingsregeling"
            ),
            (
                "Via het noodfonds van de gemeente regelden we dat de stroom binnen een dag weer "
                "aan was. |afgesloten-van-energie"
            ),
            "Samen vroegen we de huurtoeslag opnieuw aan, [dit keer|nu] met de juiste gegevens.",
            (
                "Ik ging mee naar de zitting bij de kantonrechter en vertelde wat er sinds de "
                "aanmelding was veranderd. |behoeder"
            ),
            (
                "Ik zorgde dat de huur voortaan via budgetbeheer werd betaald, meteen op de dag "
                "dat het inkomen binnenkwam. |budgetbeheer"
            ),
            "We zochten uit op welke toeslagen {hij} recht had, en dat bleek flink te schelen.",
        ),
        "turning": (
            (
                "Een dag voor de ontruiming kwam het bericht dat de corporatie de zaak aanhield. "
                "|uithuiszetting-dreigt"
            ),
            "Toen de lampen weer aangingen, begon {hij} te huilen van opluchting.",
            "De corporatie ging akkoord zodra er iemand was die meekeek, en dat was ik.",
        ),
        "ending": (
            "{Hij} woont er nog steeds, en de huur wordt elke maand op tijd betaald.",
            "De kinderen hebben nooit hoeven verhuizen.",
            "Nu belt {hij} zelf de corporatie als er iets dreigt mis te gaan.",
        ),
        "helped": (
            "Een bemiddelaar die de corporatie belde voordat het te laat was.",
            "Een betalingsregeling met een bedrag dat echt haalbaar was.",
            "Het noodfonds voor de energierekening.",
            "Huur die direct na binnenkomst van het inkomen automatisch wordt betaald.",
        ),
        "not_helped": (
            "Dreigende brieven met de datum van de ontruiming erin.",
            "Een incassobureau dat pas reageerde na de derde mail.",
            "De regel dat hulp pas kan beginnen als de achterstand kleiner is.",
            "Afsluiten in de winter zonder eerst iemand langs te sturen.",
        ),
        "eigen": (
            "Ik heb zelf een winter zonder gas gezeten. |afgesloten-van-energie",
            (
                "Ik douchte bij de sportschool en kookte op een elektrisch plaatje, tot ook de "
                "stroom eraf ging. |afgesloten-van-energie"
            ),
            (
                "De brief over de ontruiming las ik pas toen de deurwaarder al voor de deur stond. "
                "|uithuiszetting-dreigt brief-van-de-deurwaarder"
            ),
            "Een paar maanden sliep ik met mijn zoon bij mijn moeder op de bank. |bankslapen",
            (
                "Ik durfde niemand om hulp te vragen, want ik was bang dat ze mijn kinderen zouden "
                "afpakken. |bemoeienis-jeugdzorg schaamte"
            ),
        ),
    },
    {
        "key": "verslaving",
        "weight": 10,
        "core": "verslaving terugval",
        "variants": (
            {
                "slug": "alcoholverslaving",
                "middel": "de drank",
                "gebruiken": "drinken",
                "gebruikte": "dronk",
                "schoon": "droog",
                "zelfhulp": "de AA",
            },
            {
                "slug": "drugsverslaving",
                "middel": "de drugs",
                "gebruiken": "gebruiken",
                "gebruikte": "gebruikte",
                "schoon": "clean",
                "zelfhulp": "de NA",
            },
            {
                "slug": "gokverslaving",
                "middel": "het gokken",
                "gebruiken": "gokken",
                "gebruikte": "gokte",
                "schoon": "gokvrij",
                "zelfhulp": "een zelfhulpgroep voor gokkers",
            },
        ),
        "slots": {
            "ik_rol": (
                "ervaringswerker bij de ambulante verslavingszorg",
                "herstelcoach in beschermd wonen",
                "ervaringscoach bij een welzijnsorganisatie",
            ),
            "eigen_ervaring": (
                "zelf meer dan eens was teruggevallen",
                "zelf jaren verslaafd was geweest",
                "zelf ook had gedacht dat ik nooit zou stoppen",
            ),
        },
        "titles": (
            "Terugval hoort erbij",
            "Weer beginnen",
            "Wat ben je kwijt?",
            "Achterin de zaal",
            "Een andere route naar huis",
            "Niet preken, wel blijven",
        ),
        "situation": (
            "Na {duur} {schoon} was {hij} weer begonnen met {middel}. |terugval",
            (
                "{Hij} schaamde zich zo voor de terugval dat {hij} niet meer naar de groep durfde. "
                "|terugval schaamte"
            ),
            "{Zijn} familie had het contact verbroken, omdat ze de beloftes niet meer geloofden.",
            (
                "Volgens {hem} was {gebruiken} de enige manier om de pijn van vroeger even niet te "
                "voelen. |trauma"
            ),
            (
                "Er waren schulden ontstaan, deels door {middel} en deels door de boetes die erbij "
                "kwamen. |schulden"
            ),
            (
                "De behandeling in de kliniek was afgerond, maar thuis viel {hij} terug in oude "
                "patronen. |terug-na-opname"
            ),
            (
                "Voor nieuwe behandeling stond {hij} op een wachtlijst van maanden, en intussen "
                "ging het snel bergaf. |op-de-wachtlijst"
            ),
            (
                "Mensen om {hem} heen zagen {hem} als een hopeloos geval, en zo voelde {hij} zich "
                "ook. |stigma"
            ),
            (
                "Elke dag kwam {hij} langs [de plek|het café|de hoek van de straat] waar het "
                "vroeger altijd misging."
            ),
            (
                "{Hij} zei dat {hij} wilde stoppen met {gebruiken}, maar niet wist hoe {hij} de "
                "avonden door moest komen."
            ),
        ),
        "contact": (
            "{Hij} verwachtte een preek, en was verbaasd dat die niet kwam.",
            (
                "{Hij} zei dat ik het toch niet kon begrijpen, tot ik vertelde waar ik vandaan "
                "kwam. |bron-van-hoop"
            ),
        ),
        "actions": (
            (
                "Ik vertelde over mijn eigen terugvallen, en dat ik ze nu zie als onderdeel van "
                "herstel. |eigen-verhaal-delen herstel"
            ),
            (
                "Ik vroeg niet waarom {hij} weer was begonnen, maar wat {hij} kwijt was en wat "
                "{hij} terug wilde. |motiverende-gespreksvoering"
            ),
            (
                "Samen maakten we een plan voor moeilijke momenten, met wie {hij} kon bellen en "
                "waar {hij} heen kon. |wrap"
            ),
            (
                "Ik ging een keer mee naar {zelfhulp}, en bleef achterin zitten. |twaalf-stappen "
                "lotgenotencontact"
            ),
            (
                "We zochten samen een andere route naar [huis|de supermarkt|{zijn} werk], zodat "
                "{hij} niet langs de oude plekken hoefde."
            ),
            (
                "Ik bleef komen, ook in de weken dat {hij} nog {gebruikte}, zonder te preken. "
                "|presentie"
            ),
            (
                "Ik hielp met een aanmelding bij de ambulante verslavingszorg, zodat {hij} niet op "
                "een opname hoefde te wachten. |ambulante-verslavingszorg"
            ),
            (
                "Met motiverende gespreksvoering liet ik {hem} zelf de voor- en nadelen op een rij "
                "zetten. |motiverende-gespreksvoering"
            ),
        ),
        "turning": (
            (
                "Na een paar weken zei {hij} dat {hij} weer wilde stoppen, maar nu voor zichzelf. "
                "|persoonlijk-herstel"
            ),
            (
                "Toen ik vertelde dat ik zelf drie keer ben teruggevallen, keek {hij} op. "
                "|bron-van-hoop"
            ),
            (
                "Het moment dat {hij} {zijn} [dochter|zoon|kleinzoon] weer mocht zien, gaf de "
                "doorslag."
            ),
        ),
        "ending": (
            "{Hij} is nu {duur2} {schoon}, en dat vieren we elke maand.",
            "Er zijn nog zware dagen, maar {hij} belt nu op tijd. |terugval",
            (
                "{Hij} gaat weer naar de groep en neemt daar nu zelf nieuwe mensen onder de arm. "
                "|lotgenotencontact"
            ),
        ),
        "helped": (
            "Terugval zien als onderdeel van herstel, niet als mislukking.",
            "Een eigen plan voor moeilijke momenten.",
            "Samen naar een zelfhulpgroep gaan.",
            "Iemand die bleef komen, ook als het slecht ging.",
            "Vragen wat iemand kwijt is en wat die terug wil.",
        ),
        "not_helped": (
            "Preken over de gevolgen van gebruik.",
            "Een wachtlijst van maanden voor behandeling.",
            "De eis om eerst te stoppen voordat er hulp kwam.",
            "Praten over iemand als een hopeloos geval.",
        ),
        "eigen": (
            "Ik heb zelf jaren gevochten tegen {middel}.",
            (
                "Ik ben meer dan eens teruggevallen, en elke keer dacht ik dat het nu echt voorbij "
                "was. |terugval"
            ),
            (
                "Na een opname ging het een paar maanden goed, tot ik weer alleen thuis zat. "
                "|terug-na-opname"
            ),
            "Mijn familie geloofde me niet meer, en eerlijk gezegd snap ik dat nu wel.",
            "Ik schaamde me voor elke terugval en verstopte me voor iedereen. |schaamte terugval",
            (
                "Bij {zelfhulp} vond ik voor het eerst mensen die precies wisten waar ik het over "
                "had. |twaalf-stappen lotgenotencontact"
            ),
        ),
    },
    {
        "key": "dakloos",
        "weight": 9,
        "core": "dakloosheid",
        "setting": (
            "We spraken meestal {plek}, met {drank} erbij.",
            "{Hij} sliep {woning}.",
            "{Hij} verbleef {woning}, al {duur} zonder een eigen voordeur. |geen-vast-adres",
        ),
        "persoon": {
            "m": (
                "een man van in de vijftig",
                "een man van rond de zestig",
                "een jongen van begin twintig",
                "een man die kort geleden gescheiden was",
                "een man met een rugzak en een hond",
                "een jonge man die uit huis was gezet",
                "een man van middelbare leeftijd",
                "een vader die zijn kinderen al maanden niet had gezien",
            ),
            "v": (
                "een vrouw van in de veertig",
                "een vrouw van rond de zestig",
                "een meisje van begin twintig",
                "een vrouw die kort geleden gescheiden was",
                "een vrouw met een rugzak en een hond",
                "een jonge vrouw die uit huis was gezet",
                "een vrouw van middelbare leeftijd",
                "een moeder die haar kinderen al maanden niet had gezien",
            ),
        },
        "slots": {
            "woning": (
                "in de nachtopvang bij het station",
                "in een tijdelijke kamer van de opvang",
                "in een caravan op het terrein van een kennis",
                "bij steeds andere vrienden op de bank",
                "in een schuurtje achter het huis van een neef",
                "in de sleep-in aan de rand van het centrum",
            ),
            "ik_rol": (
                "ervaringswerker in de maatschappelijke opvang",
                "ervaringscoach in de nachtopvang",
                "ervaringswerker bij beschermd wonen",
            ),
            "eigen_ervaring": (
                "zelf een jaar zonder vast adres had geleefd",
                "zelf in de nachtopvang had geslapen",
                "zelf maandenlang bij vrienden op de bank had geslapen",
            ),
        },
        "titles": (
            "Om negen uur naar buiten",
            "Een adres om te bestaan",
            "De eerste nacht op de grond",
            "Twee tassen",
            "Iemand die je aankijkt",
            "Van nachtopvang naar voordeur",
        ),
        "situation": (
            (
                "{Hij} sliep al {duur} in de nachtopvang en moest elke ochtend om negen uur weer "
                "naar buiten. |nachtopvang"
            ),
            (
                "Overdag zwierf {hij} door de stad, met al {zijn} spullen in [twee tassen|een "
                "rugzak|een boodschappenkarretje]. |dakloosheid"
            ),
            (
                "Voor de nachtopvang had {hij} maanden bij vrienden op de bank geslapen, tot dat "
                "ook niet meer kon. |bankslapen"
            ),
            (
                "Zonder vast adres kreeg {hij} geen uitkering, en zonder uitkering geen kamer. "
                "|geen-vast-adres uitkering"
            ),
            (
                "In de opvang werd gestolen wat niet vastzat, dus {hij} sliep met {zijn} schoenen "
                "aan. |nachtopvang overlevingsgedrag"
            ),
            (
                "Een paar nachten had {hij} buiten geslapen, [in een portiek bij het station|in "
                "het park|onder een viaduct|in een fietsenstalling]. |slapen-op-straat"
            ),
            "Mensen keken langs {hem} heen, en in winkels werd {hij} nagestaard. |niemand-kijkt-om",
            (
                "Het aanvragen van een briefadres liep vast, omdat {hij} geen geldig "
                "identiteitsbewijs meer had. |geen-vast-adres formulieren-invullen"
            ),
            "Na de scheiding had {hij} geen plek meer om naartoe te gaan. |scheiding",
        ),
        "contact": (
            (
                "{Hij} zei dat {hij} genoeg loze beloftes had gehoord van mensen met een badge. "
                "|wantrouwen-hulpverlening"
            ),
            (
                "{Hij} wilde eerst weten of ik echt zelf op straat had gestaan, of dat alleen zei. "
                "|bron-van-hoop"
            ),
        ),
        "actions": (
            (
                "Ik ging met {hem} naar het gemeentehuis om een briefadres aan te vragen. "
                "|geen-vast-adres"
            ),
            (
                "We vroegen samen een nieuw identiteitsbewijs aan, en de kosten schoot ik voor uit "
                "een noodpotje."
            ),
            (
                "Ik zorgde dat {hij} overdag een plek had in de inloop, met [koffie en een "
                "kluisje|een douche en een wasmachine|een warme maaltijd]. "
                "|maatschappelijke-opvang"
            ),
            (
                "Ik zat 's avonds met {hem} in de huiskamer van de opvang, gewoon om er te zijn. "
                "|presentie"
            ),
            (
                "We bezochten samen een kamer bij beschermd wonen, zodat {hij} wist wat {hem} te "
                "wachten stond. |beschermd-wonen"
            ),
            (
                "Zodra het briefadres er was, hielp ik met de aanvraag voor een "
                "bijstandsuitkering. |uitkering"
            ),
        ),
        "turning": (
            (
                "Toen {hij} de sleutel van een eigen kamer kreeg, sliep {hij} de eerste nacht "
                "gewoon op de grond. |overgang-naar-eigen-huis overlevingsgedrag"
            ),
            (
                "Het omslagpunt was het briefadres: ineens bestond {hij} weer op papier. "
                "|geen-vast-adres"
            ),
            (
                "{Hij} vertelde dat ik de eerste in maanden was die {hem} echt aankeek. "
                "|niemand-kijkt-om"
            ),
        ),
        "ending": (
            (
                "Nu woont {hij} in een eigen huis, met een beetje begeleiding aan huis. "
                "|overgang-naar-eigen-huis ambulante-ondersteuning"
            ),
            (
                "De stap naar een eigen huis was groot, maar {hij} houdt het vol. "
                "|overgang-naar-eigen-huis"
            ),
            (
                "{Hij} helpt nu zelf in de inloop, en nieuwe bezoekers luisteren naar {hem}. "
                "|bron-van-hoop"
            ),
        ),
        "helped": (
            "Een briefadres, zodat post en uitkering weer konden komen.",
            "Een plek overdag, met koffie en een kluisje.",
            "Iemand die je gewoon aankijkt.",
            "Samen gaan kijken bij een woonplek.",
        ),
        "not_helped": (
            "Om negen uur 's ochtends de straat op moeten, ook bij vrieskou.",
            "Een aanvraag die vastliep omdat er geen identiteitsbewijs was.",
            "Het advies om eerst de andere problemen op te lossen voordat er een kamer kon komen.",
            "Lange wachtlijsten voor beschermd wonen.",
        ),
        "eigen": (
            "Ik heb zelf een jaar zonder vast adres geleefd. |geen-vast-adres",
            (
                "Eerst sliep ik bij vrienden op de bank, later in de nachtopvang. |bankslapen "
                "nachtopvang"
            ),
            "Het ergste was niet de kou, maar dat mensen langs me heen keken. |niemand-kijkt-om",
            "Ik leerde overleven: altijd op je hoede, nooit je tas loslaten. |overlevingsgedrag",
            (
                "Toen ik eindelijk een kamer kreeg, wist ik niet meer hoe je ergens woont. "
                "|overgang-naar-eigen-huis"
            ),
        ),
    },
    {
        "key": "huiselijk_geweld",
        "weight": 8,
        "gender": "v",
        "core": "huiselijk-geweld",
        "persoon": {
            "v": (
                "een vrouw van in de dertig",
                "een jonge moeder",
                "een moeder van drie kinderen",
                "een vrouw van rond de vijftig",
                "een moeder met een baby",
                "een vrouw van in de veertig",
                "een moeder van twee tieners",
                "een jonge vrouw die net samenwoonde",
            ),
        },
        "slots": {
            "ik_rol": (
                "ervaringswerker bij de vrouwenopvang",
                "ervaringsdeskundige huiselijk geweld in het wijkteam",
                "ervaringscoach bij een welzijnsorganisatie",
            ),
            "eigen_ervaring": (
                "zelf uit een relatie kwam waarin ik klein werd gehouden",
                "zelf met mijn kinderen naar de opvang was gevlucht",
                "zelf jarenlang had gedacht dat het aan mij lag",
            ),
        },
        "titles": (
            "Niet aan de buitenkant te zien",
            "Een tas bij de deur",
            "Grenzen terugvinden",
            "Nee leren zeggen",
            "Het moment dat zij koos",
            "Veilig, eindelijk",
        ),
        "situation": (
            (
                "Ze woonde al [jaren|tien jaar|sinds haar twintigste] met een partner die haar "
                "[kleineerde en soms sloeg|controleerde en bedreigde|uitschold en afsloot van "
                "geld]. |huiselijk-geweld"
            ),
            "Niemand zag het aan de buitenkant, want ze zorgde dat alles er thuis netjes uitzag.",
            (
                "Stap voor stap had ze steeds meer geaccepteerd, tot ze niet meer wist wat normaal "
                "was. |grenzen-opschuiven"
            ),
            "De oudste dochter nam thuis veel te veel zorg op zich, alsof zij de volwassene was.",
            (
                "Er was een tijdelijk huisverbod geweest, maar daarna kwam hij gewoon terug. "
                "|vluchten-voor-geweld"
            ),
            (
                "Ze was 's nachts met de kinderen naar de opvang gevlucht, met alleen [een plastic "
                "tas|een sporttas|wat ze aanhad]. |vluchten-voor-geweld vrouwenopvang"
            ),
            (
                "De geldzaken had haar partner altijd geregeld, dus ze wist niet eens welke "
                "schulden op haar naam stonden. |schulden"
            ),
            (
                "Ze was bang dat Veilig Thuis de kinderen zou weghalen als ze iets vertelde. "
                "|bemoeienis-jeugdzorg veilig-thuis"
            ),
            (
                "Ze deed alles om het hem naar de zin te maken, en vergat zichzelf helemaal. "
                "|stoppen-met-pleasen"
            ),
        ),
        "contact": (
            "Ze zei dat het thuis 'wel meeviel', terwijl ik de blauwe plek op haar arm zag.",
            "Ze wilde alleen praten als hij naar zijn werk was. |vluchten-voor-geweld",
        ),
        "actions": (
            (
                "Ik luisterde vooral, en zei pas later dat ik zelf ook uit zo'n relatie kom. "
                "|eigen-verhaal-delen"
            ),
            (
                "We maakten samen een veiligheidsplan: wie ze kon bellen, waar de tas stond, welke "
                "papieren erin moesten."
            ),
            (
                "Ik ging mee naar het gesprek met Veilig Thuis, zodat ze haar eigen verhaal kon "
                "doen. |veilig-thuis behoeder"
            ),
            (
                "We zochten uit welke schulden op haar naam stonden, en welke eigenlijk van hem "
                "waren. |schuldeisersoverzicht"
            ),
            (
                "Ik hielp haar om grenzen te oefenen, eerst bij kleine dingen. |grenzen-opschuiven "
                "stoppen-met-pleasen"
            ),
            "Ik legde uit wat een tijdelijk huisverbod inhoudt, zonder haar onder druk te zetten.",
        ),
        "turning": (
            (
                "Op een dag zei ze voor het eerst hardop dat het niet normaal was wat er thuis "
                "gebeurde."
            ),
            "Het keerpunt was toen haar dochter vroeg of ze nu eindelijk veilig waren.",
            (
                "Ze koos zelf het moment om te vertrekken, en dat maakte alles anders. "
                "|persoonlijk-herstel"
            ),
        ),
        "ending": (
            (
                "Ze woont nu met de kinderen in een eigen huis, ver bij hem vandaan. "
                "|overgang-naar-eigen-huis"
            ),
            "Het is nog moeilijk, maar ze zegt nu vaker nee, ook tegen mij. |stoppen-met-pleasen",
            (
                "Ze volgt nu een training om later zelf ervaringsdeskundige te worden. "
                "|ervaringsdeskundige"
            ),
        ),
        "helped": (
            "Een veiligheidsplan dat ze zelf had gemaakt.",
            "Iemand die niet meteen zei dat ze moest vertrekken.",
            "Uitzoeken welke schulden van wie waren.",
            "Grenzen oefenen bij kleine dingen.",
        ),
        "not_helped": (
            "Hulpverleners die vroegen waarom ze niet allang weg was.",
            "Gesprekken waarbij de partner ook in de kamer zat.",
            "Een melding waarover niemand haar iets had verteld.",
            "De angst dat melden betekent dat je je kinderen kwijtraakt.",
        ),
        "eigen": (
            (
                "Ik heb zelf jaren in een relatie gezeten waarin ik klein werd gehouden. "
                "|huiselijk-geweld"
            ),
            (
                "Mijn grenzen schoven steeds verder op, en ik merkte het niet eens. "
                "|grenzen-opschuiven"
            ),
            "Aan de buitenkant zag niemand iets; ik lachte op elk verjaardagsfeest.",
            (
                "Op een nacht ben ik met mijn kinderen naar de opvang gegaan, met niets dan een "
                "tas. |vluchten-voor-geweld vrouwenopvang"
            ),
            "Daarna moest ik leren om niet meer iedereen te pleasen. |stoppen-met-pleasen",
        ),
    },
    {
        "key": "psyche",
        "weight": 8,
        "core": "psychische-problemen",
        "slots": {
            "ik_rol": (
                "ervaringswerker in het sociaal wijkteam",
                "herstelcoach in beschermd wonen",
                "ervaringsdeskundige bij de ggz in de wijk",
            ),
            "eigen_ervaring": (
                "zelf een psychose had gehad en twee keer was opgenomen",
                "zelf jaren depressief was geweest",
                "zelf ook lang had gedacht dat ik alleen een diagnose was",
            ),
        },
        "titles": (
            "Meer dan een dossier",
            "Een plan voor slechte dagen",
            "Na de opname",
            "Gewoon een buurman",
            "Mijn verhaal, niet mijn diagnose",
            "Weer meedoen",
        ),
        "situation": (
            (
                "Na een crisisopname was {hij} terug in {zijn} flat, maar er kwam niemand meer "
                "langs. |terug-na-opname crisisopname eenzaamheid"
            ),
            (
                "Door een depressie lag {hij} soms [dagen|een week] in bed, en [de post bleef "
                "liggen|de afwas stapelde zich op]. |depressie schoenendoos-ongeopende-post"
            ),
            (
                "In {zijn} dossier stond een diagnose die iedereen eerst las, voordat ze {hem} "
                "zagen. |stigma"
            ),
            "{Hij} hoorde soms stemmen en was bang dat niemand {hem} zou geloven. |psychose",
            (
                "Er was een wachtlijst van maanden bij de ggz, en in de tussentijd moest {hij} het "
                "zelf rooien. |op-de-wachtlijst ggz"
            ),
            (
                "De buren klaagden over geluid 's nachts, en de corporatie dreigde met "
                "maatregelen. |uithuiszetting-dreigt"
            ),
            "{Hij} voelde zich steeds weer patiënt, nooit gewoon een buurman of een ouder. |stigma",
            "Sinds {zijn} opname had {hij} {zijn} werk niet meer opgepakt. |werkloosheid",
        ),
        "contact": (
            "{Hij} vroeg meteen welke diagnose ik in het dossier had gelezen. |stigma",
            (
                "{Hij} was op {zijn} hoede, omdat eerdere hulp vaak eindigde in een opname. "
                "|wantrouwen-hulpverlening"
            ),
        ),
        "actions": (
            (
                "Ik praatte met {hem} over wat {hem} goed hield, niet over de diagnose. "
                "|diagnosevrije-ruimte persoonlijk-herstel"
            ),
            (
                "Samen schreven we een plan voor als het weer slechter ging: wie mocht bellen, wat "
                "hielp en wat juist niet. |wrap"
            ),
            (
                "Ik nodigde {hem} uit voor een herstelgroep waar mensen hun eigen verhaal delen. "
                "|herstellen-doe-je-zelf lotgenotencontact"
            ),
            (
                "Ik ging mee naar de huisarts, zodat {hij} niet alles weer alleen hoefde uit te "
                "leggen."
            ),
            (
                "Ik praatte met de buren en de corporatie, en legde uit wat er speelde zonder "
                "{zijn} privacy te schenden. |brug-systeemwereld-leefwereld"
            ),
            (
                "We zochten een plek voor dagbesteding waar {hij} gewoon kon meedoen[|, in de "
                "houtwerkplaats|, in de tuin|, in de keuken]. |dagbesteding "
                "maatschappelijk-herstel"
            ),
        ),
        "turning": (
            (
                "Toen {hij} in de herstelgroep voor het eerst {zijn} verhaal vertelde, zag ik "
                "{hem} rechtop gaan zitten."
            ),
            (
                "Het plan voor slechte dagen werkte: bij de volgende dip belde {hij} zelf op tijd. "
                "|wrap"
            ),
            (
                "{Hij} zei dat {hij} zich voor het eerst een mens voelde in plaats van een "
                "dossier. |diagnosevrije-ruimte"
            ),
        ),
        "ending": (
            (
                "{Hij} gaat nu [twee|drie] dagen per week naar de dagbesteding en [maakt daar "
                "meubels|werkt daar in de tuin|kookt daar voor de groep]. |dagbesteding"
            ),
            "Er zijn nog moeilijke periodes, maar {hij} weet nu wat {hem} helpt. |herstel",
            "Een opname is sindsdien niet meer nodig geweest.",
        ),
        "helped": (
            "Een eigen plan voor slechte dagen.",
            "Praten over wat iemand goed houdt, niet over de diagnose.",
            "Een herstelgroep met mensen die hetzelfde hebben meegemaakt.",
            "Dagbesteding waar je gewoon kunt meedoen.",
        ),
        "not_helped": (
            "Een dossier dat eerder gelezen werd dan dat iemand naar je luisterde.",
            "Na een opname niemand die langskwam.",
            "Een wachtlijst van maanden.",
            "Over iemand praten in plaats van met iemand.",
        ),
        "eigen": (
            "Ik heb zelf een psychose gehad en ben twee keer opgenomen. |psychose crisisopname",
            (
                "Na de opname zat ik alleen thuis en wist ik niet hoe ik mijn leven moest "
                "oppakken. |terug-na-opname"
            ),
            "Mensen zagen mijn diagnose, niet mij. |stigma",
            "Lange tijd dacht ik dat ik nooit meer zou werken. |werkloosheid",
            (
                "In een herstelgroep leerde ik mijn eigen verhaal te vertellen. "
                "|herstellen-doe-je-zelf"
            ),
        ),
    },
    {
        "key": "beperking",
        "weight": 6,
        "core": "beperking",
        "slots": {
            "ik_rol": (
                "ervaringsdeskundige inclusie bij de gemeente",
                "ervaringswerker in het buurtteam",
                "ervaringscoach bij de dagbesteding",
            ),
            "eigen_ervaring": (
                "zelf een beperking heb en weet hoe het is als mensen over je hoofd heen praten",
                "zelf jarenlang had gehoord wat ik allemaal niet kon",
                "zelf maanden had gewacht op een aanpassing van de gemeente",
            ),
        },
        "titles": (
            "Vraag het aan mij",
            "De keukentafel",
            "Brieven in gewone taal",
            "Wel inzetbaar",
            "Een afsprakenkaart met plaatjes",
        ),
        "situation": (
            (
                "{Hij} had een lichte verstandelijke beperking en kreeg brieven die {hij} niet kon "
                "lezen. |verstandelijke-beperking laaggeletterdheid"
            ),
            (
                "Na een ongeluk zat {hij} in een rolstoel, en de woning was daar niet op "
                "ingericht. |lichamelijke-beperking wmo-aanvraag"
            ),
            (
                "De Wmo-aanvraag liep al maanden, en elke keer ontbrak er weer een papier. "
                "|wmo-aanvraag formulieren-invullen"
            ),
            (
                "Mensen praatten over {hem} heen, tegen de begeleider, alsof {hij} er niet bij "
                "was. |stigma"
            ),
            (
                "{Hij} wilde graag werken, maar kreeg steeds te horen dat {hij} niet inzetbaar "
                "was. |werkloosheid weer-aan-het-werk"
            ),
            (
                "Door de beperking raakte {hij} snel het overzicht kwijt over geld en afspraken. "
                "|schulden"
            ),
            "{Hij} zat de hele dag binnen en had bijna niemand meer om mee te praten. |eenzaamheid",
        ),
        "contact": (
            "{Hij} keek eerst naar {zijn} begeleider voordat {hij} antwoord gaf op mijn vragen.",
        ),
        "actions": (
            (
                "Ik ging mee naar het keukentafelgesprek en zorgde dat de vragen aan {hem} werden "
                "gesteld, niet aan mij. |wmo-aanvraag behoeder"
            ),
            (
                "We lazen de brieven samen, en ik schreef in gewone woorden op wat erin stond. "
                "|laaggeletterdheid"
            ),
            (
                "Samen schreven we een sollicitatiebrief, ook al vond {hij} dat doodeng. "
                "|weer-aan-het-werk"
            ),
            (
                "Ik zorgde voor een [afsprakenkaart met plaatjes|weekplanner op de koelkast], "
                "zodat {hij} zelf het overzicht hield."
            ),
            (
                "We zochten een werkplek via arbeidsmatige dagbesteding om ervaring op te doen. "
                "|dagbesteding"
            ),
            (
                "Ik vroeg de gemeente welk papier er nu precies nog ontbrak, en liet dat op "
                "schrift zetten. |gemeente"
            ),
        ),
        "turning": (
            "Bij het keukentafelgesprek gaf {hij} zelf antwoord, en de consulent luisterde.",
            "Toen de eerste brief kwam die {hij} zelf begreep, belde {hij} me trots op.",
            "Het eerste gesprek op de werkplek ging beter dan {hij} had durven hopen.",
        ),
        "ending": (
            "De aanpassingen in huis zijn geregeld en {hij} kan weer zelf koken.",
            (
                "{Hij} werkt nu [twee ochtenden|drie middagen] per week in [een fietsenmakerij|de "
                "kantine van een sportclub|een kringloopwinkel]. |weer-aan-het-werk"
            ),
            "{Hij} regelt nu meer zelf dan iedereen had verwacht. |persoonlijk-herstel",
        ),
        "helped": (
            "Brieven in gewone taal.",
            "Een afsprakenkaart met plaatjes.",
            "Vragen stellen aan de bewoner zelf, niet aan de begeleider.",
            "Een werkplek om ervaring op te doen.",
        ),
        "not_helped": (
            "Een aanvraag waarbij steeds een ander papier ontbrak.",
            "Te horen krijgen dat je niet inzetbaar bent.",
            "Mensen die over je heen praten.",
            "Ingewikkelde formulieren via DigiD zonder hulp.",
        ),
        "eigen": (
            (
                "Ik heb zelf een beperking en weet hoe het is als mensen over je hoofd heen "
                "praten. |stigma"
            ),
            "Jarenlang kreeg ik te horen wat ik allemaal niet kon.",
            "Een aanvraag bij de gemeente kostte mij meer energie dan een werkweek. |wmo-aanvraag",
            (
                "Pas toen iemand me een kans gaf op een werkplek, ging ik weer in mezelf geloven. "
                "|weer-aan-het-werk"
            ),
        ),
    },
    {
        "key": "armoede",
        "weight": 9,
        "core": "armoede schaamte",
        "slots": {
            "ik_rol": (
                "ervaringsdeskundige armoede bij een welzijnsorganisatie",
                "ervaringswerker in het buurtteam",
                "ervaringswerker geldzaken bij de gemeente",
            ),
            "eigen_ervaring": (
                "zelf ook naar de voedselbank was gegaan",
                "zelf ben opgegroeid in een gezin waar elke euro telde",
                "zelf als alleenstaande ouder lang krap had gezeten",
            ),
        },
        "titles": (
            "Niet mee op schoolreis",
            "De voedselbank in een andere wijk",
            "Ik dacht dat ik de enige was",
            "Elke euro telt",
            "Smoesjes op verjaardagen",
            "Koffie met andere ouders",
        ),
        "situation": (
            (
                "Aan het eind van de maand was er geen geld meer voor boodschappen, en {hij} at "
                "zelf vaak niet. |armoede"
            ),
            (
                "{Hij} ging stiekem naar de voedselbank in een andere wijk, zodat niemand {hem} "
                "zou zien. |voedselbank schaamte"
            ),
            (
                "De kinderen gingen niet mee [op schoolreisje|met het kamp|naar de sportclub], "
                "omdat {hij} de bijdrage niet kon betalen. |armoede"
            ),
            (
                "{Hij} wist niet dat er regelingen van de gemeente waren waar {hij} recht op had. "
                "|armoede"
            ),
            (
                "Op verjaardagen verzon {hij} smoesjes, omdat er geen geld was voor een cadeau. "
                "|sociale-uitsluiting schaamte"
            ),
            (
                "De grootste zorg was niet de stapel rekeningen, maar gewoon: hoe kom ik deze week "
                "door?"
            ),
            (
                "De verwarming bleef uit, ook [in de winter|als het vroor], om geld te besparen. "
                "|armoede"
            ),
            (
                "{Hij} werkte wel, maar verdiende net te veel voor hulp en te weinig om rond te "
                "komen. |armoede"
            ),
            (
                "Na de scheiding bleef {hij} alleen achter met de kinderen en een stapel "
                "rekeningen. |scheiding alleenstaand-ouderschap"
            ),
        ),
        "contact": (
            "{Hij} zei dat {hij} geen hulp nodig had, terwijl de koelkast leeg was. |schaamte",
            "Toen ik over de voedselbank begon, keek {hij} weg. |schaamte voedselbank",
        ),
        "actions": (
            (
                "We zochten samen uit op welke regelingen en toeslagen {hij} recht had. "
                "|brug-systeemwereld-leefwereld"
            ),
            (
                "Ik vertelde dat ik zelf ook naar de voedselbank ben gegaan, en dat schaamte daar "
                "niet nodig is. |eigen-verhaal-delen voedselbank"
            ),
            (
                "Via [een fonds|het jeugdfonds|een regeling van de gemeente] regelden we dat de "
                "kinderen mee konden met [school en sport|zwemles en schoolreis]."
            ),
            (
                "Ik hielp met de aanvraag voor bijzondere bijstand, en we vulden het formulier "
                "samen in. |formulieren-invullen"
            ),
            (
                "We maakten een weekbudget met [enveloppen|potjes], wat voor {hem} "
                "overzichtelijker was dan een app."
            ),
            (
                "Ik nam {hem} mee naar een koffieochtend in het buurthuis, waar andere ouders "
                "hetzelfde meemaakten. |lotgenotencontact welzijn"
            ),
        ),
        "turning": (
            (
                "Toen {hij} hoorde dat andere ouders op de koffieochtend hetzelfde meemaakten, "
                "viel er iets van {hem} af. |lotgenotencontact"
            ),
            "De eerste keer dat de kinderen mee konden op schoolreisje, stuurde {hij} me een foto.",
            "{Hij} zei: 'Ik dacht dat ik de enige was.' |lotgenoot",
        ),
        "ending": (
            "Het geld is nog steeds krap, maar {hij} verstopt het niet meer. |armoede",
            (
                "{Hij} helpt nu zelf andere ouders op de koffieochtend met formulieren. "
                "|maatschappelijk-herstel"
            ),
            "De schaamte is minder, en {hij} vraagt eerder om hulp. |schaamte",
        ),
        "helped": (
            "Uitzoeken op welke regelingen en toeslagen je recht hebt.",
            "Een fonds zodat de kinderen mee konden met school en sport.",
            "Andere ouders die hetzelfde meemaken.",
            "Een weekbudget met enveloppen.",
        ),
        "not_helped": (
            "Een aanvraagformulier voor bijzondere bijstand van acht pagina's.",
            "Budgettips van iemand die nooit krap heeft gezeten.",
            "Een voedselbank in de eigen straat, waar iedereen je ziet.",
            "Net te veel verdienen voor hulp.",
        ),
        "eigen": (
            "Ik ben zelf opgegroeid in een gezin waar elke euro telde. |armoede",
            (
                "Later, als alleenstaande ouder, at ik vaak niet zodat mijn kinderen konden eten. "
                "|alleenstaand-ouderschap"
            ),
            "Ik verzon smoesjes om niet naar verjaardagen te hoeven. |sociale-uitsluiting",
            (
                "Naar de voedselbank gaan voelde als de grootste nederlaag van mijn leven. "
                "|voedselbank schaamte"
            ),
            "Ik wist niet dat er regelingen waren, want niemand had het me ooit uitgelegd.",
        ),
    },
    {
        "key": "wantrouwen",
        "weight": 7,
        "core": "wantrouwen-hulpverlening gemeente",
        "slots": {
            "ik_rol": (
                "ervaringswerker bij de gemeente",
                "ervaringsdeskundige bij werk en inkomen",
                "ervaringswerker in het sociaal wijkteam",
            ),
            "eigen_ervaring": (
                "zelf jarenlang met de Belastingdienst had gevochten over toeslagen",
                "zelf ook geen enkele instantie meer vertrouwde",
                "zelf een keer mijn uitkering was kwijtgeraakt door een te laat formulier",
            ),
        },
        "titles": (
            "Eén pot nat",
            "Afspraak is afspraak",
            "Er luistert toch iemand",
            "Brieven zonder dreiging",
            "Van wie ben jij er eentje?",
        ),
        "situation": (
            (
                "{Hij} moest ineens {bedrag} aan toeslagen terugbetalen, en begreep niet waarom. "
                "|terugvordering-toeslagen"
            ),
            (
                "Na jaren van brieven en beschikkingen geloofde {hij} niets meer van wat de "
                "overheid zei. |wantrouwen-hulpverlening"
            ),
            (
                "Elke brief van [de gemeente|de overheid|de Belastingdienst] voelde voor {hem} als "
                "een [nieuwe aanval|nieuwe klap|bedreiging]."
            ),
            (
                "{Zijn} uitkering was stopgezet omdat een formulier te laat binnen was, terwijl "
                "{hij} het wel had opgestuurd. |uitkering-stopgezet"
            ),
            (
                "Bij eerdere hulpverleners had {hij} alles verteld, en daarna voelde het alsof dat "
                "tegen {hem} werd gebruikt. |wantrouwen-hulpverlening"
            ),
            "{Hij} nam de telefoon niet meer op als er een onbekend nummer belde. |niet-opendoen",
            (
                "Voor {hem} waren de gemeente, de Belastingdienst en de schuldhulp allemaal één "
                "pot nat."
            ),
            (
                "Een terugvordering had een betalingsregeling van jaren opgeleverd, die {hij} "
                "nooit kon volhouden. |terugvordering-toeslagen betalingsregeling"
            ),
        ),
        "contact": (
            (
                "{Hij} vroeg of ik alles wat {hij} zei zou opschrijven voor de gemeente. "
                "|wantrouwen-hulpverlening"
            ),
            (
                "Het eerste gesprek ging vooral over wat {hij} allemaal was aangedaan, en dat "
                "mocht. |ventilerende-gesprekken"
            ),
        ),
        "actions": (
            (
                "Ik zei eerlijk dat ik voor de gemeente werk, en ook wat ik wel en niet doorgeef. "
                "|brug-systeemwereld-leefwereld"
            ),
            (
                "We legden alle beschikkingen op tafel en ik legde uit wat er echt stond, zonder "
                "ambtelijke taal. |brug-systeemwereld-leefwereld"
            ),
            (
                "Ik regelde een gesprek met een medewerker die beslissingen kon nemen, in plaats "
                "van [weer een loket|weer een callcenter]."
            ),
            (
                "We dienden samen bezwaar in tegen de stopzetting, en ik hield de termijnen in de "
                "gaten. |uitkering-stopgezet"
            ),
            (
                "Ik vroeg de gemeente om de terugbetaling op te schorten tot alles was uitgezocht. "
                "|terugvordering-toeslagen"
            ),
            "Ik beloofde niks wat ik niet kon waarmaken, en deed alles wat ik wel beloofde.",
        ),
        "turning": (
            "Toen het bezwaar werd toegekend, zei {hij}: 'Dus er luistert toch iemand.'",
            (
                "Het vertrouwen kwam pas toen ik een afspraak nakwam die {hij} zelf niet meer had "
                "verwacht."
            ),
            "Op een dag gaf {hij} me zelf een brief in handen, zonder dat ik erom vroeg.",
        ),
        "ending": (
            "{Hij} vertrouwt de gemeente nog steeds niet helemaal, maar mij wel.",
            (
                "De terugvordering is herzien en het bedrag is flink lager geworden. "
                "|terugvordering-toeslagen"
            ),
            (
                "Met {zijn} toestemming heb ik dit verhaal gebruikt om de brieven van de gemeente "
                "te verbeteren. |secundair-proces"
            ),
        ),
        "helped": (
            "Eerlijk zijn over voor wie je werkt.",
            "Beschikkingen uitleggen zonder ambtelijke taal.",
            "Een medewerker die beslissingen kon nemen.",
            "Iemand die de termijnen voor bezwaar bewaakte.",
        ),
        "not_helped": (
            "Standaardbrieven met dreigende taal.",
            "Een uitkering die stopt zonder dat iemand belt.",
            "Steeds bij een ander loket opnieuw beginnen.",
            "Beloftes die niet werden nagekomen.",
        ),
        "eigen": (
            (
                "Ik heb zelf jarenlang met de Belastingdienst gevochten over toeslagen. "
                "|terugvordering-toeslagen"
            ),
            "Ik had geen vertrouwen meer in welke instantie dan ook. |wantrouwen-hulpverlening",
            "Toen mijn uitkering stopte, lag ik nachtenlang wakker. |uitkering-stopgezet",
            "Elke bruine envelop gaf me hartkloppingen. |schoenendoos-ongeopende-post",
            "Het voelt nog steeds vreemd dat ik nu zelf voor de gemeente werk.",
        ),
    },
    {
        "key": "detentie",
        "weight": 4,
        "core": "detentie vrijkomen-uit-detentie",
        "slots": {
            "ik_rol": (
                "ervaringswerker bij de maatschappelijke opvang",
                "ervaringsdeskundige in het wijkteam",
            ),
            "eigen_ervaring": (
                "zelf ook had gezeten",
                "zelf na mijn vrijlating zonder huis en zonder geld op straat had gestaan",
            ),
        },
        "titles": ("Een tweede kans", "De dag van vrijlating", "Buiten het oude circuit"),
        "situation": (
            (
                "{Hij} was net vrijgekomen na {duur} in de gevangenis en had geen huis, geen werk "
                "en geen geld. |vrijkomen-uit-detentie"
            ),
            "Door {zijn} strafblad werd {hij} overal afgewezen. |stigma",
            (
                "De uitkering was niet op tijd aangevraagd, dus de eerste weken had {hij} niks. "
                "|uitkering"
            ),
            "{Hij} kende eigenlijk alleen nog mensen uit het oude circuit.",
            "Er stonden nog boetes en schulden open van voor {zijn} detentie. |schulden",
        ),
        "contact": ("{Hij} zei dat hulpverleners {hem} altijd eerst als dader zagen. |stigma",),
        "actions": (
            "Op de dag van de vrijlating ging ik mee naar het gemeentehuis om alles te regelen.",
            (
                "We zochten samen een plek buiten het oude circuit, met mensen die {hem} niet van "
                "vroeger kenden."
            ),
            "Ik vertelde dat ik zelf ook heb gezeten, en wat mij toen hielp. |eigen-verhaal-delen",
            (
                "We zochten contact met de reclassering, zodat iedereen met hetzelfde plan werkte. "
                "|reclassering"
            ),
        ),
        "turning": (
            "De eerste loonstrook van een echte baan hing {hij} op de koelkast. |weer-aan-het-werk",
            "{Hij} zei dat {hij} voor het eerst het gevoel had een tweede kans te krijgen.",
        ),
        "ending": (
            (
                "{Hij} woont nu op een kamer en werkt [in de groenvoorziening|bij een "
                "bouwbedrijf|in een magazijn]. |weer-aan-het-werk"
            ),
            "{Hij} is niet meer teruggegaan naar het oude leven.",
        ),
        "helped": (
            "Op de dag van vrijlating iemand die meegaat naar het gemeentehuis.",
            "Een plek buiten het oude circuit.",
        ),
        "not_helped": (
            "Een uitkering die pas weken na vrijlating begon.",
            "Steeds weer afgewezen worden vanwege een strafblad.",
        ),
        "eigen": (
            "Ik heb zelf een paar jaar vastgezeten. |detentie",
            (
                "Op de dag dat ik vrijkwam, stond ik met een plastic tas op de stoep en wist ik "
                "niet waar ik heen moest. |vrijkomen-uit-detentie"
            ),
            (
                "Overal waar ik solliciteerde, ging de deur dicht zodra ze van mijn verleden "
                "hoorden. |stigma werkloosheid"
            ),
            "Het oude circuit was het enige dat nog op me wachtte.",
        ),
    },
]

# Identifier sentences (only when with_identifiers=True). {ID_*} placeholders are filled with
# invented values; the rest of the slots work as in every fragment.
_ID_NAME = (
    "{Hij} heet {ID_vol}, maar in de straat noemt iedereen {hem} {ID_voor}.",
    "{Zijn} naam is {ID_vol}.",
    "{ID_aanspreek} wilde graag dat ik {hem} gewoon {ID_voor} noemde.",
    "Ik noem {hem} hier bij {zijn} echte naam, {ID_vol}, omdat {hij} dat zelf wilde.",
    "Op de deurbel stond in sierletters {ID_vol}.",
)
_ID_NAME_LATER = (
    "Later zei {ID_voor} tegen me dat {hij} die eerste middag bijna niet had opengedaan.",
    "{ID_aanspreek} belde me een week later zelf op.",
    "Mijn collega {ID2_vol} van het buurtteam ging de eerste keer mee.",
    "Ook de buurvrouw, {ID2_vol}, maakte zich al een tijd zorgen.",
)
_ID_ADDRESS = (
    "{Hij} woonde op {ID_straat} {ID_nr}, {ID_postcode} {ID_stad}.",
    "Het adres, {ID_straat} {ID_nr} in {ID_stad}, kende ik nog van vroeger.",
    "{Zijn} adres, {ID_straat} {ID_nr}, {ID_postcode} {ID_stad}, stond op elke envelop.",
    "Ik fietste naar {ID_straat} {ID_nr} en belde aan.",
)
_ID_PHONE = (
    "{Zijn} nummer, {ID_tel}, stond op een briefje op de koelkast.",
    "Ik gaf {hem} het nummer van mijn werktelefoon, {ID_tel}, voor als het misging.",
    "Soms stuurde {hij} 's avonds laat een bericht vanaf {ID_tel}.",
    "De corporatie had alleen een oud nummer, {ID_tel}, dat allang niet meer werkte.",
)
_ID_EMAIL = (
    "De brieven stuurden we daarna door naar {ID_email}.",
    "{Hij} maakte een nieuw mailadres aan, {ID_email}, alleen voor de schuldhulp.",
    "Ik mailde de stukken naar {ID_email}, zodat {hij} alles bij elkaar had.",
)
_ID_BSN = (
    (
        "Op een brief stond zelfs {zijn} BSN, {ID_bsn}, gewoon leesbaar door het venster van de "
        "envelop."
    ),
    "In het formulier moest {zijn} burgerservicenummer ({ID_bsn}) drie keer worden ingevuld.",
    "Het BSN {ID_bsn} stond met pen op de achterkant van een envelop geschreven.",
)
_ID_DATE = (
    "Op {ID_datum} hadden we ons eerste echte gesprek.",
    "De afspraak bij de gemeente stond op {ID_datum}.",
    "Sinds {ID_datum} gaat het een stuk beter.",
    "Op {ID_datum} stond er iemand van een incassobureau voor de deur.",
)
_ID_ORG = (
    "Ik werk als ervaringswerker bij {ID_org}.",
    "Eerder was {hij} al eens aangemeld bij {ID_org}, maar dat liep op niets uit.",
)
_ID_EIGEN_NAME = (
    "Mijn maatje, {ID_vol}, kwam elke week langs.",
    "Het nummer van {ID_vol}, {ID_tel}, heb ik nog steeds in mijn telefoon.",
    "De medewerker die bleef komen, heette {ID_vol}; ik ben {ID_voor} nog altijd dankbaar.",
)
_ID_EIGEN_OTHER = (
    "[Ik woonde toen op {ID_straat} {ID_nr} in {ID_stad}|Mijn adres was toen {ID_straat} {ID_nr}, "
    "{ID_postcode} {ID_stad}].",
    "Op {ID_datum} kreeg ik de sleutel van mijn eigen huis.",
    "Ik mailde de gemeente toen vanaf {ID_email}, een adres dat ik allang niet meer gebruik.",
)
_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_POSTCODE_LETTERS = "ABCEGHJKLMNPRTVWXZ"
_MAIL_DOMAINS = ("voorbeeldmail.nl", "mijnpost.example", "netpost.example", "lindehaven.example")


# --------------------------------------------------------------------------- preparation
# Hot paths draw with rng.random() and indexing instead of rng.choice()/sample(): same
# determinism for a given Random, several times faster.


_ALTERNATIVES = re.compile(r"\[([^\[\]]*)\]")


def _expand(text: str) -> tuple[str, ...]:
    """'a [b|c] d' -> ('a b d', 'a c d'): wording variants, expanded once at import."""
    parts = _ALTERNATIVES.split(text)
    options = [part.split("|") if i % 2 else (part,) for i, part in enumerate(parts)]
    return tuple("".join(combination) for combination in itertools.product(*options))


def _split(fragment: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    text, _sep, tags = fragment.partition(" |")
    return _expand(text), tuple(tags.split())


def _prep(fragments) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Fragments as (wording variants, concept slugs)."""
    return tuple(_split(f) for f in fragments)


_P_OPENINGS = _prep(_OPENINGS)
_P_SETTING = _prep(_SETTING)
_P_DISCLOSURE = _prep(_DISCLOSURE)
_P_ACTIONS = _prep(_ACTIONS)
_P_REFLECTIONS = _prep(_REFLECTIONS)
_P_EIGEN_OPENINGS = _prep(_EIGEN_OPENINGS)
_P_EIGEN_TURNING = _prep(_EIGEN_TURNING)
_P_EIGEN_NOW = _prep(_EIGEN_NOW)
_P_DETAILS = _prep(_DETAILS)
_ID_EIGEN_OTHER = tuple(_expand(t) for t in _ID_EIGEN_OTHER)
_P_EIGEN_DETAILS = _prep(_EIGEN_DETAILS)


class _Theme:
    __slots__ = (
        "key",
        "core",
        "gender",
        "slots",
        "titles",
        "situation",
        "contact",
        "actions",
        "turning",
        "ending",
        "helped",
        "not_helped",
        "eigen",
        "variants",
        "setting",
        "persoon",
    )

    def __init__(self, spec: dict):
        self.key = spec["key"]
        self.core = tuple(spec["core"].split())
        self.gender = spec.get("gender")
        self.slots = {**_COMMON_SLOTS, **spec.get("slots", {})}
        self.titles = tuple(spec["titles"])
        self.situation = _prep(spec["situation"])
        self.contact = _prep(spec["contact"]) + _prep(_CONTACT)
        self.actions = _prep(spec["actions"])
        # Theme-specific turning points and endings are drawn twice as often as shared ones.
        self.turning = _prep(spec["turning"]) * 2 + _prep(_TURNING)
        self.ending = _prep(spec["ending"]) * 2 + _prep(_ENDINGS)
        self.helped = tuple(spec["helped"])
        self.not_helped = tuple(spec["not_helped"])
        self.eigen = _prep(spec["eigen"])
        self.variants = tuple(spec.get("variants", ()))
        self.setting = _prep(spec.get("setting", _SETTING))
        self.persoon = spec.get("persoon", _PERSOON)


_THEME_OBJECTS = tuple(_Theme(spec) for spec in _THEMES)
_THEME_CUM = tuple(sum(spec["weight"] for spec in _THEMES[: i + 1]) for i in range(len(_THEMES)))
_VISIBILITY_CUM = tuple(sum(_VISIBILITY_WEIGHTS[: i + 1]) for i in range(len(_VISIBILITY_WEIGHTS)))
_PEOPLE_BY_GENDER = {g: tuple(p for p in _PEOPLE if p[2] == g) for g in ("m", "v")}


def _weighted(cum: tuple[int, ...], x: float) -> int:
    x *= cum[-1]
    for i, c in enumerate(cum):
        if x < c:
            return i
    return len(cum) - 1


def _distinct(r, n: int, k: int) -> list[int]:
    """k distinct indices below n, drawn with r = rng.random."""
    k = min(k, n)
    out = [int(r() * n)]
    while len(out) < k:
        i = int(r() * n)
        if i not in out:
            out.append(i)
    return out


class _Slots(dict):
    """Slot values for one story: chosen on first use, then fixed for the rest of the story."""

    __slots__ = ("random", "table", "rng")

    def __missing__(self, key: str) -> str:
        try:
            options = self.table[key]
        except KeyError:
            value = _LAZY_IDENTIFIERS[key](self.rng, self)  # identifiers: made only when used
        else:
            value = options[int(self.random() * len(options))]
        self[key] = value
        return value


def _fill(
    pool, r, slots: _Slots, out: list, tags: list, used: set, k: int = 1, ordered: bool = False
) -> int:
    """Append up to k fragments from pool that this story has not used yet; returns words added."""
    n = len(pool)
    if k == 1:  # the common case, kept lean
        for _try in range(4):
            entry = pool[int(r() * n)]
            if id(entry) not in used:
                break
        else:
            return 0
        used.add(id(entry))
        variants, fragment_tags = entry
        sentence = variants[int(r() * len(variants))].format_map(slots)
        out.append(sentence)
        if fragment_tags:
            tags.extend(fragment_tags)
        return sentence.count(" ") + 1
    picked: list[int] = []
    tries = 0
    while len(picked) < k and tries < 4 * k + 4:
        tries += 1
        i = int(r() * n)
        key = id(pool[i])
        if key not in used:
            used.add(key)
            picked.append(i)
    if ordered:
        picked.sort()
    words = 0
    for i in picked:
        variants, fragment_tags = pool[i]
        sentence = variants[int(r() * len(variants))].format_map(slots)
        out.append(sentence)
        tags.extend(fragment_tags)
        words += sentence.count(" ") + 1
    return words


# --------------------------------------------------------------------------- identifiers
def _bsn(rng: random.Random) -> str:
    """A nine-digit number that passes the 'elfproef' like a real BSN (it is not one)."""
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        check = total % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


def _phone(rng: random.Random) -> str:
    digits = f"{rng.randint(10_000_000, 99_999_999)}"
    style = rng.randrange(4)
    if style == 0:
        return f"06-{digits}"
    if style == 1:
        return f"06 {digits[:4]} {digits[4:]}"
    if style == 2:
        return f"06{digits}"
    return f"+31 6 {digits}"


def _date(rng: random.Random) -> str:
    day = rng.randint(1, 28)
    month = rng.randint(1, 12)
    year = rng.randint(2016, 2024)
    if rng.random() < 0.6:
        return f"{day} {_MONTHS[month - 1]} {year}"
    return f"{day}-{month}-{year}"


def _postcode(rng: random.Random) -> str:
    letters = rng.choice(_POSTCODE_LETTERS) + rng.choice(_POSTCODE_LETTERS)
    return f"{rng.randint(1000, 9999)} {letters}"


def _house_number(rng: random.Random) -> str:
    return str(rng.randint(1, 180)) + ("" if rng.random() < 0.8 else rng.choice("abc"))


_ASCII = str.maketrans("ışçğöüéëïńłąęóśźż", "iscgoueeinlaeoszz")


def _ascii(text: str) -> str:
    return "".join(ch for ch in text.lower().translate(_ASCII) if ch.isalnum())


def _display_surname(last_name: str) -> str:
    """'van der Linden' -> 'Van der Linden' when the surname is used without a first name."""
    return last_name[0].upper() + last_name[1:]


def _email(rng: random.Random, slots: dict) -> str:
    first, last = slots["_first"], slots["_last"]
    number = "" if rng.random() < 0.5 else str(rng.randint(1, 99))
    return f"{_ascii(first)[0]}.{_ascii(last)}{number}@{rng.choice(_MAIL_DOMAINS)}"


def _city(rng: random.Random, slots: dict) -> str:
    if rng.random() < 0.2:
        return rng.choice(FICTIONAL_ORGANISATIONS)["city"]
    return FICTIONAL_MUNICIPALITY["city"]


# Identifier values made on first use: (rng, the story's slots) -> text.
_LAZY_IDENTIFIERS = {
    "ID_straat": lambda rng, slots: rng.choice(FICTIONAL_STREETS),
    "ID_nr": lambda rng, slots: _house_number(rng),
    "ID_postcode": lambda rng, slots: _postcode(rng),
    "ID_stad": _city,
    "ID_tel": lambda rng, slots: _phone(rng),
    "ID_email": _email,
    "ID_bsn": lambda rng, slots: _bsn(rng),
    "ID_datum": lambda rng, slots: _date(rng),
    "ID_org": lambda rng, slots: rng.choice(FICTIONAL_ORGANISATIONS)["name"],
}


def _setup_identifiers(rng: random.Random, gender: str, slots: _Slots) -> None:
    first, last, _g = rng.choice(_PEOPLE_BY_GENDER[gender])
    other = rng.choice(_PEOPLE)
    while other[0] == first:
        other = rng.choice(_PEOPLE)
    title = "Meneer" if gender == "m" else "Mevrouw"
    slots["_first"] = first
    slots["_last"] = last
    slots["ID_vol"] = f"{first} {last}"
    slots["ID_voor"] = first
    slots["ID_aanspreek"] = f"{title} {_display_surname(last)}"
    slots["ID2_vol"] = f"{other[0]} {other[1]}"
    slots.rng = rng


# Identifier slots and the kind of span a de-identifier should report for them.
_ID_KINDS = (
    ("ID_vol", "name"),
    ("ID_aanspreek", "name"),
    ("ID_voor", "name"),
    ("ID2_vol", "name"),
    ("ID_straat", "address"),
    ("ID_postcode", "postcode"),
    ("ID_stad", "place"),
    ("ID_tel", "phone"),
    ("ID_email", "email"),
    ("ID_bsn", "bsn"),
    ("ID_datum", "date"),
    ("ID_org", "institution"),
)


def _add_identifier_sentences(
    r, rng, slots: _Slots, eigen: bool, p1: list, p2: list, added: list
) -> int:
    """Insert a few identifier sentences into the first two paragraphs; returns words added."""
    if eigen:
        chosen = [_ID_EIGEN_NAME[int(r() * len(_ID_EIGEN_NAME))]]
        for i in _distinct(r, len(_ID_EIGEN_OTHER), 1 + int(r() * 2)):
            variants = _ID_EIGEN_OTHER[i]
            chosen.append(variants[int(r() * len(variants))])
    else:
        chosen = [_ID_NAME[int(r() * len(_ID_NAME))]]
        for i in _distinct(r, len(_ID_POOLS), 1 + int(r() * 3)):
            pool = _ID_POOLS[i]
            chosen.append(pool[int(r() * len(pool))])
    words = 0
    for i, template in enumerate(chosen):
        sentence = template.format_map(slots)
        words += sentence.count(" ") + 1
        added.append(sentence)
        if eigen:
            # the name belongs with the people who helped; the rest with the past
            p2.append(sentence) if i == 0 else p1.insert(1 + int(r() * (len(p1) - 1)), sentence)
        elif i == 0:
            p1.insert(1, sentence)  # the name right after the opening
        else:
            target = p1 if r() < 0.5 else p2
            target.insert(1 + int(r() * len(target)), sentence)
    return words


_ID_POOLS = (_ID_ADDRESS, _ID_PHONE, _ID_EMAIL, _ID_DATE, _ID_BSN, _ID_ORG, _ID_NAME_LATER)


# --------------------------------------------------------------------------- the generator
def generate_story(
    rng: random.Random, with_identifiers: bool = True, *, annotate: bool = False
) -> dict:
    """One fictional experience story (Dutch, first person, 150-300 words).

    Returns {"title", "text", "what_helped", "what_did_not_help", "concepts", "visibility"}:
    concepts are slugs from vocabulary/data/concepts.json; visibility is one of VISIBILITIES.
    With ``with_identifiers`` about half of the stories contain a few invented direct identifiers
    (a name from FICTIONAL_PEOPLE, an address and postcode, a 06 number, an e-mail address, a
    BSN-like number, a date, an age, an organisation); without it there are none. With
    ``annotate=True`` the result also has "identifiers": a list of {"kind", "text"} occurring in
    the text, for checking a de-identifier.
    """
    r = rng.random
    theme = _THEME_OBJECTS[_weighted(_THEME_CUM, r())]
    gender = theme.gender or ("v" if r() < 0.55 else "m")
    slots = _Slots(_GENDER[gender])
    slots.random = r
    slots.table = theme.slots
    tags: list[str] = list(theme.core)
    if theme.variants:
        variant = theme.variants[int(r() * len(theme.variants))]
        slots.update(variant)
        tags.append(variant["slug"])

    eigen = r() < 0.25
    identifiers = with_identifiers and r() < 0.5
    age = None
    if identifiers:
        _setup_identifiers(rng, gender, slots)
        if not eigen and r() < 0.4:
            age = str(rng.randint(19, 78))
            options = _PERSOON_MET_LEEFTIJD[gender]
            slots["persoon"] = options[int(r() * len(options))].format(age=age)
    if "persoon" not in slots:
        options = theme.persoon[gender]
        slots["persoon"] = options[int(r() * len(options))]

    p1: list[str] = []
    p2: list[str] = []
    p3: list[str] = []
    used: set[int] = set()
    extra: list[str] = []  # concepts from shared fragments; only a few of these are kept
    if eigen:
        words = _fill(_P_EIGEN_OPENINGS, r, slots, p1, extra, used)
        words += _fill(theme.eigen, r, slots, p1, tags, used, k=3 + int(r() * 2), ordered=True)
        words += _fill(_P_EIGEN_DETAILS, r, slots, p1, extra, used)
        words += _fill(_P_EIGEN_TURNING, r, slots, p2, extra, used, k=2)
        words += _fill(_P_EIGEN_NOW, r, slots, p3, extra, used, k=2)
        words += _fill(_P_REFLECTIONS, r, slots, p3, extra, used)
        fillers = (
            (_P_EIGEN_DETAILS, p1),
            (_P_EIGEN_TURNING, p2),
            (_P_EIGEN_NOW, p3),
            (_P_REFLECTIONS, p3),
            (theme.eigen, p1),
        )
    else:
        words = _fill(_P_OPENINGS, r, slots, p1, extra, used)
        if "woning" not in slots and r() < 0.5:
            words += _fill(theme.setting, r, slots, p1, extra, used)
        room = 0 if identifiers else 1  # identifier sentences take the place of a few others
        words += _fill(theme.situation, r, slots, p1, tags, used, k=2 + room * int(r() * 2))
        words += _fill(_P_DETAILS, r, slots, p1, extra, used, k=1 + room * int(r() * 2))
        words += _fill(theme.contact, r, slots, p2, tags, used)
        words += _fill(theme.actions, r, slots, p2, tags, used, k=2 + room * int(r() * 2))
        if "eigen-verhaal-delen" not in tags and r() < 0.7:
            words += _fill(_P_DISCLOSURE, r, slots, p2, extra, used)
        words += _fill(theme.turning, r, slots, p3, tags, used)
        words += _fill(theme.ending, r, slots, p3, tags, used)
        words += _fill(_P_REFLECTIONS, r, slots, p3, extra, used)
        fillers = (
            (_P_ACTIONS, p2),
            (_P_DETAILS, p1),
            (_P_REFLECTIONS, p3),
            (theme.actions, p2),
            (theme.situation, p1),
        )

    id_sentences: list[str] = []
    if identifiers:
        words += _add_identifier_sentences(r, rng, slots, eigen, p1, p2, id_sentences)

    # Top up to a target length with more fragments of the same kinds.
    target = 165 + int(r() * 100)
    attempt = 0
    while words < target and attempt < 20:
        pool, paragraph = fillers[attempt % len(fillers)]
        attempt += 1
        entry = pool[int(r() * len(pool))]
        if id(entry) in used:
            continue
        variants, fragment_tags = entry
        sentence = variants[int(r() * len(variants))].format_map(slots)
        n = sentence.count(" ") + 1
        if words + n > 295:
            continue
        used.add(id(entry))
        paragraph.append(sentence)
        own = pool is theme.actions or pool is theme.situation or pool is theme.eigen
        (tags if own else extra).extend(fragment_tags)
        words += n
    tags.extend(extra[:3])
    # Safety net, rarely needed: keep the text within 300 words.
    while words > 300:
        removable = [x for x in p2[1:] if x not in id_sentences] or [x for x in p3[1:]]
        words -= removable[-1].count(" ") + 1
        (p2 if removable[-1] in p2 else p3).remove(removable[-1])

    text = f"{' '.join(p1)}\n\n{' '.join(p2)}\n\n{' '.join(p3)}"

    helped_pool = theme.helped
    helped = [helped_pool[i] for i in _distinct(r, len(helped_pool), 2)]
    if r() < 0.4:
        helped.append(_SHARED_HELPED[int(r() * len(_SHARED_HELPED))])
    not_helped = [theme.not_helped[int(r() * len(theme.not_helped))]]
    if r() < 0.5:
        not_helped.append(_SHARED_NOT_HELPED[int(r() * len(_SHARED_NOT_HELPED))])

    story = {
        "title": theme.titles[int(r() * len(theme.titles))],
        "text": text,
        "what_helped": " ".join(helped),
        "what_did_not_help": " ".join(not_helped),
        "concepts": list(dict.fromkeys(tags)),
        "visibility": VISIBILITIES[_weighted(_VISIBILITY_CUM, r())],
    }
    if annotate:
        story["identifiers"] = _annotations(slots, age, text) if identifiers else []
    return story


def _annotations(slots: _Slots, age: str | None, text: str) -> list[dict]:
    found = []
    if age is not None:
        found.append({"kind": "age", "text": age})
    for key, kind in _ID_KINDS:
        value = slots.get(key)
        if value is None:
            continue
        if key == "ID_straat":
            value = f"{value} {slots['ID_nr']}"
        if value in text and all(value not in f["text"] for f in found):
            found.append({"kind": kind, "text": value})
    return found


def concept_slugs_used() -> set[str]:
    """Every concept slug the generator can put in a story's "concepts"."""
    slugs: set[str] = set()
    pools = [
        _P_OPENINGS,
        _P_SETTING,
        _P_DISCLOSURE,
        _P_ACTIONS,
        _P_REFLECTIONS,
        _P_EIGEN_OPENINGS,
        _P_EIGEN_TURNING,
        _P_EIGEN_NOW,
        _P_DETAILS,
        _P_EIGEN_DETAILS,
    ]
    for theme in _THEME_OBJECTS:
        slugs.update(theme.core)
        slugs.update(v["slug"] for v in theme.variants)
        pools += [
            theme.situation,
            theme.contact,
            theme.actions,
            theme.turning,
            theme.ending,
            theme.eigen,
        ]
    for pool in pools:
        for _template, tags in pool:
            slugs.update(tags)
    return slugs
