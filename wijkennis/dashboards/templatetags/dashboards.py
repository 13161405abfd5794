"""`{% load dashboards %}{% has_dashboard user as show_dashboards %}`: whether to offer the
dashboards in the menu (the same rule as the pages, from `access.py`)."""

from django import template

from wijkennis.dashboards import access

register = template.Library()


@register.simple_tag
def has_dashboard(user) -> bool:
    return (
        access.dashboard_organisations(user).exists()
        or access.dashboard_municipalities(user).exists()
    )
