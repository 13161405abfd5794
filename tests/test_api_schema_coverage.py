"""`tests/test_api_schemathesis.py` fuzzes every operation of /api/schema/; this checks that the
schema holds every path the API's URL conf serves, so no API route escapes the fuzzing."""

import re

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver

from tests.test_api_schemathesis import schema

# Not operations: the browsable root, the schema and its docs page, the catch-all 404.
NOT_OPERATIONS = {"api-root", "schema", "docs", "not-found"}


def _shape(path: str) -> str:
    """'/api/stories/{id}/' and '^stories/(?P<pk>[0-9]+)/$' both become 'stories/{}/'."""
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "{}", path)
    path = re.sub(r"\{\w+\}", "{}", path)
    return path.removeprefix("/api/").strip("^$")


def _api_paths() -> set[str]:
    api = next(
        entry
        for entry in get_resolver().url_patterns
        if isinstance(entry, URLResolver) and entry.namespace == "api"
    )
    paths = set()
    for entry in api.url_patterns:
        for pattern in getattr(entry, "url_patterns", [entry]):
            regex = pattern.pattern.regex.pattern
            if pattern.name in NOT_OPERATIONS or "<format>" in regex:
                continue  # the ".json" suffix routes serve the same operations
            paths.add(_shape(regex))
    return paths


@pytest.mark.django_db
def test_every_api_route_is_an_operation_in_the_schema_that_schemathesis_calls():
    document = Client().get("/api/schema/", HTTP_ACCEPT="application/json").json()
    in_schema = {_shape(path) for path in document["paths"]}
    routes = _api_paths()
    assert routes, "no API routes found"
    assert routes <= in_schema, f"not in /api/schema/: {routes - in_schema}"
    fuzzed = {_shape(operation.path) for operation in _operations()}
    assert fuzzed == in_schema


def _operations():
    for result in schema.get_all_operations():
        yield result.ok()
