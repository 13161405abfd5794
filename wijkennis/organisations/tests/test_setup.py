"""`wijkennis setup` and its service: the first run of a new installation.

The installer (a person at a terminal, or a script with --no-input) acts; prompts are answered
through a patched `input` / `getpass`."""

from io import StringIO

import django
import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections
from django.urls import reverse

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from wijkennis.accounts.models import User
from wijkennis.cli import main as wijkennis_cli
from wijkennis.core.models import AuditEvent
from wijkennis.organisations import setup
from wijkennis.organisations.management.commands import setup as setup_command
from wijkennis.organisations.models import Membership, Organisation, OrganisationKind, Role
from wijkennis.trainings.models import Training
from wijkennis.vocabulary.models import Concept
from wijkennis.vocabulary.services import load_seed_vocabulary

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "Stroopwafel-Lantaarn-2031"  # noqa: S105 - a test value
GOOD = {
    "organisation_name": "Welzijn Noordkaap",
    "kind": "sociaal_werk",
    "city": "Noordkaap",
    "email": "Ria@Noordkaap.nl",
    "first_name": "Ria",
    "last_name": "de Vries",
    "password": GOOD_PASSWORD,
}


def nothing_created():
    return not Organisation.objects.exists() and not User.objects.exists()


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("setup", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def flags(tmp_path, **overrides):
    password_file = tmp_path / "wachtwoord"
    password_file.write_text(overrides.pop("password", GOOD_PASSWORD) + "\n", encoding="utf-8")
    values = {
        "organisation": "Welzijn Noordkaap",
        "kind": "sociaal_werk",
        "city": "Noordkaap",
        "email": "ria@noordkaap.nl",
        "first-name": "Ria",
        "last-name": "de Vries",
        "password-file": str(password_file),
        **overrides,
    }
    return ["--no-input"] + [f"--{k}={v}" for k, v in values.items() if v is not None]


class FakeTerminal:
    """Answers prompts in order and remembers how many it got."""

    def __init__(self, answers):
        self.answers = list(answers)
        self.prompts = []

    def __call__(self, prompt=""):
        self.prompts.append(prompt)
        if not self.answers:
            raise AssertionError(f"unexpected prompt: {prompt}")
        return self.answers.pop(0)


# ── the service ─────────────────────────────────────────────────────────


def test_service_creates_organisation_beheerder_and_seed_data():
    result = setup.set_up_installation(**GOOD)

    organisation = Organisation.objects.get()
    assert (organisation.name, organisation.kind, organisation.city) == (
        "Welzijn Noordkaap",
        OrganisationKind.SOCIAL_WORK,
        "Noordkaap",
    )
    user = User.objects.get()
    assert user.email == "ria@noordkaap.nl"
    assert user.check_password(GOOD_PASSWORD)
    assert user.is_staff and user.is_superuser and user.is_active
    assert Membership.objects.filter(user=user, organisation=organisation, role=Role.BEHEERDER)
    assert result.organisation_created and result.user_created and result.membership_created
    assert Concept.objects.count() == result.concepts > 0
    assert Training.objects.count() == result.trainings > 0
    assert Training.objects.filter(themes__isnull=False).exists()  # themes link to concepts
    assert AuditEvent.objects.filter(action="installation.setup", object_id=organisation.pk)


def test_service_second_run_finds_everything_and_changes_nothing():
    setup.set_up_installation(**GOOD)
    # Meanwhile the community changed a definition (through a proposal).
    Concept.objects.filter(slug="schulden").update(definition="Zoals wij het zeggen.")
    again = setup.set_up_installation(
        **{**GOOD, "organisation_name": "welzijn noordkaap", "kind": "", "password": ""}
    )

    assert not (again.organisation_created or again.user_created or again.membership_created)
    assert again.concepts == again.trainings == 0  # the seed data was there already
    assert Concept.objects.get(slug="schulden").definition == "Zoals wij het zeggen."
    assert Organisation.objects.count() == User.objects.count() == Membership.objects.count() == 1
    assert User.objects.get().check_password(GOOD_PASSWORD)  # not changed
    assert AuditEvent.objects.filter(action="installation.setup").count() == 1


def test_service_makes_an_existing_user_beheerder_without_touching_the_password():
    organisation = OrganisationFactory(name="Welzijn Noordkaap")
    existing = UserFactory(email="ria@noordkaap.nl")
    MembershipFactory(user=existing, organisation=organisation, role=Role.COORDINATOR)

    result = setup.set_up_installation(**{**GOOD, "password": ""})

    existing.refresh_from_db()
    assert existing.is_staff and existing.is_superuser
    assert existing.check_password("een-lang-test-wachtwoord-42")
    assert result.membership_created and result.rights_added and not result.user_created
    assert set(existing.memberships.values_list("role", flat=True)) == {
        Role.COORDINATOR,
        Role.BEHEERDER,
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("organisation", {"organisation_name": "   "}),
        ("kind", {"kind": "bakkerij"}),
        ("email", {"email": "ria-at-noordkaap"}),
        ("first_name", {"first_name": ""}),
        ("password", {"password": "12345678"}),  # numeric and common
        ("password", {"password": "kort"}),  # too short
        ("password", {"password": "noordkaap.nl"}),  # like the e-mail address
    ],
)
def test_service_refuses_bad_input_and_creates_nothing(field, value):
    with pytest.raises(ValidationError) as caught:
        setup.set_up_installation(**{**GOOD, **value})
    assert set(caught.value.message_dict) == {field}
    assert nothing_created()
    assert not Concept.objects.exists()


