"""The vocabulary's writes: loading the seed list, proposals and their review, history.

Every change to a concept goes through `record_change`, so each concept keeps its history.
"""

import json
import re
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wijkennis.core.concurrency import StaleEdit
from wijkennis.core.models import record_event
from wijkennis.organisations.models import STORY_WRITER_ROLES, Role, has_role
from wijkennis.search import text

from .models import (
    AltLabel,
    Comment,
    Concept,
    ConceptChange,
    ExternalMatch,
    Proposal,
    ProposalKind,
    ProposalStatus,
    Vote,
)
from .signals import vocabulary_changed

SEED_FILE = Path(__file__).parent / "data" / "concepts.json"


def snapshot(concept: Concept) -> dict:
    """Everything that defines a concept, in a stable order (history, SKOS comparisons)."""
    return {
        "slug": concept.slug,
        "scheme": concept.scheme,
        "pref_label": concept.pref_label,
        "definition": concept.definition,
        "source": concept.source,
        "status": concept.status,
        "broader": concept.broader.slug if concept.broader_id else None,
        "related": sorted(c.slug for c in concept.related.all()),
        "alt_labels": sorted(
            ({"label": a.label, "kind": a.kind} for a in concept.alt_labels.all()),
            key=lambda a: (a["label"], a["kind"]),
        ),
        "matches": sorted(
            ({"kind": m.kind, "uri": m.uri} for m in concept.matches.all()),
            key=lambda m: (m["uri"], m["kind"]),
        ),
    }


def record_change(concept: Concept, user, summary: str, proposal=None) -> ConceptChange | None:
    """Add a history entry when the concept differs from its last recorded state."""
    state = snapshot(concept)
    last = concept.changes.first()
    if last is not None and last.snapshot == state:
        return None
    Concept.objects.filter(pk=concept.pk).update(version=F("version") + 1)
    concept.version += 1
    return ConceptChange.objects.create(
        concept=concept,
        changed_by=user if user is not None and user.is_authenticated else None,
        summary=summary[:300],
        proposal=proposal,
        snapshot=state,
    )


@transaction.atomic
def save_concept_data(entries: list[dict], summary: str, user=None) -> list[Concept]:
    """Create or update concepts from dicts shaped like `snapshot` (seed file, SKOS import).

    Bulk reads and writes: loading the seed file runs on every `make start` and in many tests.
    """
    existing = {c.slug: c for c in Concept.objects.filter(slug__in=[e["slug"] for e in entries])}
    concepts: dict[str, Concept] = {}
    for entry in entries:
        concept = existing.get(entry["slug"]) or Concept(slug=entry["slug"])
        concept.scheme, concept.pref_label = entry["scheme"], entry["pref_label"]
        concept.definition, concept.source = entry.get("definition", ""), entry.get("source", "")
        concept.status = entry.get("status") or "actief"
        concepts[concept.slug] = concept
    Concept.objects.bulk_update([c for c in concepts.values() if c.pk], CONCEPT_FIELDS)
    Concept.objects.bulk_create([c for c in concepts.values() if not c.pk])
    concepts = {c.slug: c for c in Concept.objects.filter(slug__in=concepts)}
    by_slug = {c.slug: c for c in Concept.objects.all()}
    labels = {
        (a.concept_id, a.label): a for a in AltLabel.objects.filter(concept__in=concepts.values())
    }
    matches = {
        (m.concept_id, m.uri): m
        for m in ExternalMatch.objects.filter(concept__in=concepts.values())
    }
    new_labels, changed_labels, new_matches, changed_matches, related = [], [], [], [], []
    for entry in entries:
        concept = concepts[entry["slug"]]
        for alt in entry.get("alt_labels", []):
            found = labels.get((concept.pk, alt["label"]))
            if found is None:
                new_labels.append(AltLabel(concept=concept, label=alt["label"], kind=alt["kind"]))
            elif found.kind != alt["kind"]:
                found.kind = alt["kind"]
                changed_labels.append(found)
        for match in entry.get("matches", []):
            found = matches.get((concept.pk, match["uri"]))
            if found is None:
                new_matches.append(
                    ExternalMatch(concept=concept, uri=match["uri"], kind=match["kind"])
                )
            elif found.kind != match["kind"]:
                found.kind = match["kind"]
                changed_matches.append(found)
        concept.broader = by_slug.get(entry.get("broader") or "")
        related += [
            (concept, by_slug[slug]) for slug in entry.get("related", []) if slug in by_slug
        ]
    AltLabel.objects.bulk_create(new_labels)
    AltLabel.objects.bulk_update(changed_labels, ["kind"])
    ExternalMatch.objects.bulk_create(new_matches)
    ExternalMatch.objects.bulk_update(changed_matches, ["kind"])
    Concept.objects.bulk_update(concepts.values(), ["broader"])
    links = Concept.related.through
    have = set(links.objects.values_list("from_concept_id", "to_concept_id"))
    # The relation is symmetrical: store both directions, as `related.add` would.
    wanted = {(a.pk, b.pk) for a, b in related} | {(b.pk, a.pk) for a, b in related}
    links.objects.bulk_create(
        [links(from_concept_id=a, to_concept_id=b) for a, b in sorted(wanted - have)]
    )
    _record_changes(list(concepts.values()), user, summary)
    vocabulary_changed.send(sender=Concept)
    return list(concepts.values())


