"""Writes of inbreng. Errors are one `ValidationError` whose keys name the form field; a user
who may see a contribution but not do this to it gets `PermissionDenied`.

Who does what:
- an ervaringswerker (or coordinator) records their own inbreng; a coordinator also records it
  for an ervaringswerker of their organisation (`record_contribution`);
- the receiving side (members of the recipient organisation, the named recipient) answers,
  changes the status and keeps milestones (`add_update`, `change_status`, `add_milestone`,
  `update_milestone`);
- the contributor gives an opinion on the answer and may ask to reopen (`rate_answer`, `reopen`);
- the scheduler sends reminders and weekly digests (`send_reminders`, `send_digests`).
Every answer notifies the contributor; new, reminded and reopened inbreng notify the recipients.
"""

from .contributions import (
    add_milestone,
    add_update,
    change_status,
    contributor_organisations,
    rate_answer,
    record_contribution,
    reopen,
    update_milestone,
    workers_for,
)
from .periodic import digest_for, iso_week, send_digests, send_reminders

__all__ = [
    "add_milestone",
    "add_update",
    "change_status",
    "contributor_organisations",
    "digest_for",
    "iso_week",
    "rate_answer",
    "record_contribution",
    "reopen",
    "send_digests",
    "send_reminders",
    "update_milestone",
    "workers_for",
]
