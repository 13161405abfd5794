"""`{% load invitations %}{% can_invite user as show_invitations %}`: whether to offer the
invitations page in the menu (coordinators, beheerders and staff; at most one query)."""

from django import template

from wijkennis.invitations import models

register = template.Library()


@register.simple_tag
def can_invite(user) -> bool:
    return models.can_invite(user)
