"""Behaviour of the engine and the ``deidentify`` management command.

All people, addresses and numbers here are invented.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import subprocess
import sys
import threading
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from wijkennis.deidentification.engine import (
    KINDS,
    KnownName,
    Result,
    Span,
    deidentify,
    get_deducer,
    render,
)

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[3]


def spans_of(result: Result, kind: str) -> list[Span]:
    return [s for s in result.spans if s.kind == kind]


def originals(result: Result) -> list[str]:
    return [s.original for s in result.spans]


# --------------------------------------------------------------------------- #
# Spans and offsets
# --------------------------------------------------------------------------- #

STORY = (
    "Fatima el Amrani (34) woont aan de Kanaalstraat 12a, 3531 CD Utrecht. Ze belde me op "
    "+31 6 12345678 en mailde vanaf fatima.elamrani@example.nl. Haar IBAN is "
    "NL91ABNA0417164300 en haar BSN 123456782. Op dinsdag 4 april gingen we samen naar "
    "Buurtteam Overvecht; Fatima had de brieven van Ymere meegenomen."
)


def test_offsets_match_the_text_and_spans_are_sorted_and_disjoint() -> None:
    result = deidentify(STORY)
    assert result.spans, "the story contains identifiers"
    previous_end = 0
    for span in result.spans:
        assert STORY[span.start : span.end] == span.original
        assert span.start >= previous_end
        assert span.kind in KINDS
        assert span.source in {"deduce", "rule", "system"}
        previous_end = span.end
    assert result.text == render(STORY, result.spans)


def test_identifiers_are_replaced_by_dutch_placeholders() -> None:
    result = deidentify(STORY)
    for secret in (
        "Fatima",
        "Amrani",
        "34",
        "Kanaalstraat",
        "3531 CD",
        "Utrecht",
        "12345678",
        "fatima.elamrani@example.nl",
        "NL91ABNA0417164300",
        "123456782",
        "4 april",
        "Overvecht",
        "Ymere",
    ):
        assert secret not in result.text
    for placeholder in (
        "[naam 1]",
        "[leeftijd]",
        "[adres]",
        "[postcode]",
        "[plaats]",
        "[telefoonnummer]",
        "[e-mailadres]",
        "[IBAN]",
        "[BSN]",
        "[datum]",
        "[instelling]",
    ):
        assert placeholder in result.text


@pytest.mark.parametrize(
    ("text", "kind", "original"),
    [
        # the gaps deduce leaves on social-domain text
        ("We gingen naar Buurtteam Zuilen voor hulp.", "institution", "Buurtteam Zuilen"),
        ("Het Leger des Heils gaf hem een bed.", "institution", "Leger des Heils"),
        ("Ik heb Veilig Thuis gebeld.", "institution", "Veilig Thuis"),
        (
            "Woonstichting Vecht en Omstreken stuurde een brief.",
            "institution",
            "Woonstichting Vecht",
        ),
        ("Hij woonde aan de Vondellaan, vlak bij het station.", "address", "Vondellaan"),
        ("Op dinsdag 4 april kwam de deurwaarder.", "date", "dinsdag 4 april"),
        ("Sinds 4 april slaap ik weer.", "date", "4 april"),
        ("Daan (15) zag alles gebeuren.", "age", "15"),
        ("De 15-jarige zoon bleef thuis.", "age", "15"),
        ("Mijn rekening is NL91 ABNA 0417 1643 00.", "iban", "NL91 ABNA 0417 1643 00"),
        ("Mijn rekening is NL91ABNA0417164300.", "iban", "NL91ABNA0417164300"),
        ("Bel +31 6 12345678 voor een afspraak.", "phone", "+31 6 12345678"),
        ("Mijn postcode is 3511 AB, dat weet ik zeker.", "postcode", "3511 AB"),
    ],
)
def test_gap_closed(text: str, kind: str, original: str) -> None:
    spans = deidentify(text).spans
    assert any(s.kind == kind and s.original == original for s in spans), spans


@pytest.mark.parametrize(
    "text",
    [
        "Jeugdzorg kwam pas in beeld toen de school aan de bel trok.",
        "De gemeente en het wijkteam verwezen me naar schuldhulpverlening.",
        "Ik had brieven van het CJIB, het UWV en de Belastingdienst.",
        "Ik heb 15 jaar gedronken voordat ik hulp vroeg.",
        "Kinderen (2), schulden (5) en geen werk: zo stond het in mijn dossier.",
    ],
)
def test_generic_words_are_not_identifiers(text: str) -> None:
    assert deidentify(text).spans == []


def test_empty_text() -> None:
    assert deidentify("") == Result(text="", spans=[])
    assert deidentify("  \n").spans == []


# --------------------------------------------------------------------------- #
# Known names and numbering
# --------------------------------------------------------------------------- #


def test_known_names_are_exact_case_sensitive_whole_words() -> None:
    text = "Ik sprak Kiki bij Team Zonnestraal; kiki en Kikianne waren er niet."
    known = [KnownName("Kiki", "name"), KnownName("Team Zonnestraal", "institution")]
    result = deidentify(text, known)
    system = [s for s in result.spans if s.source == "system"]
    assert [(s.kind, s.original) for s in system] == [
        ("name", "Kiki"),
        ("institution", "Team Zonnestraal"),
    ]
    assert "kiki" in result.text and "Kikianne" in result.text
    assert "[instelling]" in result.text


def test_known_name_kind_is_checked() -> None:
    with pytest.raises(ValueError, match="name"):
        deidentify("Ik sprak Kiki.", [KnownName("Kiki", "place")])


def test_same_person_gets_the_same_number() -> None:
    text = (
        "Fatima el Amrani belde mij. Later kwam Jan de Vries langs. "
        "Fatima vertelde Jan de Vries over de brieven, en mevrouw El Amrani huilde."
    )
    result = deidentify(text)
    numbers = {s.original: s.replacement for s in spans_of(result, "name")}
    assert numbers["Fatima el Amrani"] == "[naam 1]"
    assert numbers["Jan de Vries"] == "[naam 2]"
    assert numbers["Fatima"] == "[naam 1]"
    assert result.text.count("[naam 2]") == 2


def test_a_short_name_that_fits_two_people_gets_its_own_number() -> None:
    text = "Jan de Vries en Jan Bakker zaten er. Jan zei niets."
    result = deidentify(text)
    numbers = {s.original: s.replacement for s in spans_of(result, "name")}
    assert numbers["Jan de Vries"] == "[naam 1]"
    assert numbers["Jan Bakker"] == "[naam 2]"
    assert numbers["Jan"] == "[naam 3]"


# --------------------------------------------------------------------------- #
# render() after an author edited the spans
# --------------------------------------------------------------------------- #


def test_render_with_edited_spans() -> None:
    text = "Fatima el Amrani woont in Utrecht en belde Jan de Vries."
    spans = deidentify(text).spans
    place = next(s for s in spans if s.kind == "place")
    jan = next(s for s in spans if s.original == "Jan de Vries")
    # The author keeps the city visible, renames a placeholder and adds a span.
    edited = [s for s in spans if s is not place]
    edited = [dataclasses.replace(s, replacement="[buurman]") if s is jan else s for s in edited]
    start = text.index("belde")
    edited.append(Span("name", start, start + 5, "belde", "[iets]", "system"))
    assert render(text, edited) == "[naam 1] woont in Utrecht en [iets] [buurman]."
    assert render(text, []) == text


def test_render_refuses_stale_or_overlapping_spans() -> None:
    text = "Fatima woont in Utrecht."
    ok = Span("name", 0, 6, "Fatima", "[naam 1]", "deduce")
    with pytest.raises(ValueError, match="does not match"):
        render("Karin woont in Utrecht.", [ok])
    with pytest.raises(ValueError, match="overlaps"):
        render(text, [ok, Span("name", 3, 8, "ima w", "[x]", "rule")])
    with pytest.raises(ValueError, match="outside"):
        render(text, [Span("place", 20, 40, "", "[plaats]", "rule")])


# --------------------------------------------------------------------------- #
# Process-wide instance and privacy
# --------------------------------------------------------------------------- #


def test_deducer_is_one_instance_across_threads() -> None:
    seen: list[int] = []
    threads = [threading.Thread(target=lambda: seen.append(id(get_deducer()))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(seen)) == 1


def test_nothing_of_the_text_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        result = deidentify(STORY)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for original in originals(result):
        assert original not in logged


# --------------------------------------------------------------------------- #
# The management command
# --------------------------------------------------------------------------- #


def run_command(*args: str, stdin: StringIO | None = None) -> str:
    out = StringIO()
    kwargs = {"stdout": out}
    if stdin is not None:
        kwargs["stdin"] = stdin
    call_command("deidentify", *args, **kwargs)
    return out.getvalue()


def test_cli_prints_the_deidentified_text(tmp_path: Path) -> None:
    story = tmp_path / "verhaal.txt"
    story.write_text("Jan de Vries sliep bij het Leger des Heils.\n", encoding="utf-8")
    assert run_command(str(story)) == "[naam 1] sliep bij het [instelling].\n"


def test_cli_json_lines(tmp_path: Path) -> None:
    first = tmp_path / "een.txt"
    first.write_text("Jan de Vries woont in Utrecht.", encoding="utf-8")
    second = tmp_path / "twee.txt"
    second.write_text("Geen namen hier.", encoding="utf-8")
    lines = run_command("--json", str(first), str(second)).splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["source"] for r in records] == [str(first), str(second)]
    assert set(records[0]) == {"source", "text", "spans"}
    assert records[0]["text"] == "[naam 1] woont in [plaats]."
    assert records[0]["spans"][0] == {
        "type": "name",
        "start": 0,
        "end": 12,
        "original": "Jan de Vries",
        "replacement": "[naam 1]",
    }
    assert records[1] == {"source": str(second), "text": "Geen namen hier.", "spans": []}


def test_cli_reads_stdin() -> None:
    text = "Bel Fatima el Amrani op 06-12345678."
    assert run_command(stdin=StringIO(text)) == "Bel [naam 1] op [telefoonnummer].\n"
    record = json.loads(run_command("--json", "-", stdin=StringIO(text)))
    assert record["source"] == "-"
    assert [s["type"] for s in record["spans"]] == ["name", "phone"]


def test_cli_rejects_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    bad = tmp_path / "verhaal.txt"
    bad.write_bytes("Café De Zwaan, Jan de Vries".encode("cp1252"))
    with pytest.raises(CommandError) as error:
        run_command(str(bad))
    assert error.value.returncode == 2
    assert str(error.value) == (
        f"Bestand '{bad}' is geen UTF-8-tekst. Sla het op als UTF-8 en probeer opnieuw."
    )


def test_cli_rejects_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="bestaat niet") as error:
        run_command(str(tmp_path / "weg.txt"))
    assert error.value.returncode == 2


def test_cli_error_from_the_shell_has_no_traceback(tmp_path: Path) -> None:
    # As `manage.py deidentify` runs it: exit code 2, one Dutch line, no traceback.
    # Reading fails before deduce is loaded, so this subprocess is quick.
    bad = tmp_path / "verhaal.txt"
    bad.write_bytes(b"\xff\xfe kapot")
    script = (
        "import django; from django.conf import settings;"
        "settings.configure(INSTALLED_APPS=['wijkennis.deidentification']); django.setup();"
        "from django.core.management import ManagementUtility;"
        f"ManagementUtility(['manage.py', 'deidentify', {str(bad)!r}]).execute()"
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO_ROOT)}
    proc = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"Bestand '{bad}' is geen UTF-8-tekst." in proc.stderr
    assert proc.stdout == ""


def test_cli_warm() -> None:
    assert "klaar voor gebruik" in run_command("--warm")
