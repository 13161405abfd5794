"""Demo intervision: two groups of demo experience workers from different organisations, each
with a past session (steps done, a shared case, a lesson) and one to come. Everything goes
through the services.

Call `add_demo_intervision()` after the demo people exist (the `demo` command creates them).
Running it again adds nothing.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from wijkennis.accounts.models import User
from wijkennis.vocabulary.models import Concept

from . import services
from .models import IntervisionGroup

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# (name, description, region, theme slugs, facilitator, members, method, case, lesson)
GROUPS = [
    (
        "Intervisie schulden Utrecht",
        "Ervaringswerkers in schuldhulp en sociaal werk die elkaar steunen bij lastige "
        "gesprekken over geld en post.",
        "Utrecht",
        ["schulden", "schoenendoos-ongeopende-post", "brief-van-de-deurwaarder"],
        "anouk@wijkennis.demo",
        ["bram@wijkennis.demo", "ilse@wijkennis.demo"],
        "incidentmethode",
        "Een bewoner had drie maanden zijn post niet open gedaan. Toen ik samen met hem de "
        "schoenendoos opende, werd hij boos en liep weg. Ik herkende dat van mezelf en wist even "
        "niet wat ik moest doen.",
        (
            "Eerst de spanning benoemen, dan pas de post",
            "Als je eerst zegt dat het normaal is om de post te laten liggen, durven mensen vaker "
            "verder. Niet meteen alle brieven openen: begin met één brief.",
        ),
    ),
    (
        "Reflectiegroep eigen ervaring",
        "Over je eigen verhaal inzetten in het werk: wanneer wel, wanneer niet, en hoe je goed "
        "voor jezelf zorgt.",
        "Regio Midden-Nederland",
        ["schulden", "schaamte", "psychische-problemen"],
        "bram@wijkennis.demo",
        ["dewi@wijkennis.demo", "coordinator@wijkennis.demo"],
        "reflectiecyclus",
        "In een gesprek vertelde ik veel over mijn eigen schulden. Achteraf voelde ik me leeg. "
        "De bewoner was wel geholpen, zei hij.",
        (
            "Kies vooraf wat je deelt",
            "Bedenk voor een gesprek welk deel van je verhaal je wilt delen. Houd de rest voor "
            "jezelf, dan blijft er energie over.",
        ),
    ),
]


def _at(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=AMSTERDAM)


def add_demo_intervision() -> list[IntervisionGroup]:
    users = {user.email: user for user in User.objects.filter(email__endswith="@wijkennis.demo")}
    made = []
    for (
        name,
        description,
        region,
        slugs,
        facilitator_email,
        member_emails,
        method,
        case_text,
        (lesson_title, lesson_text),
    ) in GROUPS:
        facilitator = users.get(facilitator_email)
        if facilitator is None or IntervisionGroup.objects.filter(name=name).exists():
            continue
        group = services.create_group(
            facilitator,
            name=name,
            description=description,
            region=region,
            themes=Concept.objects.filter(slug__in=slugs),
        )
        for email in member_emails:
            if email in users:
                place = services.request_to_join(users[email], group)
                services.decide_request(facilitator, place, accept=True)
        # Members joined before the past session took place.
        group.members.update(joined_at=_at(-60, 9))
        past = services.plan_session(
            facilitator,
            group,
            starts_at=_at(-14, 14),
            ends_at=_at(-14, 16),
            method=method,
            place="Buurthuis De Linde, zaal 2",
        )
        case = services.save_case(facilitator, past, case_text)
        services.share_case(facilitator, case)
        for _step in past.steps:
            services.move_step(facilitator, past, forward=True)
        services.record_lesson(facilitator, past, title=lesson_title, text=lesson_text)
        services.plan_session(
            facilitator,
            group,
            starts_at=_at(14, 14),
            ends_at=_at(14, 16),
            method="probleemoplossend",
            place="Buurthuis De Linde, zaal 2",
            online_url="https://meet.example.org/intervisie",
        )
        made.append(group)
    return made
