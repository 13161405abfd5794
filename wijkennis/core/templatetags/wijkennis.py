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
