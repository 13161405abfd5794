"""Blind set 2: written without seeing the de-identifier's rules or lists. Never tune on it."""

BLIND_2: list[tuple[str, list[tuple[str, str]]]] = [
    # --- sentences with identifiers ---
    (
        (
            "Mijn cliënt, dhr. P.J. van Dam (58), kwam binnen met een schoenendoos vol "
            "ongeopende brieven van de deurwaarder en het CJIB."
        ),
        [("name", "P.J. van Dam"), ("age", "58")],
    ),
    (
        (
            "Fatima El Idrissi belde me op 06 - 38 72 91 04 omdat er beslag was gelegd op "
            "haar loon bij Schoonmaakbedrijf Glansrijk."
        ),
        [
            ("name", "Fatima El Idrissi"),
            ("phone", "06 - 38 72 91 04"),
            ("institution", "Schoonmaakbedrijf Glansrijk"),
        ],
    ),
    (
        (
            "Hoi Sanne, kun je de aanvraag voor meneer Yılmaz nog nakijken? Zijn BSN is "
            "887.622.793 en zijn dossiernummer 2023/0451-JZ."
        ),
        [("name", "Sanne"), ("name", "Yılmaz"), ("bsn", "887.622.793"), ("number", "2023/0451-JZ")],
    ),
    (
        (
            "Ik woonde toen op de Van Speijkstraat 41, 3 hoog, in Den Haag, en de huur had "
            "ik al vier maanden niet betaald."
        ),
        [("address", "Van Speijkstraat 41"), ("place", "Den Haag")],
    ),
    (
        (
            "Notitie coördinator: Mo (Mohamed Amrani, 23 jaar) heeft op 12-3-2024 een "
            "terugval gehad en is opgevangen bij Kliniek De Boomgaard in Zwolle."
        ),
        [
            ("name", "Mo"),
            ("name", "Mohamed Amrani"),
            ("age", "23 jaar"),
            ("date", "12-3-2024"),
            ("institution", "Kliniek De Boomgaard"),
            ("place", "Zwolle"),
        ],
    ),
    (
        (
            "Mevrouw Hoop vertelde dat ze sinds de zomer van 2019 op de bank van haar zus "
            "in Almere slaapt."
        ),
        [("name", "Hoop"), ("date", "zomer van 2019"), ("place", "Almere")],
    ),
    (
        (
            "Het geld moest naar NL84 INGB 3571 9746 20 ten name van Bewindvoering Baken, "
            "maar de toeslagen kwamen nog op haar eigen rekening binnen."
        ),
        [("iban", "NL84 INGB 3571 9746 20"), ("institution", "Bewindvoering Baken")],
    ),
    (
        (
            "Radjesh Ramdin uit Schiedam is 42 en zit sinds maart 2021 in de "
            "schuldsanering; zijn vrouw Sunita Jagessar-Mahabier regelt de post."
        ),
        [
            ("name", "Radjesh Ramdin"),
            ("place", "Schiedam"),
            ("age", "42"),
            ("date", "maart 2021"),
            ("name", "Sunita Jagessar-Mahabier"),
        ],
    ),
    (
        (
            "Ze is gevlucht naar blijfhuis Het Anker nadat haar ex, Marlon Pinas, haar "
            "vorige dinsdag 5 november had bedreigd."
        ),
        [("institution", "Het Anker"), ("name", "Marlon Pinas"), ("date", "5 november")],
    ),
    (
        (
            "Voor vragen kun je mailen naar k.bouzid1979@hotmail.com of bellen naar +31 "
            "(0)6 2847 1190, dan reageert Khadija zelf."
        ),
        [
            ("email", "k.bouzid1979@hotmail.com"),
            ("phone", "+31 (0)6 2847 1190"),
            ("name", "Khadija"),
        ],
    ),
    (
        (
            "Paweł Nowakowski werkte via een uitzendbureau bij Distributiecentrum Logiplus "
            "in Venlo en sliep met zes man in één kamer aan de Kaldenkerkerweg."
        ),
        [
            ("name", "Paweł Nowakowski"),
            ("institution", "Distributiecentrum Logiplus"),
            ("place", "Venlo"),
            ("address", "Kaldenkerkerweg"),
        ],
    ),
    (
        ("Mijn dochter (16) zit op het Rivierlandcollege en weet niet dat ik weer gebruik."),
        [("age", "16"), ("institution", "Rivierlandcollege")],
    ),
    (
        (
            "Bericht aan collega: de CJIB-boete met betalingskenmerk 6012 8743 2290 1157 "
            "van Stoyan Petrov staat nog open, graag vóór 30 sept. 2023 regelen."
        ),
        [("number", "6012 8743 2290 1157"), ("name", "Stoyan Petrov"), ("date", "30 sept. 2023")],
    ),
    (
        (
            "Hodan Abdi Warsame, geboren in Mogadishu, woont nu met vier kinderen in een "
            "bovenwoning aan de Zaagmolenkade 17b, 3034 KP Rotterdam."
        ),
        [
            ("name", "Hodan Abdi Warsame"),
            ("place", "Mogadishu"),
            ("address", "Zaagmolenkade 17b"),
            ("postcode", "3034 KP"),
            ("place", "Rotterdam"),
        ],
    ),
    (
        (
            "Zijn BSN staat op de beschikking als 151914400, en de Belastingdienst eist de "
            "volledige kinderopvangtoeslag terug."
        ),
        [("bsn", "151914400")],
    ),
    (
        (
            "Semhar Tesfay (zestien jaar) kwam als alleenstaande minderjarige naar "
            "Nederland en woont nu in een kleine wooneenheid in Leeuwarden."
        ),
        [("name", "Semhar Tesfay"), ("age", "zestien jaar"), ("place", "Leeuwarden")],
    ),
    (
        (
            "Bel me even op 010-4829317, dan bespreken we de casus van Jurgen Martina "
            "voordat hij op de 3e moet voorkomen."
        ),
        [("phone", "010-4829317"), ("name", "Jurgen Martina"), ("date", "3e")],
    ),
    (
        (
            "Zahra Ahmadi heeft bij Veilig Thuis gemeld dat haar man Farid Noorzai de "
            "kinderen van 8 en 11 bedreigt."
        ),
        [("name", "Zahra Ahmadi"), ("name", "Farid Noorzai"), ("age", "8"), ("age", "11")],
    ),
    (
        (
            "De huurachterstand bij Woonstichting De Linde liep op tot ruim vierduizend "
            "euro; huurdersnummer 55102/3 staat op alle aanmaningen."
        ),
        [("institution", "Woonstichting De Linde"), ("number", "55102/3")],
    ),
    (
        (
            "Ik ben Kiki, 31, en ik sliep drie winters in de nachtopvang van Stichting "
            "Nachtpost aan de Croeselaan."
        ),
        [
            ("name", "Kiki"),
            ("age", "31"),
            ("institution", "Stichting Nachtpost"),
            ("address", "Croeselaan"),
        ],
    ),
    (
        (
            "Ionuț Popescu is op 14/02/2023 uit PI Lindenhorst gekomen zonder woning, "
            "zonder ID en zonder uitkering."
        ),
        [("name", "Ionuț Popescu"), ("date", "14/02/2023"), ("institution", "PI Lindenhorst")],
    ),
    (
        ("Zijn parketnummer is 13/729104-22 en zijn reclasseringswerker heet mw. J.M. ter Horst."),
        [("number", "13/729104-22"), ("name", "J.M. ter Horst")],
    ),
    (
        (
            "Ayşe Demir kreeg in januari 2020 een crisisopname op de PAAZ van het "
            "Sint-Ursula Gasthuis in Tilburg."
        ),
        [
            ("name", "Ayşe Demir"),
            ("date", "januari 2020"),
            ("institution", "Sint-Ursula Gasthuis"),
            ("place", "Tilburg"),
        ],
    ),
    (
        (
            "Wil je het formulier sturen naar p.vandam@delinde-wonen.nl en een kopie "
            "uploaden via www.schuldenlab-oost.nl/formulier?"
        ),
        [("email", "p.vandam@delinde-wonen.nl"), ("url", "www.schuldenlab-oost.nl/formulier")],
    ),
    (
        (
            "De vader van Dewi, Gerrit-Jan Bos, werkt als koster in de Pinkstergemeente "
            "Bethel in Emmen."
        ),
        [
            ("name", "Dewi"),
            ("name", "Gerrit-Jan Bos"),
            ("institution", "Pinkstergemeente Bethel"),
            ("place", "Emmen"),
        ],
    ),
    (
        (
            "Meneer Koster heeft een licht verstandelijke beperking en laat alle post "
            "liggen bij zijn moeder in Hoorn."
        ),
        [("name", "Koster"), ("place", "Hoorn")],
    ),
    (
        (
            "Nguyễn Thị Lan werkte jaren zwart in nagelsalon Hoa Mai in Amsterdam-Noord en "
            "heeft daardoor geen pensioen opgebouwd."
        ),
        [("name", "Nguyễn Thị Lan"), ("institution", "Hoa Mai"), ("place", "Amsterdam-Noord")],
    ),
    (
        (
            "Geboren op 7 juli 1981 in Paramaribo, vertelt Marcia Bendt, en al twintig "
            "jaar heeft ze geen vaste woning meer gehad."
        ),
        [("date", "7 juli 1981"), ("place", "Paramaribo"), ("name", "Marcia Bendt")],
    ),
    (
        (
            "Mihaela Dumitrescu gaf me haar rekeningnummer NL98RABO8263040097 zodat de "
            "bewindvoerder de huur kon overmaken."
        ),
        [("name", "Mihaela Dumitrescu"), ("iban", "NL98RABO8263040097")],
    ),
    (
        (
            "Desislava Georgieva (27) sliep met haar baby in een auto op de parkeerplaats "
            "bij het station van Dordrecht tot het wijkteam ingreep."
        ),
        [("name", "Desislava Georgieva"), ("age", "27"), ("place", "Dordrecht")],
    ),
    (
        (
            "Tran Van Minh, klantnummer 1004873215 bij energiebedrijf Stroomwijs, werd "
            "afgesloten op 24-12."
        ),
        [
            ("name", "Tran Van Minh"),
            ("number", "1004873215"),
            ("institution", "Stroomwijs"),
            ("date", "24-12"),
        ],
    ),
    (
        (
            "Rami Al-Khatib kwam in de zomer van 2015 uit Aleppo en woont nu in Nijmegen, "
            "Tarweweg 203."
        ),
        [
            ("name", "Rami Al-Khatib"),
            ("date", "zomer van 2015"),
            ("place", "Aleppo"),
            ("place", "Nijmegen"),
            ("address", "Tarweweg 203"),
        ],
    ),
    (
        (
            "Nour Haddad is 19 jaar en volgt de opleiding zorg bij ROC Dommeldal, maar "
            "haar studiefinanciering is stopgezet."
        ),
        [("name", "Nour Haddad"), ("age", "19 jaar"), ("institution", "ROC Dommeldal")],
    ),
    (
        (
            "Zon, zoals iedereen haar noemt, vertelde dat ze in de Bijlmer opgroeide naast "
            "een drugsdealer."
        ),
        [("name", "Zon"), ("place", "Bijlmer")],
    ),
    (
        ("Roos zegt dat ze de roos op haar arm liet tatoeëren na de dood van haar broer."),
        [("name", "Roos")],
    ),
    (
        (
            "Mw. Visser uit Zaandam, een vrouw van 67, kreeg een dwangbevel van de "
            "deurwaarder voor een oude zorgverzekeringsschuld."
        ),
        [("name", "Visser"), ("place", "Zaandam"), ("age", "67")],
    ),
    (
        (
            "Henk Bakker, bij ons bekend als Ome Henk, heeft zijn bakkerij aan de "
            "Nieuwstraat 8 in Kerkrade verloren aan de gokverslaving."
        ),
        [
            ("name", "Henk Bakker"),
            ("name", "Ome Henk"),
            ("address", "Nieuwstraat 8"),
            ("place", "Kerkrade"),
        ],
    ),
    (
        (
            "Yonas Gebremedhin staat met cliëntnummer C-88213 ingeschreven bij Team "
            "Stadsnomaden en is bereikbaar via 0031 6 41 93 72 05."
        ),
        [
            ("name", "Yonas Gebremedhin"),
            ("number", "C-88213"),
            ("institution", "Team Stadsnomaden"),
            ("phone", "0031 6 41 93 72 05"),
        ],
    ),
    (
        (
            "Chen Mei-Ling (45) runde afhaalrestaurant De Gouden Lotus in Lelystad totdat "
            "de schulden haar boven het hoofd groeiden."
        ),
        [
            ("name", "Chen Mei-Ling"),
            ("age", "45"),
            ("institution", "De Gouden Lotus"),
            ("place", "Lelystad"),
        ],
    ),
    (
        (
            "Li Wei heeft een BSN van 340 605 923, maar op het UWV-formulier stond per "
            "ongeluk het nummer van zijn broer."
        ),
        [("name", "Li Wei"), ("bsn", "340 605 923")],
    ),
    (
        (
            "Ailton Fortes en zijn moeder Djenifer Lopes Tavares wonen aan de "
            "Mathenesserweg huisnummer 112 (3026HB) in Rotterdam."
        ),
        [
            ("name", "Ailton Fortes"),
            ("name", "Djenifer Lopes Tavares"),
            ("address", "Mathenesserweg huisnummer 112"),
            ("postcode", "3026HB"),
            ("place", "Rotterdam"),
        ],
    ),
    (
        (
            "Op donderdag de 14e belde de deurwaarder van Incassobureau Van Gelder & Zn. "
            "aan bij Emre Yılmaz, 0648210937."
        ),
        [
            ("date", "14e"),
            ("institution", "Incassobureau Van Gelder & Zn."),
            ("name", "Emre Yılmaz"),
            ("phone", "0648210937"),
        ],
    ),
    (
        ("Ik heb het CJIB gebeld over zaaknummer ZK-21-004578 en ze gaven me uitstel tot 1 april."),
        [("number", "ZK-21-004578"), ("date", "1 april")],
    ),
    (
        (
            "Sjonnie (echte naam Johannes Wilhelmus de Groot) is een negentienjarige "
            "jongen uit Heerlen die na zijn detentie direct terugviel."
        ),
        [
            ("name", "Sjonnie"),
            ("name", "Johannes Wilhelmus de Groot"),
            ("age", "negentienjarige"),
            ("place", "Heerlen"),
        ],
    ),
    (
        (
            "De intake bij Kliniek Heideborgh staat gepland op 2022-08-30 om 10.00 uur; "
            "neem het verwijsbriefje van huisarts Van Leeuwen mee."
        ),
        [("institution", "Kliniek Heideborgh"), ("date", "2022-08-30"), ("name", "Van Leeuwen")],
    ),
    (
        (
            "Khadija's zoon zit op basisschool De Vlieger in Vlaardingen, groep 7, en de "
            "juf weet van de situatie thuis."
        ),
        [("name", "Khadija"), ("institution", "De Vlieger"), ("place", "Vlaardingen")],
    ),
    (
        (
            "Mijn ex sloot via mijn DigiD een lening af en nu sta ik bij het BKR "
            "geregistreerd, zegt Agnieszka Wiśniewska uit Enschede."
        ),
        [("name", "Agnieszka Wiśniewska"), ("place", "Enschede")],
    ),
    (
        (
            "Volg Kevin op TikTok via @kev.op.straat, daar laat hij zien hoe het leven in "
            "de daklozenopvang echt is."
        ),
        [("name", "Kevin"), ("url", "@kev.op.straat")],
    ),
    (
        (
            "E-mailadres van de cliënt: youssef.elouali@gmail.com, telefoon 020 612 45 87, "
            "postcode 1102AB."
        ),
        [
            ("email", "youssef.elouali@gmail.com"),
            ("phone", "020 612 45 87"),
            ("postcode", "1102AB"),
        ],
    ),
    (
        (
            "Youssef el Ouali bidt elke vrijdag in Moskee Al-Fajr in Utrecht-Overvecht, "
            "waar de imam hem aan een budgetmaatje koppelde."
        ),
        [
            ("name", "Youssef el Ouali"),
            ("institution", "Moskee Al-Fajr"),
            ("place", "Utrecht-Overvecht"),
        ],
    ),
    (
        (
            "Sunita vroeg of het klopt dat haar IBAN NL95 ABNA 8800 1665 16 nu op de "
            "beslaglijst staat."
        ),
        [("name", "Sunita"), ("iban", "NL95 ABNA 8800 1665 16")],
    ),
    (
        (
            "Glenn Zeefuik woonde tot 15-01-'22 bij zijn oma aan de Balsemienlaan in "
            "Almere, daarna sliep hij bij vrienden op de bank."
        ),
        [
            ("name", "Glenn Zeefuik"),
            ("date", "15-01-'22"),
            ("address", "Balsemienlaan"),
            ("place", "Almere"),
        ],
    ),
    (
        (
            "Farhan Mohamed Ali (34) is sinds 3 okt. opgenomen op de HIC-afdeling van GGz "
            "Centrum Zuidoever."
        ),
        [
            ("name", "Farhan Mohamed Ali"),
            ("age", "34"),
            ("date", "3 okt."),
            ("institution", "GGz Centrum Zuidoever"),
        ],
    ),
    (
        (
            "De 29-jarige Shurandy Maduro uit Den Bosch heeft zijn baan bij "
            "Hoveniersbedrijf Groenrijk verloren door een taakstraf."
        ),
        [
            ("age", "29-jarige"),
            ("name", "Shurandy Maduro"),
            ("place", "Den Bosch"),
            ("institution", "Hoveniersbedrijf Groenrijk"),
        ],
    ),
    (
        (
            "Mail aan collega: Anneke van der Veen (mw., 72) heeft nog steeds geen "
            "huurtoeslag, haar BSN is 607.151.547."
        ),
        [("name", "Anneke van der Veen"), ("age", "72"), ("bsn", "607.151.547")],
    ),
    (
        (
            "Ik ken Hatice Öztürk nog van de vrouwengroep in buurthuis De Kroon in Arnhem; "
            "ze is nu 52 jaar en woont in een safe house."
        ),
        [
            ("name", "Hatice Öztürk"),
            ("institution", "De Kroon"),
            ("place", "Arnhem"),
            ("age", "52 jaar"),
        ],
    ),
    (
        (
            "Dhr. B. Bos, postcode 9402 VX in Assen, reageert niet meer op brieven of op "
            "zijn vaste nummer 0592 - 35 81 44."
        ),
        [
            ("name", "B. Bos"),
            ("postcode", "9402 VX"),
            ("place", "Assen"),
            ("phone", "0592 - 35 81 44"),
        ],
    ),
    (
        (
            "Het dossier van Kevin met nummer JZ/2020/1187-b is overgedragen aan "
            "Jeugdzorg, maar de overdracht ging pas op 9 maart rond."
        ),
        [("name", "Kevin"), ("number", "JZ/2020/1187-b"), ("date", "9 maart")],
    ),
    (
        (
            "Bij de voedselbank staat Marlon geregistreerd onder VB-0392; zijn laatste "
            "pakket haalde hij op 28-2-2024 op."
        ),
        [("name", "Marlon"), ("number", "VB-0392"), ("date", "28-2-2024")],
    ),
    (
        (
            "Zijn vrouw Nadia stort maandelijks geld op NL20ASNB4265429526 en hij belt "
            "haar via +31612873309."
        ),
        [("name", "Nadia"), ("iban", "NL20ASNB4265429526"), ("phone", "+31612873309")],
    ),
    (
        (
            "Mijn cliënte Esther de Vries-Boateng, 38, werkt als schoonmaakster bij Hotel "
            "Vennenzicht in Oisterwijk en heeft drie beslagen op haar loon."
        ),
        [
            ("name", "Esther de Vries-Boateng"),
            ("age", "38"),
            ("institution", "Hotel Vennenzicht"),
            ("place", "Oisterwijk"),
        ],
    ),
    (
        (
            "Ze komt uit Best en belde naar (040) 289 37 16, het nummer van haar zus, toen "
            "haar man haar had geslagen."
        ),
        [("place", "Best"), ("phone", "(040) 289 37 16")],
    ),
    (
        (
            "Kees Visser was ooit visser op een kotter en leeft nu van een "
            "bijstandsuitkering in een caravan bij Urk."
        ),
        [("name", "Kees Visser"), ("place", "Urk")],
    ),
    (
        (
            "Mariam Bouzid, 06-19283746, heeft afgelopen 12 maart haar huissleutels "
            "ingeleverd bij woningcorporatie Woongoed Morgen."
        ),
        [
            ("name", "Mariam Bouzid"),
            ("phone", "06-19283746"),
            ("date", "12 maart"),
            ("institution", "Woongoed Morgen"),
        ],
    ),
    (
        (
            "Notitie: IBAN van de bewindvoerder is NL04 SNSB 6400 8198 87, cliëntnummer "
            "BW-2217/A, contact via info@bakenbewind.nl."
        ),
        [
            ("iban", "NL04 SNSB 6400 8198 87"),
            ("number", "BW-2217/A"),
            ("email", "info@bakenbewind.nl"),
        ],
    ),
    (
        (
            "Zijn BSN, 360002961, staat gewoon op de envelop die bij de verkeerde buren in "
            "de brievenbus viel."
        ),
        [("bsn", "360002961")],
    ),
    (
        (
            "Ik was pas zestien toen ik voor het eerst vastzat, in jeugdinrichting De "
            "Raamsteeg, en daar leerde ik pas echt gebruiken."
        ),
        [("age", "zestien"), ("institution", "De Raamsteeg")],
    ),
    (
        (
            "Op https://www.facebook.com/groups/schuldenmaatjes.zwolle vond Dewi iemand "
            "die haar schoenendoos met brieven wilde uitzoeken."
        ),
        [("url", "https://www.facebook.com/groups/schuldenmaatjes.zwolle"), ("name", "Dewi")],
    ),
    (
        (
            "Hij heet eigenlijk Abdirahman, maar op straat in Den Haag noemen ze hem Bobo; "
            "zijn moeder woont nog in Transvaal."
        ),
        [("name", "Abdirahman"), ("place", "Den Haag"), ("name", "Bobo"), ("place", "Transvaal")],
    ),
    (
        (
            "Mijn collega in Vlaardingen, Bart-Jan ter Beek, regelde dat mevrouw Roos "
            "Hoogendijk haar energierekening van 14 februari 2024 in termijnen mocht "
            "betalen."
        ),
        [
            ("place", "Vlaardingen"),
            ("name", "Bart-Jan ter Beek"),
            ("name", "Roos Hoogendijk"),
            ("date", "14 februari 2024"),
        ],
    ),
    (
        (
            "Zoë (21) uit Goes heeft een eetstoornis en wacht al acht maanden op een plek "
            "bij Centrum Eetwijs."
        ),
        [("name", "Zoë"), ("age", "21"), ("place", "Goes"), ("institution", "Centrum Eetwijs")],
    ),
    (
        (
            "Tomasz Kowalczyk, +48 601 223 845, doet seizoenswerk in het Westland en "
            "slaapt in een chalet op Camping De Wilgen."
        ),
        [
            ("name", "Tomasz Kowalczyk"),
            ("phone", "+48 601 223 845"),
            ("place", "Westland"),
            ("institution", "Camping De Wilgen"),
        ],
    ),
    (
        (
            "Het nieuwe nummer van bewindvoerder Erik Smulders is 030 - 2 31 45 67; het "
            "oude nummer werkt niet meer."
        ),
        [("name", "Erik Smulders"), ("phone", "030 - 2 31 45 67")],
    ),
    (
        ("Priya Baldew is tweeënveertig en heeft nog nooit een eigen huurcontract gehad."),
        [("name", "Priya Baldew"), ("age", "tweeënveertig")],
    ),
    # --- sentences without identifiers (tricky words) ---
    (
        ("Hoop is het enige wat ik nog had toen de deurwaarder voor de derde keer aanbelde."),
        [],
    ),
    (
        (
            "Het wijkteam, de GGZ en Jeugdzorg zaten samen aan tafel, maar niemand nam de "
            "regie over het gezin."
        ),
        [],
    ),
    (
        (
            "De Belastingdienst, het UWV en het CJIB stuurden allemaal tegelijk "
            "aanmaningen, en ik durfde de envelop niet meer open te maken."
        ),
        [],
    ),
    (
        ("Een man van in de 50 vertelde me dat hij nooit had geleerd hoe je een begroting maakt."),
        [],
    ),
    (
        ("Ik sliep weken in het bos achter het station en waste me op de wc van de bibliotheek."),
        [],
    ),
    (
        (
            "Mijn vader was visser en mijn opa bakker, dus hard werken en niet klagen zat "
            "er bij ons thuis ingebakken."
        ),
        [],
    ),
    (
        (
            "De zon scheen, de vogels floten, en ik zat binnen met een schoenendoos vol "
            "rode enveloppen."
        ),
        [],
    ),
    (
        (
            "Van januari tot december ging het elke maand mis met de toeslagen, omdat "
            "niemand mijn wijziging had verwerkt."
        ),
        [],
    ),
    (
        (
            "Via de Wet gemeentelijke schuldhulpverlening en de Participatiewet kreeg ik "
            "uiteindelijk beschermingsbewind en leefgeld."
        ),
        [],
    ),
    (
        (
            "Ik stond letterlijk op straat, met twee vuilniszakken kleding en een hoofd "
            "vol zorgen, en de nachtopvang zat vol."
        ),
        [],
    ),
    (
        "De koster van de kerk liet ons in de kelder slapen toen het buiten vroor.",
        [],
    ),
    (
        (
            "Veilig Thuis werd ingeschakeld en ik ging met de kinderen naar de "
            "vrouwenopvang, zonder te weten voor hoe lang."
        ),
        [],
    ),
    (
        "In mei leek alles beter, maar na de zomer kwam de terugval, zoals elk jaar.",
        [],
    ),
]
