"""resolutions: read a General Assembly resolution, get its structure, mandates and Akoma Ntoso.

A library with no Django import (the import-linter contract in pyproject.toml checks it).
Public API (four verbs; the stages are in pipeline.py):

    parse(source) -> Resolution      source: a path, bytes or str (PDF, .docx, HTML, text)
    to_dict(resolution) -> dict      JSON types, described by schema/resolution.schema.json
    to_json(resolution) -> str
    to_akn(resolution) -> str        Akoma Ntoso 3.0 (AKN4UN)

Everything the parser refuses raises a subclass of ResolutionError with a
one-line message.
"""

from __future__ import annotations

import os

from resolutions.errors import (
    DamagedDocument,
    DocumentTooLarge,
    EmptyDocument,
    NotAResolution,
    NoTextLayer,
    ResolutionError,
    UnsupportedFormat,
)
from resolutions.model import Resolution
from resolutions.serialize import to_dict, to_json


def parse(source: bytes | str | os.PathLike) -> Resolution:
    """Parse a resolution from a path, bytes or text; raise a ResolutionError if refused."""
    from resolutions.pipeline import run

    return run(source)


def to_akn(resolution: Resolution) -> str:
    """The resolution as Akoma Ntoso 3.0 XML (AKN4UN)."""
    from resolutions.akn import to_akn as _to_akn

    return _to_akn(resolution)


__all__ = [
    "DamagedDocument",
    "DocumentTooLarge",
    "EmptyDocument",
    "NoTextLayer",
    "NotAResolution",
    "Resolution",
    "ResolutionError",
    "UnsupportedFormat",
    "parse",
    "to_akn",
    "to_dict",
    "to_json",
]
