"""Preferences: the stored language wins over the browser and the cookie; e-mail switches stop
the inbreng and referral e-mails (in-app notifications stay)."""

import datetime

from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wijkennis.inbreng.models import Notification
from wijkennis.inbreng.services import periodic
from wijkennis.inbreng.tests.helpers import inbreng_for
from wijkennis.referrals.models import ReferralNotification
from wijkennis.referrals.services import notify_contact_made
from wijkennis.referrals.tests.helpers import concept, referral_for


def save(client, user, **choices):
    client.force_login(user)
    data = {
        "language": "nl",
        "email_inbreng_updates": "on",
        "email_inbreng_digest": "on",
        "email_referrals": "on",
    } | choices
    return client.post(reverse("mydata:preferences"), {k: v for k, v in data.items() if v})


def test_the_chosen_language_is_used_on_the_next_page(client, people):
    response = save(client, people.anouk, language="en")

    assert response.status_code == 302
    people.anouk.refresh_from_db()
    assert people.anouk.language == "en"
    page = client.get(reverse("mydata:overview"))
    assert '<html lang="en">' in page.content.decode()
    assert page["Content-Language"] == "en"


def test_stored_language_wins_over_browser_and_cookie(client, people):
    people.anouk.language = "en"
    people.anouk.save()
    client.force_login(people.anouk)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"

    page = client.get(reverse("core:home"), HTTP_ACCEPT_LANGUAGE="nl")

    assert '<html lang="en">' in page.content.decode()


def test_anonymous_visitors_still_get_dutch_or_their_switch(client, db):
    page = client.get(reverse("core:home"), HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="nl">' in page.content.decode()

    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert '<html lang="en">' in client.get(reverse("core:home")).content.decode()


def test_the_language_switch_also_stores_the_choice(client, people):
    client.force_login(people.bram)

    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    people.bram.refresh_from_db()
    assert people.bram.language == "en"
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    people.bram.refresh_from_db()
    assert people.bram.language == "en"


def test_a_bad_language_is_refused_and_nothing_changes(client, people):
    response = save(client, people.anouk, language="de", email_referrals="")

    assert response.status_code == 400
    people.anouk.refresh_from_db()
    assert people.anouk.language == "nl" and people.anouk.email_referrals is True
    html = response.content.decode()
    assert 'name="email_referrals"' in html and "checked" in html


def test_no_inbreng_email_when_switched_off_but_the_notification_stays(client, people):
    save(client, people.policy_officer, email_inbreng_updates="")
    mail.outbox.clear()

    contribution = inbreng_for(people)  # to the municipality: the policy officer is told

    assert Notification.objects.filter(user=people.policy_officer, contribution=contribution)
    assert all(people.policy_officer.email not in message.to for message in mail.outbox)


def test_inbreng_email_still_sent_to_those_who_want_it(client, people):
    mail.outbox.clear()

    inbreng_for(people)

    assert any(people.policy_officer.email in message.to for message in mail.outbox)


def test_no_weekly_digest_when_switched_off(client, people):
    now = timezone.now()
    inbreng_for(people, now=now - datetime.timedelta(days=60))  # overdue for the municipality
    save(client, people.policy_officer, email_inbreng_digest="")
    mail.outbox.clear()

    periodic.send_digests(now=now)

    recipients = {address for message in mail.outbox for address in message.to}
    assert people.policy_officer.email not in recipients
    people.policy_officer.email_inbreng_digest = True
    people.policy_officer.save()
    periodic.send_digests(now=now)
    assert any(people.policy_officer.email in message.to for message in mail.outbox)


def test_no_referral_email_when_switched_off_but_the_notification_stays(client, people):
    referral = referral_for(people, [concept("Post")])
    save(client, people.colleague, email_referrals="")
    people.colleague.refresh_from_db()
    mail.outbox.clear()

    notify_contact_made(people.colleague, referral)

    assert ReferralNotification.objects.filter(user=people.colleague, referral=referral).exists()
    assert mail.outbox == []
    people.colleague.email_referrals = True
    notify_contact_made(people.colleague, referral)
    assert len(mail.outbox) == 1
