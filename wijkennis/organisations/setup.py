"""The first run of a new installation: one organisation, its first beheerder, the seed data.

`wijkennis setup` (the management command) asks for the values and calls these functions; tests
call them directly. `check_*` return the cleaned value or raise a `ValidationError` with a plain
message; `set_up_installation` checks everything first and then writes in one transaction, so a
refused value creates nothing.

The first beheerder is `is_staff` and `is_superuser`: the Django admin (`/beheer/`, where SSO
and organisations are set up) shows a staff user only the models they have permissions for,
and a fresh installation has no permission groups yet. A second run finds the organisation (by
name, without case) and the user (by e-mail) and changes neither; it only adds what is missing
(the beheerder membership, the admin rights, seed data that is not there yet).
"""

from dataclasses import dataclass

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from wijkennis.accounts.models import User
from wijkennis.core.models import record_event

from .models import Membership, Organisation, OrganisationKind, Role


@dataclass
class SetupResult:
    organisation: Organisation
    user: User
    organisation_created: bool
    user_created: bool
    membership_created: bool
    rights_added: bool
    concepts: int
    trainings: int


def check_organisation_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(_("Fill in the name of the organisation."))
    limit = Organisation._meta.get_field("name").max_length
    if len(name) > limit:
        raise ValidationError(
            _("The name is too long. Use at most %(limit)d characters.") % {"limit": limit}
        )
    return name


def check_kind(kind: str) -> str:
    """The kind's value; accepts the value (`sociaal_werk`) or the label, without case."""
    wanted = (kind or "").strip().casefold()
    for value, label in OrganisationKind.choices:
        if wanted in {value.casefold(), str(label).casefold()}:
            return value
    raise ValidationError(
        _("Unknown kind of organisation. Choose one of: %(kinds)s.")
        % {"kinds": ", ".join(OrganisationKind.values)}
    )


def check_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            _("This is not a valid e-mail address. Example: naam@organisatie.nl")
        ) from None
    return email


def check_first_name(first_name: str) -> str:
    first_name = " ".join((first_name or "").split())
    if not first_name:
        raise ValidationError(_("Fill in a first name."))
    return first_name[: User._meta.get_field("first_name").max_length]


def check_password(password: str, *, email: str = "", first_name: str = "", last_name: str = ""):
    """Django's password validators (settings.AUTH_PASSWORD_VALIDATORS) on the new user."""
    if not password:
        raise ValidationError(_("Fill in a password."))
    user = User(email=email, first_name=first_name, last_name=last_name)
    password_validation.validate_password(password, user=user)
    return password


def find_existing(organisation_name: str = "", email: str = ""):
    """(organisation, user) that an earlier run made, or None for each."""
    organisation = (
        Organisation.objects.filter(name__iexact=organisation_name).first()
        if organisation_name
        else None
    )
    user = User.objects.filter(email__iexact=email).first() if email else None
    return organisation, user


def load_seed_data_once() -> tuple[int, int]:
    """Load the seed vocabulary when there is none, and the training catalogue when it is
    missing or not yet linked to the vocabulary's themes; returns how many concepts and
    trainings were loaded now (0: already there). An installation in use keeps its
    vocabulary as the community changed it: `wijkennis load_vocabulary` would set the seed
    texts back."""
    from wijkennis.trainings.models import Training
    from wijkennis.trainings.seed import load_trainings
    from wijkennis.vocabulary.models import Concept
    from wijkennis.vocabulary.services import load_seed_vocabulary

    concepts = 0 if Concept.objects.exists() else load_seed_vocabulary()
    linked = Training.objects.filter(themes__isnull=False).exists()
    trainings = load_trainings() if concepts or not linked else 0  # themes need the concepts
    return concepts, trainings


def set_up_installation(
    *,
    organisation_name: str,
    kind: str,
    city: str = "",
    email: str,
    first_name: str = "",
    last_name: str = "",
    password: str = "",
    load_seed_data: bool = True,
) -> SetupResult:
    """Create (or find) the first organisation and beheerder and load the seed data.

    Raises `ValidationError` (a dict: keys are the option names) before writing anything when a
    value is wrong. The password is needed only when the user does not exist yet; an existing
    user's password is never changed.
    """
    errors: dict[str, list[str]] = {}

    def checked(key, check, *args, **kwargs):
        try:
            return check(*args, **kwargs)
        except ValidationError as error:
            errors[key] = error.messages
            return None

    organisation_name = checked("organisation", check_organisation_name, organisation_name)
    organisation, user = find_existing(organisation_name or "", (email or "").strip())
    if organisation is None:
        kind = checked("kind", check_kind, kind)
    email = checked("email", check_email, email)
    city = " ".join((city or "").split())[: Organisation._meta.get_field("city").max_length]
    if user is None:
        first_name = checked("first_name", check_first_name, first_name)
        last_name = " ".join((last_name or "").split())[:150]
        checked(
            "password",
            check_password,
            password,
            email=email or "",
            first_name=first_name or "",
            last_name=last_name,
        )
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        concepts, trainings = load_seed_data_once() if load_seed_data else (0, 0)
        organisation_created = organisation is None
        if organisation_created:
            organisation = Organisation.objects.create(name=organisation_name, kind=kind, city=city)
        user_created = user is None
        rights_added = False
        if user_created:
            user = User.objects.create_user(
                email,
                password,
                first_name=first_name,
                last_name=last_name,
                is_staff=True,
                is_superuser=True,
            )
        elif not (user.is_staff and user.is_superuser and user.is_active):
            user.is_staff = user.is_superuser = user.is_active = True
            user.save(update_fields=["is_staff", "is_superuser", "is_active"])
            rights_added = True
        _membership, membership_created = Membership.objects.get_or_create(
            user=user, organisation=organisation, role=Role.BEHEERDER
        )
        if organisation_created or user_created or membership_created or rights_added:
            record_event(None, "installation.setup", organisation, detail=f"user={user.pk}")
    return SetupResult(
        organisation=organisation,
        user=user,
        organisation_created=organisation_created,
        user_created=user_created,
        membership_created=membership_created,
        rights_added=rights_added,
        concepts=concepts,
        trainings=trainings,
    )
