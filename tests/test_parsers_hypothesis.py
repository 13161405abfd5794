"""Issue 11, point 6: `hypothesis` over every import parser. Whatever the file holds, the parser
answers with its own documented error (or imports it), never another exception, and a page that
takes the file answers 200/400, never 500.

Parsers: SKOS (Turtle and JSON-LD, `vocabulary.skos.parse` + `import_graph`), the story JSON
Lines import (`stories.transfer.read_rows`), the invitations CSV (`invitations:import` page) and
the taalbrug upload (`taalbrug.extract.read_upload`, through the `taalbrug:analyse` page).
Examples are bounded and derandomized, so CI runs the same cases quickly every time.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkennis.invitations.models import Invitation
from wijkennis.stories.transfer import ImportFileError, read_rows
from wijkennis.vocabulary import skos
from wijkennis.vocabulary.models import Concept, Scheme

pytestmark = pytest.mark.django_db

BOUNDED = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Any JSON value, small.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
# Text that includes what databases and parsers stumble on: NUL, quotes, very long words.
nasty_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "\x00", '"', "\\", "a" * 300, "Schulden", "x\ny", "é" * 120]),
)


def _atomic_attempt(action, *allowed):
    """Run `action` in a savepoint (a failed import rolls back only itself) and let only the
    parser's own error types through."""
    try:
        with transaction.atomic():
            action()
    except allowed:
        pass


# --- SKOS -------------------------------------------------------------------------------------


def _turtle_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    escaped = escaped.replace("\r", "\\r")
    return f'"{escaped}"'


slugs = st.one_of(
    st.sampled_from(["schulden", "post", "werk", "a", "", "x" * 150, "zorg%20en", "été"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz-_0123456789", max_size=12),
)


@st.composite
def turtle_documents(draw) -> str:
    lines = [
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix wk: <https://wijkennis.nl/def/> .",
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .",
        "@prefix c: <https://wijkennis.nl/begrip/> .",
        "@prefix s: <https://wijkennis.nl/schema/> .",
    ]
    names = draw(st.lists(slugs, max_size=4))
    for name in names:
        props = ["a skos:Concept"]
        for _ in range(draw(st.integers(0, 2))):
            language = draw(st.sampled_from(["@nl", "@en", ""]))
            props.append(f"skos:prefLabel {_turtle_string(draw(nasty_text))}{language}")
        for prop in ("skos:altLabel", "skos:hiddenLabel", "skos:definition", "wk:lekentaal"):
            if draw(st.booleans()):
                props.append(f"{prop} {_turtle_string(draw(nasty_text))}")
        scheme = draw(st.sampled_from([*Scheme.values, "onbekend", ""]))
        props.append(f"skos:inScheme <https://wijkennis.nl/schema/{scheme}>")
        for prop in ("skos:broader", "skos:related"):
            if names and draw(st.booleans()):
                props.append(f"{prop} <https://wijkennis.nl/begrip/{draw(st.sampled_from(names))}>")
        if draw(st.booleans()):
            props.append(f"wk:status {_turtle_string(draw(nasty_text))}")
        if draw(st.booleans()):
            props.append(
                f"skos:exactMatch <{draw(st.sampled_from(['https://x.test/a', 'urn:x']))}>"
            )
        if draw(st.booleans()):
            props.append("owl:deprecated true")
        lines.append(f"<https://wijkennis.nl/begrip/{name}> " + " ;\n  ".join(props) + " .")
    if draw(st.booleans()):
        lines.append(draw(st.text(max_size=30)))  # junk: often a syntax error
    return "\n".join(lines)


def _import(data, format_):
    _atomic_attempt(lambda: skos.import_graph(skos.parse(data, format_)), skos.SkosError)


@BOUNDED
@given(document=turtle_documents())
def test_skos_turtle_import_never_crashes(document):
    _import(document, "ttl")


@BOUNDED
@given(data=st.one_of(st.binary(max_size=200), st.text(max_size=200)))
def test_skos_import_of_random_bytes_never_crashes(data):
    _import(data, "ttl")
    _import(data, "jsonld")


@st.composite
def jsonld_documents(draw) -> str:
    nodes = []
    for _ in range(draw(st.integers(0, 3))):
        node = {
            "@id": "https://wijkennis.nl/begrip/" + draw(slugs),
            "@type": draw(st.sampled_from(["skos:Concept", "skos:Collection", 3])),
            "skos:prefLabel": draw(st.one_of(nasty_text, json_values)),
            "skos:inScheme": {
                "@id": "https://wijkennis.nl/schema/" + draw(st.sampled_from(Scheme.values))
            },
        }
        if draw(st.booleans()):
            node["skos:altLabel"] = draw(json_values)
        if draw(st.booleans()):
            node["skos:broader"] = draw(st.one_of(json_values, st.just({"@id": "c:x"})))
        nodes.append(node)
    document = {"@context": {"skos": "http://www.w3.org/2004/02/skos/core#"}, "@graph": nodes}
    if draw(st.booleans()):
        document["@context"] = draw(json_values)
    return json.dumps(document)


@BOUNDED
@given(document=jsonld_documents())
def test_skos_jsonld_import_never_crashes(document):
    _import(document, "jsonld")


# --- Story JSON Lines ---------------------------------------------------------------------


@st.composite
def story_lines(draw, people) -> list[bytes]:
    lines = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["row", "json", "bytes"]))
        if kind == "bytes":
            lines.append(draw(st.binary(max_size=40)))
            continue
        if kind == "json":
            lines.append(json.dumps(draw(json_values)).encode())
            continue
        row = {
            "title": draw(st.one_of(nasty_text, json_values)),
            "text": draw(st.one_of(nasty_text, json_values)),
            "author": draw(st.sampled_from([people.anouk.email, "x@y.test", 5, None])),
            "organisation": draw(st.sampled_from([people.org_a.name, "", ["x"]])),
            "visibility": draw(st.sampled_from(["privé", "netwerk", "x", None, ["a"]])),
            "consent": draw(json_values),
            "concepts": draw(json_values),
        }
        for field in ("what_helped", "what_did_not_help"):
            if draw(st.booleans()):
                row[field] = draw(json_values)
        lines.append(json.dumps(row).encode())
    return lines


