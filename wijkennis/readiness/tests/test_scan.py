"""Kwartiermaakscan: scoring on hand-worked answers, advice, differences, rounds and scoping."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from wijkennis.readiness import scoring, services
from wijkennis.readiness.models import ScanRound


def answers_with(theme_values: dict[str, list[int]], default: int = 4) -> dict[str, int]:
    """Every statement `default`, except the given themes, whose statements get the listed
    values in order (the rest of such a theme "weet niet")."""
    answers = {}
    for statement in scoring.statements():
        values = theme_values.get(statement["theme"])
        if values is None:
            answers[statement["key"]] = default
        else:
            position = [s["key"] for s in scoring.statements(statement["theme"])].index(
                statement["key"]
            )
            answers[statement["key"]] = values[position] if position < len(values) else 0
    return answers


def by_key(scores):
    return {score.theme["key"]: score for score in scores}


def test_scores_on_hand_worked_answers():
    # draagvlak: 1, 2, 3, 4 → mean 2.5 → (2.5 − 1) / 3 × 100 = 50.0, weak (below 60).
    # motieven: 3, 3, 3, 4 → mean 3.25 → 75.0, not weak. Everything else 4 → 100.
    answers = answers_with({"draagvlak": [1, 2, 3, 4], "motieven": [3, 3, 3, 4]})
    scores = by_key(scoring.scores([answers]))
    assert scores["draagvlak"].score == 50.0 and scores["draagvlak"].weak
    assert scores["draagvlak"].advice == scoring.themes()[0]["advice"]
    assert scores["motieven"].score == 75.0 and not scores["motieven"].weak
    assert scores["motieven"].advice == []
    assert scores["leren_en_evalueren"].score == 100.0


def test_dont_know_is_left_out_and_too_few_answers_give_no_score():
    theme = scoring.themes()[1]["key"]
    count = len(scoring.statements(theme))
    half_or_more = [1] * (count - count // 2)  # at least half answered: 1 → 0.0
    assert by_key(scoring.scores([answers_with({theme: half_or_more})]))[theme].score == 0.0
    too_few = [1] * (count // 2 - 1) if count // 2 > 1 else []
    result = by_key(scoring.scores([answers_with({theme: too_few})]))[theme]
    assert result.score is None and not result.weak and result.dont_know == count - len(too_few)


def test_several_people_are_averaged_and_their_differences_shown():
    first = answers_with({}, default=4)
    second = answers_with({}, default=4)
    statement = scoring.statements("functie_en_beloning")[0]
    first[statement["key"]], second[statement["key"]] = 1, 4
    scores = by_key(scoring.scores([first, second]))
    count = len(scoring.statements("functie_en_beloning"))
    expected = round(((1 + 4 + 4 * 2 * (count - 1)) / (2 * count) - 1) / 3 * 100, 1)
    assert scores["functie_en_beloning"].score == expected
    [difference] = scoring.differences([first, second])
    assert difference.statement == statement and difference.counts == {1: 1, 2: 0, 3: 0, 4: 1}
    second[statement["key"]] = 3  # two steps apart still differs; one step does not
    assert len(scoring.differences([first, second])) == 1
    second[statement["key"]] = 2
    first[statement["key"]] = 3
    assert scoring.differences([first, second]) == []


def test_rounds_and_who_may_do_what(people):
    with pytest.raises(PermissionDenied):
        services.start_round(people.anouk, people.org_a, "Scan")  # ervaringswerker: no
    scan_round = services.start_round(people.coordinator, people.org_a, "Scan november")
    services.submit_response(people.anouk, scan_round, answers_with({}))
    with pytest.raises(ValidationError):
        services.submit_response(people.colleague, scan_round, {"draagvlak_1": "4"})
    with pytest.raises(PermissionDenied):
        services.submit_response(people.bram, scan_round, answers_with({}))
    assert list(ScanRound.objects.visible_to(people.colleague)) == [scan_round]
    for outsider in (people.bram, people.policy_officer, people.researcher, people.admin):
        assert not ScanRound.objects.visible_to(outsider).exists()
    services.submit_response(people.anouk, scan_round, answers_with({}, default=2))
    assert scan_round.responses.get().answers[scoring.statements()[0]["key"]] == 2


def test_a_failed_scan_keeps_the_answers_given(client, people):
    scan_round = services.start_round(people.coordinator, people.org_a, "Scan")
    client.force_login(people.anouk)
    first = scoring.statements()[0]["key"]
    response = client.post(f"/kwartiermaken/scan/{scan_round.pk}/invullen/", {first: "3"})
    assert response.status_code == 400
    page = response.content.decode()
    assert re.search(rf'name="{first}" value="3"[^>]*checked', page)
    assert page.count("checked") == 1
    assert not scan_round.responses.exists()


def test_results_as_pdf_csv_and_json(client, people, settings):
    import io
    from pathlib import Path

    import pypdfium2 as pdfium
    from pypdf import PdfReader

    scan_round = services.start_round(people.coordinator, people.org_a, "Scan november")
    services.submit_response(people.anouk, scan_round, answers_with({"draagvlak": [1, 1, 2, 2]}))
    client.force_login(people.coordinator)
    pdf = client.get(f"/kwartiermaken/scan/{scan_round.pk}/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    text = " ".join(text.split())
    assert people.org_a.name in text and "Scan november" in text
    draagvlak = by_key(scoring.scores([scan_round.responses.get().answers]))["draagvlak"]
    assert f"{draagvlak.score:.0f} (vraagt aandacht)" in text
    assert " ".join(scoring.themes()[0]["advice"][0]["text"].split()[:6]) in text
    output = Path(settings.BASE_DIR) / "var" / "test-output"
    output.mkdir(parents=True, exist_ok=True)
    pdfium.PdfDocument(pdf.content)[0].render(scale=1.5).to_pil().save(
        output / "readiness-scan.png"
    )
    rows = client.get(f"/kwartiermaken/scan/{scan_round.pk}/export.json").json()
    assert [row["theme"] for row in rows] == [theme["key"] for theme in scoring.themes()]
    assert rows[0]["score"] == draagvlak.score and rows[0]["respondents"] == 1
    csv_text = client.get(f"/kwartiermaken/scan/{scan_round.pk}/export.csv").content.decode()
    assert (
        csv_text.splitlines()[0] == "organisation,round,theme,score,answered,dont_know,respondents"
    )
    assert client.get(f"/kwartiermaken/scan/{scan_round.pk}/export.xml").status_code == 404
    client.force_login(people.coordinator_b)
    assert client.get(f"/kwartiermaken/scan/{scan_round.pk}/pdf/").status_code == 404
