from tests.factories import ConceptFactory, MembershipFactory, UserFactory
from wijkennis.organisations.models import Role
from wijkennis.referrals import services


def concept(label):
    return ConceptFactory(pref_label=label, slug=label.lower().replace(" ", "-"))


def profile_for(user, *, domains=(), languages="", wijken="", hours=8, extra=0, **options):
    options = {"share_with_coordinator": True, "consent_matching": True} | options
    return services.save_profile(
        user,
        consent=True,
        domains=domains,
        languages=languages,
        wijken=wijken,
        hours_per_week=hours,
        extra_caseload=extra,
        **options,
    )


def worker(organisation, first, last="Test"):
    user = UserFactory(first_name=first, last_name=last)
    MembershipFactory(user=user, organisation=organisation, role=Role.ERVARINGSWERKER)
    return user


def referral_for(people, domains, *, by=None, code="VW-01", question="Hulp bij post", **extra):
    return services.file_referral(
        by or people.colleague,
        people.org_a,
        code=code,
        question=question,
        domains=domains,
        client_agreed=True,
        **extra,
    )


def chosen_referral(people):
    """For the permission matrix: the colleague of A referred a client; Anouk accepted and the
    client chose her."""
    domain = concept("Matrixdomein")
    profile_for(people.anouk, domains=[domain])
    referral = referral_for(people, [domain])
    services.offer_to_workers(people.coordinator, referral, [people.anouk])
    services.answer_offer(people.anouk, referral, accept=True)
    services.record_client_choice(people.coordinator, referral, people.anouk)
    return referral
