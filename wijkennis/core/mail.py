"""E-mail as background work: messages are built where they happen, sent by `send_emails`.

Callers build `EmailMessage`s (rendered in the site's language, as before) and hand them to
`queue_emails`; in process they are sent at once (or after the commit), with Celery a worker
sends them. Only subject, body, sender and recipients travel; no attachments.
"""

import contextlib
import contextvars

from django.core.mail import EmailMessage, get_connection

from .tasks import background, run_task

_silenced = contextvars.ContextVar("mail_silenced", default=False)


@contextlib.contextmanager
def mail_silenced():
    """No e-mail inside this block (in-app notifications still): for demo data."""
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


def as_dict(message: EmailMessage) -> dict:
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
    }


@background
def send_emails(messages: list[dict]) -> int:
    """Send plain e-mails given as dicts (see `as_dict`); returns how many were sent."""
    return get_connection().send_messages([EmailMessage(**message) for message in messages]) or 0


def queue_emails(messages: list[EmailMessage], *, after_commit: bool = False) -> None:
    if messages and not _silenced.get():
        run_task(send_emails, [as_dict(m) for m in messages], after_commit=after_commit)
