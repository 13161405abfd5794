"""Demo content for wij-kennis and kwartiermaken, so every page has something to show.

Everything goes through the same services as the pages. The extra experience workers are
invented people; they exist so that patterns reach the group size of five.
"""

import datetime
import random

from wijkennis.accounts.models import User
from wijkennis.deployment.services import save_plan
from wijkennis.jobs.services import create_job, templates
from wijkennis.knowledge import services as knowledge
from wijkennis.organisations.models import Membership, Organisation, Role
from wijkennis.readiness import scoring
from wijkennis.readiness import services as readiness
from wijkennis.readiness.models import SCAN_ROLES
from wijkennis.stories.models import Story, Visibility
from wijkennis.vocabulary.models import Concept

EXTRA_WORKERS = [
    ("Femke", "Jansen"),
    ("Karim", "El Idrissi"),
    ("Lotte", "de Vries"),
    ("Mehmet", "Yilmaz"),
    ("Noor", "Bakker"),
    ("Priya", "Ramdin"),
    ("Ruben", "Smit"),
    ("Sara", "Visser"),
]
# situation → [(what was tried, outcome weights: helped, no difference, worse)]
REPORTS = {
    "schoenendoos-ongeopende-post": [
        ("samen-post-openen", (8, 2, 0)),
        ("presentie", (5, 3, 1)),
    ],
    "brief-van-de-deurwaarder": [("samen-post-openen", (6, 3, 1))],
}
ITEMS = [
    (
        "Samen de post openen, één vaste dag per week",
        "schoenendoos-ongeopende-post",
        "Ze kozen samen één vaste dag. Eerst alles sorteren, dan per stapel bellen.",
        "Niet alles tegelijk willen oplossen. Eerst de brieven met een datum.",
    ),
    (
        "Bij de deurwaarder: eerst bellen, dan pas schrijven",
        "brief-van-de-deurwaarder",
        "Samen bellen met de deurwaarder en afspraken meteen opschrijven.",
        "Een betalingsregeling vragen die niet past bij het inkomen.",
    ),
]


def create(rng: random.Random, password: str) -> None:
    organisations = list(Organisation.objects.exclude(kind__in=["gemeente", "onderzoek"]))
    workers = _extra_workers(organisations, password)
    concepts = {c.slug: c for c in Concept.objects.all()}
    _reports(rng, workers, concepts)
    _knowledge(workers, concepts)
    coordinator = User.objects.get(email="coordinator@wijkennis.demo")
    home = Membership.objects.get(user=coordinator, role=Role.COORDINATOR).organisation
    _scan(rng, coordinator, home)
    _plan(coordinator, home)
    _job(coordinator, home)


def _extra_workers(organisations, password) -> list[User]:
    workers = list(
        User.objects.filter(
            memberships__role=Role.ERVARINGSWERKER, email__endswith="@wijkennis.demo"
        ).distinct()
    )
    for number, (first, last) in enumerate(EXTRA_WORKERS):
        email = f"{first.lower()}@wijkennis.demo"
        user = User.objects.filter(email=email).first() or User.objects.create_user(
            email, password, first_name=first, last_name=last
        )
        Membership.objects.get_or_create(
            user=user,
            organisation=organisations[number % len(organisations)],
            role=Role.ERVARINGSWERKER,
        )
        workers.append(user)
    return workers


def _reports(rng, workers, concepts) -> None:
    outcomes = ["hielp", "maakte_niet_uit", "maakte_erger"]
    for situation, tried_list in REPORTS.items():
        for tried, weights in tried_list:
            for worker in rng.sample(workers, min(len(workers), sum(weights))):
                knowledge.submit_report(
                    worker,
                    situation=concepts[situation],
                    tried=concepts[tried],
                    outcome=rng.choices(outcomes, weights)[0],
                )


def _knowledge(workers, concepts) -> None:
    author = User.objects.get(email="anouk@wijkennis.demo")
    for title, situation, insight, worse in ITEMS:
        story = (
            Story.objects.visible_to(author)
            .filter(visibility=Visibility.NETWORK, concepts=concepts[situation])
            .first()
        )
        item = knowledge.propose_item(
            author,
            situations=[concepts[situation]],
            stories=[story] if story else [],
            title=title,
            insight=insight,
            what_made_worse=worse,
        )
        for worker in workers[1:7]:
            knowledge.recognise(worker, item, True)


def _scan(rng, coordinator, organisation) -> None:
    scan_round = readiness.start_round(coordinator, organisation, "Scan najaar")
    people = User.objects.filter(
        memberships__organisation=organisation, memberships__role__in=SCAN_ROLES
    ).distinct()
    for person in people:
        answers = {s["key"]: rng.choice([1, 2, 3, 3, 4, 4, 0]) for s in scoring.statements()}
        readiness.submit_response(person, scan_round, answers)


def _plan(coordinator, organisation) -> None:
    def phase(people, hours, kind, budget):
        return {
            "paid_headcount": people,
            "hours_per_week": hours,
            "mbo_share": 70,
            "hbo_share": 30,
            "budget_per_year": budget,
            "budget_kind": kind,
            "natural_attrition": "Twee woonbegeleiders gaan met pensioen.",
            "growth": "Een ervaringswerker per wijkteam.",
            "job_carving": "Huisbezoeken bij schulden gaan naar ervaringswerkers.",
            "primary_tasks": "Huisbezoeken, inloopspreekuur, samen de post openen.",
            "secondary_tasks": "Meedenken over beleid; collega's scholen over schulden.",
            "tertiary_tasks": "",
        }

    save_plan(
        coordinator,
        organisation,
        title="Ervaringswerk in de wijkteams",
        starts_on=datetime.date.today().replace(day=1),
        onboarding="Inwerken met een maatje, intervisie elke maand, MBO-4 opleiding.",
        phases={
            "now": phase(2, 48, "project", 95000),
            "two_years": phase(4, 112, "structural", 190000),
            "five_years": phase(7, 210, "structural", 330000),
        },
        workers=[
            {"name": "Anouk", "content_supervisor": "Sanne", "personal_supervisor": "Coach"},
            {"name": "Vacature wijkteam Oost", "content_supervisor": "", "personal_supervisor": ""},
        ],
        partners=[{"kind": "mbo_course", "name": "ROC Rivierstad", "notes": "MBO-4 samen"}],
    )


def _job(coordinator, organisation) -> None:
    template = templates()["schuldhulp"]
    create_job(
        coordinator,
        organisation=organisation,
        **template.initial(),
        hours_per_week=24,
        cao="CAO Sociaal Werk",
        scale=7,
        laptop=True,
        phone=False,
        dossier_access=True,
        own_workplace=True,
        training_budget=400,
        regular_scale=8,
        regular_laptop=True,
        regular_phone=True,
        regular_dossier_access=True,
        regular_own_workplace=True,
        regular_training_budget=600,
    )
