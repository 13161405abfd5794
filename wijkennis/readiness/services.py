from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wijkennis.core.models import record_event
from wijkennis.organisations.models import KWARTIER_ROLES, organisation_ids_with_role

from . import scoring
from .models import SCAN_ROLES, ScanResponse, ScanRound


def organisations_to_start(user) -> set[int]:
    return organisation_ids_with_role(user, KWARTIER_ROLES)


def start_round(user, organisation, title: str) -> ScanRound:
    """A coordinator or manager opens a new round for their organisation."""
    if organisation.pk not in organisations_to_start(user):
        raise PermissionDenied
    title = " ".join(title.split())
    if not title:
        raise ValidationError({"title": _("Give this round a name, for example the month.")})
    scan_round = ScanRound.objects.create(organisation=organisation, title=title, started_by=user)
    record_event(user, "readiness.started", scan_round)
    return scan_round


@transaction.atomic
def submit_response(user, scan_round: ScanRound, raw_answers: dict) -> ScanResponse:
    """Store one person's answers; every statement needs an answer ("weet niet" counts)."""
    if scan_round.organisation_id not in organisation_ids_with_role(user, SCAN_ROLES):
        raise PermissionDenied
    answers = scoring.clean_answers(raw_answers)
    missing = len(scoring.statements()) - len(answers)
    if missing:
        raise ValidationError(
            _("%(count)s statements have no answer yet. Choose “don't know” if you are not sure.")
            % {"count": missing}
        )
    response, _created = ScanResponse.objects.update_or_create(
        round=scan_round,
        respondent=user,
        defaults={"answers": answers, "content_version": scoring.content()["version"]},
    )
    return response
