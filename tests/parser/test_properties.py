"""Property: whatever text comes in, the parser returns a Resolution or raises a ResolutionError.

Random text, random bytes, and real corpus texts mutated the way damaged files
are (lines deleted, duplicated, swapped, the end cut off, noise inserted).
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutions import Resolution, ResolutionError, parse
from resolutions.pipeline import parse_text
from tests.conftest import CORPUS

TEXTS = sorted((CORPUS / "text").glob("*.txt")) if CORPUS.is_dir() else []
SEED = CORPUS / "seed" / "A_RES_73_135.md"
needs_corpus = pytest.mark.skipif(not TEXTS, reason=f"the corpus is absent: {CORPUS}")
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parses_or_refuses(text: str, source_format: str = "text") -> None:
    """A ResolutionError is a refusal; anything else raised fails the test."""
    with contextlib.suppress(ResolutionError):
        assert isinstance(parse_text(text, source_format), Resolution)


@SETTINGS
@given(st.text(max_size=3000))
def test_random_text_is_parsed_or_refused(text):
    parses_or_refuses(text)
    parses_or_refuses(text, "markdown")


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes_are_parsed_or_refused(raw):
    with contextlib.suppress(ResolutionError):
        assert isinstance(parse(raw), Resolution)


def _mutate(data, lines: list[str]) -> list[str]:
    for _ in range(data.draw(st.integers(1, 6), label="mutations")):
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        kind = data.draw(
            st.sampled_from(["delete", "duplicate", "swap", "truncate", "noise", "cut"])
        )
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = data.draw(st.integers(0, len(lines) - 1), label="other line")
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "truncate":
            lines = lines[:i]
        elif kind == "noise":
            lines.insert(i, data.draw(st.text(max_size=80), label="noise"))
        else:
            k = data.draw(st.integers(0, len(lines[i])), label="cut at")
            lines[i] = lines[i][:k]
    return lines


@needs_corpus
@SETTINGS
@given(st.data())
def test_mutated_corpus_texts_are_parsed_or_refused(data):
    path = data.draw(st.sampled_from([*TEXTS, SEED]), label="document")
    lines = path.read_text(encoding="utf-8").split("\n")
    mutated = "\n".join(_mutate(data, lines))
    parses_or_refuses(mutated, "markdown" if path.suffix == ".md" else "text")
