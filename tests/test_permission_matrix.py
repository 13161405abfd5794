"""Every URL × every person (role, own/other organisation), generated from the URL conf.

A new view without a rule here fails `test_every_url_has_a_rule`. Anouk (ervaringswerker), the
coordinator and the colleague belong to organisation A; Bram, coordinator_b and colleague_b to
organisation B; the researcher to a research organisation. One policy officer's municipality
funds A, the other's does not. The beheerder is staff. The object under test is Anouk's story,
shared with her organisation.
"""

from functools import cache

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from wijkennis.deployment.services import save_plan
from wijkennis.deployment.tests.helpers import good_plan
from wijkennis.inbreng.tests.helpers import inbreng_for
from wijkennis.intervision.tests.helpers import matrix_world
from wijkennis.invitations.tests.helpers import matrix_invitation
from wijkennis.jobs.tests.factories import JobDescriptionFactory
from wijkennis.knowledge import services as knowledge_services
from wijkennis.readiness.models import ScanRound
from wijkennis.referrals.tests.helpers import chosen_referral
from wijkennis.stories.models import Visibility
from wijkennis.trainings.tests.factories import TrainingFactory, TrainingRecordFactory
from wijkennis.trajectories.tests.helpers import trajectory_for, with_creditors
from wijkennis.vocabulary.models import Concept, Proposal

from .factories import ConceptFactory, StoryFactory, name_span

PERSONS = (
    "anouk",
    "coordinator",
    "colleague",
    "bram",
    "coordinator_b",
    "colleague_b",
    "policy_officer",
    "policy_officer_other",
    "researcher",
    "admin",
    "anonymous",
)
LOGIN = "login"  # expected: a redirect to the login page


def everyone(status=200):
    return dict.fromkeys(PERSONS, status)


def signed_in(status=200, anonymous=LOGIN):
    return {**everyone(status), "anonymous": anonymous}


def only(allowed, ok=200, denied=403, anonymous=LOGIN):
    return {p: (ok if p in allowed else denied) for p in PERSONS} | {"anonymous": anonymous}


WRITERS = {"anouk", "coordinator", "bram", "coordinator_b"}
ORG_A_READERS = {"anouk", "coordinator", "colleague"}
PROPOSERS = WRITERS | {"admin"}
# Wij-kennis in review: network readers and the beheerder (reviewer) see it, others get a 404.
NETWORK = ORG_A_READERS | {"bram", "coordinator_b", "colleague_b", "researcher"}
# The kwartiermaakscan of organisation A: its members answer and see it, nobody else.
ORG_A_SCAN = only(ORG_A_READERS, denied=404)
# Inzetplan and functieomschrijving: coordinators (and managers) of the organisation only.
KWARTIERMAKERS = {"coordinator", "coordinator_b"}
ORG_A_KWARTIER = only({"coordinator"}, denied=404)
# Client trajectories: ervaringswerkers and coordinators of the organisation; never others.
TRAJECTORY_ROLES = WRITERS
ORG_A_TRAJECTORY = only({"anouk", "coordinator"}, denied=404)
NOT_NETWORK_404 = {
    "policy_officer": 404,
    "policy_officer_other": 404,
}  # vocabulary proposals: writers and the beheerder
AUTHOR_ONLY = only({"anouk"}, denied=404)
# Inbreng (see the rules): the receiving side is everyone at the municipality.
INBRENG_ANSWERERS = {"policy_officer", "admin"}
INBRENG_READERS = INBRENG_ANSWERERS | {"anouk", "coordinator"}
INBRENG_ANSWER = {
    **only(INBRENG_ANSWERERS, ok=400, denied=404),
    "anouk": 403,
    "coordinator": 403,
}
# Verwijzen: professionals of the organisations refer clients.
REFERRERS = WRITERS | {"colleague", "colleague_b"}
INBRENG_CONTRIBUTOR = {
    **only({"anouk"}, ok=400, denied=404),
    **dict.fromkeys(INBRENG_READERS - {"anouk"}, 403),
}

