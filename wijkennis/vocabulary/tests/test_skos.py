"""SKOS export and import: a lossless round trip, and invalid files change nothing."""

import io

import pytest
from django.core.management import CommandError, call_command
from rdflib import Graph

from tests.factories import AltLabelFactory, ConceptFactory
from wijkennis.vocabulary import skos
from wijkennis.vocabulary.models import AltLabel, Concept, ConceptChange, ExternalMatch
from wijkennis.vocabulary.services import load_seed_vocabulary


def _sorted_lines(data: str) -> list[str]:
    return sorted(line for line in data.splitlines() if line.strip())


@pytest.mark.parametrize("format_", ["ttl", "jsonld"])
def test_export_import_export_is_identical(db, tmp_path, format_):
    load_seed_vocabulary()
    debts = Concept.objects.get(slug="schulden")
    AltLabelFactory(concept=debts, label="schuldn", kind="verborgen")
    ExternalMatch.objects.create(concept=debts, kind="close", uri="https://example.org/debts")
    debts.related.add(Concept.objects.get(slug="armoede"))
    first = skos.export(format_)
    assert skos.problems_in(skos.parse(first, format_)) == []
    path = tmp_path / f"vocabulary.{format_}"
    path.write_text(first, encoding="utf-8")
    Concept.objects.all().delete()
    call_command("vocabulary", "import", str(path), stdout=io.StringIO())
    second = skos.export(format_)
    assert _sorted_lines(second) == _sorted_lines(first)
    # The kinds of labels, the hidden label and the links came back, not only the words.
    assert AltLabel.objects.get(label="schuldn").kind == "verborgen"
    assert Concept.objects.get(slug="schulden").related.filter(slug="armoede").exists()


def test_the_export_is_plain_skos_for_other_tools(db):
    concept = ConceptFactory(slug="wsnp", pref_label="Schuldsanering")
    AltLabelFactory(concept=concept, label="WSNP", kind="afkorting")
    AltLabelFactory(concept=concept, label="schuldsanring", kind="verborgen")
    graph = Graph().parse(data=skos.export("ttl"), format="turtle")
    node = skos.CONCEPT["wsnp"]
    labels = {str(o) for o in graph.objects(node, skos.SKOS.altLabel)}
    hidden = {str(o) for o in graph.objects(node, skos.SKOS.hiddenLabel)}
    assert labels == {"WSNP"} and hidden == {"schuldsanring"}


def test_the_command_line_writes_turtle_and_json_ld(db):
    ConceptFactory(slug="armoede", pref_label="Armoede")
    out = io.StringIO()
    call_command("vocabulary", "export", "--format", "jsonld", stdout=out)
    assert "Armoede" in out.getvalue() and '"@id"' in out.getvalue()


PREFIXES = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix begrip: <https://wijkennis.nl/begrip/> .
@prefix schema: <https://wijkennis.nl/schema/> .
"""


def _concept(slug: str, label: str, extra: str = "") -> str:
    return (
        f"begrip:{slug} a skos:Concept ; skos:inScheme schema:levensgebied ; "
        f'skos:prefLabel "{label}"@nl {extra}.\n'
    )


def _rejected(tmp_path, data: str) -> str:
    path = tmp_path / "bad.ttl"
    path.write_text(PREFIXES + data, encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("vocabulary", "import", str(path))
    return str(raised.value)


def test_a_broader_cycle_is_rejected_with_the_concepts_named(db, tmp_path):
    message = _rejected(
        tmp_path,
        _concept("aa", "Eerste", "; skos:broader begrip:bb ")
        + _concept("bb", "Tweede", "; skos:broader begrip:cc ")
        + _concept("cc", "Derde", "; skos:broader begrip:aa ")
        + _concept("dd", "Goed"),
    )
    assert "Nothing was imported" in message or "Er is niets" in message
    assert "aa → bb → cc → aa" in message
    assert not Concept.objects.exists() and not ConceptChange.objects.exists()


def test_a_duplicate_pref_label_is_rejected_and_nothing_is_imported(db, tmp_path):
    ConceptFactory(slug="bestaand", pref_label="Schulden")
    two_in_one = _concept("aa", "Armoede", '; skos:prefLabel "Geldgebrek"@nl ')
    message = _rejected(tmp_path, two_in_one + _concept("bb", "Schulden") + _concept("cc", "Goed"))
    assert "aa" in message and "Armoede" in message and "Geldgebrek" in message
    assert "bb" in message and "bestaand" in message
    assert list(Concept.objects.values_list("slug", flat=True)) == ["bestaand"]


def test_a_syntax_error_names_the_line(db, tmp_path):
    message = _rejected(tmp_path, _concept("aa", "Goed") + "begrip:bb a skos:Concept ;;; oops\n")
    assert "line 5" in message or "regel 5" in message
    assert not Concept.objects.exists()
