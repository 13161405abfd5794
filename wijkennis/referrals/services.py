"""Writes of verwijzingen. Each step is dated on the referral; errors are one ValidationError
whose keys name the form field; acting outside one's role gives PermissionDenied (views: 404
where the referral is not visible at all).

Flow: filed → offered (to one or two workers) → accepted (a worker said yes; the client is
offered the accepted worker(s)) → chosen → contact → closed. When the client declines the
offered worker(s), the referral goes to "andere_hulp": it stays open with the coordinator, who
can offer other workers; the client keeps help.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wijkennis.core.mail import queue_emails
from wijkennis.core.models import record_event
from wijkennis.inbreng.notifications import site_url
from wijkennis.organisations.models import Membership, Organisation, Role, has_role
from wijkennis.trajectories import services as trajectory_services
from wijkennis.trajectories.services import check_code

from .models import (
    CONSENT_TEXT,
    REFERRER_ROLES,
    ExperienceProfile,
    Offer,
    OfferStatus,
    Referral,
    ReferralNotification,
    Status,
)


def is_coordinator(user, organisation) -> bool:
    return Membership.objects.filter(
        user=user, organisation=organisation, role=Role.COORDINATOR
    ).exists()


def can_refer(user) -> bool:
    return has_role(user, REFERRER_ROLES)


# ── profile ──────────────────────────────────────────────────────────────


@transaction.atomic
def save_profile(user, *, consent: bool, domains=(), **data) -> ExperienceProfile:
    """Save the worker's own profile. Without explicit consent nothing sensitive is stored."""
    membership = Membership.objects.filter(user=user, role=Role.ERVARINGSWERKER).first()
    if membership is None:
        raise PermissionDenied
    profile, _created = ExperienceProfile.objects.get_or_create(
        user=user, defaults={"organisation": membership.organisation}
    )
    if not consent and not profile.consent_given_at:
        raise ValidationError(
            {"consent": _("Give your consent first; without it we store nothing.")}
        )
    if not profile.consent_given_at:
        profile.consent_given_at = timezone.now()
        profile.consent_text = CONSENT_TEXT
        profile.consent_withdrawn_at = None
    for name, value in data.items():
        setattr(profile, name, value)
    profile.save()
    profile.domains.set(domains)
    record_event(user, "referrals.profile_saved", profile)
    return profile


@transaction.atomic
def withdraw_consent(user) -> None:
    """Erase every sensitive field; the worker is no longer suggested."""
    profile = ExperienceProfile.objects.filter(user=user).first()
    if profile is None:
        return
    profile.domains.clear()
    profile.languages = profile.wijken = profile.consent_text = ""
    profile.hours_per_week = profile.extra_caseload = 0
    profile.consent_given_at = None
    profile.consent_withdrawn_at = timezone.now()
    profile.share_with_coordinator = profile.consent_matching = False
    profile.save()
    record_event(user, "referrals.consent_withdrawn", profile)


# ── referral ─────────────────────────────────────────────────────────────


@transaction.atomic
def file_referral(
    user, organisation: Organisation, *, code, question, domains, client_agreed: bool, **data
) -> Referral:
    if not can_refer(user):
        raise PermissionDenied
    errors = {}
    try:
        code = check_code(code)
    except ValidationError as error:
        errors.update(error.message_dict)
    if not (question or "").strip():
        errors["question"] = [_("Write the question in a few plain words.")]
    if not domains:
        errors["domains"] = [_("Choose at least one life domain.")]
    if not client_agreed:
        errors["client_agreed"] = [_("Only refer when the client agreed to it.")]
    if errors:
        raise ValidationError(errors)
    referral = Referral.objects.create(
        organisation=organisation,
        code=code,
        question=question.strip(),
        client_agreed_at=timezone.now(),
        filed_by=user,
        **data,
    )
    referral.domains.set(domains)
    record_event(user, "referrals.filed", referral)
    return referral


def _check_coordinator(user, referral) -> None:
    if not is_coordinator(user, referral.organisation):
        raise PermissionDenied


def _check_worker(user, referral) -> Offer:
    offer = referral.offers.filter(worker=user).first()
    if offer is None:
        raise PermissionDenied
    return offer


