"""The 44 corpus text layers and the seed: each parses, and no paragraph swallows the next one."""

from __future__ import annotations

import re

import pytest

from resolutions import parse

# A preambular phrase after a closing mark inside a paragraph means two paragraphs were
# joined (a page break or a missed footnote marker between them).
PREAMBLE_INSIDE = re.compile(
    r"[,;:.]\s+(?:\d{1,3}\s+)?(?:Noting|Recalling|Welcoming|Reaffirming|Recognizing|Having|Taking|"
    r"Emphasizing|Expressing|Bearing|Convinced|Concerned|Deeply|Stressing|Acknowledging|Mindful|"
    r"Aware|Underlining|Reiterating|Alarmed|Considering|Determined)\b"
)
OPERATIVE_INSIDE = re.compile(
    r"[;.:]\s+(?:\d{1,3}\s+)?(?:Also |Further )?(?:Requests|Decides|Urges|Calls|Invites|Welcomes|"
    r"Encourages|Notes|Takes|Recognizes|Reaffirms|Stresses|Emphasizes|Expresses)\b"
)


@pytest.fixture(scope="module")
def parsed(corpus):
    paths = [*sorted((corpus / "text").glob("*.txt")), corpus / "seed" / "A_RES_73_135.md"]
    return {p.name: parse(p) for p in paths}


def test_every_corpus_text_parses_with_a_symbol_a_date_and_a_meeting(parsed):
    assert len(parsed) == 45
    for name, r in parsed.items():
        assert r.symbol and r.session and r.adopted_on and r.meeting, name
        assert r.operative, name


def test_operative_numbering_runs_without_gap_or_repeat(parsed):
    for name, r in parsed.items():
        numbered = [p.number for p in r.operative if p.number is not None]
        assert numbered == list(range(1, len(numbered) + 1)), name
        assert not [w for w in r.warnings if "numbering" in w], name


def test_every_operative_paragraph_has_a_verb_and_every_preambular_one_a_phrase(parsed):
    for name, r in parsed.items():
        assert all(p.verb and p.text.startswith(p.verb) for p in r.operative), name
        assert all(p.phrase and p.text.startswith(p.phrase) for p in r.preamble), name


def test_no_paragraph_swallows_the_next_one(parsed):
    for name, r in parsed.items():
        for p in r.preamble:
            assert not PREAMBLE_INSIDE.search(p.text), (name, p.id)
        for p in r.operative:
            assert not OPERATIVE_INSIDE.search(p.text), (name, p.id)


def test_no_page_furniture_is_left_in_the_paragraphs(parsed):
    furniture = re.compile(
        r"A/RES/\d+/\d+\s+\S|\b\d{2}-\d{5}\b|\*\d{7}\*|_{4,}|\s\d{1,2}/\d{1,2}\s*$"
    )
    for name, r in parsed.items():
        for p in (*r.preamble, *r.operative):
            assert not furniture.search(p.text), (name, p.id, furniture.search(p.text).group(0))
