"""Helpers for the parser tests: the founding resolution in its two renderings."""

from __future__ import annotations

import pytest

from resolutions import parse


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
