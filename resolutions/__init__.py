"""resolutions: read a General Assembly resolution, get its structure, mandates and Akoma Ntoso.

A library with no Django import (tests/test_parser_is_standalone.py proves it).
Public API (filled in as the stages land):

    parse(source) -> Resolution      source: a path, bytes or str (PDF, .docx, HTML, text)
    to_json(resolution) -> str
    to_akn(resolution) -> str
"""

from resolutions.errors import (
    DamagedDocument,
    DocumentTooLarge,
    EmptyDocument,
    NoTextLayer,
    NotAResolution,
    ResolutionError,
    UnsupportedFormat,
)
from resolutions.model import Resolution

__all__ = [
    "DamagedDocument",
    "DocumentTooLarge",
    "EmptyDocument",
    "NoTextLayer",
    "NotAResolution",
    "Resolution",
    "ResolutionError",
    "UnsupportedFormat",
]
