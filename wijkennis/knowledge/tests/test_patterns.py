"""Patterns: counts per outcome, Wilson intervals, and never a group smaller than five."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.factories import ConceptFactory, MembershipFactory, OrganisationFactory
from wijkennis.knowledge import services
from wijkennis.knowledge.models import ExperienceReport, PatternCell
from wijkennis.knowledge.patterns import patterns_for, wilson
from wijkennis.knowledge.research import pattern_rows
from wijkennis.organisations.models import OrganisationKind, Role

KINDS = [OrganisationKind.SOCIAL_WORK, OrganisationKind.SHELTER, OrganisationKind.DEBT_SUPPORT]


@pytest.fixture
def concepts(db):
    return {
        "post": ConceptFactory(slug="post", pref_label="Ongeopende post"),
        "samen": ConceptFactory(
            slug="samen", pref_label="Samen de post openen", scheme="methodiek"
        ),
    }


def reporters(count, kind=OrganisationKind.SOCIAL_WORK):
    organisation = OrganisationFactory(kind=kind)
    return [
        MembershipFactory(organisation=organisation, role=Role.ERVARINGSWERKER).user
        for _ in range(count)
    ]


@pytest.mark.parametrize(
    ("successes", "total", "low", "high"),
    [
        (0, 10, 0.0, 0.2775),  # textbook values of the Wilson interval
        (10, 10, 0.7225, 1.0),
        (19, 23, 0.6286, 0.9302),  # worked out by hand in the test's docstring below
        (5, 10, 0.2366, 0.7634),
    ],
)
def test_wilson_interval(successes, total, low, high):
    """19 of 23: p = .8261, z² = 3.8415; centre = (p + z²/46) / (1 + z²/23) = .7794,
    margin = z·√(p(1−p)/23 + z²/2116) / (1 + z²/23) = .1508."""
    assert wilson(successes, total) == pytest.approx((low, high), abs=1e-4)


def test_a_pattern_counts_people_and_says_it_plainly(concepts):
    people = reporters(23)
    outcomes = ["hielp"] * 19 + ["maakte_niet_uit"] * 3 + ["maakte_erger"]
    for person, outcome in zip(people, outcomes, strict=True):
        services.submit_report(
            person, situation=concepts["post"], tried=concepts["samen"], outcome=outcome
        )
    # A person who reports again replaces their earlier report: still 23 people.
    services.submit_report(
        people[-1], situation=concepts["post"], tried=concepts["samen"], outcome="hielp"
    )
    [pattern] = patterns_for(concepts["post"])
    assert (pattern.total, pattern.helped, pattern.no_difference, pattern.worse) == (23, 20, 3, 0)
    assert pattern.interval == pytest.approx(wilson(20, 23))
    sentence = pattern.sentence
    assert "23" in sentence and "20" in sentence and "Samen de post openen" in sentence
    assert ExperienceReport.objects.count() == 23


def test_free_text_groups_by_its_words_and_small_groups_are_hidden(concepts):
    for person in reporters(5):
        services.submit_report(
            person, situation=concepts["post"], tried_text="  Een  vaste DAG ", outcome="hielp"
        )
    for person in reporters(4):
        services.submit_report(
            person, situation=concepts["post"], tried_text="bellen", outcome="hielp"
        )
    assert [(p.tried, p.total) for p in patterns_for(concepts["post"])] == [("Een vaste DAG", 5)]


def test_refresh_gives_the_same_counts(concepts):
    for person in reporters(6) + reporters(5, OrganisationKind.SHELTER):
        services.submit_report(
            person, situation=concepts["post"], tried=concepts["samen"], outcome="hielp"
        )
    before = sorted(PatternCell.objects.values_list("organisation_kind", "helped"))
    services.refresh_patterns()
    assert sorted(PatternCell.objects.values_list("organisation_kind", "helped")) == before


@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sizes=st.lists(st.integers(min_value=0, max_value=8), min_size=3, max_size=3))
def test_no_view_or_difference_of_views_reveals_a_small_group(concepts, sizes):
    """Any shown number is 0 or ≥ 5, and so is what is left when one subtracts any set of
    filtered views from the unfiltered one (the people in none of them)."""
    PatternCell.objects.all().delete()
    ExperienceReport.objects.all().delete()
    for kind, size in zip(KINDS, sizes, strict=True):
        for person in reporters(size, kind):
            services.submit_report(
                person, situation=concepts["post"], tried=concepts["samen"], outcome="hielp"
            )
    views = [None, *KINDS]
    totals = {view: sum(p.total for p in patterns_for(concepts["post"], view)) for view in views}
    # The research export shows exactly the same groups, whatever kinds exist.
    exported = {(row["organisation_kind"], row["people"]) for row in pattern_rows()}
    assert exported == {(view or "all", total) for view, total in totals.items() if total}
    for view, total in totals.items():
        assert total == 0 or total >= 5, (sizes, view, total)
    for subset in itertools.chain.from_iterable(
        itertools.combinations(KINDS, n) for n in range(1, len(KINDS) + 1)
    ):
        if totals[None]:
            rest = totals[None] - sum(totals[kind] for kind in subset)
            assert rest == 0 or rest >= 5, (sizes, subset, totals)


def test_the_advice_card_keeps_its_patterns_until_a_report_or_a_label_changes(client, concepts):
    post, samen = concepts["post"], concepts["samen"]
    people = reporters(6)
    for person in people[:5]:
        services.submit_report(person, situation=post, tried=samen, outcome="hielp")
    client.force_login(people[0])

    def card() -> str:
        return client.get(f"/wij-kennis/situatie/{post.slug}/").content.decode()

    assert "Van de 5 mensen die “Samen de post openen” probeerden" in card()
    with CaptureQueriesContext(connection) as queries:
        card()
    assert not [query for query in queries if "knowledge_patterncell" in query["sql"]]

    services.submit_report(people[5], situation=post, tried=samen, outcome="hielp")
    assert "Van de 6 mensen die “Samen de post openen” probeerden" in card()
    samen.pref_label = "Samen openen"
    samen.save()
    assert "Van de 6 mensen die “Samen openen” probeerden" in card()
    ExperienceReport.objects.filter(reporter=people[5]).delete()  # the cells don't know…
    services.refresh_patterns()  # …until they are recounted
    assert "Van de 5 mensen die “Samen openen” probeerden" in card()
