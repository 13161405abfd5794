"""Reads of "Mijn gegevens": everything the registry lists, for one person only.

`rows_for(user, key)` is the one place that picks a person's rows; the overview, the JSON and
the PDF all build on it, so nobody else's data can end up in them.
"""

import datetime
import decimal
import uuid

from django.db import models
from django.utils import timezone

from wijkennis.core.models import AuditEvent
from wijkennis.organisations.models import Organisation, Team
from wijkennis.stories.models import TEXT_FIELDS, Story
from wijkennis.vocabulary.models import Concept

from .registry import SECTIONS, Rule, relation, rules

EXPORT_FORMAT = "wijkennis-mijn-gegevens/1"
# Related objects shown by name in the download; every other relation only by its number,
# so that no other person's name or text ends up in someone's export.
NAMED_RELATIONS = (Organisation, Team, Concept)


def rows_for(user, key: str) -> models.QuerySet:
    """The rows of registry entry `key` that point at `user`."""
    model, field = relation(key)
    if not user.is_authenticated:
        return model._default_manager.none()
    return model._default_manager.filter(**{field.name: user}).order_by("pk")


def _plain(value):
    if isinstance(value, datetime.datetime):
        return (
            timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
        )
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def _related(field, value):
    if value is None:
        return None
    if issubclass(field.related_model, NAMED_RELATIONS):
        obj = field.related_model._default_manager.filter(pk=value).first()
        return {"id": value, "name": str(obj)} if obj else value
    return value


def serialise(obj: models.Model, fields: tuple[str, ...] | None, skip: str = "") -> dict:
    """One row as plain JSON values. Relations to people and other records are numbers only."""
    row = {"id": obj.pk}
    for field in [*obj._meta.concrete_fields, *obj._meta.many_to_many]:
        if field.primary_key or field.name == skip:
            continue
        if fields is not None and field.name not in fields:
            continue
        if field.many_to_many:
            ids = list(getattr(obj, field.name).values_list("pk", flat=True))
            row[field.name] = [_related(field, pk) for pk in ids]
        elif field.is_relation:
            row[field.name] = _related(field, field.value_from_object(obj))
        else:
            row[field.name] = _plain(field.value_from_object(obj))
    return row


def account(user) -> dict:
    return {
        "id": user.pk,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": _plain(user.date_joined),
        "last_login": _plain(user.last_login),
        "language": user.language,
        "email_inbreng_updates": user.email_inbreng_updates,
        "email_inbreng_digest": user.email_inbreng_digest,
        "email_referrals": user.email_referrals,
        "has_password": user.has_usable_password(),
        "is_staff": user.is_staff,
    }


def story_rows(user) -> list[dict]:
    """The person's stories with every version: what they wrote and the de-identified text."""
    stories = Story.objects.filter(author=user).prefetch_related("versions", "concepts")
    rows = []
    for story in stories.order_by("pk"):
        row = serialise(story, ("organisation", "visibility", "status", "concepts"), skip="author")
        row |= {
            "created_at": _plain(story.created_at),
            "published_at": _plain(story.published_at),
            "current_version": story.current_version_id,
            "published_version": story.published_version_id,
            "versions": [
                {
                    "id": version.pk,
                    "number": version.number,
                    "created_at": _plain(version.created_at),
                    "written": {f: version.original(f) for f in TEXT_FIELDS},
                    "deidentified": {f: getattr(version, f) for f in TEXT_FIELDS},
                }
                for version in story.versions.all()
            ],
        }
        rows.append(row)
    return rows


def events_about(user) -> models.QuerySet:
    """Log lines about the person's account itself (made by them or by someone else)."""
    return AuditEvent.objects.filter(object_type="user", object_id=user.pk).order_by("at")


def registry_rows(user, key: str, rule: Rule) -> list[dict]:
    if key == "stories.Story.author":
        return story_rows(user)
    _model, field = relation(key)
    return [serialise(obj, rule.export, skip=field.name) for obj in rows_for(user, key)]


def export_data(user) -> dict:
    """Everything in the registry for `user`, as one JSON-ready dictionary."""
    data = {key: registry_rows(user, key, rule) for key, rule in rules()}
    return {
        "format": EXPORT_FORMAT,
        "exported_at": _plain(timezone.now()),
        "account": account(user),
        "data": data,
        "events_about_you": [
            serialise(event, ("action", "at", "detail")) for event in events_about(user)
        ],
    }


def overview(user) -> list[dict]:
    """Per section: each registry entry with its count."""
    entries = rules()
    counts = _counts(user, [key for key, _rule in entries])
    return [
        {
            "section": section,
            # Counts only: a row's name may include someone else (who answered, who decided).
            "entries": [
                {"key": key, "rule": rule, "count": counts[key]}
                for key, rule in entries
                if rule.section == section.key
            ],
        }
        for section in SECTIONS
    ]


def _counts(user, keys: list[str]) -> dict[str, int]:
    """The number of `rows_for(user, key)` of every key, in one query (one per key took 18 ms)."""
    if not user.is_authenticated:
        return dict.fromkeys(keys, 0)
    subqueries = {}
    for index, key in enumerate(keys):
        person = relation(key)[1].name  # all rows share it: one group, or none (NULL)
        rows = rows_for(user, key).order_by().values(person)
        subqueries[f"count_{index}"] = models.Subquery(
            rows.annotate(number=models.Count("pk")).values("number")
        )
    found = type(user).objects.filter(pk=user.pk).values(**subqueries).get()
    return {key: found[f"count_{index}"] or 0 for index, key in enumerate(keys)}


def stories_by_status(user) -> dict[str, list[Story]]:
    grouped: dict[str, list[Story]] = {}
    for story in Story.objects.owned_by(user).select_related("current_version", "organisation"):
        grouped.setdefault(story.get_status_display(), []).append(story)
    return grouped
