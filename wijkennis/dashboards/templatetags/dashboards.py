"""`{% load dashboards %}{% has_dashboard user as show_dashboards %}`: whether to offer the
dashboards in the menu (the same rule as the pages, from `access.py`)."""

from django import template

from wijkennis.dashboards import access
from wijkennis.organisations.models import KWARTIER_ROLES, Role, has_role

register = template.Library()


@register.simple_tag
def has_dashboard(user) -> bool:
    # Asked on every page: from the memberships read anyway, a query only for the rare roles
    # whose answer depends on other rows.
    if access.is_beheerder(user):
        return (
            access.dashboard_organisations(user).exists()
            or access.dashboard_municipalities(user).exists()
        )
    if has_role(user, KWARTIER_ROLES):
        return True  # their own organisation's dashboard
    policy_officer = has_role(user, {Role.BELEIDSMEDEWERKER})
    return policy_officer and access.dashboard_municipalities(user).exists()
