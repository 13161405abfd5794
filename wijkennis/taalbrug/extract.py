"""Text out of an uploaded file: .txt, .docx or .pdf. Nothing is written to disk or logged.

Each reader raises `Unreadable` with a reason code; the form turns the code into a message.
"""

import io
import logging
import re
import zipfile
from pathlib import PurePath

logger = logging.getLogger(__name__)
# pypdf's warnings about a broken file quote bytes of it ("invalid pdf header: b'Mevro'"):
# only its critical messages may reach the logs.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)

# 20 000 characters is about eight pages of a letter: enough for any letter or leaflet, and the
# analysis of it stays well under a second.
MAX_CHARS = 20_000
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# A .docx is a zip file: refuse one that unpacks to far more than any letter needs (zip bomb).
MAX_DOCX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_PDF_PAGES = 100
EXTENSIONS = (".txt", ".docx", ".pdf")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Unreadable(Exception):
    """The file cannot be read; `reason` is one of: type, size, unreadable, empty, protected."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def normalise(text: str) -> str:
    """Line ends as "\\n", no control characters, no blank space around the text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return CONTROL.sub("", text).strip()


def read_upload(upload) -> str:
    """The text of an uploaded file, normalised; raises Unreadable."""
    extension = PurePath(upload.name or "").suffix.lower()
    if extension not in EXTENSIONS:
        raise Unreadable("type")
    if upload.size > MAX_UPLOAD_BYTES:
        raise Unreadable("size")
    data = upload.read()
    reader = {".txt": _read_txt, ".docx": _read_docx, ".pdf": _read_pdf}[extension]
    try:
        text = normalise(reader(data))
    except Unreadable:
        raise
    except Exception as error:  # a broken file can make a parser fail in many ways
        # The type of error only: never the file's name or content.
        logger.info("taalbrug: %s upload not readable (%s)", extension, type(error).__name__)
        raise Unreadable("unreadable") from None
    if not text:
        raise Unreadable("empty")
    return text


def _read_txt(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")  # what Notepad calls "Unicode"
    if b"\x00" in data:
        raise Unreadable("unreadable")  # not text at all, even when it decodes as UTF-8
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    return data.decode("cp1252")  # older Windows text; raises on bytes cp1252 lacks


def _read_docx(data: bytes) -> str:
    # Imported here: only an upload needs the file readers.
    import docx
    from docx.table import Table

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_UNPACKED_BYTES:
                raise Unreadable("unreadable")
    except zipfile.BadZipFile:
        raise Unreadable("unreadable") from None
    document = docx.Document(io.BytesIO(data))
    paragraphs: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:  # merged cells repeat: keep each text once per row
                    if cell.text.strip() and cell.text not in cells:
                        cells.append(cell.text)
                paragraphs.extend(cells)
        elif block.text.strip():
            paragraphs.append(block.text)
    # A blank line between paragraphs: each Word paragraph (and list item) ends a sentence.
    return "\n\n".join(paragraphs)


def _read_pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise Unreadable("protected")
    pages: list[str] = []
    length = 0
    for page in reader.pages[:MAX_PDF_PAGES]:
        text = page.extract_text() or ""
        pages.append(text)
        length += len(text)
        if length > MAX_CHARS * 2:
            break  # far too long already: the form says so without reading further
    return "\n\n".join(pages)
