"""Background work through one interface: in this process by default, Celery in production.

A function that may run in the background is marked with `@background`; callers hand it to
`run_task`:

    @background
    def refresh_patterns() -> int: ...

    run_task(refresh_patterns)

- `WIJKENNIS_TASKS = "inprocess"` (the default, and the local demo): the function runs here and
  now, inside the caller's transaction, exactly as a plain call would; with `after_commit=True`
  it runs once the transaction commits (not at all when it is rolled back).
- `WIJKENNIS_TASKS = "celery"` (set when `CELERY_BROKER_URL` is set): the function's dotted
  path and its arguments go to the Celery queue once the transaction commits (a worker must see
  the committed rows); a worker (`celery -A wijkennis.config worker`) runs it. Arguments must be
  JSON: ids, strings, numbers, lists and dicts; never a model instance.

The worker runs only functions marked `@background`: a message naming anything else is refused.
"""

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

MARK = "wijkennis_background"
CELERY_TASK = "wijkennis.run"  # the one Celery task; it runs a marked function by its path


class NotABackgroundTask(Exception):
    """The queue named a function that is not marked `@background`."""


def background(function: Callable) -> Callable:
    """Mark `function` as allowed to run in a worker. The function itself is unchanged."""
    setattr(function, MARK, True)
    return function


def task_path(function: Callable) -> str:
    if not getattr(function, MARK, False):
        raise NotABackgroundTask(f"{function!r} is not marked @background")
    return f"{function.__module__}.{function.__qualname__}"


def uses_celery() -> bool:
    return getattr(settings, "WIJKENNIS_TASKS", "inprocess") == "celery"


def run_task(function: Callable, *args: Any, after_commit: bool = False) -> Any:
    """Run `function(*args)` in the background way this installation is set up for.

    In process: returns the function's result (None when it waits for the commit).
    Celery: returns None; the message is sent when the current transaction commits."""
    path = task_path(function)
    if uses_celery():
        transaction.on_commit(lambda: enqueue(path, list(args)))
        return None
    if after_commit:
        transaction.on_commit(lambda: function(*args))
        return None
    return function(*args)


def enqueue(path: str, args: list) -> None:
    from wijkennis.config.celery import app

    app.send_task(CELERY_TASK, args=[path, args])


def execute(path: str, args: list) -> Any:
    """What the worker does with a message: import the marked function and call it."""
    function = import_string(path)
    if not getattr(function, MARK, False):
        raise NotABackgroundTask(path)
    logger.info("background task %s", path)  # the path only: arguments may be personal
    return function(*args)
