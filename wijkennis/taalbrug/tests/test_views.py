"""The Taalbrug pages: check a pasted or uploaded text, bad input kept, nothing stored unasked."""

import io
import logging
import re

import docx
import pytest
from django.conf import settings
from django.core.files import uploadhandler
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wijkennis.taalbrug.extract import MAX_CHARS, MAX_UPLOAD_BYTES
from wijkennis.taalbrug.models import SavedText

from .texts import LETTER, PLAIN, make_vocabulary

URL = "/taalbrug/"


@pytest.fixture
def vocabulary(db):
    return make_vocabulary()


def tiny_pdf(*lines: str) -> bytes:
    """A one-page PDF written by hand, with each line of text below the one before."""
    shown = " 0 -16 Td ".join(f"({line}) Tj" for line in lines)
    content = f"BT /F1 12 Tf 72 720 Td {shown} ET".encode("latin-1") if lines else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return pdf


def word_file(*paragraphs: str, table: tuple[str, str] | None = None) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        row = document.add_table(rows=1, cols=2).rows[0]
        row.cells[0].text, row.cells[1].text = table
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def check(client, text="", upload=None):
    data = {"text": text}
    if upload is not None:
        data["upload"] = upload
    return client.post(URL, data)


def marked_text(page: str) -> str:
    """The marked text only (the legend above it shows one of each mark)."""
    marked = page[page.index('<div class="tb-text">') :]
    return marked[: marked.index("</div>")]


def error_code(response, field):
    return response.context["form"].errors.as_data()[field][0].code


def textarea(response) -> str:
    """What the text box holds, as the browser would show it."""
    import html

    page = response.content.decode()
    match = re.search(r'<textarea name="text"[^>]*>\n?(.*?)</textarea>', page, re.S)
    return html.unescape(match.group(1))


# The form


def test_the_form_is_for_everyone_and_posts(client, db):
    response = client.get(URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<form method="post" action="/taalbrug/" enctype="multipart/form-data"', page)
    assert '<label for="id_text"' in page and '<label for="id_upload"' in page
    assert 'aria-describedby="id_text_help"' in page
    assert 'accept=".txt,.docx,.pdf"' in page
    assert "no-store" in response["Cache-Control"]


def test_the_letter_gets_marks_everyday_words_and_a_verdict(client, vocabulary):
    response = check(client, LETTER)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-verdict="harder"' in page
    marked = marked_text(page)
    terms = re.findall(r'<mark class="tb-term">([^<]+)</mark>', marked)
    assert terms == [
        "bijzondere bijstand",
        "Participatiewet",
        "beslaglegging",
        "beslagvrije voet",
        "bijstandsuitkering",
        "terugvordering",
    ]
    # The everyday words stand right after the term, as text on the page.
    assert re.search(
        r'beslaglegging</mark> <span class="tb-term__plain">[^<]*geld wordt ingehouden / '
        r"beslag op je uitkering",
        marked,
    )
    assert marked.count('<span class="tb-flag">') == 4  # four long sentences, flagged in words
    assert '<span class="tb-long-word">inkomenssituatie<span class="visually-hidden">' in marked
    assert "€ 1.250,00" in marked
    assert "Een schuldeiser laat een deel van je loon" in page  # the concept's explanation
    figures = response.context["analysis"].figures
    assert '<tr data-figure="long_sentences">' in page
    assert (figures.sentences, figures.long_sentences) == (7, 4)
    assert textarea(response).strip() == LETTER.strip()  # ready to change and check again
    assert not SavedText.objects.exists()


def test_a_plain_letter_is_probably_b1(client, vocabulary):
    page = check(client, PLAIN).content.decode()
    assert 'data-verdict="b1"' in page
    assert '<span class="tb-flag">' not in marked_text(page)


def test_anonymous_visitors_are_asked_to_log_in_to_save(client, vocabulary):
    page = check(client, PLAIN).content.decode()
    assert 'action="/taalbrug/bewaren/"' not in page
    assert f'href="{reverse("accounts:login")}?next=/taalbrug/"' in page


def test_a_member_gets_a_save_form_with_the_text(client, people, vocabulary):
    client.force_login(people.anouk)
    response = check(client, PLAIN)
    page = response.content.decode()
    assert 'action="/taalbrug/bewaren/"' in page
    assert re.search(r'<input type="hidden" name="text" value="Beste meneer Jansen,', page)
    assert not SavedText.objects.exists()


def test_text_is_escaped(client, db):
    page = check(client, 'Een <script>alert("x")</script> in de brief. & meer.').content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


# Files


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("brief.txt", b"De beslaglegging is gestopt. Bel ons."),
        ("brief.txt", "\ufeffDe beslaglegging is gestopt. Bel ons.".encode()),
        ("brief.txt", "De beslaglegging is gestopt. Bel ons.".encode("utf-16")),
        ("BRIEF.TXT", "De beslaglegging is gestopt. Bel ons.".encode("cp1252")),
        ("brief.docx", word_file("De beslaglegging is gestopt.", "Bel ons.")),
        ("brief.pdf", tiny_pdf("De beslaglegging is", "gestopt. Bel ons.")),
    ],
)
def test_each_file_type_is_read(client, vocabulary, name, content):
    response = check(client, upload=SimpleUploadedFile(name, content))
    assert response.status_code == 200, response.context["form"].errors
    analysis = response.context["analysis"]
    assert analysis.figures.sentences == 2 and analysis.figures.words == 6
    assert [term.label for term in analysis.terms] == ["beslaglegging"]
    assert "De beslaglegging is" in textarea(response)


