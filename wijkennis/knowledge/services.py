"""Writes of wij-kennis: items and their versions, recognition, establishing, experience reports."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkennis.core.concurrency import StaleEdit
from wijkennis.core.generations import bump
from wijkennis.core.models import record_event
from wijkennis.core.tasks import background
from wijkennis.organisations.models import (
    STORY_WRITER_ROLES,
    Membership,
    OrganisationKind,
    Role,
    has_role,
)
from wijkennis.search import text
from wijkennis.search.indexing import update_knowledge_item
from wijkennis.stories.models import Story

from . import patterns
from .models import (
    ExperienceReport,
    ItemStatus,
    KnowledgeItem,
    KnowledgeVersion,
    Outcome,
    PatternCell,
    Recognition,
)

CONTENT_FIELDS = ("title", "insight", "what_helped", "what_made_worse", "for_whom", "cautions")
OUTCOME_FIELDS = {
    Outcome.HELPED: "helped",
    Outcome.NO_DIFFERENCE: "no_difference",
    Outcome.WORSE: "worse",
}


def can_contribute(user) -> bool:
    """Ervaringswerkers (and their coordinators) propose, recognise and report."""
    return has_role(user, STORY_WRITER_ROLES)


def can_review(user) -> bool:
    return user.is_authenticated and (
        has_role(user, {Role.BEHEERDER}) or user.has_perm("knowledge.review_knowledge")
    )


def establish_rule() -> tuple[int, int]:
    """(people, organisations) that must recognise the current version (settings)."""
    return settings.WIJKENNIS_ESTABLISH_MIN_PEOPLE, settings.WIJKENNIS_ESTABLISH_MIN_ORGANISATIONS


def _membership(user) -> Membership | None:
    return (
        Membership.objects.filter(user=user, role__in=STORY_WRITER_ROLES)
        .select_related("organisation")
        .order_by("id")
        .first()
    )


def _check_content(fields: dict, situations) -> None:
    errors = {}
    if not fields.get("title", "").strip():
        errors["title"] = _("Give the knowledge a short title.")
    if not fields.get("insight", "").strip():
        errors["insight"] = _("Write what people in this situation did.")
    if not situations:
        errors["situations"] = _("Choose at least one situation.")
    if errors:
        raise ValidationError(errors)


def _new_version(user, item, fields, situations, stories, change_note) -> KnowledgeVersion:
    number = (item.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = KnowledgeVersion.objects.create(
        item=item,
        number=number,
        change_note=change_note[:300],
        created_by=user,
        **{name: fields.get(name, "").strip() for name in CONTENT_FIELDS},
    )
    version.situations.set(situations)
    # Evidence: only stories the writer may read themselves (readers are filtered again on show).
    version.stories.set(Story.objects.visible_to(user).filter(pk__in=[s.pk for s in stories]))
    item.current = version
    item.save(update_fields=["current"])
    update_knowledge_item(item)  # search shows the current version, in this transaction
    return version


@transaction.atomic
def propose_item(user, *, situations, stories=(), from_story=None, **fields) -> KnowledgeItem:
    """A new item (voorstel), from scratch or from a story ("maak hier wij-kennis van")."""
    if not can_contribute(user):
        raise PermissionDenied
    stories = list(stories)
    if from_story is not None:
        if not Story.objects.visible_to(user).filter(pk=from_story.pk).exists():
            raise PermissionDenied
        stories.append(from_story)
    _check_content(fields, situations)
    item = KnowledgeItem.objects.create(created_by=user)
    _new_version(user, item, fields, situations, stories, _("First version"))
    record_event(user, "knowledge.proposed", item)
    return item


def can_edit(user, item: KnowledgeItem) -> bool:
    return user.is_authenticated and (item.created_by_id == user.pk or can_review(user))


def _lock_current_number(item: KnowledgeItem, base_version: int | None) -> None:
    """Lock the item's row and check that nobody saved a version after `base_version`."""
    locked = KnowledgeItem.objects.select_for_update().get(pk=item.pk)
    current = (
        KnowledgeVersion.objects.filter(pk=locked.current_id)
        .values_list("number", flat=True)
        .first()
    )
    if base_version is not None and current != base_version:
        raise StaleEdit(current)
    item.current_id, item.status = locked.current_id, locked.status


