"""Every file upload refuses files that are too big or of the wrong kind, judged by the
content (a PDF or a picture renamed to .txt or .csv), with a form error and no 500.
The uploads: a story from a text file, the Taalbrug (.txt/.docx/.pdf), the invitation CSV.
(The SKOS import is a command-line tool, not an upload: `wijkennis vocabulary import`.)"""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wijkennis.core.security import is_plain_text
from wijkennis.invitations.models import Invitation
from wijkennis.stories.models import Story

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
NULS = b"Mijn verhaal" + b"\x00" * 200  # valid UTF-8, but not text


def upload(name: str, data: bytes, content_type="text/plain") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_text_is_recognised_by_content_not_by_name():
    assert is_plain_text("Ik schreef dit op.\nTweede regel; é ü".encode())
    assert is_plain_text("Oud Windows".encode("cp1252"))
    assert is_plain_text("Unicode".encode("utf-16"))
    for data in (PNG, PDF, NULS, b"PK\x03\x04docx", b"MZ\x90\x00"):
        assert not is_plain_text(data)


@pytest.mark.parametrize(
    ("data", "reason"),
    [(PNG, "picture"), (PDF, "pdf"), (NULS, "nul bytes")],
)
def test_story_upload_refuses_files_that_are_not_text(client, people, data, reason):
    client.force_login(people.anouk)
    response = client.post(
        reverse("stories:create"),
        {"title": "Mijn titel", "upload": upload("verhaal.txt", data)},
    )
    assert response.status_code in (200, 400), reason
    assert response.context["form"].errors["upload"], reason
    assert 'value="Mijn titel"' in response.content.decode()  # nothing typed is lost
    assert not Story.objects.exists()


def test_story_upload_refuses_a_too_big_file(client, people):
    client.force_login(people.anouk)
    data = b"woord " * (settings.STORY_MAX_CHARS)  # 600 kB, above the limit
    response = client.post(reverse("stories:create"), {"upload": upload("groot.txt", data)})
    assert response.context["form"].errors["upload"]
    assert not Story.objects.exists()


def test_story_upload_of_a_text_file_works(client, people):
    client.force_login(people.anouk)
    response = client.post(
        reverse("stories:create"),
        {"upload": upload("verhaal.txt", b"Ik opende samen de post.")},
    )
    assert response.status_code == 302
    assert Story.objects.filter(author=people.anouk).exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("brief.txt", PNG),  # a picture renamed
        ("brief.pdf", PNG),
        ("brief.docx", PDF),  # a PDF renamed to Word
        ("brief.txt", NULS),
        ("brief.exe", b"MZ\x90\x00"),
    ],
)
def test_taalbrug_refuses_wrong_types_by_content(client, name, data):
    response = client.post(reverse("taalbrug:analyse"), {"upload": upload(name, data)})
    assert response.status_code == 200  # the Taalbrug shows its form again with the error
    assert response.context["form"].errors["upload"]


def test_taalbrug_refuses_a_too_big_file(client):
    data = b"woord " * 400_000  # 2.4 MB
    response = client.post(reverse("taalbrug:analyse"), {"upload": upload("brief.txt", data)})
    assert response.status_code == 200
    assert response.context["form"].errors["upload"]


def _import(client, people, data: bytes, name="mensen.csv"):
    client.force_login(people.coordinator)
    return client.post(
        reverse("invitations:import"),
        {"organisation": people.org_a.pk, "file": upload(name, data, "text/csv")},
    )


@pytest.mark.parametrize(("data", "reason"), [(PNG, "picture"), (PDF, "pdf"), (NULS, "nul")])
def test_invitation_csv_refuses_files_that_are_not_csv(client, people, data, reason):
    response = _import(client, people, data)
    assert response.status_code == 400, reason
    assert [e.row for e in response.context["errors"]] == [0], reason  # the whole file
    assert not Invitation.objects.exists()


def test_invitation_csv_refuses_a_too_big_file(client, people):
    data = b"email,role\n" + b"iemand@a.test,ervaringswerker\n" * 40_000  # 1.2 MB
    response = _import(client, people, data)
    assert response.status_code == 400
    assert response.context["errors"]
    assert not Invitation.objects.exists()


def test_upload_memory_limits_are_set():
    # Bigger files go to a temporary file instead of memory; other bodies stop at 1 MB.
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 1_048_576
