"""Optimistic locking: an edit names the version it started from, and loses to a newer one.

A form carries the version it showed as a hidden field; the service compares it inside its
transaction, with the row locked (`select_for_update`; SQLite's IMMEDIATE transactions do the
same), and raises `StaleEdit` when someone else saved in between. Nothing is overwritten
without the person having seen the other change.
"""

from django.utils.translation import gettext_lazy as _

STALE_MESSAGE = _(
    "Someone else changed this in the meantime. Your text is still here. Look at the new "
    "version, then save again if you still want your change."
)


class StaleEdit(Exception):
    """The record changed after the person opened the form."""

    def __init__(self, current_version: int, message=STALE_MESSAGE):
        super().__init__(str(message))
        self.current_version = current_version
        self.message = message
