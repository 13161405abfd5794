"""Who may see which dashboard: the one place that decides it (views and exports ask here).

- An organisation's dashboard: its coordinators and managers (`KWARTIER_ROLES`) and the
  beheerder (staff or the beheerder role).
- A municipality's dashboard: the figures of the organisations it funds, added together, for
  the municipality's policy officers (beleidsmedewerkers) and the beheerder. An organisation the
  municipality does not fund never takes part, not even by name.

Dashboards show aggregates only, so they count trajectories, stories and inbreng that the viewer
may not read one by one (a policy officer never reads a trajectory). That is why the scope is
limited to whole organisations here and every figure passes the small-group rule
(`suppression.py`).
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse

from wijkennis.organisations.models import (
    KWARTIER_ROLES,
    Organisation,
    OrganisationKind,
    Role,
    has_role,
    organisation_ids_with_role,
)


def is_beheerder(user) -> bool:
    return user.is_authenticated and (user.is_staff or has_role(user, {Role.BEHEERDER}))


def dashboard_organisations(user) -> QuerySet:
    """Organisations whose own dashboard `user` may open."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if is_beheerder(user):
        return Organisation.objects.exclude(kind=OrganisationKind.MUNICIPALITY)
    return Organisation.objects.filter(pk__in=organisation_ids_with_role(user, KWARTIER_ROLES))


def dashboard_municipalities(user) -> QuerySet:
    """Municipalities whose dashboard (of the organisations they fund) `user` may open."""
    municipalities = Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY)
    if not user.is_authenticated:
        return municipalities.none()
    if is_beheerder(user):
        return municipalities
    return municipalities.filter(pk__in=organisation_ids_with_role(user, {Role.BELEIDSMEDEWERKER}))


def funded_organisations(municipality: Organisation) -> QuerySet:
    return municipality.funds.all()


@dataclass
class Scope:
    """What one dashboard covers. `organisations`: whose trajectories, plans, stories and given
    inbreng count; `receivers`: whose received inbreng counts (the municipality itself, or the
    organisation). Received inbreng counts whoever gave it: it shows what the receiver did with
    input, and only as numbers, so no giver's organisation is named."""

    kind: str  # "organisation" or "municipality"
    subject: Organisation
    organisation_ids: tuple[int, ...]
    receiver_ids: tuple[int, ...]

    @property
    def organisations(self) -> QuerySet:
        return Organisation.objects.filter(pk__in=self.organisation_ids)

    @property
    def receivers(self) -> QuerySet:
        return Organisation.objects.filter(pk__in=self.receiver_ids)

    @property
    def url(self) -> str:
        return reverse(f"dashboards:{self.kind}", kwargs={f"{self.kind}_pk": self.subject.pk})

    def export_url(self, extension: str) -> str:
        return reverse(
            f"dashboards:{self.kind}_export",
            kwargs={f"{self.kind}_pk": self.subject.pk, "extension": extension},
        )


def organisation_scope(user, organisation_pk: int) -> Scope:
    """The organisation's dashboard, or a 404 for anyone who may not see it."""
    organisation = dashboard_organisations(user).filter(pk=organisation_pk).first()
    if organisation is None:
        raise Http404
    return Scope("organisation", organisation, (organisation.pk,), (organisation.pk,))


def municipality_scope(user, municipality_pk: int) -> Scope:
    municipality = dashboard_municipalities(user).filter(pk=municipality_pk).first()
    if municipality is None:
        raise Http404
    return Scope(
        "municipality",
        municipality,
        tuple(sorted(funded_organisations(municipality).values_list("pk", flat=True))),
        (municipality.pk,),
    )
