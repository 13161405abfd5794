"""The signed document (PDF) and the data exports (CSV, JSON)."""

import csv
import io
import json
from pathlib import Path

import pypdfium2 as pdfium
from django.conf import settings
from django.utils import translation
from pypdf import PdfReader

from wijkennis.jobs import services

from .factories import JobDescriptionFactory

OUTPUT = Path(settings.BASE_DIR) / "var" / "test-output"


def test_the_pdf_holds_everything_a_director_signs(client, people):
    job = JobDescriptionFactory(organisation=people.org_a, unequal=True)
    client.force_login(people.coordinator)
    response = client.get(f"/kwartiermaken/functie/{job.pk}/functieomschrijving.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "functieomschrijving-ervaringswerker-schuldhulp" in response["Content-Disposition"]
    pdf = response.content
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    assert "Welzijn Testdam" in text
    assert "Ervaringswerker schuldhulp" in text
    assert "Gaat mee naar de schuldeiser" in text and "Opent samen de post" in text
    assert "Schuldhulpverlener" in text
    with translation.override(settings.LANGUAGE_CODE):
        differences = services.parity(job)
    assert len(differences) == 3
    for difference in differences:
        assert " ".join(difference.message.split()) in text
    OUTPUT.mkdir(parents=True, exist_ok=True)
    image = pdfium.PdfDocument(pdf)[0].render(scale=1.5).to_pil()
    image.save(OUTPUT / "job-description.png")
    assert image.size == (893, 1263)  # A4 at 1.5 × 72 dpi


def test_csv_export(client, people):
    job = JobDescriptionFactory(organisation=people.org_a, unequal=True)
    client.force_login(people.coordinator)
    response = client.get(f"/kwartiermaken/functie/{job.pk}/export.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    (row,) = csv.DictReader(io.StringIO(response.content.decode()))
    assert row["title"] == "Ervaringswerker schuldhulp"
    assert row["organisation"] == "Welzijn Testdam"
    assert (row["scale"], row["regular_scale"], row["laptop"]) == ("7", "8", "False")
    assert row["tasks_primary"] == "Gaat mee naar de schuldeiser\nOpent samen de post"
    assert row["parity"].count(" | ") == 2


def test_json_export(client, people):
    job = JobDescriptionFactory(organisation=people.org_a, unequal=True)
    client.force_login(people.coordinator)
    response = client.get(f"/kwartiermaken/functie/{job.pk}/export.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["title"] == "Ervaringswerker schuldhulp" and data["hours_per_week"] == "24.0"
    assert data["laptop"] is False and data["regular_laptop"] is True
    assert [d["key"] for d in data["parity"]] == ["scale", "laptop", "training_budget"]
    assert data["parity"][0]["ervaringswerker"] == "7"


def test_other_extensions_are_not_found(client, people):
    job = JobDescriptionFactory(organisation=people.org_a)
    client.force_login(people.coordinator)
    assert client.get(f"/kwartiermaken/functie/{job.pk}/export.xlsx").status_code == 404
