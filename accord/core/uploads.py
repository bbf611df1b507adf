"""Hostile files: limits checked before a file is read whole (docs/files.md).

- ``LimitedUploadHandler`` (first of ``FILE_UPLOAD_HANDLERS``) counts the bytes of each
  uploaded file while the request streams and stops the upload past
  ``ACCORD_MAX_UPLOAD_BYTES``; the view asks ``upload_refusal(request)`` for the message.
- ``check_zip(source)`` refuses an .xlsx/.docx whose members would unzip to more than
  ``ACCORD_MAX_UNZIPPED_BYTES`` or at a ratio above ``ACCORD_MAX_ZIP_RATIO``, or that
  declares a DTD, from the zip's directory and the first bytes of each member, before
  anything is extracted.
- ``check_document(upload)`` runs the checks a resolution upload needs before it is
  parsed: ``check_zip`` for a .docx, at most ``ACCORD_MAX_PDF_PAGES`` pages for a PDF.
- ``store_upload(upload, path)`` writes an upload to disk chunk by chunk.

Every refusal is a ``FileRefused`` whose message names the limit. Writes: only the file
``store_upload`` is given.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from accord.core.errors import AccordError

DTD_PROBE_BYTES = 4096


class FileRefused(AccordError, ValueError):
    """A file over one of the limits; its message names the limit."""


def size_refusal(limit: int) -> str:
    return _("The file is larger than the limit of %(limit)s.") % {"limit": filesizeformat(limit)}


class LimitedUploadHandler(FileUploadHandler):
    """Stop an upload as soon as one file passes ``ACCORD_MAX_UPLOAD_BYTES``. The rest
    of the body is not read by Django (whose drain reads it line by line, so a body
    without line feeds would be held whole): the server discards it in small chunks
    (gunicorn does before the next request on the connection)."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        limit = settings.ACCORD_MAX_UPLOAD_BYTES
        if self.received > limit:
            self.request.accord_upload_refused = size_refusal(limit)
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


def upload_refusal(request) -> str | None:
    """The message of an upload the handler stopped, or None."""
    return getattr(request, "accord_upload_refused", None)


def check_size(upload) -> None:
    """Refuse an upload larger than ``ACCORD_MAX_UPLOAD_BYTES`` (one the handler did not
    stream, e.g. a file handed to a service by other code)."""
    limit = settings.ACCORD_MAX_UPLOAD_BYTES
    if (getattr(upload, "size", None) or 0) > limit:
        raise FileRefused(size_refusal(limit))


def store_upload(upload, path: Path) -> None:
    """Write ``upload`` to ``path`` chunk by chunk (never whole in memory)."""
    check_size(upload)
    with open(path, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)


def check_zip(source) -> None:
    """Refuse a zip (an .xlsx or .docx) that would unzip too big, too fast, or that
    declares a DTD. ``source`` is a path or a binary file; a file that is not a zip is
    left for the reader to refuse."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError):
        return
    except NotImplementedError:  # a ZIP version Python's zipfile cannot read
        raise _unreadable() from None
    with archive:
        members = archive.infolist()
        _check_sizes(members)
        for member in members:
            if member.filename.endswith((".xml", ".rels")) and _declares_dtd(archive, member):
                raise FileRefused(
                    _(
                        "The file declares a DTD (%(member)s), which Accord does not read; "
                        "save it again from Excel or Word."
                    )
                    % {"member": member.filename}
                )
    if hasattr(source, "seek"):
        source.seek(0)


def _check_sizes(members) -> None:
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members)
    limit = settings.ACCORD_MAX_UNZIPPED_BYTES
    if total > limit:
        raise FileRefused(
            _("Unzipped, the file would take %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(total), "limit": filesizeformat(limit)}
        )
    ratio = settings.ACCORD_MAX_ZIP_RATIO
    for m in members:
        if m.file_size > 1024 * 1024 and m.file_size > ratio * max(m.compress_size, 1):
            raise _ratio_refused(ratio)
    if total > 1024 * 1024 and total > ratio * max(packed, 1):
        raise _ratio_refused(ratio)


def _ratio_refused(ratio: int) -> FileRefused:
    return FileRefused(
        _("The file is compressed more than %(ratio)d to 1, the limit; it looks like a zip bomb.")
        % {"ratio": ratio}
    )


def _unreadable() -> FileRefused:
    return FileRefused(
        _(
            "The file uses a ZIP feature Accord does not read (encryption, or an unknown "
            "compression or version); save it again from Excel or Word."
        )
    )


def _declares_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    try:
        with archive.open(member) as stream:
            head = stream.read(DTD_PROBE_BYTES)
    except (NotImplementedError, RuntimeError):  # unknown compression; encrypted
        raise _unreadable() from None
    except (zipfile.BadZipFile, OSError, EOFError):  # a broken member: the reader refuses it
        return False
    return b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper()


def check_document(upload) -> None:
    """Refuse an uploaded resolution file over the limits before it is parsed: a .docx
    (any zip) is checked by ``check_zip``, a PDF may have at most
    ``ACCORD_MAX_PDF_PAGES`` pages (counted without rendering any)."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"PK"):
        check_zip(upload)
    elif head.startswith(b"%PDF-"):
        _check_pages(upload)
    upload.seek(0)


def _check_pages(upload) -> None:
    from resolutions.read_pdf import page_count  # PDFium one thread at a time

    path = getattr(upload, "temporary_file_path", None)
    pages = page_count(path() if path else upload.read())
    if pages is None:
        return  # not readable: the parser says so in its own words
    limit = settings.ACCORD_MAX_PDF_PAGES
    if pages > limit:
        raise FileRefused(
            _("The PDF has %(pages)d pages; the limit is %(limit)d.")
            % {"pages": pages, "limit": limit}
        )
