"""The research export (.qdpx, REFI-QDA): valid against the REFI schema, codes that resolve,
positions that hit the text, and only network-visible, de-identified stories."""

import io
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from lxml import etree

from tests.factories import AltLabelFactory, ConceptFactory, StoryFactory
from wijkennis.knowledge.qdpx import build_qdpx
from wijkennis.stories.models import Story, StoryVersion, Visibility
from wijkennis.vocabulary.models import Concept

SCHEMA_PATH = Path(__file__).parent / "refi_qda" / "Project-mrt2019.xsd"
NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))


@pytest.fixture
def vocabulary(db):
    money = ConceptFactory(
        slug="geldzaken", pref_label="Geldzaken", definition="Alles rond inkomen en uitgaven."
    )
    debts = ConceptFactory(
        slug="schulden",
        pref_label="Schulden",
        broader=money,
        definition="Geld dat je moet betalen en niet kunt betalen.",
    )
    AltLabelFactory(concept=debts, label="rood staan", kind="lekentaal")
    AltLabelFactory(concept=debts, label="problematische schulden", kind="beleidstaal")
    AltLabelFactory(concept=debts, label="schludden", kind="verborgen")
    help_ = ConceptFactory(
        slug="schuldhulpverlening", pref_label="Schuldhulpverlening", scheme="ondersteuningsvorm"
    )
    AltLabelFactory(concept=help_, label="schuldhulp", kind="lekentaal")
    return {"money": money, "debts": debts, "help": help_}


def shared_story(author, organisation, visibility, concepts=(), **texts):
    story = StoryFactory(
        author=author,
        organisation=organisation,
        published=True,
        visibility=visibility,
        title=texts.pop("title", "Verhaal"),
        body=texts.pop("body", "Ik hielp een bewoner met de schoenendoos."),
    )
    if texts:
        StoryVersion.objects.filter(pk=story.published_version_id).update(**texts)
    story.concepts.set(concepts)
    return story


@pytest.fixture
def stories(people, vocabulary):
    """A story at every visibility; the network one carries labels, an emoji and a hidden word."""
    return {
        "network": shared_story(
            people.anouk,
            people.org_a,
            Visibility.NETWORK,
            [vocabulary["debts"], vocabulary["help"]],
            title="Rood staan en toch hoop 😊",
            body=(
                "Ze stond al jaren rood staan 🙂 bij de bank. De Schulden groeiden; "
                "problematische schulden heet dat bij de gemeente. Schludden schreef ze zelf."
            ),
            what_helped="Samen naar de schuldhulp.",
            what_did_not_help="Brieven die niemand begreep.",
        ),
        "public": shared_story(
            people.bram,
            people.org_b,
            Visibility.PUBLIC,
            [vocabulary["help"]],
            title="Een openbaar verhaal",
            body="Bij de Schuldhulpverlening kreeg hij een vast aanspreekpunt.",
        ),
        "organisation": shared_story(
            people.anouk,
            people.org_a,
            Visibility.ORGANISATION,
            [vocabulary["money"]],
            title="Alleen voor Welzijn Testdam",
        ),
        "private": StoryFactory(author=people.anouk, organisation=people.org_a, title="Privé"),
        "withdrawn": StoryFactory(
            author=people.anouk,
            organisation=people.org_a,
            withdrawn=True,
            visibility=Visibility.NETWORK,
            title="Teruggetrokken",
        ),
    }


def export(user, **kwargs):
    stream = io.BytesIO()
    summary = build_qdpx(user, stream, **kwargs)
    with zipfile.ZipFile(io.BytesIO(stream.getvalue())) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return summary, files, stream.getvalue()


def parse(files):
    return etree.fromstring(files["project.qde"])


def source_texts(doc, files) -> dict[str, str]:
    """TextSource guid → the text of its file in the zip."""
    texts = {}
    for source in doc.iterfind(".//q:TextSource", NS):
        path = source.get("plainTextPath")
        assert path == f"internal://{source.get('guid')}.txt"
        texts[source.get("guid")] = files[f"sources/{path.removeprefix('internal://')}"].decode()
    return texts


def source_names(user) -> set[str]:
    _, files, _ = export(user)
    return {source.get("name") for source in parse(files).iterfind(".//q:TextSource", NS)}


def test_the_export_is_a_valid_refi_qda_project(people, stories, schema):
    summary, files, _ = export(people.researcher)

    doc = parse(files)
    assert schema.validate(doc), schema.error_log
    assert doc.tag == "{urn:QDA-XML:project:1.0}Project"
    assert (doc.get("name"), doc.get("origin")) == ("Wijkennis", "Wijkennis")
    assert datetime.fromisoformat(doc.get("creationDateTime"))
    sources = doc.findall("q:Sources/q:TextSource", NS)
    text_files = sorted(name for name in files if name.startswith("sources/"))
    assert len(sources) == len(text_files) == summary.sources == 2
    assert sorted(files) == ["project.qde", *text_files]
    assert all(name.endswith(".txt") for name in text_files)
    assert summary.codes == len(doc.findall(".//q:Code", NS)) == 3
    assert summary.selections == len(doc.findall(".//q:PlainTextSelection", NS))
    assert summary.codings == len(doc.findall(".//q:Coding", NS))
    assert "gede-identificeerd" in doc.findtext("q:Description", namespaces=NS)