CONCEPT_FIELDS = ["scheme", "pref_label", "definition", "source", "status"]


def _record_changes(concepts: list[Concept], user, summary: str) -> None:
    """`record_change` for many concepts at once."""
    fresh = (
        Concept.objects.filter(pk__in=[c.pk for c in concepts])
        .select_related("broader")
        .prefetch_related("related", "alt_labels", "matches")
    )
    last = {}
    for change in ConceptChange.objects.filter(concept__in=concepts).order_by("changed_at", "id"):
        last[change.concept_id] = change.snapshot
    actor = user if user is not None and user.is_authenticated else None
    changes = ConceptChange.objects.bulk_create(
        [
            ConceptChange(concept=c, changed_by=actor, summary=summary[:300], snapshot=state)
            for c in fresh
            if last.get(c.pk) != (state := snapshot(c))
        ]
    )
    # A concept that changed gets a new version number, so open edit forms become stale.
    Concept.objects.filter(pk__in=[change.concept_id for change in changes]).update(
        version=F("version") + 1
    )


def load_seed_vocabulary(path: Path = SEED_FILE) -> int:
    """Create or update the seed concepts; returns how many concepts the file holds."""
    entries = json.loads(path.read_text(encoding="utf-8"))
    save_concept_data(entries, _("Loaded from the seed vocabulary"))
    return len(entries)


def existing_label(label: str) -> tuple[Concept, str] | None:
    """The concept that already has `label` (compared without case and accents), and how."""
    wanted = text.fold(" ".join(label.split()))
    if not wanted:
        return None
    for concept in Concept.objects.all():
        if text.fold(concept.pref_label) == wanted:
            return concept, concept.pref_label
    alt = next(
        (a for a in AltLabel.objects.select_related("concept") if text.fold(a.label) == wanted),
        None,
    )
    return (alt.concept, alt.label) if alt else None


def can_propose(user) -> bool:
    return has_role(user, STORY_WRITER_ROLES | {Role.BEHEERDER})


def can_review(user) -> bool:
    """A beheerder, or a designated reviewer (the permission `vocabulary.review_proposal`)."""
    return user.is_authenticated and (
        has_role(user, {Role.BEHEERDER}) or user.has_perm("vocabulary.review_proposal")
    )


def _duplicate_error(label: str) -> str | None:
    found = existing_label(label)
    if found is None:
        return None
    concept, as_written = found
    return _("“%(label)s” is already in the vocabulary, at the concept “%(concept)s”.") % {
        "label": as_written,
        "concept": concept.pref_label,
    }


@transaction.atomic
def propose(user, *, kind: str, concept: Concept | None = None, **fields) -> Proposal:
    """A member's proposal; a label that already exists is refused with where it is."""
    if not can_propose(user):
        raise PermissionDenied
    proposal = Proposal(kind=kind, concept=concept, proposed_by=user, **fields)
    errors: dict[str, str] = {}
    if kind == ProposalKind.NEW_CONCEPT:
        proposal.concept = None
        if not proposal.pref_label.strip():
            errors["pref_label"] = _("Write the word for the new concept.")
        elif duplicate := _duplicate_error(proposal.pref_label):
            errors["pref_label"] = duplicate
        if not proposal.scheme:
            errors["scheme"] = _("Choose where the concept belongs.")
        if not proposal.definition.strip():
            errors["definition"] = _("Explain the concept in a few plain words.")
    elif concept is None:
        errors["concept"] = _("Choose the concept this is about.")
    elif kind == ProposalKind.NEW_LABEL:
        if not proposal.label.strip():
            errors["label"] = _("Write the other word.")
        elif duplicate := _duplicate_error(proposal.label):
            errors["label"] = duplicate
        if not proposal.label_kind:
            errors["label_kind"] = _("Choose what kind of word it is.")
    elif kind == ProposalKind.DEFINITION:
        if not proposal.definition.strip():
            errors["definition"] = _("Write the new explanation.")
        elif proposal.definition.strip() == concept.definition.strip():
            errors["definition"] = _("This is the same as the explanation we have now.")
    if errors:
        raise ValidationError(errors)
    proposal.pref_label = " ".join(proposal.pref_label.split())
    proposal.label = " ".join(proposal.label.split())
    proposal.save()
    record_event(user, "vocabulary.proposed", proposal)
    return proposal


