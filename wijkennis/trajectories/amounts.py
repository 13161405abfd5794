"""Amounts in Dutch notation: "1.234,56" in, "€ 1.234,56" out.

A point groups thousands and a comma separates the cents, as on Dutch letters. Input that could
be read two ways ("12.34.5", "1.5") is refused rather than guessed.
"""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_AMOUNT = Decimal("9999999999.99")  # fits Decimal(12, 2)
# Whole euros: plain digits, or groups of three separated by points; then ",dd" or ",d".
_DUTCH = re.compile(r"^(?P<whole>\d+|\d{1,3}(?:\.\d{3})+)(?:,(?P<cents>\d{1,2}))?$")


def parse_amount(text: str) -> Decimal:
    """Read an amount written the Dutch way; raise ValidationError with a plain message."""
    cleaned = (text or "").strip().replace("€", "").replace("EUR", "").strip()
    cleaned = cleaned.replace(" ", "").replace("\u00a0", "")
    if cleaned.endswith(",-"):  # "12,-" is how whole euros are often written
        cleaned = cleaned[:-2]
    if not cleaned:
        raise ValidationError(_("Fill in an amount, for example 1.234,56."), code="required")
    if cleaned.startswith("-"):
        raise ValidationError(_("An amount cannot be negative."), code="negative")
    match = _DUTCH.match(cleaned)
    if not match:
        if re.fullmatch(r"\d[\d.]*,\d{3,}", cleaned):
            raise ValidationError(
                _("An amount has at most two digits after the comma, for example 12,50."),
                code="decimals",
            )
        raise ValidationError(
            _(
                "This is not an amount we can read. Write it like 1.234,56: a point between "
                "thousands, a comma before the cents."
            ),
            code="invalid",
        )
    amount = Decimal(match["whole"].replace(".", "") + "." + (match["cents"] or "0"))
    amount = amount.quantize(Decimal("0.01"))
    if amount > MAX_AMOUNT:
        raise ValidationError(_("This amount is too large."), code="too_large")
    return amount


def format_amount(amount: Decimal) -> str:
    """ "€ 1.234,56" – always two decimals, points between thousands."""
    text = f"{Decimal(amount):,.2f}"  # 1,234.56
    return "€ " + text.replace(",", "_").replace(".", ",").replace("_", ".")


def format_plain(amount: Decimal) -> str:
    """ "1.234,56" – for putting an amount back into a form field."""
    return format_amount(amount)[2:]
