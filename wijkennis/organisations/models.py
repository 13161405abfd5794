from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from wijkennis.core.generations import bump, cached, per_person


class OrganisationKind(models.TextChoices):
    # Sectors where experience workers are employed (Movisie 2020, §1.3).
    MUNICIPALITY = "gemeente", _("Municipality")
    SOCIAL_WORK = "sociaal_werk", _("Social work")
    SHELTER = "maatschappelijke_opvang", _("Shelter and homeless services")
    DEBT_SUPPORT = "schuldhulp", _("Debt support")
    MENTAL_HEALTH = "ggz", _("Mental health care")
    ADDICTION_CARE = "verslavingszorg", _("Addiction care")
    RESEARCH = "onderzoek", _("Research")
    OTHER = "anders", _("Other")


class Role(models.TextChoices):
    ERVARINGSWERKER = "ervaringswerker", _("Experience worker")
    COORDINATOR = "coordinator", _("Coordinator / kwartiermaker")
    COLLEGA = "collega", _("Professional colleague")
    BELEIDSMEDEWERKER = "beleidsmedewerker", _("Municipal policy officer")
    ONDERZOEKER = "onderzoeker", _("Researcher")
    BEHEERDER = "beheerder", _("Administrator")
    MANAGER = "leidinggevende", _("Manager")


# Roles that may read stories shared with the organisation or the network. Policy officers
# see aggregates and public stories only (DESIGN §2).
STORY_READER_ROLES = frozenset({Role.ERVARINGSWERKER, Role.COORDINATOR, Role.COLLEGA})
NETWORK_READER_ROLES = STORY_READER_ROLES | {Role.ONDERZOEKER}
STORY_WRITER_ROLES = frozenset({Role.ERVARINGSWERKER, Role.COORDINATOR})
# Kwartiermaken: who prepares the organisation for experience work (plans, job descriptions).
KWARTIER_ROLES = frozenset({Role.COORDINATOR, Role.MANAGER})


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=40, choices=OrganisationKind.choices)
    city = models.CharField(_("city"), max_length=100, blank=True)
    # A municipality funds organisations; its policy officers see their aggregates later on.
    funded_by = models.ManyToManyField(
        "self",
        symmetrical=False,
        related_name="funds",
        blank=True,
        limit_choices_to={"kind": OrganisationKind.MUNICIPALITY},
        verbose_name=_("funded by"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_team_name")
        ]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class MembershipQuerySet(models.QuerySet):
    def with_roles(self, roles) -> "MembershipQuerySet":
        return self.filter(role__in=roles)


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True)
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="unique_membership_role"
            )
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.organisation}"


# Set on the signed-in person of a request by `core.middleware.person_once_per_request`.
ONCE_PER_REQUEST = "memberships_once_per_request"
MEMBERSHIPS_SECONDS = 3600


def memberships_held(user) -> list[tuple[str, int]]:
    """(role, organisation id) of every membership of `user`.

    A page asks about roles up to ten times (the menu, the rules, who may read what); for the
    person of the current request they are read once and kept on that request's user object,
    and between requests in the shared cache until one of their memberships changes.
    Any other user object (a test's, a command's) reads them afresh every time."""
    if not user.is_authenticated:
        return []
    held = user.__dict__.get("_memberships_held")
    if held is None:
        if getattr(user, ONCE_PER_REQUEST, False):
            held = cached(_topic(user.pk), lambda: _read_memberships(user), MEMBERSHIPS_SECONDS)
            user.__dict__["_memberships_held"] = held
        else:
            held = _read_memberships(user)
    return held


def _read_memberships(user) -> list[tuple[str, int]]:
    return list(Membership.objects.filter(user=user).values_list("role", "organisation_id"))


@per_person
def _topic(user_id: int) -> str:
    return f"memberships:{user_id}"


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
def _memberships_changed(sender, instance, **kwargs) -> None:
    bump(_topic(instance.user_id))  # also when an account or organisation is deleted


def organisation_ids_with_role(user, roles) -> set[int]:
    """Ids of the organisations where `user` holds one of `roles` (empty for anonymous)."""
    return {organisation for role, organisation in memberships_held(user) if role in roles}


def has_role(user, roles) -> bool:
    return any(role in roles for role, _organisation in memberships_held(user))
