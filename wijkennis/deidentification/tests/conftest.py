"""Shared set-up for the de-identification tests.

These tests need no database. They run with the project's settings, or with no
settings at all (``-o DJANGO_SETTINGS_MODULE=``): then a minimal configuration
with just this app is set up here, so ``call_command`` works.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import django
import pytest
from django.conf import settings

if not os.environ.get("DJANGO_SETTINGS_MODULE") and not settings.configured:
    settings.configure(
        INSTALLED_APPS=["wijkennis.deidentification"],
        DATABASES={},
        USE_TZ=True,
    )
    django.setup()

from wijkennis.deidentification import engine  # noqa: E402 - needs settings first

# Quality tables collected during the run, printed in the terminal summary so they
# show in a plain `pytest -q` run as well (no -s needed).
_REPORTS: list[tuple[str, str]] = []


@pytest.fixture(scope="session", autouse=True)
def deducer_load_seconds() -> float:
    """Load deduce once for the whole session (~8 s from cache, ~90 s the first time)."""
    started = time.perf_counter()
    engine.warm_up()
    return time.perf_counter() - started


@pytest.fixture
def report() -> Callable[[str, str], None]:
    def add(title: str, body: str) -> None:
        _REPORTS.append((title, body))

    return add


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for title, body in _REPORTS:
        terminalreporter.write_sep("=", title)
        terminalreporter.write_line(body)
