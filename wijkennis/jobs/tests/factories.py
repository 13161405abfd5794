import factory

from tests.factories import OrganisationFactory
from wijkennis.jobs.models import JobDescription


class JobDescriptionFactory(factory.django.DjangoModelFactory):
    """A job description whose scale and facilities equal the regular function's.

    Trait: `unequal=True` gives the ervaringswerker a lower scale, no laptop and a smaller
    training budget than the regular function."""

    class Meta:
        model = JobDescription

    organisation = factory.SubFactory(OrganisationFactory)
    specialisation = "schuldhulp"
    purpose = "Maakt contact met bewoners met geldzorgen."
    tasks_primary = "Gaat mee naar de schuldeiser\nOpent samen de post"
    tasks_secondary = "Geeft collega's uitleg over stress door schulden"
    tasks_tertiary = ""
    required_experience = "Eigen ervaring met schulden."
    required_training = "MBO-4 Ervaringsdeskundige"
    hours_per_week = 24
    cao = "CAO Sociaal Werk"
    scale = 8
    laptop = phone = dossier_access = own_workplace = True
    training_budget = 500
    regular_function = "Schuldhulpverlener"
    regular_scale = 8
    regular_laptop = regular_phone = regular_dossier_access = regular_own_workplace = True
    regular_training_budget = 500

    class Params:
        unequal = factory.Trait(scale=7, laptop=False, training_budget=200)


def form_data(**changes) -> dict:
    """A complete, valid editor form for one organisation."""
    data = {
        "specialisation": "schuldhulp",
        "purpose": "Maakt contact met bewoners met geldzorgen.",
        "tasks_primary": "Gaat mee naar de schuldeiser\nOpent samen de post",
        "tasks_secondary": "Geeft collega's uitleg",
        "tasks_tertiary": "",
        "required_experience": "Eigen ervaring met schulden.",
        "required_training": "MBO-4 Ervaringsdeskundige",
        "hours_per_week": "24",
        "cao": "CAO Sociaal Werk",
        "scale": "8",
        "laptop": "on",
        "phone": "on",
        "training_budget": "500",
        "regular_function": "Schuldhulpverlener",
        "regular_scale": "8",
        "regular_laptop": "on",
        "regular_phone": "on",
        "regular_training_budget": "500",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
