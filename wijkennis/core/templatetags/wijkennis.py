from django import template

register = template.Library()


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