@transaction.atomic
def revise_item(
    user,
    item: KnowledgeItem,
    *,
    situations,
    stories=(),
    change_note: str,
    base_version: int | None = None,
    **fields,
) -> KnowledgeVersion:
    """A new version. Recognitions stay with the version they were given on, so an established
    item that changes goes back to review.

    `base_version` is the version number the editor started from (optimistic locking): when
    another version was saved since, `StaleEdit` is raised and nothing is stored."""
    if not can_edit(user, item):
        raise PermissionDenied
    _check_content(fields, situations)
    if not change_note.strip():
        raise ValidationError({"change_note": _("Say in a few words what you changed.")})
    _lock_current_number(item, base_version)
    version = _new_version(user, item, fields, situations, stories, change_note.strip())
    if item.status == ItemStatus.VASTGESTELD:
        item.status = ItemStatus.IN_REVIEW
        item.established_by = item.established_at = None
        item.save(update_fields=["status", "established_by", "established_at"])
    record_event(user, "knowledge.revised", item, f"versie {version.number}")
    return version


def submit_for_review(user, item: KnowledgeItem) -> KnowledgeItem:
    if not can_edit(user, item):
        raise PermissionDenied
    if item.status == ItemStatus.VOORSTEL:
        item.status = ItemStatus.IN_REVIEW
        item.save(update_fields=["status"])
    return item


@transaction.atomic
def recognise(user, item: KnowledgeItem, recognises: bool, comment: str = "") -> Recognition:
    """ "Herken ik" or "herken ik niet" on the current version; giving it again changes it."""
    if not can_contribute(user):
        raise PermissionDenied
    membership = _membership(user)
    recognition, _created = Recognition.objects.update_or_create(
        version=item.current,
        user=user,
        defaults={
            "recognises": recognises,
            "comment": comment.strip()[:1000],
            "organisation": membership.organisation if membership else None,
        },
    )
    return recognition


def recognition_counts(version: KnowledgeVersion) -> dict:
    """People who recognise it (and not), per organisation kind, and the organisations."""
    rows = version.recognitions.values("recognises", "organisation__kind").annotate(n=Count("id"))
    per_kind: dict[str, dict[bool, int]] = {}
    for row in rows:
        per_kind.setdefault(row["organisation__kind"] or OrganisationKind.OTHER, {})[
            row["recognises"]
        ] = row["n"]
    yes = version.recognitions.filter(recognises=True)
    return {
        "recognise": yes.count(),
        "not_recognise": version.recognitions.filter(recognises=False).count(),
        "organisations": yes.exclude(organisation=None).values("organisation").distinct().count(),
        "per_kind": {
            OrganisationKind(kind).label: (counts.get(True, 0), counts.get(False, 0))
            for kind, counts in sorted(per_kind.items())
        },
    }


def rule_met(version: KnowledgeVersion) -> bool:
    people, organisations = establish_rule()
    counts = recognition_counts(version)
    return counts["recognise"] >= people and counts["organisations"] >= organisations


@transaction.atomic
def establish(user, item: KnowledgeItem) -> KnowledgeItem:
    """A reviewer confirms what enough peers from enough organisations recognise."""
    if not can_review(user):
        raise PermissionDenied
    if item.status == ItemStatus.VASTGESTELD:
        raise ValidationError(_("This knowledge is established already."))
    if not rule_met(item.current):
        people, organisations = establish_rule()
        raise ValidationError(
            _(
                "Not enough peers recognise this version yet: at least %(people)s people "
                "from %(organisations)s organisations are needed."
            )
            % {"people": people, "organisations": organisations}
        )
    item.status = ItemStatus.VASTGESTELD
    item.established_by, item.established_at = user, timezone.now()
    item.save(update_fields=["status", "established_by", "established_at"])
    record_event(user, "knowledge.established", item)
    return item