def test_story_import_reads_any_lines_or_names_the_problem(people):
    @BOUNDED
    @given(lines=story_lines(people))
    def check(lines):
        try:
            read_rows(lines)
        except ImportFileError:
            pass

    check()


# --- Pages that take a file ----------------------------------------------------------------

csv_cells = st.one_of(
    st.sampled_from(["email", "role", "team", "first_name", "rol", "e-mail", "", '"', "a;b"]),
    st.sampled_from(["ervaringswerker", "coördinator", "x@a.test", "geen-mail", "Team Noord"]),
    st.text(max_size=12),
)


@st.composite
def csv_files(draw) -> bytes:
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=200))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    rows = draw(st.lists(st.lists(csv_cells, max_size=5), max_size=6))
    text = "\n".join(delimiter.join(row) for row in rows)
    return text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "latin-1"])), "replace")


def test_the_invitation_csv_page_answers_any_file_without_a_server_error(client, people):
    client.force_login(people.coordinator)
    url = reverse("invitations:import")

    @BOUNDED
    @given(content=csv_files())
    def check(content):
        with transaction.atomic():
            upload = SimpleUploadedFile("mensen.csv", content, content_type="text/csv")
            response = client.post(url, {"organisation": people.org_a.pk, "file": upload})
            assert response.status_code in (302, 400), response.status_code
            transaction.set_rollback(True)

    check()
    assert not Invitation.objects.exists()


upload_names = st.sampled_from(["brief.txt", "brief.docx", "brief.pdf", "brief.exe", "brief"])


@st.composite
def uploads(draw) -> tuple[str, bytes]:
    name = draw(upload_names)
    start = draw(st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"Beste bewoner,\n"]))
    return name, start + draw(st.binary(max_size=300))


def test_the_taalbrug_upload_answers_any_file_without_a_server_error(client):
    url = reverse("taalbrug:analyse")

    @BOUNDED
    @given(upload=uploads())
    def check(upload):
        name, content = upload
        response = client.post(url, {"upload": SimpleUploadedFile(name, content)})
        assert response.status_code in (200, 400), response.status_code

    check()


def test_a_valid_turtle_file_still_imports(people):
    """The strategies above are not all failures: a plain file gets in."""
    document = (
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<https://wijkennis.nl/begrip/hypo> a skos:Concept ; "
        'skos:prefLabel "Hypothese"@nl ; '
        "skos:inScheme <https://wijkennis.nl/schema/levensgebied> ."
    )
    skos.import_graph(skos.parse(document, "ttl"))
    assert Concept.objects.filter(slug="hypo", pref_label="Hypothese").exists()
