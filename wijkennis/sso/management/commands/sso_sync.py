from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wijkennis.sso import environment


class Command(BaseCommand):
    help = (
        "Create or update the organisations' sign-in providers from WIJKENNIS_OIDC_PROVIDERS "
        "(JSON) or a file. Providers from an earlier sync that are no longer listed are "
        "switched off."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, help="read the JSON from this file instead")
        parser.add_argument(
            "--check", action="store_true", help="only check the configuration; change nothing"
        )

    def handle(self, *args, file=None, check=False, **options):
        text = file.read_text(encoding="utf-8") if file else environment.configured_text()
        try:
            if check:
                providers = environment.parse(text)
                self.stdout.write(f"OK: {len(providers)} provider(s).")
                return
            result = environment.sync(text)
        except environment.ConfigurationError as error:
            raise CommandError(f"Nothing changed. {error}") from error
        for action, providers in result.items():
            for provider in providers:
                self.stdout.write(f"{action}: {provider.organisation} ({provider.issuer})")
        self.stdout.write(
            self.style.SUCCESS(
                "created {created}, updated {updated}, switched off {disabled}".format(
                    **{key: len(value) for key, value in result.items()}
                )
            )
        )