# url name → (method, expected per person)
RULES = {
    "core:home": ("get", everyone()),
    "core:health": ("get", everyone()),
    "core:audit": ("get", only({"admin"})),
    "set_language": ("post", everyone(302)),
    "accounts:login": ("get", {**everyone(302), "anonymous": 200}),
    "accounts:logout": ("post", everyone(302)),
    "accounts:password_reset": ("get", everyone()),
    "accounts:password_reset_done": ("get", everyone()),
    "accounts:password_reset_confirm": ("get", everyone()),
    "accounts:password_reset_complete": ("get", everyone()),
    "stories:list": ("get", everyone()),
    "search:search": ("get", everyone()),
    "api:api-root": ("get", everyone()),
    "api:schema": ("get", everyone()),
    "api:docs": ("get", everyone()),
    "api:concept-list": ("get", everyone()),
    "api:concept-detail": ("get", everyone()),
    "api:story-list": ("get", everyone()),
    "api:story-detail": ("get", only(ORG_A_READERS, denied=404, anonymous=404)),
    "api:story-search": ("get", everyone(400)),
    "api:not-found": ("get", everyone(404)),  # without words: a 400 with the reason
    "api:story-publish": ("post", only({"anouk"}, ok=400, denied=404, anonymous=401)),
    "api:story-withdraw": ("post", only({"anouk"}, ok=200, denied=404, anonymous=401)),
    "stories:mine": ("get", signed_in()),
    "stories:create": ("get", only(WRITERS)),
    "stories:detail": ("get", only(ORG_A_READERS, denied=404, anonymous=404)),
    "stories:edit": ("get", AUTHOR_ONLY),
    "stories:review": ("get", AUTHOR_ONLY),
    "stories:span": ("post", only({"anouk"}, ok=302, denied=404)),
    "stories:hide": ("post", only({"anouk"}, ok=400, denied=404)),
    "stories:publish": ("get", AUTHOR_ONLY),
    "stories:withdraw": ("get", AUTHOR_ONLY),
    "stories:erase": ("get", AUTHOR_ONLY),
    # The Taalbrug checks texts for everyone; saving needs a login. The matrix has no saved
    # text (its pk is the story's), so every signed-in person gets 404 there; the owner's 200
    # is tested in wijkennis/taalbrug/tests.
    "taalbrug:analyse": ("get", everyone()),
    "taalbrug:save": ("post", signed_in(400)),  # an empty text is refused
    "taalbrug:mine": ("get", signed_in()),
    "taalbrug:detail": ("get", signed_in(404)),
    "taalbrug:delete": ("get", signed_in(404)),
    "knowledge:list": ("get", signed_in()),
    "knowledge:create": ("get", only(WRITERS)),
    "knowledge:item": ("get", only(NETWORK | {"admin"}, denied=404)),
    "knowledge:edit": ("get", {**only({"anouk", "admin"}, denied=403), **NOT_NETWORK_404}),
    "knowledge:recognise": ("post", {**only(WRITERS, ok=400), **NOT_NETWORK_404}),
    "knowledge:submit": ("post", {**only({"anouk", "admin"}, ok=302), **NOT_NETWORK_404}),
    "knowledge:establish": ("post", {**only({"admin"}, ok=302), **NOT_NETWORK_404}),
    "knowledge:report": ("get", only(WRITERS)),
    "knowledge:my_reports": ("get", signed_in()),
    "knowledge:advice": ("get", signed_in()),
    "knowledge:research": ("get", only({"researcher", "admin"})),
    "knowledge:research_download": ("get", only({"researcher", "admin"})),
    "readiness:index": ("get", everyone()),
    "readiness:rounds": ("get", signed_in()),
    "readiness:start": ("get", only({"coordinator", "coordinator_b"})),
    "readiness:round": ("get", ORG_A_SCAN),
    "readiness:answer": ("get", ORG_A_SCAN),
    "readiness:pdf": ("get", ORG_A_SCAN),
    "readiness:export": ("get", ORG_A_SCAN),
    "deployment:list": ("get", only(KWARTIERMAKERS)),
    "deployment:create": ("get", only(KWARTIERMAKERS)),
    "deployment:detail": ("get", ORG_A_KWARTIER),
    "deployment:edit": ("get", ORG_A_KWARTIER),
    "deployment:pdf": ("get", ORG_A_KWARTIER),
    "deployment:export": ("get", ORG_A_KWARTIER),
    "jobs:list": ("get", only(KWARTIERMAKERS)),
    "jobs:start": ("get", only(KWARTIERMAKERS)),
    "jobs:create": ("get", only(KWARTIERMAKERS)),
    "jobs:detail": ("get", ORG_A_KWARTIER),
    "jobs:edit": ("get", ORG_A_KWARTIER),
    "jobs:pdf": ("get", ORG_A_KWARTIER),
    "jobs:export": ("get", ORG_A_KWARTIER),
    "trajectories:list": ("get", only(TRAJECTORY_ROLES)),
    "trajectories:create": ("get", only(TRAJECTORY_ROLES)),
    "trajectories:types": ("get", only(TRAJECTORY_ROLES)),
    "trajectories:type_create": ("get", only(KWARTIERMAKERS)),
    "trajectories:detail": ("get", ORG_A_TRAJECTORY),
    "trajectories:steps": ("get", ORG_A_TRAJECTORY),
    "trajectories:schoenendoos": ("get", ORG_A_TRAJECTORY),
    "trajectories:schoenendoos_pdf": ("get", ORG_A_TRAJECTORY),
    "trajectories:creditor_add": ("get", ORG_A_TRAJECTORY),
    "trajectories:creditor_edit": ("get", ORG_A_TRAJECTORY),
    "trajectories:creditor_delete": ("get", ORG_A_TRAJECTORY),
    # Dashboards (aggregates only): A's for its coordinator (and managers) and the beheerder;
    # the municipality's (organisations it funds, added up) for its policy officer and the
    # beheerder. Everyone else gets a 404; the list is a 403 for people without a dashboard.
    "dashboards:index": (
        "get",
        only({"coordinator", "coordinator_b", "policy_officer", "policy_officer_other", "admin"}),
    ),
    "dashboards:organisation": ("get", only({"coordinator", "admin"}, denied=404)),
    "dashboards:organisation_export": ("get", only({"coordinator", "admin"}, denied=404)),
    "dashboards:municipality": ("get", only({"policy_officer", "admin"}, denied=404)),
    "dashboards:municipality_export": ("get", only({"policy_officer", "admin"}, denied=404)),
    # Inbreng: Anouk's inbreng to the municipality that funds A. She, her coordinator and the
    # municipality's members (policy officer, beheerder) see it; only the municipality answers
    # (an empty form: 400), only Anouk rates or reopens (not closed yet: 400).
    "inbreng:list": ("get", signed_in()),
    "inbreng:create": ("get", only(WRITERS)),
    "inbreng:inbox": ("get", signed_in()),
    "inbreng:notifications_read": ("post", signed_in(302)),
    "inbreng:notification": ("get", only({"policy_officer"}, ok=302, denied=404)),
    "inbreng:accountability": ("get", only(INBRENG_ANSWERERS, denied=404)),
    "inbreng:detail": ("get", only(INBRENG_READERS, denied=404)),
    "inbreng:answer": ("post", INBRENG_ANSWER),
    "inbreng:milestone_add": ("post", INBRENG_ANSWER),
    "inbreng:milestone_progress": ("post", INBRENG_ANSWER),
    "inbreng:rate": ("post", INBRENG_CONTRIBUTOR),
    "inbreng:reopen": ("post", INBRENG_CONTRIBUTOR),
    # Trainings: the catalogue and comparison are public. A development record is for
    # ervaringswerkers; Anouk's entries only she changes (others 404). The team overview is
    # for coordinators (and managers) and shows their own organisation only.
    "trainings:catalogue": ("get", everyone()),
    "trainings:detail": ("get", everyone()),
    "trainings:compare": ("get", everyone()),
    "trainings:dossier": ("get", only({"anouk", "bram"})),
    "trainings:record_create": ("get", only({"anouk", "bram"})),
    "trainings:record_edit": ("get", only({"anouk"}, denied=404)),
    "trainings:record_delete": ("get", only({"anouk"}, denied=404)),
    "trainings:team": ("get", only(KWARTIERMAKERS)),
    # Intervision: Anouk (A) facilitates a group with Bram (B); Bram shared a case; the
    # coordinator of A asked to join (a request is not membership). Ervaringswerkers and
    # coordinators list and join groups; inside a group only its members (404 for everyone
    # else, staff included); the facilitator plans, decides and takes attendance (Bram: 403).
    "intervision:list": ("get", only(WRITERS)),
    "intervision:create": ("get", only(WRITERS)),
    "intervision:join": ("post", only(WRITERS, ok=302)),  # members: a message, then back
    "intervision:group": ("get", only({"anouk", "bram"}, denied=404)),
    "intervision:group_ics": ("get", only({"anouk", "bram"}, denied=404)),
    "intervision:decide": ("post", {**only({"anouk"}, ok=302, denied=404), "bram": 403}),
    "intervision:session_create": ("get", {**only({"anouk"}, denied=404), "bram": 403}),
    "intervision:edit": ("get", {**only({"anouk"}, denied=404), "bram": 403}),
    "intervision:attendance": ("post", {**only({"anouk"}, ok=302, denied=404), "bram": 403}),
    "intervision:session": ("get", only({"anouk", "bram"}, denied=404)),
    "intervision:session_ics": ("get", only({"anouk", "bram"}, denied=404)),
    "intervision:step": ("post", only({"anouk", "bram"}, ok=302, denied=404)),
    "intervision:note": ("post", only({"anouk", "bram"}, ok=400, denied=404)),  # empty note
    "intervision:lesson_create": ("post", only({"anouk", "bram"}, ok=400, denied=404)),
    "intervision:lesson_propose": ("post", only({"anouk", "bram"}, ok=302, denied=404)),
    "intervision:case_create": ("get", only({"anouk", "bram"}, denied=404)),
    "intervision:case_review": ("get", only({"bram"}, denied=404)),  # shows the original
    "intervision:case_share": ("post", only({"bram"}, ok=302, denied=404)),
    # Verwijzen: the colleague of A referred a client; the coordinator of A offered it to
    # Anouk, who accepted, and the client chose her. Only these three see it (the colleague
    # status and dates only); everyone else 404. Steps refused by the service are a 404 too;
    # allowed steps without valid input end in a message and a redirect (302).
    "referrals:list": ("get", signed_in()),
    "referrals:create": ("get", only(REFERRERS)),
    "referrals:caseload": ("get", only({"anouk", "bram"})),
    "referrals:profile": ("get", only({"anouk", "bram"})),
    "referrals:withdraw": ("post", only({"anouk", "bram"}, ok=302)),
    "referrals:detail": ("get", only({"anouk", "coordinator", "colleague"}, denied=404)),
    "referrals:offer": ("post", only({"coordinator"}, ok=302, denied=404)),
    "referrals:answer": ("post", only({"anouk"}, ok=302, denied=404)),
    "referrals:client_choice": ("post", only({"coordinator"}, ok=302, denied=404)),
    "referrals:contact": ("post", only({"anouk"}, ok=302, denied=404)),
    "referrals:close": ("post", only({"anouk", "coordinator"}, ok=302, denied=404)),
    "referrals:trajectory": ("post", only({"anouk"}, ok=302, denied=404)),
    # SSO: the choose page is public; organisation A has no provider in the matrix (404 to
    # start); a callback without a code goes back to the login page; logout works for all.
    "sso:choose": ("get", everyone()),
    "sso:start": ("get", everyone(404)),
    "sso:callback": ("get", everyone(302)),
    "sso:logout": ("post", everyone(302)),
    # Help: public for everyone. The matrix's slug ("schulden") is no guide, so a 404; the
    # guides themselves answer 200 for everyone (wijkennis/help/tests).
    "help:index": ("get", everyone()),
    "help:guide": ("get", everyone(404)),
    "help:quick_guide_pdf": ("get", everyone()),
    "vocabulary:index": ("get", everyone()),
    "vocabulary:scheme": ("get", everyone()),
    "vocabulary:concept": ("get", everyone()),
    "vocabulary:label_check": ("get", everyone()),
    "vocabulary:proposals": ("get", signed_in()),
    "vocabulary:proposal": ("get", signed_in()),
    "vocabulary:propose": ("get", only(PROPOSERS)),
    "vocabulary:vote": ("post", only(PROPOSERS, ok=302)),  # no choice: a message, then back
    "vocabulary:comment": ("post", only(PROPOSERS, ok=400)),  # empty: the form again
    "vocabulary:decide": ("post", only({"admin"}, ok=400)),
    # Invitations: coordinators and beheerders of the organisation (and staff) manage them; the
    # matrix's invitation is organisation A's (404 for others). The accept link is public; the
    # matrix's "bad-token" is unknown, so everyone gets the friendly 404 page.
    "invitations:list": ("get", only({"coordinator", "coordinator_b", "admin"})),
    "invitations:create": ("get", only({"coordinator", "coordinator_b", "admin"})),
    "invitations:import": ("get", only({"coordinator", "coordinator_b", "admin"})),
    "invitations:example_csv": ("get", only({"coordinator", "coordinator_b", "admin"})),
    "invitations:resend": ("post", only({"coordinator", "admin"}, ok=302, denied=404)),
    "invitations:revoke": ("post", only({"coordinator", "admin"}, ok=302, denied=404)),
    "invitations:accept": ("get", everyone(404)),
    # Mijn gegevens: every signed-in person sees, downloads and deletes only their own data
    # (wijkennis/mydata/tests); the page after deleting is for everyone (they are logged out).
    "mydata:overview": ("get", signed_in()),
    "mydata:export_json": ("get", signed_in()),
    "mydata:export_pdf": ("get", signed_in()),
    "mydata:preferences": ("get", signed_in()),
    "mydata:delete": ("get", signed_in()),
    "mydata:deleted": ("get", everyone()),
    # Two-step sign-in (optional): offered to coordinators and beheerders (and staff). Without a
    # device, switching off just goes back to the page. The code step without a password
    # step sends everyone back to the login page.
    "twofactor:manage": ("get", only({"coordinator", "coordinator_b", "admin"})),
    "twofactor:disable": ("post", only({"coordinator", "coordinator_b", "admin"}, ok=302)),
    "twofactor:verify": ("get", everyone(302)),
}
# The Django admin: staff (beheerder) only; everyone else is sent to the admin login.
ADMIN_RULE = ("get", {**everyone(302), "admin": 200})


