import random
import sys

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from wijkennis.accounts.models import User
from wijkennis.demo import extras
from wijkennis.demo.content import (
    FICTIONAL_MUNICIPALITY,
    FICTIONAL_ORGANISATIONS,
    generate_story,
)
from wijkennis.inbreng.demo import add_demo_inbreng
from wijkennis.intervision.demo import add_demo_intervision
from wijkennis.invitations.demo import add_demo_invitations
from wijkennis.organisations.models import Membership, Organisation, OrganisationKind, Role, Team
from wijkennis.referrals.demo import add_demo_referrals
from wijkennis.stories import services
from wijkennis.stories.models import Visibility
from wijkennis.trainings.demo import add_demo_records
from wijkennis.vocabulary.models import Concept
from wijkennis.vocabulary.services import load_seed_vocabulary

DEMO_PASSWORD = "wijkennis-demo"  # noqa: S105 - a published password for local demo accounts only

# (e-mail, first name, last name, organisation key, role). Invented people only.
DEMO_PEOPLE = [
    ("anouk@wijkennis.demo", "Anouk", "Verbeek", "a", Role.ERVARINGSWERKER),
    ("coordinator@wijkennis.demo", "Sanne", "Hoekstra", "a", Role.COORDINATOR),
    ("collega@wijkennis.demo", "Youssef", "Benali", "a", Role.COLLEGA),
    ("bram@wijkennis.demo", "Bram", "Oosterhuis", "b", Role.ERVARINGSWERKER),
    ("ilse@wijkennis.demo", "Ilse", "Kramer", "b", Role.ERVARINGSWERKER),
    ("dewi@wijkennis.demo", "Dewi", "Sitompoel", "c", Role.ERVARINGSWERKER),
    ("beleid@wijkennis.demo", "Marloes", "Dekker", "gemeente", Role.BELEIDSMEDEWERKER),
    ("onderzoek@wijkennis.demo", "Tobias", "Wering", "onderzoek", Role.ONDERZOEKER),
    ("beheer@wijkennis.demo", "Ruud", "Claassen", "gemeente", Role.BEHEERDER),
]
VISIBILITY_WEIGHTS = {
    Visibility.NETWORK: 5,
    Visibility.ORGANISATION: 3,
    Visibility.PUBLIC: 2,
    Visibility.PRIVATE: 1,
}


class Command(BaseCommand):
    help = "Create fictional organisations, users for every role and N experience stories."

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=40)
        parser.add_argument("--seed", type=int, default=2020)
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing when demo users already exist"
        )

    def handle(self, *args, stories, seed, if_empty, **options):
        if if_empty and User.objects.filter(email=DEMO_PEOPLE[0][0]).exists():
            self.stdout.write(_("Demo data already present."))
        else:
            if not Concept.objects.exists():
                load_seed_vocabulary()
            writers = self._create_people()
            rng = random.Random(seed)
            self._create_stories(writers, stories, rng)
            with transaction.atomic():
                extras.create(rng, DEMO_PASSWORD)
                add_demo_inbreng()
                add_demo_intervision()
                add_demo_records()
                add_demo_referrals()
                add_demo_invitations(DEMO_PASSWORD)
        self._print_logins()

    @transaction.atomic
    def _create_people(self) -> list[tuple[User, Organisation]]:
        municipality, _created = Organisation.objects.get_or_create(
            name=FICTIONAL_MUNICIPALITY["name"],
            defaults={
                "kind": OrganisationKind.MUNICIPALITY,
                "city": FICTIONAL_MUNICIPALITY["city"],
            },
        )
        organisations = {"gemeente": municipality}
        care = [o for o in FICTIONAL_ORGANISATIONS if o["kind"] not in {"gemeente", "onderzoek"}]
        research = next(o for o in FICTIONAL_ORGANISATIONS if o["kind"] == "onderzoek")
        for key, spec in [("a", care[0]), ("b", care[1]), ("c", care[2]), ("onderzoek", research)]:
            organisation, _created = Organisation.objects.get_or_create(
                name=spec["name"], defaults={"kind": spec["kind"], "city": spec.get("city", "")}
            )
            for team in spec.get("teams", []):
                Team.objects.get_or_create(organisation=organisation, name=team)
            if key != "onderzoek":
                organisation.funded_by.add(municipality)
            organisations[key] = organisation
        writers = []
        for email, first, last, key, role in DEMO_PEOPLE:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email,
                    DEMO_PASSWORD,
                    first_name=first,
                    last_name=last,
                    is_staff=role == Role.BEHEERDER,
                    is_superuser=role == Role.BEHEERDER,
                )
            Membership.objects.get_or_create(user=user, organisation=organisations[key], role=role)
            if role == Role.ERVARINGSWERKER:
                writers.append((user, organisations[key]))
        return writers

    def _create_stories(self, writers, count: int, rng: random.Random) -> None:
        concepts = {c.slug: c for c in Concept.objects.all()}
        visibilities = list(VISIBILITY_WEIGHTS)
        weights = list(VISIBILITY_WEIGHTS.values())
        for _index in tqdm(range(count), desc=_("Demo stories"), file=sys.stderr):
            author, organisation = rng.choice(writers)
            content = generate_story(rng)
            story = services.save_draft(
                author,
                organisation=organisation,
                title=content["title"],
                body=content["text"],
                what_helped=content["what_helped"],
                what_did_not_help=content["what_did_not_help"],
            )
            services.publish_story(
                author,
                story,
                visibility=rng.choices(visibilities, weights)[0],
                consent_given=True,
                concepts=[concepts[s] for s in content["concepts"][:6] if s in concepts],
            )

    def _print_logins(self) -> None:
        self.stdout.write("")
        self.stdout.write(
            _("Demo logins (password for all: %(password)s)") % {"password": DEMO_PASSWORD}
        )
        for email, first, _last, _key, role in DEMO_PEOPLE:
            self.stdout.write(f"  {email:<28} {first:<9} {Role(role).label}")
        self.stdout.write("")
