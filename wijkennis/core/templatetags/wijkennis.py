import functools
import re

from django import template
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()
CAPTION = re.compile(r"<caption[^>]*>(.*?)</caption>", re.S)


@register.simple_tag(takes_context=True)
def main_menu(context, show_dashboards: bool, show_invitations: bool) -> SafeString:
    """The main menu (components/main_menu.html). It is the same for everyone in the same state,
    so each process renders it once per state: every page shows it, and its 17 links and labels
    took about a third of the page frame's time."""
    match = getattr(context.get("request"), "resolver_match", None)
    return _menu(
        get_language(),
        (match.app_name or None) if match else None,  # None: no menu item is "current"
        match.url_name if match else None,
        bool(context["user"].is_authenticated),
        context.get("inbreng_unread", 0),
        bool(show_dashboards),
        bool(show_invitations),
    )


# The page frame's links and files, on every page: each {% url %} or {% static %} took about
# 20 µs, a tenth of the search page's time. They are fixed per process (and script prefix).
@register.simple_tag
def frame_url(name: str) -> str:
    """`{% url name %}` for a page without arguments, worked out once per process."""
    return _frame_url(get_script_prefix(), name)


@register.simple_tag
def frame_static(path: str) -> str:
    """`{% static path %}`, worked out once per process."""
    return _frame_static(path)


@functools.lru_cache(maxsize=64)
def _frame_url(script_prefix: str, name: str) -> str:
    return reverse(name)  # `script_prefix` keys the cache; reverse() uses the active one


@functools.lru_cache(maxsize=64)
def _frame_static(path: str) -> str:
    return static(path)


@functools.lru_cache(maxsize=1024)
def _menu(language, app_name, url_name, signed_in, inbreng_unread, show_dashboards, invitations):
    # `language` only keys the cache: the template renders in the active one, which it is.
    context = {
        "app_name": app_name,
        "url_name": url_name,
        "signed_in": signed_in,
        "inbreng_unread": inbreng_unread,
        "show_dashboards": show_dashboards,
        "show_invitations": invitations,
    }
    return render_to_string("components/main_menu.html", context)


@register.simple_tag
def field_widget(field):
    """Render a widget with the ARIA attributes that link it to its help text and errors."""
    attrs = {}
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_help")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.simple_tag
def query_with(request, **changes):
    """The current query string with some parameters replaced (for pagination links)."""
    params = request.GET.copy()
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


@register.simple_tag
def toggle_concept(request, slug):
    """The current query string with concept `slug` switched on or off (facet links)."""
    params = request.GET.copy()
    chosen = params.getlist("onderwerp")
    params.setlist(
        "onderwerp", [c for c in chosen if c != slug] if slug in chosen else [*chosen, slug]
    )
    params.pop("page", None)
    return params.urlencode()


@register.tag
def scrolling_table(parser, token):
    """`{% scrolling_table [label] %}<table>…</table>{% endscrolling_table %}`: on a narrow
    screen the table scrolls sideways on its own instead of widening the page (WCAG 1.4.10,
    reflow at 320 px). The scroll area takes keyboard focus, so it can be scrolled without a
    mouse, and is named after the table's caption unless a label is given."""
    bits = token.split_contents()
    label = parser.compile_filter(bits[1]) if len(bits) > 1 else None
    nodelist = parser.parse(("endscrolling_table",))
    parser.delete_first_token()
    return ScrollingTableNode(nodelist, label)


class ScrollingTableNode(template.Node):
    def __init__(self, nodelist, label):
        self.nodelist, self.label = nodelist, label

    def render(self, context):
        table = self.nodelist.render(context)  # escaped as every template output
        if self.label is not None:
            label = str(self.label.resolve(context))
        else:
            caption = CAPTION.search(table)
            label = strip_tags(caption.group(1)) if caption else ""
        return format_html(
            '<div class="table-scroll" role="region" tabindex="0" aria-label="{}">{}</div>',
            " ".join(label.split()),
            mark_safe(table),  # noqa: S308 - rendered by the template engine above
        )
