"""The schoenendoos-overzicht as a clean PDF for the debt counsellor, totals included."""

import io
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from .helpers import trajectory_for, with_creditors

pytestmark = pytest.mark.urls("wijkennis.trajectories.tests.urls")
OUTPUT = Path(__file__).resolve().parents[3] / "var" / "test-output"


def test_the_pdf_lists_the_creditors_in_dutch_notation_with_the_right_total(client, people):
    trajectory = with_creditors(people.anouk, trajectory_for(people.anouk, people.org_a))
    client.force_login(people.anouk)
    response = client.get(f"/trajecten/{trajectory.pk}/schoenendoos.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="schoenendoos-{trajectory.pk}.pdf"'
    )
    reader = PdfReader(io.BytesIO(response.content))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    assert "SD-2024-07" in text
    for amount in ("€ 1.234,56", "€ 80,00", "€ 12.000,05", "€ 13.314,61"):
        assert amount in text, amount
    # Sorted by deadline (none last), then letter date.
    order = [text.index(n) for n in ("Incasso", "Energiebedrijf", "Belastingdienst")]
    assert order == sorted(order)
    # No names of the people involved in the document.
    assert "Anouk" not in text and "Verbeek" not in text
    OUTPUT.mkdir(parents=True, exist_ok=True)
    pdf = pdfium.PdfDocument(response.content)
    pdf[0].render(scale=1.5).to_pil().save(OUTPUT / "schoenendoos.png")
    assert (OUTPUT / "schoenendoos.png").stat().st_size > 10_000
