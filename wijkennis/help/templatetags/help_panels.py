from django import template

from wijkennis.help.content import panel_for

register = template.Library()


@register.simple_tag(takes_context=True)
def page_help(context):
    """The "Hoe werkt dit?" panel for the page being shown (a `Panel`), or None.

    Chosen by the URL name of the request; pages rendered without a request (error pages
    outside a view) get none."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    return panel_for(match.view_name if match else None)
