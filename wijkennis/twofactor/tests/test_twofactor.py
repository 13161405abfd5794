"""Optional two-step sign-in (TOTP) for coordinators and beheerders."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD
from wijkennis.core.models import AuditEvent
from wijkennis.twofactor import services
from wijkennis.twofactor.views import SESSION_PENDING

from .helpers import code_for, confirmed_device_for, fresh, wrong_code

pytestmark = pytest.mark.django_db


def password_step(client, email, password=PASSWORD, next_url=""):
    data = {"username": email, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("accounts:login"), data)


def signed_in_as(client):
    return client.get(reverse("stories:mine")).status_code == 200


def test_offered_to_coordinators_beheerders_and_staff_only(client, people):
    assert services.may_use_twofactor(people.coordinator)
    assert services.may_use_twofactor(people.admin)
    assert not services.may_use_twofactor(people.anouk)
    assert not services.may_use_twofactor(people.policy_officer)
    client.force_login(people.anouk)
    assert client.get(reverse("twofactor:manage")).status_code == 403
    client.force_login(people.coordinator)
    response = client.get(reverse("twofactor:manage"))
    assert response.status_code == 200
    assert b'data-twofactor="off"' in response.content


def test_setup_shows_a_qr_code_and_needs_a_right_code(client, people):
    """Coordinator Sanne scans the QR code; a wrong code keeps it off, the right one turns it on."""
    client.force_login(people.coordinator)
    page = client.get(reverse("twofactor:manage")).content.decode()
    assert "<svg" in page and "<script" not in page.split("<main", 1)[1]
    device = TOTPDevice.objects.get(user=people.coordinator, confirmed=False)
    # The page stays the same on reload: the same secret, so a scanned code keeps working.
    client.get(reverse("twofactor:manage"))
    assert TOTPDevice.objects.filter(user=people.coordinator).count() == 1

    response = client.post(reverse("twofactor:manage"), {"code": wrong_code(device)})
    assert response.status_code == 400
    assert services.confirmed_device(people.coordinator) is None

    device = fresh(device)
    response = client.post(reverse("twofactor:manage"), {"code": code_for(device)})
    assert response.status_code == 302
    assert services.confirmed_device(people.coordinator) == device
    assert AuditEvent.objects.filter(
        action="twofactor.enabled", object_id=people.coordinator.pk
    ).exists()
    assert b'data-twofactor="on"' in client.get(reverse("twofactor:manage")).content


def test_login_without_twofactor_is_one_step(client, people):
    response = password_step(client, "coordinator@a.test")
    assert response.status_code == 302
    assert signed_in_as(client)


def test_login_with_twofactor_needs_the_code(client, people):
    device = confirmed_device_for(people.coordinator)
    response = password_step(client, "coordinator@a.test", next_url="/verwijzen/")
    assert response.status_code == 302
    assert response.url == reverse("twofactor:verify")
    # The password alone does not sign in.
    assert not signed_in_as(client)
    assert client.get(reverse("twofactor:verify")).status_code == 200

    response = client.post(reverse("twofactor:verify"), {"code": code_for(device)})
    assert response.status_code == 302
    assert response.url == "/verwijzen/"  # back to where they were going
    assert signed_in_as(client)
    assert SESSION_PENDING not in client.session
    # django-otp knows this session showed a code.
    user = client.get(reverse("twofactor:manage")).wsgi_request.user
    assert user.is_verified()


def test_wrong_code_does_not_sign_in(client, people):
    device = confirmed_device_for(people.coordinator)
    password_step(client, "coordinator@a.test")
    response = client.post(reverse("twofactor:verify"), {"code": wrong_code(device)})
    assert response.status_code == 400
    assert 'name="code"' in response.content.decode()
    assert not signed_in_as(client)
    response = client.post(reverse("twofactor:verify"), {"code": "abc"})
    assert response.status_code == 400
    assert not signed_in_as(client)


def test_guessing_codes_is_slowed_down(client, people):
    """After a wrong code django-otp makes the next try wait; then even the right code fails."""
    device = confirmed_device_for(people.coordinator)
    password_step(client, "coordinator@a.test")
    for _attempt in range(3):
        client.post(reverse("twofactor:verify"), {"code": wrong_code(device)})
    device.refresh_from_db()
    # Only the first guess was checked: the next two came before the wait was over.
    assert device.throttling_failure_count == 1
    assert services.is_throttled(device)
    response = client.post(reverse("twofactor:verify"), {"code": code_for(device)})
    assert response.status_code == 400
    assert not signed_in_as(client)
    # Each wrong code doubles the wait: after 10 wrong codes it is more than 8 minutes.
    device.throttling_failure_count = 10
    device.save()
    with time_machine.travel(timezone.now() + timedelta(minutes=8)):
        assert services.is_throttled(device)
    with time_machine.travel(timezone.now() + timedelta(minutes=9)):
        assert not services.is_throttled(device)


def test_code_step_without_password_step_goes_back_to_login(client, people):
    confirmed_device_for(people.coordinator)
    response = client.post(reverse("twofactor:verify"), {"code": "123456"})
    assert response.status_code == 302
    assert response.url == reverse("accounts:login")
    assert not signed_in_as(client)


def test_next_to_another_site_is_ignored(client, people):
    device = confirmed_device_for(people.coordinator)
    password_step(client, "coordinator@a.test", next_url="https://evil.example/")
    response = client.post(reverse("twofactor:verify"), {"code": code_for(device)})
    assert response.status_code == 302
    assert response.url == reverse("core:home")


def test_switch_off_needs_a_right_code(client, people):
    device = confirmed_device_for(people.coordinator)
    client.force_login(people.coordinator)
    response = client.post(reverse("twofactor:disable"), {"code": wrong_code(device)})
    assert response.status_code == 400
    assert services.confirmed_device(people.coordinator) is not None
    device = fresh(device)
    response = client.post(reverse("twofactor:disable"), {"code": code_for(device)})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=people.coordinator).exists()
    assert AuditEvent.objects.filter(action="twofactor.disabled").exists()
    # From now on the password is enough again.
    client.logout()
    password_step(client, "coordinator@a.test")
    assert signed_in_as(client)


def test_sso_sign_in_is_not_asked_for_a_code(client, people, settings):
    """Signing in through the organisation's provider (wijkennis.sso) never reaches the code
    step: that provider does the second factor. The login() it does is a full sign-in."""
    confirmed_device_for(people.coordinator)
    from django.contrib.auth import login
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.session = client.session
    login(request, people.coordinator, backend="wijkennis.sso.auth.OrganisationOIDCBackend")
    request.session.save()
    client.cookies["sessionid"] = request.session.session_key
    assert signed_in_as(client)


def test_my_data_page_links_to_it_only_for_those_it_is_offered_to(client, people):
    client.force_login(people.coordinator)
    assert b'data-nav="twofactor"' in client.get(reverse("mydata:overview")).content
    client.force_login(people.anouk)
    assert b'data-nav="twofactor"' not in client.get(reverse("mydata:overview")).content


def test_data_export_shows_it_without_the_secret_and_deleting_the_account_removes_it(
    client, people
):
    from wijkennis.mydata.services import delete_account

    device = confirmed_device_for(people.coordinator)
    client.force_login(people.coordinator)
    export = client.get(reverse("mydata:export_json")).content.decode()
    assert "authenticator" in export
    assert device.key not in export
    delete_account(people.coordinator)
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()


def test_a_beheerder_can_remove_a_lost_device_without_seeing_the_key(client, people):
    device = confirmed_device_for(people.coordinator)
    client.force_login(people.admin)
    change = reverse("admin:otp_totp_totpdevice_change", args=[device.pk])
    page = client.get(change).content.decode()
    assert device.key not in page
    response = client.post(
        reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert services.confirmed_device(people.coordinator) is None
