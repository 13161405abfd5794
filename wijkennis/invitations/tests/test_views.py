"""The pages: the public accept page, the list with resend and revoke, one invitation, CSV."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from lxml import html

from wijkennis.accounts.models import User
from wijkennis.invitations import services
from wijkennis.invitations.models import Invitation, InvitationStatus
from wijkennis.organisations.models import Membership, Role

from .helpers import NEW_PASSWORD, csv_file, invite


def accept_url(token):
    return reverse("invitations:accept", kwargs={"token": token})


def account_data(**changes):
    return {
        "first_name": "Lieke",
        "last_name": "de Vries",
        "password": NEW_PASSWORD,
        "password_again": NEW_PASSWORD,
    } | changes


def values(response, name):
    tree = html.fromstring(response.content)
    return [element.get("value") for element in tree.xpath(f'//*[@name="{name}"]')]


# ── accept ───────────────────────────────────────────────────────────────


def test_accept_page_shows_organisation_and_role(client, people):
    _inv, token = invite(people, role=Role.COLLEGA, first_name="Lieke")
    response = client.get(accept_url(token))
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    page = response.content.decode()
    assert "Welzijn Testdam" in page
    assert "data-invitation-summary" in page
    assert values(response, "first_name") == ["Lieke"]  # from the invitation
    for name in ("last_name", "password", "password_again"):
        assert values(response, name), name
    assert response.context["sso_login_url"] is None


def test_accept_makes_the_account_logs_in_and_welcomes(client, people):
    invitation, token = invite(people)
    response = client.post(accept_url(token), account_data())
    assert response.status_code == 302
    assert response.url == reverse("core:home")
    user = User.objects.get(email="nieuw@a.test")
    assert int(client.session["_auth_user_id"]) == user.pk
    assert Membership.objects.filter(user=user, organisation=people.org_a).exists()
    [message] = list(get_messages(response.wsgi_request))
    assert message.level_tag == "success"
    home = client.get(reverse("core:home"))
    assert home.context["user"] == user
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED


def test_password_error_keeps_the_typed_names(client, people):
    _inv, token = invite(people)
    response = client.post(
        accept_url(token),
        account_data(first_name="Lieke", last_name="van Dam", password="123", password_again="123"),
    )
    assert response.status_code == 400
    assert values(response, "first_name") == ["Lieke"]
    assert values(response, "last_name") == ["van Dam"]
    assert values(response, "password") == [None]  # never sent back
    assert response.context["form"].errors["password"]
    assert not User.objects.filter(email="nieuw@a.test").exists()
    assert "_auth_user_id" not in client.session


def test_different_passwords_are_refused(client, people):
    _inv, token = invite(people)
    response = client.post(accept_url(token), account_data(password_again="Iets-heel-anders-99"))
    assert response.status_code == 400
    assert response.context["form"].errors["password_again"]
    assert values(response, "last_name") == ["de Vries"]
    assert not User.objects.filter(email="nieuw@a.test").exists()


def test_unknown_link_is_404(client, db):
    response = client.get(accept_url("bestaat-niet"))
    assert response.status_code == 404
    assert b'data-invitation-error="unknown"' in response.content


@pytest.mark.parametrize("state", ["accepted", "revoked", "expired"])
def test_used_revoked_or_expired_link_is_410_and_changes_nothing(client, people, state):
    invitation, token = invite(people)
    if state == "accepted":
        services.accept_with_password(token, first_name="A", last_name="", password=NEW_PASSWORD)
    elif state == "revoked":
        services.revoke(people.coordinator, invitation)
    else:
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - timedelta(minutes=1)
        )
    users = User.objects.count()
    for method in ("get", "post"):
        response = getattr(client, method)(accept_url(token), account_data(first_name="Later"))
        assert response.status_code == 410
        assert f'data-invitation-error="{state}"'.encode() in response.content
    assert User.objects.count() == users
    assert "_auth_user_id" not in client.session


def test_link_expires_while_the_page_is_open(client, people):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _inv, token = invite(people)
        assert client.get(accept_url(token)).status_code == 200
    with time_machine.travel(start + timedelta(days=15), tick=False):
        assert client.post(accept_url(token), account_data()).status_code == 410
    assert not User.objects.filter(email="nieuw@a.test").exists()


def test_signed_in_person_adds_the_membership(client, people):
    invitation, token = invite(people, email="anouk@a.test", role=Role.COLLEGA)
    client.force_login(people.anouk)
    response = client.get(accept_url(token))
    assert response.status_code == 200
    assert b'id="add-membership-form"' in response.content
    assert b'name="password"' not in response.content
    response = client.post(accept_url(token))
    assert response.status_code == 302 and response.url == reverse("core:home")
    assert Membership.objects.filter(user=people.anouk, role=Role.COLLEGA).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_by == people.anouk


def test_signed_in_as_someone_else_is_refused(client, people):
    _inv, token = invite(people, email="iemand@a.test")
    client.force_login(people.bram)
    for method in ("get", "post"):
        response = getattr(client, method)(accept_url(token))
        assert response.status_code == 403
        assert b'data-invitation-step="other-account"' in response.content
    assert not Membership.objects.filter(user=people.bram, organisation=people.org_a).exists()
    assert services.invitation_for_token(token)


def test_existing_account_is_asked_to_log_in_first(client, people):
    _inv, token = invite(people, email="anouk@a.test", role=Role.COLLEGA)
    response = client.get(accept_url(token))
    assert response.status_code == 200
    assert b'data-invitation-step="login-first"' in response.content
    login = html.fromstring(response.content).xpath(
        '//main//a[starts-with(@href, "/account/inloggen/")]'
    )[0]
    assert login.get("href").endswith("?next=" + accept_url(token))
    response = client.post(accept_url(token), account_data())
    assert response.status_code == 200  # the same page; nothing is made
    people.anouk.refresh_from_db()
    assert people.anouk.first_name == "Anouk"
    assert not Membership.objects.filter(user=people.anouk, role=Role.COLLEGA).exists()


# ── list, resend, revoke ─────────────────────────────────────────────────


def test_list_shows_the_organisations_invitations_by_status(client, people):
    open_a, _t = invite(people, email="open@a.test")
    expired_a, _t = invite(people, email="verlopen@a.test")
    Invitation.objects.filter(pk=expired_a.pk).update(expires_at=timezone.now())
    services.invite(
        people.coordinator_b, email="b@b.test", organisation=people.org_b, role=Role.COLLEGA
    )
    client.force_login(people.coordinator)
    response = client.get(reverse("invitations:list"))
    assert response.status_code == 200
    assert list(response.context["invitations"]) == [open_a]
    assert b"b@b.test" not in response.content
    page = response.content.decode()
    for name in ("invitations:resend", "invitations:revoke"):
        assert reverse(name, args=[open_a.pk]) in page
    counts = {tab["value"]: tab["count"] for tab in response.context["tabs"]}
    assert counts == {"open": 1, "accepted": 0, "expired": 1, "revoked": 0}
    response = client.get(reverse("invitations:list"), {"status": "expired"})
    assert list(response.context["invitations"]) == [expired_a]
    assert b"verlopen@a.test" in response.content


def test_staff_filters_by_organisation(client, people):
    invite(people, email="open@a.test")
    services.invite(
        people.coordinator_b, email="b@b.test", organisation=people.org_b, role=Role.COLLEGA
    )
    client.force_login(people.admin)
    assert len(client.get(reverse("invitations:list")).context["invitations"]) == 2
    response = client.get(reverse("invitations:list"), {"organisation": people.org_b.pk})
    assert [i.email for i in response.context["invitations"]] == ["b@b.test"]


def test_resend_and_revoke_buttons(client, people, mailoutbox, django_capture_on_commit_callbacks):
    invitation, old = invite(people)
    client.force_login(people.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("invitations:resend", args=[invitation.pk]))
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    invitation.refresh_from_db()
    assert invitation.times_sent == 2
    with pytest.raises(services.InvitationError):
        services.invitation_for_token(old)
    response = client.post(reverse("invitations:revoke", args=[invitation.pk]))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.REVOKED
    # Nothing left to resend: a message, and no e-mail.
    response = client.post(reverse("invitations:resend", args=[invitation.pk]))
    assert response.status_code == 302
    assert [m.level_tag for m in get_messages(response.wsgi_request)][-1] == "error"
    assert len(mailoutbox) == 1
    assert client.get(reverse("invitations:revoke", args=[invitation.pk])).status_code == 405


# ── one invitation ───────────────────────────────────────────────────────


def test_invite_form_sends_the_invitation(
    client, people, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(people.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("invitations:create"),
            {
                "organisation": people.org_a.pk,
                "email": "nieuw@a.test",
                "first_name": "Lieke",
                "role": Role.ERVARINGSWERKER,
                "team": "",
            },
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.invited_by) == ("nieuw@a.test", people.coordinator)
    # Without WIJKENNIS_SITE_URL the link uses the address the coordinator works on.
    assert "http://testserver/uitnodigingen/welkom/" in mailoutbox[0].body


def test_invite_form_refuses_and_keeps_what_was_typed(client, people):
    client.force_login(people.coordinator)
    form = client.get(reverse("invitations:create")).context["form"]
    assert Role.BEHEERDER not in dict(form.fields["role"].choices)
    assert list(form.fields["organisation"].queryset) == [people.org_a]
    data = {"organisation": people.org_a.pk, "email": "anouk@a.test", "role": Role.ERVARINGSWERKER}
    response = client.post(reverse("invitations:create"), data)
    assert response.status_code == 400
    assert response.context["form"].errors["email"]
    assert values(response, "email") == ["anouk@a.test"]
    response = client.post(reverse("invitations:create"), data | {"role": Role.BEHEERDER})
    assert response.status_code == 400
    assert response.context["form"].errors["role"]
    response = client.post(reverse("invitations:create"), data | {"organisation": people.org_b.pk})
    assert response.status_code == 400
    assert response.context["form"].errors["organisation"]
    assert not Invitation.objects.exists()


# ── CSV ──────────────────────────────────────────────────────────────────


def test_import_page_shows_each_bad_row_and_keeps_the_organisation(client, people):
    client.force_login(people.admin)
    upload = csv_file("email;rol\ngoed@b.test;collega\nslecht;collega\nx@b.test;tovenaar\n")
    response = client.post(
        reverse("invitations:import"), {"organisation": people.org_b.pk, "file": upload}
    )
    assert response.status_code == 400
    assert [e.row for e in response.context["errors"]] == [3, 4]
    assert b'data-row="3"' in response.content and b'data-row="4"' in response.content
    tree = html.fromstring(response.content)
    assert tree.xpath('//select[@name="organisation"]/option[@selected]')[0].get("value") == str(
        people.org_b.pk
    )
    assert not Invitation.objects.exists()


def test_example_file_can_be_imported_as_it_is(client, people):
    client.force_login(people.coordinator)
    example = client.get(reverse("invitations:example_csv"))
    assert example.status_code == 200
    assert example["Content-Type"].startswith("text/csv")
    assert "attachment" in example["Content-Disposition"]
    upload = csv_file(example.content.decode("latin-1"), encoding="latin-1")  # the bytes as-is
    response = client.post(
        reverse("invitations:import"), {"organisation": people.org_a.pk, "file": upload}
    )
    assert response.status_code == 302
    assert Invitation.objects.count() == 2


def test_import_without_file_is_a_form_error(client, people):
    client.force_login(people.coordinator)
    response = client.post(reverse("invitations:import"), {"organisation": people.org_a.pk})
    assert response.status_code == 400
    assert response.context["form"].errors["file"]


# ── menu ─────────────────────────────────────────────────────────────────


def test_menu_link_only_for_people_who_invite(client, people):
    for person, shown in (("coordinator", True), ("admin", True), ("anouk", False)):
        client.force_login(getattr(people, person))
        page = client.get(reverse("core:home")).content
        assert (b'data-nav="invitations"' in page) is shown, person
    client.logout()
    assert b'data-nav="invitations"' not in client.get(reverse("core:home")).content


def test_menu_check_costs_at_most_one_query(people, django_assert_max_num_queries):
    from wijkennis.invitations.models import can_invite

    with django_assert_max_num_queries(1):
        assert can_invite(people.coordinator)
    with django_assert_max_num_queries(0):
        assert can_invite(people.admin)
        assert not can_invite(people.anonymous)


def test_every_page_has_one_h1_and_a_title(client, people):
    _inv, token = invite(people, email="anouk@a.test", role=Role.COLLEGA)
    _inv, new_token = invite(people)
    urls = [accept_url(token), accept_url(new_token), accept_url("onbekend")]
    client.force_login(people.coordinator)
    urls += [
        reverse(name) for name in ("invitations:list", "invitations:create", "invitations:import")
    ]
    responses = [client.get(url) for url in urls]
    client.force_login(people.anouk)
    responses += [client.get(accept_url(token)), client.get(accept_url(new_token))]
    for response in responses:
        tree = html.fromstring(response.content)
        assert len(tree.xpath("//h1")) == 1, response.request["PATH_INFO"]
        title = tree.xpath("//title")[0].text_content().strip()
        assert title and not title.startswith("·"), title  # the page block is filled in