def test_windows_text_falls_back_to_cp1252(client, db):
    upload = SimpleUploadedFile("brief.txt", "Het café is dicht. € 5 terug.".encode("cp1252"))
    response = check(client, upload=upload)
    assert textarea(response) == "Het café is dicht. € 5 terug."


def test_word_paragraphs_and_tables_are_read(client, db):
    content = word_file("Besluit", "U krijgt geld.", table=("Bedrag", "Wanneer"))
    response = check(client, upload=SimpleUploadedFile("brief.docx", content))
    assert textarea(response) == "Besluit\n\nU krijgt geld.\n\nBedrag\n\nWanneer"
    assert response.context["analysis"].figures.sentences == 4


# Bad input: a Dutch message, nothing lost, nothing stored

TYPED = "Mijn eigen tekst over de brief."


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("brief.odt", b"PK\x03\x04 iets"), "type"),
        (SimpleUploadedFile("brief", b"Geen extensie."), "type"),
        (SimpleUploadedFile("brief.txt", b"a" * (MAX_UPLOAD_BYTES + 1)), "size"),
        (SimpleUploadedFile("brief.docx", b"dit is geen zip"), "unreadable"),
        (SimpleUploadedFile("brief.pdf", b"%PDF-1.4\nkapot"), "unreadable"),
        (SimpleUploadedFile("scan.pdf", tiny_pdf()), "empty_pdf"),
        (SimpleUploadedFile("leeg.docx", word_file()), "empty"),
        (SimpleUploadedFile("binair.txt", b"\x81\x8d\x00\x90\x9d"), "unreadable"),
    ],
    ids=["odt", "no-extension", "too-big", "bad-docx", "bad-pdf", "scan", "empty-docx", "binary"],
)
def test_a_bad_file_gets_a_message_and_keeps_the_typed_text(client, db, upload, code):
    response = check(client, TYPED, upload)
    page = response.content.decode()
    assert response.status_code == 200
    assert error_code(response, "upload") == code
    assert 'id="id_upload_error"' in page
    assert 'aria-describedby="id_upload_help id_upload_error"' in page
    assert 'aria-invalid="true"' in page
    assert textarea(response) == TYPED
    assert response.context["analysis"] is None


def test_a_big_file_never_touches_the_disk(client, db, monkeypatch):
    def no_temporary_files(*args, **kwargs):
        raise AssertionError("an upload was written to a temporary file")

    monkeypatch.setattr(uploadhandler, "TemporaryUploadedFile", no_temporary_files)
    size = settings.FILE_UPLOAD_MAX_MEMORY_SIZE + 1024  # where Django would use a disk file
    response = check(client, TYPED, SimpleUploadedFile("groot.txt", b"a" * size))
    assert error_code(response, "upload") == "size"
    assert textarea(response) == TYPED


def test_checking_needs_the_csrf_token(db):
    response = Client(enforce_csrf_checks=True).post(URL, {"text": "Bel ons."})
    assert response.status_code == 403


def test_an_empty_box_gets_a_message(client, db):
    response = check(client, "   \n ")
    assert error_code(response, "text") == "empty"
    assert 'aria-describedby="id_text_help id_text_error"' in response.content.decode()


def test_a_text_without_words_gets_a_message(client, db):
    response = check(client, "€ 1.250,00 - 2024")
    assert error_code(response, "text") == "no_words"
    assert textarea(response) == "€ 1.250,00 - 2024"


def test_the_save_form_does_not_take_the_text_box_label(client, people, db):
    client.force_login(people.anouk)
    page = check(client, "Bel ons morgen.").content.decode()
    assert page.count('id="id_text"') == 1
    assert '<label for="save-title"' in page and 'id="save-text"' in page
    assert page.count('id="save-title"') == 1


def test_a_text_over_the_limit_is_refused_and_kept(client, db):
    text = ("Wij sturen u deze brief. " * 1000)[: MAX_CHARS + 10]
    response = check(client, text)
    assert error_code(response, "text") == "too_long"
    assert "20.010" in response.content.decode() and "20.000" in response.content.decode()
    assert textarea(response) == text


def test_a_file_with_too_much_text_is_refused(client, db):
    upload = SimpleUploadedFile("lang.txt", ("Een zin. " * 3000).encode())
    response = check(client, upload=upload)
    assert error_code(response, "upload") == "too_long"