def all_url_names(patterns=None, namespace=""):
    """(name, pattern) for every named route; admin routes with object ids are covered by
    ADMIN_RULE through their list pages."""
    found = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += all_url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            found.append((f"{namespace}{entry.name}", entry))
    return found


URL_NAMES = sorted({name for name, _pattern in all_url_names()})


def rule_for(name):
    if name.startswith("admin:"):
        return ADMIN_RULE
    return RULES.get(name)


def test_every_url_has_a_rule():
    missing = [name for name in URL_NAMES if rule_for(name) is None]
    assert not missing, f"Add a permission rule for: {missing}"


# Every distinct way to call a route: the API's routes also exist with a ".json" suffix.
ROUTES = sorted(
    {(name, tuple(sorted(pattern.pattern.regex.groupindex))) for name, pattern in all_url_names()}
)


def url_kwargs(groups, story, span, proposal, item, scan_round, people):
    """The URL's arguments; objects only some routes need are made only for those."""
    anouk = people.anouk
    trajectory = cache(lambda: with_creditors(anouk, trajectory_for(anouk, people.org_a)))
    contribution = cache(lambda: inbreng_for(people))
    intervision = cache(lambda: matrix_world(people))
    referral = cache(lambda: chosen_referral(people))
    wanted = set(groups)
    values = {
        "format": "json",
        "rest": "bestaat-niet/",
        "slug": "schulden",
        "pk": story.pk,
        "span_pk": span.pk,
        "uidb64": "MQ",
        "token": "bad-token",
        "app_label": "accounts",
        "scheme": "levensgebied",
        "proposal_pk": proposal.pk,
        "item_pk": item.pk,
        "dataset": "patterns",
        "extension": "csv",
        "round_pk": scan_round.pk,
        "job_pk": lambda: JobDescriptionFactory(organisation=people.org_a).pk,
        "plan_pk": lambda: save_plan(people.coordinator, people.org_a, **good_plan()).pk,
        "trajectory_pk": lambda: trajectory().pk,
        "creditor_pk": lambda: trajectory().creditors.first().pk,
        "contribution_pk": lambda: contribution().pk,
        "milestone_pk": lambda: (
            contribution().milestones.create(title="Plan", due_on="2027-01-01").pk
        ),
        "notification_pk": lambda: contribution().notifications.get(user=people.policy_officer).pk,
        "recipient_pk": people.municipality.pk,
        "organisation_pk": people.org_a.pk,
        "municipality_pk": people.municipality.pk,
        "training_slug": lambda: TrainingFactory().slug,
        "referral_pk": lambda: referral().pk,
        "invitation_pk": lambda: matrix_invitation(people).pk,
        "record_pk": lambda: TrainingRecordFactory(worker=anouk).pk,
        **{
            key: (lambda key=key: intervision()[key])
            for key in ("group_pk", "member_pk", "session_pk", "case_pk", "lesson_pk")
        },
    }
    if not wanted <= set(values):
        return None
    return {key: values[key]() if callable(values[key]) else values[key] for key in wanted}


