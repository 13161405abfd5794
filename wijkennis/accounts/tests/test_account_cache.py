"""The account behind a session comes from the shared cache (accounts.backends); every change
made through the model must count at the very next request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PASSWORD
from wijkennis.accounts.models import User


def signed_in(client, user):
    client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    assert client.get(reverse("stories:mine")).status_code == 200
    return client


def test_a_signed_in_page_reads_no_account_row(client, people):
    signed_in(client, people.anouk)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("stories:mine")).status_code == 200
    assert not [query for query in captured if 'FROM "accounts_user"' in query["sql"]]


def test_a_deactivated_account_is_signed_out_at_the_next_request(client, people):
    signed_in(client, people.anouk)
    account = User.objects.get(pk=people.anouk.pk)
    account.is_active = False
    account.save()
    assert client.get(reverse("stories:mine")).status_code == 302


def test_a_new_password_ends_the_other_sessions(client, people):
    signed_in(client, people.anouk)
    account = User.objects.get(pk=people.anouk.pk)
    account.set_password("een-heel-ander-wachtwoord")
    account.save()
    assert client.get(reverse("stories:mine")).status_code == 302


def test_an_erased_account_is_signed_out_at_the_next_request(client, people):
    signed_in(client, people.bram)
    User.objects.filter(pk=people.bram.pk).delete()
    assert client.get(reverse("stories:mine")).status_code == 302


def test_a_changed_name_shows_at_the_next_request(client, people):
    signed_in(client, people.anouk)
    account = User.objects.get(pk=people.anouk.pk)
    account.first_name = "Annemieke"
    account.save()
    assert "Annemieke" in client.get(reverse("stories:mine")).content.decode()
