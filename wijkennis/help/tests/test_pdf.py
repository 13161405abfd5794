"""The printable quick guide: one A4 page, large type, the key headings, room for the e-mail."""

import io
import re

from django.urls import reverse
from pypdf import PdfReader

from wijkennis.help import content

A4 = (595.28, 841.89)  # points


def pdf_text(response) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(response.content))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    return reader, text


def test_the_quick_guide_is_one_a4_page_with_the_dutch_headings(client, db):
    response = client.get(reverse("help:quick_guide_pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="wijkennis-snelstart.pdf"'
    reader, text = pdf_text(response)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - A4[0]) < 1 and abs(float(box.height) - A4[1]) < 1
    for heading in (
        "Snelstart Wijkennis",
        "Inloggen",
        "Een verhaal schrijven",
        "Zoeken",
        "Wij-kennis herkennen",
        "Inbreng geven",
        "Hulp nodig?",
        "Mijn e-mail om in te loggen:",
    ):
        assert heading in text, heading
    assert "http://testserver/" in text  # where to go, written out


def test_the_quick_guide_uses_large_type(client, db):
    response = client.get(reverse("help:quick_guide_pdf"))
    sizes = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            sizes.append(font_size * tm[0])

    PdfReader(io.BytesIO(response.content)).pages[0].extract_text(visitor_text=visit)
    body = [size for size in sizes if size]
    # Body text at 14 pt or more (the footer line and the note excepted), headings larger.
    assert sorted(body)[len(body) // 2] >= 14
    assert max(body) >= 24


def test_the_quick_guide_in_english(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    reader, text = pdf_text(client.get(reverse("help:quick_guide_pdf")))
    assert len(reader.pages) == 1
    assert content.pages("en")["quick_guide"]["title"] in text
    assert "Snelstart" not in text