def test_service_is_one_transaction(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Membership.objects, "get_or_create", broken)
    with pytest.raises(RuntimeError):
        setup.set_up_installation(**GOOD)
    assert nothing_created()
    assert not Concept.objects.exists()


def test_trainings_are_linked_to_themes_when_the_vocabulary_came_later():
    """Trainings come with a migration, before any vocabulary; setup links their themes."""
    assert Training.objects.exists() and not Training.objects.filter(themes__isnull=False)
    load_seed_vocabulary()  # e.g. `wijkennis load_vocabulary` ran, `load_trainings` not
    result = setup.set_up_installation(**GOOD)
    assert result.concepts == 0 and result.trainings > 0
    assert Training.objects.filter(themes__isnull=False).exists()


def test_kind_is_accepted_by_value_or_label_without_case():
    assert setup.check_kind(" GGZ ") == OrganisationKind.MENTAL_HEALTH
    assert (
        setup.check_kind(str(OrganisationKind.SHELTER.label).upper()) == "maatschappelijke_opvang"
    )


# ── the command with options ────────────────────────────────────────────


def test_command_with_options_sets_up_and_never_prints_the_password(tmp_path):
    out, err = run(*flags(tmp_path))

    user = User.objects.get(email="ria@noordkaap.nl")
    assert user.is_superuser and user.check_password(GOOD_PASSWORD)
    assert (user.first_name, user.last_name) == ("Ria", "de Vries")
    assert Membership.objects.filter(user=user, role=Role.BEHEERDER).count() == 1
    assert Organisation.objects.get().kind == "sociaal_werk"
    assert Concept.objects.exists()
    assert GOOD_PASSWORD not in out + err
    # The next steps: log in, invite people, the admin; each link leads to a page.
    for name in ("accounts:login", "invitations:list", "admin:index"):
        assert f"http://127.0.0.1:8000{reverse(name)}\n" in out


def test_command_takes_the_password_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(setup_command.PASSWORD_ENV, GOOD_PASSWORD)
    run(*flags(tmp_path, **{"password-file": None}))
    assert User.objects.get().check_password(GOOD_PASSWORD)


def test_command_accepts_password_on_the_command_line_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.delenv(setup_command.PASSWORD_ENV, raising=False)
    args = [*flags(tmp_path, **{"password-file": None}), f"--password={GOOD_PASSWORD}"]
    out, err = run(*args)
    assert User.objects.get().check_password(GOOD_PASSWORD)
    assert setup_command.PASSWORD_ENV in err  # the warning names the safer way
    assert GOOD_PASSWORD not in out + err


def test_command_second_run_says_so_and_duplicates_nothing(tmp_path):
    run(*flags(tmp_path))
    # A script may run it again; the password is not needed for an existing user.
    out, err = run("--no-input", "--organisation=WELZIJN NOORDKAAP", "--email=ria@noordkaap.nl")
    assert Organisation.objects.count() == User.objects.count() == Membership.objects.count() == 1
    assert User.objects.get().check_password(GOOD_PASSWORD)
    assert "Welzijn Noordkaap" in out and "ria@noordkaap.nl" in out
    assert err == ""


@pytest.mark.parametrize(
    ("override", "option"),
    [
        ({"kind": "bakkerij"}, "--kind"),
        ({"email": "ria@"}, "--email"),
        ({"password": "wachtwoord"}, "--password"),
        ({"organisation": None}, "--organisation"),
        ({"password-file": None}, "--password-file"),
    ],
)
def test_command_without_input_stops_on_bad_input_with_code_2(
    tmp_path, monkeypatch, override, option
):
    monkeypatch.delenv(setup_command.PASSWORD_ENV, raising=False)
    with pytest.raises(CommandError) as caught:
        run(*flags(tmp_path, **override))
    assert caught.value.returncode == 2
    assert option in str(caught.value)
    assert nothing_created()