def test_text_and_file_together_keep_the_text(client, db):
    upload = SimpleUploadedFile("brief.txt", b"Een andere tekst.")
    response = check(client, TYPED, upload)
    assert error_code(response, "upload") == "both"
    assert textarea(response) == TYPED


# Privacy: nothing stored unasked, no text in logs or URLs

SECRET = "Mevrouw Zwanenburgh kreeg een beslaglegging op de Kwetterlaan."


def test_checking_stores_nothing_and_logs_no_text(client, people, vocabulary, caplog, settings):
    settings.DEBUG = True
    caplog.set_level(logging.DEBUG)
    client.force_login(people.anouk)
    check(client, SECRET)
    check(client, upload=SimpleUploadedFile("Zwanenburgh.pdf", SECRET.encode()))
    check(client, upload=SimpleUploadedFile("Zwanenburgh.docx", SECRET.encode()))
    assert not SavedText.objects.exists()
    response = client.post(reverse("taalbrug:save"), {"title": "", "text": SECRET})
    assert "Zwanenburgh" not in response.url
    saved = SavedText.objects.get()
    client.get(response.url)
    client.get(reverse("taalbrug:mine"))
    client.post(reverse("taalbrug:delete", args=[saved.pk]))
    client.force_login(people.bram)
    client.get(reverse("taalbrug:detail", args=[saved.pk]))
    assert caplog.records, "the capture must have seen the requests' log records"
    # Not even a piece of it (a broken PDF's header is quoted by pypdf's own warnings).
    assert "Zwane" not in caplog.text and "Mevro" not in caplog.text


# Saving, the list, opening and deleting


def test_saving_needs_a_login(client, db):
    response = client.post(reverse("taalbrug:save"), {"text": PLAIN})
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    assert not SavedText.objects.exists()


def test_save_list_open_and_delete(client, people, vocabulary):
    client.force_login(people.anouk)
    response = client.post(reverse("taalbrug:save"), {"title": "Brief gemeente", "text": LETTER})
    saved = SavedText.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "taalbrug:detail", args=[saved.pk]
    )
    assert (saved.owner, saved.title, saved.text) == (
        people.anouk,
        "Brief gemeente",
        LETTER.strip(),
    )

    page = client.get(reverse("taalbrug:mine")).content.decode()
    assert "Brief gemeente" in page and reverse("taalbrug:detail", args=[saved.pk]) in page

    response = client.get(response.url)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-verdict="harder"' in page and '<mark class="tb-term">beslaglegging</mark>' in page
    assert "no-store" in response["Cache-Control"]

    assert client.get(reverse("taalbrug:delete", args=[saved.pk])).status_code == 200
    assert SavedText.objects.exists()  # asking is not deleting
    response = client.post(reverse("taalbrug:delete", args=[saved.pk]))
    assert response.url == reverse("taalbrug:mine")
    assert not SavedText.objects.exists()


def test_a_saved_text_without_a_name_is_named_after_its_first_words(client, people, db):
    client.force_login(people.anouk)
    client.post(reverse("taalbrug:save"), {"title": "  ", "text": PLAIN})
    assert SavedText.objects.get().title == "Beste meneer Jansen, U vroeg ons om geld…"


def test_saving_nothing_is_refused(client, people, db):
    client.force_login(people.anouk)
    response = client.post(reverse("taalbrug:save"), {"title": "Leeg", "text": "  "})
    assert response.status_code == 400
    assert not SavedText.objects.exists()


def test_saving_too_much_is_refused(client, people, db):
    client.force_login(people.anouk)
    response = client.post(reverse("taalbrug:save"), {"text": "a" * (MAX_CHARS + 1)})
    assert response.status_code == 400
    assert not SavedText.objects.exists()


def test_going_to_the_save_address_leads_back_to_the_form(client, people, db):
    client.force_login(people.anouk)
    assert client.get(reverse("taalbrug:save")).url == reverse("taalbrug:analyse")


def test_only_the_owner_opens_or_deletes_a_saved_text(client, people, db):
    saved = SavedText.objects.create(owner=people.anouk, title="Privé", text="Mijn brief.")
    for person in (people.bram, people.coordinator, people.admin):
        client.force_login(person)
        assert client.get(reverse("taalbrug:detail", args=[saved.pk])).status_code == 404
        assert client.get(reverse("taalbrug:delete", args=[saved.pk])).status_code == 404
        assert client.post(reverse("taalbrug:delete", args=[saved.pk])).status_code == 404
        assert "Privé" not in client.get(reverse("taalbrug:mine")).content.decode()
    assert SavedText.objects.filter(pk=saved.pk).exists()


def test_change_and_check_again_posts_the_text(client, people, db):
    saved = SavedText.objects.create(owner=people.anouk, title="Brief", text="Bel ons morgen.")
    client.force_login(people.anouk)
    page = client.get(reverse("taalbrug:detail", args=[saved.pk])).content.decode()
    form = page[page.index('<form method="post" action="/taalbrug/"') :]
    assert (
        '<input type="hidden" name="text" value="Bel ons morgen.">' in form[: form.index("</form>")]
    )
