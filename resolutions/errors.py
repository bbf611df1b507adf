"""Typed errors of the parser. Each message is one line a person can act on."""


class ResolutionError(Exception):
    """Base class: anything the parser refuses, with a one-line message."""


class EmptyDocument(ResolutionError):
    """The file has no content."""


class UnsupportedFormat(ResolutionError):
    """The bytes are not PDF, Word (.docx), HTML or text."""


class DocumentTooLarge(ResolutionError):
    """The file is larger than the parser accepts."""


class NoTextLayer(ResolutionError):
    """A PDF with no text to extract (a scan): it needs OCR first."""


class DamagedDocument(ResolutionError):
    """A file of a known format that cannot be read (truncated, corrupt)."""


class NotAResolution(ResolutionError):
    """Readable text that is not a General Assembly resolution."""