def test_command_with_an_unreadable_password_file_stops_with_code_2(tmp_path):
    with pytest.raises(CommandError) as caught:
        run(*flags(tmp_path, **{"password-file": str(tmp_path / "bestaat-niet")}))
    assert caught.value.returncode == 2
    assert nothing_created()


def test_console_command_exits_with_code_2(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(setup_command.PASSWORD_ENV, raising=False)
    # The console command closes the connections when done; the test's transaction needs it.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    # Django is set up already; setting it up again would bind the logging handlers to this
    # test's captured stderr, which is closed afterwards (later log records then fail).
    monkeypatch.setattr(django, "setup", lambda *args, **kwargs: None)
    with pytest.raises(SystemExit) as caught:
        wijkennis_cli(["setup", *flags(tmp_path, kind="bakkerij")])
    assert caught.value.code == 2
    assert "--kind" in capsys.readouterr().err
    assert nothing_created()


def test_command_runs_migrations_when_needed(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(
        setup_command.MigrationExecutor, "migration_plan", lambda self, targets: ["pending"]
    )
    monkeypatch.setattr(
        setup_command, "call_command", lambda name, **kwargs: calls.append((name, kwargs))
    )
    run(*flags(tmp_path))
    assert calls == [("migrate", {"database": "default", "interactive": False, "verbosity": 0})]


def test_command_skips_migrations_when_up_to_date(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(setup_command, "call_command", lambda *a, **k: calls.append(a))
    run(*flags(tmp_path))
    assert calls == []


# ── the command at a (fake) terminal ────────────────────────────────────


def test_interactive_asks_again_until_the_answers_are_good(monkeypatch):
    terminal = FakeTerminal(
        [
            "",  # organisation name: empty, asked again
            "Welzijn Noordkaap",
            "99",  # kind: no such number
            "bakkerij",  # kind: unknown
            "2",  # kind: the second in the list
            "Noordkaap",
            "ria-at-noordkaap",  # e-mail: invalid
            "ria@noordkaap.nl",
            "",  # first name: empty
            "Ria",
            "",  # last name may stay empty
        ]
    )
    passwords = FakeTerminal(
        [
            GOOD_PASSWORD,
            "something else",  # not the same: both asked again
            "12345678",
            "12345678",  # the same, but too weak
            GOOD_PASSWORD,
            GOOD_PASSWORD,
        ]
    )
    monkeypatch.setattr("builtins.input", terminal)
    monkeypatch.setattr("getpass.getpass", passwords)

    out, err = run()

    assert not terminal.answers and not passwords.answers
    organisation = Organisation.objects.get()
    assert (organisation.name, organisation.kind, organisation.city) == (
        "Welzijn Noordkaap",
        OrganisationKind.values[1],
        "Noordkaap",
    )
    user = User.objects.get()
    assert (user.email, user.first_name, user.last_name) == ("ria@noordkaap.nl", "Ria", "")
    assert user.check_password(GOOD_PASSWORD) and user.is_superuser
    assert len(err.strip().splitlines()) == 7  # one message per wrong answer
    assert GOOD_PASSWORD not in out + err


def test_interactive_second_run_asks_only_what_it_needs(monkeypatch):
    setup.set_up_installation(**GOOD)
    terminal = FakeTerminal(["Welzijn Noordkaap", "ria@noordkaap.nl"])
    monkeypatch.setattr("builtins.input", terminal)
    monkeypatch.setattr("getpass.getpass", FakeTerminal([]))  # never asked

    run()

    assert len(terminal.prompts) == 2
    assert Organisation.objects.count() == User.objects.count() == Membership.objects.count() == 1


def test_interactive_uses_good_options_and_asks_for_the_rest(monkeypatch):
    terminal = FakeTerminal(["", "Ria", "de Vries"])  # city, first name, last name
    monkeypatch.setattr("builtins.input", terminal)
    monkeypatch.setattr("getpass.getpass", FakeTerminal([GOOD_PASSWORD, GOOD_PASSWORD]))

    run("--organisation=Welzijn Noordkaap", "--kind=ggz", "--email=ria@noordkaap.nl")

    assert Organisation.objects.get().kind == OrganisationKind.MENTAL_HEALTH
    assert User.objects.get().last_name == "de Vries"


def test_interactive_stopped_with_ctrl_d_creates_nothing(monkeypatch):
    def end_of_input(prompt=""):
        raise EOFError

    monkeypatch.setattr("builtins.input", end_of_input)
    with pytest.raises(CommandError):
        run()
    assert nothing_created()
