"""Demo data for verwijzen: experience profiles (with consent) for the demo ervaringswerkers
and a few referrals in different steps. Called by the demo command after the people exist."""

from wijkennis.accounts.models import User
from wijkennis.core.mail import mail_silenced
from wijkennis.organisations.models import Membership, Role
from wijkennis.vocabulary.models import Concept

from . import services
from .models import Referral

PROFILES = {
    "anouk@wijkennis.demo": (["schulden", "armoede"], "Nederlands, Tarifit", "Overvecht", 12),
    "bram@wijkennis.demo": (["verslaving", "dakloosheid"], "Nederlands", "Zuid", 8),
    "ilse@wijkennis.demo": (["schulden", "psychische-problemen"], "Nederlands, Turks", "Zuid", 6),
    "dewi@wijkennis.demo": (["woonproblemen"], "Nederlands, Indonesisch", "Noord", 4),
}


def _concepts(slugs):
    return list(Concept.objects.filter(slug__in=slugs))


def add_demo_referrals() -> None:
    if Referral.objects.filter(code__startswith="DEMO-VW").exists():
        return
    for email, (slugs, languages, wijken, hours) in PROFILES.items():
        user = User.objects.filter(email=email).first()
        if user is None:
            continue
        services.save_profile(
            user,
            consent=True,
            domains=_concepts(slugs),
            languages=languages,
            wijken=wijken,
            hours_per_week=hours,
            extra_caseload=1,
            share_with_coordinator=True,
            consent_matching=True,
        )
    colleague = User.objects.filter(email="collega@wijkennis.demo").first()
    coordinator = User.objects.filter(email="coordinator@wijkennis.demo").first()
    anouk = User.objects.filter(email="anouk@wijkennis.demo").first()
    if not (colleague and coordinator and anouk):
        return
    organisation = Membership.objects.get(user=coordinator, role=Role.COORDINATOR).organisation
    steps = [
        ("DEMO-VW-01", "Opent zijn post niet meer en durft niet te bellen.", "filed"),
        ("DEMO-VW-02", "Zoekt iemand die haar taal spreekt over schulden.", "offered"),
        ("DEMO-VW-03", "Wil hulp bij het op orde brengen van de administratie.", "contact"),
    ]
    with mail_silenced():
        for number, (code, question, step) in enumerate(steps):
            referral = services.file_referral(
                colleague,
                organisation,
                code=code,
                question=question,
                domains=_concepts(["schulden"]),
                client_agreed=True,
                language="Tarifit" if number == 1 else "",
                wijk="Overvecht",
            )
            if step == "filed":
                continue
            services.offer_to_workers(coordinator, referral, [anouk])
            if step == "offered":
                continue
            services.answer_offer(anouk, referral, accept=True)
            services.record_client_choice(coordinator, referral, anouk)
            services.record_first_contact(anouk, referral)