@transaction.atomic
def offer_to_workers(user, referral: Referral, workers) -> list[Offer]:
    """Offer to one or two workers of the organisation who allow matching."""
    _check_coordinator(user, referral)
    workers = list(workers)
    if not 1 <= len(workers) <= 2:
        raise ValidationError({"workers": _("Choose one or two experience workers.")})
    allowed = set(
        ExperienceProfile.objects.matchable()
        .filter(organisation=referral.organisation)
        .values_list("user_id", flat=True)
    )
    if any(worker.pk not in allowed for worker in workers):
        raise ValidationError({"workers": _("Choose experience workers from the suggestions.")})
    now = timezone.now()
    offers = [
        Offer.objects.get_or_create(referral=referral, worker=w, defaults={"offered_at": now})[0]
        for w in workers
    ]
    referral.status = Status.OFFERED
    referral.offered_at = referral.offered_at or now
    referral.save()
    record_event(user, "referrals.offered", referral)
    return offers


@transaction.atomic
def answer_offer(user, referral: Referral, *, accept: bool, reason: str = "") -> Offer:
    offer = _check_worker(user, referral)
    if offer.status != OfferStatus.PENDING:
        raise ValidationError({"accept": _("You already answered this referral.")})
    offer.status = OfferStatus.ACCEPTED if accept else OfferStatus.DECLINED
    offer.decline_reason = "" if accept else reason.strip()
    offer.answered_at = timezone.now()
    offer.save()
    if accept and referral.status == Status.OFFERED:
        referral.status = Status.ACCEPTED
        referral.accepted_at = offer.answered_at
    elif not referral.offers.exclude(status=OfferStatus.DECLINED).exists():
        referral.status = Status.FILED  # back to the coordinator
    referral.save()
    record_event(user, "referrals.offer_answered", referral, offer.status)
    return offer


@transaction.atomic
def record_client_choice(user, referral: Referral, worker=None) -> Referral:
    """The coordinator records the client's answer: a worker (who accepted), or None when the
    client wants other help; then the referral stays open with the coordinator."""
    _check_coordinator(user, referral)
    if referral.status != Status.ACCEPTED:
        raise ValidationError({"worker": _("No experience worker accepted yet.")})
    now = timezone.now()
    if worker is None:
        referral.status = Status.CLIENT_DECLINED
        referral.client_declined_at = now
    else:
        if not referral.offers.filter(worker=worker, status=OfferStatus.ACCEPTED).exists():
            raise ValidationError({"worker": _("Choose a worker who accepted.")})
        referral.status = Status.CHOSEN
        referral.worker = worker
        referral.client_chose_at = now
    referral.save()
    record_event(user, "referrals.client_answered", referral, referral.status)
    return referral


def _check_chosen_worker(user, referral) -> None:
    if referral.worker_id != user.pk:
        raise PermissionDenied


@transaction.atomic
def start_trajectory(user, referral: Referral, *, type):
    _check_chosen_worker(user, referral)
    if type is None:
        raise ValidationError({"type": _("Choose a kind of trajectory.")})
    if referral.trajectory_id:
        return referral.trajectory
    trajectory = trajectory_services.create_trajectory(
        user, referral.organisation, type=type, code=referral.code
    )
    referral.trajectory = trajectory
    referral.save()
    return trajectory


@transaction.atomic
def record_first_contact(user, referral: Referral, *, date=None) -> Referral:
    _check_chosen_worker(user, referral)
    if referral.status != Status.CHOSEN:
        raise ValidationError({"date": _("Contact was already recorded.")})
    referral.first_contact_on = date or timezone.localdate()
    referral.status = Status.CONTACT
    referral.save()
    record_event(user, "referrals.first_contact", referral)
    if referral.filed_by:
        notify_contact_made(referral.filed_by, referral)
    return referral


@transaction.atomic
def close_referral(user, referral: Referral, *, outcome: str) -> Referral:
    if referral.worker_id != user.pk and not is_coordinator(user, referral.organisation):
        raise PermissionDenied
    if not outcome.strip():
        raise ValidationError({"outcome": _("Say in a few words how it ended.")})
    referral.status = Status.CLOSED
    referral.outcome = outcome.strip()
    referral.closed_at = timezone.now()
    referral.save()
    record_event(user, "referrals.closed", referral)
    return referral


def notify_contact_made(user, referral: Referral) -> ReferralNotification:
    """In-app and e-mail: THAT contact was made, with the code only — never the question."""
    notification = ReferralNotification.objects.create(user=user, referral=referral)
    if user.email and user.email_referrals:
        with translation.override(settings.LANGUAGE_CODE):
            message = EmailMessage(
                subject=_("Contact made for client %(code)s") % {"code": referral.code},
                body=render_to_string(
                    "referrals/email/contact_made.txt",
                    {
                        "user": user,
                        "referral": referral,
                        "url": site_url(referral.get_absolute_url()),
                    },
                ),
                to=[user.email],
            )
        queue_emails([message])  # background work (wijkennis.core.tasks)
    return notification
