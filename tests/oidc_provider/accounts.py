"""Who exists at the test provider; the SSO tests import these names."""

PASSWORD = "wachtwoord-bij-de-provider-7"
CALLBACK = "http://testserver/sso/callback/"
AFTER_LOGOUT = "http://testserver/"

# client_id → secret. "andere-app" is another service of the same organisation: its tokens
# are not meant for Wijkennis.
CLIENTS = {
    "wijkennis": "wijkennis-client-secret-1",
    "andere-app": "andere-app-client-secret-2",
}

# email, first name, last name, e-mail confirmed by the provider
USERS = [
    ("anouk@a.test", "Anouk", "Verbeek", True),  # has a Wijkennis account in organisation A
    ("nieuw@a.test", "Nadia", "Nieuwenhuis", True),  # no Wijkennis account yet
    ("bram@b.test", "Bram", "Oosterhuis", True),  # a Wijkennis account in organisation B
    ("onbevestigd@a.test", "Olga", "Onbevestigd", False),
    ("uitgenodigd@a.test", "Ilse", "Uitgenodigd", True),  # invited to organisation A
]