def tried_key(tried, tried_text: str) -> str:
    if tried is not None:
        return f"c:{tried.pk}"
    return "t:" + " ".join(text.fold(tried_text).split())[:130]


def _cell(report: ExperienceReport) -> PatternCell:
    cell, _created = PatternCell.objects.select_for_update().get_or_create(
        situation=report.situation,
        tried_key=tried_key(report.tried, report.tried_text),
        organisation_kind=report.organisation_kind,
        defaults={"tried": report.tried, "tried_text": report.tried_text.strip()},
    )
    return cell


@transaction.atomic
def submit_report(
    user, *, situation, outcome: str, tried=None, tried_text: str = "", for_whom: str = ""
) -> ExperienceReport:
    """Store a report and update its pattern counts. Each person counts once per situation and
    thing tried: a new report replaces their earlier one, so the counts are people."""
    if not can_contribute(user):
        raise PermissionDenied
    tried_text = " ".join(tried_text.split())
    errors = {}
    if situation is None:
        errors["situation"] = _("Choose the situation.")
    if tried is None and not tried_text:
        errors["tried"] = _("Choose or write what was tried.")
    if outcome not in Outcome.values:
        errors["outcome"] = _("Choose how it went.")
    if errors:
        raise ValidationError(errors)
    earlier_reports = ExperienceReport.objects.select_for_update().filter(
        reporter=user, situation=situation
    )
    if tried is not None:
        earlier_reports = earlier_reports.filter(tried=tried)
    else:  # free text counts as the same thing when its folded words are the same
        key = tried_key(None, tried_text)
        earlier_reports = [
            r for r in earlier_reports.filter(tried=None) if tried_key(None, r.tried_text) == key
        ]
    earlier = next(iter(earlier_reports), None)
    if earlier is not None:
        PatternCell.objects.filter(pk=_cell(earlier).pk).update(
            **{OUTCOME_FIELDS[earlier.outcome]: F(OUTCOME_FIELDS[earlier.outcome]) - 1}
        )
        earlier.delete()
    membership = _membership(user)
    report = ExperienceReport.objects.create(
        reporter=user,
        situation=situation,
        tried=tried,
        tried_text="" if tried is not None else tried_text,
        outcome=outcome,
        for_whom=for_whom.strip()[:120],
        organisation_kind=membership.organisation.kind if membership else OrganisationKind.OTHER,
    )
    PatternCell.objects.filter(pk=_cell(report).pk).update(
        **{OUTCOME_FIELDS[outcome]: F(OUTCOME_FIELDS[outcome]) + 1}
    )
    bump(patterns.GENERATION)
    return report


@background  # may run in a Celery worker: run_task(refresh_patterns)
@transaction.atomic
def refresh_patterns() -> int:
    """Recount every pattern cell from the reports (after an import or a repair)."""
    PatternCell.objects.all().delete()
    cells: dict[tuple, PatternCell] = {}
    rows = ExperienceReport.objects.values(
        "situation_id", "tried_id", "tried_text", "organisation_kind", "outcome"
    ).annotate(n=Count("id"))
    for row in rows.iterator(chunk_size=5000):
        tried = row["tried_id"]
        key = f"c:{tried}" if tried else "t:" + " ".join(text.fold(row["tried_text"]).split())[:130]
        cell = cells.setdefault(
            (row["situation_id"], key, row["organisation_kind"]),
            PatternCell(
                situation_id=row["situation_id"],
                tried_key=key,
                tried_id=tried,
                tried_text=row["tried_text"],
                organisation_kind=row["organisation_kind"],
            ),
        )
        field = OUTCOME_FIELDS[row["outcome"]]
        setattr(cell, field, getattr(cell, field) + row["n"])
    PatternCell.objects.bulk_create(cells.values(), batch_size=5000)
    bump(patterns.GENERATION)
    return len(cells)
