from django import template

from ..models import OidcProvider

register = template.Library()


@register.inclusion_tag("sso/_login_option.html", takes_context=True)
def sso_login_option(context):
    """The "log in with your organisation account" block for the login page (one query).
    Variables passed on: show, next."""
    return {
        "show": OidcProvider.objects.enabled().exists(),
        "next": context.get("next", ""),
    }
