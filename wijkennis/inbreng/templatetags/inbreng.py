"""Template helpers of inbreng: `{{ value|figure }}` shows a suppressed figure as
"fewer than 5"; `{{ share|percent }}` shows 0.83 as "83%"; `{% status_badge contribution %}`."""

from django import template
from django.utils.translation import gettext as _

from wijkennis.inbreng.models import CLOSED_STATUSES, Status
from wijkennis.inbreng.stats import MIN_GROUP

register = template.Library()


@register.filter
def figure(value):
    """A figure from `stats.accountability_figures`; `None` means too few to show."""
    if value is None:
        return _("fewer than %(n)s") % {"n": MIN_GROUP}
    return value


@register.filter
def percent(value):
    if value is None:
        return _("fewer than %(n)s") % {"n": MIN_GROUP}
    return f"{round(value * 100)}%"


@register.inclusion_tag("inbreng/_status.html")
def status_badge(contribution):
    """The status of a contribution, and an "overdue" badge when it waits too long."""
    if contribution.status in CLOSED_STATUSES:
        tone = "good"
    else:
        tone = "neutral"
    return {
        "label": Status(contribution.status).label,
        "tone": tone,
        "overdue": contribution.is_overdue(),
    }


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
