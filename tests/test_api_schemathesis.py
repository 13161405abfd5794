"""schemathesis fuzzes every operation of /api/schema/: no 5xx, responses match the schema.

Not checked: `positive_data_acceptance` (the schema cannot say which concept slugs or story ids
exist, so a schema-valid request may rightly get a 400/404 with a reason) and
`negative_data_rejection` (form-encoded bodies arrive as strings that DRF converts, e.g. "1" for
an integer, which that check counts as accepting invalid data). Examples are derandomized so CI
runs the same cases every time; a new failure shows up when the schema or the code changes.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from wijkennis.config.wsgi import application  # noqa: E402
from wijkennis.search.indexing import update_story
from wijkennis.stories.models import Visibility
from wijkennis.vocabulary.services import load_seed_vocabulary

from .factories import StoryFactory

# Loading the schema renders /api/schema/, which needs no database.
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture(autouse=True)
def keep_the_test_transaction():
    # Calling the WSGI app directly fires request_finished, which would close the test's
    # connection mid-transaction; Django's own test client unhooks this the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def stories(people):
    load_seed_vocabulary()
    for visibility in Visibility:
        story = StoryFactory(
            author=people.anouk,
            organisation=people.org_a,
            published=True,
            visibility=visibility,
            body="Schulden en de deurwaarder.",
        )
        update_story(story)


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_has_no_server_errors_and_keeps_its_schema(case, people, stories):
    token, _created = Token.objects.get_or_create(user=people.anouk)
    case.call_and_validate(
        headers={"Authorization": f"Token {token.key}"},
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_headers_conformance,
            response_schema_conformance,
        ],
    )
