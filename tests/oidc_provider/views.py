from django.conf import settings
from django.http import JsonResponse
from jwcrypto import jwk


def other_jwks(request):
    """A key set with the real key's id but another key: a token checked against it has a
    bad signature (an attacker's key, or a provider that changed keys without telling)."""
    real = jwk.JWK.from_pem(settings.KEY_FILE.read_bytes())
    other = jwk.JWK.from_pem((settings.DATA_DIR / "other-key.pem").read_bytes())
    public = other.export_public(as_dict=True)
    public.update(kid=real.thumbprint(), alg="RS256", use="sig")
    return JsonResponse({"keys": [public]})
