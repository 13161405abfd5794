from django import template

from ..amounts import format_amount

register = template.Library()


@register.filter
def euro(amount) -> str:
    """ "€ 1.234,56" (Dutch notation, whatever the active language)."""
    return "" if amount is None else format_amount(amount)
