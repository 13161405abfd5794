"""Site-wide security helpers: the Content-Security-Policy middleware, the CSRF failure page,
the login rate limit and checks for uploaded files (issue 11, docs/operations/security.md)."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django import forms
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited

logger = logging.getLogger(__name__)


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, plus one exception: a person who signed in through their
    organisation's provider signs out there too (a POST that redirects to the provider), so
    the provider's address joins form-action on their pages. Chrome applies form-action to
    the redirect after a form post."""

    def get_policy_parts(self, request, response, report_only: bool = False):
        parts = super().get_policy_parts(request, response, report_only)
        origin = _provider_logout_origin(request)
        if origin and not report_only:
            update = dict(parts.update or {})
            update["form-action"] = [*update.get("form-action", []), origin]
            parts.update = update
        return parts


def _provider_logout_origin(request) -> str:
    from wijkennis.sso.models import OidcProvider
    from wijkennis.sso.services import SESSION_ID_TOKEN, SESSION_PROVIDER

    session = getattr(request, "session", None)
    if session is None or not session.get(SESSION_ID_TOKEN):
        return ""
    provider_id = session.get(SESSION_PROVIDER)
    endpoint = (
        OidcProvider.objects.filter(pk=provider_id)
        .values_list("end_session_endpoint", flat=True)
        .first()
        if provider_id
        else None
    )
    if not endpoint:
        return ""
    parts = urlsplit(endpoint)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def csrf_failure(request, reason: str = ""):
    """CSRF_FAILURE_VIEW: the site's own 403 page with a plain message. The reason is for the
    log only (it names no personal data)."""
    return render(request, "security/csrf_failure.html", status=403)


def login_rate_limited(request, *, count_failure: bool = False) -> bool:
    """True when this IP address had more failed sign-ins (wrong password or wrong code) than
    WIJKENNIS_LOGIN_RATE allows, whatever e-mail addresses it tried. django-axes also locks
    one address + IP after 5 failures. Only failures count, so an office where many people
    sign in at nine o'clock behind one address is never blocked.
    Call with count_failure=True after a failed attempt to count it."""
    return is_ratelimited(
        request,
        group="wijkennis.login",
        key="ip",
        rate=settings.WIJKENNIS_LOGIN_RATE,
        method=ALL,
        increment=count_failure,
    )


def rate_limited_response(request):
    return render(request, "security/rate_limited.html", status=429)


# Uploads ---------------------------------------------------------------------------------

# The first bytes of file types that are never text, a CSV or a SKOS/RDF file.
BINARY_SIGNATURES = (
    b"%PDF",
    b"PK\x03\x04",  # zip, docx, xlsx
    b"\x89PNG",
    b"\xff\xd8\xff",  # jpeg
    b"GIF8",
    b"MZ",  # Windows programs
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",  # old Word and Excel
    b"\x1f\x8b",  # gzip
)


def is_plain_text(data: bytes) -> bool:
    """Whether these bytes look like text (any common encoding), judged by content, not by
    the file name: no known binary signature and no NUL bytes (UTF-16 files have a BOM)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if data.startswith(BINARY_SIGNATURES):
        return False
    return b"\x00" not in data


def check_text_upload(upload, *, max_bytes: int) -> None:
    """Raise a ValidationError with a plain message when an uploaded file is too big or is not
    a text file. Leaves the file at its start for the reader that follows."""
    if upload.size > max_bytes:
        raise forms.ValidationError(
            _("This file is too big. The limit is %(limit)s MB. Choose a smaller file.")
            % {"limit": _megabytes(max_bytes)},
            code="too_big",
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if not is_plain_text(head):
        raise forms.ValidationError(
            _("This is not a text file. Choose a text file, or copy the text into the box."),
            code="not_text",
        )


def _megabytes(size: int) -> str:
    value = size / 1_048_576
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
