import datetime

from django.utils import timezone

from wijkennis.inbreng import services
from wijkennis.inbreng.models import Level


def inbreng_for(people, person=None, *, to=None, now=None, **extra):
    """Anouk's inbreng to the municipality that funds her organisation (unless told otherwise)."""
    person = person or people.anouk
    now = now or timezone.now()
    data = {
        "recipient_organisation": to or people.municipality,
        "level": Level.TERTIARY,
        "title": "Brieven zijn te moeilijk",
        "text": "Ik vroeg of ervaringsdeskundigen mee mogen lezen met nieuwe brieven.",
        "given_on": timezone.localdate(now) - datetime.timedelta(days=1),
        "now": now,
    } | extra
    return services.record_contribution(person, **data)


def closed_inbreng(people, **extra):
    contribution = inbreng_for(people, **extra)
    services.add_update(
        people.policy_officer,
        contribution,
        text="Het leespanel leest voortaan mee.",
        status="verwerkt",
        change="doorgevoerd",
    )
    contribution.refresh_from_db()
    return contribution
