import pytest

from tests.factories import AltLabelFactory, ConceptFactory


@pytest.fixture
def vocabulary(db):
    incasso = ConceptFactory(slug="incasso", pref_label="Incasso", scheme="sleutelsituatie")
    AltLabelFactory(concept=incasso, label="deurwaarder", kind="lekentaal")
    AltLabelFactory(concept=incasso, label="durf de post niet open te maken", kind="lekentaal")
    addiction = ConceptFactory(slug="verslaving", pref_label="Verslaving")
    gambling = ConceptFactory(slug="gokverslaving", pref_label="Gokverslaving", broader=addiction)
    debts = ConceptFactory(slug="schulden", pref_label="Schulden")
    return {"incasso": incasso, "verslaving": addiction, "gok": gambling, "schulden": debts}
