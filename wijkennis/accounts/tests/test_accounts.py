import re

from django.core import mail
from django.test import override_settings
from django.urls import reverse

from conftest import PASSWORD


def login(client, email, password):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_login_with_email_and_logout(client, people):
    response = login(client, "ANOUK@a.test", PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("stories:mine")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("stories:mine")).status_code == 302


def test_wrong_password_gets_a_dutch_message(client, people):
    response = login(client, "anouk@a.test", "fout")
    assert response.status_code == 200
    assert "komen niet overeen" in response.content.decode()


def test_lockout_after_repeated_failures(client, people, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, "anouk@a.test", "fout")
    response = login(client, "anouk@a.test", PASSWORD)
    assert response.status_code == 429
    assert "15 minuten" in response.content.decode()


def test_passwords_are_hashed_with_argon2(people):
    from wijkennis.config import settings as project_settings

    with override_settings(PASSWORD_HASHERS=project_settings.PASSWORD_HASHERS):
        people.anouk.set_password("een-ander-wachtwoord-99")
        people.anouk.save()
    assert people.anouk.password.startswith("argon2")


def test_password_reset_by_email(client, people):
    client.post(reverse("accounts:password_reset"), {"email": "anouk@a.test"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    new = "een-nieuw-wachtwoord-77"
    response = client.post(
        response.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    assert login(client, "anouk@a.test", new).status_code == 302
