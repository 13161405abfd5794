"""Import and export of stories as JSON Lines (one story per line).

Format (docs/IMPORT_FORMAT.md): {"title", "text", "author" (e-mail), "organisation" (name),
"visibility" (private | organisation | network | public), "concepts" ([slugs]),
optional "what_helped", "what_did_not_help", and "consent": true for any visibility but
private}. Import validates the whole file before it writes anything.
"""

import json
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from wijkennis.accounts.models import User
from wijkennis.organisations.models import STORY_WRITER_ROLES, Membership, Organisation
from wijkennis.vocabulary.models import Concept

from . import services
from .models import Status, Story, Visibility

REQUIRED = ("title", "text", "author", "organisation", "visibility")


class ImportFileError(Exception):
    """A problem in the file; the message names the line and nothing has been imported."""


@dataclass
class StoryRow:
    line: int
    title: str
    text: str
    what_helped: str
    what_did_not_help: str
    author: User
    organisation: Organisation
    visibility: str
    concepts: list[Concept]


def read_rows(lines: IO[bytes] | list[bytes]) -> list[StoryRow]:
    """Parse and validate every line; raise ImportFileError for the first bad one."""
    rows, problems = [], []
    concepts = {c.slug: c for c in Concept.objects.all()}
    for number, raw in enumerate(lines, start=1):
        try:
            text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError:
            problems.append(_("Line %(line)s is not UTF-8 text.") % {"line": number})
            continue
        if not text.strip():
            continue
        try:
            row = _validate(json.loads(text), concepts)
        except json.JSONDecodeError as error:
            problems.append(
                _("Line %(line)s is not valid JSON (%(error)s).")
                % {"line": number, "error": error.msg}
            )
        except ValueError as error:
            problems.append(_("Line %(line)s: %(error)s") % {"line": number, "error": error})
        else:
            row.line = number
            rows.append(row)
    if problems:
        raise ImportFileError("\n".join(problems))
    if not rows:
        raise ImportFileError(_("The file contains no stories."))
    return rows


def _validate(data, concepts: dict[str, Concept]) -> StoryRow:
    if not isinstance(data, dict):
        raise ValueError(_("expected an object with the fields of a story."))
    missing = [field for field in REQUIRED if not str(data.get(field) or "").strip()]
    if missing:
        raise ValueError(_("missing field(s): %(fields)s.") % {"fields": ", ".join(missing)})
    text_fields = ("title", "text", "what_helped", "what_did_not_help")
    if not all(isinstance(data.get(field, ""), str) for field in text_fields):
        raise ValueError(_("title, text, what_helped and what_did_not_help must be text."))
    if any("\x00" in data.get(field, "") for field in text_fields):
        raise ValueError(_("the text contains a NUL character."))
    if len(data["text"]) > settings.STORY_MAX_CHARS:
        raise ValueError(
            _("the text is longer than %(limit)s characters.") % {"limit": settings.STORY_MAX_CHARS}
        )
    if data["visibility"] not in Visibility.values:
        raise ValueError(
            _("visibility must be one of %(choices)s.") % {"choices": ", ".join(Visibility.values)}
        )
    if data["visibility"] != Visibility.PRIVATE and data.get("consent") is not True:
        raise ValueError(_('sharing beyond "private" needs "consent": true.'))
    author = User.objects.filter(email__iexact=str(data["author"]).strip()).first()
    if author is None:
        raise ValueError(_("no user with e-mail address %(email)s.") % {"email": data["author"]})
    organisation = Organisation.objects.filter(name=data["organisation"]).first()
    if organisation is None:
        raise ValueError(_("no organisation named %(name)s.") % {"name": data["organisation"]})
    if not Membership.objects.filter(
        user=author, organisation=organisation, role__in=STORY_WRITER_ROLES
    ).exists():
        raise ValueError(
            _("%(email)s does not write stories for %(name)s.")
            % {"email": author.email, "name": organisation.name}
        )
    slugs = data.get("concepts") or []
    if not isinstance(slugs, list):
        raise ValueError(_("concepts must be a list of concept codes."))
    unknown = [slug for slug in slugs if slug not in concepts]
    if unknown:
        raise ValueError(
            _("unknown concept(s): %(slugs)s.") % {"slugs": ", ".join(map(str, unknown))}
        )
    return StoryRow(
        line=0,
        title=data["title"],
        text=data["text"],
        what_helped=data.get("what_helped") or "",
        what_did_not_help=data.get("what_did_not_help") or "",
        author=author,
        organisation=organisation,
        visibility=data["visibility"],
        concepts=[concepts[slug] for slug in slugs],
    )


@transaction.atomic
def import_rows(rows: list[StoryRow], progress=None) -> list[Story]:
    """De-identify and store every row; one transaction, so all or nothing."""
    stories = []
    for row in rows:
        story = services.save_draft(
            row.author,
            organisation=row.organisation,
            title=row.title,
            body=row.text,
            what_helped=row.what_helped,
            what_did_not_help=row.what_did_not_help,
        )
        if row.visibility != Visibility.PRIVATE:
            services.publish_story(
                row.author,
                story,
                visibility=row.visibility,
                consent_given=True,
                concepts=row.concepts,
            )
        else:
            story.concepts.set(row.concepts)
        stories.append(story)
        if progress:
            progress()
    return stories


def export_rows(stories) -> list[dict]:
    """The published, de-identified version of each story; originals are never exported."""
    rows = []
    stories = (
        stories.filter(status=Status.PUBLISHED)
        .select_related("published_version", "author", "organisation")
        .prefetch_related("concepts")
    )
    for story in stories.order_by("pk"):
        version = story.published_version
        rows.append(
            {
                "title": version.title,
                "text": version.body,
                "what_helped": version.what_helped,
                "what_did_not_help": version.what_did_not_help,
                "author": story.author.email,
                "organisation": story.organisation.name,
                "visibility": story.visibility,
                "consent": True,
                "concepts": sorted(concept.slug for concept in story.concepts.all()),
            }
        )
    return rows
