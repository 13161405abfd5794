"""`inbreng_unread`: the number of unread inbreng messages, for a badge in the menu.

To use it, add "wijkennis.inbreng.context_processors.inbreng_unread" to the template
context processors; templates then have `inbreng_unread` (0 for visitors).
"""

from .models import unread_count


def inbreng_unread(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"inbreng_unread": 0}
    return {"inbreng_unread": unread_count(user)}
