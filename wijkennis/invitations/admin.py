from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Invitation


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """For looking up invitations. New invitations are made on the invitations page (which
    sends the e-mail); the token is never stored, only its hash."""

    list_display = ["email", "organisation", "role", "status", "created_at", "expires_at"]
    list_filter = ["role", "organisation"]
    search_fields = ["email", "first_name"]
    date_hierarchy = "created_at"
    list_select_related = ["organisation"]
    readonly_fields = [
        "email",
        "organisation",
        "role",
        "team",
        "first_name",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
        "times_sent",
        "last_sent_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description=_("status"))
    def status(self, invitation) -> str:
        return invitation.get_status_display()
