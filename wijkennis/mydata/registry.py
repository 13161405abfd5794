"""The one list of everything Wijkennis holds about a person: per link to the user model, how it
is exported and what happens to it when the person deletes their account.

Every relation of any model to the user model needs an entry here. A test generated from the
app registry (`tests/test_registry.py`) fails when one is missing, so a new model that points
at people cannot be forgotten by the overview, the download or the deletion.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Action(StrEnum):
    DELETE = "delete"  # the rows are deleted (a many-to-many: the person leaves it)
    ANONYMISE = "anonymise"  # kept, linked to an anonymous stand-in account, own words removed
    UNLINK = "unlink"  # kept without any link to the person (the field becomes empty)
    CUSTOM = "custom"  # handled by a named step in services.delete_account (stories)


@dataclass(frozen=True)
class Section:
    key: str
    title: Promise
    text: Promise


# The overview, the PDF and the JSON follow this order.
SECTIONS = [
    Section("account", _("Your account"), _("Your name, e-mail address and settings.")),
    Section("memberships", _("Organisations and roles"), _("Where you work and your role.")),
    Section("stories", _("Your stories"), _("Everything you wrote, also drafts.")),
    Section("consents", _("Your consents"), _("What you agreed to when you shared a story.")),
    Section(
        "knowledge",
        _("Wij-kennis"),
        _("Knowledge you wrote or recognised, and your short experience reports."),
    ),
    Section("inbreng", _("Inbreng"), _("Input you gave and answers you wrote.")),
    Section("messages", _("Messages"), _("Notifications in Wijkennis and weekly e-mails.")),
    Section("referrals", _("Referrals"), _("Your experience profile and referrals.")),
    Section("learning", _("Learning"), _("Your trainings and intervision groups.")),
    Section("taalbrug", _("Saved texts"), _("Texts you saved in the language bridge.")),
    Section("vocabulary", _("Shared language"), _("Words you proposed, your votes and comments.")),
    Section(
        "kwartiermaken",
        _("Kwartiermaken and trajectories"),
        _("Scans, plans, job descriptions and trajectories you made."),
    ),
    Section("access", _("Sign-in and API"), _("API keys, sign-in accounts and admin work.")),
    Section("audit", _("Log"), _("When you read or changed protected information.")),
]
SECTION_KEYS = {section.key for section in SECTIONS}


@dataclass(frozen=True)
class Rule:
    """How one relation `app_label.Model.field` to the user model is handled.

    `export`: the fields in the download (None: every field). `clear`: fields emptied when the
    row is kept (ANONYMISE / UNLINK): the person's own words. `label`: a plain name for the
    overview and the deletion page.
    """

    section: str
    label: Promise
    on_delete: Action
    export: tuple[str, ...] | None = None
    clear: dict[str, str] = field(default_factory=dict)
    before: Callable | None = None  # a step before the rule: (user, stand-in or None)


def _clear_own_inbreng_remarks(user, stand_in) -> None:
    """Updates the person wrote on their own inbreng (a reopen reason, an opinion) lose their
    text; answers they wrote for the receiving organisation stay, without their name."""
    from wijkennis.inbreng.models import ContributionUpdate

    own = [user.pk] + ([stand_in.pk] if stand_in is not None else [])
    ContributionUpdate.objects.filter(author=user, contribution__contributor__in=own).update(
        text=""
    )


def _clear_invitations_to(user, stand_in) -> None:
    """Invitations to the person's e-mail address (accepted or not) keep no address or name."""
    invitation = apps.get_model("invitations", "Invitation")
    invitation.objects.filter(email__iexact=user.email).update(email=REMOVED_EMAIL, first_name="")


REMOVED = "[verwijderd]"
REMOVED_EMAIL = "verwijderd@verwijderd.invalid"

