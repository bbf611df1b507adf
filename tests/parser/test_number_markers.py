"""Property: the footnote-marker logic never changes a number.

Every digit of the body text survives in the output except the markers taken
out, and no marker taken out sits inside a number written with thousands
separators or a decimal point ("535,042,000", "4,998,800", "15.3").
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resolutions.clean import _pdf_lines
from resolutions.markers import MARK_CLOSE, MARK_OPEN, anchor_plain_markers
from tests.conftest import CORPUS

ANCHOR = re.compile(f"(.?){MARK_OPEN}(\\d+){MARK_CLOSE}(.?)", re.S)
SEPARATED = re.compile(r"(?<![\d/,.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|(?<![\d.])\d+\.\d+")
TEXTS = sorted((CORPUS / "text").glob("*.txt")) if CORPUS.is_dir() else []


def check_numbers_survive(body: str, markers: list[str]) -> None:
    out = anchor_plain_markers(body, markers, [])
    restored = re.sub(f"{MARK_OPEN}(\\d+){MARK_CLOSE}", r"\1", out)
    assert re.sub(r"\D", "", restored) == re.sub(r"\D", "", body)
    for m in ANCHOR.finditer(out):
        before, after = m.group(1), m.group(3)
        assert not (before.isdigit() and after.isdigit()), m.group(0)
        assert not (before in ",." and after.isdigit()), m.group(0)
    numbers_in = SEPARATED.findall(body)
    numbers_out = SEPARATED.findall(re.sub(f"{MARK_OPEN}\\d+{MARK_CLOSE}", " ", out))
    assert numbers_out == numbers_in


AMOUNT = st.builds(
    lambda head, groups, dec: f"{head}" + "".join(f",{g:03d}" for g in groups) + dec,
    st.integers(1, 999),
    st.lists(st.integers(0, 999), min_size=1, max_size=3),
    st.sampled_from(["", ".5", ".25", ".3"]),
)
DECIMAL = st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 999), st.integers(0, 99))
WORD = st.sampled_from(
    ["dollars", "estimated", "an", "of", "appropriation", "Conference", "organizations,",
     "the", "amount", "million", "per", "cent", "2011", "resolution", "and", "States;"]
)  # fmt: skip
MARKER = st.integers(1, 99).map(str)
TOKEN = st.one_of(AMOUNT, DECIMAL, WORD, MARKER, WORD.flatmap(lambda w: MARKER.map(w.__add__)))


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKEN, min_size=1, max_size=40), st.lists(MARKER, max_size=8))
def test_no_number_with_separators_loses_a_digit(tokens, markers):
    check_numbers_survive(" ".join(tokens), markers)


@pytest.mark.parametrize(
    "body, kept",
    [
        ("an amount of 535,042,000 dollars for", "535,042,000"),
        ("appropriation 4,998,800 United States dollars", "4,998,800"),
        ("an estimated 15.3 million people", "15.3"),
    ],
)
def test_issue_amounts_unchanged(body, kept):
    markers = [str(n) for n in range(1, 60)]
    out = anchor_plain_markers(body, markers, [])
    assert kept in out
    check_numbers_survive(body, markers)


def test_a_marker_after_a_word_is_still_taken():
    out = anchor_plain_markers("spent 4,998,800 dollars by organizations,3 and", ["3"], [])
    assert f"organizations,{MARK_OPEN}3{MARK_CLOSE} and" in out
    assert "4,998,800" in out


@pytest.mark.skipif(not TEXTS, reason=f"the corpus is absent: {CORPUS}")
@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_corpus_numbers_survive(path):
    lines, bodies = _pdf_lines(path.read_text(encoding="utf-8"), [])
    check_numbers_survive("\n".join(lines), list(bodies))
