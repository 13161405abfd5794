"""A clear 503 page when the database cannot be reached, and recovery on the next request.

`DatabaseUnavailableMiddleware` turns `django.db.OperationalError` / `InterfaceError` (the
server went away, a connection was killed, SQLite is locked) into a 503: the page "De database
is even niet bereikbaar" with the base layout, or JSON with a reason for the API. It closes
the broken connection, so Django opens a new one for the next request.

Errors raised in a view arrive through `process_exception`. Errors raised earlier, in other
middleware (reading the session is usually the first query), are turned into a 500 response by
Django before they reach us; the `got_request_exception` receiver marks such a request, and the
500 is replaced by the 503 page on the way out. Whatever a failed write had started was in a
transaction, so it was rolled back with the connection: nothing is half-written.
"""

import logging
import sys

from django.contrib.auth.models import AnonymousUser
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connections
from django.dispatch import receiver
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

logger = logging.getLogger("wijkennis.database")

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 10
_MARK = "_wijkennis_database_unavailable"


def close_broken_connections() -> None:
    """Drop connections that no longer work; Django reconnects on the next query."""
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None and not connection.is_usable():
            connection.close()


@receiver(got_request_exception, dispatch_uid="wijkennis-database-unavailable")
def _mark_database_error(sender, request=None, **kwargs) -> None:
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        setattr(request, _MARK, True)


def _wants_json(request) -> bool:
    return request.path.startswith("/api/") or "application/json" in request.headers.get(
        "Accept", ""
    )


def unavailable_response(request) -> HttpResponse:
    close_broken_connections()
    if _wants_json(request):
        response = JsonResponse(
            {
                "detail": _("The database cannot be reached right now. Try again soon."),
                "reason": "database_unavailable",
            },
            status=503,
        )
    else:
        # Shown as to a visitor: the person's session lives in the database that is away.
        request.user = AnonymousUser()
        try:
            html = render_to_string(
                "core/database_unavailable.html", {"messages": ()}, request=request
            )
        except DATABASE_ERRORS:
            close_broken_connections()
            html = render_to_string("core/database_unavailable_plain.html")
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, _MARK, False):
            return unavailable_response(request)
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        # The error's text names the server, never the request's data.
        logger.warning("Database unavailable during %s: %s", request.path, type(exception).__name__)
        return unavailable_response(request)
