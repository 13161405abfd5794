"""`wijkennis setup`: the first run of a new installation.

Asks for (or takes as options) the first organisation and its first beheerder, runs the
migrations when needed, loads the vocabulary and the training catalogue, and prints what to do
next. Safe to run twice. With `--no-input` every missing or wrong value ends the command with
exit code 2 and a message naming the option; nothing is created then.
"""

import getpass
import os
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from wijkennis.organisations import setup
from wijkennis.organisations.models import OrganisationKind

PASSWORD_ENV = "WIJKENNIS_SETUP_PASSWORD"  # noqa: S105 - the name of a variable, not a password
BAD_INPUT = 2  # exit code for a missing or wrong option in --no-input mode


class Command(BaseCommand):
    help = (
        "Set up a new installation: the first organisation and its beheerder, the vocabulary "
        "and the training catalogue. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisation", help="name of the first organisation")
        parser.add_argument(
            "--kind", help="kind of organisation: " + ", ".join(OrganisationKind.values)
        )
        parser.add_argument("--city", help="city of the organisation (optional)")
        parser.add_argument("--email", help="e-mail address of the first beheerder")
        parser.add_argument("--first-name", dest="first_name")
        parser.add_argument("--last-name", dest="last_name")
        parser.add_argument(
            "--password-file",
            help=f"file whose first line is the password (or set {PASSWORD_ENV})",
        )
        parser.add_argument(
            "--password",
            help="the password itself; others can see it in the process list and your shell "
            "history, so prefer --password-file",
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="ask nothing; a missing or wrong value stops the command (exit code 2)",
        )
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="the database to set up (default)"
        )

    def handle(self, *args, **options):
        self.interactive = options["interactive"]
        self.errors: list[str] = []
        try:
            self._migrate(options["database"])
            values = self._gather(options)
            if self.errors:
                raise CommandError(
                    "\n".join([_("Nothing was created."), *self.errors]), returncode=BAD_INPUT
                )
            try:
                result = setup.set_up_installation(**values)
            except ValidationError as error:
                lines = [
                    f"--{key.replace('_', '-')}: {' '.join(messages)}"
                    for key, messages in error.message_dict.items()
                ]
                raise CommandError(
                    "\n".join([_("Nothing was created."), *lines]), returncode=BAD_INPUT
                ) from None
        except (EOFError, KeyboardInterrupt):
            raise CommandError(_("Stopped. Nothing was created.")) from None
        self._report(result)
        self._next_steps()

    # ── migrations ──────────────────────────────────────────────────────

    def _migrate(self, database: str) -> None:
        connection = connections[database]
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write(_("The database is not up to date. Updating it now …"))
            call_command("migrate", database=database, interactive=False, verbosity=0)
            self.stdout.write(self.style.SUCCESS(_("Database updated.")))

    # ── asking ──────────────────────────────────────────────────────────

    def _ask(self, option: str, prompt: str, check, given, *, optional: bool = False):
        """The checked value of `option`: from the command line, else asked; asked again while
        wrong. Without input a wrong or missing value is noted in self.errors."""
        while True:
            if given is None:
                if not self.interactive:
                    if optional:
                        return ""
                    self.errors.append(f"--{option}: " + _("this value is missing."))
                    return None
                given = input(f"{prompt}: ")
            try:
                return check(given)
            except ValidationError as error:
                message = " ".join(error.messages)
                if not self.interactive:
                    self.errors.append(f"--{option}: {message}")
                    return None
                self.stderr.write(message)
                given = None

    def _gather(self, options) -> dict:
        if self.interactive:
            self.stdout.write(
                _("Welcome to Wijkennis. We set up your installation in a few steps.")
            )
            self.stdout.write(_("First the organisation that uses Wijkennis."))
        name = self._ask(
            "organisation",
            _("Name of the organisation"),
            setup.check_organisation_name,
            options["organisation"],
        )
        organisation, _user = setup.find_existing(name or "", "")
        kind, city = "", ""
        if organisation is not None:
            self.stdout.write(
                _("The organisation %(name)s already exists. We keep it as it is.")
                % {"name": organisation.name}
            )
        else:
            if self.interactive and options["kind"] is None:
                self.stdout.write(_("What kind of organisation is it? Type a number."))
                for number, (_value, label) in enumerate(OrganisationKind.choices, start=1):
                    self.stdout.write(f"  {number}. {label}")
            kind = self._ask("kind", _("Kind"), self._check_kind, options["kind"])
            city = self._ask(
                "city",
                _("City (you may leave this empty)"),
                str.strip,
                options["city"],
                optional=True,
            )
        if self.interactive:
            self.stdout.write(_("Now the first beheerder. This person manages Wijkennis."))
        email = self._ask("email", _("E-mail address"), setup.check_email, options["email"])
        _organisation, user = setup.find_existing("", email or "")
        first_name = last_name = password = ""
        if user is not None:
            self.stdout.write(
                _("The user %(email)s already exists. We do not change the password.")
                % {"email": user.email}
            )
        else:
            first_name = self._ask(
                "first-name", _("First name"), setup.check_first_name, options["first_name"]
            )
            last_name = self._ask(
                "last-name",
                _("Last name (you may leave this empty)"),
                str.strip,
                options["last_name"],
                optional=True,
            )
            password = self._password(options, email or "", first_name or "", last_name or "")
        return {
            "organisation_name": name,
            "kind": kind,
            "city": city,
            "email": email,
            "first_name": first_name,
            "last_name": last_name,
            "password": password,
        }

    @staticmethod
    def _check_kind(value: str) -> str:
        value = (value or "").strip()
        if value.isdigit() and 1 <= int(value) <= len(OrganisationKind.values):
            return OrganisationKind.values[int(value) - 1]
        return setup.check_kind(value)

    def _password(self, options, email: str, first_name: str, last_name: str) -> str:
        given = None
        if options["password_file"]:
            try:
                text = Path(options["password_file"]).read_text(encoding="utf-8")
            except (OSError, UnicodeError) as error:
                raise CommandError(
                    _("Cannot read the password file: %(error)s") % {"error": error},
                    returncode=BAD_INPUT,
                ) from None
            given = text.splitlines()[0] if text.strip() else ""
        elif os.environ.get(PASSWORD_ENV):
            given = os.environ[PASSWORD_ENV]
        elif options["password"] is not None:
            self.stderr.write(
                _(
                    "Warning: a password on the command line can be seen by others. "
                    "Next time use --password-file or %(variable)s."
                )
                % {"variable": PASSWORD_ENV}
            )
            given = options["password"]
        while True:
            if given is None:
                if not self.interactive:
                    self.errors.append(
                        "--password-file: "
                        + _("no password given. Use --password-file or %(variable)s.")
                        % {"variable": PASSWORD_ENV}
                    )
                    return ""
                given = getpass.getpass(_("Password (you do not see what you type)") + ": ")
                again = getpass.getpass(_("The same password again") + ": ")
                if given != again:
                    self.stderr.write(_("The two passwords are not the same. Try again."))
                    given = None
                    continue
            try:
                return setup.check_password(
                    given, email=email, first_name=first_name, last_name=last_name
                )
            except ValidationError as error:
                message = " ".join(error.messages)
                if not self.interactive:
                    self.errors.append(f"--password: {message}")
                    return ""
                self.stderr.write(message)
                given = None

    # ── telling ─────────────────────────────────────────────────────────

    def _report(self, result: setup.SetupResult) -> None:
        ok = self.style.SUCCESS
        self.stdout.write("")
        if result.concepts:
            self.stdout.write(
                ok(_("Vocabulary: %(count)d concepts loaded.") % {"count": result.concepts})
            )
        else:
            self.stdout.write(_("The vocabulary was already there. We did not change it."))
        if result.trainings:
            self.stdout.write(
                ok(
                    _("Training catalogue: %(count)d trainings loaded.")
                    % {"count": result.trainings}
                )
            )
        else:
            self.stdout.write(_("The training catalogue was already there."))
        names = {"name": result.organisation.name, "email": result.user.email}
        if result.organisation_created:
            self.stdout.write(ok(_("Organisation %(name)s created.") % names))
        else:
            self.stdout.write(_("Organisation %(name)s was already there.") % names)
        if result.user_created:
            self.stdout.write(ok(_("Beheerder %(email)s created.") % names))
        else:
            self.stdout.write(_("User %(email)s was already there.") % names)
        if result.membership_created and not result.user_created:
            self.stdout.write(ok(_("%(email)s is now beheerder of %(name)s.") % names))
        if result.rights_added:
            self.stdout.write(ok(_("%(email)s may now use the admin pages.") % names))
        if not any(
            [
                result.organisation_created,
                result.user_created,
                result.membership_created,
                result.rights_added,
            ]
        ):
            self.stdout.write(_("Everything was already set up. Nothing new was created."))

    def _next_steps(self) -> None:
        site = getattr(settings, "WIJKENNIS_SITE_URL", "").rstrip("/") or "http://127.0.0.1:8000"
        steps = [
            _("Start the server to try it out: wijkennis runserver"),
            _("Log in with the e-mail address and password of the beheerder: %(url)s")
            % {"url": site + reverse("accounts:login")},
            _("Add organisations and set up single sign-on (SSO) in the admin: %(url)s")
            % {"url": site + reverse("admin:index")},
        ]
        try:
            invitations = reverse("invitations:list")
        except NoReverseMatch:  # an installation without the invitations app
            pass
        else:
            steps.insert(
                2,
                _("Invite the people of your organisation: %(url)s") % {"url": site + invitations},
            )
        deploy = Path(settings.BASE_DIR) / "docs" / "DEPLOY.md"
        if deploy.exists():
            steps.append(
                _("Running it for real? Read %(file)s first.") % {"file": "docs/DEPLOY.md"}
            )
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(_("Wijkennis is ready. What to do next:")))
        for number, step in enumerate(steps, start=1):
            self.stdout.write(f"  {number}. {step}")
