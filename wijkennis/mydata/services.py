"""Writes of "Mijn gegevens": recording a download and deleting an account.

`delete_account` walks the registry (registry.py), so every relation to the person is handled
the way the registry says, in one transaction.
"""

import secrets
from importlib import import_module

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction

from wijkennis.core.models import record_event
from wijkennis.search.indexing import purge_deleted_words
from wijkennis.stories.models import TEXT_FIELDS, ConsentRecord, DeidentificationSpan, Status, Story
from wijkennis.stories.models import Visibility as StoryVisibility
from wijkennis.stories.services import erase_story, withdraw_story

from .registry import REMOVED, Action, relation, rules

WITHDRAW, ERASE = "withdraw", "erase"
STORY_CHOICES = (WITHDRAW, ERASE)
STAND_IN_DOMAIN = "verwijderd.invalid"


def record_export(user, kind: str) -> None:
    """An audit line for a download (never its content)."""
    record_event(user, "mydata.exported", user, kind)


class _StandIn:
    """The anonymous account that keeps what must keep counting (recognitions, votes, scan
    answers, offers): made only when needed, one per deleted account, so counts of people and
    the one-per-person rules stay right. It has no name, no password and cannot sign in."""

    def __init__(self):
        self.user = None

    def get(self):
        if self.user is None:
            self.user = get_user_model().objects.create_user(
                email=f"verwijderd-{secrets.token_hex(8)}@{STAND_IN_DOMAIN}", is_active=False
            )
        return self.user


def is_stand_in(user) -> bool:
    return user.email.endswith("@" + STAND_IN_DOMAIN)


def _is_shared(story: Story) -> bool:
    return (
        story.published_version_id is not None
        and story.status in (Status.PUBLISHED, Status.WITHDRAWN)
        and story.visibility != StoryVisibility.PRIVATE
    )


def _withdraw_and_keep(user, story: Story, stand_in: _StandIn) -> None:
    """Withdraw a shared story and keep only the de-identified text the person agreed to share,
    owned by the stand-in: no original, no other version, no spans, no link to the person."""
    if story.status == Status.PUBLISHED:
        withdraw_story(user, story)  # out of search and out of sight, at once
    kept = story.published_version
    story.current_version = kept
    story.author = stand_in.get()
    story.save()
    story.versions.exclude(pk=kept.pk).delete()
    DeidentificationSpan.objects.filter(version=kept).delete()
    for name in TEXT_FIELDS:
        limit = kept._meta.get_field(f"original_{name}").max_length
        setattr(
            kept, f"original_{name}", getattr(kept, name)[:limit] if limit else getattr(kept, name)
        )
    kept.save()
    ConsentRecord.objects.filter(story=story).update(given_by=stand_in.get())


def _handle_stories(user, choice: str, stand_in: _StandIn) -> None:
    """Drafts and private stories are always erased; shared ones as the person chose."""
    for story in Story.objects.filter(author=user).select_related("published_version"):
        if choice == ERASE or not _is_shared(story):
            erase_story(user, story)
        else:
            _withdraw_and_keep(user, story, stand_in)


def _apply(user, key: str, rule, stand_in: _StandIn) -> None:
    model, field = relation(key)
    rows = model._default_manager.filter(**{field.name: user})
    if rule.before is not None:
        rule.before(user, stand_in.user)
    if rule.on_delete in (Action.DELETE, Action.CUSTOM):
        # CUSTOM: what the named step left (nothing, normally) is deleted.
        if field.many_to_many:
            for obj in rows:
                getattr(obj, field.name).remove(user)
        else:
            rows.delete()
    elif rule.on_delete == Action.ANONYMISE:
        if rows.exists():
            rows.update(**{field.name: stand_in.get()}, **rule.clear)
    elif rule.on_delete == Action.UNLINK:
        rows.update(**{field.name: None}, **rule.clear)


def _forget_elsewhere(user) -> None:
    """Traces without a relation to the user model: the admin's log lines about the account,
    django-axes' sign-in logs (by e-mail address) and the person's sessions."""
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk)
    ).update(object_repr=REMOVED, change_message="")
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=user.email).delete()
    mine = [
        session.pk
        for session in Session.objects.iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    # Through the session engine: with cached_db (REDIS_URL set) also Redis' copy goes.
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in mine:
        store(session_key=key).delete()


@transaction.atomic
def delete_account(user, *, stories: str = WITHDRAW) -> None:
    """Delete `user` and everything of theirs, as the registry says, in one transaction.

    `stories`: "withdraw" keeps shared stories only as their de-identified text, invisible to
    everyone and without a link to the person; "erase" deletes them (as `erase_story`).
    Drafts and private stories are always erased.
    """
    if stories not in STORY_CHOICES:
        raise ValueError(f"stories must be one of {STORY_CHOICES}")
    stand_in = _StandIn()
    _handle_stories(user, stories, stand_in)
    for key, rule in rules():
        _apply(user, key, rule, stand_in)
    _forget_elsewhere(user)
    record_event(None, "account.deleted", user, f"stories: {stories}")
    user.delete()
    purge_deleted_words()
