from django import template

from wijkennis.twofactor.services import confirmed_device, may_use_twofactor

register = template.Library()


@register.inclusion_tag("twofactor/_button.html")
def twofactor_button(user):
    """A button to the two-step sign-in page, only for people it is offered to.
    Variables in the template: show, enabled."""
    show = may_use_twofactor(user)
    return {"show": show, "enabled": show and confirmed_device(user) is not None}
