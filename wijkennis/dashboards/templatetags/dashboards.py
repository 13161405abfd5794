"""`{% load dashboards %}{% has_dashboard user as show_dashboards %}`: whether to offer the
dashboards in the menu (the same rule as the pages, from `access.py`)."""

from django import template

from wijkennis.dashboards import access
from wijkennis.organisations.models import KWARTIER_ROLES, Role, has_role

register = template.Library()
DASHBOARD_ROLES = {*KWARTIER_ROLES, Role.BELEIDSMEDEWERKER}


@register.simple_tag
def has_dashboard(user) -> bool:
    # Asked on every page: most people hold no role with a dashboard, so no query for them.
    if not (has_role(user, DASHBOARD_ROLES) or access.is_beheerder(user)):
        return False
    return (
        access.dashboard_organisations(user).exists()
        or access.dashboard_municipalities(user).exists()
    )
