"""The ranking rule on hand-built profiles."""

from wijkennis.referrals.matching import rank_workers
from wijkennis.referrals.models import ExperienceProfile

from .helpers import concept, profile_for, referral_for, worker


def ranked(referral):
    profiles = ExperienceProfile.objects.matchable().prefetch_related("domains")
    return rank_workers(referral, profiles)


def test_domain_language_and_wijk_rank_first_with_reasons(people):
    debts, housing = concept("Schulden"), concept("Wonen")
    best = worker(people.org_a, "Fatima")
    profile_for(best, domains=[debts], languages="Tarifit, Nederlands", wijken="Overvecht")
    other = worker(people.org_a, "Kees")
    profile_for(other, domains=[housing], languages="Tarifit")
    referral = referral_for(people, [debts], language="tarifit", wijk="Overvecht")

    suggestions = ranked(referral)

    assert [s.worker for s in suggestions] == [best, other]
    assert suggestions[0].reason_text == (
        "ervaring met schulden, spreekt tarifit, werkt in Overvecht, 4 plekken vrij"
    )
    assert suggestions[0].score == 3 + 3 + 2 + 1
    assert suggestions[1].score == 3 + 1


def test_tie_is_broken_by_caseload_then_name(people):
    debts = concept("Schulden")
    busy = worker(people.org_a, "Aart")
    profile_for(busy, domains=[debts], hours=10, extra=3)
    free = worker(people.org_a, "Zoë")
    profile_for(free, domains=[debts], hours=10, extra=1)
    also_free = worker(people.org_a, "Bea")
    profile_for(also_free, domains=[debts], hours=10, extra=1)

    suggestions = ranked(referral_for(people, [debts]))

    assert [s.worker for s in suggestions] == [also_free, free, busy]
    assert [s.caseload for s in suggestions] == [1, 1, 3]
    assert suggestions[2].free_places == 2


def test_no_suitable_worker_gives_no_suggestions(people):
    debts, housing = concept("Schulden"), concept("Wonen")
    profile_for(worker(people.org_a, "Kees"), domains=[housing], languages="Turks")
    full = worker(people.org_a, "Vol")
    profile_for(full, domains=[debts], hours=4, extra=2)  # no room: 4 h = 2 clients

    assert ranked(referral_for(people, [debts], language="Tarifit")) == []


def test_language_alone_is_enough_to_fit(people):
    debts, housing = concept("Schulden"), concept("Wonen")
    speaker = worker(people.org_a, "Kees")
    profile_for(speaker, domains=[housing], languages="Turks")

    suggestions = ranked(referral_for(people, [debts], language="Turks"))

    assert [s.worker for s in suggestions] == [speaker]
    assert "experience with" not in suggestions[0].reason_text
