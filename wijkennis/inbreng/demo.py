"""Demo inbreng: realistic input from the demo experience workers to the demo municipality and
their own management, in every status, so the inbox, timelines and accountability page have
something to show. Everything goes through the services, with dates in the past.

Call `add_demo_inbreng()` after the demo people exist (the `demo` command creates them).
"""

import datetime

from django.utils import timezone

from wijkennis.accounts.models import User
from wijkennis.core.mail import mail_silenced
from wijkennis.organisations.models import Membership, Organisation, OrganisationKind, Role
from wijkennis.vocabulary.models import Concept

from . import services
from .models import Change, Contribution, Level, Satisfaction, Status

MUNICIPALITY_OFFICER = "beleid@wijkennis.demo"
# (worker e-mail, to the municipality?, level, title, text, topic slugs, days ago, story)
# story: what happens afterwards, in order: ("answer", text, status, change) / ("milestone",
# title, due in days, progress) / ("rate", satisfaction) / ("reopen", reason).
INBRENG = [
    (
        "anouk@wijkennis.demo",
        True,
        Level.TERTIARY,
        "Brieven over de bijstand zijn te moeilijk",
        "In het wijkoverleg heb ik voorgelezen uit drie brieven over de bijstand. Niemand aan "
        "tafel begreep wat er van hem werd gevraagd. Ik vroeg of ervaringsdeskundigen mee mogen "
        "lezen voordat een nieuwe brief de deur uit gaat.",
        ["schoenendoos-ongeopende-post"],
        120,
        [
            ("answer", "We nemen dit mee in het project Heldere Taal.", Status.IN_PROGRESS, ""),
            ("milestone", "Leespanel met ervaringsdeskundigen opgericht", -60, 100),
            ("milestone", "Vijf standaardbrieven herschreven", 30, 40),
            (
                "answer",
                "Het leespanel leest voortaan elke nieuwe brief mee. Vijf brieven zijn al "
                "herschreven.",
                Status.PROCESSED,
                Change.MADE,
            ),
            ("rate", Satisfaction.YES),
        ],
    ),
    (
        "bram@wijkennis.demo",
        True,
        Level.TERTIARY,
        "Wachttijd schuldhulp: mensen haken af",
        "Ik zie mensen afhaken in de zes weken tussen aanmelding en het eerste gesprek. Een "
        "kort telefoontje in die weken zou veel schelen.",
        ["brief-van-de-deurwaarder"],
        90,
        [
            ("answer", "Goed punt. We bekijken of het team dit kan doen.", Status.IN_PROGRESS, ""),
            (
                "answer",
                "Vanaf volgend kwartaal belt een medewerker binnen een week na aanmelding.",
                Status.PROCESSED,
                Change.PLANNED,
            ),
            ("rate", Satisfaction.PARTLY),
        ],
    ),
    (
        "ilse@wijkennis.demo",
        True,
        Level.SECONDARY,
        "Spreekuur ook 's avonds",
        "Veel bewoners werken overdag. Een avondspreekuur in het buurthuis zou helpen.",
        [],
        75,
        [
            (
                "not_adopted",
                "Er is geen budget voor extra openingstijden dit jaar.",
                Status.NOT_ADOPTED,
                Change.NONE,
            ),
            ("rate", Satisfaction.NO),
            ("reopen", "Het buurthuis is 's avonds al open; het kost alleen een medewerker."),
        ],
    ),
    (
        "dewi@wijkennis.demo",
        True,
        Level.PRIMARY,
        "Tolk bij het eerste gesprek",
        "Bij het eerste gesprek is vaak geen tolk. Familieleden vertalen dan, ook over schulden.",
        [],
        60,
        [
            (
                "answer",
                "We spreken met het tolkenbureau af dat er bij elk eerste gesprek een tolk is.",
                Status.PROCESSED,
                Change.MADE,
            ),
            ("rate", Satisfaction.YES),
        ],
    ),
    (
        "dewi@wijkennis.demo",
        True,
        Level.SECONDARY,
        "Reiskosten vergoeden bij wijkoverleg",
        "Wie zonder inkomen naar het wijkoverleg komt, betaalt de bus zelf. Dat houdt mensen "
        "weg. Ik vroeg om een vergoeding van de reiskosten.",
        [],
        70,
        [
            (
                "not_adopted",
                "Dit hoort bij de vrijwilligersregeling van de organisaties zelf; we sturen uw "
                "vraag naar hen door.",
                Status.NOT_ADOPTED,
                Change.NONE,
            ),
            ("rate", Satisfaction.PARTLY),
        ],
    ),
    (
        "anouk@wijkennis.demo",
        True,
        Level.TERTIARY,
        "Ervaringswerkers betalen, niet als vrijwilliger",
        "In de raadscommissie heb ik verteld dat ervaringswerk vaak onbetaald is. Ik vroeg om "
        "betaalde functies in de nieuwe subsidieronde.",
        [],
        50,
        [],  # no answer yet: overdue after six weeks
    ),
    (
        "bram@wijkennis.demo",
        True,
        Level.SECONDARY,
        "Eén contactpersoon per gezin",
        "Gezinnen hebben soms zes hulpverleners. Eén vast aanspreekpunt maakt het overzichtelijk.",
        [],
        20,
        [("answer", "We bespreken dit in het overleg van de wijkteams.", Status.IN_PROGRESS, "")],
    ),
    (
        "ilse@wijkennis.demo",
        False,
        Level.SECONDARY,
        "Intervisie voor ervaringswerkers",
        "Ik vroeg het management om maandelijkse intervisie met andere ervaringswerkers.",
        [],
        10,
        [],
    ),
]