ADMIN_SAMPLE = {
    "admin:index",
    "admin:accounts_user_changelist",
    "admin:organisations_organisation_add",
    "admin:app_list",
    "admin:core_auditevent_changelist",
}


@pytest.mark.parametrize(
    ("name", "groups"),
    [(n, g) for n, g in ROUTES if not n.startswith("admin:") or n in ADMIN_SAMPLE],
)
def test_url_answers_each_person_as_the_rule_says(client, people, name, groups):
    ConceptFactory(slug="schulden")
    story = StoryFactory(
        author=people.anouk,
        organisation=people.org_a,
        published=True,
        visibility=Visibility.ORGANISATION,
    )
    span = name_span(story.current_version)
    proposal = Proposal.objects.create(
        kind="uitleg", concept=Concept.objects.get(slug="schulden"), definition="Anders."
    )
    item = knowledge_services.propose_item(
        people.anouk,
        situations=[Concept.objects.get(slug="schulden")],
        title="Samen de post openen",
        insight="Een vaste dag per week.",
    )
    method, expected = rule_for(name)
    scan_round = ScanRound.objects.create(organisation=people.org_a, title="Scan")
    kwargs = url_kwargs(groups, story, span, proposal, item, scan_round, people)
    assert kwargs is not None, f"{name}: the matrix cannot fill this URL's arguments"
    url = reverse(name, kwargs=kwargs)
    wrong = []
    for person, want in expected.items():
        client.logout()
        user = getattr(people, person)
        if user.is_authenticated:
            client.force_login(user)
        response = getattr(client, method)(url)
        got = response.status_code
        if want == LOGIN:
            ok = got == 302 and response.url.startswith(reverse("accounts:login"))
        else:
            ok = got == want
        if not ok:
            wrong.append(f"{person}: expected {want}, got {got}")
    assert not wrong, f"{method.upper()} {url}: " + "; ".join(wrong)
