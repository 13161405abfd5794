from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import OidcIdentity, OidcProvider


@admin.register(OidcProvider)
class OidcProviderAdmin(admin.ModelAdmin):
    """Register each provider with the redirect URI https://<this site>/sso/callback/ and the
    post-logout URI https://<this site>/. The secret itself stays in the environment."""

    list_display = [
        "organisation",
        "label",
        "enabled",
        "create_users",
        "default_role",
        "secret_is_set",
        "from_environment",
    ]
    list_filter = ["enabled", "create_users", "from_environment"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__name", "button_label", "issuer"]
    readonly_fields = ["secret_is_set", "from_environment"]
    fieldsets = [
        (None, {"fields": ["organisation", "button_label", "enabled"]}),
        (
            _("Provider"),
            {
                "fields": [
                    "issuer",
                    "authorization_endpoint",
                    "token_endpoint",
                    "userinfo_endpoint",
                    "jwks_endpoint",
                    "end_session_endpoint",
                    "signing_algorithm",
                    "scopes",
                ]
            },
        ),
        (_("Client"), {"fields": ["client_id", "client_secret_env", "secret_is_set"]}),
        (_("First login"), {"fields": ["create_users", "default_role"]}),
        (None, {"fields": ["from_environment"]}),
    ]

    @admin.display(boolean=True, description=_("secret is set"))
    def secret_is_set(self, provider):
        return provider.client_secret() is not None


@admin.register(OidcIdentity)
class OidcIdentityAdmin(admin.ModelAdmin):
    list_display = ["user", "provider", "linked_at", "last_login_at"]
    list_filter = ["provider"]
    list_select_related = ["user", "provider__organisation"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]
    readonly_fields = ["linked_at", "last_login_at"]
