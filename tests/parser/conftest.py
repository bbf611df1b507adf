"""Helpers for the parser tests: the founding resolution in its two renderings, and the
corpus's PDFs parsed once and kept (``parsed_pdf``)."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import pytest

from resolutions import NotAResolution, parse

PARSER = Path(__file__).resolve().parents[2] / "resolutions"


def parser_digest() -> str:
    """A digest of what a parse depends on: every file of ``resolutions`` (code, gazetteer,
    schema) and the version of pypdfium2, which reads the PDFs."""
    digest = hashlib.sha256(version("pypdfium2").encode())
    for path in sorted(PARSER.rglob("*")):
        if path.is_file() and path.suffix != ".pyc":
            digest.update(str(path.relative_to(PARSER)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def kept_folder(request) -> Path | None:
    """.pytest_cache/d/accord-parsed/DIGEST/ (the parser's digest), older digests removed;
    None when pytest runs without its cache."""
    cache = getattr(request.config, "cache", None)
    if cache is None:
        return None
    digest = parser_digest()
    folder = cache.mkdir("accord-parsed") / digest
    folder.mkdir(exist_ok=True)
    for old in folder.parent.iterdir():  # what an older parser gave
        if old.is_dir() and old.name != digest:
            shutil.rmtree(old, ignore_errors=True)
    return folder


@pytest.fixture(scope="session")
def parsed_pdf(kept_folder) -> Callable[[Path], object]:
    """``parse(path)``, or the NotAResolution it raised, kept in pytest's cache under the
    file's name, size and mtime: parsing the 331 + 152 PDFs of the corpus takes a worker
    20 s, so a later run reads the pickles unless the parser, pypdfium2 or the file
    changed. Any other exception is raised, and not kept."""
    return lambda path: _kept(kept_folder, path, "parsed", _parse)


@pytest.fixture(scope="session")
def pdf_text(kept_folder) -> Callable[[Path], str]:
    """The text layer the parser reads (``read_document(path).text``), kept the same way."""
    from resolutions.read import read_document

    return lambda path: _kept(kept_folder, path, "text", lambda p: read_document(p).text)


def _kept(folder: Path | None, path: Path, kind: str, compute: Callable):
    if folder is None:
        return compute(path)
    stat = path.stat()
    name = f"{kind}-{path.parent.name}-{path.name}-{stat.st_size}-{stat.st_mtime_ns}.pickle"
    entry = folder / name
    if entry.exists():
        return pickle.loads(entry.read_bytes())
    result = compute(path)
    part = entry.with_suffix(f".{os.getpid()}")
    part.write_bytes(pickle.dumps(result))
    part.rename(entry)  # whole or absent, for the other xdist worker
    return result


def _parse(path: Path):
    try:
        return parse(path)
    except NotAResolution as exc:
        return exc


@pytest.fixture(scope="session")
def seed(corpus):
    return parse(corpus / "seed" / "A_RES_73_135.md")


@pytest.fixture(scope="session")
def text_layer(corpus):
    return parse(corpus / "text" / "A_RES_73_135.txt")


@pytest.fixture(scope="session", params=["seed", "text"])
def founding(request, corpus):
    """A/RES/73/135, once per rendering (the marked-up seed and the PDF text layer)."""
    name = "seed/A_RES_73_135.md" if request.param == "seed" else "text/A_RES_73_135.txt"
    return parse(corpus / name)
