"""The plan as a PDF a director can sign, and as CSV and JSON."""

import csv
import io
import json
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from django.utils import translation
from pypdf import PdfReader

from wijkennis.deployment import services

from .helpers import good_plan, with_phase

OUTPUT = Path(__file__).resolve().parents[3] / "var" / "test-output"


@pytest.fixture
def plan(people):
    data = with_phase(good_plan(), "now", paid_headcount=1, hours_per_week="28")
    data = with_phase(
        data, "two_years", paid_headcount=4, hours_per_week="140", budget_kind="project"
    )
    data = with_phase(data, "five_years", paid_headcount=7, hours_per_week="252")
    return services.save_plan(people.coordinator, people.org_a, **data)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_pdf_has_the_organisation_the_numbers_the_warnings_and_a_signature(
    client, people, plan
):
    client.force_login(people.coordinator)
    response = client.get(f"/kwartiermaken/inzetplan/{plan.pk}/inzetplan.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="inzetplan-{plan.pk}.pdf"'
    reader = PdfReader(io.BytesIO(response.content))
    text = _flat(" ".join(page.extract_text() for page in reader.pages))
    assert "Welzijn Testdam" in text and "Ervaringswerk in de wijkteams" in text
    for number in ("252", "140", "28", "320.000", "185.000", "ROC Testdam", "Teamleider wijk"):
        assert number in text, number
    with translation.override("nl"):
        warnings = services.checks(plan)
    assert {w.code for w in warnings} == {"lone_worker", "no_structural_budget"}
    for warning in warnings:
        assert _flat(warning.message)[:40] in text
        assert "Movisie" in text
    assert "320.000" in text
    # A person looks at page 1.
    OUTPUT.mkdir(parents=True, exist_ok=True)
    pdf = pdfium.PdfDocument(response.content)
    pdf[0].render(scale=1.5).to_pil().save(OUTPUT / "deployment-plan.png")
    assert (OUTPUT / "deployment-plan.png").stat().st_size > 10_000
    assert len(reader.pages) >= 2


def test_the_csv_has_one_row_per_phase(client, people, plan):
    client.force_login(people.coordinator)
    response = client.get(f"/kwartiermaken/inzetplan/{plan.pk}/export.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["phase"] for row in rows] == ["now", "two_years", "five_years"]
    assert [row["paid_headcount"] for row in rows] == ["1", "4", "7"]
    assert [row["hours_per_week"] for row in rows] == ["28.0", "140.0", "252.0"]
    assert [row["budget_kind"] for row in rows] == ["project", "project", "structural"]
    assert rows[2]["budget_per_year"] == "320000.0" and rows[2]["target_date"] == "2030-03-01"
    assert {row["organisation"] for row in rows} == {"Welzijn Testdam"}


def test_csv_cells_cannot_become_formulas(client, people):
    data = with_phase(good_plan(), "now", growth='=HYPERLINK("http://x")')
    plan = services.save_plan(people.coordinator, people.org_a, **data)
    client.force_login(people.coordinator)
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(f"/kwartiermaken/inzetplan/{plan.pk}/export.csv").content.decode()
            )
        )
    )
    assert rows[0]["growth"].startswith("'=")


def test_the_json_has_the_whole_plan_with_warnings_and_actual_counts(client, people, plan):
    client.force_login(people.coordinator)
    response = client.get(f"/kwartiermaken/inzetplan/{plan.pk}/export.json")
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["organisation"] == "Welzijn Testdam" and data["starts_on"] == "2025-03-01"
    assert [p["paid_headcount"] for p in data["phases"]] == [1, 4, 7]
    assert data["phases"][2]["budget_per_year"] == 320000.0
    assert data["workers"][0] == {
        "name": "Ervaringswerker 1",
        "content_supervisor": "Teamleider wijk",
        "personal_supervisor": "Coach",
    }
    assert data["regional_partners"] == [
        {"kind": "mbo_course", "name": "ROC Testdam", "notes": "MBO 3-opleiding samen opzetten"}
    ]
    assert [w["code"] for w in data["warnings"]] == ["lone_worker", "no_structural_budget"]
    assert all(w["message"] and w["reason"] and w["source"] for w in data["warnings"])
    assert [r["count"] for r in data["actual_headcount"]] == [1]