def _open(proposal: Proposal) -> None:
    if proposal.status != ProposalStatus.OPEN:
        raise ValidationError(_("This proposal has been decided already."))


def vote(user, proposal: Proposal, agrees: bool) -> Vote:
    """One vote per member; voting again changes it."""
    if not can_propose(user):
        raise PermissionDenied
    _open(proposal)
    cast, _created = Vote.objects.update_or_create(
        proposal=proposal, voter=user, defaults={"agrees": agrees}
    )
    return cast


def comment(user, proposal: Proposal, comment_text: str) -> Comment:
    if not can_propose(user) and not can_review(user):
        raise PermissionDenied
    comment_text = comment_text.strip()
    if not comment_text:
        raise ValidationError({"text": _("Write your comment first.")})
    return Comment.objects.create(proposal=proposal, author=user, text=comment_text[:2000])


def _unique_slug(label: str) -> str:
    base = slugify(label)[:90] or "begrip"
    slug, number = base, 2
    while Concept.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _locked_concept(concept_id: int, expected: int | None) -> Concept:
    """Lock the concept's row; refuse when it changed after the reviewer opened the page."""
    concept = Concept.objects.select_for_update().get(pk=concept_id)
    if expected is not None and concept.version != expected:
        raise StaleEdit(concept.version)
    return concept


@transaction.atomic
def accept(user, proposal: Proposal, note: str = "", concept_version: int | None = None) -> Concept:
    """Apply the proposal to the vocabulary and record it in the concept's history.

    `concept_version` is the concept's version the reviewer saw (optimistic locking): when the
    concept changed since, `StaleEdit` is raised and the proposal stays open."""
    if not can_review(user):
        raise PermissionDenied
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _open(proposal)
    if proposal.concept_id is not None:
        proposal.concept = _locked_concept(proposal.concept_id, concept_version)
    if proposal.kind == ProposalKind.NEW_CONCEPT:
        if duplicate := _duplicate_error(proposal.pref_label):
            raise ValidationError(duplicate)
        concept = Concept.objects.create(
            slug=_unique_slug(proposal.pref_label),
            scheme=proposal.scheme,
            pref_label=proposal.pref_label,
            definition=proposal.definition,
            broader=proposal.broader,
            source=_("Proposed by a member"),
        )
        summary = _("New concept")
        proposal.concept = concept
    elif proposal.kind == ProposalKind.NEW_LABEL:
        if duplicate := _duplicate_error(proposal.label):
            raise ValidationError(duplicate)
        concept = proposal.concept
        AltLabel.objects.create(concept=concept, label=proposal.label, kind=proposal.label_kind)
        summary = _("Word added: %(label)s") % {"label": proposal.label}
    else:
        concept = proposal.concept
        concept.definition = proposal.definition.strip()
        concept.save(update_fields=["definition"])
        summary = _("Explanation changed")
    proposal.status = ProposalStatus.ACCEPTED
    proposal.decided_by, proposal.decided_at = user, timezone.now()
    proposal.decision_note = note.strip()
    proposal.save()
    record_change(concept, user, summary, proposal=proposal)
    record_event(user, "vocabulary.accepted", proposal)
    return concept


@transaction.atomic
def reject(user, proposal: Proposal, note: str) -> Proposal:
    if not can_review(user):
        raise PermissionDenied
    _open(proposal)
    if not note.strip():
        raise ValidationError({"note": _("Say why, so the member can learn from it.")})
    proposal.status = ProposalStatus.REJECTED
    proposal.decided_by, proposal.decided_at = user, timezone.now()
    proposal.decision_note = note.strip()
    proposal.save()
    record_event(user, "vocabulary.rejected", proposal)
    return proposal


def _label_patterns() -> list[tuple[int, re.Pattern]]:
    labels: dict[str, int] = {}
    for concept_id, label in Concept.objects.values_list("id", "pref_label"):
        labels[label.lower()] = concept_id
    for concept_id, label in AltLabel.objects.values_list("concept_id", "label"):
        labels.setdefault(label.lower(), concept_id)
    # Whole words, allowing a Dutch plural/inflection ending so "schulden" finds "schuld".
    return [
        (concept_id, re.compile(rf"(?<!\w){re.escape(label)}(?:en|s|e|n)?(?!\w)", re.IGNORECASE))
        for label, concept_id in labels.items()
        if len(label) >= 3
    ]


def suggest_concepts(*texts: str) -> list[Concept]:
    """Concepts whose preferred or alternative label occurs in the given texts."""
    haystack = "\n".join(texts)
    found = {concept_id for concept_id, pattern in _label_patterns() if pattern.search(haystack)}
    return list(Concept.objects.filter(id__in=found))
