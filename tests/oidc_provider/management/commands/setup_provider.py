from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from oauth2_provider.models import Application

from tests.oidc_provider.accounts import AFTER_LOGOUT, CALLBACK, CLIENTS, PASSWORD, USERS
from tests.oidc_provider.validators import UNVERIFIED_GROUP


def write_key(path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


class Command(BaseCommand):
    help = "Make the test provider's signing keys, people and client applications."

    def handle(self, *args, **options):
        write_key(settings.KEY_FILE)
        write_key(settings.DATA_DIR / "other-key.pem")
        unverified, _ = Group.objects.get_or_create(name=UNVERIFIED_GROUP)
        for email, first, last, verified in USERS:
            user = User.objects.create_user(
                username=email, email=email, password=PASSWORD, first_name=first, last_name=last
            )
            if not verified:
                user.groups.add(unverified)
        for client_id, secret in CLIENTS.items():
            Application.objects.create(
                name=client_id,
                client_id=client_id,
                client_secret=secret,
                client_type=Application.CLIENT_CONFIDENTIAL,
                authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
                redirect_uris=CALLBACK,
                post_logout_redirect_uris=AFTER_LOGOUT,
                skip_authorization=True,
                algorithm=Application.RS256_ALGORITHM,
            )
