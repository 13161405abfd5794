from oauth2_provider.oauth2_validators import OAuth2Validator

UNVERIFIED_GROUP = "unverified"


class ClaimsValidator(OAuth2Validator):
    """The claims a municipality's provider typically sends. Members of the group
    "unverified" have an e-mail address the provider has not confirmed."""

    def get_additional_claims(self, request):
        user = request.user
        return {
            "email": user.email,
            "email_verified": not user.groups.filter(name=UNVERIFIED_GROUP).exists(),
            "given_name": user.first_name,
            "family_name": user.last_name,
        }
