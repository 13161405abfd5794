"""`wijkennis import stories` / `export stories`: whole file validated first, all or nothing."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.factories import ConceptFactory
from wijkennis.stories.models import ConsentRecord, Status, Story, Visibility


def line(**fields):
    row = {
        "title": "De deurwaarder",
        "text": "Ik belde met Kees de Boer over de brieven.",
        "author": "anouk@a.test",
        "organisation": "Welzijn Testdam",
        "visibility": "network",
        "consent": True,
        "concepts": [],
    }
    row.update(fields)
    return json.dumps(row, ensure_ascii=False)


def run_import(tmp_path, lines, raw=None):
    path = tmp_path / "verhalen.jsonl"
    if raw is not None:
        path.write_bytes(raw)
    else:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = io.StringIO()
    call_command("import", "stories", str(path), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_import_deidentifies_and_publishes_with_consent(people, tmp_path):
    ConceptFactory(slug="schulden")
    output = run_import(
        tmp_path,
        [
            line(concepts=["schulden"]),
            line(title="Privé", visibility="private", consent=False),
        ],
    )
    assert "2 verhalen geïmporteerd" in output
    shared = Story.objects.get(visibility=Visibility.NETWORK)
    assert shared.status == Status.PUBLISHED
    assert "Kees" not in shared.published_version.body
    assert list(shared.concepts.values_list("slug", flat=True)) == ["schulden"]
    assert ConsentRecord.objects.filter(story=shared).count() == 1
    assert Story.objects.get(visibility=Visibility.PRIVATE).status == Status.DRAFT


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{niet json", "Regel 2"),
        (line(author="onbekend@x.test"), "Regel 2"),
        (line(visibility="iedereen"), "Regel 2"),
        (line(visibility="public", consent=False), "Regel 2"),
        (line(text=""), "Regel 2"),
        (line(concepts=["bestaat-niet"]), "Regel 2"),
        (line(author="bram@b.test"), "Regel 2"),
        ('["een", "lijst"]', "Regel 2"),
    ],
)
def test_a_bad_line_is_named_and_nothing_is_imported(people, tmp_path, bad, message):
    with pytest.raises(CommandError) as error:
        run_import(tmp_path, [line(), bad, line()])
    assert message in str(error.value)
    assert "niets geïmporteerd" in str(error.value)
    assert error.value.returncode == 2
    assert not Story.objects.exists()


def test_a_file_that_is_not_utf8_imports_nothing(people, tmp_path):
    raw = (line() + "\n").encode() + line(title="Één").encode("latin-1") + b"\n"
    with pytest.raises(CommandError) as error:
        run_import(tmp_path, [], raw=raw)
    assert "Regel 2" in str(error.value) and "UTF-8" in str(error.value)
    assert not Story.objects.exists()


def test_export_writes_deidentified_text_in_the_import_format(people, tmp_path):
    run_import(tmp_path, [line(), line(title="Team", visibility="organisation")])
    out = io.StringIO()
    call_command("export", "stories", stdout=out)
    rows = [json.loads(text) for text in out.getvalue().splitlines()]
    assert len(rows) == 2
    assert all("Kees" not in row["text"] for row in rows)
    assert set(rows[0]) >= {"title", "text", "author", "organisation", "visibility", "consent"}
    scoped = io.StringIO()
    call_command("export", "stories", "--as", "bram@b.test", stdout=scoped)
    assert [json.loads(t)["title"] for t in scoped.getvalue().splitlines()] == ["De deurwaarder"]
    # Round trip: the export imports again.
    Story.objects.all().delete()
    (tmp_path / "export.jsonl").write_text(out.getvalue(), encoding="utf-8")
    call_command(
        "import",
        "stories",
        str(tmp_path / "export.jsonl"),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert Story.objects.count() == 2


def test_a_nul_character_is_named_and_nothing_is_imported(people, tmp_path):
    with pytest.raises(CommandError) as error:
        run_import(tmp_path, [line(), line(text="Met een \x00 erin.")])
    assert "Regel 2" in str(error.value)
    assert not Story.objects.exists()
