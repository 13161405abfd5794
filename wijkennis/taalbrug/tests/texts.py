"""Texts and vocabulary for the Taalbrug tests, written for them (fictional people)."""

from tests.factories import AltLabelFactory, ConceptFactory

# A dense municipal letter: long sentences, policy words, formal style.
LETTER = """Geachte heer Jansen,

Naar aanleiding van uw aanvraag om bijzondere bijstand voor de kosten van een wasmachine \
delen wij u mede dat op grond van art. 35 van de Participatiewet uw aanvraag is afgewezen, \
aangezien uit het ingestelde onderzoek is gebleken dat u over voldoende draagkracht beschikt. \
Tevens delen wij u mede dat, nu op uw inkomen beslaglegging door de deurwaarder heeft \
plaatsgevonden, de beslagvrije voet opnieuw is vastgesteld conform de geldende regelgeving en \
dat eventuele wijzigingen in uw inkomenssituatie onverwijld aan de gemeente dienen te worden \
doorgegeven. Voorts is gebleken dat u in de periode van 1 januari 2024 t/m 31 maart 2024 ten \
onrechte een bijstandsuitkering heeft ontvangen, waardoor een terugvordering ter hoogte van \
€ 1.250,00 zal worden ingesteld, welke op basis van de geldende beleidsregels in maandelijkse \
termijnen met uw uitkering zal worden verrekend. Tegen dit besluit kunt u binnen zes weken na \
verzenddatum bezwaar maken bij het college van burgemeester en wethouders, o.a. door middel \
van een schriftelijk bezwaarschrift, d.w.z. een ondertekende brief met daarin de gronden van \
het bezwaar.

Met vriendelijke groet,

Het college van burgemeester en wethouders
"""

# The same news in plain B1 Dutch.
PLAIN = """Beste meneer Jansen,

U vroeg ons om geld voor een nieuwe wasmachine. Dat geld krijgt u niet. U heeft genoeg geld \
om de wasmachine zelf te betalen. Dat hebben we goed uitgezocht.

Er is ook beslag gelegd op uw inkomen. Dat betekent dat een deel van uw geld naar de \
deurwaarder gaat. Wij hebben opnieuw uitgerekend hoeveel geld u zelf mag houden. Verandert uw \
inkomen? Vertel het ons dan meteen.

Heeft u vragen? Bel ons dan. Of kom langs op het gemeentehuis. We helpen u graag.

Met vriendelijke groet,

Team Werk en Inkomen
"""


def make_vocabulary() -> dict:
    """A few concepts as the seed vocabulary has them, plus a hidden misspelling."""
    seizure = ConceptFactory(
        slug="beslag-op-inkomen",
        pref_label="Beslag op inkomen",
        definition="Een schuldeiser laat een deel van je loon of uitkering inhouden.",
    )
    AltLabelFactory(concept=seizure, label="geld wordt ingehouden", kind="lekentaal")
    AltLabelFactory(concept=seizure, label="beslag op je uitkering", kind="lekentaal")
    AltLabelFactory(concept=seizure, label="beslaglegging", kind="beleidstaal")
    AltLabelFactory(concept=seizure, label="beslagvrije voet", kind="beleidstaal")
    AltLabelFactory(concept=seizure, label="beslaglegin", kind="verborgen")
    reclaim = ConceptFactory(
        slug="terugvordering-toeslagen",
        pref_label="Terugvordering van toeslagen",
        definition="Je moet geld dat je eerder kreeg terugbetalen.",
    )
    AltLabelFactory(concept=reclaim, label="toeslagen terugbetalen", kind="lekentaal")
    AltLabelFactory(concept=reclaim, label="terugvordering", kind="beleidstaal")
    AltLabelFactory(concept=reclaim, label="toeslagen", kind="beleidstaal")
    extra = ConceptFactory(
        slug="bijzondere-bijstand",
        pref_label="Extra geld van de gemeente",
        definition="Geld van de gemeente voor hoge kosten die je niet zelf kunt betalen.",
    )
    AltLabelFactory(concept=extra, label="geld voor onverwachte kosten", kind="lekentaal")
    AltLabelFactory(concept=extra, label="bijzondere bijstand", kind="beleidstaal")
    AltLabelFactory(concept=extra, label="bijstand", kind="beleidstaal")
    benefit = ConceptFactory(
        slug="uitkering", pref_label="Leven van een uitkering", definition="Geld van de gemeente."
    )
    AltLabelFactory(concept=benefit, label="in de bijstand zitten", kind="lekentaal")
    AltLabelFactory(concept=benefit, label="Participatiewet", kind="beleidstaal")
    AltLabelFactory(concept=benefit, label="bijstandsuitkering", kind="beleidstaal")
    debt_rescue = ConceptFactory(slug="schuldsanering", pref_label="Schuldsanering")
    AltLabelFactory(concept=debt_rescue, label="WSNP", kind="afkorting")
    care = ConceptFactory(slug="wmo", pref_label="Hulp aanvragen via de Wmo")
    AltLabelFactory(concept=care, label="Wmo", kind="afkorting")
    AltLabelFactory(concept=care, label="hulp in het huishouden aanvragen", kind="lekentaal")
    return {"seizure": seizure, "reclaim": reclaim, "extra": extra, "benefit": benefit}