def test_an_export_without_stories_is_valid_too(people, schema):
    summary, files, _ = export(people.policy_officer)

    assert schema.validate(parse(files)), schema.error_log
    assert (summary.sources, summary.codes, summary.selections) == (0, 0, 0)
    assert list(files) == ["project.qde"]


def test_a_source_is_the_published_text_with_headings(people, stories):
    _, files, _ = export(people.researcher)

    doc = parse(files)
    texts = source_texts(doc, files)
    version = stories["network"].published_version
    [source] = [s for s in doc.iterfind(".//q:TextSource", NS) if s.get("name") == version.title]
    assert texts[source.get("guid")] == (
        f"{version.title}\n\n{version.body}\n\n"
        "Wat hielp\nSamen naar de schuldhulp.\n\n"
        "Wat hielp niet\nBrieven die niemand begreep.\n"
    )
    public = stories["public"].published_version
    assert f"{public.title}\n\n{public.body}\n" in texts.values()


def test_codings_resolve_and_positions_hit_the_labels(people, stories, vocabulary):
    _, files, _ = export(people.researcher)

    doc = parse(files)
    texts = source_texts(doc, files)
    codes = {code.get("guid"): code.get("name") for code in doc.iterfind(".//q:Code", NS)}
    refs = [ref.get("targetGUID") for ref in doc.iterfind(".//q:Coding/q:CodeRef", NS)]
    assert refs
    assert set(refs) <= set(codes)
    labels = {
        concept.pref_label: {concept.pref_label.lower()}
        | {label.label.lower() for label in concept.shown_labels()}
        for concept in Concept.objects.prefetch_related("alt_labels")
    }
    by_title = {str(story): story for story in stories.values()}
    found = set()
    for source in doc.iterfind(".//q:TextSource", NS):
        text = texts[source.get("guid")]
        story_codes = set()
        for selection in source.iterfind("q:PlainTextSelection", NS):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            assert 0 <= start < end <= len(text)
            coded = [codes[ref.get("targetGUID")] for ref in selection.iterfind(".//q:CodeRef", NS)]
            if (start, end) == (0, len(text)):
                story_codes = set(coded)
                continue
            for name in coded:
                assert text[start:end].lower() in labels[name], (text[start:end], name)
                found.add((name, text[start:end]))
        story = by_title[source.get("name")]
        assert story_codes == {concept.pref_label for concept in story.concepts.all()}
    # After emoji (one code point each, two UTF-16 units) the positions still hit the words.
    assert found == {
        ("Schulden", "Rood staan"),
        ("Schulden", "rood staan"),
        ("Schulden", "Schulden"),
        ("Schulden", "problematische schulden"),
        ("Schuldhulpverlening", "schuldhulp"),
        ("Schuldhulpverlening", "Schuldhulpverlening"),
    }
    # The hidden misspelling is never used, not even for a selection.
    assert b"schludden" not in files["project.qde"].lower()


def test_the_codebook_nests_concepts_under_broader_ones(people, stories, vocabulary):
    _, files, _ = export(people.researcher)

    codes = parse(files).find("q:CodeBook/q:Codes", NS)
    top = {code.get("name"): code for code in codes.findall("q:Code", NS)}
    assert set(top) == {"Geldzaken", "Schuldhulpverlening"}
    [debts] = top["Geldzaken"].findall("q:Code", NS)
    assert debts.get("name") == "Schulden"
    assert debts.findtext("q:Description", namespaces=NS) == vocabulary["debts"].definition
    assert top["Geldzaken"].get("color") == debts.get("color")
    assert top["Schuldhulpverlening"].get("color") != debts.get("color")
    every_code = codes.findall(".//q:Code", NS)
    assert len(every_code) == 3
    assert all(re.fullmatch("#[0-9A-F]{6}", code.get("color")) for code in every_code)
    assert {code.get("isCodable") for code in every_code} == {"true"}


@pytest.mark.parametrize(
    ("reader", "expected"),
    [
        ("researcher", {"network", "public"}),
        ("anouk", {"network", "public"}),
        ("coordinator", {"network", "public"}),
        ("bram", {"network", "public"}),
        ("policy_officer", {"public"}),
        ("anonymous", {"public"}),
    ],
)
def test_only_network_visible_stories_are_exported(people, stories, reader, expected):
    user = people.roles()[reader]

    assert source_names(user) == {str(stories[name]) for name in expected}


