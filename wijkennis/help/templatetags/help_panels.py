import functools

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from wijkennis.help.content import panel_for

register = template.Library()


@register.simple_tag(takes_context=True)
def help_panel(context) -> SafeString:
    """The "Hoe werkt dit?" panel of the page being shown (help/panel.html), or nothing.

    Chosen by the URL name of the request; pages rendered without a request (error pages
    outside a view) get none. It is the same for everyone, so each process renders it once per
    page and language (its link alone took about 80 µs of every page)."""
    match = getattr(context.get("request"), "resolver_match", None)
    return _panel_html(get_language(), match.view_name if match else None)


@functools.lru_cache(maxsize=512)
def _panel_html(language: str, view_name: str | None) -> SafeString:
    return render_to_string("help/panel.html", {"panel": panel_for(view_name, language)})
