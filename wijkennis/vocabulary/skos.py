"""The vocabulary as SKOS (Turtle or JSON-LD), with rdflib: export, validation, import.

Label kinds have no SKOS term of their own: each alternative label is written as skos:altLabel
and also with our sub-property (wk:lekentaal, wk:beleidstaal, wk:afkorting), so plain SKOS
tools see ordinary labels and a Wijkennis import keeps the kind. Misspellings are
skos:hiddenLabel. An import is all or nothing: any problem and nothing changes.
"""

import re
from collections.abc import Iterable

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS

from .models import Concept, ConceptStatus, LabelKind, MatchKind, Scheme

BASE = "https://wijkennis.nl/"
CONCEPT = Namespace(BASE + "begrip/")
SCHEME = Namespace(BASE + "schema/")
WK = Namespace(BASE + "def/")
LANGUAGE = "nl"
FORMATS = {"ttl": "turtle", "jsonld": "json-ld"}
SHOWN_KINDS = (LabelKind.LEKENTAAL, LabelKind.BELEIDSTAAL, LabelKind.AFKORTING)
MATCH_PROPERTIES = {MatchKind.EXACT: SKOS.exactMatch, MatchKind.CLOSE: SKOS.closeMatch}


class SkosError(ValueError):
    """The file is not valid SKOS for Wijkennis; `problems` names each concept or line."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def _bind(graph: Graph) -> Graph:
    for prefix, namespace in (("skos", SKOS), ("dct", DCTERMS), ("owl", OWL), ("wk", WK)):
        graph.bind(prefix, namespace)
    graph.bind("begrip", CONCEPT)
    graph.bind("schema", SCHEME, override=True, replace=True)  # not schema.org here
    return graph


def to_graph(concepts: Iterable[Concept] | None = None) -> Graph:
    if concepts is None:
        concepts = (
            Concept.objects.select_related("broader")
            .prefetch_related("alt_labels", "related", "matches")
            .order_by("slug")
        )
    graph = _bind(Graph())
    for kind in SHOWN_KINDS:
        graph.add((WK[kind], RDFS.subPropertyOf, SKOS.altLabel))
    with translation.override(LANGUAGE):
        for scheme in Scheme:
            graph.add((SCHEME[scheme.value], RDF.type, SKOS.ConceptScheme))
            graph.add((SCHEME[scheme.value], SKOS.prefLabel, _nl(str(scheme.label))))
    for concept in concepts:
        node = CONCEPT[concept.slug]
        graph.add((node, RDF.type, SKOS.Concept))
        graph.add((node, SKOS.inScheme, SCHEME[concept.scheme]))
        graph.add((node, SKOS.prefLabel, _nl(concept.pref_label)))
        if concept.definition:
            graph.add((node, SKOS.definition, _nl(concept.definition)))
        if concept.source:
            graph.add((node, DCTERMS.source, Literal(concept.source)))
        graph.add((node, WK.status, Literal(concept.status)))
        if concept.status == ConceptStatus.VEROUDERD:
            graph.add((node, OWL.deprecated, Literal(True)))
        if concept.broader_id:
            graph.add((node, SKOS.broader, CONCEPT[concept.broader.slug]))
            graph.add((CONCEPT[concept.broader.slug], SKOS.narrower, node))
        else:
            graph.add((node, SKOS.topConceptOf, SCHEME[concept.scheme]))
            graph.add((SCHEME[concept.scheme], SKOS.hasTopConcept, node))
        for other in concept.related.all():
            graph.add((node, SKOS.related, CONCEPT[other.slug]))
        for alt in concept.alt_labels.all():
            if alt.kind == LabelKind.VERBORGEN:
                graph.add((node, SKOS.hiddenLabel, _nl(alt.label)))
            else:
                graph.add((node, SKOS.altLabel, _nl(alt.label)))
                graph.add((node, WK[alt.kind], _nl(alt.label)))
        for match in concept.matches.all():
            graph.add((node, MATCH_PROPERTIES[match.kind], URIRef(match.uri)))
    return graph


def export(format_: str = "ttl") -> str:
    return to_graph().serialize(format=FORMATS[format_])


def _nl(value: str) -> Literal:
    return Literal(value, lang=LANGUAGE)


def _slug(node) -> str:
    return str(node).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def problems_in(graph: Graph) -> list[str]:
    """SKOS integrity as Wijkennis needs it; an empty list means valid."""
    problems = []
    concepts = sorted(set(graph.subjects(RDF.type, SKOS.Concept)), key=str)
    seen_labels: dict[str, str] = {}
    for node in concepts:
        name = _slug(node)
        if shape := _shape_problems(graph, node, name):
            problems += shape  # the checks below expect text labels and a usable name
            continue
        labels = list(graph.objects(node, SKOS.prefLabel))
        languages = [label.language for label in labels]
        for language in sorted({lang or "" for lang in languages}):
            if languages.count(language or None) > 1:
                problems.append(
                    _("%(concept)s: more than one prefLabel in language “%(language)s”: %(labels)s")
                    % {
                        "concept": name,
                        "language": language or "-",
                        "labels": ", ".join(sorted(str(label) for label in labels)),
                    }
                )
        if not labels:
            problems.append(_("%(concept)s: no prefLabel") % {"concept": name})
        for label in labels:
            key = str(label).casefold()
            if key in seen_labels and seen_labels[key] != name:
                problems.append(_duplicate(name, label, seen_labels[key]))
            seen_labels.setdefault(key, name)
        hidden = {str(h) for h in graph.objects(node, SKOS.hiddenLabel)}
        if overlap := sorted({str(label) for label in labels} & hidden):
            problems.append(
                _("%(concept)s: “%(label)s” is both prefLabel and hiddenLabel")
                % {"concept": name, "label": overlap[0]}
            )
        schemes = [_slug(s) for s in graph.objects(node, SKOS.inScheme)]
        if len(schemes) != 1 or schemes[0] not in Scheme.values:
            problems.append(
                _("%(concept)s: not in exactly one known scheme (%(schemes)s)")
                % {"concept": name, "schemes": ", ".join(schemes) or "-"}
            )
        broader = list(graph.objects(node, SKOS.broader))
        if len(broader) > 1:
            problems.append(_("%(concept)s: more than one broader concept") % {"concept": name})
        for target in broader + list(graph.objects(node, SKOS.related)):
            if (target, RDF.type, SKOS.Concept) not in graph:
                problems.append(
                    _("%(concept)s: refers to the unknown concept %(other)s")
                    % {"concept": name, "other": _slug(target)}
                )
    problems += _cycles(graph, concepts)
    return problems


# What the database columns hold (vocabulary.models); longer or odd values cannot be stored.
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
TEXT_LIMITS = {
    SKOS.prefLabel: 200,
    SKOS.altLabel: 200,
    SKOS.hiddenLabel: 200,
    SKOS.definition: None,
    DCTERMS.source: 200,
    **{WK[kind]: 200 for kind in SHOWN_KINDS},
}
MAX_URI = 500


def _shape_problems(graph: Graph, node, name: str) -> list[str]:
    """A concept Wijkennis can store: a web address ending in a plain code, text labels of a
    sensible length without NUL characters, outside matches as web addresses."""
    if not isinstance(node, URIRef) or not SLUG.match(name):
        return [
            _("%(concept)s: the address must end in a code of letters, digits and dashes")
            % {"concept": str(node)[:100]}
        ]
    problems = []
    for prop, limit in TEXT_LIMITS.items():
        for value in graph.objects(node, prop):
            if not isinstance(value, Literal):
                problems.append(
                    _("%(concept)s: %(property)s must be text")
                    % {"concept": name, "property": graph.qname(prop)}
                )
            elif "\x00" in str(value):
                problems.append(
                    _("%(concept)s: %(property)s holds a NUL character")
                    % {"concept": name, "property": graph.qname(prop)}
                )
            elif limit and len(str(value)) > limit:
                problems.append(
                    _("%(concept)s: %(property)s is longer than %(limit)s characters")
                    % {"concept": name, "property": graph.qname(prop), "limit": limit}
                )
    for prop in MATCH_PROPERTIES.values():
        for uri in graph.objects(node, prop):
            if not isinstance(uri, URIRef) or len(str(uri)) > MAX_URI:
                problems.append(
                    _("%(concept)s: an outside match must be a web address") % {"concept": name}
                )
    return problems


def _cycles(graph: Graph, concepts: list) -> list[str]:
    problems, reported = [], set()
    for start in concepts:
        path, node = [start], start
        while True:
            parents = list(graph.objects(node, SKOS.broader))
            if not parents:
                break
            node = parents[0]
            if node in path:
                cycle = path[path.index(node) :]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    names = " → ".join(_slug(n) for n in [*cycle, node])
                    problems.append(_("broader concepts form a cycle: %(path)s") % {"path": names})
                break
            path.append(node)
    return problems


def entries_from(graph: Graph) -> list[dict]:
    """Concept dicts shaped like services.snapshot, from a valid graph."""
    entries = []
    for node in sorted(set(graph.subjects(RDF.type, SKOS.Concept)), key=str):
        kinds = {
            str(label): kind for kind in SHOWN_KINDS for label in graph.objects(node, WK[kind])
        }
        alt_labels = [
            {"label": str(label), "kind": kinds.get(str(label), LabelKind.LEKENTAAL)}
            for label in graph.objects(node, SKOS.altLabel)
        ]
        alt_labels += [
            {"label": str(label), "kind": LabelKind.VERBORGEN}
            for label in graph.objects(node, SKOS.hiddenLabel)
        ]
        broader = next(graph.objects(node, SKOS.broader), None)
        status = graph.value(node, WK.status)
        if status is None or str(status) not in ConceptStatus.values:
            deprecated = graph.value(node, OWL.deprecated)
            status = ConceptStatus.VEROUDERD if deprecated else ConceptStatus.ACTIEF
        entries.append(
            {
                "slug": _slug(node),
                "scheme": _slug(graph.value(node, SKOS.inScheme)),
                "pref_label": str(graph.value(node, SKOS.prefLabel)),
                "definition": str(graph.value(node, SKOS.definition) or ""),
                "source": str(graph.value(node, DCTERMS.source) or ""),
                "status": str(status),
                "broader": _slug(broader) if broader is not None else None,
                "related": sorted(_slug(r) for r in graph.objects(node, SKOS.related)),
                "alt_labels": alt_labels,
                "matches": [
                    {"kind": kind, "uri": str(uri)}
                    for kind, prop in MATCH_PROPERTIES.items()
                    for uri in graph.objects(node, prop)
                ],
            }
        )
    return entries


def parse(data: str | bytes, format_: str) -> Graph:
    graph = Graph()
    try:
        graph.parse(data=data, format=FORMATS[format_])
    except Exception as error:  # rdflib raises many kinds; the message names the line
        raise SkosError(
            [_("The file is not valid %(format)s: %(error)s") % {"format": format_, "error": error}]
        ) from error
    return graph


@transaction.atomic
def import_graph(graph: Graph, user=None) -> list[Concept]:
    """Validate, then create or update every concept in the graph, or change nothing."""
    from .services import save_concept_data

    problems = problems_in(graph)
    entries = entries_from(graph)
    if not entries:
        problems.append(_("The file holds no skos:Concept."))
    labels = {e["pref_label"].casefold(): e["slug"] for e in entries}
    for concept in Concept.objects.exclude(slug__in=[e["slug"] for e in entries]):
        if labels.get(concept.pref_label.casefold()):
            problems.append(
                _duplicate(labels[concept.pref_label.casefold()], concept.pref_label, concept.slug)
            )
    if problems:
        raise SkosError(problems)
    return save_concept_data(entries, _("Imported from a SKOS file"), user=user)


def _duplicate(name: str, label, other: str) -> str:
    return _("%(concept)s: the prefLabel “%(label)s” belongs to %(other)s as well") % {
        "concept": name,
        "label": label,
        "other": other,
    }