def test_organisation_and_private_stories_stay_home_even_for_their_readers(people, stories):
    readable = set(Story.objects.visible_to(people.anouk))
    assert {stories["organisation"], stories["private"], stories["withdrawn"]} <= readable

    names = source_names(people.anouk)
    for kept in ("organisation", "private", "withdrawn"):
        assert str(stories[kept]) not in names


def test_originals_and_unpublished_edits_never_leave(people, vocabulary):
    story = shared_story(
        people.anouk,
        people.org_a,
        Visibility.NETWORK,
        [vocabulary["debts"]],
        title="Bij [PERSOON-1] thuis",
        body="[PERSOON-1] had schulden bij [INSTELLING-1].",
        original_title="Bij Kees Jansen thuis",
        original_body="Kees Jansen had schulden bij Woonstichting De Brug.",
        original_what_helped="Kees belde zelf.",
    )
    newer = StoryVersion.objects.create(
        story=story,
        number=2,
        original_title="Nog niet gedeeld",
        original_body="Een bewerking van Kees Jansen.",
        title="Nog niet gedeeld",
        body="Een bewerking die nog niet gepubliceerd is.",
    )
    story.current_version = newer
    story.save()

    _, files, _ = export(people.researcher)

    assert "[PERSOON-1] had schulden" in b"".join(files.values()).decode()
    for name, data in files.items():
        for secret in ("Kees", "Jansen", "De Brug", "Nog niet gedeeld", "bewerking"):
            assert secret.encode() not in data, (secret, name)


def test_no_author_identities_in_the_export(people, stories):
    _, files, _ = export(people.researcher)

    everything = b"".join(files.values()).decode()
    for person in (people.anouk, people.bram, people.researcher):
        assert person.email not in everything
        assert person.last_name not in everything
        assert person.first_name not in everything
    doc = parse(files)
    [user] = doc.findall("q:Users/q:User", NS)
    assert dict(user.attrib).keys() == {"guid", "name"}
    assert user.get("name") == "Wijkennis-export"
    creators = {
        element.get("creatingUser") for element in doc.iter() if element.get("creatingUser")
    }
    assert creators == {user.get("guid")} == {doc.get("creatingUserGUID")}


def test_two_exports_differ_only_in_the_creation_date(people, stories):
    _, first, _ = export(people.researcher)
    _, second, _ = export(people.researcher)

    def without_date(files):
        return {
            name: re.sub(rb' creationDateTime="[^"]*"', b"", data) for name, data in files.items()
        }

    assert list(first) == list(second)
    assert without_date(first) == without_date(second)
    moment = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    assert export(people.researcher, now=moment)[2] == export(people.researcher, now=moment)[2]
    assert parse(export(people.researcher, now=moment)[1]).get("creationDateTime") == (
        "2026-03-01T12:00:00Z"
    )


def test_the_command_writes_the_file_and_prints_counts(people, stories, tmp_path, schema):
    path = tmp_path / "onderzoek.qdpx"
    out = io.StringIO()

    call_command("export_qdpx", "--as", "onderzoek@r.test", "--output", str(path), stdout=out)

    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    assert schema.validate(parse(files)), schema.error_log
    summary, _, _ = export(people.researcher)
    lines = out.getvalue().splitlines()
    assert str(path) in lines[0]
    counts = [line.rsplit(" ", 1)[-1] for line in lines[1:]]
    assert counts == [str(summary.sources), str(summary.codes), str(summary.selections)]
    assert summary.sources == 2


def test_the_command_writes_to_the_default_file(people, stories, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    call_command("export_qdpx", "--as", "beleid@gemeente.test", stdout=io.StringIO())

    with zipfile.ZipFile(tmp_path / "wijkennis-onderzoek.qdpx") as archive:
        assert len([name for name in archive.namelist() if name.startswith("sources/")]) == 1


def test_the_command_needs_a_known_user(people, tmp_path):
    with pytest.raises(CommandError):
        call_command("export_qdpx", "--as", "niemand@x.test", "--output", str(tmp_path / "x.qdpx"))
    assert not (tmp_path / "x.qdpx").exists()


def test_the_number_of_queries_does_not_grow_with_the_stories(
    people, vocabulary, django_assert_max_num_queries
):
    def add_stories(count):
        for number in range(count):
            shared_story(
                people.anouk,
                people.org_a,
                Visibility.NETWORK,
                [vocabulary["debts"], vocabulary["help"]],
                title=f"Verhaal {number}",
                body="Schulden en schuldhulp.",
            )

    add_stories(2)
    with django_assert_max_num_queries(10) as few:
        export(people.researcher)
    add_stories(20)
    with django_assert_max_num_queries(len(few)):
        summary, _, _ = export(people.researcher)
    assert summary.sources == 22
