"""Two-factor sign-in with an authenticator app (TOTP, django-otp): who may use it, setting it
up, switching it off. Views and tests call these functions."""

from __future__ import annotations

import base64

import segno
from django.db import transaction
from django.utils.safestring import SafeString, mark_safe
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkennis.core.models import record_event
from wijkennis.organisations.models import Role, has_role

# Offered to people who manage others or the site (optional for them; never forced).
TWOFACTOR_ROLES = frozenset({Role.COORDINATOR, Role.BEHEERDER})
DEVICE_NAME = "authenticator"


def may_use_twofactor(user) -> bool:
    return user.is_authenticated and (user.is_staff or has_role(user, TWOFACTOR_ROLES))


def confirmed_device(user) -> TOTPDevice | None:
    if not getattr(user, "pk", None):
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    """The device being set up: made once, kept until confirmed, so reloading the page does
    not change the QR code someone just scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def qr_svg(device: TOTPDevice) -> SafeString:
    """The QR code for the authenticator app as inline SVG (no script, no image request)."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, light="#fff", title="QR code"
    )
    return mark_safe(svg)  # noqa: S308 - segno's own SVG; the URL inside is escaped by segno


def manual_key(device: TOTPDevice) -> str:
    """The secret in the form authenticator apps accept when typed: base32 in groups of 4."""
    key = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def clean_code(code: str) -> str:
    return "".join(ch for ch in (code or "") if ch.isdigit())


def check_code(device: TOTPDevice, code: str) -> bool:
    """True when the code is right. django-otp counts wrong codes and makes the next try wait
    longer (1, 2, 4, … seconds); while it waits, even a right code is refused."""
    code = clean_code(code)
    if not code:
        return False
    return bool(device.verify_token(code))


def is_throttled(device: TOTPDevice) -> bool:
    allowed, _info = device.verify_is_allowed()
    return not allowed


@transaction.atomic
def confirm_device(user, device: TOTPDevice, code: str) -> bool:
    if device.user_id != user.pk or device.confirmed or not check_code(device, code):
        return False
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    record_event(user, "twofactor.enabled", user)
    return True


@transaction.atomic
def disable_twofactor(user, code: str) -> bool:
    device = confirmed_device(user)
    if device is None or not check_code(device, code):
        return False
    TOTPDevice.objects.filter(user=user).delete()
    record_event(user, "twofactor.disabled", user)
    return True
