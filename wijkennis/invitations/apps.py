from django.apps import AppConfig


class InvitationsConfig(AppConfig):
    name = "wijkennis.invitations"
