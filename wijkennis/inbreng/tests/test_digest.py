"""The weekly digest: once per week, only with something to say."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from wijkennis.inbreng import services
from wijkennis.inbreng.models import Digest

from .helpers import inbreng_for

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
MONDAY = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=AMSTERDAM)


def at(days, hours=0):
    return MONDAY + datetime.timedelta(days=days, hours=hours)


def digests_to(person):
    with translation.override(settings.LANGUAGE_CODE):
        subject = translation.gettext("Your inbreng this week")
    return [m for m in mail.outbox if m.to == [person.email] and m.subject == subject]


def test_nobody_gets_an_empty_digest(people):
    with time_machine.travel(at(0), tick=False):
        inbreng_for(people)
    mail.outbox.clear()
    with time_machine.travel(at(3), tick=False):
        assert services.send_digests() == 0
    assert not mail.outbox and not Digest.objects.exists()


def test_news_about_my_inbreng_comes_once_a_week(people):
    with time_machine.travel(at(-10), tick=False):
        contribution = inbreng_for(people)
    with time_machine.travel(at(-2), tick=False):
        services.add_update(people.policy_officer, contribution, text="We nemen het mee.")
    mail.outbox.clear()
    with time_machine.travel(at(0), tick=False):
        assert services.send_digests() == 1
    [digest] = digests_to(people.anouk)
    assert "Brieven zijn te moeilijk" in digest.body and "We nemen het mee." in digest.body
    with time_machine.travel(at(3), tick=False):
        assert services.send_digests() == 0  # same week: nothing twice
    with time_machine.travel(at(7), tick=False):
        assert services.send_digests() == 0  # next week, no news: no mail
    with time_machine.travel(at(8), tick=False):
        services.add_update(people.policy_officer, contribution, text="Het leespanel start.")
    with time_machine.travel(at(14), tick=False):
        assert services.send_digests() == 1
    latest = digests_to(people.anouk)[-1]
    assert "Het leespanel start." in latest.body and "We nemen het mee." not in latest.body
    assert Digest.objects.filter(user=people.anouk).count() == 2


def test_overdue_inbreng_is_in_the_digest_of_the_receiving_side(people):
    with time_machine.travel(at(-50), tick=False):
        inbreng_for(people)
    mail.outbox.clear()
    with time_machine.travel(at(0), tick=False):
        assert services.send_digests() == 2  # the policy officer and the beheerder
    [digest] = digests_to(people.policy_officer)
    assert "Brieven zijn te moeilijk" in digest.body
    assert not digests_to(people.anouk)  # her own overdue inbreng is not hers to answer


def test_the_command_sends_the_digest(people):
    with time_machine.travel(at(-50), tick=False):
        inbreng_for(people)
    with time_machine.travel(at(0), tick=False):
        out = io.StringIO()
        call_command("send_inbreng_digest", stdout=out)
        call_command("send_inbreng_digest", stdout=out)
    assert "Digests sent: 2." in out.getvalue() and "Digests sent: 0." in out.getvalue()
