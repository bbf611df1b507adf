"""Read a document's bytes into plain text: the first stage of the pipeline.

Reads:  the source (a path, bytes, or a str holding the document's text).
Writes: Stage.raw (the bytes), Stage.text (the text, "\\n" line ends),
        Stage.source_format ("pdf", "docx", "html", "markdown", "text") and,
        when something was guessed, Stage.warnings.

The format is detected from the content, never from the file name:

    %PDF- magic                      -> pdf     (pypdfium2, see docs/decisions/001-pdf-library.md)
    a ZIP holding word/document.xml  -> docx    (python-docx)
    HTML markup                      -> html    (lxml.html)
    UTF-8 text with the seed's marks -> markdown (*Verb*, superscript digits, [72/74](#))
    other UTF-8 text                 -> text

The PDF text is laid out like the corpus text layers (../shared/corpus/text),
which the cleaner is written for (read_pdf.py). Word and HTML are rendered like
the seed markdown (read_markup.py): italics as *...*, footnote markers as
superscript digits, footnote bodies as lines starting with the marker.

Anything that cannot be read raises a typed error from resolutions.errors with
a one-line message.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

from resolutions.errors import (
    DamagedDocument,
    DocumentTooLarge,
    EmptyDocument,
    UnsupportedFormat,
)
from resolutions.model import Stage

MAX_BYTES = 50_000_000
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

_IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"BM": None,  # too short a magic to trust alone; checked with the header size below
}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"<(?:p|div|h[1-6]|table|span|br|em|i|sup|section|article)\b[^>]*>", re.I)
_MARKDOWN_MARKS = re.compile(r"\*[A-Za-z][^*\n]{0,200}\*|[⁰¹²³⁴⁵⁶⁷⁸⁹]|\]\(#\)")


def read_document(source: bytes | str | os.PathLike, *, max_bytes: int = MAX_BYTES) -> Stage:
    """Read a document into a Stage (raw, text, source_format, warnings).

    A str is a path when it has no line break and names an existing file or folder;
    otherwise it is the document's text.

    >>> read_document("The General Assembly,\\n\\n1. *Requests* ...").source_format
    'markdown'
    """
    raw = _load(source, max_bytes)
    if not raw.strip():
        raise EmptyDocument("the document is empty")
    stage = Stage(raw=raw)
    fmt = detect_format(raw)
    stage.source_format = fmt
    if fmt == "pdf":
        from resolutions.read_pdf import read_pdf

        stage.text = read_pdf(raw, stage.warnings)
    elif fmt == "docx":
        from resolutions.read_markup import read_docx

        stage.text = read_docx(raw, stage.warnings)
    elif fmt == "html":
        from resolutions.read_markup import read_html

        stage.text = read_html(raw, stage.warnings)
    else:
        stage.text = _normalize_newlines(decode_text(raw, stage.warnings))
    stage.text = _CONTROLS.sub("", stage.text)
    if not stage.text.strip():
        raise EmptyDocument(f"the {fmt} document holds no text")
    return stage


# Characters no document text needs and XML cannot hold; a form feed (page break) is kept.
# A regular expression removes them ten times faster than str.translate with a dict,
# which looks every character of the document up in Python.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def _load(source: bytes | str | os.PathLike, max_bytes: int) -> bytes:
    """The source's bytes, refusing anything over max_bytes before reading it all."""
    if isinstance(source, bytes | bytearray | memoryview):
        raw = bytes(source)
    elif isinstance(source, str) and not _names_a_file(source):
        raw = source.encode("utf-8", "replace")  # a lone surrogate becomes "?"
    else:
        path = Path(source)
        if path.is_dir():
            raise UnsupportedFormat(f"{path} is a folder, not a document")
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise FileNotFoundError(f"cannot read {path}: {exc.strerror}") from None
        if size > max_bytes:
            raise DocumentTooLarge(
                f"{path.name} is {size / 1e6:.1f} MB; the parser accepts at most {max_bytes / 1e6:.0f} MB"
            )
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise DocumentTooLarge(
            f"the document is {len(raw) / 1e6:.1f} MB; the parser accepts at most {max_bytes / 1e6:.0f} MB"
        )
    return raw


def _names_a_file(text: str) -> bool:
    if "\n" in text or len(text) > 1024 or not text.strip():
        return False
    try:
        return os.path.exists(text)
    except (OSError, ValueError):
        return False


def detect_format(raw: bytes) -> str:
    """The format of these bytes, from their content: pdf, docx, html, markdown or text.

    Raises UnsupportedFormat for images, other archives and binary data, and
    DamagedDocument for a Word file whose archive is broken.
    """
    head = raw[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if raw.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(raw)
    for magic, name in _IMAGE_MAGIC.items():
        if name and raw.startswith(magic):
            raise UnsupportedFormat(f"the file is {name}, not a text document: run OCR first")
    if raw.startswith(_OLE2):
        raise UnsupportedFormat(
            "the file is a legacy Word .doc (or other OLE) file: save it as .docx or PDF"
        )
    if raw.startswith(b"{\\rtf"):
        raise UnsupportedFormat("the file is RTF: save it as .docx or PDF")
    if _looks_binary(raw):
        raise UnsupportedFormat("the file is binary data, not PDF, Word (.docx), HTML or text")
    if _HTML_START.match(raw[:4096]):
        return "html"
    sample = raw[:20_000].decode("utf-8", "replace")
    if sample.lstrip().startswith("<") and len(_HTML_TAGS.findall(sample)) >= 2:
        return "html"
    if _MARKDOWN_MARKS.search(sample):
        return "markdown"
    return "text"


def _zip_kind(raw: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError):
        # (NotImplementedError: a ZIP version or feature Python's zipfile cannot read)
        if b"word/document.xml" in raw or b"[Content_Types].xml" in raw[:2048]:
            raise DamagedDocument(
                "the Word document is truncated or corrupt (its ZIP archive is broken)"
            ) from None
        raise UnsupportedFormat("the file is a damaged ZIP archive, not a Word document") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        raise UnsupportedFormat("the file is an Excel workbook, not a Word document")
    if "ppt/presentation.xml" in names:
        raise UnsupportedFormat("the file is a PowerPoint file, not a Word document")
    if "content.xml" in names:
        raise UnsupportedFormat("the file is an OpenDocument file: save it as .docx or PDF")
    raise UnsupportedFormat("the file is a ZIP archive, not a Word document (.docx)")


def _looks_binary(raw: bytes) -> bool:
    """True for bytes that are not text: NULs (outside UTF-16) or many control characters."""
    sample = raw[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with a byte-order mark
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls > max(8, len(sample) * 0.01):
        return True
    try:
        sample.decode("utf-8")
        return False
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 4:
            return False  # a character cut by the sample's end
    # Not UTF-8: legacy 8-bit text has few bytes in 0x80-0x9F outside cp1252's letters.
    high = sum(1 for b in sample if b >= 0x80)
    return high > len(sample) * 0.3


def decode_text(raw: bytes, warnings: list[str]) -> str:
    """Bytes to str: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 with a warning."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise DamagedDocument("the UTF-16 text is corrupt") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        warnings.append("the text is not UTF-8; it was read as Windows-1252")
        return raw.decode("cp1252", "replace")


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
