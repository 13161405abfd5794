"""Dashboard figures from the shared cache (dashboards.caching): the same as computed afresh,
after every kind of change, and never older than the last counted row."""

import datetime

import pytest
from django.contrib.auth.models import update_last_login
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import StoryFactory
from wijkennis.dashboards import access
from wijkennis.dashboards.caching import sections_for, sections_html
from wijkennis.dashboards.figures import dashboard_sections
from wijkennis.dashboards.tables import Period
from wijkennis.stories import services as story_services
from wijkennis.stories.models import Visibility

pytestmark = pytest.mark.django_db
YEAR = Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


def shared_story(people, day: int):
    return StoryFactory(
        author=people.anouk,
        organisation=people.org_a,
        published=True,
        published_at=datetime.datetime(2026, 3, day, 12, tzinfo=datetime.UTC),
        visibility=Visibility.NETWORK,
    )


def cached_and_fresh(people):
    scope = access.organisation_scope(people.coordinator, people.org_a.pk)
    return sections_for(scope, YEAR), dashboard_sections(scope, YEAR)


def story_rows_read(people) -> int:
    scope = access.organisation_scope(people.coordinator, people.org_a.pk)
    with CaptureQueriesContext(connection) as captured:
        sections_for(scope, YEAR)
    return sum('"stories_story"' in query["sql"] for query in captured)


def test_the_second_look_counts_nothing_and_shows_the_same(people):
    for day in range(1, 7):
        shared_story(people, day)
    assert story_rows_read(people) > 0
    assert story_rows_read(people) == 0
    cached, fresh = cached_and_fresh(people)
    assert cached == fresh


def test_a_new_and_an_erased_story_count_at_once(people):
    stories = [shared_story(people, day) for day in range(1, 6)]
    before, _fresh = cached_and_fresh(people)
    shared_story(people, 20)
    cached, fresh = cached_and_fresh(people)
    assert cached == fresh and cached != before
    story_services.erase_story(people.anouk, stories[0])
    cached, fresh = cached_and_fresh(people)
    assert cached == fresh and cached == before


def test_a_sign_in_does_not_empty_the_cache(people):
    shared_story(people, 1)
    story_rows_read(people)
    update_last_login(None, people.anouk)  # what Django does at every sign-in
    assert story_rows_read(people) == 0


def test_the_rendered_sections_follow_a_change(people):
    for day in range(1, 6):
        shared_story(people, day)
    scope = access.organisation_scope(people.coordinator, people.org_a.pk)
    first = sections_html(scope, YEAR)
    shared_story(people, 20)
    after = sections_html(scope, YEAR)
    cache.clear()
    assert after == sections_html(scope, YEAR) != first
