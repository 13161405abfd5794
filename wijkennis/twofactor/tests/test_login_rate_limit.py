"""Login limits: per IP address across e-mail addresses (django-ratelimit) and per address +
IP (django-axes). Each test uses its own IP address, so the counts never leak into others."""

import pytest
from django.urls import reverse

from conftest import PASSWORD

from .helpers import confirmed_device_for, wrong_code

pytestmark = pytest.mark.django_db


def attempt(client, email, password, ip):
    return client.post(
        reverse("accounts:login"), {"username": email, "password": password}, REMOTE_ADDR=ip
    )


def test_one_ip_trying_many_addresses_gets_429(client, people, settings):
    settings.WIJKENNIS_LOGIN_RATE = "3/m"
    ip = "203.0.113.10"
    # Four different addresses, one wrong password each: axes (per address) never triggers.
    for number in range(4):
        response = attempt(client, f"iemand{number}@a.test", "fout", ip)
        assert response.status_code == 200
    response = attempt(client, "anouk@a.test", PASSWORD, ip)
    assert response.status_code == 429
    assert b"data-rate-limited" in response.content
    assert b'lang="nl"' in response.content  # the site's own page, in Dutch
    assert "_auth_user_id" not in client.session  # even the right password waits
    # Another IP address is not affected.
    assert attempt(client, "anouk@a.test", PASSWORD, "203.0.113.11").status_code == 302


def test_successful_logins_do_not_count(client, people, settings):
    """An office where many people sign in behind one address is never blocked."""
    settings.WIJKENNIS_LOGIN_RATE = "3/m"
    for _attempt in range(6):
        client.logout()
        assert attempt(client, "anouk@a.test", PASSWORD, "203.0.113.20").status_code == 302


def test_wrong_two_factor_codes_count_too(client, people, settings):
    settings.WIJKENNIS_LOGIN_RATE = "3/m"
    ip = "203.0.113.30"
    device = confirmed_device_for(people.coordinator)
    assert attempt(client, "coordinator@a.test", PASSWORD, ip).status_code == 302
    for _attempt in range(4):
        device.throttle_reset()  # only the IP limit is tested here, not django-otp's wait
        client.post(reverse("twofactor:verify"), {"code": wrong_code(device)}, REMOTE_ADDR=ip)
    response = client.post(reverse("twofactor:verify"), {"code": "000000"}, REMOTE_ADDR=ip)
    assert response.status_code == 429


def test_axes_still_locks_one_address_after_five_failures(client, people, settings):
    ip = "203.0.113.40"
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "anouk@a.test", "fout", ip)
    response = attempt(client, "anouk@a.test", PASSWORD, ip)
    assert response.status_code == 429
    assert b"data-rate-limited" not in response.content  # axes' own lockout page
    assert "_auth_user_id" not in client.session