REGISTRY: dict[str, Rule] = {
    # Accounts and access
    "organisations.Membership.user": Rule(
        "memberships", _("Memberships of organisations"), Action.DELETE
    ),
    "authtoken.Token.user": Rule(
        "access",
        _("API key (only the date; the key is secret)"),
        Action.DELETE,
        ("created",),
    ),
    # Invitations: the organisation keeps the ones its coordinator sent.
    "invitations.Invitation.invited_by": Rule(
        "memberships",
        _("Invitations you sent"),
        Action.UNLINK,
        ("organisation", "role", "created_at", "accepted_at", "revoked_at"),  # not the e-mail
    ),
    "invitations.Invitation.accepted_by": Rule(
        "memberships",
        _("The invitation you accepted"),
        Action.UNLINK,
        ("organisation", "role", "created_at", "accepted_at"),
        clear={"email": REMOVED_EMAIL, "first_name": ""},
        before=_clear_invitations_to,
    ),
    # Two-step sign-in (wijkennis.twofactor): the secret key never leaves the server.
    "otp_totp.TOTPDevice.user": Rule(
        "access",
        _("Two-step sign-in app (only whether it is on; the key is secret)"),
        Action.DELETE,
        ("name", "confirmed", "created_at", "last_used_at"),
    ),
    "sso.OidcIdentity.user": Rule(
        "access",
        _("Sign-in accounts of your organisation linked to you"),
        Action.DELETE,
        ("provider", "subject", "linked_at", "last_login_at"),
    ),
    "admin.LogEntry.user": Rule(
        "access",
        _("Changes you made in the admin"),
        Action.ANONYMISE,
        ("action_time", "content_type", "object_id", "action_flag"),  # no names of others
    ),
    "core.AuditEvent.actor": Rule(
        "audit",
        _("Log lines about what you did"),
        Action.UNLINK,
        ("action", "object_type", "object_id", "at", "detail"),
    ),
    # Stories: withdrawn or erased, as the person chooses (services.delete_account).
    "stories.Story.author": Rule("stories", _("Stories"), Action.CUSTOM),
    "stories.ConsentRecord.given_by": Rule(
        "consents", _("Consents for sharing a story"), Action.CUSTOM
    ),
    "search.SearchEntry.author": Rule(
        "stories",
        _("Search index entries"),
        Action.UNLINK,
        ("story", "knowledge_item", "visibility", "published_at"),
    ),
    # Wij-kennis: shared knowledge stays, recognitions keep counting.
    "knowledge.KnowledgeItem.created_by": Rule(
        "knowledge", _("Wij-kennis you started"), Action.UNLINK, ("status", "created_at")
    ),
    "knowledge.KnowledgeItem.established_by": Rule(
        "knowledge", _("Wij-kennis you confirmed"), Action.UNLINK, ("status", "established_at")
    ),
    "knowledge.KnowledgeVersion.created_by": Rule(
        "knowledge", _("Versions of wij-kennis you wrote"), Action.UNLINK
    ),
    "knowledge.Recognition.user": Rule(
        "knowledge",
        _("Your “herken ik” and “herken ik niet”"),
        Action.ANONYMISE,
        clear={"comment": ""},
    ),
    "knowledge.ExperienceReport.reporter": Rule(
        "knowledge", _("Experience reports"), Action.UNLINK, clear={"for_whom": ""}
    ),
    # Inbreng: the receiving organisation keeps what it answered.
    "inbreng.Contribution.contributor": Rule(
        "inbreng",
        _("Inbreng you gave"),
        Action.ANONYMISE,
        clear={"title": REMOVED, "text": ""},
    ),
    "inbreng.Contribution.recorded_by": Rule(
        "inbreng", _("Inbreng you recorded for someone"), Action.UNLINK
    ),
    "inbreng.Contribution.recipient_user": Rule(
        "inbreng", _("Inbreng addressed to you"), Action.UNLINK
    ),
    "inbreng.ContributionUpdate.author": Rule(
        "inbreng",
        _("Answers and remarks you wrote"),
        Action.UNLINK,
        before=_clear_own_inbreng_remarks,
    ),
    "inbreng.Notification.user": Rule("messages", _("Inbreng messages"), Action.DELETE),
    "inbreng.Digest.user": Rule("messages", _("Weekly inbreng e-mails sent"), Action.DELETE),
    "referrals.ReferralNotification.user": Rule("messages", _("Referral messages"), Action.DELETE),
    # Verwijzen: the client's referral stays with the organisation.
    "referrals.ExperienceProfile.user": Rule("referrals", _("Experience profile"), Action.DELETE),
    "referrals.Referral.filed_by": Rule("referrals", _("Referrals you made"), Action.UNLINK),
    "referrals.Referral.worker": Rule(
        "referrals", _("Referrals where you were the experience worker"), Action.UNLINK
    ),
    "referrals.Offer.worker": Rule(
        "referrals",
        _("Referrals offered to you"),
        Action.ANONYMISE,
        clear={"decline_reason": ""},
    ),
    # Leren
    "trainings.TrainingRecord.worker": Rule(
        "learning", _("Your development record"), Action.DELETE
    ),
    "intervision.IntervisionGroup.facilitator": Rule(
        "learning", _("Intervision groups you lead"), Action.UNLINK
    ),
    "intervision.GroupMember.user": Rule(
        "learning", _("Intervision groups you belong to"), Action.DELETE
    ),
    "intervision.GroupMember.decided_by": Rule(
        "learning", _("Requests to join that you decided"), Action.UNLINK, ("status",)
    ),
    "intervision.Session.attendees": Rule(
        "learning", _("Intervision meetings you attended"), Action.DELETE, ("starts_at",)
    ),
    "intervision.Session.created_by": Rule(
        "learning", _("Intervision meetings you planned"), Action.UNLINK, ("starts_at",)
    ),
    "intervision.StepNote.author": Rule(
        "learning", _("Notes in intervision meetings"), Action.DELETE
    ),
    "intervision.Case.author": Rule("learning", _("Cases you brought in"), Action.DELETE),
    "intervision.Lesson.author": Rule("learning", _("Lessons you wrote down"), Action.UNLINK),
    "intervision.Lesson.proposed_by": Rule(
        "learning", _("Lessons you proposed as wij-kennis"), Action.UNLINK
    ),
    # Taalbrug
    "taalbrug.SavedText.owner": Rule("taalbrug", _("Saved texts"), Action.DELETE),
    # Gemeenschappelijke taal: the vocabulary's history stays.
    "vocabulary.Proposal.proposed_by": Rule(
        "vocabulary", _("Words and explanations you proposed"), Action.UNLINK
    ),
    "vocabulary.Proposal.decided_by": Rule(
        "vocabulary", _("Proposals you decided on"), Action.UNLINK, ("status", "decided_at")
    ),
    "vocabulary.ConceptChange.changed_by": Rule(
        "vocabulary", _("Changes to the shared language"), Action.UNLINK, ("changed_at", "summary")
    ),
    "vocabulary.Vote.voter": Rule("vocabulary", _("Your votes"), Action.ANONYMISE),
    "vocabulary.Comment.author": Rule("vocabulary", _("Your comments"), Action.DELETE),
    # Kwartiermaken and trajectories: the organisation's documents stay.
    "readiness.ScanRound.started_by": Rule(
        "kwartiermaken", _("Scan rounds you started"), Action.UNLINK
    ),
    "readiness.ScanResponse.respondent": Rule(
        "kwartiermaken", _("Your answers to the kwartiermaakscan"), Action.ANONYMISE
    ),
    "deployment.DeploymentPlan.created_by": Rule(
        "kwartiermaken", _("Deployment plans you made"), Action.UNLINK, ("created_at",)
    ),
    "jobs.JobDescription.created_by": Rule(
        "kwartiermaken", _("Job descriptions you made"), Action.UNLINK, ("created_at",)
    ),
    "jobs.JobDescriptionVersion.created_by": Rule(
        "kwartiermaken", _("Versions of job descriptions you made"), Action.UNLINK, ("created_at",)
    ),
    "trajectories.TrajectoryType.created_by": Rule(
        "kwartiermaken", _("Trajectory types you made"), Action.UNLINK
    ),
    "trajectories.Trajectory.created_by": Rule(
        "kwartiermaken", _("Trajectories you started"), Action.UNLINK, ("created_at",)
    ),
}


def relation(key: str) -> tuple[type[models.Model], models.Field]:
    """The model and field of a registry key such as "knowledge.Recognition.user"."""
    app_label, model_name, field_name = key.split(".")
    model = apps.get_model(app_label, model_name)
    return model, model._meta.get_field(field_name)


def user_relations() -> set[str]:
    """Every forward relation of an installed (non-proxy) model to the user model."""
    user_model = get_user_model()
    found = set()
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        for model_field in model._meta.get_fields():
            if (
                model_field.is_relation
                and not model_field.auto_created
                and model_field.related_model is user_model
            ):
                found.add(f"{model._meta.label}.{model_field.name}")
    return found


def rules() -> list[tuple[str, Rule]]:
    """The registry's entries whose apps are installed, in section order."""
    order = {section.key: index for index, section in enumerate(SECTIONS)}
    labels = {config.label for config in apps.get_app_configs()}
    installed = [(key, rule) for key, rule in REGISTRY.items() if key.split(".")[0] in labels]
    return sorted(installed, key=lambda item: order[item[1].section])
