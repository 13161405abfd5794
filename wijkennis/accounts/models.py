from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **fields):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person who signs in with an e-mail address; roles come from memberships."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    # Preferences the person sets under "Mijn gegevens" (wijkennis.mydata). The language wins
    # over the browser and the language cookie once they are signed in.
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="nl"
    )
    # E-mail on or off; the in-app notifications always stay.
    email_inbreng_updates = models.BooleanField(_("e-mail about my inbreng"), default=True)
    email_inbreng_digest = models.BooleanField(_("weekly inbreng e-mail"), default=True)
    email_referrals = models.BooleanField(_("e-mail about referrals"), default=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def display_name(self) -> str:
        return self.first_name or self.email.split("@")[0]
