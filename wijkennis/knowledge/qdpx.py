"""The research export: network-visible stories as a REFI-QDA project (`.qdpx`).

A `.qdpx` file is a zip of `project.qde` (QDA-XML 1.0, the schema REFI published in March
2019) and `sources/<guid>.txt`, one plain-text file per story. QualCoder, ATLAS.ti, NVivo and
MAXQDA open it, so researchers can code Wijkennis stories in the tool they already use.

What goes in:
- the stories the user may read (`Story.objects.visible_to`) that are shared with the network
  or the public, never organisation-level or private ones; only their published,
  de-identified version, never the original;
- the stories' concepts as codes (nested under their broader concepts, one colour per scheme),
  coded on the whole story and on every place where one of the concept's shown labels occurs;
- one anonymous exporting `User`; no author names, e-mail addresses or ids.

GUIDs are uuid5 of a fixed namespace and the object's id, the zip entries carry a fixed date,
so two exports of the same data differ only in the project's `creationDateTime`.
Character positions count Unicode code points (Python `str` indices), end exclusive, in the
text file exactly as written (UTF-8 without BOM, `\\n` line ends, NFC).
"""

import functools
import re
import unicodedata
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from wijkennis.stories.models import Status, Story, StoryVersion, Visibility
from wijkennis.vocabulary.models import Concept, Scheme

NAMESPACE = "urn:QDA-XML:project:1.0"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
# Fixed so that GUIDs stay the same from one export to the next (never change it).
GUID_NAMESPACE = uuid.UUID("6b1f3c52-4f0e-5a8d-9c1e-2f7a0d4b8e31")
EXPORTED_VISIBILITIES = (Visibility.NETWORK, Visibility.PUBLIC)
EXPORT_USER_NAME = "Wijkennis-export"
# The zip format cannot store dates before 1980; a fixed date keeps exports identical.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# The export's content is Dutch like the stories themselves, whatever language the person
# exporting uses, so these are fixed Dutch texts and not translatable messages.
HEADINGS = (("what_helped", "Wat hielp"), ("what_did_not_help", "Wat hielp niet"))
PROJECT_DESCRIPTION = (
    "Ervaringsverhalen uit Wijkennis die gedeeld zijn met het netwerk of met iedereen, "
    "alleen in de gepubliceerde versie waaruit namen en andere herleidbare gegevens zijn "
    "weggehaald (gede-identificeerd). Er staan geen namen, e-mailadressen of nummers van "
    "schrijvers in. De codes komen uit de gemeenschappelijke taal van Wijkennis; elk verhaal "
    "is gecodeerd met zijn begrippen, als geheel en op de plaatsen waar een woord voor het "
    "begrip voorkomt."
)

# One colour per scheme (Okabe-Ito, distinguishable with colour blindness).
SCHEME_COLOURS = {
    Scheme.LEVENSGEBIED: "#0072B2",
    Scheme.SLEUTELSITUATIE: "#D55E00",
    Scheme.ROL: "#009E73",
    Scheme.METHODIEK: "#CC79A7",
    Scheme.SECTOR: "#E69F00",
    Scheme.PROCESNIVEAU: "#56B4E9",
    Scheme.ONDERSTEUNINGSVORM: "#F0E442",
}
OTHER_COLOUR = "#999999"
SCHEME_ORDER = {scheme: index for index, scheme in enumerate(Scheme.values)}

# Characters XML 1.0 cannot carry; dropped so that text file and XML agree.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class QdpxSummary:
    sources: int
    codes: int
    selections: int
    codings: int


def build_qdpx(user, stream: IO[bytes], *, now: datetime | None = None) -> QdpxSummary:
    """Write the research export for `user` as a `.qdpx` zip to the binary `stream`.

    `now` (default: the current time) is the project's `creationDateTime`, the only part
    that differs between two exports of the same data.
    """
    stories = list(exported_stories(user))
    codebook = _with_broader(
        {concept.pk: concept for story in stories for concept in story.concepts.all()}
    )
    user_guid = _guid("user", EXPORT_USER_NAME)
    project = _element(
        None,
        "Project",
        xmlns=NAMESPACE,
        name="Wijkennis",
        origin="Wijkennis",
        creatingUserGUID=user_guid,
        creationDateTime=_xml_datetime(now or timezone.now()),
    )
    users = _element(project, "Users")
    _element(users, "User", guid=user_guid, name=EXPORT_USER_NAME)
    if codebook:
        _codebook_element(project, codebook)

    files: list[tuple[str, bytes]] = []
    selections = codings = 0
    if stories:
        sources = _element(project, "Sources")
        for story in stories:
            text = source_text(story.published_version)
            guid = _guid("story", story.pk)
            source = _element(
                sources,
                "TextSource",
                guid=guid,
                name=_clean(story.published_version.title),
                plainTextPath=f"internal://{guid}.txt",
                creatingUser=user_guid,
            )
            story_selections, story_codings = _code_story(source, story, text, user_guid)
            selections += story_selections
            codings += story_codings
            files.append((f"sources/{guid}.txt", text.encode("utf-8")))
    description = _element(project, "Description")
    description.text = PROJECT_DESCRIPTION

    ET.indent(project)
    qde = XML_DECLARATION + ET.tostring(project, encoding="unicode").encode("utf-8")
    with zipfile.ZipFile(stream, "w") as archive:
        _write(archive, "project.qde", qde)
        for name, data in files:
            _write(archive, name, data)
    return QdpxSummary(
        sources=len(stories), codes=len(codebook), selections=selections, codings=codings
    )


