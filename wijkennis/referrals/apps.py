from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "wijkennis.referrals"
    verbose_name = "Referrals"