def _person(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def add_demo_inbreng(now: datetime.datetime | None = None) -> list[Contribution]:
    """Create the demo inbreng (skipped when it exists), without sending e-mail. Returns
    what was created."""
    with mail_silenced():
        return _add_demo_inbreng(now)


def _add_demo_inbreng(now) -> list[Contribution]:
    now = now or timezone.now()
    officer = _person(MUNICIPALITY_OFFICER)
    municipality = (
        Membership.objects.filter(user=officer, organisation__kind=OrganisationKind.MUNICIPALITY)
        .values_list("organisation", flat=True)
        .first()
        if officer
        else None
    )
    created = []
    concepts = {c.slug: c for c in Concept.objects.all()}
    for email, to_municipality, level, title, text, slugs, days_ago, story in INBRENG:
        worker = _person(email)
        if worker is None or Contribution.objects.filter(contributor=worker, title=title).exists():
            continue
        home = services.contributor_organisations(worker).first()
        if home is None:
            continue
        recipient_organisation = home
        if to_municipality and municipality:
            recipient_organisation = Organisation.objects.get(pk=municipality)
        answerer = (
            officer
            if recipient_organisation.pk == municipality
            else User.objects.filter(
                memberships__organisation=home, memberships__role=Role.COORDINATOR
            ).first()
        )
        moment = now - datetime.timedelta(days=days_ago)
        contribution = services.record_contribution(
            worker,
            recipient_organisation=recipient_organisation,
            recipient_name="" if to_municipality else "Management",
            level=level,
            title=title,
            text=text,
            given_on=timezone.localdate(moment),
            topics=[concepts[s] for s in slugs if s in concepts],
            now=moment,
        )
        step_days = max(1, days_ago // (len(story) + 1))
        for step in story:
            moment += datetime.timedelta(days=step_days)
            _play(step, contribution, worker, answerer, moment)
            contribution.refresh_from_db()
        created.append(contribution)
    return created


def _play(step, contribution, worker, answerer, moment) -> None:
    kind = step[0]
    if kind in ("answer", "not_adopted") and answerer is not None:
        _kind, text, status, change = step
        extra = {"reason": text} if status == Status.NOT_ADOPTED else {"text": text}
        services.add_update(
            answerer, contribution, status=status, change=change, now=moment, **extra
        )
    elif kind == "milestone" and answerer is not None:
        _kind, title, due_in, progress = step
        services.add_milestone(
            answerer,
            contribution,
            title=title,
            due_on=timezone.localdate(moment) + datetime.timedelta(days=due_in),
            progress=progress,
            now=moment,
        )
    elif kind == "rate":
        services.rate_answer(worker, contribution, step[1], now=moment)
    elif kind == "reopen":
        services.reopen(worker, contribution, step[1], now=moment)