def exported_stories(user) -> QuerySet[Story]:
    """Published stories the user may read that are shared with the network or the public."""
    concepts = Concept.objects.prefetch_related("alt_labels")
    return (
        Story.objects.visible_to(user)
        .filter(
            status=Status.PUBLISHED,
            published_version__isnull=False,
            visibility__in=EXPORTED_VISIBILITIES,
        )
        .with_published_text()
        .prefetch_related(Prefetch("concepts", queryset=concepts))
        .order_by("pk")
    )


def source_text(version: StoryVersion) -> str:
    """The text file of a story: title, blank line, body, then the "wat hielp (niet)" parts."""
    parts = [_clean(version.title), _clean(version.body)]
    for field, heading in HEADINGS:
        value = _clean(getattr(version, field))
        if value:
            parts.append(f"{heading}\n{value}")
    return "\n\n".join(part for part in parts if part) + "\n"


def label_spans(text: str, labels: list[str]) -> list[tuple[int, int]]:
    """Where any of the labels occurs as a whole word or phrase (case-insensitive).

    A match inside a longer match of the same concept (“schulden” inside “problematische
    schulden”) is left out; positions are code points, the end exclusive.
    """
    found = set()
    for label in {_clean(label) for label in labels}:
        if not label:
            continue
        found.update(match.span() for match in _label_pattern(label).finditer(text))
    spans: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda span: (span[0], -span[1])):
        if not any(start >= kept_start and end <= kept_end for kept_start, kept_end in spans):
            spans.append((start, end))
    return spans


@functools.lru_cache(maxsize=4096)
def _label_pattern(label: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(label)}(?!\w)", re.IGNORECASE)


def _code_story(source: ET.Element, story: Story, text: str, user_guid: str) -> tuple[int, int]:
    concepts = sorted(story.concepts.all(), key=_concept_order)
    if not concepts:
        return 0, 0
    whole = (0, len(text))
    by_span: dict[tuple[int, int], list[Concept]] = defaultdict(list)
    for concept in concepts:
        labels = [concept.pref_label, *(label.label for label in concept.shown_labels())]
        for span in label_spans(text, labels):
            if span != whole:
                by_span[span].append(concept)
    selections = [(whole, concepts), *sorted(by_span.items())]
    codings = 0
    for (start, end), coded in selections:
        key = f"{story.pk}:{start}:{end}"
        attributes = {"guid": _guid("selection", key)}
        if (start, end) != whole:
            attributes["name"] = text[start:end]
        selection = _element(
            source,
            "PlainTextSelection",
            **attributes,
            startPosition=str(start),
            endPosition=str(end),
            creatingUser=user_guid,
        )
        for concept in coded:
            coding = _element(
                selection,
                "Coding",
                guid=_guid("coding", f"{key}:{concept.pk}"),
                creatingUser=user_guid,
            )
            _element(coding, "CodeRef", targetGUID=_guid("concept", concept.pk))
            codings += 1
    return len(selections), codings


def _with_broader(concepts: dict[int, Concept]) -> dict[int, Concept]:
    """The concepts plus all their broader concepts, so that the code tree is complete."""
    concepts = dict(concepts)
    while missing := {
        c.broader_id for c in concepts.values() if c.broader_id and c.broader_id not in concepts
    }:
        fetched = list(Concept.objects.filter(pk__in=missing))
        if not fetched:
            break
        concepts.update((concept.pk, concept) for concept in fetched)
    return concepts


def _codebook_element(project: ET.Element, concepts: dict[int, Concept]) -> None:
    children: dict[int | None, list[Concept]] = defaultdict(list)
    for concept in concepts.values():
        parent = concept.broader_id if concept.broader_id in concepts else None
        children[parent].append(concept)
    codes = _element(_element(project, "CodeBook"), "Codes")
    placed: set[int] = set()

    def add(parent: ET.Element, concept: Concept) -> None:
        placed.add(concept.pk)
        code = _element(
            parent,
            "Code",
            guid=_guid("concept", concept.pk),
            name=_clean(concept.pref_label),
            isCodable="true",
            color=SCHEME_COLOURS.get(concept.scheme, OTHER_COLOUR),
        )
        if definition := _clean(concept.definition):
            _element(code, "Description").text = definition
        for child in sorted(children[concept.pk], key=_concept_order):
            if child.pk not in placed:
                add(code, child)

    for concept in sorted(children[None], key=_concept_order):
        add(codes, concept)
    # A broader-cycle has no root: place what is left at the top rather than lose it.
    for concept in sorted(concepts.values(), key=_concept_order):
        if concept.pk not in placed:
            add(codes, concept)


def _concept_order(concept: Concept):
    return (
        SCHEME_ORDER.get(concept.scheme, len(SCHEME_ORDER)),
        concept.pref_label.casefold(),
        concept.pk,
    )


def _element(parent: ET.Element | None, tag: str, **attributes: str) -> ET.Element:
    # Tags stay unqualified and the root declares the default namespace itself: ElementTree's
    # `default_namespace` refuses the schema's unqualified attributes.
    if parent is None:
        return ET.Element(tag, attributes)
    return ET.SubElement(parent, tag, attributes)


def _guid(kind: str, key) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, f"{kind}:{key}"))


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_XML.sub("", text).strip()


def _xml_datetime(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _write(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)
